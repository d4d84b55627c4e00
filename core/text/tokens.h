// Word and sentence segmentation with ICU's break iterators, on UTF-8 byte offsets.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "text/stem_cuts.h"
#include "text/word_set.h"

namespace maqal::text {

enum class TokenKind : std::uint8_t { word, number, punct };

// 24 bytes (32-bit offsets: inputs are at most kMaxInputBytes; the form in its Tokens' buffer): a
// document holds one per word.
struct Token {
  std::uint32_t start = 0, end = 0;  // byte offsets into the text given to tokenize()
  // fold()ed text, what matching compares; it lives in the buffer of the Tokens it came from.
  std::string_view form() const { return {form_data, form_size}; }

  const char* form_data = nullptr;
  std::uint32_t form_size = 0;
  TokenKind kind = TokenKind::punct;
  // The form's clitic stems as text::stems(const Token&) reads them, worked out once per distinct
  // form of a document; in the struct's padding.
  StemCuts stem_cuts;
};
static_assert(sizeof(Token) <= 24, "the stem cuts take the padding: a document holds a token a word");

// A text's tokens and what holds their forms, shared by copies (a copied token's form stays valid
// while any copy of its Tokens lives). Copy a Tokens, never into a plain std::vector<Token>: that
// copy would not keep the forms alive.
struct Tokens : std::vector<Token> {
  std::shared_ptr<const void> forms;
};

// Every form is stored after its id (below) and three more bytes (a DocumentTokenizer's stem cuts).
inline constexpr std::size_t kFormHeaderBytes = 4 + sizeof(StemCuts::cuts);

// A form's index among the distinct forms of the DocumentTokenizer that made the token (0, 1, … in the
// order met), for caches of what a document's forms are; kNoFormId for text::tokenize()'s tokens. Read
// from before the form: no hashing.
inline constexpr std::uint32_t kNoFormId = 0xFFFFFFFF;
inline std::uint32_t form_id(const Token& t) {
  std::uint32_t id;
  std::memcpy(&id, t.form_data - kFormHeaderBytes, sizeof id);
  return id;
}

// A yes/no question about a token's form and kind, answered once per distinct form and kind of a
// document (by form_id; text::tokenize()'s tokens are asked each time): a document repeats its words.
class FormAnswers {
 public:
  template <class Ask>
  bool operator()(const Token& t, Ask&& ask) {
    const std::uint32_t id = form_id(t);
    if (id == kNoFormId) return ask(t);
    const std::size_t slot = std::size_t{id} * kKinds + static_cast<std::size_t>(t.kind);
    if (slot >= answers_.size()) answers_.resize(std::max(slot + kKinds, 2 * answers_.size()), kUnknown);
    if (answers_[slot] == kUnknown) answers_[slot] = ask(t);
    return answers_[slot] == 1;
  }

 private:
  static constexpr std::size_t kKinds = 3;  // TokenKind's
  static constexpr std::uint8_t kUnknown = 2;
  std::vector<std::uint8_t> answers_;
};

// The first token starting at or after byte `at` (tokens are in text order: a binary search).
inline std::vector<Token>::const_iterator first_token_from(const std::vector<Token>& tokens, std::size_t at) {
  return std::partition_point(tokens.begin(), tokens.end(), [&](const Token& t) { return t.start < at; });
}

// Whether tokens[k] is a hyphen written close to the tokens on both sides: it joins them ("mid-June").
inline bool joining_hyphen(const std::vector<Token>& tokens, std::size_t k) {
  return k > 0 && k + 1 < tokens.size() && tokens[k].form() == "-" && tokens[k - 1].end == tokens[k].start &&
         tokens[k].end == tokens[k + 1].start;
}

// Words, numbers and punctuation marks of a text (white space is skipped).
Tokens tokenize(std::string_view utf8);

// tokenize() for the texts of one document (its blocks), each distinct form stored once for all of
// them: a document repeats its words.
class DocumentTokenizer {
 public:
  DocumentTokenizer();
  Tokens operator()(std::string_view utf8);

 private:
  class Store;
  std::shared_ptr<Store> store_;
  WordSet stored_;  // the forms in store_
};

// Byte offsets where sentences end (ICU sentence rules with "Mr."-style exceptions).
std::vector<std::size_t> sentence_ends(std::string_view utf8);

}  // namespace maqal::text
