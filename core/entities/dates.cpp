#include "entities/dates.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include "lang/data.h"
#include "text/fold.h"
#include "text/script.h"
#include "text/tokens.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

const text::StringSet& connectors() {
  static const auto words = [] {
    text::StringSet out;
    for (const auto& row : data::rows_all_languages("dates.tsv"))
      if (row[0] == "connector" && row.size() > 1) out.insert(text::fold(row[1]));
    return out;
  }();
  return words;
}

// Only blanks, commas and connector words ("من", "of") between two parts of a date.
bool joins(std::string_view gap) {
  for (const auto& t : text::tokenize(gap))
    if (!connectors().count(t.form())) return false;
  return gap.size() < 16;
}

int integer(const Entity& e) {
  if (e.norm.find('.') != std::string::npos) return -1;
  return std::atoi(e.norm.c_str());
}

bool is_day(const Entity& e) {
  const int v = integer(e);
  return (e.type == "NUMBER" || e.type == "ORDINAL") && v >= 1 && v <= 31;
}
bool is_year(const Entity& e) {
  const int v = integer(e);
  return e.type == "NUMBER" && e.text.size() >= 4 && v >= 1000 && v <= 2999;
}
bool is_month(const Entity& e) { return e.type == "DATE" && e.norm.size() == 7 && e.norm[4] == '-' && e.norm[5] != 'W'; }

// Whether a numeric date whose first two parts could both be the day ("03/04/2024") has the day
// first: the line's language's order (dates.tsv "numeric_order": DMY or MDY).
bool day_first(std::string_view line) {
  static const auto order = [](std::string_view file) {
    for (const auto& row : data::rows(file))
      if (row[0] == "numeric_order" && row.size() > 1) return row[1] == "DMY";
    return true;
  };
  static const bool arabic = order("ar/dates.tsv"), english = order("en/dates.tsv");
  return text::language(line) == "ar" ? arabic : english;
}

// Year, month and day as an ISO date, or empty when they are not one.
std::string iso_date(int year, int month, int day) {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Three numbers: year-month-day, or day and month in either order then a four-digit year (dotted
// dates, "14.03.2024", always put the day first).
std::string numeric_date(std::string_view line, char separator, std::string_view a, std::string_view b,
                         std::string_view c) {
  const auto value = [](std::string_view s) { return std::atoi(std::string(s).c_str()); };
  if (a.size() == 4) return iso_date(value(a), value(b), value(c));
  if (c.size() != 4 || a.size() > 2 || b.size() > 2) return {};
  const int x = value(a), y = value(b);
  const bool dmy = x > 12 || (y <= 12 && (separator == '.' || day_first(line)));
  return dmy ? iso_date(value(c), y, x) : iso_date(value(c), x, y);
}

// Numeric dates ("2024-03-14", "14/3/2024", "14.03.2024") become one DATE: three numbers joined
// by the same separator, or one number whose digits dots join.
void read_numeric_dates(std::string_view line, std::vector<Entity>& found) {
  std::vector<Entity> out;
  for (std::size_t i = 0; i < found.size(); ++i) {
    Entity& e = found[i];
    if (e.type != "NUMBER") {
      out.push_back(std::move(e));
      continue;
    }
    // A number's norm is its digits in ASCII (Arabic-Indic ones too), leading zeros kept.
    if (i + 2 < found.size() && found[i + 1].type == "NUMBER" && found[i + 2].type == "NUMBER") {
      const std::string_view sep1 = line.substr(e.span.end8, found[i + 1].span.start8 - e.span.end8);
      const std::string_view sep2 = line.substr(found[i + 1].span.end8, found[i + 2].span.start8 - found[i + 1].span.end8);
      if (sep1.size() == 1 && sep1 == sep2 && (sep1 == "/" || sep1 == "-" || sep1 == ".")) {
        const std::string iso = numeric_date(line, sep1[0], e.norm, found[i + 1].norm, found[i + 2].norm);
        if (!iso.empty()) {
          const std::size_t start = e.span.start8, end = found[i + 2].span.end8;
          out.push_back({"DATE", std::string(line.substr(start, end - start)), {start, end}, 0, iso});
          i += 2;
          continue;
        }
      }
    }
    const std::size_t dot1 = e.norm.find('.'), dot2 = dot1 == std::string::npos ? dot1 : e.norm.find('.', dot1 + 1);
    if (dot2 != std::string::npos && e.norm.find('.', dot2 + 1) == std::string::npos) {
      const std::string_view n = e.norm;
      const std::string iso = numeric_date(line, '.', n.substr(0, dot1), n.substr(dot1 + 1, dot2 - dot1 - 1), n.substr(dot2 + 1));
      if (!iso.empty()) {
        e.type = "DATE";
        e.norm = iso;
      }
    }
    out.push_back(std::move(e));
  }
  found = std::move(out);
}

}  // namespace

void compose_dates(std::string_view line, std::vector<Entity>& found) {
  read_numeric_dates(line, found);
  std::vector<Entity> out;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!is_month(found[i])) {
      out.push_back(found[i]);
      continue;
    }
    Entity date = found[i];
    std::string day, year = "XXXX";
    auto gap = [&](const Entity& a, const Entity& b) { return line.substr(a.span.end8, b.span.start8 - a.span.end8); };
    if (!out.empty() && is_day(out.back()) && joins(gap(out.back(), date))) {  // 14 March, الثاني من مارس
      day = std::to_string(integer(out.back()));
      date.span.start8 = out.back().span.start8;
      out.pop_back();
    }
    std::size_t next = i + 1;
    if (day.empty() && next < found.size() && is_day(found[next]) && !is_year(found[next]) &&
        joins(gap(found[i], found[next]))) {  // March 14
      day = std::to_string(integer(found[next]));
      date.span.end8 = found[next].span.end8;
      ++next;
    }
    if (next < found.size() && is_year(found[next]) && joins(gap(found[next - 1], found[next]))) {
      year = found[next].norm;
      date.span.end8 = found[next].span.end8;
      ++next;
    }
    date.norm = year + date.norm.substr(4);
    if (!day.empty()) date.norm += (day.size() == 1 ? "-0" : "-") + day;
    date.text = std::string(line.substr(date.span.start8, date.span.end8 - date.span.start8));
    out.push_back(std::move(date));
    i = next - 1;
  }
  std::erase_if(out, [](const Entity& e) { return e.type == "ORDINAL"; });  // ordinals only name days
  found = std::move(out);
}

}  // namespace maqal::entities
