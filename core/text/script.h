// Writing direction and language of text, from the Unicode properties of its letters.
#pragma once

#include <string>
#include <string_view>

namespace maqal::text {

// "rtl" or "ltr" by the first strong directional character (the rule of HTML's dir=auto);
// `fallback` when there is none.
std::string direction(std::string_view utf8, std::string_view fallback);

// "ar" when Arabic letters outnumber Latin ones, "en" when Latin ones do, else "und".
std::string language(std::string_view utf8);

}  // namespace maqal::text
