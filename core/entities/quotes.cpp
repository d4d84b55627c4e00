#include "entities/quotes.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "lang/data.h"
#include "entities/speech.h"

namespace maqal::entities {
namespace {

constexpr std::size_t kMinQuoteWords = 3;
// A speech verb this close after a quote introduces its speaker ("…," said X).
constexpr std::size_t kVerbAfterQuoteTokens = 3;

const std::vector<std::pair<std::string, std::string>>& quote_marks() {
  static const auto marks = [] {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& row : data::rows("common/quotes.tsv"))
      if (row.size() >= 2) pairs.emplace_back(row[0], row[1]);
    return pairs;
  }();
  return marks;
}


// Tokens and entities are in text order and never overlap: binary searches keep a block of
// thousands of quotes and names linear-logarithmic rather than quadratic.
text::Tokens::const_iterator first_from(const text::Tokens& tokens, std::size_t at) {
  return std::partition_point(tokens.begin(), tokens.end(), [&](const text::Token& t) { return t.start < at; });
}

struct QuoteSpan {
  std::size_t open, inner, end, close;  // block-relative bytes: mark, words, words' end, after mark
};

std::vector<QuoteSpan> quote_spans(const std::string& s, const text::Tokens& tokens) {
  std::vector<QuoteSpan> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (const auto& [open, close] : quote_marks()) {
      if (s[i] != open[0] || s.compare(i, open.size(), open) != 0) continue;
      const std::size_t inner = i + open.size();
      const std::size_t end = s.find(close, inner);
      if (end == std::string::npos) break;
      std::size_t words = 0;  // from the first token inside: quotes never overlap, so tokens are read once
      for (auto t = first_from(tokens, inner); t != tokens.end() && t->end <= end; ++t)
        words += t->kind != text::TokenKind::punct;
      if (words >= kMinQuoteWords) out.push_back({i, inner, end, end + close.size()});
      i = end + close.size() - 1;
      break;
    }
  }
  return out;
}

class Speakers {
 public:
  Speakers(const Block& block, const text::Tokens& tokens, const std::vector<Entity>& entities)
      : block_(block), tokens_(tokens) {
    const auto from = std::partition_point(entities.begin(), entities.end(),
                                           [&](const Entity& e) { return e.span.start8 < block.span.start8; });
    for (auto e = from; e != entities.end() && e->span.start8 < block.span.end8; ++e) {
      if (e->span.end8 > block.span.end8) continue;
      if (e->type == "PER") people_.push_back(&*e);
      if (e->type == "ORG") orgs_.push_back(&*e);
    }
    for (std::size_t k = 0; k < tokens.size(); ++k)
      if (is_speech_verb(tokens[k])) verbs_.push_back(k);
  }

  // The entity that said the quote, or nullptr. `earlier` said the previous quote of this block.
  const Entity* find(const QuoteSpan& q, const Entity* earlier) const {
    // A speech verb before the quote: the name right after it (VSO); with none, the subject goes
    // on from the previous quote of the block ("ناقش مع ديرمر "…"، وحث على "…"") or stands
    // before the verb.
    std::optional<std::size_t> verb;  // the last one ending before the quote
    const auto after = std::partition_point(verbs_.begin(), verbs_.end(), [&](std::size_t k) { return tokens_[k].end <= q.open; });
    if (after != verbs_.begin()) verb = *(after - 1);
    if (verb) {
      if (const Entity* e = nearest(tokens_[*verb].end, q.open, /*first=*/true)) return e;
      if (earlier) return earlier;
      if (const Entity* e = nearest(0, tokens_[*verb].start, /*first=*/false)) return e;
    }
    // "…," said Maria Lopez.
    std::size_t seen = 0;
    for (auto k = static_cast<std::size_t>(first_from(tokens_, q.close) - tokens_.begin()); k < tokens_.size(); ++k) {
      if (seen++ >= kVerbAfterQuoteTokens) break;
      if (!is_speech_verb(tokens_[k])) continue;
      if (const Entity* e = nearest(tokens_[k].end, block_.text.size(), /*first=*/true)) return e;
      break;
    }
    return nearest(0, q.open, /*first=*/false, /*people_only=*/true);
  }

  // The block opens with a bare speech verb and names nobody before the quote ("وأضاف: …").
  bool continues_previous(const QuoteSpan& q) const {
    return !verbs_.empty() && verbs_.front() == 0 && !nearest(0, q.open, true);
  }

 private:
  // The first (or last) named person or organization between two block offsets; people first.
  const Entity* nearest(std::size_t from, std::size_t to, bool first, bool people_only = false) const {
    if (const Entity* e = nearest_in(people_, from, to, first)) return e;
    return people_only ? nullptr : nearest_in(orgs_, from, to, first);
  }

  // In text order, the names inside [from, to) are a run: its first or its last is the answer.
  const Entity* nearest_in(const std::vector<const Entity*>& names, std::size_t from, std::size_t to, bool first) const {
    const std::size_t base = block_.span.start8;
    if (first) {
      const auto e = std::partition_point(names.begin(), names.end(), [&](const Entity* n) { return n->span.start8 < base + from; });
      return e != names.end() && (*e)->span.end8 <= base + to ? *e : nullptr;
    }
    const auto e = std::partition_point(names.begin(), names.end(), [&](const Entity* n) { return n->span.end8 <= base + to; });
    return e != names.begin() && (*(e - 1))->span.start8 >= base + from ? *(e - 1) : nullptr;
  }

  const Block& block_;
  const text::Tokens& tokens_;
  std::vector<const Entity*> people_, orgs_;
  std::vector<std::size_t> verbs_;  // indices of the speech verbs among the tokens
};

}  // namespace

std::vector<Quote> find_quotes(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens,
                               const std::vector<Entity>& entities) {
  std::map<int, std::string> fullest;  // cluster → its longest mention, how a speaker is named
  for (const auto& e : entities)
    if (auto& name = fullest[e.cluster]; e.text.size() > name.size()) name = e.text;
  std::vector<Quote> quotes;
  std::optional<std::string> previous;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    const auto spans = quote_spans(block.text, tokens[i]);
    if (spans.empty()) continue;
    const Speakers speakers(block, tokens[i], entities);
    const Entity* earlier = nullptr;
    for (const auto& q : spans) {
      std::optional<std::string> speaker;
      if (const Entity* e = speakers.find(q, earlier)) speaker = fullest[e->cluster], earlier = e;
      else if (speakers.continues_previous(q)) speaker = previous;
      const std::size_t base = block.span.start8;
      quotes.push_back({block.text.substr(q.inner, q.end - q.inner), {base + q.inner, base + q.end}, speaker});
      previous = speaker;
    }
  }
  return quotes;
}

}  // namespace maqal::entities
