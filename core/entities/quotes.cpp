#include "entities/quotes.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <utility>

#include "lang/data.h"
#include "structure/cues.h"
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

void scan(const Block& block, std::vector<Quote>& out) {
  const std::string& s = block.text;
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (const auto& [open, close] : quote_marks()) {
      if (s.compare(i, open.size(), open) != 0) continue;
      const std::size_t inner = i + open.size();
      const std::size_t end = s.find(close, inner);
      if (end == std::string::npos) break;
      const std::string_view text = std::string_view(s).substr(inner, end - inner);
      if (structure::count_words(text::tokenize(text)) >= kMinQuoteWords) {
        const std::size_t base = block.span.start8;
        out.push_back({std::string(text), {base + inner, base + end}, std::nullopt});
      }
      i = end + close.size() - 1;
      break;
    }
  }
}

}  // namespace

std::vector<Quote> find_quotes(const std::vector<Block>& blocks) {
  std::vector<Quote> quotes;
  for (const auto& b : blocks) scan(b, quotes);
  return quotes;
}

}  // namespace maqal::entities
