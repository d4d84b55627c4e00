// Embind bindings: the core's JSON in, JSON out; nothing else lives here.
#include <emscripten/bind.h>

#include <string>
#include <string_view>

#include "maqal/maqal.h"

namespace {

maqal::Options options_of(bool html, bool entities) {
  maqal::Options options;
  options.html = html;
  options.entities = entities;
  return options;
}

// The result as a JavaScript string of JSON (the same bytes the native CLI prints), handed over in
// pieces as it is written: the wasm's memory, which never shrinks, holds the result but never the
// whole JSON beside it (several times the input for a text dense in entities).
emscripten::val json_of(const maqal::Result& result) {
  emscripten::val pieces = emscripten::val::array();
  maqal::write_json(result, false, [&](std::string_view piece) { pieces.call<void>("push", std::string(piece)); });
  return pieces.call<emscripten::val>("join", std::string());
}

emscripten::val parse(const std::string& input, bool html, bool entities) {
  return json_of(maqal::parse(input, options_of(html, entities)));
}

// The same for a document the browser parsed, as web/dom_feed.js encodes it.
emscripten::val parse_dom_events(const std::string& events, bool entities) {
  return json_of(maqal::parse_dom_events(events, options_of(false, entities)));
}

std::string version() { return std::string(maqal::kVersion); }

}  // namespace

EMSCRIPTEN_BINDINGS(maqal) {
  emscripten::function("parse", &parse);
  emscripten::function("parseDomEvents", &parse_dom_events);
  emscripten::function("version", &version);
}
