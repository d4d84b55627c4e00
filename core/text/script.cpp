#include "text/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

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

std::string language(std::string_view utf8) {
  std::size_t arabic = 0, latin = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  for (int32_t i = 0, n = static_cast<int32_t>(utf8.size()); i < n;) {
    UChar32 c;
    // ASCII and two bytes (the Arabic letters) decoded here, as U8_NEXT would.
    if (s[i] < 0x80) {
      c = s[i++];
    } else if (s[i] >= 0xC2 && s[i] < 0xE0 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      c = (s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F);
      i += 2;
    } else {
      U8_NEXT(s, i, n, c);
    }
    if (c < 0x80) { latin += (c | 32) >= 'a' && (c | 32) <= 'z'; continue; }
    if (c >= 0x0621 && c <= 0x064A && c != 0x0640) { ++arabic; continue; }  // Arabic letters (not tatweel), without ICU
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
