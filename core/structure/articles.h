// Stage 3: each article's metadata and body from the roles of its blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::structure {

// Dates printed in datelines are resolved by the entity stage's date rules (entities::find_dates), so
// an extraction without the entity stage reads the same published_iso.
std::vector<Article> collect_articles(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens,
                                      int article_count);

// The items of a tags line. Without separators, words are grouped into multi-word tags when the
// lexicon knows the phrase or the rest of the text uses it ("الاحتلال الاسرائيلي").
std::vector<std::string> split_tags(std::string_view value, const std::vector<Block>& blocks,
                                    const std::vector<text::Tokens>& tokens);

}  // namespace maqal::structure
