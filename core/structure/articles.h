// Stage 3: each article's metadata and body from the roles of its blocks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::structure {

// Each article's date as ISO 8601: the first date with a known year in its first dateline, read by the
// entity stage's date rules (entities::find_dates), so an extraction without the entity stage reads
// the same one.
std::vector<std::optional<std::string>> article_dates(const std::vector<Block>& blocks,
                                                      const std::vector<text::Tokens>& tokens, int article_count);

// Each article's metadata, tags and related items; `dates` are the articles' published_iso
// (article_dates, or the page's metadata). The bodies are write_bodies()'s.
std::vector<Article> collect_articles(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens,
                                      int article_count, const std::vector<std::optional<std::string>>& dates);

// Each article's body: its body blocks' texts, a blank line apart. Apart from collect_articles, which
// reads the tokens, so that the bodies (a second copy of the text) are written once the tokens are freed.
void write_bodies(std::vector<Article>& articles, const std::vector<Block>& blocks);

// The items of a tags line. Without separators, words are grouped into multi-word tags when the
// lexicon knows the phrase or the rest of the text uses it ("الاحتلال الاسرائيلي").
std::vector<std::string> split_tags(std::string_view value, const std::vector<Block>& blocks,
                                    const std::vector<text::Tokens>& tokens);

}  // namespace maqal::structure
