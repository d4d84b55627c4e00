// UTF-8 input checks and UTF-8 → UTF-16 offset conversion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "maqal/maqal.h"

namespace maqal::text {

// The first problem that stops the input from being parsed: empty, too large, NUL byte, invalid UTF-8.
std::optional<Error> check_input(std::string_view utf8);

// Converts UTF-8 byte offsets of one text into UTF-16 code-unit offsets in O(1) amortized:
// a count is kept every kStride bytes and the rest is counted on demand.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view utf8);
  std::size_t operator()(std::size_t byte_offset) const;

 private:
  static constexpr std::size_t kStride = 64;
  std::string_view text_;
  std::vector<std::uint32_t> checkpoints_;
};

// The case of a text's first letter: upper (or title case), lower, or none (a script without case,
// a digit, an empty text).
enum class LetterCase { none, lower, upper };
// ASCII and the Arabic block (U+0600–U+06FF, lead bytes D8–DB: no case) are answered by the first
// byte, as ICU would, inline: the rules ask this of nearly every word. ICU answers the rest.
LetterCase first_letter_case_by_icu(std::string_view utf8);
inline LetterCase first_letter_case(std::string_view utf8) {
  if (utf8.empty()) return LetterCase::none;
  const auto lead = static_cast<unsigned char>(utf8[0]);
  if (lead < 0x80) return lead >= 'A' && lead <= 'Z' ? LetterCase::upper : lead >= 'a' && lead <= 'z' ? LetterCase::lower : LetterCase::none;
  if (lead >= 0xD8 && lead <= 0xDB) return LetterCase::none;
  return first_letter_case_by_icu(utf8);
}

// Number of code points in a UTF-8 string.
std::size_t count_code_points(std::string_view utf8);

// Whether a UTF-8 string holds at least n code points: count_code_points(utf8) >= n, reading no
// further than the n-th (stems() asks this of every word: inline).
inline bool has_code_points(std::string_view utf8, std::size_t n) {
  for (std::size_t i = 0; i < utf8.size() && n > 0; ++i) n -= (static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80;
  return n == 0;
}

// The code point that starts at byte `at` (at < size), and in `next` the byte after it.
std::int32_t code_point_at(std::string_view utf8, std::size_t at, std::size_t* next = nullptr);

// The code point that ends at byte `at`, or 0 at the start.
std::int32_t code_point_before(std::string_view utf8, std::size_t at);

// The text with its ASCII letters in lower case (other bytes as they are).
std::string lower_ascii(std::string_view s);
constexpr char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// A word's hash: eight bytes a step, then one multiply-xorshift to spread them. Words are short, and
// std::hash's (murmur) costs twice as many instructions on them; the last bytes are read in two
// overlapping loads of fixed size, not a memcpy call of variable size.
inline std::uint64_t hash_word(std::string_view w) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = w.size() * kMultiplier;
  const char* p = w.data();
  std::size_t rest = w.size();
  for (std::uint64_t chunk; rest >= 8; p += 8, rest -= 8) {
    std::memcpy(&chunk, p, 8);
    h = (h ^ chunk) * kMultiplier;
  }
  std::uint64_t tail = 0;  // the last 0-7 bytes, in the low bytes (an empty view's data may be null)
  if (rest >= 4) {
    std::uint32_t low, high;
    std::memcpy(&low, p, 4);
    std::memcpy(&high, p + rest - 4, 4);
    tail = low | std::uint64_t{high} << 8 * (rest - 4);
  } else if (rest >= 2) {
    std::uint16_t low, high;
    std::memcpy(&low, p, 2);
    std::memcpy(&high, p + rest - 2, 2);
    tail = low | std::uint64_t{high} << 8 * (rest - 2);
  } else if (rest == 1) {
    tail = static_cast<unsigned char>(*p);
  }
  h = (h ^ tail) * kMultiplier;
  return h ^ (h >> 29);
}

// A word's cheap fingerprint (its size, second and last byte: an Arabic word's first byte is most
// often the same), kFingerprints of them: a bit per fingerprint of a small set of words says, when
// clear, that a word is none of them without hashing it (every word of a text is looked up, most
// are in no such set).
inline constexpr std::size_t kFingerprints = 1 << 12;
inline std::size_t fingerprint(std::string_view w) {
  if (w.size() < 2) return w.size();
  return ((w.size() * 131 + static_cast<unsigned char>(w[1])) * 131 + static_cast<unsigned char>(w.back())) & (kFingerprints - 1);
}

// String-keyed containers that a string_view (a token's form) looks up without being copied.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return hash_word(s); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

}  // namespace maqal::text
