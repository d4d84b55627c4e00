// Invariants every parse result must keep, whatever the input: the fuzz harnesses call check() and
// abort on the first broken one, so libFuzzer saves the input that broke it.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "maqal/maqal.h"

namespace maqal::fuzz {

[[noreturn]] inline void fail(const char* what, std::size_t at = 0) {
  std::fprintf(stderr, "invariant broken: %s (at %zu)\n", what, at);
  std::abort();
}

inline void require(bool ok, const char* what, std::size_t at = 0) {
  if (!ok) fail(what, at);
}

inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// UTF-16 code units before each byte offset, counted the plain way (independent of core/text/utf).
inline std::vector<std::size_t> utf16_prefix(std::string_view s) {
  std::vector<std::size_t> units(s.size() + 1, 0);
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    units[i] = n;
    const auto c = static_cast<unsigned char>(s[i]);
    if (!is_continuation(c)) n += c >= 0xF0 ? 2 : 1;
  }
  units[s.size()] = n;
  return units;
}

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF): to_json would hide a string cut
// inside a character by writing U+FFFD, so every string of the result is checked before that.
inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if (!is_continuation(d)) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

inline void check_text(std::string_view s, const char* what) { require(valid_utf8(s), what); }

// docs/schema.md: a span is whole characters of the source, its UTF-16 offsets count the same text, and
// the text beside it is exactly the source between its offsets.
inline void check_span(const Span& span, std::string_view text, std::string_view source,
                       const std::vector<std::size_t>& units, const char* what) {
  require(span.start8 <= span.end8 && span.end8 <= source.size(), what, span.start8);
  require(span.start8 == source.size() || !is_continuation(source[span.start8]), what, span.start8);
  require(span.end8 == source.size() || !is_continuation(source[span.end8]), what, span.end8);
  require(span.start16 == units[span.start8] && span.end16 == units[span.end8], what, span.start8);
  require(source.substr(span.start8, span.end8 - span.start8) == text, what, span.start8);
}

// Loads the lexicons and both name models once, before libFuzzer starts timing each input.
inline void warm_up() {
  parse_text("Gaza said the minister. \xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1");
  parse_html("<p>x</p>");
}

inline void check(std::string_view input, const Result& r) {
  const std::string json = to_json(r);
  // accept() validates without building the document, which took a seventh of an execution.
  require(nlohmann::json::accept(json), "to_json gives valid JSON");

  if (r.error) {
    static const std::set<std::string> codes = {"invalid_utf8", "empty", "nul_byte", "too_large", "too_deep"};
    require(codes.count(r.error->code) == 1, "known error code");
    require(r.error->offset <= input.size(), "error offset within the input", r.error->offset);
    return;
  }
  const std::string_view source = r.text.empty() ? input : std::string_view(r.text);
  check_text(r.text, "extracted text is UTF-8");
  const std::vector<std::size_t> units = utf16_prefix(source);

  std::size_t previous_end = 0;
  for (const Block& b : r.blocks) {
    check_span(b.span, b.text, source, units, "block span");
    require(b.span.start8 >= previous_end, "blocks in order, not overlapping", b.span.start8);
    previous_end = b.span.end8;
    require(!b.article || (*b.article >= 0 && static_cast<std::size_t>(*b.article) < r.articles.size()),
            "block article exists", b.span.start8);
    require(b.dir == "rtl" || b.dir == "ltr", "block dir", b.span.start8);
    check_text(b.text, "block text is UTF-8");
  }
  previous_end = 0;
  for (const Entity& e : r.entities) {
    check_span(e.span, e.text, source, units, "entity span");
    require(e.span.start8 >= previous_end, "entities in order, not overlapping", e.span.start8);
    previous_end = e.span.end8;
    require(!e.text.empty(), "entity text", e.span.start8);
    check_text(e.text, "entity text is UTF-8");
    check_text(e.norm, "entity norm is UTF-8");
  }
  for (const Quote& q : r.quotes) {
    check_span(q.span, q.text, source, units, "quote span");
    check_text(q.text, "quote text is UTF-8");
    if (q.speaker) check_text(*q.speaker, "speaker is UTF-8");
  }
  for (const Cluster& c : r.clusters) {
    for (int m : c.mentions)
      require(m >= 0 && static_cast<std::size_t>(m) < r.entities.size(), "cluster mention exists");
    check_text(c.name, "cluster name is UTF-8");
    check_text(c.norm, "cluster norm is UTF-8");
    for (const auto& role : c.roles) check_text(role, "cluster role is UTF-8");
  }
  for (const Article& a : r.articles) {
    for (const auto* field : {&a.title, &a.byline, &a.published, &a.published_iso, &a.source})
      if (*field) check_text(**field, "article field is UTF-8");
    for (const auto& tag : a.tags) check_text(tag, "tag is UTF-8");
    for (const auto& item : a.related) {
      check_text(item.text, "related item is UTF-8");
      require(!item.article || static_cast<std::size_t>(*item.article) < r.articles.size(), "related article exists");
    }
    check_text(a.body, "article body is UTF-8");
  }
}

// Extraction only (Options::entities = false) must give the whole parse less its entity lists: the
// structure never depends on the entity stage. Checked on one input in four (by size, so the same input
// always takes the same path), to keep most of the executions for new inputs.
template <typename ParseFn>
void check_extraction_only(std::string_view input, Result full, ParseFn parse) {
  if (input.size() % 4 != 0) return;
  Options options;
  options.entities = false;
  const Result extracted = parse(input, options);
  full.entities.clear();
  full.clusters.clear();
  full.quotes.clear();
  full.with_entities = false;
  require(to_json(extracted) == to_json(full), "extraction only = the whole parse less its entities");
}

}  // namespace maqal::fuzz
