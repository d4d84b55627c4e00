// Clock times: "09:30", "5:45 pm", "٩:٣٠ مساءً", "10 am", "الساعة العاشرة والنصف صباحا" become one TIME
// with a 24-hour "HH:MM" norm.
#pragma once

#include <string_view>
#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities {

// `found` are the line's entities in order (numbers among them); spans are relative to `line`.
// An hour number, a colon and a two-digit minute number right after it, with an optional a.m./p.m.
// word after (dates.tsv "meridiem" rows), are merged into one TIME; so is an hour alone before a
// meridiem word, or after a clock word ("الساعة"), written in digits or as an ordinal word, with its
// minutes written out after it ("والنصف"; dates.tsv "clock_before_hour" and "clock_minutes" rows).
void compose_times(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found);

// The length of a word's leading number when a meridiem word follows it with no blank ("6pm",
// "45pm" of "6:45pm", "9.30am"), else 0: that number is the hour or the minutes of a time.
std::size_t digits_before_meridiem(std::string_view word);

}  // namespace maqal::entities
