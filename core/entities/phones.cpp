#include "entities/phones.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <string>

#include "lang/data.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

// E.164 numbers have at most 15 digits; a subscriber number has at least 7.
constexpr int kMaxDigits = 15;
constexpr int kMinLabelledDigits = 7;
constexpr int kMinInternationalDigits = 8;
constexpr int kNorthAmericanDigits = 10;

// A digit of any script; answered without ICU below U+0660 (the Arabic-Indic digits), where only
// ASCII has digits, as ICU would (this runs for every character).
bool digit(UChar32 c) {
  if (c < 0x660) return c >= '0' && c <= '9';
  return u_charType(c) == U_DECIMAL_DIGIT_NUMBER;
}
bool separator(UChar32 c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == 0xA0; }

// The labels before a number ("Tel", "هاتف"), in ASCII lower case as the line is searched.
const std::vector<std::string>& labels() {
  static const std::vector<std::string> out = [] {
    std::vector<std::string> v;
    for (const auto& row : data::rows_all_languages("phones.tsv"))
      if (row.size() > 1 && row[0] == "label") v.push_back(text::lower_ascii(row[1]));
    return v;
  }();
  return out;
}

struct Run {
  std::size_t end = 0;
  int digits = 0;
  std::string norm;
};

// Digits and the separators between them from `start`, up to the last digit (or its closing bracket).
Run digit_run(std::string_view line, std::size_t start) {
  Run run;
  int open = 0;
  for (std::size_t i = start; i < line.size();) {
    std::size_t next;
    const UChar32 c = text::code_point_at(line, i, &next);
    if (digit(c)) {
      run.norm += static_cast<char>('0' + u_charDigitValue(c));
      ++run.digits;
      run.end = next;
    } else if (c == ')' && open > 0) {
      --open;
      if (run.digits > 0) run.end = next;
    } else if (c == '(') {
      ++open;
    } else if (!(separator(c) || (c == '+' && i == start))) {
      break;
    }
    if (run.digits > kMaxDigits) return {};
    i = next;
  }
  return run;
}

// Whether a label and its colon ("Tel: ", "هاتف: ") end right before `at`.
bool after_label(std::string_view line, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && (line[end - 1] == ':' || line[end - 1] == '.' || line[end - 1] == ' ')) --end;
  if (end == at) return false;  // "Tel5551234" is a word
  return std::any_of(labels().begin(), labels().end(), [&](const std::string& key) {
    return end >= key.size() &&
           std::equal(key.begin(), key.end(), line.begin() + static_cast<std::ptrdiff_t>(end - key.size()),
                      [](char k, char c) { return k == text::lower_ascii(c); }) &&
           !u_isalnum(text::code_point_before(line, end - key.size()));  // not inside a word ("Hotel")
  });
}

// A North American number written ddd-ddd-dddd or ddd.ddd.dddd at `at` ("202-555-0143"): no date or
// other number has that shape. Not when more digits or a separator and a digit go on after it.
bool north_american_shape(std::string_view line, std::size_t at) {
  constexpr std::string_view kShape = "ddd-ddd-dddd";
  if (line.size() - at < kShape.size()) return false;
  const char separator = line[at + 3];
  if (separator != '-' && separator != '.') return false;
  for (std::size_t k = 0; k < kShape.size(); ++k) {
    const char c = line[at + k];
    if (kShape[k] == 'd' ? !(c >= '0' && c <= '9') : c != separator) return false;
  }
  const std::size_t end = at + kShape.size();
  return end == line.size() ||
         !(std::isdigit(static_cast<unsigned char>(line[end])) ||
           ((line[end] == '-' || line[end] == '.') && end + 1 < line.size() && std::isdigit(static_cast<unsigned char>(line[end + 1]))));
}

}  // namespace

std::vector<Entity> find_phones(std::string_view line) {
  std::vector<Entity> out;
  std::size_t taken = 0;  // numbers do not overlap
  // Most characters start no number and are passed by their first byte: ASCII ones other than '+',
  // '(' and the digits, and two-byte ones below the first digit out of ASCII (U+0660, D9 A0: the
  // Arabic letters). kPass: the bytes to pass at a character's first byte (0: it may start one; D9:
  // by the byte after it). Of a character that may start one, the one before is decoded backwards
  // (the text is valid UTF-8), not kept all along.
  static constexpr auto kPass = [] {
    std::array<std::uint8_t, 256> out{};
    for (int b = 0; b < 0x80; ++b) out[b] = b == '+' || b == '(' || (b >= '0' && b <= '9') ? 0 : 1;
    for (int b = 0x80; b < 0xC0; ++b) out[b] = 1;  // inside a character
    for (int b = 0xC0; b < 0xD9; ++b) out[b] = 2;
    return out;
  }();
  for (std::size_t i = 0; i < line.size();) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if (const std::uint8_t pass = kPass[byte]) {
      i += pass;
      continue;
    }
    if (byte == 0xD9 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) < 0xA0) {
      i += 2;
      continue;
    }
    const UChar32 prev = text::code_point_before(line, i);
    const bool prev_digit = digit(prev);
    auto after = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), after, static_cast<int32_t>(line.size()), c);
    const auto next = static_cast<std::size_t>(after);
    const bool is_digit = digit(c);
    // A number starts at a '+', a '(' or a digit after a label; not inside a word, a number or a
    // link ("/+123…").
    const bool candidate = c == '+' || c == '(' || (is_digit && !prev_digit);
    if (candidate && i >= taken && !u_isalnum(prev) && prev != '/' && prev != '+') {
      const bool plus = c == '+' && next < line.size() && digit(text::code_point_at(line, next));
      const bool bracket = c == '(' && next < line.size() && digit(text::code_point_at(line, next));
      const bool label = (digit(c) || bracket) && after_label(line, i);
      const bool shaped = !label && is_digit && north_american_shape(line, i);
      bool phone = false;
      Run run;
      if (plus || bracket || label || shaped) {
        run = digit_run(line, i);
        if (plus) phone = run.digits >= kMinInternationalDigits;
        else if (label) phone = run.digits >= kMinLabelledDigits;
        else if (shaped) phone = run.digits == kNorthAmericanDigits;
        else phone = run.digits == kNorthAmericanDigits && line.substr(i, 5).find(')') == 4;  // (ddd) ddd-dddd
      }
      if (phone && !(run.end < line.size() && u_isalnum(text::code_point_at(line, run.end)))) {
        out.push_back({"PHONE", std::string(line.substr(i, run.end - i)), {i, run.end}, 0, (plus ? "+" : "") + run.norm});
        taken = run.end;
      }
    }
    i = next;
  }
  return out;
}

}  // namespace maqal::entities
