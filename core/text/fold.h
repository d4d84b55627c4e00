// The matching form of text: what lexicons and cues are compared on. Matching happens on a folded
// copy while spans keep pointing into the original text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace maqal::text {

// Case-folded and compatibility-normalized (NFKC_Casefold), without combining marks (Arabic
// diacritics, hamza above/below, so أ إ آ → ا), format characters and tatweel, with decimal digits
// of any script as ASCII, and with the letter variants listed in core/lang/*/folding.tsv (ى → ي).
std::string fold(std::string_view utf8);

// fold(utf8) appended to out.
void fold_append(std::string_view utf8, std::string& out);

// How many bytes of written text fold to the first folded_size bytes of its folded form, with the
// marks after them ("لِرئيس" → 4, where a proclitic ends), 0 when no code point boundary matches.
std::size_t written_size(std::string_view written, std::size_t folded_size);

}  // namespace maqal::text
