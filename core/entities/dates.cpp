#include "entities/dates.h"

#include <cstdlib>
#include <string>
#include <unordered_set>

#include "lang/data.h"
#include "text/fold.h"
#include "text/tokens.h"

namespace maqal::entities {
namespace {

const std::unordered_set<std::string>& connectors() {
  static const auto words = [] {
    std::unordered_set<std::string> out;
    for (const auto& row : data::rows_all_languages("dates.tsv"))
      if (row[0] == "connector" && row.size() > 1) out.insert(text::fold(row[1]));
    return out;
  }();
  return words;
}

// Only blanks, commas and connector words ("من", "of") between two parts of a date.
bool joins(std::string_view gap) {
  for (const auto& t : text::tokenize(gap))
    if (!connectors().count(t.form)) return false;
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

}  // namespace

void compose_dates(std::string_view line, std::vector<Entity>& found) {
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
