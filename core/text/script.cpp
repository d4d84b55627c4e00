#include "text/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace maqal::text {

std::string direction(std::string_view utf8, std::string_view fallback) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  for (int32_t i = 0, n = static_cast<int32_t>(utf8.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    switch (u_charDirection(c)) {
      case U_LEFT_TO_RIGHT: return "ltr";
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC: return "rtl";
      default: break;
    }
  }
  return std::string(fallback);
}

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

std::string language(std::string_view utf8) {
  std::size_t arabic = 0, latin = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  for (int32_t i = 0, n = static_cast<int32_t>(utf8.size()); i < n;) {
    // ASCII and the Arabic letters (not tatweel: U+0621–U+064A are D8 A1–D9 8A) told here, without ICU.
    if (s[i] < 0x80) {
      // Done once the rest cannot change the answer: a Latin letter takes a byte at least, an
      // Arabic one two (checked between words: an Arabic text decides after some two thirds).
      const auto rest = static_cast<std::size_t>(n - i);
      if (arabic >= latin + rest) return "ar";  // some Arabic letter: rest > 0
      if (latin > arabic + rest / 2) return "en";
      std::uint64_t chunk;
      if (i + 8 <= n && (std::memcpy(&chunk, s + i, 8), (chunk & kHighBits) == 0)) {
        // Eight ASCII bytes at once: lower-cased (| 0x20), a byte of 'a'..'z' is one that adding 0x1F
        // carries into its high bit and adding 0x05 does not (no byte carries into the next).
        const std::uint64_t lower = chunk | 0x2020202020202020ull;
        const std::uint64_t letters = ((lower + 0x1F1F1F1F1F1F1F1Full) & ~(lower + 0x0505050505050505ull) & kHighBits) >> 7;
        latin += letters * 0x0101010101010101ull >> 56;  // the bytes' sum, in the top byte
        i += 8;
        continue;
      }
      latin += static_cast<unsigned>((s[i++] | 32) - 'a') < 26;
      continue;
    }
    if (i + 1 < n && ((s[i] == 0xD8 && s[i + 1] >= 0xA1 && s[i + 1] <= 0xBF) ||
                      (s[i] == 0xD9 && s[i + 1] >= 0x81 && s[i + 1] <= 0x8A))) {
      ++arabic;
      i += 2;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    arabic += script == USCRIPT_ARABIC;
    latin += script == USCRIPT_LATIN;
  }
  if (arabic == 0 && latin == 0) return "und";
  return arabic >= latin ? "ar" : "en";
}

}  // namespace maqal::text
