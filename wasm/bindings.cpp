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

std::string version() { return std::string(maqal::kVersion); }

}  // namespace

EMSCRIPTEN_BINDINGS(maqal) {
  emscripten::function("parse", &parse);
  emscripten::function("version", &version);
}
