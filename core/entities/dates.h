// Date expressions: a month name with a day and/or year around it ("14 March 2024",
// "March 14, 2024", "الثاني من مارس"), or a numeric date ("2024-03-14", "14/3/2024", "14.03.2024"),
// becomes one DATE with an ISO 8601 norm.
#pragma once

#include <string_view>
#include <vector>

#include "maqal/maqal.h"

namespace maqal::entities {

// `found` are the line's entities in order (lexicon months, numbers, ordinals); spans are relative to
// `line`. Reads numeric dates, merges each month with its day and year and drops ordinals that named
// no day.
void compose_dates(std::string_view line, std::vector<Entity>& found);

}  // namespace maqal::entities
