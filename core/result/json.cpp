// Stage 5: the result as JSON (schema: docs/schema.md). Keys keep a fixed order so native and
// wasm output can be compared byte for byte.
//
// Written straight into one string: building a JSON tree first (nlohmann::ordered_json, as before)
// took a fifth of a 20 KB Arabic paste's parse (callgrind: 11.1 M instructions; this writer 2.6 M).
// The bytes are the ones nlohmann's dump() gave, spacing and escapes included
// (tests/core/json_test.cpp compares the two); tests/golden holds the reviewed output.
#include <charconv>
#include <concepts>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/utf8.h>

#include "maqal/maqal.h"

namespace maqal {
namespace {

class JsonWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  // With a sink, what is written goes to it in pieces of about kPiece bytes; without, take() gives it.
  JsonWriter(bool pretty, const Sink* sink) : pretty_(pretty), sink_(sink) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // An object member's name, one of the schema's (ASCII with nothing to escape: written as it is);
  // its value follows.
  void key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;
    out_ += pretty_ ? "\": " : "\":";
    after_key_ = true;
  }

  void value(std::string_view s) {
    separate();
    write_string(s);
  }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(bool b) {
    separate();
    out_ += b ? "true" : "false";
  }
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  void value(T n) {
    separate();
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  }
  void null() {
    separate();
    out_ += "null";
  }
  template <typename T>
  void value(const std::optional<T>& v) {
    if (v) value(*v);
    else null();
  }
  template <typename T>
  void value(const std::vector<T>& items) {
    begin_array();
    for (const auto& item : items) value(item);
    end_array();
  }

  std::string take() { return std::move(out_); }

  void flush() {
    if (sink_ && !out_.empty()) (*sink_)(out_);
    out_.clear();
  }

 private:
  void open(char bracket) {
    separate();
    out_ += bracket;
    counts_.push_back(0);
  }

  void close(char bracket) {
    const bool empty = counts_.back() == 0;
    counts_.pop_back();
    if (pretty_ && !empty) newline();
    out_ += bracket;
  }

  // Before a value or a member: the comma after the previous one and, pretty, its own line.
  void separate() {
    if (sink_ && out_.size() >= kPiece) flush();
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (counts_.empty()) return;  // the document itself
    if (counts_.back()++ > 0) out_ += ',';
    if (pretty_) newline();
  }

  void newline() {
    out_ += '\n';
    out_.append(2 * counts_.size(), ' ');
  }

  // Escapes as nlohmann's dump(ensure_ascii = false, replace) does: the two-character escapes, other
  // control characters as \u00xx, bytes that are no UTF-8 as U+FFFD (one per maximal bad sequence).
  void write_string(std::string_view s) {
    out_ += '"';
    std::size_t i = 0;
    while (i < s.size()) {
      // A long string (an article's body) goes out in pieces too, each ending between characters:
      // whole UTF-8, and no copy of the whole string held.
      if (sink_ && out_.size() >= kPiece) flush();
      const std::size_t run = i, limit = std::min(s.size(), i + kPiece);
      i = end_of_plain(s, i, limit);
      out_.append(s.data() + run, i - run);
      if (i >= limit) continue;
      const auto byte = static_cast<unsigned char>(s[i]);
      if (byte < 0x80) {
        write_escape(byte);
        ++i;
      } else {
        out_ += "\xEF\xBF\xBD";
        i += bad_sequence(s, i);
      }
    }
    out_ += '"';
  }

  // Where the bytes from s[i] on stop being copied as they are: at a byte to escape or no UTF-8, or
  // at the first character boundary from `limit` on.
  static std::size_t end_of_plain(std::string_view s, std::size_t i, std::size_t limit) {
    while (i < limit) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        if (c < 0x20 || c == '"' || c == '\\') return i;
        ++i;
      } else if (c >= 0xC2 && c <= 0xDF && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
        i += 2;  // a well-formed two-byte sequence (an Arabic letter's), told without decoding it
      } else {
        const std::size_t valid = utf8_sequence(s, i);
        if (valid == 0) return i;
        i += valid;
      }
    }
    return i;
  }

  void write_escape(unsigned char c) {
    switch (c) {
      case '"': out_ += "\\\""; return;
      case '\\': out_ += "\\\\"; return;
      case '\b': out_ += "\\b"; return;
      case '\t': out_ += "\\t"; return;
      case '\n': out_ += "\\n"; return;
      case '\f': out_ += "\\f"; return;
      case '\r': out_ += "\\r"; return;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out_.append(escaped, sizeof escaped);
      }
    }
  }

  // The well-formed UTF-8 sequence starting at s[i]: its length in bytes, or 0 when the bytes there
  // are not one.
  static std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto [length, code_point] = next_code_point(s, i);
    return code_point < 0 ? 0 : length;
  }

  // A bad sequence: ICU's U8_NEXT skips its maximal subpart (the lead and the continuation bytes
  // that fit it), as nlohmann's replace handler does.
  static std::size_t bad_sequence(std::string_view s, std::size_t i) { return next_code_point(s, i).first; }

  static std::pair<std::size_t, UChar32> next_code_point(std::string_view s, std::size_t i) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    auto at = static_cast<int32_t>(i);
    UChar32 code_point;
    U8_NEXT(bytes, at, static_cast<int32_t>(s.size()), code_point);
    return {static_cast<std::size_t>(at) - i, code_point};
  }

  static constexpr std::size_t kPiece = 1 << 16;
  bool pretty_;
  const Sink* sink_;
  bool after_key_ = false;
  std::vector<int> counts_;  // values written so far in each open object or array
  std::string out_;
};

void put_span(JsonWriter& w, const Span& s) {
  w.key("start");
  w.value(s.start16);
  w.key("end");
  w.value(s.end16);
  w.key("start8");
  w.value(s.start8);
  w.key("end8");
  w.value(s.end8);
}

void put_block(JsonWriter& w, const Block& b) {
  w.begin_object();
  w.key("role");
  w.value(b.role);
  if (!b.kind.empty()) {
    w.key("kind");
    w.value(b.kind);
  }
  w.key("text");
  w.value(b.text);
  put_span(w, b.span);
  w.key("article");
  w.value(b.article);
  w.key("dir");
  w.value(b.dir);
  if (b.bullet) {
    w.key("bullet");
    w.value(true);
  }
  if (b.number > 0) {
    w.key("number");
    w.value(b.number);
  }
  w.end_object();
}

void put_article(JsonWriter& w, const Article& a) {
  w.begin_object();
  w.key("id");
  w.value(a.id);
  w.key("kind");
  w.value(a.kind);
  w.key("title");
  w.value(a.title);
  w.key("byline");
  w.value(a.byline);
  w.key("published");
  w.value(a.published);
  w.key("published_iso");
  w.value(a.published_iso);
  w.key("source");
  w.value(a.source);
  w.key("tags");
  w.value(a.tags);
  w.key("related");
  w.begin_array();
  for (const auto& item : a.related) {
    w.begin_object();
    w.key("text");
    w.value(item.text);
    w.key("article");
    w.value(item.article);
    w.end_object();
  }
  w.end_array();
  w.key("body");
  w.value(a.body);
  w.end_object();
}

void put_entity(JsonWriter& w, const Entity& e) {
  w.begin_object();
  w.key("type");
  w.value(e.type);
  w.key("text");
  w.value(e.text);
  put_span(w, e.span);
  w.key("cluster");
  w.value(e.cluster);
  w.key("norm");
  w.value(e.norm);
  w.end_object();
}

void put_cluster(JsonWriter& w, const Cluster& c) {
  w.begin_object();
  w.key("id");
  w.value(c.id);
  w.key("type");
  w.value(c.type);
  w.key("name");
  w.value(c.name);
  w.key("norm");
  w.value(c.norm);
  w.key("mentions");
  w.value(c.mentions);
  w.key("roles");
  w.value(c.roles);
  w.end_object();
}

void put_quote(JsonWriter& w, const Quote& q) {
  w.begin_object();
  w.key("text");
  w.value(q.text);
  put_span(w, q.span);
  w.key("speaker");
  w.value(q.speaker);
  w.key("speaker_clusters");
  w.value(q.speaker_clusters);
  w.end_object();
}

template <typename T, typename Put>
void put_list(JsonWriter& w, std::string_view name, const std::vector<T>& items, Put put) {
  w.key(name);
  w.begin_array();
  for (const auto& item : items) put(w, item);
  w.end_array();
}

void put_result(JsonWriter& w, const Result& r) {
  w.begin_object();
  if (r.error) {
    w.key("error");
    w.begin_object();
    w.key("code");
    w.value(r.error->code);
    w.key("message");
    w.value(r.error->message);
    w.key("offset");
    w.value(r.error->offset);
    w.end_object();
  } else {
    w.key("version");
    w.value(kVersion);
    w.key("lang");
    w.value(r.lang);
    w.key("dir");
    w.value(r.dir);
    if (!r.text.empty()) {  // HTML input: the extracted text the offsets index
      w.key("text");
      w.value(r.text);
    }
    put_list(w, "blocks", r.blocks, put_block);
    put_list(w, "articles", r.articles, put_article);
    if (r.with_entities) {
      put_list(w, "entities", r.entities, put_entity);
      put_list(w, "clusters", r.clusters, put_cluster);
      put_list(w, "quotes", r.quotes, put_quote);
    }
  }
  w.end_object();
}

}  // namespace

std::string to_json(const Result& result, bool pretty) {
  JsonWriter w(pretty, nullptr);
  put_result(w, result);
  return w.take();
}

void write_json(const Result& result, bool pretty, const std::function<void(std::string_view)>& write) {
  JsonWriter w(pretty, &write);
  put_result(w, result);
  w.flush();
}

}  // namespace maqal
