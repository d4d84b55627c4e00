// Gumbo (HTML5 parsing) → EventSink.
#pragma once

#include <optional>
#include <string_view>

#include "html/events.h"
#include "maqal/maqal.h"

namespace maqal::html {

// Deepest element nesting accepted (Chromium's HTML parser uses the same bound, 512); past it
// feed_gumbo returns error "too_deep" and sends nothing. Gumbo's tree building costs O(depth) per
// start tag, so the bound also bounds the time of a page: O(size × kMaxDepth) at worst.
inline constexpr unsigned kMaxDepth = 512;

// Parses `html` (valid UTF-8) as a whole document (a fragment is a document with implied html,
// head and body) and walks the tree without recursion. Comments and the doctype are skipped.
std::optional<Error> feed_gumbo(std::string_view html, EventSink& sink);

}  // namespace maqal::html
