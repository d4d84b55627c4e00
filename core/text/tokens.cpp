#include "text/tokens.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>

#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::text {
namespace {

// Break iterators are costly to create: one of each per thread, reset to each new text.
icu::BreakIterator& iterator(bool sentences) {
  thread_local std::unique_ptr<icu::BreakIterator> words, sents;
  auto& slot = sentences ? sents : words;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(sentences ? icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status)
                         : icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }
  return *slot;
}

// A text for ICU in a UText kept from call to call (opening a new one allocates it); the break
// iterators take their own copy of it in setText().
UText* utf8_text(std::string_view s) {
  thread_local UText text = UTEXT_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  return utext_openUTF8(&text, s.data(), static_cast<int64_t>(s.size()), &status);
}

bool all_space(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (!u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return false;
  }
  return true;
}

// Where a word ends inside a piece the word breaker gave, after a tanween (U+064B–U+064D: it ends an
// Arabic word, followed at most by the alef or alef maqsura that carries it) with a letter after it:
// two words glued together, as a link's text copied without the blank before it ("أيضاًهوكشتاين").
// 0 when the piece is one word.
std::size_t word_end_after_tanween(std::string_view piece) {
  constexpr unsigned char kLead = 0xD9, kFathatan = 0x8B, kKasratan = 0x8D;  // U+064B..U+064D in UTF-8
  constexpr std::string_view kSeats[] = {"\u0627", "\u0649"};                 // alef, alef maqsura
  for (std::size_t i = 0; i + 1 < piece.size(); ++i) {
    const auto second = static_cast<unsigned char>(piece[i + 1]);
    if (static_cast<unsigned char>(piece[i]) != kLead || second < kFathatan || second > kKasratan) continue;
    std::size_t end = i + 2;
    for (std::string_view seat : kSeats)
      if (piece.substr(end).starts_with(seat)) end += seat.size();
    if (end < piece.size() && u_isalpha(code_point_at(piece, end))) return end;
  }
  return 0;
}

// Every stored form is followed by a NUL byte, as a std::string is: code that reads a code point from
// an empty form (U8_NEXT reads one byte even at length 0) reads that 0, as it did when forms were
// strings, not the next form's first byte.

// The buffers segment() fills, kept from call to call up to this many tokens (and their forms).
constexpr std::size_t kMaxKeptTokens = 1 << 16;

struct Segments {
  std::vector<Token> list;  // without their form_data
  std::string forms;        // every token's form, one after the other
};

void add_token(Segments& out, std::string_view written, std::size_t at, TokenKind kind) {
  const std::size_t before = out.forms.size();
  fold_append(written, out.forms);
  Token& t = out.list.emplace_back();
  t.start = static_cast<std::uint32_t>(at);
  t.end = static_cast<std::uint32_t>(at + written.size());
  t.form_size = static_cast<std::uint32_t>(out.forms.size() - before);
  t.kind = kind;
}

// The tokens of utf8[from, to) by ICU's word breaker, which starts at `from` as it would have gone on
// there from the start of utf8: the caller cuts where a word breaks whatever comes before or after.
void segment_with_icu(std::string_view utf8, std::size_t from, std::size_t to, Segments& out) {
  const std::string_view stretch = utf8.substr(from, to - from);
  UErrorCode status = U_ZERO_ERROR;
  icu::BreakIterator& it = iterator(false);
  it.setText(utf8_text(stretch), status);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    std::string_view piece = stretch.substr(start, end - start);
    const int32_t status_tag = it.getRuleStatus();
    TokenKind kind = TokenKind::punct;
    if (status_tag >= UBRK_WORD_NUMBER && status_tag < UBRK_WORD_NUMBER_LIMIT) kind = TokenKind::number;
    else if (status_tag >= UBRK_WORD_LETTER) kind = TokenKind::word;
    else if (all_space(piece)) continue;
    std::size_t at = from + static_cast<std::size_t>(start);
    if (kind == TokenKind::word)
      for (std::size_t cut; (cut = word_end_after_tanween(piece)) != 0; at += cut) {
        add_token(out, piece.substr(0, cut), at, kind);
        piece.remove_prefix(cut);
      }
    add_token(out, piece, at, kind);
  }
}

// Where the run of letters from p[i] ends (p[n]: the chunk's end): ASCII letters, and the Arabic
// letters U+0621–U+063A and U+0641–U+064A (no tatweel, marks or digits), all ALetter to the word breaker.
std::size_t letters_end(const unsigned char* p, std::size_t i, std::size_t n) {
  while (i < n) {
    const unsigned char c = p[i];
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      ++i;
    } else if (i + 1 < n && ((c == 0xD8 && p[i + 1] >= 0xA1 && p[i + 1] <= 0xBA) ||
                             (c == 0xD9 && p[i + 1] >= 0x81 && p[i + 1] <= 0x8A))) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// Where the run of ASCII digits from p[i] ends.
std::size_t digits_end(const unsigned char* p, std::size_t i, std::size_t n) {
  while (i < n && p[i] >= '0' && p[i] <= '9') ++i;
  return i;
}

// The byte length of a punctuation mark at p[i] that the word breaker parts from letters and digits
// with a blank on its other side (no rule joins it but between two letters or two digits), 0 for
// none: ASCII punctuation but "_" (ExtendNumLet joins words) and "@" (a letter to ICU since 72, for
// e-mail addresses), and « » ، ؛ ؟.
std::size_t mark_length(const unsigned char* p, std::size_t i, std::size_t n) {
  const unsigned char c = p[i];
  if (c < 0x80) return c > ' ' && c < 0x7F && c != '_' && c != '@' && !std::isalnum(c) ? 1 : 0;
  if (i + 1 >= n) return 0;
  const unsigned char d = p[i + 1];
  return (c == 0xC2 && (d == 0xAB || d == 0xBB)) || (c == 0xD8 && (d == 0x8C || d == 0x9B || d == 0x9F)) ? 2 : 0;
}

struct Piece {
  std::size_t start, end;
  TokenKind kind;
};

// The tokens of a chunk p[i, n) between blanks (or the text's ends) that the word breaker would make
// without it being asked, in `out`: letters, or ASCII digits, with a mark before or after them or both;
// or a mark alone. False when the chunk is none of these.
bool simple_chunk(const unsigned char* p, std::size_t i, std::size_t n, Piece (&out)[3], int& count) {
  count = 0;
  const std::size_t lead = mark_length(p, i, n);
  if (lead == n - i) {
    out[count++] = {i, n, TokenKind::punct};
    return true;
  }
  if (lead > 0) out[count++] = {i, i + lead, TokenKind::punct};
  const std::size_t body = i + lead;
  std::size_t body_end = letters_end(p, body, n);
  TokenKind kind = TokenKind::word;
  if (body_end == body) body_end = digits_end(p, body, n), kind = TokenKind::number;
  if (body_end == body) return false;
  out[count++] = {body, body_end, kind};
  if (body_end == n) return true;
  const std::size_t trail = mark_length(p, body_end, n);
  if (trail == 0 || body_end + trail != n) return false;
  out[count++] = {body_end, n, TokenKind::punct};
  return true;
}

// The tokens of a text, in buffers reused from call to call: what they hold is then copied at its
// exact size (the tokens of every block live until the parse ends, and growing them in place left
// holes between them in the heap). The buffers are valid until the next call.
// Most chunks of running text between blanks are simple_chunk()s, which the word breaker breaks the
// same way whatever stands around the blanks (a blank breaks before and after, UAX #29 WB3d/WB999),
// told without it; ICU segments the stretches between them, each starting and ending at such a
// break (it took 15% of a parse).
const Segments& segment(std::string_view utf8) {
  thread_local Segments out;
  if (out.list.capacity() > kMaxKeptTokens) out = {};  // the last text was huge: not kept for the next
  out.list.clear();
  out.forms.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  std::size_t stretch = 0;  // where the text not yet segmented starts
  bool stretch_blank = true;  // whether it is all blanks so far (no tokens: ICU not asked)
  Piece pieces[3];
  int count = 0;
  for (std::size_t i = 0; i < n;) {
    if (p[i] == ' ') {
      ++i;
      continue;
    }
    const void* blank = std::memchr(p + i, ' ', n - i);  // i is at the text's start or after a blank
    const std::size_t end = blank ? static_cast<const unsigned char*>(blank) - p : n;
    if (simple_chunk(p, i, end, pieces, count)) {
      if (!stretch_blank) segment_with_icu(utf8, stretch, i, out);
      for (int k = 0; k < count; ++k)
        add_token(out, utf8.substr(pieces[k].start, pieces[k].end - pieces[k].start), pieces[k].start, pieces[k].kind);
      stretch = end;
      stretch_blank = true;
    } else {
      stretch_blank = false;
    }
    i = end;
  }
  if (!stretch_blank) segment_with_icu(utf8, stretch, n, out);
  return out;
}

}  // namespace

Tokens tokenize(std::string_view utf8) {
  const Segments& segments = segment(utf8);
  Tokens tokens;
  tokens.assign(segments.list.begin(), segments.list.end());
  // Not zeroed, as make_shared_for_overwrite would (Emscripten's libc++ lacks it).
  std::shared_ptr<char[]> buffer(new char[segments.forms.size() + tokens.size() * (kFormHeaderBytes + 1)]);
  const char* form = segments.forms.data();
  char* at = buffer.get();
  for (Token& t : tokens) {
    std::memcpy(at, &kNoFormId, sizeof kNoFormId);  // the header's cuts are not read: the token has its own
    at += kFormHeaderBytes;
    t.form_data = at;
    at = std::copy(form, form + t.form_size, at);
    *at++ = '\0';  // the NUL after every form
    form += t.form_size;
  }
  tokens.forms = std::move(buffer);
  return tokens;
}

// Forms one after the other in chunks that never move, each after its id and stem cuts.
class DocumentTokenizer::Store {
 public:
  static constexpr std::size_t kCutBytes = sizeof(StemCuts::cuts);
  std::string_view add(std::string_view form, std::uint32_t id) {
    const std::size_t bytes = kFormHeaderBytes + form.size() + 1;
    if (bytes > free_) {
      const std::size_t size = std::max(bytes, kChunkBytes);
      chunks_.emplace_back(new char[size]);
      next_ = chunks_.back().get();
      free_ = size;
    }
    const StemCuts cuts = stem_cuts(form);
    std::memcpy(next_, &id, sizeof id);
    char* const at = std::copy(cuts.cuts.begin(), cuts.cuts.end(), next_ + sizeof id);
    std::copy(form.begin(), form.end(), at);
    at[form.size()] = '\0';  // the NUL after every form
    next_ += bytes;
    free_ -= bytes;
    return {at, form.size()};
  }
  // The cuts add() stored before a form it returned.
  static StemCuts cuts_of(const char* form) {
    StemCuts cuts;
    std::copy(form - kCutBytes, form, cuts.cuts.begin());
    return cuts;
  }

 private:
  static constexpr std::size_t kChunkBytes = 16 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  std::size_t free_ = 0;
};

DocumentTokenizer::DocumentTokenizer() : store_(std::make_shared<Store>()) {}

Tokens DocumentTokenizer::operator()(std::string_view utf8) {
  const Segments& segments = segment(utf8);
  Tokens tokens;
  tokens.assign(segments.list.begin(), segments.list.end());
  const char* form = segments.forms.data();
  for (Token& t : tokens) {
    const std::string_view written(form, t.form_size);
    form += t.form_size;
    const std::string_view* kept = stored_.find(written);
    t.form_data = (kept ? *kept : stored_.insert(store_->add(written, static_cast<std::uint32_t>(stored_.size())))).data();
    t.stem_cuts = Store::cuts_of(t.form_data);
  }
  tokens.forms = store_;
  return tokens;
}

std::vector<std::size_t> sentence_ends(std::string_view utf8) {
  std::vector<std::size_t> ends;
  UErrorCode status = U_ZERO_ERROR;
  icu::BreakIterator& it = iterator(true);
  it.setText(utf8_text(utf8), status);
  it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next())
    ends.push_back(static_cast<std::size_t>(end));
  return ends;
}

}  // namespace maqal::text
