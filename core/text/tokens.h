// Word and sentence segmentation with ICU's break iterators, on UTF-8 byte offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace maqal::text {

enum class TokenKind : std::uint8_t { word, number, punct };

// 48 bytes (32-bit offsets: inputs are at most kMaxInputBytes): a document holds one per word.
struct Token {
  std::uint32_t start = 0, end = 0;  // byte offsets into the text given to tokenize()
  TokenKind kind = TokenKind::punct;
  std::string form;                  // fold()ed text, what matching compares
};

using Tokens = std::vector<Token>;

// Words, numbers and punctuation marks of a text (white space is skipped).
Tokens tokenize(std::string_view utf8);

// Byte offsets where sentences end (ICU sentence rules with "Mr."-style exceptions).
std::vector<std::size_t> sentence_ends(std::string_view utf8);

}  // namespace maqal::text
