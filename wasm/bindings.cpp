// Embind bindings: the core's JSON in, JSON out; nothing else lives here.
#include <emscripten/bind.h>

#include <string>

#include "maqal/maqal.h"

namespace {

maqal::Options options_of(bool html, bool entities) {
  maqal::Options options;
  options.html = html;
  options.entities = entities;
  return options;
}

// Returns the result as a JSON string (the same bytes the native CLI prints).
std::string parse(const std::string& input, bool html, bool entities) {
  return maqal::to_json(maqal::parse(input, options_of(html, entities)));
}

// The same for a document the browser parsed, as web/dom_feed.js encodes it.
std::string parse_dom_events(const std::string& events, bool entities) {
  return maqal::to_json(maqal::parse_dom_events(events, options_of(false, entities)));
}

std::string version() { return std::string(maqal::kVersion); }

}  // namespace

EMSCRIPTEN_BINDINGS(maqal) {
  emscripten::function("parse", &parse);
  emscripten::function("parseDomEvents", &parse_dom_events);
  emscripten::function("version", &version);
}
