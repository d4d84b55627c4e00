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

// The masculine of a nationality adjective that has a feminine form too ("الألماني": "الألمانية" is
// one; never an English one, which has no gender).
bool masculine_nationality(std::string_view word);

// Whether the place whose name opens at token `first` is a team, the token `adjective` right after
// the name the masculine of a nationality adjective: Arabic gives a city the feminine ("هامبورغ
// الألمانية") and its club the masculine, agreeing with the noun left unsaid (نادي, فريق: "هامبورغ
// الألماني"). The adjective carries the article, as one after a name does, and no conjunction ("في
// هولندا وكوبي": and Kobe). Not a place written with the article, whose own noun may be masculine
// ("الخليج العربي"), nor one after a noun it follows in construct, which the adjective describes
// instead (agreement.tsv construct_head: "شمال أفريقيا الروماني", "مطاري عمان الأردني").
bool team_adjective(const text::Tokens& tokens, std::size_t first, std::size_t adjective);

// `found`: one line's entities in order, spans relative to `line`; `tokens`: the line's tokens;
// `taken`: the line's patterns (URLs, hashtags), which no entity may grow into.
void compose_phrases(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found,
                     const std::vector<Entity>& taken);

// A place right after a word that opens an organization's name (name_heads.tsv start ORG rows:
// "جامعة القاهرة", "بنك مصر", "لجامعة القاهرة"), or right before a capitalized word that closes one
// (end ORG rows: "Ohio Senate", "Chicago Police"), is that organization's name with it; the word joins
// it, and so does the model's name of that word alone. `found` sorted by start.
void join_institution_heads(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found);

// The name model's organizations (found[names_from...]; the lexicons' entities before them, in order)
// take in the nationality adjective right after them that agrees with them, as the model does when it
// takes both: "البنك المركزي | المصري" is one organization, written as in the lead's "البنك المركزي المصري".
// Not before a person's name, which it describes: "مدرب النصر | الإيطالي ستيفانو بيولي" (in ANERcorp's
// training part, between an organization no lexicon names and a person: outside the name 4 times of 5).
void join_nationalities(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found,
                        std::size_t names_from);

}  // namespace maqal::entities
