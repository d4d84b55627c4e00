#include "entities/ner.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "lang/data.h"
#include "text/clitics.h"
#include "text/script.h"
#include "text/utf.h"

// Weights file (core/lang/<lang>/ner.weights.tsv, written by tools/train_ner):
//
//   # comment lines
//   maqal-ner<TAB>1
//   tags<TAB>O<TAB>B-PER<TAB>...               the tag order, checked against kTags
//   start<TAB>w_O<TAB>w_B-PER ...              score of each tag at the start of a sequence
//   trans<TAB><from tag><TAB>w_O ...           one line per from-tag: score of each following tag
//   features<TAB>N
//   <key delta><TAB><tag>:<weight> <tag>:<weight> ...    N lines, keys ascending
//
// Feature keys are 32-bit hashes of feature strings (see Key below), written as the difference from
// the previous line's key; weights are integers (the averaged perceptron weights, scaled and rounded).

namespace maqal::entities::ner {
namespace {

// --- hashing ------------------------------------------------------------------------------------

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t hash(std::string_view s) {
  std::uint64_t h = kFnvOffset;
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finalizer
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
};

std::uint32_t key(std::uint32_t tmpl, std::uint64_t a = 0, std::uint64_t b = 0, std::uint64_t c = 0) {
  // Multiplying by odd constants keeps the parts apart; one finalizer mixes them.
  const std::uint64_t h = mix(((tmpl * 0x9E3779B97F4A7C15ull + a) * 0xD6E8FEB86659FD93ull + b) * 0xA0761D6478BD642Full + c);
  const auto k = static_cast<std::uint32_t>(h >> 32);
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
  char case_class = 'N';                         // first letter: U(pper), L(ower), N(o case)
  bool initial = false;                          // first word of a sentence
  text::TokenKind kind = text::TokenKind::word;
};

// "Xxxx" → "Xx", "NATO" → "X", "1990s" → "dx", "بلينكن" → "a", "U.S." → "X.X.": each code point as its
// class, runs collapsed, at most 6 classes.
std::string shape_of(std::string_view original, char& case_class) {
  std::string shape;
  case_class = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(original.data());
  for (int32_t i = 0, n = static_cast<int32_t>(original.size()); i < n && shape.size() < 6;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_FORMAT_CHAR || type == U_ENCLOSING_MARK) continue;
    char k;
    if (u_isupper(c) || type == U_TITLECASE_LETTER) k = 'X';
    else if (u_islower(c)) k = 'x';
    else if (type == U_DECIMAL_DIGIT_NUMBER) k = 'd';
    else if (u_isalpha(c)) k = 'a';
    else if (c < 0x80) k = static_cast<char>(c);
    else k = '*';
    if (!case_class && (k == 'X' || k == 'x' || k == 'a')) case_class = k == 'X' ? 'U' : k == 'x' ? 'L' : 'N';
    if (shape.empty() || shape.back() != k) shape += k;
  }
  if (!case_class) case_class = 'N';
  return shape;
}

bool is_opening(std::string_view form) {
  static constexpr std::string_view kOpen[] = {"\"", "'", "(", "[", "«", "“", "‘", "-", "–", "—"};
  return std::find(std::begin(kOpen), std::end(kOpen), form) != std::end(kOpen);
}

// Sentence-final punctuation of any script (ICU's Sentence_Terminal: . ! ? ؟ …), or a colon.
bool ends_sentence(std::string_view form) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(form.data()), i, static_cast<int32_t>(form.size()), c);
  return c == ':' || c == 0x2026 || u_hasBinaryProperty(c, UCHAR_S_TERM);
}

// Byte offsets of the code points of s, plus s.size().
void code_point_starts(std::string_view s, std::vector<std::size_t>& starts) {
  starts.clear();
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    starts.push_back(static_cast<std::size_t>(i));
    U8_FWD_1(p, i, n);
  }
  starts.push_back(s.size());
}

std::vector<TokenInfo> token_infos(std::string_view text, const std::vector<text::Token>& tokens, const Known& known) {
  std::vector<TokenInfo> infos(tokens.size());
  std::vector<std::size_t> starts;
  std::size_t run_start = 0;  // first of the opening marks right before token i (kept, not rescanned:
                              // rescanning made a run of 100k "«" quadratic)
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    TokenInfo& info = infos[i];
    const std::string_view form = t.form;
    info.kind = t.kind;
    info.form = hash(form);
    info.shape = hash(shape_of(text.substr(t.start, t.end - t.start), info.case_class));
    info.known = t.kind != text::TokenKind::word || known(key(kWord, info.form));
    if (t.kind == text::TokenKind::word) {
      for (std::string_view s : text::stems(form)) {
        if (s.size() == form.size() || info.stem_count == 6) continue;
        info.stems[info.stem_count++] = hash(s);
        info.stem_known = info.stem_known || known(key(kWord, hash(s)));
      }
    }
    code_point_starts(form, starts);
    info.length = static_cast<int>(starts.size()) - 1;
    for (int k = 1; k <= 3 && k < info.length; ++k) info.prefix[k - 1] = hash(form.substr(0, starts[k]));
    for (int k = 1; k <= 4 && k < info.length; ++k) info.suffix[k - 1] = hash(form.substr(starts[info.length - k]));
    const std::size_t j = run_start;
    info.initial = j == 0 || (tokens[j - 1].kind == text::TokenKind::punct && ends_sentence(tokens[j - 1].form));
    if (t.kind != text::TokenKind::punct || !is_opening(t.form)) run_start = i + 1;
  }
  return infos;
}

const std::uint64_t kStartWord = hash("<s>");
const std::uint64_t kEndWord = hash("</s>");

// --- weights file -------------------------------------------------------------------------------

struct Cursor {
  std::string_view s;
  std::size_t pos = 0;
  bool done() const { return pos >= s.size(); }
  std::string_view line() {
    const std::size_t end = std::min(s.find('\n', pos), s.size());
    std::string_view l = s.substr(pos, end - pos);
    pos = end + 1;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
  }
};

template <class T>
bool parse_number(std::string_view& s, T& value) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc()) return false;
  s.remove_prefix(static_cast<std::size_t>(end - s.data()));
  return true;
}

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

}  // namespace

// --- tags and mentions --------------------------------------------------------------------------

std::string tag_name(int tag) {
  if (tag <= 0 || tag >= kTags) return "O";
  return std::string(is_begin(tag) ? "B-" : "I-") + std::string(kTypeNames[type_of(tag)]);
}

int type_index(std::string_view name) {
  if (name == "PERS") return 0;
  for (int t = 0; t < kTypes; ++t)
    if (kTypeNames[t] == name) return t;
  return -1;
}

bool allowed(int from, int to) {
  if (to <= 0 || is_begin(to)) return true;
  return from > 0 && type_of(from) == type_of(to);
}

std::vector<Mention> mentions(const std::vector<int>& tags) {
  std::vector<Mention> out;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const int t = tags[i];
    if (t <= 0) continue;
    if (is_begin(t) || out.empty() || out.back().last != i || out.back().type != type_of(t))
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

// --- features -----------------------------------------------------------------------------------

std::uint32_t word_key(std::string_view form) { return key(kWord, hash(form)); }

void extract(std::string_view text, const std::vector<text::Token>& tokens, const std::vector<LexMatch>& lex,
             const Known& known, Features& out) {
  const std::vector<TokenInfo> infos = token_infos(text, tokens, known);
  const std::size_t n = tokens.size();
  // Lexicon phrases over each token: B or I of a type (hashed), at most kMarks per token.
  constexpr std::size_t kMarks = 3;
  struct Marks {
    std::uint64_t mark[kMarks];
    std::size_t count = 0;
  };
  std::vector<Marks> lex_marks(n);
  for (std::size_t j = 0; j < n; ++j) {
    if (j >= lex.size() || lex[j].tokens == 0) continue;
    const std::uint64_t type = hash(lex[j].entry->type);
    for (std::size_t k = 0; k < lex[j].tokens && j + k < n; ++k) {
      Marks& m = lex_marks[j + k];
      if (m.count < kMarks) m.mark[m.count++] = mix(type) + (k == 0 ? 1 : 2);
    }
  }
  auto word = [&](std::ptrdiff_t i) {
    if (i < 0) return kStartWord;
    if (i >= static_cast<std::ptrdiff_t>(n)) return kEndWord;
    return infos[i].form;
  };
  auto shape = [&](std::ptrdiff_t i) {
    if (i < 0) return kStartWord;
    if (i >= static_cast<std::ptrdiff_t>(n)) return kEndWord;
    return infos[i].shape;
  };
  out.keys.clear();
  out.offsets.assign(1, 0);
  out.keys.reserve(n * 48);
  for (std::size_t u = 0; u < n; ++u) {
    const auto i = static_cast<std::ptrdiff_t>(u);
    const TokenInfo& t = infos[u];
    auto& k = out.keys;
    const std::uint64_t cls = static_cast<std::uint64_t>(t.case_class);
    k.push_back(key(kBias));
    k.push_back(key(kWord, t.form));
    if (t.case_class != 'N') k.push_back(key(kWordCase, t.form, cls));
    k.push_back(key(kPrev1, word(i - 1)));
    k.push_back(key(kPrev2, word(i - 2)));
    k.push_back(key(kNext1, word(i + 1)));
    k.push_back(key(kNext2, word(i + 2)));
    k.push_back(key(kBigramPrev, word(i - 1), t.form));
    k.push_back(key(kBigramNext, t.form, word(i + 1)));
    for (int s = 0; s < t.stem_count; ++s) k.push_back(key(kStem, t.stems[s]));
    if (u > 0)
      for (int s = 0; s < infos[u - 1].stem_count; ++s) k.push_back(key(kStemPrev, infos[u - 1].stems[s]));
    if (u + 1 < n)
      for (int s = 0; s < infos[u + 1].stem_count; ++s) k.push_back(key(kStemNext, infos[u + 1].stems[s]));
    for (int p = 0; p < 3; ++p)
      if (t.prefix[p]) k.push_back(key(kPrefix + 0, t.prefix[p], p));
    for (int s = 0; s < 4; ++s)
      if (t.suffix[s]) k.push_back(key(kSuffix, t.suffix[s], s));
    k.push_back(key(kShape, t.shape));
    k.push_back(key(kShapePrev, shape(i - 1)));
    k.push_back(key(kShapeNext, shape(i + 1)));
    k.push_back(key(kShapeTri, shape(i - 1), t.shape, shape(i + 1)));
    k.push_back(key(kLength, static_cast<std::uint64_t>(std::min(t.length, 10))));
    k.push_back(key(kInitial, t.initial, cls));
    k.push_back(key(kKind, static_cast<std::uint64_t>(t.kind)));
    for (std::size_t m = 0; m < lex_marks[u].count; ++m) k.push_back(key(kLex, lex_marks[u].mark[m], cls));
    if (u > 0)
      for (std::size_t m = 0; m < lex_marks[u - 1].count; ++m) k.push_back(key(kLexPrev, lex_marks[u - 1].mark[m]));
    if (u + 1 < n)
      for (std::size_t m = 0; m < lex_marks[u + 1].count; ++m) k.push_back(key(kLexNext, lex_marks[u + 1].mark[m]));
    const auto known_code = [&](std::ptrdiff_t j) -> std::uint64_t {
      if (j < 0 || j >= static_cast<std::ptrdiff_t>(n)) return 3;
      return infos[j].known ? 1 : infos[j].stem_known ? 2 : 0;
    };
    k.push_back(key(kKnown, known_code(i), cls));
    k.push_back(key(kKnownWindow, known_code(i - 1) * 16 + known_code(i) * 4 + known_code(i + 1)));
    if (!t.known) {
      k.push_back(key(kUnknownPrev, word(i - 1)));
      k.push_back(key(kUnknownNext, word(i + 1)));
      if (t.prefix[1]) k.push_back(key(kUnknownPrefix, t.prefix[1]));
      if (t.suffix[1]) k.push_back(key(kUnknownSuffix, t.suffix[1]));
    }
    k.push_back(key(kPrevWordCase, word(i - 1), cls));
    k.push_back(key(kNextWordCase, word(i + 1), cls));
    out.offsets.push_back(static_cast<std::uint32_t>(k.size()));
  }
}

// --- decoding -----------------------------------------------------------------------------------

template <class T>
std::vector<int> viterbi(const T* emission, std::size_t n, const T* start, const T* transitions) {
  std::vector<int> tags(n, 0);
  if (n == 0) return tags;
  T score[kTags], next[kTags];
  bool valid[kTags], next_valid[kTags];
  std::vector<std::int8_t> back(n * kTags, 0);
  for (int y = 0; y < kTags; ++y) {
    valid[y] = allowed(-1, y);
    score[y] = valid[y] ? start[y] + emission[y] : T{};
  }
  for (std::size_t i = 1; i < n; ++i) {
    T top{};
    bool any = false;
    for (int y = 0; y < kTags; ++y) {
      int arg = -1;
      T best{};
      for (int p = 0; p < kTags; ++p) {
        if (!valid[p] || !allowed(p, y)) continue;
        const T s = score[p] + transitions[p * kTags + y];
        if (arg < 0 || s > best) best = s, arg = p;
      }
      next_valid[y] = arg >= 0;
      next[y] = arg >= 0 ? best + emission[i * kTags + y] : T{};
      back[i * kTags + y] = static_cast<std::int8_t>(std::max(arg, 0));
      if (next_valid[y] && (!any || next[y] > top)) top = next[y], any = true;
    }
    for (int y = 0; y < kTags; ++y) {  // keep scores small: only their differences matter
      score[y] = next_valid[y] ? next[y] - top : T{};
      valid[y] = next_valid[y];
    }
  }
  int best = 0;
  for (int y = 1; y < kTags; ++y)
    if (valid[y] && score[y] > score[best]) best = y;
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = best;
    best = back[i * kTags + best];
  }
  return tags;
}

template std::vector<int> viterbi<float>(const float*, std::size_t, const float*, const float*);
template std::vector<int> viterbi<double>(const double*, std::size_t, const double*, const double*);
template std::vector<int> viterbi<std::int32_t>(const std::int32_t*, std::size_t, const std::int32_t*,
                                                const std::int32_t*);

// --- the model ----------------------------------------------------------------------------------

bool Model::load(std::string_view tsv, std::string* error) {
  *this = Model();
  Cursor in{tsv};
  std::size_t count = 0;
  bool header = false, tags = false, start = false;
  int trans_rows = 0;
  while (!in.done()) {
    std::string_view l = in.line();
    if (l.empty() || l[0] == '#') continue;
    const std::size_t tab = l.find('\t');
    const std::string_view head = l.substr(0, tab);
    std::string_view rest = tab == std::string_view::npos ? std::string_view() : l.substr(tab + 1);
    if (head == "maqal-ner") {
      header = rest == "1";
      if (!header) return fail(error, "unknown weights format version");
    } else if (head == "tags") {
      std::string expected;
      for (int t = 0; t < kTags; ++t) expected += (t ? "\t" : "") + tag_name(t);
      tags = rest == expected;
      if (!tags) return fail(error, "tag set differs from the code's");
    } else if (head == "start") {
      for (int y = 0; y < kTags; ++y)
        if (!parse_number(rest, start_[y])) return fail(error, "bad start line");
      start = true;
    } else if (head == "trans") {
      const std::size_t tab2 = rest.find('\t');
      const std::string_view from = rest.substr(0, tab2);
      int p = 0;
      while (p < kTags && tag_name(p) != from) ++p;
      if (p == kTags || tab2 == std::string_view::npos) return fail(error, "bad trans line");
      rest.remove_prefix(tab2 + 1);
      for (int y = 0; y < kTags; ++y)
        if (!parse_number(rest, transitions_[p * kTags + y])) return fail(error, "bad trans line");
      ++trans_rows;
    } else if (head == "features") {
      if (!parse_number(rest, count)) return fail(error, "bad features line");
      break;
    } else {
      return fail(error, "unexpected line: " + std::string(l.substr(0, 40)));
    }
  }
  if (!header || !tags || !start || trans_rows != kTags) return fail(error, "incomplete header");
  std::uint32_t capacity = 16;
  while (capacity < count + count / 2) capacity <<= 1;
  mask_ = capacity - 1;
  slots_.assign(capacity, Slot{});
  features_ = count;
  std::uint64_t previous = 0;
  for (std::size_t f = 0; f < count; ++f) {
    if (in.done()) return fail(error, "fewer feature lines than announced");
    std::string_view l = in.line();
    std::uint64_t delta = 0;
    if (!parse_number(l, delta) || l.empty() || l[0] != '\t') return fail(error, "bad feature line");
    l.remove_prefix(1);
    const std::uint64_t k = previous + delta;
    previous = k;
    if (k == 0 || k > std::numeric_limits<std::uint32_t>::max()) return fail(error, "bad feature key");
    std::uint32_t slot = static_cast<std::uint32_t>(k) & mask_;
    while (slots_[slot].key != 0) {
      if (slots_[slot].key == k) return fail(error, "duplicate feature key");
      slot = (slot + 1) & mask_;
    }
    slots_[slot].key = static_cast<std::uint32_t>(k);
    std::int16_t* row = slots_[slot].weights;
    while (!l.empty()) {
      int tag = 0, weight = 0;
      if (!parse_number(l, tag) || tag < 0 || tag >= kTags || l.empty() || l[0] != ':')
        return fail(error, "bad feature weight");
      l.remove_prefix(1);
      if (!parse_number(l, weight) || weight < std::numeric_limits<std::int16_t>::min() ||
          weight > std::numeric_limits<std::int16_t>::max())
        return fail(error, "bad feature weight");
      row[tag] = static_cast<std::int16_t>(weight);
      while (!l.empty() && l.front() == ' ') l.remove_prefix(1);
    }
  }
  return true;
}

const std::int16_t* Model::row(std::uint32_t k) const {
  if (slots_.empty()) return nullptr;
  for (std::uint32_t slot = k & mask_;; slot = (slot + 1) & mask_) {
    const Slot& here = slots_[slot];
    if (here.key == k) return here.weights;
    if (here.key == 0) return nullptr;
  }
}

std::vector<int> Model::tag(const Features& f) const {
  const std::size_t n = f.size();
  if (empty()) return std::vector<int>(n, 0);
  std::vector<std::int32_t> emission(n * kTags, 0);
  for (std::uint32_t j = f.offsets[0]; j < f.offsets[n > 0 ? 1 : 0]; ++j) __builtin_prefetch(&slots_[f.keys[j] & mask_]);
  for (std::size_t i = 0; i < n; ++i) {
    // The table is larger than the caches: ask for the next token's slots while adding this one's.
    if (i + 1 < n)
      for (std::uint32_t j = f.offsets[i + 1]; j < f.offsets[i + 2]; ++j) __builtin_prefetch(&slots_[f.keys[j] & mask_]);
    std::int32_t* e = &emission[i * kTags];
    for (std::uint32_t j = f.offsets[i]; j < f.offsets[i + 1]; ++j)
      if (const std::int16_t* r = row(f.keys[j]))
        for (int y = 0; y < kTags; ++y) e[y] += r[y];
  }
  return viterbi<std::int32_t>(emission.data(), n, start_, transitions_);
}

std::vector<Mention> Model::find(std::string_view text, const std::vector<text::Token>& tokens,
                                 const std::vector<LexMatch>& lex) const {
  if (empty() || tokens.empty()) return {};
  Features f;
  extract(text, tokens, lex, [this](std::uint32_t k) { return knows(k); }, f);
  std::vector<int> tags = tag(f);
  // A name never runs across the end of a sentence ("… Joe Biden. Blinken said …").
  for (std::size_t i = 0; i < tags.size(); ++i)
    if (tokens[i].kind == text::TokenKind::punct && ends_sentence(tokens[i].form)) tags[i] = 0;
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
  const std::string_view f = first.form;
  if (first.kind == text::TokenKind::word) {
    std::size_t strip = 0;  // folded bytes of the proclitic to leave out
    for (std::string_view s : text::stems(f)) {
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
      const bool article_follows = !text::without_article(s).empty() && text::count_code_points(s) >= 5;
      if (article_follows || in_document(s)) {
        strip = prefix.size();
        break;
      }
    }
    if (strip > 0) start += skip_letters(text.substr(start, end - start), text::count_code_points(f.substr(0, strip)));
  }
  if (last.kind == text::TokenKind::word) {
    const std::string_view l = last.form;
    for (std::string_view s : text::stems(l)) {
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
  std::unordered_map<std::string_view, int> names;  // → type, or -1 when types disagree
  auto note = [&](std::string_view word, int type) {
    auto [it, added] = names.try_emplace(word, type);
    if (!added && it->second != type) it->second = -1;
  };
  auto unknown = [](const Sequence& s, const text::Token& t) {
    return t.kind == text::TokenKind::word && !s.model->knows(word_key(t.form));
  };
  for (const Sequence& s : document) {
    for (const Mention& m : s.mentions) {
      if (m.last - m.first > 1 && m.type != 0) continue;  // only persons are named by their last word
      const text::Token& t = (*s.tokens)[m.last - 1];
      if (!unknown(s, t)) continue;
      for (std::string_view w : text::stems(t.form)) note(w, m.type);
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
      if (taken[i] || !unknown(s, tokens[i])) continue;
      char case_class = 'N';
      shape_of(s.text.substr(tokens[i].start, tokens[i].end - tokens[i].start), case_class);
      if (case_class == 'L') continue;
      for (std::string_view w : text::stems(tokens[i].form)) {
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

std::vector<std::vector<Entity>> find_names(const std::vector<Block>& blocks,
                                            const std::vector<std::vector<text::Token>>& tokens,
                                            const std::vector<std::vector<LexMatch>>& lex) {
  std::vector<Sequence> document(blocks.size());
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    Sequence& s = document[b];
    s.text = blocks[b].text;
    s.tokens = &tokens[b];
    const int script = arabic_or_latin(s.text);
    if (script == 0) continue;
    s.model = &model(script > 0 ? Lang::ar : Lang::en);
    s.mentions = s.model->find(s.text, tokens[b], lex[b]);
  }
  std::vector<Sequence> tagged;
  std::vector<std::size_t> index;
  for (std::size_t b = 0; b < document.size(); ++b)
    if (document[b].model) tagged.push_back(std::move(document[b])), index.push_back(b);
  propagate(tagged);
  std::unordered_set<std::string_view> words;  // every folded word: evidence for names' bare forms
  const auto in_document = [&](std::string_view w) {
    if (words.empty())  // built on the first question: most names never ask
      for (const auto& block_tokens : tokens)
        for (const auto& t : block_tokens)
          if (t.kind == text::TokenKind::word) words.insert(t.form);
    return words.count(w) > 0;
  };
  std::vector<std::vector<Entity>> out(blocks.size());
  for (std::size_t k = 0; k < tagged.size(); ++k) {
    const Sequence& s = tagged[k];
    for (const Mention& mention : s.mentions) {
      const std::size_t start = (*s.tokens)[mention.first].start, end = (*s.tokens)[mention.last - 1].end;
      Entity e;
      e.type = std::string(kTypeNames[mention.type]);
      e.text = std::string(s.text.substr(start, end - start));
      e.span.start8 = start;
      e.span.end8 = end;
      e.norm = name_norm(s.text, *s.tokens, mention, in_document);
      out[index[k]].push_back(std::move(e));
    }
  }
  return out;
}

std::string_view weights_file(Lang lang) { return lang == Lang::ar ? "ar/ner.weights.tsv" : "en/ner.weights.tsv"; }

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
