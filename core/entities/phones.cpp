#include "entities/phones.h"

#include <unicode/uchar.h>

#include <algorithm>
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

bool digit(UChar32 c) { return u_charType(c) == U_DECIMAL_DIGIT_NUMBER; }  // of any script
bool separator(UChar32 c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == 0xA0; }

const std::vector<std::string>& labels() {
  static const std::vector<std::string> out = [] {
    std::vector<std::string> v;
    for (const auto& row : data::rows_all_languages("phones.tsv"))
      if (row.size() > 1 && row[0] == "label") v.emplace_back(row[1]);
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

// Positions right after a label and its colon ("Tel: ", "هاتف: "), where a number may start.
std::vector<std::size_t> after_labels(std::string_view line) {
  std::vector<std::size_t> out;
  const std::string lower = text::lower_ascii(line);
  for (const std::string& label : labels()) {
    const std::string key = text::lower_ascii(label);
    for (std::size_t at_ = lower.find(key); at_ != std::string::npos; at_ = lower.find(key, at_ + 1)) {
      if (u_isalnum(text::code_point_before(line, at_))) continue;  // inside a word ("Hotel")
      std::size_t i = at_ + key.size();
      if (i < line.size() && u_isalnum(text::code_point_at(line, i))) continue;
      while (i < line.size() && (line[i] == ':' || line[i] == '.' || line[i] == ' ')) ++i;
      out.push_back(i);
    }
  }
  return out;
}

}  // namespace

std::vector<Entity> find_phones(std::string_view line) {
  std::vector<Entity> out;
  const std::vector<std::size_t> labelled = after_labels(line);
  if (labelled.empty() && line.find_first_of("+(") == std::string_view::npos) return out;
  std::size_t taken = 0;  // numbers do not overlap
  for (std::size_t i = 0; i < line.size();) {
    std::size_t next;
    const UChar32 c = text::code_point_at(line, i, &next);
    const bool label = std::find(labelled.begin(), labelled.end(), i) != labelled.end();
    const bool plus = c == '+' && next < line.size() && digit(text::code_point_at(line, next));
    const bool bracket = c == '(' && next < line.size() && digit(text::code_point_at(line, next));
    const UChar32 prev = text::code_point_before(line, i);
    // Not inside a word, a number or a link ("/+123…").
    if (i >= taken && (label || plus || bracket) && !u_isalnum(prev) && prev != '/' && prev != '+') {
      const Run run = digit_run(line, i);
      bool phone = false;
      if (plus) phone = run.digits >= kMinInternationalDigits;
      else if (label) phone = run.digits >= kMinLabelledDigits && (digit(c) || bracket);
      else phone = run.digits == kNorthAmericanDigits && line.substr(i, 5).find(')') == 4;  // (ddd) ddd-dddd
      const bool followed = run.end < line.size() && u_isalnum(text::code_point_at(line, run.end));
      if (phone && !followed) {
        out.push_back({"PHONE", std::string(line.substr(i, run.end - i)), {i, run.end}, 0, (plus ? "+" : "") + run.norm});
        taken = run.end;
        i = run.end;
        continue;
      }
    }
    i = next;
  }
  return out;
}

}  // namespace maqal::entities
