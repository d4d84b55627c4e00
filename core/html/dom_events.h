// A document already parsed by a browser (DOMParser, or the live page in an extension), sent as a
// compact event stream, → EventSink. The browser's parser replaces Gumbo: in a page, walking the
// browser's own tree is several times faster than parsing the HTML string again in wasm.
//
// The stream (made by web/dom_feed.js), in document order:
//   \x01 tag                 an element opens (lower-case local name); its attributes follow
//   \x02 name \x03 value     an attribute of the element just opened
//   \x04                     the innermost open element closes
//   \x05 text                character data
// Control characters U+0001–U+0006 inside a tag, name, value or text are written as \x06 followed by
// the character plus 0x40 ("\x06A" is U+0001), so the stream loses nothing.
#pragma once

#include <optional>
#include <string_view>

#include "html/events.h"
#include "maqal/maqal.h"

namespace maqal::html {

// Replays the stream into `sink`. Error "too_deep" when elements nest kMaxDepth deep (as
// feed_gumbo; Chromium's parser flattens the tree below that depth), "bad_events" when the stream
// is malformed (a close with nothing open, text before the first record); elements left open at
// the end are closed.
std::optional<Error> feed_dom_events(std::string_view events, EventSink& sink);

}  // namespace maqal::html
