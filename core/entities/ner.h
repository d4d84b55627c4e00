// Names the lexicons do not know: a learned sequence model (averaged structured perceptron with
// Viterbi decoding over BIO tags) for people, organizations, places and other names (PER, ORG, LOC,
// MISC). Its weights are data (core/lang/<lang>/ner.weights.tsv, written by tools/train_ner and
// compiled in). The feature extractor below is the only one: the trainer and the runtime both call
// it, so what the model was trained on is what it sees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "entities/lexicon.h"
#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities::ner {

enum class Lang { ar, en };

// Tags: 0 is O; type t has B = 1 + 2t and I = 2 + 2t.
inline constexpr int kTypes = 4;
inline constexpr int kTags = 1 + 2 * kTypes;
inline constexpr std::string_view kTypeNames[kTypes] = {"PER", "ORG", "LOC", "MISC"};

inline constexpr int begin_tag(int type) { return 1 + 2 * type; }
inline constexpr int inside_tag(int type) { return 2 + 2 * type; }
inline constexpr int type_of(int tag) { return tag == 0 ? -1 : (tag - 1) / 2; }
inline constexpr bool is_begin(int tag) { return tag > 0 && tag % 2 == 1; }

std::string tag_name(int tag);  // "O", "B-PER", "I-LOC", ...
int type_index(std::string_view name);  // "PER" (or ANERcorp's "PERS"), "ORG", "LOC", "MISC"; -1 otherwise

// Whether tag `to` may follow tag `from` (-1: the start of a sequence): I-X only after B-X or I-X.
bool allowed(int from, int to);

// A name found in a token sequence: tokens [first, last) and its type index.
struct Mention {
  std::size_t first = 0, last = 0;
  int type = 0;
};

// The mentions spelled by a tag sequence (an I-X without its B-X starts a mention, as in CoNLL).
std::vector<Mention> mentions(const std::vector<int>& tags);

// The longest lexicon match starting at every token (entities.cpp reuses them for its own lookup).
std::vector<LexMatch> lexicon_matches(const std::vector<text::Token>& tokens);

// Hashed feature keys of every token: those of token i are keys[offsets[i] .. offsets[i + 1]).
struct Features {
  std::vector<std::uint32_t> keys;
  std::vector<std::uint32_t> offsets;
  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

// Whether the model knows a word (its key is word_key(form)): unknown words are a feature, since
// names are what a newspaper's vocabulary lacks. The trainer knows the words it saw often enough,
// the runtime those of the weights file.
using Known = std::function<bool(std::uint32_t word_key)>;
std::uint32_t word_key(std::string_view form);

// The feature extractor. `text` is what the tokens' offsets point into (word shape is read from the
// original spelling), `lex` the lexicon matches from lexicon_matches(tokens).
void extract(std::string_view text, const std::vector<text::Token>& tokens, const std::vector<LexMatch>& lex,
             const Known& known, Features& out);

// Best tag sequence under BIO constraints. emission: n × kTags scores, start: kTags, transitions:
// kTags × kTags (from-major).
template <class T>
std::vector<int> viterbi(const T* emission, std::size_t n, const T* start, const T* transitions);

// A trained model with integer weights, as read from a weights file.
class Model {
 public:
  // Reads a weights file (format in ner.cpp). False, with a reason, when it is malformed.
  bool load(std::string_view tsv, std::string* error = nullptr);
  bool empty() const { return features_ == 0; }
  std::size_t features() const { return features_; }

  std::vector<int> tag(const Features& features) const;
  bool knows(std::uint32_t word_key) const { return row(word_key) != nullptr; }
  // Tokens → features → tags → mentions.
  std::vector<Mention> find(std::string_view text, const std::vector<text::Token>& tokens,
                            const std::vector<LexMatch>& lex) const;

 private:
  const std::int16_t* row(std::uint32_t key) const;

  struct Slot {  // open addressing; key 0 = empty. The weights sit beside the key: one memory access
    std::uint32_t key = 0;
    std::int16_t weights[kTags] = {};
  };
  std::vector<Slot> slots_;
  std::uint32_t mask_ = 0;
  std::size_t features_ = 0;
  std::int32_t start_[kTags] = {};
  std::int32_t transitions_[kTags * kTags] = {};
};

// The canonical form of a name as written: the mention's text with spaces collapsed, its first word
// without a proclitic when the bare word occurs in the document ("وبلينكن" → "بلينكن" when
// "بلينكن" is written elsewhere) or when the proclitic stands before the article ("والبرلمان" →
// "البرلمان", "للبرلمان" → "البرلمان"), its last word without a possessive ("Blinken's" → "Blinken").
using InDocument = std::function<bool(std::string_view folded_word)>;
std::string name_norm(std::string_view text, const std::vector<text::Token>& tokens, const Mention& m,
                      const InDocument& in_document);

// One token sequence of a document (a block; a sentence of a corpus) and the names found in it.
struct Sequence {
  std::string_view text;
  const std::vector<text::Token>* tokens = nullptr;
  const Model* model = nullptr;   // the model that tagged it: what it knows
  std::vector<Mention> mentions;  // the model's, then those propagate() adds
};

// The second look at a document: a word the model found as a one-word name, or as the last word of
// a person's name, is that name again where it stands alone elsewhere ("بلينكن" after "أنتوني
// بلينكن", "وبلينكن"), when the model does not know the word (a known word tagged once is more
// likely a mistake than a name) and, in Latin script, it is capitalized.
void propagate(std::vector<Sequence>& document);

// The names of every block of a document by the model of the block's script (Arabic or Latin
// letters), propagated over the document: PER, ORG, LOC and MISC entities with spans into each
// block's text and name_norm() norms. `lex`: lexicon_matches() of each block's tokens.
std::vector<std::vector<Entity>> find_names(const std::vector<Block>& blocks,
                                            const std::vector<std::vector<text::Token>>& tokens,
                                            const std::vector<std::vector<LexMatch>>& lex);

// The compiled-in model of a language (core/lang/<lang>/ner.weights.tsv), read on first use; empty
// when the build has none.
const Model& model(Lang lang);

// The data file of a language's model: "ar/ner.weights.tsv".
std::string_view weights_file(Lang lang);

}  // namespace maqal::entities::ner
