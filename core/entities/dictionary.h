// What an English word list says of a word: a common word (listed in lower case: "fund", "speaking"),
// a proper name (listed capitalized only: "Brussels", "Helen"), both ("Bill", "Rose") or neither.
// The list is Debian's wamerican (SCOWL, by Kevin Atkinson; permissive licence:
// core/lang/en/dictionary.LICENSE), compiled by tools/train_ner into core/lang/en/dictionary.bin:
// hashed sets that answer "listed" for an unlisted word about once in 64 (cheaper than the words).
// It lets the name model tell a capitalized common word ("Speaking" opening a sentence) from a name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace maqal::entities::dictionary {

// Bits: 1 listed in lower case (common word), 2 listed capitalized (a name).
enum Listing : std::uint8_t { kUnlisted = 0, kCommon = 1, kProper = 2 };

// The listing of a folded word (text::fold) or of its base form: "funds", "speaking", "europe's"
// are looked up as "fund", "speak", "europe" when they are not listed themselves. A word not in
// Latin letters is unlisted.
std::uint8_t listing(std::string_view folded_word);

// Whether a word the list has not got (kUnlisted) is made from a common word by a noun-forming
// ending (core/lang/en/derivations.tsv): "wellness" from "well", "sustainability" from "sustainable",
// "hydration" from "hydrate". A word listed as a name is none: "Harding", "Browning".
bool derived_from_common(std::string_view folded_word);

// The base forms listing() tries after the word itself: without "'s", "s", "es", "ed", "ing", "ly"
// ("ies" → "y", "ed"/"ing" → "e"), at least three letters left.
std::vector<std::string> base_forms(std::string_view folded_word);

// The file core/lang/en/dictionary.bin of the folded common and proper words (each list has no
// duplicates): magic, version, then each set as sorted hashes Golomb-Rice coded.
std::string encode(const std::vector<std::string>& common, const std::vector<std::string>& proper);

// Listings from a file's bytes; false, with a reason, when they are not a dictionary file.
class Sets {
 public:
  bool decode(std::string_view bytes, std::string* error = nullptr);
  std::uint8_t listing(std::string_view folded_word) const;

 private:
  // A set as one bit per hash value modulo its range (the word count times 2^k): a lookup reads one
  // bit where a search of the sorted hashes read ~17 words from memory.
  struct HashBits {
    std::uint64_t range = 0;
    std::vector<std::uint64_t> bits;
    bool has(std::uint64_t word_hash) const;
  };
  std::uint8_t listing_of(std::uint64_t word_hash) const;
  HashBits common_, proper_;
};

}  // namespace maqal::entities::dictionary
