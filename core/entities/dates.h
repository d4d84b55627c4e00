// Date expressions: a month name with a day and/or year around it ("14 March 2024",
// "March 14, 2024", "الثاني من مارس"), or a numeric date ("2024-03-14", "14/3/2024", "14.03.2024"),
// becomes one DATE with an ISO 8601 norm; time elapsed back from the article's date ("3 days ago",
// "منذ ساعتين") one DATE or TIME with the offset as norm.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities {

// `found` are the line's entities in order (lexicon months, numbers, ordinals); spans are relative to
// `line`. Reads numeric dates, merges each month with its day and year, drops ordinals that named
// no day, and makes a year of four digits after a word that introduces one a DATE ("in 2023",
// "عام 2024"; dates.tsv year_before, year_word rows).
void compose_dates(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found);

// The article's own month, year or week written at tokens[i] and the token after it, a period word and
// a word of the present ("العام الجاري"; dates.tsv current_period, present_after): its offset ("+0Y"),
// or empty.
std::string_view current_period(const text::Tokens& tokens, std::size_t i);

// A decade written in digits ("1990s", "1990's") as its ISO 8601 pattern ("199X"), or empty.
std::string decade(std::string_view folded_word);

// Time elapsed back from the article's date (dates.tsv "elapsed_*"): a count, tokens [first, last],
// with its unit and the word after ("3 days ago") or the word before ("منذ 3 أيام", not "قبل 3 أيام
// من …"). The phrase's tokens (last inclusive) and the unit's letter in the norm ("D", "H", "MIN").
struct Elapsed {
  std::size_t first = 0, last = 0;
  std::string_view unit;
};
std::optional<Elapsed> elapsed_around(const std::vector<text::Token>& tokens, std::size_t first, std::size_t last);

// DATE for days and longer, TIME for hours and minutes.
std::string_view elapsed_type(std::string_view unit);

// The phrases whose unit word holds the count ("منذ ساعتين", "an hour ago"), for the lexicon.
struct ElapsedPhrase {
  std::string phrase, type, norm;  // norm: "-2H"
};
std::vector<ElapsedPhrase> counted_elapsed_phrases();

// A number of `found` with its elapsed-time words around it becomes one DATE or TIME ("-3D", "-5H");
// a counted phrase of the lexicon that counts from something else ("قبل يومين من …") is dropped.
void compose_elapsed(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found);

}  // namespace maqal::entities
