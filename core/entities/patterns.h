// Web patterns in a line: URL, EMAIL, HASHTAG, MENTION (spans relative to the line).
#pragma once

#include <string_view>
#include <vector>

#include "maqal/maqal.h"

namespace maqal::entities {

std::vector<Entity> find_patterns(std::string_view line);

}  // namespace maqal::entities
