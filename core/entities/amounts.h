// Amounts: a number with a currency or a percent sign becomes MONEY or PERCENT ("$480 million",
// "410 million euros", "5 ملايين دولار", "15%", "3 بالمئة"). The units are data: core/lang/*/amounts.tsv.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entities/lexicon.h"
#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities {

// A unit written beside a number: tokens [first, first + count) of the line.
struct Unit {
  std::size_t first = 0, count = 0;
  bool before = false;  // written before the number ("$", "€"); otherwise after ("euros", "%")
  std::string type;     // MONEY or PERCENT
  std::string code;     // the currency (ISO 4217 where one country's), empty for a percent
};

// The units next to a number (a digit token or a number word of the lexicons, `matches`): their
// tokens are units, not words to look up ("3 بالمئة" is not 3 × 100).
std::vector<Unit> find_units(const text::Tokens& tokens, const std::vector<LexMatch>& matches);

// Whether a word as written is a currency's ISO 4217 code that amounts.tsv lists as a unit ("USD",
// "INR"; not "usd"): alone, no name of anything.
bool currency_code(std::string_view written);

// Whether a currency unit is written right before or after token i.
bool currency_beside(const std::vector<Unit>& units, std::size_t i);

// `found`: the line's entities in order, numbers merged; each number with a unit beside it grows
// over the unit into MONEY (norm "410000000 EUR") or PERCENT (norm "15%").
void compose_amounts(std::string_view line, const text::Tokens& tokens, const std::vector<Unit>& units,
                     std::vector<Entity>& found);

}  // namespace maqal::entities
