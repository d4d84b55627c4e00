// Title and office words that stand before a person's name (core/lang/*/titles.tsv): "وزير",
// "President" are titles of the person; "مكتب" (office) names an office that belongs to them.
#pragma once

#include "text/tokens.h"

namespace maqal::entities {

enum class Title { none, personal, office };

// The kind of title the word is, looking past clitics.
Title title_word(const text::Token& t);

}  // namespace maqal::entities
