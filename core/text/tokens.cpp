#include "text/tokens.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <string>

#include "text/fold.h"

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

struct Utf8Text {
  explicit Utf8Text(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status);
  }
  ~Utf8Text() { utext_close(ut); }
  UText* ut;
};

bool all_space(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (!u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return false;
  }
  return true;
}

// The buffers tokenize() keeps between calls hold up to this many tokens (and their forms).
constexpr std::size_t kMaxKeptTokens = 1 << 16;

}  // namespace

Tokens tokenize(std::string_view utf8) {
  // Built in buffers kept from call to call, then copied at their exact size: the tokens of every
  // block live until the parse ends, and growing them in place left holes between them in the heap.
  thread_local std::vector<Token> list;
  thread_local std::string forms;  // every token's form, one after the other
  list.clear();
  forms.clear();
  Utf8Text text(utf8);
  UErrorCode status = U_ZERO_ERROR;
  icu::BreakIterator& it = iterator(false);
  it.setText(text.ut, status);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    const std::string_view piece = utf8.substr(start, end - start);
    const int32_t status_tag = it.getRuleStatus();
    TokenKind kind = TokenKind::punct;
    if (status_tag >= UBRK_WORD_NUMBER && status_tag < UBRK_WORD_NUMBER_LIMIT) kind = TokenKind::number;
    else if (status_tag >= UBRK_WORD_LETTER) kind = TokenKind::word;
    else if (all_space(piece)) continue;
    const std::size_t before = forms.size();
    fold_append(piece, forms);
    Token& t = list.emplace_back();
    t.start = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(end);
    t.form_size = static_cast<std::uint32_t>(forms.size() - before);
    t.kind = kind;
  }
  Tokens tokens;
  tokens.assign(list.begin(), list.end());
  auto buffer = std::make_shared_for_overwrite<char[]>(forms.size());
  std::copy(forms.begin(), forms.end(), buffer.get());
  const char* form = buffer.get();
  for (Token& t : tokens) {
    t.form_data = form;
    form += t.form_size;
  }
  tokens.forms = std::move(buffer);
  if (list.capacity() > kMaxKeptTokens) {  // one huge block: its buffers are not kept for the next text
    std::vector<Token>().swap(list);
    std::string().swap(forms);
  }
  return tokens;
}

std::vector<std::size_t> sentence_ends(std::string_view utf8) {
  std::vector<std::size_t> ends;
  Utf8Text text(utf8);
  UErrorCode status = U_ZERO_ERROR;
  icu::BreakIterator& it = iterator(true);
  it.setText(text.ut, status);
  it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next())
    ends.push_back(static_cast<std::size_t>(end));
  return ends;
}

}  // namespace maqal::text
