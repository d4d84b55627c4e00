// Names the lexicons do not know: a learned sequence model (averaged structured perceptron with
// Viterbi decoding over BILOU tags) for people, organizations, places and other names (PER, ORG, LOC,
// MISC). Its weights are data (core/lang/<lang>/ner.bin, written by tools/train_ner and compiled
// in). The feature extractor below is the only one: the trainer and the runtime both call
// it, so what the model was trained on is what it sees.
#pragma once

#include <array>
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

// Tags (BILOU): 0 is O; type t has B(egin) = 1 + 4t, I(nside) = 2 + 4t, L(ast) = 3 + 4t and
// U(nit, a one-token name) = 4 + 4t. Marking a name's last token lets the model learn where names end.
inline constexpr int kTypes = 4;
inline constexpr int kTags = 1 + 4 * kTypes;
inline constexpr std::string_view kTypeNames[kTypes] = {"PER", "ORG", "LOC", "MISC"};
// The largest magnitude of a feature's weight (train_ner scales the largest to 1000): Model::find
// keeps sums of a few weights in 16 bits.
inline constexpr int kMaxWeight = 1024;

inline constexpr int begin_tag(int type) { return 1 + 4 * type; }
inline constexpr int inside_tag(int type) { return 2 + 4 * type; }
inline constexpr int last_tag(int type) { return 3 + 4 * type; }
inline constexpr int unit_tag(int type) { return 4 + 4 * type; }
inline constexpr int type_of(int tag) { return tag <= 0 ? -1 : (tag - 1) / 4; }
inline constexpr bool is_begin(int tag) { return tag > 0 && ((tag - 1) % 4 == 0 || (tag - 1) % 4 == 3); }  // B or U
inline constexpr bool is_end(int tag) { return tag <= 0 || (tag - 1) % 4 >= 2; }  // O, L or U: closes

std::string tag_name(int tag);  // "O", "B-PER", "I-LOC", "L-ORG", "U-MISC"
int type_index(std::string_view name);  // "PER" (or ANERcorp's "PERS"), "ORG", "LOC", "MISC"; -1 otherwise

// Whether tag `to` may follow tag `from` (-1: the start of a sequence): I-X and L-X only after B-X or
// I-X, which nothing else may follow. A sequence ends on O, L or U (is_end).
constexpr bool allowed(int from, int to) {
  if (from <= 0 || is_end(from)) return to <= 0 || is_begin(to);
  return !is_begin(to) && to > 0 && type_of(from) == type_of(to);
}

// Whether each token opens a sentence: the first of the text, or the first after sentence-final
// punctuation, opening marks (quotes, brackets, dashes) between them not counting.
std::vector<bool> sentence_starts(const std::vector<text::Token>& tokens);

// Given names (core/lang/<lang>/given_names.tsv), folded: evidence that a person's name starts here.
bool is_given_name(std::string_view folded_word);

// A name found in a token sequence: tokens [first, last) and its type index.
struct Mention {
  std::size_t first = 0, last = 0;
  int type = 0;
  bool headed = false;  // its own words say its type: a head ("Bank of England") or a title ("President …")
};

// The mentions spelled by a tag sequence (an I-X or L-X without its B-X starts a mention, as in CoNLL).
std::vector<Mention> mentions(const std::vector<int>& tags);

// The longest lexicon match starting at every token (entities.cpp reuses them for its own lookup).
std::vector<LexMatch> lexicon_matches(const std::vector<text::Token>& tokens);

// The lexicon matches of a document's blocks, looked up once and kept only where a match starts
// (most tokens start none; 10 MB of Arabic text: 1 MB instead of 16), for the name model and then
// entities.cpp.
class DocumentMatches {
 public:
  explicit DocumentMatches(const std::vector<text::Tokens>& tokens);
  // lexicon_matches() of block b's tokens.
  std::vector<LexMatch> block(std::size_t b) const;
  // How many phrases of the lexicon the document holds.
  std::size_t phrases() const;

 private:
  struct Start {
    std::uint32_t token = 0, tokens = 0;
    const LexEntry* entry = nullptr;
  };
  std::vector<Start> starts_;                // in block and token order
  std::vector<std::size_t> block_starts_;    // block b's are starts_[block_starts_[b] .. block_starts_[b + 1])
  std::vector<std::uint32_t> block_tokens_;  // tokens of each block
};

// Hashed feature keys of every token: those of token i are keys[offsets[i] .. offsets[i + 1]).
struct Features {
  std::vector<std::uint32_t> keys;
  std::vector<std::uint32_t> offsets;
  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

// What the model knows of a word, looked up by word_key(form): whether it saw the word in training
// (unknown words are a feature, since names are what a newspaper's vocabulary lacks), and the word
// clusters of a word's core (its shortest stem, core()): words used in like contexts in the training
// text share a cluster (fine: 1..255, coarse: 1..255; 0: none), which lets what the model learned of
// one word carry to the others.
struct WordInfo {
  bool known = false;
  std::uint8_t fine = 0, coarse = 0;
};
using Vocabulary = std::function<WordInfo(std::uint32_t word_key)>;
std::uint32_t word_key(std::string_view form);
// The shortest of a folded word's stems (text::stems), the word itself when it has none.
std::string_view core(std::string_view folded_word);

// The feature extractor. `text` is what the tokens' offsets point into (word shape is read from the
// original spelling), `lex` the lexicon matches from lexicon_matches(tokens).
void extract(std::string_view text, const std::vector<text::Token>& tokens, const std::vector<LexMatch>& lex,
             const Vocabulary& vocabulary, Features& out);

// Document features (non-local; Krishnan & Manning 2006): for each token of each sequence of a
// document, what a first pass tagged (tags) for the same word, and for words of the same core,
// elsewhere in the document. A second pass of a model trained with them (train_ner --stack) tags with
// them added to extract()'s. The runtime does not run a second pass yet: see tools/train_ner.
using DocumentKeys = std::vector<std::vector<std::uint32_t>>;  // of each token of a sequence
std::vector<DocumentKeys> document_features(const std::vector<const std::vector<text::Token>*>& tokens,
                                            const std::vector<std::vector<int>>& tags);
// f with extra keys added to each token's: extra[i] for token i.
Features with_document_features(const Features& f, const DocumentKeys& extra);

// Best tag sequence under BILOU constraints. emission: n × kTags scores, start: kTags, transitions:
// kTags × kTags (from-major).
template <class T>
std::vector<int> viterbi(const T* emission, std::size_t n, const T* start, const T* transitions);

// The model file (core/lang/<lang>/ner.bin, written by tools/train_ner; the format is in ner.cpp).
struct ModelFile {
  std::string about;  // what it was trained on, how, and its dev scores
  std::int16_t start[kTags] = {};
  std::int16_t transitions[kTags * kTags] = {};
  struct Word {
    std::uint32_t key;
    WordInfo info;
  };
  std::vector<Word> words;  // keys ascending
  struct Row {
    std::uint32_t key;
    std::int16_t weights[kTags];
  };
  std::vector<Row> rows;  // keys ascending, at least one weight not 0

  // The file's bytes: weights rounded to a codebook of 256 values, so each takes one byte.
  std::string encode() const;
  // False, with a reason, when the bytes are not a model file of this code's tags.
  bool decode(std::string_view bytes, std::string* error = nullptr);
};

// A trained model, ready to tag.
class Model {
 public:
  bool load(std::string_view bytes, std::string* error = nullptr);  // a ModelFile's bytes
  void load(const ModelFile& file);
  bool empty() const { return features_ == 0; }
  std::size_t features() const { return features_; }
  const std::string& about() const { return about_; }

  std::vector<int> tag(const Features& features) const;
  WordInfo word(std::uint32_t word_key) const;
  bool knows(std::uint32_t word_key) const { return word(word_key).known; }
  // Tokens → features → tags → mentions. A Memo keeps what was worked out per distinct token (the
  // scores of the features of the token by itself) for the next calls on the texts of the same
  // document, which repeat their words; it refers to those texts, and serves one model.
  // `unknown`, if given, receives Sequence::unknown of the tokens, from what the memo holds.
  struct Memo;
  std::vector<Mention> find(std::string_view text, const std::vector<text::Token>& tokens,
                            const std::vector<LexMatch>& lex, Memo* memo = nullptr,
                            std::vector<char>* unknown = nullptr) const;

 private:
  // Open addressing, key 0 = empty; the weights of the feature in keys_[i] are rows_[i]. Probing
  // reads the keys only, which fit the cache; a row is read when its key is found.
  struct WordSlot {
    std::uint32_t key = 0;
    WordInfo info;
  };
  // Adds the feature's row, if any, to scores[0 .. kTags): 32-bit sums, or 16-bit ones where few
  // enough weights are summed to fit (cheaper: eight at a time).
  template <class Sum>
  void add_weights(std::uint32_t key, Sum* scores) const;

  std::vector<std::uint32_t> keys_;
  std::vector<std::array<std::int16_t, kTags>> rows_;
  std::vector<WordSlot> words_;
  std::uint32_t mask_ = 0, word_mask_ = 0;
  std::size_t features_ = 0;
  std::string about_;
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
  const text::Tokens* tokens = nullptr;
  const Model* model = nullptr;   // the model that tagged it: what it knows
  std::vector<Mention> mentions;  // the model's, then those propagate() adds
  bool styled = false;            // a headline, byline or link line: capitals there are style
  bool byline = false;            // a byline: its names are its writers
  // Per token: the case class ('U', 'L', 'N') of a word the model does not know, 0 for any other
  // token. Model::find gives it from its memo; propagate() works it out when it is missing.
  std::vector<char> unknown;
};

// The second look at a document: a word the model found as a one-word name, or as the last word of
// a person's name, is that name again where it stands alone elsewhere ("بلينكن" after "أنتوني
// بلينكن", "وبلينكن"), when the model does not know the word (a known word tagged once is more
// likely a mistake than a name) and, in Latin script, it is capitalized.
void propagate(std::vector<Sequence>& document);

// A name found in a block: less than an Entity (a document holds many), made one if nothing else
// is found there.
struct Name {
  std::uint32_t start = 0, end = 0;  // byte offsets into the block's text
  int type = 0;                      // of kTypeNames
  std::string norm;                  // name_norm()
  bool headed = false;               // Mention::headed: it wins over lexicon names inside it
};

// The names of every block of a document by the model of the block's script (Arabic or Latin
// letters), propagated over the document: PER, ORG, LOC and MISC names with spans into each
// block's text and name_norm() norms. `lex`: lexicon_matches() of each block's tokens.
std::vector<std::vector<Name>> find_names(const std::vector<Block>& blocks,
                                            const std::vector<text::Tokens>& tokens,
                                            const DocumentMatches& lex);

// The compiled-in model of a language (core/lang/<lang>/ner.bin), read on first use; empty when the
// build has none.
const Model& model(Lang lang);

// The data file of a language's model: "ar/ner.bin".
std::string_view weights_file(Lang lang);

}  // namespace maqal::entities::ner
