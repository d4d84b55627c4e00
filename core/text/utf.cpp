#include "text/utf.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace maqal::text {
namespace {

// Bytes that start a code point; a 4-byte lead starts a surrogate pair (two UTF-16 units).
std::size_t utf16_units(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
    if (c >= 0xF0) ++n;
  }
  return n;
}

// Eight bytes at `p` are ASCII and none is NUL: the common case, checked a word at a time.
bool plain_ascii8(const uint8_t* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr std::uint64_t kLow = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const bool any_high = w & kHigh;
  const bool any_zero = (w - kLow) & ~w & kHigh;
  return !any_high && !any_zero;
}

}  // namespace

std::optional<Error> check_input(std::string_view utf8) {
  if (utf8.size() > kMaxInputBytes)
    return Error{"too_large",
                 "input is " + std::to_string(utf8.size()) + " bytes; the limit is " +
                     std::to_string(kMaxInputBytes),
                 kMaxInputBytes};
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  bool has_content = false;
  for (int32_t i = 0; i < length;) {
    if (has_content && i + 8 <= length && plain_ascii8(s + i)) {
      i += 8;
      continue;
    }
    const int32_t at = i;
    UChar32 c;
    if (s[i] < 0x80) c = s[i++];  // ASCII, most of an HTML page: no decoding
    else U8_NEXT(s, i, length, c);
    if (c < 0)
      return Error{"invalid_utf8", "invalid UTF-8 byte sequence at byte " + std::to_string(at),
                   static_cast<std::size_t>(at)};
    if (c == 0)
      return Error{"nul_byte", "NUL byte at byte " + std::to_string(at) + " (binary input?)",
                   static_cast<std::size_t>(at)};
    if (!has_content && !u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
      has_content = true;
  }
  if (!has_content) return Error{"empty", "the input has no text", 0};
  return std::nullopt;
}

Utf16Offsets::Utf16Offsets(std::string_view utf8) : text_(utf8) {
  checkpoints_.reserve(utf8.size() / kStride + 1);
  std::uint32_t units = 0;
  for (std::size_t at = 0; at < utf8.size(); at += kStride) {
    checkpoints_.push_back(units);
    units += static_cast<std::uint32_t>(utf16_units(utf8.substr(at, kStride)));
  }
}

std::size_t Utf16Offsets::operator()(std::size_t byte_offset) const {
  if (checkpoints_.empty()) return 0;
  const std::size_t slot = std::min(byte_offset / kStride, checkpoints_.size() - 1);
  const std::size_t from = slot * kStride;
  return checkpoints_[slot] + utf16_units(text_.substr(from, byte_offset - from));
}

std::size_t count_code_points(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

std::int32_t code_point_at(std::string_view utf8, std::size_t at, std::size_t* next) {
  int32_t i = static_cast<int32_t>(at);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, static_cast<int32_t>(utf8.size()), c);
  if (next) *next = static_cast<std::size_t>(i);
  return c;
}

std::int32_t code_point_before(std::string_view utf8, std::size_t at) {
  if (at == 0) return 0;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(utf8.data()), 0, i, c);
  return c;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

LetterCase first_letter_case_by_icu(std::string_view utf8) {
  const UChar32 c = code_point_at(utf8, 0);
  if (c < 0) return LetterCase::none;
  if (u_isupper(c) || u_istitle(c)) return LetterCase::upper;
  return u_islower(c) ? LetterCase::lower : LetterCase::none;
}

}  // namespace maqal::text
