// Clock times: "09:30", "5:45 pm", "٩:٣٠ مساءً" become one TIME with a 24-hour "HH:MM" norm.
#pragma once

#include <string_view>
#include <vector>

#include "maqal/maqal.h"

namespace maqal::entities {

// `found` are the line's entities in order (numbers among them); spans are relative to `line`.
// An hour number, a colon and a two-digit minute number right after it, with an optional a.m./p.m.
// word after (dates.tsv "meridiem" rows), are merged into one TIME.
void compose_times(std::string_view line, std::vector<Entity>& found);

}  // namespace maqal::entities
