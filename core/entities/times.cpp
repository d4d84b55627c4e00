#include "entities/times.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "lang/data.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

struct Meridiem {
  std::string form;
  bool pm = false;
};

// Longest forms first, so "a.m." is tried before "am" and "مساءً" before "مساء".
const std::vector<Meridiem>& meridiems() {
  static const auto words = [] {
    std::vector<Meridiem> out;
    for (const auto& row : data::rows_all_languages("dates.tsv"))
      if (row[0] == "meridiem" && row.size() > 2) out.push_back({std::string(row[1]), row[2] == "pm"});
    std::sort(out.begin(), out.end(), [](const Meridiem& a, const Meridiem& b) { return a.form.size() > b.form.size(); });
    return out;
  }();
  return words;
}

// The value of a number written with digits only, -1 otherwise ("1,000", "2.5").
int whole_number(const Entity& e) {
  if (e.type != "NUMBER" || e.norm.empty() || e.norm.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::atoi(e.norm.c_str());
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool same_letters(std::string_view a, std::string_view b) {  // ASCII letters compared without case
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// The meridiem word after `pos` (one blank allowed before it), ending at a word boundary.
const Meridiem* meridiem_at(std::string_view line, std::size_t pos, std::size_t& end) {
  if (pos < line.size() && line[pos] == ' ') ++pos;
  for (const auto& m : meridiems()) {
    if (line.size() - pos < m.form.size() || !same_letters(line.substr(pos, m.form.size()), m.form)) continue;
    const std::size_t after = pos + m.form.size();
    if (after < line.size()) {
      UChar32 c = 0;
      int32_t i = static_cast<int32_t>(after);
      U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), i, static_cast<int32_t>(line.size()), c);
      if (u_isalnum(c)) continue;
    }
    end = after;
    return &m;
  }
  return nullptr;
}

}  // namespace

void compose_times(std::string_view line, std::vector<Entity>& found) {
  std::vector<Entity> out;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Entity& hour = found[i];
    const int h = whole_number(hour);
    const bool colon = i + 1 < found.size() && hour.span.end8 < line.size() && line[hour.span.end8] == ':' &&
                       found[i + 1].span.start8 == hour.span.end8 + 1;
    const int m = colon ? whole_number(found[i + 1]) : -1;
    const bool clock = h >= 0 && h <= 23 && text::count_code_points(hour.text) <= 2 && m >= 0 && m <= 59 &&
                       text::count_code_points(found[i + 1].text) == 2;
    if (!clock) {
      out.push_back(hour);
      continue;
    }
    Entity time{"TIME", "", {hour.span.start8, found[i + 1].span.end8}, 0, ""};
    int hour24 = h;
    std::size_t end = 0;
    if (const Meridiem* meridiem = h >= 1 && h <= 12 ? meridiem_at(line, time.span.end8, end) : nullptr) {
      hour24 = h % 12 + (meridiem->pm ? 12 : 0);
      time.span.end8 = end;
    }
    char norm[6];
    std::snprintf(norm, sizeof norm, "%02d:%02d", hour24, m);
    time.norm = norm;
    time.text = std::string(line.substr(time.span.start8, time.span.end8 - time.span.start8));
    out.push_back(std::move(time));
    ++i;
  }
  found = std::move(out);
}

}  // namespace maqal::entities
