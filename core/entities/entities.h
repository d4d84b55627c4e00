// Stage 4: entities in every block — lexicon names (places, organizations, groups, dates, number
// words), numbers, and web patterns (URL, e-mail, hashtag, mention) — grouped into clusters.
#pragma once

#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities {

// Entities with UTF-8 spans into the input; UTF-16 offsets are filled later.
std::vector<Entity> find_entities(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens);

}  // namespace maqal::entities
