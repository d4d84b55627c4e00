// Clitics: the particles written onto a word (و ف ب ل ك ال, English 's) that lookups look past.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace maqal::text {

// The folded word itself, then the stems left after removing one listed prefix or suffix
// (core/lang/*/clitics.tsv) when at least two letters remain.
std::vector<std::string_view> stems(std::string_view folded_word);

// The folded word without a leading definite article ("الجمعه" → "جمعه"), or empty if it has none.
std::string_view without_article(std::string_view folded_word);

}  // namespace maqal::text
