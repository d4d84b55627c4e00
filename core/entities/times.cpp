#include "entities/times.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "lang/data.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

enum class Half { am, pm, none };  // "o'clock" says the hour, not the half of the day

struct Meridiem {
  std::string form;
  Half half = Half::am;
  bool zone = false;  // a time zone ("GMT"): after a clock time or its meridiem
};

// Longest forms first, so "a.m." is tried before "am" and "مساءً" before "مساء".
const std::vector<Meridiem>& meridiems() {
  static const auto words = [] {
    std::vector<Meridiem> out;
    for (const auto& row : data::rows_all_languages("dates.tsv"))
      if (row[0] == "meridiem" && row.size() > 2)
        out.push_back({std::string(row[1]), row[2] == "pm" ? Half::pm : row[2] == "am" ? Half::am : Half::none});
      else if (row[0] == "time_zone" && row.size() > 1)
        out.push_back({std::string(row[1]), Half::none, true});
    std::sort(out.begin(), out.end(), [](const Meridiem& a, const Meridiem& b) { return a.form.size() > b.form.size(); });
    return out;
  }();
  return words;
}

// Words of a clock time written out: the word before an hour ("الساعة العاشرة") and the minutes
// after it ("والنصف" 30), folded.
struct ClockWords {
  text::StringSet before_hour;
  text::StringMap<int> minutes;
};

const ClockWords& clock_words() {
  static const auto words = [] {
    ClockWords out;
    for (const auto& row : data::rows_all_languages("dates.tsv")) {
      if (row[0] == "clock_before_hour" && row.size() > 1) out.before_hour.insert(text::fold(row[1]));
      if (row[0] == "clock_minutes" && row.size() > 2) out.minutes[text::fold(row[1])] = std::atoi(std::string(row[2]).c_str());
    }
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

bool ascii_digit(std::string_view line, std::size_t i) { return i < line.size() && line[i] >= '0' && line[i] <= '9'; }

// Past a time zone's offset at `pos` ("+1", "-05:00" of "GMT+1", "UTC-05:00"), if one is there.
std::size_t past_zone_offset(std::string_view line, std::size_t pos) {
  if (pos >= line.size() || (line[pos] != '+' && line[pos] != '-') || !ascii_digit(line, pos + 1)) return pos;
  std::size_t end = pos + (ascii_digit(line, pos + 2) ? 3 : 2);
  if (end < line.size() && line[end] == ':' && ascii_digit(line, end + 1) && ascii_digit(line, end + 2)) end += 3;
  return ascii_digit(line, end) ? pos : end;
}

// The meridiem word after `pos` (one blank allowed before it), ending at a word boundary; `end` is
// past a time zone after it and the zone's offset.
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
    std::size_t zone_end = 0;
    if (m.zone) {
      end = past_zone_offset(line, end);
    } else if (const Meridiem* zone = m.half != Half::none ? meridiem_at(line, end, zone_end) : nullptr; zone && zone->zone) {
      end = zone_end;
    }
    return &m;
  }
  return nullptr;
}

// An hour written without minutes: after the clock word ("الساعة العاشرة", "الساعة 10"), with the
// minutes written out after it ("والنصف"), or before a meridiem word of two letters or more ("10 am",
// "11 o'clock"; not "5 م", which is also five metres). Its hour (1-12 as a word, 0-23 in digits).
struct WrittenHour {
  std::size_t start = 0, end = 0;
  int hour = -1, minutes = 0;
  const Meridiem* meridiem = nullptr;
};

std::optional<WrittenHour> written_hour(std::string_view line, const text::Tokens& tokens, const Entity& e) {
  const bool word = e.type == "ORDINAL";
  const int h = word ? std::atoi(e.norm.c_str()) : whole_number(e);
  if (h < 0 || h > (word ? 12 : 23) || (!word && text::count_code_points(e.text) > 2)) return std::nullopt;
  WrittenHour out{e.span.start8, e.span.end8, h, 0, nullptr};
  const ClockWords& words = clock_words();
  const std::size_t first = static_cast<std::size_t>(text::first_token_from(tokens, e.span.start8) - tokens.begin());
  const bool after_clock_word = first > 0 && words.before_hour.count(tokens[first - 1].form());
  if (after_clock_word) out.start = tokens[first - 1].start;
  const std::size_t next = static_cast<std::size_t>(text::first_token_from(tokens, e.span.end8) - tokens.begin());
  if (next < tokens.size()) {
    if (const auto m = words.minutes.find(tokens[next].form()); m != words.minutes.end() && (after_clock_word || word)) {
      out.minutes = m->second;
      out.end = tokens[next].end;
    }
  }
  std::size_t end = 0;
  if (const Meridiem* m = h >= 1 && h <= 12 ? meridiem_at(line, out.end, end) : nullptr;
      m && (after_clock_word || text::count_code_points(m->form) > 1)) {
    out.meridiem = m;
    out.end = end;
  }
  if (!after_clock_word && !out.meridiem) return std::nullopt;
  return out;
}

// A clock time written with a dot, as British papers do ("05.33", "9.15"): its hour and minutes, or
// nothing. Only before a meridiem word or time zone: alone it is a decimal number.
std::optional<std::pair<int, int>> dotted_clock(const Entity& e) {
  const std::string_view t = e.text;
  const std::size_t dot = t.find('.');
  if (e.type != "NUMBER" || dot == std::string_view::npos || dot == 0 || dot > 2 || t.size() != dot + 3 ||
      !std::all_of(t.begin(), t.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); }))
    return std::nullopt;
  const int hour = std::atoi(std::string(t.substr(0, dot)).c_str()), minutes = std::atoi(std::string(t.substr(dot + 1)).c_str());
  if (hour > 23 || minutes > 59) return std::nullopt;
  return std::pair{hour, minutes};
}

std::string clock_norm(int hour, int minutes, const Meridiem* meridiem) {
  if (meridiem && meridiem->half != Half::none && hour >= 1 && hour <= 12) hour = hour % 12 + (meridiem->half == Half::pm ? 12 : 0);
  char norm[6];
  std::snprintf(norm, sizeof norm, "%02d:%02d", hour, minutes);
  return norm;
}

}  // namespace

std::size_t digits_before_meridiem(std::string_view word) {
  const std::size_t digits = word.find_first_not_of("0123456789.");
  if (digits == 0 || digits == std::string_view::npos || word[digits - 1] == '.') return 0;
  std::size_t end = 0;
  const Meridiem* m = meridiem_at(word, digits, end);
  return m && end == word.size() && text::count_code_points(m->form) > 1 ? digits : 0;
}

void compose_times(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found) {
  std::vector<Entity> out;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Entity& hour = found[i];
    if (!out.empty() && hour.span.start8 < out.back().span.end8) continue;  // a time zone's offset ("GMT+1")
    const int h = whole_number(hour);
    const bool colon = i + 1 < found.size() && hour.span.end8 < line.size() && line[hour.span.end8] == ':' &&
                       found[i + 1].span.start8 == hour.span.end8 + 1;
    const int m = colon ? whole_number(found[i + 1]) : -1;
    const bool clock = h >= 0 && h <= 23 && text::count_code_points(hour.text) <= 2 && m >= 0 && m <= 59 &&
                       text::count_code_points(found[i + 1].text) == 2;
    if (clock) {
      Entity time{"TIME", "", {hour.span.start8, found[i + 1].span.end8}, 0, ""};
      std::size_t end = 0;
      const Meridiem* meridiem = meridiem_at(line, time.span.end8, end);  // clock_norm() reads its half for 1-12 only
      if (meridiem) time.span.end8 = end;
      time.norm = clock_norm(h, m, meridiem);
      time.text = std::string(line.substr(time.span.start8, time.span.end8 - time.span.start8));
      out.push_back(std::move(time));
      ++i;
      continue;
    }
    if (const auto dotted = dotted_clock(hour)) {
      std::size_t end = 0;
      if (const Meridiem* meridiem = meridiem_at(line, hour.span.end8, end)) {
        const auto [h12, minutes] = *dotted;
        out.push_back({"TIME", std::string(line.substr(hour.span.start8, end - hour.span.start8)), {hour.span.start8, end}, 0,
                       clock_norm(h12, minutes, h12 >= 1 && h12 <= 12 ? meridiem : nullptr)});
        continue;
      }
    }
    if (const auto w = written_hour(line, tokens, hour)) {
      out.push_back({"TIME", std::string(line.substr(w->start, w->end - w->start)), {w->start, w->end}, 0,
                     clock_norm(w->hour, w->minutes, w->meridiem)});
      continue;
    }
    out.push_back(hour);
  }
  found = std::move(out);
}

}  // namespace maqal::entities
