// Stage 4: entities in every block — lexicon names (places, organizations, groups, dates, number
// words), numbers, and web patterns (URL, e-mail, hashtag, mention) — grouped into clusters.
#pragma once

#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities {

// Entities with UTF-8 spans into the input; UTF-16 offsets are filled later.
std::vector<Entity> find_entities(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens);

// The DATE entities find_entities gives in one block, found without the name model (which never
// changes a date): how an article's dateline is read, with or without the entity stage.
std::vector<Entity> find_dates(const Block& block, const text::Tokens& tokens);

// Each cluster with its mentions, its fullest name and, for people, the titles written right
// before their names (data: core/lang/*/titles.tsv).
std::vector<Cluster> describe_clusters(const std::vector<Entity>& entities, const std::vector<Block>& blocks,
                                       const std::vector<text::Tokens>& tokens);

}  // namespace maqal::entities
