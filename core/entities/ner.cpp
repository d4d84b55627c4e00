#include "entities/ner.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "entities/consistency.h"
#include "entities/dictionary.h"
#include "entities/false_names.h"
#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/script.h"
#include "text/utf.h"
#include "text/word_set.h"

// Model file (core/lang/<lang>/ner.bin, written by tools/train_ner), little-endian:
//
//   "maqal-ner" NUL, u8 format version (2), u8 tag count (kTags)
//   u16 n, n bytes: what the model was trained on (UTF-8 text)
//   i16 start[tags], i16 transitions[tags × tags] (from-major)
//   u32 words; a varint key delta per word (keys ascending); then a u8 per word: known;
//     then a u8 per word: fine cluster; then a u8 per word: coarse cluster
//   u32 rows; a varint key delta per row (keys ascending); then a varint per row: its tags with a
//     weight (bit y: tag y); i16 codebook[256]; then a u8 per weight: its codebook index
//
// Keys are the 32-bit feature hashes (see key() below). Each column is written whole, since like
// bytes side by side compress well in the page download.

namespace maqal::entities::ner {
namespace {

// --- hashing ------------------------------------------------------------------------------------

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a, going on from state h: the state after a text's first part is that part's hash.
std::uint64_t hash(std::string_view s, std::uint64_t h = kFnvOffset) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

constexpr std::uint64_t mix(std::uint64_t x) {  // splitmix64's finalizer
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Feature templates: a feature is a template and up to three hashed values.
enum Template : std::uint32_t {
  kBias = 1,
  kWord, kWordCase, kPrev1, kPrev2, kNext1, kNext2,
  kBigramPrev, kBigramNext,
  kStem, kStemPrev, kStemNext,
  kPrefix, kSuffix,
  kShape, kShapePrev, kShapeNext, kShapeTri,
  kLength, kInitial, kKind,
  kLex, kLexPrev, kLexNext,
  kPrevWordCase, kNextWordCase,
  kKnown, kKnownWindow, kUnknownPrev, kUnknownNext, kUnknownPrefix, kUnknownSuffix,
  kFine, kFinePrev, kFineNext, kCoarse, kCoarsePrev, kCoarseNext, kCoarsePrev2, kCoarseNext2, kFineBigramPrev, kFineBigramNext,
  kListed, kListedInitial,
  kElsewhereForm, kElsewhereCore, kElsewhereBegins,
  kGiven, kGivenWindow,
};

// Keys have kKeyBits bits: fewer bits make the model file smaller (its keys are stored as the gaps
// between them), more make two features sharing a key rarer. With 2^28 keys and under 100000
// features in a model, a feature of the text falls on one of the model's by chance once in 2700.
constexpr int kKeyBits = 28;

constexpr std::uint32_t key(std::uint32_t tmpl, std::uint64_t a = 0, std::uint64_t b = 0, std::uint64_t c = 0) {
  // Multiplying by odd constants keeps the parts apart; one finalizer mixes them.
  const std::uint64_t h = mix(((tmpl * 0x9E3779B97F4A7C15ull + a) * 0xD6E8FEB86659FD93ull + b) * 0xA0761D6478BD642Full + c);
  const auto k = static_cast<std::uint32_t>(h >> (64 - kKeyBits));
  return k == 0 ? 1 : k;
}

// --- token properties ---------------------------------------------------------------------------

struct TokenInfo {
  std::uint64_t form = 0, shape = 0;
  std::uint64_t stems[6] = {};  // the form without one clitic (text::stems), not the form itself
  int stem_count = 0;
  std::uint64_t prefix[3] = {}, suffix[4] = {};  // first / last 1.. code points of the form
  int length = 0;                                // code points of the form
  bool known = false, stem_known = false;        // the word, one of its stems is known to the model
  std::uint8_t fine = 0, coarse = 0;             // the clusters of the word's core
  char case_class = 'N';                         // first letter: U(pper), L(ower), N(o case)
  std::uint8_t listed = 0;                       // a cased word's dictionary::listing
  bool given = false;                            // the word or one of its stems is a given name
  text::TokenKind kind = text::TokenKind::word;
};

// A word's shape: "Xxxx" → "Xx", "NATO" → "X", "1990s" → "dx", "بلينكن" → "a", "U.S." → "X.X.": each
// code point as its class, runs collapsed, at most 6 classes.
struct Shape {
  char classes[6];
  std::size_t size = 0;
  std::string_view view() const { return {classes, size}; }
};

Shape shape_of(std::string_view original, char& case_class) {
  Shape shape;
  case_class = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(original.data());
  for (int32_t i = 0, n = static_cast<int32_t>(original.size()); i < n && shape.size < 6;) {
    char k;
    // ASCII and the Arabic letters (with tatweel: D8 A1 to D9 8A) answered without ICU, as ICU would.
    if (i + 1 < n && ((p[i] == 0xD8 && p[i + 1] >= 0xA1 && p[i + 1] <= 0xBF) || (p[i] == 0xD9 && p[i + 1] >= 0x80 && p[i + 1] <= 0x8A))) {
      k = 'a';
      i += 2;
    } else {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) continue;
      if (c < 0x80) k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : static_cast<char>(c);
      else if (const int8_t type = u_charType(c); type == U_NON_SPACING_MARK || type == U_FORMAT_CHAR || type == U_ENCLOSING_MARK) continue;
      else if (u_isupper(c) || type == U_TITLECASE_LETTER) k = 'X';
      else if (u_islower(c)) k = 'x';
      else if (type == U_DECIMAL_DIGIT_NUMBER) k = 'd';
      else if (u_isalpha(c)) k = 'a';
      else k = '*';
    }
    if (!case_class && (k == 'X' || k == 'x' || k == 'a')) case_class = k == 'X' ? 'U' : k == 'x' ? 'L' : 'N';
    if (shape.size == 0 || shape.classes[shape.size - 1] != k) shape.classes[shape.size++] = k;
  }
  if (!case_class) case_class = 'N';
  return shape;
}

bool is_opening(std::string_view form) {
  // The one-byte marks by their byte (most punctuation is one byte: no comparison of views).
  if (form.size() == 1) return form[0] == '"' || form[0] == '\'' || form[0] == '(' || form[0] == '[' || form[0] == '-';
  static constexpr std::string_view kOpen[] = {"«", "“", "‘", "–", "—"};
  return std::find(std::begin(kOpen), std::end(kOpen), form) != std::end(kOpen);
}

// Sentence-final punctuation of any script (ICU's Sentence_Terminal: . ! ? ؟ …), or a colon.
bool ends_sentence(std::string_view form) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(form.data()), i, static_cast<int32_t>(form.size()), c);
  if (c >= 0 && c < 0x80) return c == ':' || c == '.' || c == '!' || c == '?';  // ASCII's terminals, as ICU has them
  return c == 0x2026 || u_hasBinaryProperty(c, UCHAR_S_TERM);
}

// The code points of s: how many, and the byte offsets of the first four and the last four (what
// the prefix and suffix features need), kept as they pass rather than all of them.
struct CodePoints {
  int count = 0;
  std::size_t first[4] = {}, last[4] = {};  // last[k % 4]: the start of code point k, one of the last four
  explicit CodePoints(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n; ++count) {
      if (count < 4) first[count] = static_cast<std::size_t>(i);
      last[count % 4] = static_cast<std::size_t>(i);
      U8_FWD_1(p, i, n);
    }
  }
  // Code point k's start, for k < 4 or k >= count - 4.
  std::size_t start(int k) const { return k < 4 ? first[k] : last[k % 4]; }
};

// What the features need of a token by itself; `original` is its text as written. `vocabulary`
// answers word keys as a Vocabulary does (a template: Model::find's lookup inlined, no std::function).
template <class Words>
TokenInfo token_info(std::string_view original, const text::Token& t, const Words& vocabulary) {
  TokenInfo info;
  const std::string_view form = t.form();
  info.kind = t.kind;
  const CodePoints code_points(form);
  info.length = code_points.count;
  std::size_t hashed = 0;  // the form hashed through its first code points: their hashes on the way
  info.form = kFnvOffset;
  for (int k = 1; k <= 3 && k < info.length; ++k) {
    info.form = info.prefix[k - 1] = hash(form.substr(hashed, code_points.start(k) - hashed), info.form);
    hashed = code_points.start(k);
  }
  info.form = hash(form.substr(hashed), info.form);
  for (int k = 1; k <= 4 && k < info.length; ++k) info.suffix[k - 1] = hash(form.substr(code_points.start(info.length - k)));
  info.shape = hash(shape_of(original, info.case_class).view());
  info.known = true;  // numbers and punctuation
  if (t.kind != text::TokenKind::word) return info;
  const WordInfo whole = vocabulary(key(kWord, info.form));
  info.known = whole.known;
  if (info.case_class != 'N') info.listed = dictionary::listing(form);
  std::string_view shortest = form;
  std::uint64_t shortest_hash = info.form;
  for (std::string_view s : text::stems(t)) {
    info.given = info.given || is_given_name(s);
    if (s.size() == form.size() || info.stem_count == 6) continue;
    const std::uint64_t h = info.stems[info.stem_count++] = hash(s);
    info.stem_known = info.stem_known || vocabulary(key(kWord, h)).known;
    if (s.size() < shortest.size()) shortest = s, shortest_hash = h;
  }
  const WordInfo clusters = shortest.size() == form.size() ? whole : vocabulary(key(kWord, shortest_hash));
  info.fine = clusters.fine;
  info.coarse = clusters.coarse;
  return info;
}

const std::uint64_t kStartWord = hash("<s>");
const std::uint64_t kEndWord = hash("</s>");

// --- model file ---------------------------------------------------------------------------------

constexpr std::string_view kMagic{"maqal-ner\0", 10};
constexpr std::uint8_t kVersion = 2;

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

}  // namespace

bool is_given_name(std::string_view folded_word) {
  static const text::StringSet names = [] {
    text::StringSet set;
    for (const auto& row : data::rows_all_languages("given_names.tsv")) set.insert(text::fold(row[0]));
    return set;
  }();
  return names.find(folded_word) != names.end();
}

std::vector<bool> sentence_starts(const std::vector<text::Token>& tokens) {
  std::vector<bool> out(tokens.size());
  std::size_t run_start = 0;  // first of the opening marks right before token i (kept, not rescanned:
                              // rescanning made a run of 100k "«" quadratic)
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::size_t j = run_start;
    out[i] = j == 0 || (tokens[j - 1].kind == text::TokenKind::punct && ends_sentence(tokens[j - 1].form()));
    if (tokens[i].kind != text::TokenKind::punct || !is_opening(tokens[i].form())) run_start = i + 1;
  }
  return out;
}

// --- tags and mentions --------------------------------------------------------------------------

std::string tag_name(int tag) {
  if (tag <= 0 || tag >= kTags) return "O";
  static constexpr std::string_view kPositions[] = {"B-", "I-", "L-", "U-"};
  return std::string(kPositions[(tag - 1) % 4]) + std::string(kTypeNames[type_of(tag)]);
}

int type_index(std::string_view name) {
  if (name == "PERS") return 0;
  for (int t = 0; t < kTypes; ++t)
    if (kTypeNames[t] == name) return t;
  return -1;
}

std::vector<Mention> mentions(const std::vector<int>& tags) {
  std::vector<Mention> out;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const int t = tags[i];
    if (t <= 0) continue;
    if (is_begin(t) || out.empty() || out.back().last != i || out.back().type != type_of(t) ||
        is_end(tags[i - 1]))
      out.push_back({i, i + 1, type_of(t)});
    else
      out.back().last = i + 1;
  }
  return out;
}

std::vector<LexMatch> lexicon_matches(const std::vector<text::Token>& tokens) {
  const Lexicon& lex = lexicon();
  std::vector<LexMatch> out(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) out[i] = lex.longest(tokens, i);
  return out;
}

DocumentMatches::DocumentMatches(const std::vector<text::Tokens>& tokens) {
  const Lexicon& lex = lexicon();
  text::FormAnswers starts_phrase;  // most words start none, and a document repeats them
  const auto may_start = [&](const text::Token& t) { return lex.starts_phrase(t); };
  block_starts_.reserve(tokens.size() + 1);
  block_tokens_.reserve(tokens.size());
  for (const auto& block : tokens) {
    block_starts_.push_back(starts_.size());
    block_tokens_.push_back(static_cast<std::uint32_t>(block.size()));
    for (std::size_t i = 0; i < block.size(); ++i) {
      if (!starts_phrase(block[i], may_start)) continue;
      const LexMatch m = lex.longest(block, i);
      if (m.tokens > 0 || m.entry) starts_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(m.tokens), m.entry});
    }
  }
  block_starts_.push_back(starts_.size());
  starts_.shrink_to_fit();
}

std::vector<LexMatch> DocumentMatches::block(std::size_t b) const {
  std::vector<LexMatch> out(block_tokens_[b]);
  for (std::size_t k = block_starts_[b]; k < block_starts_[b + 1]; ++k) out[starts_[k].token] = {starts_[k].tokens, starts_[k].entry};
  return out;
}

std::size_t DocumentMatches::phrases() const {
  return std::count_if(starts_.begin(), starts_.end(), [](const Start& s) { return s.tokens > 0; });
}

// --- features -----------------------------------------------------------------------------------

std::uint32_t word_key(std::string_view form) { return key(kWord, hash(form)); }

std::string_view core(std::string_view folded_word) {
  std::string_view shortest = folded_word;
  for (std::string_view s : text::stems(folded_word))
    if (s.size() < shortest.size()) shortest = s;
  return shortest;
}

namespace {

// Lexicon phrases over each token: B or I of a type (hashed), at most kMarks per token.
constexpr std::size_t kMarks = 3;
struct Marks {
  std::uint64_t mark[kMarks];
  std::size_t count = 0;
};

std::vector<Marks> lexicon_marks(const std::vector<LexMatch>& lex, std::size_t n) {
  std::vector<Marks> marks(n);
  for (std::size_t j = 0; j < n; ++j) {
    // Not the people lexicon's (people.tsv): the model learns names from their context, and a few
    // known names marked in training taught it less than it lost (10-fold 0.7617 → 0.7566).
    if (j >= lex.size() || lex[j].tokens == 0 || lex[j].entry->type == "PER") continue;
    const std::uint64_t type = hash(lex[j].entry->type);
    for (std::size_t k = 0; k < lex[j].tokens && j + k < n; ++k) {
      Marks& m = marks[j + k];
      if (m.count < kMarks) m.mark[m.count++] = mix(type) + (k == 0 ? 1 : 2);
    }
  }
  return marks;
}

std::uint64_t known_code(const TokenInfo& t) { return t.known ? 1 : t.stem_known ? 2 : 0; }

// What context_features() reads of a token and its neighbours: Model::find keeps this much of each
// distinct token of a document once the features of the token alone are scored (a TokenInfo is
// seven times larger).
struct TokenContext {
  std::uint64_t form = 0, shape = 0;
  // The keys of the word as the token two after it and two before it see it (kPrev2, kNext2): worked
  // out once per distinct token rather than at every token.
  std::uint32_t two_after = 0, two_before = 0;
  bool known = false, given = false;
  std::uint8_t known_code = 0;  // known_code(), 3 beyond the sequence
  char case_class = 'N';
  std::uint8_t listed = 0;
  explicit TokenContext(const TokenInfo& t)
      : form(t.form), shape(t.shape), two_after(key(kPrev2, t.form)), two_before(key(kNext2, t.form)),
        known(t.known), given(t.given), known_code(static_cast<std::uint8_t>(ner::known_code(t))),
        case_class(t.case_class), listed(t.listed) {}
  // Beyond the sequence's start (kStartWord) or end (kEndWord): that word as word and shape.
  explicit TokenContext(std::uint64_t beyond)
      : form(beyond), shape(beyond), two_after(key(kPrev2, beyond)), two_before(key(kNext2, beyond)), known_code(3) {}
};

// A sequence's TokenContexts with two beyond either end, which its tokens' context features read
// with no test of where they stand: token u's is at u + 2.
template <class Context>  // Context(i): token i's TokenContext
std::vector<TokenContext> window(std::size_t n, Context&& context) {
  std::vector<TokenContext> out(2, TokenContext(kStartWord));
  out.reserve(n + 4);
  for (std::size_t i = 0; i < n; ++i) out.push_back(context(i));
  out.insert(out.end(), 2, TokenContext(kEndWord));
  return out;
}

// A case class's index in the tables below: U, L, N.
constexpr int case_index(char case_class) { return case_class == 'U' ? 0 : case_class == 'L' ? 1 : 2; }

// The keys of the features of few values, which every token (or every distinct one) asks for, worked
// out at compile time: whether the token opens a sentence by its case class, the known and given
// windows, and the features of a token's length, kind, clusters and knownness.
struct FewValuedKeys {
  std::uint32_t initial[2][3] = {};  // [opens a sentence][case_index()]
  std::uint32_t known_window[64] = {};
  std::uint32_t given_window[8] = {};
  std::uint32_t bias = 0;
  std::uint32_t known[3][3] = {};  // [known_code()][case_index()]
  std::uint32_t given[3] = {};     // [case_index()]
  std::uint32_t length[11] = {};   // code points, 10 for more
  std::uint32_t kind[3] = {};      // text::TokenKind
  std::uint32_t fine[256] = {}, coarse[256] = {};
  // The cluster a token gives the token after it and the one before it (256: beyond the sequence).
  std::uint32_t coarse_prev[257] = {}, coarse_next[257] = {};
  constexpr FewValuedKeys() {
    for (int opens = 0; opens < 2; ++opens)
      for (int c = 0; c < 3; ++c) initial[opens][c] = key(kInitial, opens, static_cast<std::uint64_t>("ULN"[c]));
    for (int w = 0; w < 64; ++w) known_window[w] = key(kKnownWindow, w);
    for (int w = 0; w < 8; ++w) given_window[w] = key(kGivenWindow, w);
    bias = key(kBias);
    for (int c = 0; c < 3; ++c) {
      for (int k = 0; k < 3; ++k) known[k][c] = key(kKnown, k, static_cast<std::uint64_t>("ULN"[c]));
      given[c] = key(kGiven, static_cast<std::uint64_t>("ULN"[c]));
    }
    for (int n = 0; n <= 10; ++n) length[n] = key(kLength, n);
    for (int k = 0; k < 3; ++k) kind[k] = key(kKind, k);
    for (int c = 0; c < 256; ++c) fine[c] = key(kFine, c), coarse[c] = key(kCoarse, c);
    for (int c = 0; c <= 256; ++c) coarse_prev[c] = key(kCoarsePrev, c), coarse_next[c] = key(kCoarseNext, c);
  }
};
constexpr FewValuedKeys kFewValuedKeys;

// The features of a token by itself, the same wherever it stands: Model::find scores them once per
// distinct token of a document. At most kMaxOwnFeatures of them (one a stem, one for each of the
// rest), so their summed weights fit the memo's 16 bits.
constexpr int kMaxOwnFeatures = 20 + static_cast<int>(std::size(TokenInfo{}.stems));
static_assert(kMaxOwnFeatures * kMaxWeight <= INT16_MAX);
template <class Push>
void own_features(const TokenInfo& t, Push&& push) {
  const std::uint64_t cls = static_cast<std::uint64_t>(t.case_class);
  const FewValuedKeys& few = kFewValuedKeys;
  push(few.bias);
  push(key(kWord, t.form));
  if (t.case_class != 'N') push(key(kWordCase, t.form, cls));
  for (int s = 0; s < t.stem_count; ++s) push(key(kStem, t.stems[s]));
  for (int p = 0; p < 3; ++p)
    if (t.prefix[p]) push(key(kPrefix, t.prefix[p], p));
  for (int s = 0; s < 4; ++s)
    if (t.suffix[s]) push(key(kSuffix, t.suffix[s], s));
  push(key(kShape, t.shape));
  push(few.length[std::min(t.length, 10)]);
  push(few.kind[static_cast<int>(t.kind)]);
  push(few.known[known_code(t)][case_index(t.case_class)]);
  if (!t.known) {
    if (t.prefix[1]) push(key(kUnknownPrefix, t.prefix[1]));
    if (t.suffix[1]) push(key(kUnknownSuffix, t.suffix[1]));
  }
  if (t.fine) push(few.fine[t.fine]);
  if (t.coarse) push(few.coarse[t.coarse]);
  if (t.case_class != 'N') push(key(kListed, t.listed, cls));
  if (t.given) push(few.given[case_index(t.case_class)]);
}

// The features token u takes from one neighbour alone, the token before it or after it (nullptr:
// beyond the end of the sequence there), the same wherever the two stand: Model::find scores them
// once per distinct token of a document.
struct Side {
  Template word, stem, shape;
  const std::uint32_t (&coarse)[257];  // the keys of the neighbour's coarse cluster
  const std::uint64_t& beyond;  // the word and shape beyond the sequence's end on this side
};
const Side kFromPrevious{kPrev1, kStemPrev, kShapePrev, kFewValuedKeys.coarse_prev, kStartWord};
const Side kFromNext{kNext1, kStemNext, kShapeNext, kFewValuedKeys.coarse_next, kEndWord};

template <class Push>
void features_from(const Side& side, const TokenInfo* neighbour, Push&& push) {
  push(key(side.word, neighbour ? neighbour->form : side.beyond));
  if (neighbour)
    for (int s = 0; s < neighbour->stem_count; ++s) push(key(side.stem, neighbour->stems[s]));
  push(key(side.shape, neighbour ? neighbour->shape : side.beyond));
  push(side.coarse[neighbour ? neighbour->coarse : 256]);  // clusters: 0 for a word without one
}

// The other features of token u from where it stands: the words and shapes around it, whether it
// opens a sentence, the lexicon phrases over and around it; `around` is the sequence's window(). At
// most kMaxContextFeatures of them (a lexicon mark each of the three tokens' marks, one for each of
// the rest), so Model::find sums their weights in 16 bits.
constexpr int kMaxContextFeatures = 3 * static_cast<int>(kMarks) + 13;
static_assert(kMaxContextFeatures * kMaxWeight <= INT16_MAX);
template <class Push>
void context_features(const std::vector<TokenContext>& around, const std::vector<bool>& starts,
                      const std::vector<Marks>& marks, std::size_t u, Push&& push) {
  const std::size_t n = around.size() - 4;
  const TokenContext &t = around[u + 2], &before = around[u + 1], &after = around[u + 3];
  const std::uint64_t word_before = before.form, word_after = after.form;
  const std::uint64_t cls = static_cast<std::uint64_t>(t.case_class);
  push(around[u].two_after);
  push(around[u + 4].two_before);
  push(key(kBigramPrev, word_before, t.form));
  push(key(kBigramNext, t.form, word_after));
  push(key(kShapeTri, before.shape, t.shape, after.shape));
  push(kFewValuedKeys.initial[starts[u]][case_index(t.case_class)]);
  for (std::size_t m = 0; m < marks[u].count; ++m) push(key(kLex, marks[u].mark[m], cls));
  if (u > 0)
    for (std::size_t m = 0; m < marks[u - 1].count; ++m) push(key(kLexPrev, marks[u - 1].mark[m]));
  if (u + 1 < n)
    for (std::size_t m = 0; m < marks[u + 1].count; ++m) push(key(kLexNext, marks[u + 1].mark[m]));
  push(kFewValuedKeys.known_window[before.known_code * 16 + t.known_code * 4 + after.known_code]);
  if (!t.known) {
    push(key(kUnknownPrev, word_before));
    push(key(kUnknownNext, word_after));
  }
  push(key(kPrevWordCase, word_before, cls));
  push(key(kNextWordCase, word_after, cls));
  if (const int given = before.given * 4 + t.given * 2 + after.given) push(kFewValuedKeys.given_window[given]);
  // A capitalized common word opening a sentence is no evidence of a name.
  if (t.case_class != 'N') push(key(kListedInitial, t.listed, starts[u], cls));
}

}  // namespace

void extract(std::string_view text, const std::vector<text::Token>& tokens, const std::vector<LexMatch>& lex,
             const Vocabulary& vocabulary, Features& out) {
  const std::size_t n = tokens.size();
  std::vector<TokenInfo> infos;
  infos.reserve(n);
  for (const text::Token& t : tokens) infos.push_back(token_info(text.substr(t.start, t.end - t.start), t, vocabulary));
  const std::vector<bool> opens = sentence_starts(tokens);
  const std::vector<Marks> marks = lexicon_marks(lex, n);
  const std::vector<TokenContext> around = window(n, [&](std::size_t i) { return TokenContext(infos[i]); });
  const auto push = [&](std::uint32_t k) { out.keys.push_back(k); };
  out.keys.clear();
  out.offsets.assign(1, 0);
  out.keys.reserve(n * 48);
  for (std::size_t u = 0; u < n; ++u) {
    own_features(infos[u], push);
    features_from(kFromPrevious, u > 0 ? &infos[u - 1] : nullptr, push);
    features_from(kFromNext, u + 1 < n ? &infos[u + 1] : nullptr, push);
    context_features(around, opens, marks, u, push);
    out.offsets.push_back(static_cast<std::uint32_t>(out.keys.size()));
  }
}

namespace {

// What a first pass tagged for one word over a document: per type (kTypes: O) how often, and how
// often a name began with it.
struct Elsewhere {
  int count[kTypes + 1] = {};
  int begins[kTypes] = {};
  void add(int tag, int d) {
    const int t = type_of(tag);
    count[t < 0 ? kTypes : t] += d;
    if (t >= 0 && is_begin(tag)) begins[t] += d;
  }
};

// The word's other occurrences: none; only untagged; or the type given most often (ties: the
// first), with the share of them tagged (quarters) and whether it began a name there.
template <class Push>
void elsewhere_features(const Elsewhere& e, std::uint32_t tmpl, bool with_begins, Push&& push) {
  int total = 0, best = 0;
  for (int t = 0; t <= kTypes; ++t) total += e.count[t];
  for (int t = 1; t < kTypes; ++t)
    if (e.count[t] > e.count[best]) best = t;
  if (total == 0) return push(key(tmpl, 9));
  const int tagged = total - e.count[kTypes];
  if (tagged == 0) return push(key(tmpl, kTypes));
  push(key(tmpl, static_cast<std::uint64_t>(best), static_cast<std::uint64_t>(4 * tagged / total)));
  if (with_begins) push(key(kElsewhereBegins, static_cast<std::uint64_t>(best), e.begins[best] > 0));
}

}  // namespace

std::vector<DocumentKeys> document_features(const std::vector<const std::vector<text::Token>*>& tokens,
                                            const std::vector<std::vector<int>>& tags) {
  std::unordered_map<std::string_view, Elsewhere> forms, cores;
  for (std::size_t s = 0; s < tokens.size(); ++s)
    for (std::size_t i = 0; i < tokens[s]->size(); ++i) {
      const text::Token& t = (*tokens[s])[i];
      if (t.kind != text::TokenKind::word) continue;
      forms[t.form()].add(tags[s][i], 1);
      cores[core(t.form())].add(tags[s][i], 1);
    }
  std::vector<DocumentKeys> out(tokens.size());
  for (std::size_t s = 0; s < tokens.size(); ++s) {
    out[s].resize(tokens[s]->size());
    for (std::size_t i = 0; i < tokens[s]->size(); ++i) {
      const text::Token& t = (*tokens[s])[i];
      if (t.kind != text::TokenKind::word) continue;
      const auto push = [&](std::uint32_t k) { out[s][i].push_back(k); };
      Elsewhere form = forms[t.form()], stem = cores[core(t.form())];  // less this occurrence
      form.add(tags[s][i], -1);
      stem.add(tags[s][i], -1);
      elsewhere_features(form, kElsewhereForm, true, push);
      elsewhere_features(stem, kElsewhereCore, false, push);
    }
  }
  return out;
}

Features with_document_features(const Features& f, const DocumentKeys& extra) {
  Features out;
  out.offsets.assign(1, 0);
  out.keys.reserve(f.keys.size() + f.size() * 3);
  for (std::size_t i = 0; i < f.size(); ++i) {
    out.keys.insert(out.keys.end(), f.keys.begin() + f.offsets[i], f.keys.begin() + f.offsets[i + 1]);
    out.keys.insert(out.keys.end(), extra[i].begin(), extra[i].end());
    out.offsets.push_back(static_cast<std::uint32_t>(out.keys.size()));
  }
  return out;
}

// --- decoding -----------------------------------------------------------------------------------

namespace {

// The tags each tag may follow (allowed()), worked out at compile time. Under BILOU they fall in
// two groups, which is what keeps decoding cheap: O, B- and U- (kOpening of them) follow the closing
// tags (O, L-, U-: kClosing of them), I- and L- follow their own B- and I- (two). Known at compile
// time, the loops over them unroll into straight code.
constexpr int kClosing = 1 + 2 * kTypes;
constexpr int kOpening = 1 + 2 * kTypes;
constexpr int kInner = kTags - kOpening;  // I- and L-
struct Predecessors {
  int closing[kClosing] = {};
  int opening[kOpening] = {};
  int inner[kInner] = {};
  int tags[kInner][2] = {};  // of inner[j]
  constexpr Predecessors() {
    int c = 0, o = 0, j = 0;
    for (int p = 0; p < kTags; ++p)
      if (allowed(p, 0)) closing[c++] = p;
    for (int y = 0; y < kTags; ++y) {
      if (allowed(0, y)) {
        opening[o++] = y;
        continue;
      }
      int k = 0;
      for (int p = 0; p < kTags; ++p)
        if (allowed(p, y)) tags[j][k++] = p;
      inner[j++] = y;
    }
  }
};
constexpr Predecessors kPredecessors;

constexpr std::size_t kRenormalize = 64;  // tokens between two takings down of integer scores

// The transition scores into the opening tags from the closing tags, and with them the best score
// into each opening tag at a token from the closing tags at the token before: best[o] is the largest
// previous[closing k] + into[k][o] (from the k-th closing tag to the o-th opening tag).
template <class T>
struct IntoOpening {
  T into[kClosing][kOpening];
  void set(int k, int o, T score) { into[k][o] = score; }
  void best(const T* previous, T (&best)[kOpening]) const {
    constexpr const Predecessors& pre = kPredecessors;
    for (int o = 0; o < kOpening; ++o) best[o] = previous[pre.closing[0]] + into[0][o];
    for (int k = 1; k < kClosing; ++k)
      for (int o = 0; o < kOpening; ++o) best[o] = std::max(best[o], previous[pre.closing[k]] + into[k][o]);
  }
};

// The same for 32-bit integers (the runtime's scores), four opening tags at a time in GCC's and
// clang's vector extension (the ninth alone): compilers leave the max of 32-bit integers scalar on
// x86-64's baseline (SSE2 has no pmaxsd), where it took half of decoding's instructions.
template <>
struct IntoOpening<std::int32_t> {
  using Lanes = std::int32_t __attribute__((vector_size(16)));
  static constexpr int kVectors = kOpening / 4;
  static_assert(kOpening == 4 * kVectors + 1);
  Lanes into[kClosing][kVectors] = {};
  std::int32_t into_last[kClosing] = {};  // into the last opening tag
  void set(int k, int o, std::int32_t score) {
    if (o < 4 * kVectors) into[k][o / 4][o % 4] = score;
    else into_last[k] = score;
  }
  void best(const std::int32_t* previous, std::int32_t (&best)[kOpening]) const {
    constexpr const Predecessors& pre = kPredecessors;
    const auto splat = [](std::int32_t v) { return Lanes{v, v, v, v}; };
    Lanes top[kVectors];
    for (int l = 0; l < kVectors; ++l) top[l] = splat(previous[pre.closing[0]]) + into[0][l];
    std::int32_t last = previous[pre.closing[0]] + into_last[0];
    for (int k = 1; k < kClosing; ++k) {
      const Lanes closed = splat(previous[pre.closing[k]]);
      for (int l = 0; l < kVectors; ++l) {
        const Lanes candidate = closed + into[k][l];
        const Lanes greater = candidate > top[l];  // all ones where it is
        top[l] = (candidate & greater) | (top[l] & ~greater);
      }
      last = std::max(last, previous[pre.closing[k]] + into_last[k]);
    }
    for (int o = 0; o < 4 * kVectors; ++o) best[o] = top[o / 4][o % 4];
    best[kOpening - 1] = last;
  }
};

}  // namespace

// Compiled three times by GCC on x86-64 Linux, the machine's best taken at load (an ifunc): the
// baseline's SSE2 has no max of 32-bit integers, which SSE4.1 has (pmaxsd) and AVX2 on 8 lanes;
// decoding took a quarter fewer instructions so (352 → 265 a token of Arabic, AVX2).
template <class T>
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__GNUC__) && !defined(__clang__)
[[gnu::target_clones("avx2", "sse4.1", "default")]]
#endif
std::vector<int> viterbi(const T* emission, std::size_t n, const T* start, const T* transitions) {
  constexpr const Predecessors& pre = kPredecessors;
  std::vector<int> tags(n, 0);
  if (n == 0) return tags;
  // A tag that cannot start a sequence scores far below any other; after the first token every tag
  // has a valid predecessor.
  const T impossible = std::numeric_limits<T>::lowest() / 4;
  // The transition scores from each tag's predecessors: into_opening[k][o] from the k-th closing tag
  // to the o-th opening tag, into_inner[j][k] from the k-th predecessor of the j-th inner tag.
  T into_opening[kClosing][kOpening], into_inner[kInner][2];
  IntoOpening<T> forward;  // into_opening again, laid out for the forward pass
  for (int k = 0; k < kClosing; ++k)
    for (int o = 0; o < kOpening; ++o)
      forward.set(k, o, into_opening[k][o] = transitions[pre.closing[k] * kTags + pre.opening[o]]);
  for (int j = 0; j < kInner; ++j)
    for (int k = 0; k < 2; ++k) into_inner[j][k] = transitions[pre.tags[j][k] * kTags + pre.inner[j]];
  // scores[i * kTags + y]: the best score of the tags up to token i with tag y there, less the best of
  // them all at a token not long before (only differences matter: it keeps them small). The forward
  // pass keeps no back pointers: the way back asks again which predecessor gave the best only for
  // the tag taken.
  const std::unique_ptr<T[]> scores(new T[n * kTags]);  // each written before it is read
  for (int y = 0; y < kTags; ++y) scores[y] = allowed(-1, y) ? start[y] + emission[y] : impossible;
  for (std::size_t i = 1; i < n; ++i) {
    const T* previous = &scores[(i - 1) * kTags];
    const T* e = &emission[i * kTags];
    T* score = &scores[i * kTags];
    T best[kOpening];
    forward.best(previous, best);
    for (int o = 0; o < kOpening; ++o) score[pre.opening[o]] = best[o] + e[pre.opening[o]];
    for (int j = 0; j < kInner; ++j)
      score[pre.inner[j]] = std::max(previous[pre.tags[j][0]] + into_inner[j][0], previous[pre.tags[j][1]] + into_inner[j][1]) +
                            e[pre.inner[j]];
    // Integer scores are taken down only every kRenormalize tokens: a token moves them by some 2^17
    // at most (four sums of 16 bits, a few dozen weights of kMaxWeight, a transition), far
    // from overflowing in between, and only their differences matter. Floats, every token: they
    // would round otherwise.
    if (std::is_floating_point_v<T> || i % kRenormalize == 0) {
      T top = impossible;
      for (int y = 0; y < kTags; ++y) top = std::max(top, score[y]);
      for (int y = 0; y < kTags; ++y) score[y] -= top;
    }
  }
  // Of equal predecessors, the first.
  const auto predecessor = [&](const T* previous, int y) {
    for (int j = 0; j < kInner; ++j)
      if (pre.inner[j] == y) {
        const int p0 = pre.tags[j][0], p1 = pre.tags[j][1];
        return previous[p1] + into_inner[j][1] > previous[p0] + into_inner[j][0] ? p1 : p0;
      }
    int o = 0;
    while (pre.opening[o] != y) ++o;
    int arg = 0;
    for (int k = 1; k < kClosing; ++k)
      if (previous[pre.closing[k]] + into_opening[k][o] > previous[pre.closing[arg]] + into_opening[arg][o]) arg = k;
    return pre.closing[arg];
  };
  const T* last = &scores[(n - 1) * kTags];
  int best = 0;
  for (int y = 1; y < kTags; ++y)
    if (is_end(y) && last[y] > last[best]) best = y;
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = best;
    if (i > 0) best = predecessor(&scores[(i - 1) * kTags], best);
  }
  return tags;
}

template std::vector<int> viterbi<float>(const float*, std::size_t, const float*, const float*);
template std::vector<int> viterbi<double>(const double*, std::size_t, const double*, const double*);
template std::vector<int> viterbi<std::int32_t>(const std::int32_t*, std::size_t, const std::int32_t*,
                                                const std::int32_t*);

// --- the model ----------------------------------------------------------------------------------

namespace {

void put_u16(std::string& out, std::uint16_t v) { out += static_cast<char>(v & 0xFF), out += static_cast<char>(v >> 8); }
void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put_varint(std::string& out, std::uint32_t v) {
  for (; v >= 0x80; v >>= 7) out += static_cast<char>((v & 0x7F) | 0x80);
  out += static_cast<char>(v);
}

// Reads the file front to back; any read past the end marks it bad.
struct Reader {
  std::string_view s;
  bool bad = false;
  std::uint8_t u8() {
    if (s.empty()) return bad = true, 0;
    const auto v = static_cast<std::uint8_t>(s[0]);
    s.remove_prefix(1);
    return v;
  }
  std::uint16_t u16() { return static_cast<std::uint16_t>(u8() | (u8() << 8)); }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(u8()) << (8 * i);
    return v;
  }
  std::uint32_t varint() {
    std::uint32_t v = 0;
    for (int shift = 0; shift < 35 && !bad; shift += 7) {
      const std::uint8_t b = u8();
      v |= static_cast<std::uint32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    return bad = true, 0;
  }
  std::string_view bytes(std::size_t n) {
    if (s.size() < n) return bad = true, std::string_view();
    const std::string_view v = s.substr(0, n);
    s.remove_prefix(n);
    return v;
  }
};

// 256 values to round the weights to, evenly spread on a log scale from 1 to the largest magnitude
// (either sign): each weight keeps its value to within a few percent, and small ones exactly.
std::vector<std::int16_t> codebook(const std::vector<std::int16_t>& values) {
  int largest = 1;
  for (std::int16_t v : values) largest = std::max(largest, std::abs(static_cast<int>(v)));
  std::vector<std::int16_t> book;
  for (int k = 0; k < 128; ++k) {
    const auto m = static_cast<std::int16_t>(std::lround(std::pow(largest, k / 127.0)));
    book.push_back(m), book.push_back(static_cast<std::int16_t>(-m));
  }
  std::sort(book.begin(), book.end());
  book.erase(std::unique(book.begin(), book.end()), book.end());
  book.resize(256, book.back());
  return book;
}

std::uint8_t nearest(const std::vector<std::int16_t>& book, std::int16_t v) {
  const auto it = std::lower_bound(book.begin(), book.end(), v);
  if (it == book.end()) return 255;
  if (it == book.begin()) return 0;
  return static_cast<std::uint8_t>(v - *(it - 1) <= *it - v ? it - 1 - book.begin() : it - book.begin());
}

}  // namespace

std::string ModelFile::encode() const {
  std::string out(kMagic);
  out += static_cast<char>(kVersion);
  out += static_cast<char>(kTags);
  const std::string_view text = std::string_view(about).substr(0, 0xFFFF);
  put_u16(out, static_cast<std::uint16_t>(text.size()));
  out += text;
  for (std::int16_t v : start) put_u16(out, static_cast<std::uint16_t>(v));
  for (std::int16_t v : transitions) put_u16(out, static_cast<std::uint16_t>(v));
  put_u32(out, static_cast<std::uint32_t>(words.size()));
  std::uint32_t previous = 0;
  for (const Word& w : words) put_varint(out, w.key - previous), previous = w.key;
  for (const Word& w : words) out += static_cast<char>(w.info.known);
  for (const Word& w : words) out += static_cast<char>(w.info.fine);
  for (const Word& w : words) out += static_cast<char>(w.info.coarse);
  put_u32(out, static_cast<std::uint32_t>(rows.size()));
  previous = 0;
  std::vector<std::int16_t> values;
  for (const Row& r : rows) put_varint(out, r.key - previous), previous = r.key;
  for (const Row& r : rows) {
    std::uint32_t tags = 0;
    for (int y = 0; y < kTags; ++y)
      if (r.weights[y] != 0) tags |= 1u << y, values.push_back(r.weights[y]);
    put_varint(out, tags);
  }
  const std::vector<std::int16_t> book = codebook(values);
  for (std::int16_t v : book) put_u16(out, static_cast<std::uint16_t>(v));
  for (std::int16_t v : values) out += static_cast<char>(nearest(book, v));
  return out;
}

bool ModelFile::decode(std::string_view bytes, std::string* error) {
  *this = ModelFile();
  Reader in{bytes};
  if (in.bytes(kMagic.size()) != kMagic) return fail(error, "not a maqal-ner model file");
  if (in.u8() != kVersion) return fail(error, "unknown model file version");
  if (in.u8() != kTags) return fail(error, "tag set differs from the code's");
  about = std::string(in.bytes(in.u16()));
  for (std::int16_t& v : start) v = static_cast<std::int16_t>(in.u16());
  for (std::int16_t& v : transitions) v = static_cast<std::int16_t>(in.u16());
  const std::uint32_t word_count = in.u32();
  if (in.bad || word_count > in.s.size()) return fail(error, "truncated model file");
  words.resize(word_count);
  std::uint64_t key = 0;
  for (Word& w : words) {
    key += in.varint();
    if (key == 0 || key > 0xFFFFFFFFu || (&w != words.data() && key == (&w - 1)->key))
      return fail(error, "bad word key");
    w.key = static_cast<std::uint32_t>(key);
  }
  for (Word& w : words) w.info.known = in.u8() != 0;
  for (Word& w : words) w.info.fine = in.u8();
  for (Word& w : words) w.info.coarse = in.u8();
  const std::uint32_t row_count = in.u32();
  if (in.bad || row_count > in.s.size()) return fail(error, "truncated model file");
  rows.resize(row_count);
  key = 0;
  for (Row& r : rows) {
    key += in.varint();
    if (key == 0 || key > 0xFFFFFFFFu || (&r != rows.data() && key == (&r - 1)->key))
      return fail(error, "bad feature key");
    r.key = static_cast<std::uint32_t>(key);
  }
  std::vector<std::uint32_t> tags(row_count);
  for (std::uint32_t& t : tags)
    if ((t = in.varint()) == 0 || t >= (1u << kTags)) return fail(error, "bad tag set of a feature");
  std::int16_t book[256];
  for (std::int16_t& v : book)
    if (v = static_cast<std::int16_t>(in.u16()); v < -kMaxWeight || v > kMaxWeight)
      return fail(error, "a weight beyond the largest the model can sum");
  for (std::size_t f = 0; f < row_count; ++f)
    for (int y = 0; y < kTags; ++y)
      if (tags[f] >> y & 1) rows[f].weights[y] = book[in.u8()];
  if (in.bad) return fail(error, "truncated model file");
  if (!in.s.empty()) return fail(error, "bytes after the model");
  return true;
}

bool Model::load(std::string_view bytes, std::string* error) {
  ModelFile file;
  if (!file.decode(bytes, error)) {
    *this = Model();
    return false;
  }
  load(file);
  return true;
}

void Model::load(const ModelFile& file) {
  *this = Model();
  about_ = file.about;
  std::copy(std::begin(file.start), std::end(file.start), start_);
  std::copy(std::begin(file.transitions), std::end(file.transitions), transitions_);
  // Tables at most half full: most lookups are of words and features the model does not have, and a
  // probe for one goes on to a free slot (at three quarters full, 2.5 probes a feature on Arabic text).
  auto capacity = [](std::size_t count) {
    std::uint32_t c = 16;
    while (c < 2 * count) c <<= 1;
    return c;
  };
  words_.assign(capacity(file.words.size()), WordSlot{});
  word_mask_ = static_cast<std::uint32_t>(words_.size() - 1);
  for (const ModelFile::Word& w : file.words) {
    std::uint32_t slot = w.key & word_mask_;
    while (words_[slot].key != 0) slot = (slot + 1) & word_mask_;
    words_[slot] = {w.key, w.info};
  }
  keys_.assign(capacity(file.rows.size()), 0);
  rows_.assign(keys_.size(), {});
  mask_ = static_cast<std::uint32_t>(keys_.size() - 1);
  for (const ModelFile::Row& r : file.rows) {
    std::uint32_t slot = r.key & mask_;
    while (keys_[slot] != 0) slot = (slot + 1) & mask_;
    keys_[slot] = r.key;
    std::copy(std::begin(r.weights), std::end(r.weights), rows_[slot].begin());
  }
  features_ = file.rows.size();
}

WordInfo Model::word(std::uint32_t k) const {
  if (words_.empty()) return {};
  for (std::uint32_t slot = k & word_mask_;; slot = (slot + 1) & word_mask_) {
    const WordSlot& here = words_[slot];
    if (here.key == k) return here.info;
    if (here.key == 0) return {};
  }
}

template <class Sum>
[[gnu::always_inline]] inline void Model::add_weights(std::uint32_t k, Sum* scores) const {
  for (std::uint32_t slot = k & mask_;; slot = (slot + 1) & mask_) {
    if (keys_[slot] == k) {
      const std::int16_t* w = rows_[slot].data();
      for (int y = 0; y < kTags; ++y) scores[y] = static_cast<Sum>(scores[y] + w[y]);
      return;
    }
    if (keys_[slot] == 0) return;
  }
}

std::vector<int> Model::tag(const Features& f) const {
  const std::size_t n = f.size();
  if (empty()) return std::vector<int>(n, 0);
  std::vector<std::int32_t> emission(n * kTags, 0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::uint32_t j = f.offsets[i]; j < f.offsets[i + 1]; ++j) add_weights(f.keys[j], &emission[i * kTags]);
  return viterbi<std::int32_t>(emission.data(), n, start_, transitions_);
}

// Distinct tokens by their text as written (which fixes their folded form and kind): their
// TokenInfo and the summed weights of the features they give themselves, the token after them and
// the token before them. About 250 bytes a token: a document of a megabyte has some 30,000
// distinct ones, so the memo starts over once it holds kLimit (a news article's words fit; the
// common ones come back at once).
struct Model::Memo {
  static constexpr std::size_t kLimit = 16384;
  using Scores = std::array<std::int16_t, kTags>;  // summed weights: see kMaxOwnFeatures, kMaxContextFeatures
  text::WordSet texts;  // the distinct tokens' texts; a text's index is its entries' index below
  // By text::form_id: the index + 1 of the text last met with that form (0: none), which the next
  // token of the form mostly has: its text compared, not hashed.
  std::vector<std::uint32_t> text_of_form;
  std::vector<TokenContext> contexts;
  std::vector<Scores> own, to_next, to_previous;
  Scores at_start{}, at_end{};  // what a token takes from beyond either end of its sequence
  bool ends_scored = false;
  text::WordSet* words = nullptr;  // if set, gets the folded forms of the words new to the memo

  // Room for the distinct tokens of a document of `tokens` tokens, as many as kLimit (and for their
  // words, in `words` if set): growing the vectors below copied them all along.
  void reserve(std::size_t tokens) {
    const std::size_t room = std::min(tokens, kLimit);
    texts.reserve(room);
    if (words) words->reserve(room);
    contexts.reserve(room);
    own.reserve(room);
    to_next.reserve(room);
    to_previous.reserve(room);
  }
  void forget_tokens() {
    texts.clear();
    std::fill(text_of_form.begin(), text_of_form.end(), 0);
    contexts.clear();
    own.clear();
    to_next.clear();
    to_previous.clear();
  }
};

std::vector<Mention> Model::find(std::string_view text, const std::vector<text::Token>& tokens,
                                 const std::vector<LexMatch>& lex, Memo* memo, std::vector<char>* unknown) const {
  if (empty() || tokens.empty()) return {};
  Memo own_memo;
  Memo& m = memo ? *memo : own_memo;
  using Scores = Memo::Scores;
  const auto scores_of = [this](auto&& features) {
    Scores scores{};
    features([&](std::uint32_t k) { add_weights(k, scores.data()); });
    return scores;
  };
  if (!m.ends_scored) {
    m.at_start = scores_of([](auto&& push) { features_from(kFromPrevious, nullptr, push); });
    m.at_end = scores_of([](auto&& push) { features_from(kFromNext, nullptr, push); });
    m.ends_scored = true;
  }
  // The scores of extract()'s features, summed in two parts: those that depend on a token or one
  // neighbour alone, from the memo, then those of where it stands.
  const std::size_t n = tokens.size();
  std::vector<std::uint32_t> slots(n);
  const auto vocabulary = [this](std::uint32_t k) { return word(k); };
  // Forgotten before it could pass kLimit with this sequence's tokens: its vectors then stay within
  // kLimit's capacity rather than doubling past it.
  if (m.contexts.size() + n > Memo::kLimit) m.forget_tokens();
  const std::size_t met_before = m.contexts.size();  // the tokens of higher index are new to the memo
  for (std::size_t i = 0; i < n; ++i) {
    const text::Token& t = tokens[i];
    const std::string_view original = text.substr(t.start, t.end - t.start);
    const std::uint32_t form = text::form_id(t);
    if (form != text::kNoFormId && form >= m.text_of_form.size()) m.text_of_form.resize(std::max<std::size_t>(form + 1, 2 * m.text_of_form.size()));
    std::uint32_t* const text_of_form = form != text::kNoFormId ? &m.text_of_form[form] : nullptr;
    std::uint32_t index;
    bool added = false;
    if (text_of_form && *text_of_form != 0 && m.texts[*text_of_form - 1] == original) {
      index = *text_of_form - 1;
    } else {
      std::tie(index, added) = m.texts.add(original);
      if (text_of_form) *text_of_form = index + 1;
    }
    if (added) {
      const TokenInfo info = token_info(original, t, vocabulary);
      m.contexts.emplace_back(info);
      m.own.push_back(scores_of([&](auto&& push) { own_features(info, push); }));
      m.to_next.push_back(scores_of([&](auto&& push) { features_from(kFromPrevious, &info, push); }));
      m.to_previous.push_back(scores_of([&](auto&& push) { features_from(kFromNext, &info, push); }));
    }
    slots[i] = index;
  }
  if (m.words)
    for (std::size_t i = 0; i < n; ++i)
      if (slots[i] >= met_before && tokens[i].kind == text::TokenKind::word) m.words->insert(tokens[i].form());
  if (unknown) {
    unknown->resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const TokenContext& c = m.contexts[slots[i]];
      (*unknown)[i] = c.known ? 0 : c.case_class;  // known: every token but an unknown word
    }
  }
  const std::vector<bool> opens = sentence_starts(tokens);
  const std::vector<Marks> marks = lexicon_marks(lex, n);
  const std::vector<TokenContext> around = window(n, [&](std::size_t i) { return m.contexts[slots[i]]; });
  const std::unique_ptr<std::int32_t[]> emission(new std::int32_t[n * kTags]);  // each written below
  for (std::size_t u = 0; u < n; ++u) {
    std::int32_t* e = &emission[u * kTags];
    const Scores& own = m.own[slots[u]];
    const Scores& from_previous = u > 0 ? m.to_next[slots[u - 1]] : m.at_start;
    const Scores& from_next = u + 1 < n ? m.to_previous[slots[u + 1]] : m.at_end;
    Scores from_context{};
    context_features(around, opens, marks, u, [&](std::uint32_t k) { add_weights(k, from_context.data()); });
    for (int y = 0; y < kTags; ++y) e[y] = own[y] + from_previous[y] + from_next[y] + from_context[y];
  }
  std::vector<int> tags = viterbi<std::int32_t>(emission.get(), n, start_, transitions_);
  // A name never runs across the end of a sentence ("… Joe Biden. Blinken said …").
  for (std::size_t i = 0; i < tags.size(); ++i)
    if (tokens[i].kind == text::TokenKind::punct && ends_sentence(tokens[i].form())) tags[i] = 0;
  return mentions(tags);
}

// --- entities -----------------------------------------------------------------------------------

namespace {

// Byte length of the first `letters` code points of `original` that folding keeps (marks, tatweel
// and format characters do not count), with the marks that follow them.
std::size_t skip_letters(std::string_view original, std::size_t letters) {
  const auto* p = reinterpret_cast<const uint8_t*>(original.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(original.size());
  auto is_mark = [](UChar32 c) {
    const int8_t type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
           (type == U_MODIFIER_LETTER && u_hasBinaryProperty(c, UCHAR_EXTENDER));
  };
  while (i < n) {
    int32_t next = i;
    UChar32 c;
    U8_NEXT(p, next, n, c);
    if (c >= 0 && is_mark(c)) {
      i = next;
      continue;
    }
    if (letters == 0) break;
    --letters;
    i = next;
  }
  return static_cast<std::size_t>(i);
}

// The script with more letters (text::language): 1 for Arabic, -1 for Latin, 0 for neither.
int arabic_or_latin(std::string_view s) {
  const std::string lang = text::language(s);
  return lang == "ar" ? 1 : lang == "en" ? -1 : 0;
}

}  // namespace

std::string name_norm(std::string_view text, const std::vector<text::Token>& tokens, const Mention& m,
                      const InDocument& in_document) {
  const text::Token& first = tokens[m.first];
  const text::Token& last = tokens[m.last - 1];
  std::size_t start = first.start, end = last.end;
  std::string head;  // written before the text: the article fused into "للبرلمان"
  const std::string_view f = first.form();
  if (first.kind == text::TokenKind::word) {
    std::size_t strip = 0;  // folded bytes of the proclitic to leave out
    for (std::string_view s : text::stems(first)) {
      if (s.size() == f.size() || f.substr(f.size() - s.size()) != s) continue;  // not a proclitic removal
      const std::string_view prefix = f.substr(0, f.size() - s.size());
      if (const std::string_view article = text::fused_article(prefix);
          !article.empty() && text::count_code_points(s) >= 3) {  // ل + ال: "للأمم" → "الأمم"
        if (in_document(std::string(article) + std::string(s)) || !in_document(s)) {
          strip = prefix.size();
          head = article;
          break;
        }
      }
      // Keep the article: "والبرلمان" → "البرلمان", not "برلمان".
      if (text::ends_with_article(prefix)) continue;
      // ك ("like") rarely stands on a name, and names open with its letter: after it the word with the
      // article must be one the model saw or the document writes ("كاليفورنيا", California, is no ك +
      // "اليفورنيا"), and a word without it a given name ("كوفي", Kofi, is no ك + "وفي", and in).
      const bool simile = text::simile(prefix);
      const bool article_follows = !text::without_article(s).empty() && text::count_code_points(s) >= 5 &&
                                   (!simile || model(Lang::ar).knows(word_key(s)) || in_document(s));
      // "ونجلاء" → "نجلاء"; but "كريم" and "كامل" are names themselves, not ك + "ريم", "أمل"; and two
      // letters left are too little to tell ("فان" is no ف + "آن" or "إن").
      const bool given_name = is_given_name(s) && !is_given_name(f);
      if (article_follows || (text::count_code_points(s) >= 3 && (given_name || (!simile && in_document(s))))) {
        strip = prefix.size();
        break;
      }
    }
    if (strip > 0) start += skip_letters(text.substr(start, end - start), text::count_code_points(f.substr(0, strip)));
  }
  if (last.kind == text::TokenKind::word) {
    const std::string_view l = last.form();
    for (std::string_view s : text::stems(last)) {
      if (s.size() == l.size() || !l.starts_with(s)) continue;  // not a suffix removal
      const std::size_t drop = text::count_code_points(l.substr(s.size()));
      std::size_t cut = end;
      for (std::size_t k = 0; k < drop && cut > start; ++k) {
        do --cut;
        while (cut > start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80);
      }
      end = cut;
      break;
    }
  }
  std::string norm = head;
  bool space = false;
  for (char c : text.substr(start, end - start)) {
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (blank) {
      space = !norm.empty();
      continue;
    }
    if (space) norm += ' ';
    space = false;
    norm += c;
  }
  return norm;
}

void propagate(std::vector<Sequence>& document) {
  // Names by folded word: the word itself and its stems without a proclitic.
  std::unordered_map<std::string_view, int, text::StringHash> names;  // → type, or -1 when types disagree
  auto note = [&](std::string_view word, int type) {
    auto [it, added] = names.try_emplace(word, type);
    if (!added && it->second != type) it->second = -1;
  };
  for (Sequence& s : document) {  // a sequence Model::find did not tag (training, tests)
    if (s.unknown.size() == s.tokens->size()) continue;
    s.unknown.assign(s.tokens->size(), 0);
    for (std::size_t i = 0; i < s.tokens->size(); ++i) {
      const text::Token& t = (*s.tokens)[i];
      if (t.kind == text::TokenKind::word && !s.model->knows(word_key(t.form())))
        shape_of(s.text.substr(t.start, t.end - t.start), s.unknown[i]);
    }
  }
  // A person named in full (or after a title) is that person where their last word stands alone:
  // "Hitzig" after "Eduard Hitzig", "Obama" after "President Obama" is no place, whatever the model
  // made of it (a word it knows, such as "Washington", may be something else).
  // So are the last two words of a person's name of three or more that opens with a given name, known
  // or not: "Le Pen" after "Marine Le Pen" (which the model made a work of art); not "Estados Unidos"
  // after the model's "En Estados Unidos".
  std::unordered_set<std::string_view, text::StringHash> last_names;
  text::StringSet last_two_names;
  const auto two_words = [](const text::Tokens& tokens, std::size_t first) {
    return std::string(tokens[first].form()) + ' ' + std::string(tokens[first + 1].form());
  };
  for (const Sequence& s : document)
    for (const Mention& m : s.mentions) {
      if (m.type != 0) continue;
      if ((m.last - m.first > 1 || m.headed) && s.unknown[m.last - 1])
        last_names.insert((*s.tokens)[m.last - 1].form());
      if (m.last - m.first > 2 && is_given_name((*s.tokens)[m.first].form()))
        last_two_names.insert(two_words(*s.tokens, m.last - 2));
    }
  for (Sequence& s : document)
    for (Mention& m : s.mentions)
      if (m.type != 0 && ((m.last - m.first == 1 && last_names.count((*s.tokens)[m.first].form())) ||
                          (m.last - m.first == 2 && !last_two_names.empty() &&
                           last_two_names.count(two_words(*s.tokens, m.first)))))
        m.type = 0;
  for (const Sequence& s : document) {
    for (const Mention& m : s.mentions) {
      // Only persons are named by their last word, and organizations by the name after their head
      // word ("حزب | الليكود"; not an adjective: "الجبهة | التركمانية").
      const bool headed_organization = m.last - m.first == 2 && m.type == type_index("ORG") &&
                                       !organization_head((*s.tokens)[m.first]).empty() &&
                                       !nisba((*s.tokens)[m.last - 1]);
      if (m.last - m.first > 1 && m.type != 0 && !headed_organization) continue;
      if (!s.unknown[m.last - 1]) continue;
      for (std::string_view w : text::stems((*s.tokens)[m.last - 1])) note(w, m.type);
    }
  }
  if (names.empty()) return;
  for (Sequence& s : document) {
    const auto& tokens = *s.tokens;
    std::vector<bool> taken(tokens.size() + 1, false);  // in or next to a mention
    for (const Mention& m : s.mentions)
      for (std::size_t i = m.first > 0 ? m.first - 1 : 0; i <= m.last && i < taken.size(); ++i) taken[i] = true;
    std::vector<Mention> added;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (taken[i] || !s.unknown[i] || s.unknown[i] == 'L') continue;
      for (std::string_view w : text::stems(tokens[i])) {
        const auto it = names.find(w);
        if (it == names.end() || it->second < 0) continue;
        added.push_back({i, i + 1, it->second});
        taken[i] = taken[i + 1] = true;
        break;
      }
    }
    if (added.empty()) continue;
    s.mentions.insert(s.mentions.end(), added.begin(), added.end());
    std::sort(s.mentions.begin(), s.mentions.end(), [](const Mention& a, const Mention& b) { return a.first < b.first; });
  }
}

std::vector<std::vector<Name>> find_names(const std::vector<Block>& blocks,
                                            const std::vector<text::Tokens>& tokens,
                                            const DocumentMatches& lex) {
  std::vector<Sequence> document(blocks.size());
  text::WordSet words;  // folded words: evidence for names' bare forms (name_norm)
  std::vector<bool> gathered(blocks.size(), false), tagged_block(blocks.size(), false);  // gathered: words in `words`
  {  // the memos (some MB on a long text) go before the names are made consistent
    Model::Memo arabic, latin;
    // Only an Arabic name's proclitic asks for the words: they are gathered as the memo meets new
    // tokens, not token by token afterwards.
    arabic.words = &words;
    std::vector<int> scripts(blocks.size());
    std::size_t arabic_tokens = 0, latin_tokens = 0;
    for (std::size_t b = 0; b < blocks.size(); ++b)
      if ((scripts[b] = arabic_or_latin(blocks[b].text)) != 0) (scripts[b] > 0 ? arabic_tokens : latin_tokens) += tokens[b].size();
    arabic.reserve(arabic_tokens);
    latin.reserve(latin_tokens);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      Sequence& s = document[b];
      s.text = blocks[b].text;
      s.tokens = &tokens[b];
      s.styled = capitalized_by_style(blocks[b].role) || title_cased(s.text, tokens[b]);
      s.byline = blocks[b].role == "byline";
      const int script = scripts[b];
      if (script == 0) continue;
      s.model = &model(script > 0 ? Lang::ar : Lang::en);
      s.mentions = s.model->find(s.text, tokens[b], lex.block(b), script > 0 ? &arabic : &latin, &s.unknown);
      gathered[b] = script > 0 && !s.model->empty();
      tagged_block[b] = true;
    }
  }
  std::vector<Sequence> tagged;
  std::vector<std::size_t> index;
  for (std::size_t b = 0; b < document.size(); ++b)
    if (tagged_block[b]) tagged.push_back(std::move(document[b])), index.push_back(b);
  // The other blocks' words, added on the first question (most names never ask): the document
  // pass's norms see the tagged blocks' words, the names' norms below every block's.
  // Not reserved for every token: a document repeats its words (10 MB of text: 8 MB of buckets).
  const auto gather = [&](bool untagged_too) {
    for (std::size_t b = 0; b < tokens.size(); ++b) {
      if (gathered[b] || !(untagged_too || tagged_block[b])) continue;
      for (const auto& t : tokens[b])
        if (t.kind == text::TokenKind::word) words.insert(t.form());
      gathered[b] = true;
    }
  };
  bool tagged_words = false, all_words = false;
  const InDocument in_tagged = [&](std::string_view w) {
    if (!tagged_words) gather(false), tagged_words = true;
    return words.contains(w);
  };
  make_names_consistent(tagged, &in_tagged);
  const auto in_document = [&](std::string_view w) {
    if (!all_words) gather(true), all_words = true;
    return words.contains(w);
  };
  std::vector<std::vector<Name>> out(blocks.size());
  for (std::size_t k = 0; k < tagged.size(); ++k) {
    const Sequence& s = tagged[k];
    auto& names = out[index[k]];
    names.reserve(s.mentions.size());
    for (const Mention& mention : s.mentions)
      names.push_back({(*s.tokens)[mention.first].start, (*s.tokens)[mention.last - 1].end, mention.type,
                       name_norm(s.text, *s.tokens, mention, in_document), mention.headed});
  }
  return out;
}

std::string_view weights_file(Lang lang) { return lang == Lang::ar ? "ar/ner.bin" : "en/ner.bin"; }

namespace {
Model compiled(Lang lang) {
  Model m;
  if (!m.load(data::file(weights_file(lang)))) m = Model();
  return m;
}
}  // namespace

const Model& model(Lang lang) {
  if (lang == Lang::ar) {
    static const Model ar = compiled(Lang::ar);
    return ar;
  }
  static const Model en = compiled(Lang::en);
  return en;
}

}  // namespace maqal::entities::ner
