// Embind bindings: the core's JSON in, JSON out; nothing else lives here.
#include <emscripten/bind.h>

#include <string>

#include "maqal/maqal.h"

namespace {

// Returns the result as a JSON string (the same bytes the native CLI prints).
std::string parse(const std::string& input, bool html) {
  maqal::Options options;
  options.html = html;
  return maqal::to_json(maqal::parse(input, options));
}

// The same for a document the browser parsed, as web/dom_feed.js encodes it.
std::string parse_dom_events(const std::string& events) { return maqal::to_json(maqal::parse_dom_events(events)); }

std::string version() { return std::string(maqal::kVersion); }

}  // namespace

EMSCRIPTEN_BINDINGS(maqal) {
  emscripten::function("parse", &parse);
  emscripten::function("parseDomEvents", &parse_dom_events);
  emscripten::function("version", &version);
}
