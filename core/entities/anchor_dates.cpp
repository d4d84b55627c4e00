#include "entities/anchor_dates.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

#include "lang/data.h"
#include "text/fold.h"
#include "text/tokens.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil calendar).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int y, m, d;
};

Civil civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int iso_weekday(long days) { return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1; }  // 1970-01-01: a Thursday

// The day of an ISO date "YYYY-MM-DD…" (a time may follow), if it is one.
std::optional<long> day_of(const std::optional<std::string>& iso) {
  if (!iso || iso->size() < 10 || (*iso)[4] != '-' || (*iso)[7] != '-') return std::nullopt;
  const int y = std::atoi(iso->substr(0, 4).c_str()), m = std::atoi(iso->substr(5, 2).c_str()),
            d = std::atoi(iso->substr(8, 2).c_str());
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const long days = days_from_civil(y, m, d);
  const Civil back = civil_from_days(days);
  if (back.m != m || back.d != d) return std::nullopt;  // 2024-02-30
  return days;
}

std::string format(const char* pattern, int a, int b = 0, int c = 0) {
  char buf[24];
  std::snprintf(buf, sizeof buf, pattern, a, b, c);
  return buf;
}

std::string iso_day(long days) {
  const Civil c = civil_from_days(days);
  return format("%04d-%02d-%02d", c.y, c.m, c.d);
}

// ISO 8601 week of a day: the week of its Thursday, numbered in the Thursday's year.
std::string iso_week(long days) {
  const long thursday = days - iso_weekday(days) + 4;
  const int year = civil_from_days(thursday).y;
  return format("%04d-W%02d", year, static_cast<int>((thursday - days_from_civil(year, 1, 1)) / 7 + 1));
}

// Offsets of up to 99,999 units: the date arithmetic below stays far inside int and long.
constexpr std::size_t kMaxOffsetDigits = 5;

// "+0D", "-1W", "+2M", "-1Y" (dates.tsv) from the day, or empty when the norm is no offset.
std::string shifted(std::string_view norm, long day) {
  if (norm.size() < 3 || (norm[0] != '+' && norm[0] != '-')) return {};
  const char unit = norm.back();
  const std::string digits(norm.substr(1, norm.size() - 2));
  if (digits.empty() || digits.size() > kMaxOffsetDigits || digits.find_first_not_of("0123456789") != std::string::npos)
    return {};
  const int n = std::atoi(digits.c_str()) * (norm[0] == '-' ? -1 : 1);
  const Civil c = civil_from_days(day);
  switch (unit) {
    case 'D': return iso_day(day + n);
    case 'W': return iso_week(day + 7L * n);
    case 'M': {
      const int months = c.y * 12 + (c.m - 1) + n;
      return format("%04d-%02d", months / 12, months % 12 + 1);
    }
    case 'Y': return format("%04d", c.y + n);
    default: return {};
  }
}

// shifted(), and a month or day of a year given by its offset ("-1Y-09", "September last year").
std::string shifted_year_date(std::string_view norm, long day) {
  const std::size_t year = norm.find("Y-");
  if (year == std::string_view::npos) return shifted(norm, day);
  const std::string shifted_year = shifted(norm.substr(0, year + 1), day);
  return shifted_year.empty() ? shifted_year : shifted_year + std::string(norm.substr(year + 1));
}

// Words beside a weekday or a month that put it ahead of the article's day, behind it, or in its
// month or year (dates.tsv "future_before", "future_after", "past_before", "past_after",
// "present_before", "present_after").
enum class Tense { past, future, present };
struct TenseWords {
  text::StringSet before, after;
};

const TenseWords& tense_words(Tense tense) {
  static const auto words = [] {
    std::array<TenseWords, 3> out;  // by Tense
    constexpr std::array<std::string_view, 3> kNames{"past_", "future_", "present_"};
    for (const auto& row : data::rows_all_languages("dates.tsv")) {
      if (row.size() < 2) continue;
      for (std::size_t t = 0; t < kNames.size(); ++t) {
        if (!row[0].starts_with(kNames[t])) continue;
        const std::string_view side = row[0].substr(kNames[t].size());
        if (side == "before") out[t].before.insert(text::fold(row[1]));
        if (side == "after") out[t].after.insert(text::fold(row[1]));
      }
    }
    return out;
  }();
  return words[static_cast<std::size_t>(tense)];
}

// The folded word right before `start` or right after `end` in the text: the words of the few bytes
// there, cut at character boundaries.
constexpr std::size_t kNearBytes = 32;
bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string word_before(std::string_view text, std::size_t start) {
  std::size_t from = start > kNearBytes ? start - kNearBytes : 0;
  while (from < start && continuation_byte(text[from])) ++from;
  const text::Tokens tokens = text::tokenize(text.substr(from, start - from));
  return tokens.empty() ? std::string() : std::string(tokens.back().form());
}
std::string word_after(std::string_view text, std::size_t end) {
  std::size_t to = std::min(text.size(), end + kNearBytes);
  while (to > end && to < text.size() && continuation_byte(text[to])) --to;
  const text::Tokens tokens = text::tokenize(text.substr(end, to - end));
  return tokens.empty() ? std::string() : std::string(tokens.front().form());
}

bool said_to_be(Tense tense, const Entity& e, std::string_view text) {
  const TenseWords& words = tense_words(tense);
  return words.before.count(word_before(text, e.span.start8)) || words.after.count(word_after(text, e.span.end8));
}

std::string weekday_date(const Entity& e, std::string_view norm, std::string_view text, long day) {
  const int wanted = norm.back() - '0';
  if (wanted < 1 || wanted > 7) return {};
  const int today = iso_weekday(day);
  if (said_to_be(Tense::future, e, text))
    return iso_day(day + ((wanted - today + 6) % 7 + 1));  // the next one, a week on when it is today
  return iso_day(day - (today - wanted + 7) % 7);
}

// A month, or a day of one, without its year ("XXXX-10", "XXXX-03-05") said to be the last or the next
// one ("أكتوبر الماضي", "next March"): in the year that makes it so from the article's day; said to be
// the current one ("نوفمبر الجاري", "this March"), in the article's year. Without
// such a word a day is the one nearest the article's day ("Oct. 26" in a story of November 20 is
// last month's, "Jan. 5" next year's), as news dates days; a month alone stays without its year
// ("in March" may be either).
// The year in which month m's day d lies nearest the day `from` (a year before, the same, or after).
int nearest_year(int m, int d, long from) {
  const int y = civil_from_days(from).y;
  const auto distance = [&](int year) { return std::labs(days_from_civil(year, m, d) - from); };
  return std::min({y - 1, y, y + 1}, [&](int a, int b) { return distance(a) < distance(b); });
}

std::string month_date(const Entity& e, std::string_view norm, std::string_view text, long day) {
  if (!norm.starts_with("XXXX-") || (norm.size() != 7 && norm.size() != 10) || norm[5] == 'W') return {};
  const int m = std::atoi(std::string(norm.substr(5, 2)).c_str()), d = norm.size() == 10 ? std::atoi(std::string(norm.substr(8, 2)).c_str()) : 0;
  const Civil today = civil_from_days(day);
  const bool before_today = m < today.m || (m == today.m && d > 0 && d < today.d);
  const bool after_today = m > today.m || (m == today.m && d > today.d);
  int year = 0;
  if (said_to_be(Tense::past, e, text)) year = before_today ? today.y : today.y - 1;
  else if (said_to_be(Tense::future, e, text)) year = after_today ? today.y : today.y + 1;
  else if (said_to_be(Tense::present, e, text)) year = today.y;
  else if (d > 0) year = nearest_year(m, d, day);
  else return {};
  return format("%04d", year) + std::string(norm.substr(4));
}

}  // namespace

void anchor_dates(std::vector<Entity>& entities, const std::vector<Block>& blocks, std::string_view text,
                  const std::vector<std::optional<std::string>>& dates) {
  std::vector<std::optional<long>> days;
  for (const auto& d : dates) days.push_back(day_of(d));
  if (std::none_of(days.begin(), days.end(), [](const auto& d) { return d.has_value(); })) return;
  auto block = blocks.begin();  // entities and blocks both in text order
  for (Entity& e : entities) {
    if (e.type != "DATE") continue;
    while (block != blocks.end() && block->span.end8 <= e.span.start8) ++block;
    if (block == blocks.end()) break;
    const std::size_t article = block->article ? static_cast<std::size_t>(*block->article) : 0;
    if (article >= days.size() || !days[article]) continue;
    // A qualified date ("late XXXX-05", "early +1Y": modifiers.tsv) is anchored past its qualifier.
    const std::size_t blank = e.norm.find(' ');
    const std::string_view qualifier = std::string_view(e.norm).substr(0, blank == std::string::npos ? 0 : blank + 1);
    const std::string_view norm = std::string_view(e.norm).substr(qualifier.size());
    std::string anchored = norm.starts_with("XXXX-WXX-") ? weekday_date(e, norm, text, *days[article])
                           : norm.starts_with("XXXX-")   ? month_date(e, norm, text, *days[article])
                                                         : shifted_year_date(norm, *days[article]);
    if (!anchored.empty()) e.norm = std::string(qualifier) + anchored;
  }
}

}  // namespace maqal::entities
