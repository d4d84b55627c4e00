// Title and office words that stand before a person's name (core/lang/*/titles.tsv): "وزير",
// "President" are titles of the person; "مكتب" (office) names an office that belongs to them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "text/tokens.h"

namespace maqal::entities {

enum class Title { none, personal, office };

// The kind of title the word is, looking past clitics.
Title title_word(const text::Token& t);

// The folded bytes of the proclitic written onto a title word ("ل" of "لرئيس"), 0 when it has none.
std::size_t title_proclitic(const text::Token& t);

// A word naming several people at once (core/lang/*/speaker_groups.tsv): "الوزيران" is the two
// people named before whose role starts with "وزير". Not a name itself.
struct SpeakerGroup {
  std::string title;  // folded; empty: any person
  std::size_t count;  // how many people it stands for; 0: all that fit
};
std::optional<SpeakerGroup> speaker_group(const text::Token& t);

}  // namespace maqal::entities
