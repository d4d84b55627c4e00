// How a word's clitic stems are cut from it, in three bytes that a token carries (text/clitics.h).
#pragma once

#include <array>
#include <cstdint>

namespace maqal::text {

// Each cut in stems()'s order: the bytes a prefix takes off the front, or with kSuffix set, the bytes
// a suffix takes off the end; 0 ends the list. kUnknown first: not worked out, or more stems than fit.
struct StemCuts {
  static constexpr std::uint8_t kSuffix = 0x80, kUnknown = 0xFF;
  std::array<std::uint8_t, 3> cuts{kUnknown, 0, 0};
};

}  // namespace maqal::text
