#include "html/dom_events.h"

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "html/gumbo_events.h"

namespace maqal::html {
namespace {

constexpr char kOpen = '\x01', kName = '\x02', kValue = '\x03', kClose = '\x04', kText = '\x05', kEscape = '\x06';

bool is_mark(char c) { return c >= kOpen && c <= kEscape; }

// Reads one field from `at` up to the next record mark. Returns a view into the stream, or, for a
// field with escapes, into its unescaped copy added to `unescaped` (a deque: adding one moves none).
std::string_view field(std::string_view s, std::size_t& at, std::deque<std::string>& unescaped) {
  const std::size_t from = at;
  while (at < s.size() && !is_mark(s[at])) ++at;
  if (at >= s.size() || s[at] != kEscape) return s.substr(from, at - from);
  std::string& out = unescaped.emplace_back(s.substr(from, at - from));
  while (at < s.size() && (!is_mark(s[at]) || s[at] == kEscape)) {
    if (s[at] == kEscape) {
      if (++at >= s.size() || s[at] < kOpen + 0x40 || s[at] > kEscape + 0x40) return {};  // not an escape
      out += static_cast<char>(s[at++] - 0x40);
    } else {
      out += s[at++];
    }
  }
  return out;
}

Error malformed(std::size_t at, const char* what) {
  return Error{"bad_events", std::string("malformed DOM event stream: ") + what + " at byte " + std::to_string(at), at};
}

}  // namespace

std::optional<Error> feed_dom_events(std::string_view s, EventSink& sink) {
  std::vector<std::string> open;  // tags of the open elements
  std::vector<Attribute> attributes;  // views into the stream (or into `unescaped`), no copies
  std::deque<std::string> unescaped;  // the fields of the current record that had escapes
  std::size_t at = 0;
  while (at < s.size()) {
    const std::size_t record = at;
    unescaped.clear();
    switch (s[at++]) {
      case kOpen: {
        if (open.size() + 1 >= kMaxDepth) return Error{"too_deep", "elements nested deeper than " + std::to_string(kMaxDepth), 0};
        open.emplace_back(field(s, at, unescaped));
        attributes.clear();
        while (at < s.size() && s[at] == kName) {
          ++at;
          const std::string_view name = field(s, at, unescaped);
          if (at >= s.size() || s[at] != kValue) return malformed(at, "attribute without a value");
          ++at;
          attributes.push_back({name, field(s, at, unescaped)});
        }
        sink.open(open.back(), attributes);
        break;
      }
      case kClose:
        if (open.empty()) return malformed(record, "close with no open element");
        sink.close(open.back());
        open.pop_back();
        break;
      case kText:
        sink.text(field(s, at, unescaped));
        break;
      default:
        return malformed(record, "unexpected byte");
    }
  }
  while (!open.empty()) {
    sink.close(open.back());
    open.pop_back();
  }
  return std::nullopt;
}

}  // namespace maqal::html
