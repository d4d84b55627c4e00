// Entities that grow from their neighbours: a qualifier before a number or date ("أكثر من مليوني",
// "أواخر مايو"; data: modifiers.tsv) and an institution named by a noun and a nationality
// ("الخارجية الأمريكية", "the Israeli army"; data: org_heads.tsv); and a team named by a city and the
// masculine of a nationality ("هامبورغ الألماني"; data: agreement.tsv).
#pragma once

#include <string_view>
#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities {

// `found`: one line's entities in order, spans relative to `line`; `tokens`: the line's tokens;
// `taken`: the line's patterns (URLs, hashtags), which no entity may grow into.
void compose_phrases(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found,
                     const std::vector<Entity>& taken);

// The name model's organizations (found[names_from...]; the lexicons' entities before them, in order)
// take in the nationality adjective right after them that agrees with them, as the model does when it
// takes both: "البنك المركزي | المصري" is one organization, written as in the lead's "البنك المركزي المصري".
void join_nationalities(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found,
                        std::size_t names_from);

}  // namespace maqal::entities
