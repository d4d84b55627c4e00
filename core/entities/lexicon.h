// Names and words looked up as phrases of folded words: places, organizations, groups, number
// words, weekday and month names. Built once from ICU locale data and core/lang/*/ lexicon files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/tokens.h"
#include "text/utf.h"

namespace maqal::entities {

// Whether a phrase is written as an acronym: two letters or more, none lower case, the first a capital
// ("US", "U.N."; not "Us").
bool is_acronym(std::string_view phrase);

struct LexEntry {
  std::string type;  // entity type: LOC, ORG, NORP, DATE, NUMBER, ...
  std::string norm;  // canonical form: English name, ISO date pattern, numeric value
  bool capitalized = false;  // a name ("Turkey", "May"): only matches capitalized text
  bool acronym = false;      // written in capitals ("US", "EU"): only matches text in capitals
  bool abbreviation = false;  // a word's abbreviation, filed with its period ("Dec."): the text's period is its own
  bool article_fused = false;  // filed without its article: only matches after "لل" ("للولايات")
  std::string doubled{};  // shadda_places() of the phrase as listed: "عمّان" (Amman) is not "عُمان" (Oman)
};

struct LexMatch {
  std::size_t tokens = 0;  // how many tokens the match covers (0: no match)
  const LexEntry* entry = nullptr;
};

class Lexicon {
 public:
  // Adds a phrase in any spelling (it is tokenized and folded); the first entry for a phrase wins.
  void add(std::string_view phrase, LexEntry entry);

  // The longest phrase starting at tokens[i], made of adjacent words, looking past clitics on its
  // first and last word.
  LexMatch longest(const std::vector<text::Token>& tokens, std::size_t i) const;
  // Whether a phrase may start at token t: one of its stems is a phrase's first word (longest()'s
  // first test, which a document may ask once per distinct form).
  bool starts_phrase(const text::Token& t) const;

  // The entry a match stands for as the text writes it: folding drops the shadda, so "عمّان" (Amman)
  // matches what "عمان" and "عُمان" (Oman) do; a phrase listed with a shadda is the match's entry where
  // the written words double the same letters (shadda_places()).
  const LexEntry& as_written(const LexEntry& entry, std::string_view written) const;

  // Files the phrases listed with a shadda beside the entries of their folded spelling: call once, after
  // the last add().
  void file_doubled();

 private:
  void insert(std::string key, const LexEntry& entry, std::size_t words);

  text::StringMap<LexEntry> phrases_;  // folded words joined by ' ' (the word hash: most keys miss)
  // Phrases listed with a shadda: until file_doubled(), by key; then by the entry of their key.
  std::vector<std::pair<std::string, LexEntry>> doubled_pending_;
  std::unordered_map<const LexEntry*, std::vector<LexEntry>> doubled_;
  // First words of phrases, with the word counts of the phrases each starts.
  struct FirstWord {
    std::size_t longest = 0;     // words of the longest phrase
    std::uint64_t lengths = 0;  // bit n: a phrase of n words (n < 64)
  };
  text::StringMap<FirstWord> first_words_;
  const FirstWord* first_word(std::string_view stem) const;  // nullptr: it starts no phrase
  // A bit per first word's hash (its top bits): most words start no phrase, and a clear bit says so
  // before the map is searched. (A fingerprint of a word's first, middle and last bytes let two
  // Arabic words in three through: its lead bytes of two-byte letters are D8 or D9.)
  static constexpr int kFingerprintBits = 18;
  static std::size_t fingerprint(std::string_view word);
  std::vector<bool> first_word_bits_ = std::vector<bool>(std::size_t{1} << kFingerprintBits);
  // The same for the phrases' other words: a key holding a word with a clear bit is none of theirs,
  // and is not built (most words after a first word continue no phrase).
  std::vector<bool> later_word_bits_ = std::vector<bool>(std::size_t{1} << kFingerprintBits);
};

// The places of a text's shaddas, each as the count of letters after the doubled one (from the end:
// a clitic may open the word, "بعمّان"), one byte each; empty when it has none.
std::string shadda_places(std::string_view utf8);

// The lexicon of every language Maqal knows, built on first use.
const Lexicon& lexicon();

}  // namespace maqal::entities
