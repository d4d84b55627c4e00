#include "entities/dates.h"

#include <algorithm>
#include <bitset>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_set>
#include <utility>

#include "lang/data.h"
#include "text/clitics.h"
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

// The year a part of a date gives: a number of four digits, a year ("عام 2023") or a year given by its
// offset ("last year", "العام الماضي": "-1Y"); empty when it gives none.
std::string year_of(const Entity& e) {
  if (is_year(e)) return e.norm;
  if (e.type != "DATE") return {};
  const bool four_digits = e.norm.size() == 4 && e.norm.find_first_not_of("0123456789") == std::string::npos;
  const bool offset = e.norm.size() >= 3 && (e.norm[0] == '+' || e.norm[0] == '-') && e.norm.back() == 'Y' &&
                      e.norm.find_first_not_of("0123456789", 1) == e.norm.size() - 1;
  return four_digits || offset ? e.norm : std::string();
}

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

struct ElapsedUnit {
  std::string letter;
  int count = 0;  // what the word alone counts (singular 1, dual 2), 0 when it needs a number
};

struct ElapsedWords {
  text::StringSet before, after, one, not_after;
  text::StringMap<ElapsedUnit> units;
};

void read_elapsed_row(const std::vector<std::string_view>& row, ElapsedWords& out) {
  if (row.size() < 2) return;
  const std::string word = text::fold(row[1]);
  if (row[0] == "elapsed_before") out.before.insert(word);
  else if (row[0] == "elapsed_after") out.after.insert(word);
  else if (row[0] == "elapsed_one") out.one.insert(word);
  else if (row[0] == "elapsed_not_after") out.not_after.insert(word);
  else if (row[0] == "elapsed_unit" && row.size() > 2)
    out.units[word] = {std::string(row[2]), row.size() > 3 ? std::atoi(std::string(row[3]).c_str()) : 0};
}

ElapsedWords elapsed_words_of(std::string_view file) {
  ElapsedWords out;
  for (const auto& row : data::rows(file)) read_elapsed_row(row, out);
  return out;
}

const ElapsedWords& elapsed_words() {  // both languages'
  static const ElapsedWords words = [] {
    ElapsedWords out;
    for (const auto& row : data::rows_all_languages("dates.tsv")) read_elapsed_row(row, out);
    return out;
  }();
  return words;
}

bool elapsed_before(const text::Token& t) {
  for (std::string_view s : text::stems(t))  // "ومنذ"
    if (elapsed_words().before.count(s)) return true;
  return false;
}

bool counts_from_elsewhere(const std::vector<text::Token>& tokens, std::size_t after) {
  return after < tokens.size() && elapsed_words().not_after.count(tokens[after].form()) > 0;
}

// The token that starts or ends at a byte of the line, tokens.size() when none does.
std::size_t token_at(const text::Tokens& tokens, std::size_t byte, bool ending) {
  const auto it = std::lower_bound(tokens.begin(), tokens.end(), byte, [&](const text::Token& t, std::size_t b) {
    return (ending ? t.end : t.start) < b;
  });
  return it != tokens.end() && (ending ? it->end : it->start) == byte ? static_cast<std::size_t>(it - tokens.begin())
                                                                      : tokens.size();
}

// "منذ 5000 عام" at most: a count beyond is no time ago (and keeps the date arithmetic in range).
constexpr int kMaxElapsed = 10000;

std::string elapsed_norm(int count, std::string_view unit) {  // "-3D"
  std::string norm = std::to_string(-count);
  norm += unit;
  return norm;
}

}  // namespace

std::optional<Elapsed> elapsed_around(const std::vector<text::Token>& tokens, std::size_t first, std::size_t last) {
  const ElapsedWords& words = elapsed_words();
  const std::size_t unit_at = last + 1;
  if (unit_at >= tokens.size()) return std::nullopt;
  const auto unit = words.units.find(tokens[unit_at].form());
  if (unit == words.units.end()) return std::nullopt;
  if (unit_at + 1 < tokens.size() && words.after.count(tokens[unit_at + 1].form()))
    return Elapsed{first, unit_at + 1, unit->second.letter};
  if (first > 0 && elapsed_before(tokens[first - 1]) && !counts_from_elsewhere(tokens, unit_at + 1))
    return Elapsed{first - 1, unit_at, unit->second.letter};
  return std::nullopt;
}

std::string_view elapsed_type(std::string_view unit) { return unit == "H" || unit == "MIN" ? "TIME" : "DATE"; }

std::vector<ElapsedPhrase> counted_elapsed_phrases() {
  std::vector<ElapsedPhrase> out;
  for (std::string_view file : {"ar/dates.tsv", "en/dates.tsv"}) {
    const ElapsedWords words = elapsed_words_of(file);
    for (const auto& [unit, u] : words.units) {
      if (u.count == 0) continue;
      const std::string type(elapsed_type(u.letter)), norm = elapsed_norm(u.count, u.letter);
      for (const auto& before : words.before) out.push_back({before + " " + unit, type, norm});
      for (const auto& one : words.one)
        for (const auto& after : words.after) out.push_back({one + " " + unit + " " + after, type, norm});
    }
  }
  return out;
}

void compose_elapsed(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found) {
  for (std::size_t i = 0; i < found.size(); ++i) {  // in place: most blocks have no elapsed time
    Entity& e = found[i];
    if ((e.type == "DATE" || e.type == "TIME") && e.norm.starts_with('-')) {  // the lexicon's "قبل يومين"
      const std::size_t first = token_at(tokens, e.span.start8, false);
      if (first < tokens.size() && elapsed_before(tokens[first]) &&
          counts_from_elsewhere(tokens, token_at(tokens, e.span.end8, true) + 1))
        found.erase(found.begin() + static_cast<std::ptrdiff_t>(i--));  // "… من الانتخابات"
      continue;
    }
    const int count = e.type == "NUMBER" ? integer(e) : 0;
    if (count <= 0 || count > kMaxElapsed) continue;
    const std::size_t first = token_at(tokens, e.span.start8, false), last = token_at(tokens, e.span.end8, true);
    const auto elapsed = first < tokens.size() && last < tokens.size() ? elapsed_around(tokens, first, last) : std::nullopt;
    if (!elapsed) continue;
    const std::size_t start = tokens[elapsed->first].start, end = tokens[elapsed->last].end;
    e = {std::string(elapsed_type(elapsed->unit)), std::string(line.substr(start, end - start)), {start, end}, 0,
         elapsed_norm(count, elapsed->unit)};
    // What the phrase took in: a marker or a unit the lexicon knew.
    std::size_t from = i, to = i + 1;
    while (from > 0 && found[from - 1].span.end8 > start) --from;
    while (to < found.size() && found[to].span.start8 < end) ++to;
    found.erase(found.begin() + static_cast<std::ptrdiff_t>(i) + 1, found.begin() + static_cast<std::ptrdiff_t>(to));
    found.erase(found.begin() + static_cast<std::ptrdiff_t>(from), found.begin() + static_cast<std::ptrdiff_t>(i));
    i = from;
  }
}

std::string decade(std::string_view w) {
  const bool digits = w.size() >= 5 && std::all_of(w.begin(), w.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || w[3] != '0' || !(w.substr(4) == "s" || w.substr(4) == "'s" || w.substr(4) == "\u2019s")) return {};
  return std::string(w.substr(0, 3)) + "X";
}

namespace {

// The words that make a number of four digits after them a year: a word for "year", part of the date
// ("عام 2024", "the year 2024"), or a word or two that take a year ("in 2023", "منذ 2011", "half of
// 2024"); folded.
struct YearWords {
  text::StringSet year, before, two_before;
  text::StringSet before_no_range;  // "pages 1893-1894": no years
};

const YearWords& year_words() {
  static const auto words = [] {
    YearWords out;
    for (const auto& row : data::rows_all_languages("dates.tsv"))
      if (row[0] == "year_word" && row.size() > 1)
        out.year.insert(text::fold(row[1]));
      else if (row[0] == "year_before" && row.size() > 1)
        (row[1].find(' ') == std::string::npos ? out.before : out.two_before).insert(text::fold(row[1]));
      else if (row[0] == "no_range_after" && row.size() > 1)
        out.before_no_range.insert(text::fold(row[1]));
    return out;
  }();
  return words;
}

bool has_stem_in(const text::Token& t, const text::StringSet& words) {
  for (std::string_view s : text::stems(t))
    if (words.count(s)) return true;
  return false;
}

// Years after a word that introduces them become DATEs; with a word for "year", from that word.
// A number after a word that merely takes a year ("in", "في") is a year only from 1800 to 2199
// ("في 2000 منزل" reads as a count less often than "في 2024" as a year, but it can).
void read_years(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found) {
  const YearWords& words = year_words();
  for (auto& e : found) {
    if (!is_year(e) || text::count_code_points(e.text) != 4) continue;
    const std::size_t first = token_at(tokens, e.span.start8, false);
    if (first == 0 || first >= tokens.size()) continue;
    // The word before, past a hyphen joining it ("mid-2025").
    const std::size_t intro = first - 1 - text::joining_hyphen(tokens, first - 1);
    const text::Token& before = tokens[intro];
    const bool year_word = has_stem_in(before, words.year);
    const bool takes_year = has_stem_in(before, words.before) ||
        (intro >= 1 && words.two_before.count(std::string(tokens[intro - 1].form()) + ' ' + std::string(before.form())));
    const int year = integer(e);
    if (!year_word && !(takes_year && year >= 1800 && year < 2200)) continue;
    e.type = "DATE";
    if (!year_word) continue;
    e.span.start8 = before.start;
    e.text = std::string(line.substr(e.span.start8, e.span.end8 - e.span.start8));
  }
}

// A range of years written close, "2024-2025", "2024–25", "2024/2025" (a season, a term of office): one
// DATE, the years' ISO 8601 interval "2024/2025". The second year is later, by a century at most; one of
// two digits, by ten years at most ("2024-25", "1999-00"); after a slash, by two at most, from 1900 on.
// Not pages: after a word for them
// ("pages 1893-1894", dates.tsv no_range_after) or a colon written close (a citation's "161(8):1698-1707").
// Anything else ("2024-2023") stays two numbers.
void read_year_ranges(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found) {
  constexpr int kMaxYears = 100, kMaxYearsShort = 10, kFirstSlashYear = 1900, kMaxSlashYears = 2;
  const auto pages = [&](const Entity& from) {
    const std::size_t first = token_at(tokens, from.span.start8, false);
    if (first == 0 || first >= tokens.size()) return false;
    const text::Token& before = tokens[first - 1];
    if (before.form() == ":" && before.end == from.span.start8) return true;
    const bool abbreviated = before.form() == "." && first >= 2;  // "pp. 1698-1707"
    return has_stem_in(abbreviated ? tokens[first - 2] : before, year_words().before_no_range);
  };
  for (std::size_t k = 0; k + 1 < found.size(); ++k) {
    Entity& from = found[k];
    const Entity& to = found[k + 1];
    if (!is_year(from) || to.type != "NUMBER" || text::count_code_points(from.text) != 4) continue;
    const std::size_t mark = token_at(tokens, from.span.end8, true) + 1;
    if (mark + 1 >= tokens.size() || tokens[mark].start != from.span.end8 || tokens[mark].end != to.span.start8 ||
        tokens[mark + 1].end != to.span.end8)
      continue;
    const std::string_view written = line.substr(tokens[mark].start, tokens[mark].end - tokens[mark].start);
    const int first = integer(from), digits = static_cast<int>(text::count_code_points(to.text));
    const bool slash = written == "/";
    if (written != "-" && written != "\u2013" && !slash) continue;
    int last = digits == 2 ? first / 100 * 100 + integer(to) : digits == 4 ? integer(to) : -1;
    if (digits == 2 && last <= first) last += 100;  // "1999-00"
    if (last <= first || last - first > (digits == 2 ? kMaxYearsShort : kMaxYears) || pages(from)) continue;
    // A slash joins a season or a fiscal year of our times, "2024/2025"; else it is a month ("2002/07")
    // or a count ("1763/1770 tests").
    if (slash && (digits != 4 || first < kFirstSlashYear || last - first > kMaxSlashYears)) continue;
    from.type = "DATE";
    from.norm = std::to_string(first) + '/' + std::to_string(last);
    from.span.end8 = to.span.end8;
    // With a word for "year" before it, from that word, as a single year ("عام 2024-2025", "Year 2024-25").
    if (const std::size_t opening = token_at(tokens, from.span.start8, false);
        opening > 0 && opening < tokens.size() && has_stem_in(tokens[opening - 1], year_words().year))
      from.span.start8 = tokens[opening - 1].start;
    from.text = std::string(line.substr(from.span.start8, from.span.end8 - from.span.start8));
    found.erase(found.begin() + static_cast<std::ptrdiff_t>(k) + 1);
  }
}

}  // namespace

std::string_view current_period(const text::Tokens& tokens, std::size_t i) {
  struct Words {
    text::StringMap<std::string> periods;  // period word → its offset: "شهر" → "+0M"
    std::vector<std::string> present;      // a handful: compared, not hashed, as every token is asked
    std::bitset<64> present_sizes;         // their sizes in bytes, modulo 64: most tokens stop here
  };
  static const auto words = [] {
    Words out;
    for (const auto& row : data::rows_all_languages("dates.tsv")) {
      if (row[0] == "current_period" && row.size() > 2) out.periods[text::fold(row[1])] = "+0" + std::string(row[2]);
      if (row[0] == "present_after" && row.size() > 1) out.present.push_back(text::fold(row[1]));
    }
    for (const auto& w : out.present) out.present_sizes[w.size() % 64] = true;
    return out;
  }();
  if (i + 1 >= tokens.size()) return {};
  const std::string_view next = tokens[i + 1].form();
  if (!words.present_sizes[next.size() % 64] || tokens[i].kind != text::TokenKind::word ||
      std::none_of(words.present.begin(), words.present.end(), [&](const std::string& w) { return w == next; }))
    return {};
  for (std::string_view s : text::stems(tokens[i]))
    if (const auto it = words.periods.find(s); it != words.periods.end()) return it->second;
  return {};
}

void compose_dates(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found) {
  read_numeric_dates(line, found);
  read_year_ranges(line, tokens, found);  // before the years: "in 2024-25" is one date
  read_years(line, tokens, found);  // before the months: "مارس من عام 2023" is one date
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
    // The month again in another calendar after a slash ("أكتوبر/تشرين الأول", as papers write both
    // for readers of either): one date.
    if (next < found.size() && is_month(found[next]) && found[next].norm == found[i].norm &&
        text::tokenize(gap(found[next - 1], found[next])).size() == 1 && gap(found[next - 1], found[next]).find('/') != std::string_view::npos) {
      date.span.end8 = found[next].span.end8;
      ++next;
    }
    if (next < found.size() && !year_of(found[next]).empty() && joins(gap(found[next - 1], found[next]))) {
      year = year_of(found[next]);
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
