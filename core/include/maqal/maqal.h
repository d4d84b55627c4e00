// Maqal public API: one call turns a pasted article into its structure and entities.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maqal {

inline constexpr std::string_view kVersion = "0.1.0";

// Largest input accepted; past it parse_* returns error "too_large" instead of working for minutes.
inline constexpr std::size_t kMaxInputBytes = 32u << 20;

// A span of the input: UTF-8 byte offsets and UTF-16 code-unit offsets (what JavaScript indexes by).
struct Span {
  std::size_t start8 = 0, end8 = 0;
  std::size_t start16 = 0, end16 = 0;
};

struct Block {
  std::string role;   // see docs/schema.md: title, lead, paragraph, source, tags, read_also, ...
  std::string kind;   // only for role "boilerplate": nav, share, ad, subscribe, cookie, footer, ...
  std::string text;   // the block's text without bullet marker and surrounding blanks
  Span span;
  std::optional<int> article;  // index into Result::articles; none for page furniture
  std::string dir;             // "rtl" or "ltr"
  bool bullet = false;         // the line carried a list marker (•, -, 1.)
  int number = 0;              // an ordered list item's number ("3." written, or an <ol>'s third item); 0: none
};

struct RelatedItem {
  std::string text;
  std::optional<int> article;  // the article of this paste the item points to, when it repeats its title
};

struct Article {
  int id = 0;
  std::string kind;  // "main" | "secondary"
  std::optional<std::string> title, byline, published, published_iso, source;
  std::vector<std::string> tags;
  std::vector<RelatedItem> related;
  std::string body;  // body paragraphs joined by "\n\n"
};

struct Entity {
  std::string type;  // PER, ORG, LOC, NORP, MISC, DATE, TIME, NUMBER, MONEY, PERCENT, URL, EMAIL, ...
  std::string text;
  Span span;
  int cluster = 0;
  std::string norm;
};

struct Quote {
  std::string text;
  Span span;
  std::optional<std::string> speaker;  // how the speaker is named ("مكتب بنيامين نتنياهو", "الوزيران")
  std::vector<int> speaker_clusters;   // the entities speaking: one, or several for a group ("the ministers")
};

// The mentions of one entity: every mention with the same type and norm.
struct Cluster {
  int id = 0;
  std::string type;
  std::string name;                // the fullest mention as written in the text
  std::string norm;
  std::vector<int> mentions;       // indices into Result::entities
  std::vector<std::string> roles;  // titles written before a person's name ("وزير الخارجية الأمريكي")
};

struct Error {
  std::string code;  // invalid_utf8, empty, nul_byte, too_large, too_deep
  std::string message;
  std::size_t offset = 0;  // UTF-8 byte offset of the problem, when it has one
};

struct Result {
  std::optional<Error> error;  // when set, nothing else is filled
  std::string text;            // HTML input only: the extracted text that every span indexes
  std::string lang, dir;
  std::vector<Block> blocks;
  std::vector<Article> articles;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Cluster> clusters;
  bool with_entities = true;  // false: parsed without the entity stage, the three lists above not looked for
};

struct Options {
  bool html = false;  // input is HTML (clipboard fragment or whole page); read by parse() only
  // false: extraction only. Blocks, roles, articles and metadata as usual (the same as with it), but
  // the entity stage is skipped: Result::entities, clusters and quotes stay empty and to_json leaves
  // them out. Several times faster on long texts.
  bool entities = true;
};

// Parses plain text (UTF-8). Never throws for bad input: returns Result::error instead.
Result parse_text(std::string_view utf8, const Options& options = {});

// Parses HTML (UTF-8): a clipboard fragment or a whole page. The result has the shape of parse_text's,
// over the page's extracted text (Result::text); the main content is article 0 and page furniture is
// boilerplate. Errors as parse_text, and "too_deep" for elements nested past html::kMaxDepth (512).
Result parse_html(std::string_view utf8, const Options& options = {});

// Parses a document a browser has already parsed, as the DOM event stream web/dom_feed.js makes
// (format: core/html/dom_events.h). Same result as parse_html on the page's HTML; errors as
// parse_html, and "bad_events" for a malformed stream.
Result parse_dom_events(std::string_view events, const Options& options = {});

// Dispatches on options.html.
Result parse(std::string_view input, const Options& options);

// The result as one JSON document (schema: docs/schema.md); {"error": {...}} when the result is an error.
std::string to_json(const Result& result, bool pretty = false);

// The same JSON handed to `write` in consecutive pieces of about 64 KB, so that output larger than
// the input is never held whole (the CLI on long texts).
void write_json(const Result& result, bool pretty, const std::function<void(std::string_view)>& write);

}  // namespace maqal
