#include "entities/quotes.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <utility>

#include "lang/data.h"
#include "text/tokens.h"

namespace maqal::entities {
namespace {

constexpr std::size_t kMinQuoteWords = 3;

const std::vector<std::pair<std::string, std::string>>& quote_marks() {
  static const auto marks = [] {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& row : data::rows("common/quotes.tsv"))
      if (row.size() >= 2) pairs.emplace_back(row[0], row[1]);
    return pairs;
  }();
  return marks;
}

std::size_t words_between(const text::Tokens& tokens, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (const auto& t : tokens) n += t.kind != text::TokenKind::punct && t.start >= from && t.end <= to;
  return n;
}

void scan(const Block& block, const text::Tokens& tokens, std::vector<Quote>& out) {
  const std::string& s = block.text;
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (const auto& [open, close] : quote_marks()) {
      if (s[i] != open[0] || s.compare(i, open.size(), open) != 0) continue;
      const std::size_t inner = i + open.size();
      const std::size_t end = s.find(close, inner);
      if (end == std::string::npos) break;
      const std::string_view text = std::string_view(s).substr(inner, end - inner);
      if (words_between(tokens, inner, end) >= kMinQuoteWords) {
        const std::size_t base = block.span.start8;
        out.push_back({std::string(text), {base + inner, base + end}, std::nullopt});
      }
      i = end + close.size() - 1;
      break;
    }
  }
}

}  // namespace

std::vector<Quote> find_quotes(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens) {
  std::vector<Quote> quotes;
  for (std::size_t i = 0; i < blocks.size(); ++i) scan(blocks[i], tokens[i], quotes);
  return quotes;
}

}  // namespace maqal::entities
