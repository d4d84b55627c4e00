// The HTML pipeline: HTML (Gumbo) or a browser's parsed DOM → events → blocks with hints → metadata and main content → the shared
// stages (articles, then entities and quotes unless skipped) over the extracted text.
#include <optional>
#include <string>
#include <utility>

#include "html/content.h"
#include "html/dom_events.h"
#include "html/gumbo_events.h"
#include "html/html_blocks.h"
#include "html/metadata.h"
#include "maqal/maqal.h"
#include "pipeline.h"
#include "text/script.h"
#include "text/utf.h"

namespace maqal {

namespace {

// The direction declared (dir attributes on the elements around it) for most of the text, if any
// is: an Arabic article inside <main dir="rtl"> of a page whose <html> says nothing is rtl.
std::optional<std::string> declared_direction(const html::Document& doc) {
  std::size_t rtl = 0, ltr = 0;
  for (const auto& h : doc.hints) {
    if (h.element < 0) continue;
    const std::string_view dir = doc.elements[h.element].dir;
    if (dir == "rtl") rtl += h.chars;
    else if (dir == "ltr") ltr += h.chars;
  }
  if (rtl == 0 && ltr == 0) return std::nullopt;
  return rtl > ltr ? "rtl" : "ltr";
}

// Everything after the HTML parser: `feed` replays the parsed document as events.
template <class Feed>
Result parse_parsed_html(std::string_view input, Feed feed, const Options& options) {
  Result result;
  if (auto error = text::check_input(input)) {
    result.error = std::move(error);
    return result;
  }
  html::BlockBuilder builder;
  if (auto error = feed(input, builder)) {
    result.error = std::move(error);
    return result;
  }
  html::Document doc = builder.finish();
  if (doc.blocks.empty()) {
    result.error = Error{"empty", "the HTML has no visible text", 0};
    return result;
  }
  const html::Metadata meta = html::read_metadata(doc);

  // Language: <html lang> when given, else from the letters of the text; direction: as declared
  // around most of the text, else from its letters.
  const std::string declared = doc.page.lang.substr(0, doc.page.lang.find_first_of("-_"));
  result.lang = declared.empty() ? text::language(doc.text) : declared;
  if (auto declared_dir = declared_direction(doc)) result.dir = *declared_dir;
  else result.dir = text::language(doc.text) == "ar" ? "rtl" : text::direction(doc.text, "ltr");

  result.text = std::move(doc.text);
  result.blocks = std::move(doc.blocks);
  std::vector<text::Tokens> tokens = pipeline::prepare_blocks(result);
  const int article_count = html::assign_html_roles(result.blocks, doc, tokens, meta);
  pipeline::finish(result, result.text, std::move(tokens), article_count, options,
                   meta.published ? meta.published_iso : std::nullopt);

  // Page metadata wins over what the blocks say; the blocks fill what it lacks.
  Article& a = result.articles.at(0);
  if (meta.title) a.title = meta.title;
  if (meta.byline) a.byline = meta.byline;
  if (meta.published) a.published = meta.published;  // published_iso: finish() took the page's date
  if (!meta.tags.empty()) a.tags = meta.tags;
  return result;
}

}  // namespace

Result parse_html(std::string_view input, const Options& options) {
  return parse_parsed_html(input, html::feed_gumbo, options);
}

Result parse_dom_events(std::string_view events, const Options& options) {
  return parse_parsed_html(events, html::feed_dom_events, options);
}

}  // namespace maqal
