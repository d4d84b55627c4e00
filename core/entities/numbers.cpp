#include "entities/numbers.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

std::string format_number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  return buf;
}

// A number's norm: its value, after ">" when it is vague (a plural scale: "آلاف" >1000).
std::string value_norm(double value, bool vague) {
  std::string norm = vague ? ">" : "";
  return norm += format_number(value);
}

// Whether a number ends / starts with a digit (of any script), not a number word.
bool ends_in_digit(std::string_view s) {
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  if (i > 0) U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return u_charType(c) == U_DECIMAL_DIGIT_NUMBER;
}
bool starts_with_digit(std::string_view s) {
  int32_t i = 0;
  UChar32 c = 0;
  if (!s.empty()) U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return u_charType(c) == U_DECIMAL_DIGIT_NUMBER;
}

// A word that multiplies the group of number words before it: "hundred", "آلاف", "million".
bool is_scale(double v) { return v == 1e2 || v == 1e3 || v == 1e6 || v == 1e9 || v == 1e12; }

struct ScaleSuffix {
  double value = 0;
  bool alone = false;
};

const std::unordered_map<std::string, ScaleSuffix>& scale_suffixes() {
  static const auto suffixes = [] {
    std::unordered_map<std::string, ScaleSuffix> out;
    for (const auto& row : data::rows_all_languages("number_suffixes.tsv"))
      if (row.size() >= 3) out[std::string(row[0])] = {std::strtod(std::string(row[1]).c_str(), nullptr), row[2] == "yes"};
    return out;
  }();
  return suffixes;
}

// fractions.tsv: the fractions written before a scale word, the vague counts before a plural one,
// and the denominators hyphenated to a number word; ASCII letters in lower case, as a line's are
// compared.
struct Fractions {
  std::vector<std::pair<std::string, double>> before_scale, before_plural_scale, denominators;
};

const Fractions& fractions() {
  static const auto out = [] {
    Fractions f;
    for (const auto& row : data::rows_all_languages("fractions.tsv"))
      if (row.size() >= 3)
        (row[0] == "before_scale" ? f.before_scale : row[0] == "before_plural_scale" ? f.before_plural_scale : f.denominators)
            .emplace_back(text::lower_ascii(row[1]), std::strtod(std::string(row[2]).c_str(), nullptr));
    return f;
  }();
  return out;
}

bool word_byte(char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)); }

// Whether `line` ends at `end` with `words` (ASCII letters compared in lower case) as whole words,
// past a conjunction written onto the first of them (clitics.tsv: "وربع مليون").
bool ends_with_words(std::string_view line, std::size_t end, std::string_view words, std::size_t& start) {
  if (end < words.size() || text::lower_ascii(line.substr(end - words.size(), words.size())) != words) return false;
  start = end - words.size();
  std::size_t word_start = start;
  while (word_start > 0 && word_byte(line[word_start - 1])) --word_start;
  if (word_start == start) return true;
  const std::size_t first_end = std::min(end, line.find(' ', start));
  const std::string first = text::fold(line.substr(word_start, first_end - word_start));
  if (text::without_conjunction(first) != text::fold(line.substr(start, first_end - start))) return false;
  start = word_start;
  return true;
}

// A fraction before a scale word multiplies it ("نصف مليون", "half a million"), and a vague count
// a plural one ("عشرات الملايين", "tens of millions": >10000000); a number word hyphenated to a
// denominator is that fraction ("two-thirds").
void read_fractions(std::string_view line, std::vector<Entity>& words, const std::vector<Entity>& patterns) {
  const Fractions& f = fractions();
  // Nor into a pattern before it ("@tens of millions": the mention stays whole).
  const auto free_of_patterns = [&](std::size_t start, std::size_t end) {
    return std::none_of(patterns.begin(), patterns.end(),
                        [&](const Entity& p) { return p.span.start8 < end && start < p.span.end8; });
  };
  for (std::size_t k = 0; k < words.size(); ++k) {
    Entity& e = words[k];
    if (e.type != "NUMBER" || starts_with_digit(e.text)) continue;
    const bool vague = e.norm.starts_with('>');
    const double v = std::strtod(e.norm.c_str() + vague, nullptr);
    const std::size_t free_from = k > 0 ? words[k - 1].span.end8 : 0;
    const Span before = e.span;
    std::size_t start = 0;
    if (is_scale(v) && v >= 1e3 && e.span.start8 > 0 && line[e.span.start8 - 1] == ' ') {
      for (const auto& [phrase, value] : vague ? f.before_plural_scale : f.before_scale)
        if (ends_with_words(line, e.span.start8 - 1, phrase, start) && start >= free_from &&
            free_of_patterns(start, e.span.start8)) {
          e.span.start8 = start;
          e.norm = value_norm(v * value, vague);
          break;
        }
    } else if (e.span.end8 < line.size() && line[e.span.end8] == '-') {
      const std::string_view rest = line.substr(e.span.end8 + 1);
      for (const auto& [word, denominator] : f.denominators)
        if (text::lower_ascii(rest.substr(0, word.size())) == word && (rest.size() == word.size() || !word_byte(rest[word.size()])) &&
            free_of_patterns(e.span.end8, e.span.end8 + 1 + word.size())) {
          e.span.end8 += 1 + word.size();
          e.norm = format_number(v / denominator);
          break;
        }
    }
    if (e.span.start8 != before.start8 || e.span.end8 != before.end8)
      e.text = std::string(line.substr(e.span.start8, e.span.end8 - e.span.start8));
  }
}

}  // namespace

std::string number_norm(std::string_view folded) {
  std::string out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c >= '0' && c <= '9') out += c;
    else if (c == '.' && !out.empty()) out += '.';
    else if (folded.compare(i, 2, "\xD9\xAB") == 0) { out += '.'; ++i; }  // ARABIC DECIMAL SEPARATOR
  }
  return out;
}

std::string scaled_number(std::string_view folded, bool beside_currency) {
  if (!opens_with_digits(folded)) return {};
  const std::size_t digits_end = folded.find_first_not_of("0123456789.,");
  if (digits_end == std::string_view::npos) return {};
  const auto suffix = scale_suffixes().find(std::string(folded.substr(digits_end)));
  if (suffix == scale_suffixes().end() || !(suffix->second.alone || beside_currency)) return {};
  const std::string digits = number_norm(folded.substr(0, digits_end));
  if (digits.empty()) return {};
  return format_number(std::strtod(digits.c_str(), nullptr) * suffix->second.value);
}

// Adjacent number words and digits make one number: "two million" → 2000000, "2.5 مليون" →
// 2500000, "خمسة ملايين وثلاثة آلاف" → 5003000. Read as groups, each a sum of small values times a
// scale, the scales descending; a scale as large as one already read starts another number
// ("من ثلاثة آلاف و5 ملايين": 3000 and 5000000). Two numbers in digits stay two ("in 2024 10
// people", "14/03/2024 10:30"). A number that opens with a plural scale (numbers.tsv: "آلاف" >1000)
// is vague; one that the plural follows is not ("ثلاثة آلاف": 3000).
void merge_numbers(std::string_view line, std::vector<Entity>& words, const std::vector<Entity>& patterns) {
  std::vector<Entity> out;
  // The number being read (out.back()): its closed groups' sum, their last scale and where they
  // end; the open group's sum and where it starts; whether it opens with a plural scale.
  double total = 0, last_scale = 0, group = 0;
  std::size_t total_end = 0, group_start = 0;
  bool group_open = false, vague = false;
  const auto joins = [&](const Entity& e) {
    if (out.empty() || e.type != "NUMBER" || out.back().type != "NUMBER") return false;
    const bool digit_before = ends_in_digit(out.back().text), digit_after = starts_with_digit(e.text);
    if (digit_before && digit_after) return false;
    const std::string_view gap = line.substr(out.back().span.end8, e.span.start8 - out.back().span.end8);
    // Words joined by a hyphen are one number ("twenty-five"); digits around one are a range ("10-15").
    return gap.find_first_not_of(" \t") == std::string_view::npos || (gap == "-" && !digit_before && !digit_after);
  };
  const auto set_text = [&](Entity& n, std::size_t start, std::size_t end, double value, bool is_vague) {
    n.span = {start, end};
    n.text = std::string(line.substr(start, end - start));
    n.norm = value_norm(value, is_vague);
  };
  for (auto& e : words) {
    const bool continues = joins(e), is_number = e.type == "NUMBER", word_vague = is_number && e.norm.starts_with('>');
    const double v = is_number ? std::strtod(e.norm.c_str() + word_vague, nullptr) : 0;
    const std::size_t start = e.span.start8, end = e.span.end8;
    if (!continues) {
      out.push_back(std::move(e));
      if (!is_number) continue;
      total = last_scale = group = 0;
      group_open = false;
      vague = word_vague;
    }
    if (is_scale(v) && v >= 1e3) {
      if (!group_open && total > 0 && v >= last_scale) {  // a scale of scales: "ألف مليون" is a billion
        total *= v;
      } else if (total > 0 && v >= last_scale) {  // the open group starts another number
        set_text(out.back(), out.back().span.start8, total_end, total, vague);
        Entity next = out.back();
        vague = false;  // the open group starts with no scale
        set_text(next, group_start, end, group * v, vague);
        out.push_back(std::move(next));
        total = group * v;
      } else {
        total += (group_open ? group : 1) * v;
      }
      last_scale = v;
      total_end = end;
      group = 0;
      group_open = false;
    } else if (v == 1e2 && group_open) {
      group *= v;
    } else {
      if (!group_open) group_start = start;
      group += v;
      group_open = true;
    }
    if (continues) set_text(out.back(), out.back().span.start8, end, total + group, vague);
  }
  words = std::move(out);
  read_fractions(line, words, patterns);
}

}  // namespace maqal::entities
