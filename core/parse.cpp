// The pipeline: input → blocks → roles → articles → entities and quotes (unless skipped) → result.
#include <utility>

#include "entities/anchor_dates.h"
#include "entities/entities.h"
#include "entities/quotes.h"
#include "maqal/maqal.h"
#include "pipeline.h"
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

namespace pipeline {

std::vector<text::Tokens> prepare_blocks(Result& result) {
  std::vector<text::Tokens> tokens;
  tokens.reserve(result.blocks.size());
  text::DocumentTokenizer tokenize;  // each distinct form of the blocks stored once
  for (auto& b : result.blocks) {
    b.dir = text::direction(b.text, result.dir);
    tokens.push_back(tokenize(b.text));
  }
  return tokens;
}

void finish(Result& result, std::string_view text, std::vector<text::Tokens> tokens, int article_count,
            const Options& options, const std::optional<std::string>& page_date) {
  result.with_entities = options.entities;
  auto dates = structure::article_dates(result.blocks, tokens, article_count);
  if (page_date && !dates.empty()) dates[0] = page_date;
  result.articles = structure::collect_articles(result.blocks, tokens, article_count, dates);
  if (options.entities) {
    result.entities = entities::find_entities(result.blocks, tokens);
    entities::anchor_dates(result.entities, result.blocks, text, dates);  // before clusters: they key on norms
    result.clusters = entities::describe_clusters(result.entities, result.blocks, tokens);
    result.quotes = entities::find_quotes(result.blocks, tokens, result.entities, result.clusters);
  }
  // The bodies, a second copy of the text, once the tokens are freed and the name model's memory is:
  // neither peak then holds them.
  tokens = {};
  structure::write_bodies(result.articles, result.blocks);

  const text::Utf16Offsets to16(text);
  for (auto& b : result.blocks) fill_utf16(to16, b.span);
  for (auto& e : result.entities) fill_utf16(to16, e.span);
  for (auto& q : result.quotes) fill_utf16(to16, q.span);
}

}  // namespace pipeline

Result parse_text(std::string_view input, const Options& options) {
  Result result;
  if (auto error = text::check_input(input)) {
    result.error = std::move(error);
    return result;
  }
  result.lang = text::language(input);
  result.dir = result.lang == "ar" ? "rtl" : text::direction(input, "ltr");
  result.blocks = structure::split_blocks(input);
  std::vector<text::Tokens> tokens = pipeline::prepare_blocks(result);  // each block's words, once
  const int article_count = structure::assign_roles(result.blocks, tokens);
  pipeline::finish(result, input, std::move(tokens), article_count, options);
  return result;
}

Result parse(std::string_view input, const Options& options) {
  return options.html ? parse_html(input, options) : parse_text(input, options);
}

}  // namespace maqal
