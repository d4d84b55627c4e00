// The pipeline: input → blocks → roles → entities and quotes → articles → result.
#include "entities/entities.h"
#include "entities/quotes.h"
#include "maqal/maqal.h"
#include "structure/articles.h"
#include "structure/blocks.h"
#include "structure/roles.h"
#include "text/script.h"
#include "text/tokens.h"
#include "text/utf.h"

namespace maqal {
namespace {

void fill_utf16(const text::Utf16Offsets& to16, Span& span) {
  span.start16 = to16(span.start8);
  span.end16 = to16(span.end8);
}

}  // namespace

Result parse_text(std::string_view input) {
  Result result;
  if (auto error = text::check_input(input)) {
    result.error = std::move(error);
    return result;
  }
  result.lang = text::language(input);
  result.dir = result.lang == "ar" ? "rtl" : text::direction(input, "ltr");
  result.blocks = structure::split_blocks(input);
  std::vector<text::Tokens> tokens;  // each block's words, segmented once for every stage
  tokens.reserve(result.blocks.size());
  for (auto& b : result.blocks) {
    b.dir = text::direction(b.text, result.dir);
    tokens.push_back(text::tokenize(b.text));
  }
  const int article_count = structure::assign_roles(result.blocks, tokens);
  result.entities = entities::find_entities(result.blocks, tokens);
  result.articles = structure::collect_articles(result.blocks, tokens, article_count, result.entities);
  result.quotes = entities::find_quotes(result.blocks, tokens, result.entities);

  const text::Utf16Offsets to16(input);
  for (auto& b : result.blocks) fill_utf16(to16, b.span);
  for (auto& e : result.entities) fill_utf16(to16, e.span);
  for (auto& q : result.quotes) fill_utf16(to16, q.span);
  return result;
}

Result parse(std::string_view input, const Options& options) {
  if (options.html) {
    Result result;
    result.error = Error{"unsupported", "HTML input is not supported yet; paste the text instead", 0};
    return result;
  }
  return parse_text(input);
}

}  // namespace maqal
