// The neutral view of an HTML document that the HTML stages read: element open/close and text, in
// document order. Gumbo feeds it (gumbo_events.h); a browser's own DOM can feed the same interface.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace maqal::html {

// HTML's white space (ASCII only): every byte above ' ' is none, the test that settles almost all.
constexpr bool html_space(char c) {
  return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
}

// The first byte at or after `from` that can be HTML white space (at most 0x20), else s.size():
// eight bytes a step, each tested as one 64-bit word (exact per byte: no carry between bytes).
inline std::size_t next_low_byte(std::string_view s, std::size_t from) {
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7F, kTo80 = 0x5F5F5F5F5F5F5F5F, kHigh = 0x8080808080808080;
  for (; from + 8 <= s.size(); from += 8) {
    std::uint64_t bytes;
    std::memcpy(&bytes, s.data() + from, 8);
    // The top bit of each byte below 0x80 that is at most 0x20 (0x21 + 0x5F reaches 0x80).
    const std::uint64_t low = ~(((bytes & kLow7) + kTo80) | bytes) & kHigh;
    if (!low) continue;
    if constexpr (std::endian::native == std::endian::little) return from + static_cast<std::size_t>(std::countr_zero(low)) / 8;
    break;
  }
  while (from < s.size() && static_cast<unsigned char>(s[from]) > ' ') ++from;
  return from;
}

struct Attribute {
  std::string_view name;   // lower case
  std::string_view value;  // character references decoded
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // `tag` is the lower-case local name ("div", "svg", "my-widget"). Every open is matched by a close.
  virtual void open(std::string_view tag, const std::vector<Attribute>& attributes) = 0;
  virtual void close(std::string_view tag) = 0;
  // Character data as the HTML parser gives it (references decoded, white space as in the source).
  virtual void text(std::string_view utf8) = 0;
};

}  // namespace maqal::html
