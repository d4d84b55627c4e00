// The neutral view of an HTML document that the HTML stages read: element open/close and text, in
// document order. Gumbo feeds it (gumbo_events.h); a browser's own DOM can feed the same interface.
#pragma once

#include <string_view>
#include <vector>

namespace maqal::html {

// HTML's white space (ASCII only): every byte above ' ' is none, the test that settles almost all.
constexpr bool html_space(char c) {
  return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
}

struct Attribute {
  std::string_view name;   // lower case
  std::string_view value;  // character references decoded
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // `tag` is the lower-case local name ("div", "svg", "my-widget"). Every open is matched by a close.
  virtual void open(std::string_view tag, const std::vector<Attribute>& attributes) = 0;
  virtual void close(std::string_view tag) = 0;
  // Character data as the HTML parser gives it (references decoded, white space as in the source).
  virtual void text(std::string_view utf8) = 0;
};

}  // namespace maqal::html
