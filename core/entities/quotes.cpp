#include "entities/quotes.h"

#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "entities/speech.h"
#include "entities/titles.h"
#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"

namespace maqal::entities {
namespace {

constexpr std::size_t kMinQuoteWords = 3;
// A speech verb this close after a quote introduces its speaker ("…," said X).
constexpr std::size_t kVerbAfterQuoteTokens = 3;
// Words of title and role between a speech verb and the speaker's name ("قال وزير الخارجية
// الأمريكي بلينكن").
constexpr std::size_t kMaxTitleWords = 5;

const std::vector<std::pair<std::string, std::string>>& quote_marks() {
  static const auto marks = [] {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& row : data::rows("common/quotes.tsv"))
      if (row.size() >= 2) pairs.emplace_back(row[0], row[1]);
    return pairs;
  }();
  return marks;
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
      std::size_t words = 0;
      for (const auto& t : tokens) words += t.kind != text::TokenKind::punct && t.start >= inner && t.end <= end;
      if (words >= kMinQuoteWords) out.push_back({i, inner, end, end + close.size()});
      i = end + close.size() - 1;
      break;
    }
  }
  return out;
}

struct Speaker {
  std::string name;
  std::vector<int> clusters;
};

class Speakers {
 public:
  // `in_block`: the entities of this block (entities are in text order).
  Speakers(const Block& block, const text::Tokens& tokens, std::span<const Entity> in_block,
           const std::vector<Entity>& entities, const std::vector<Cluster>& clusters)
      : block_(block), tokens_(tokens), entities_(entities), clusters_(clusters) {
    for (const auto& e : in_block)
      if (e.type == "PER" || e.type == "ORG") names_.push_back(&e);
  }

  // Who said the quote. `earlier` said the previous quote of this block.
  std::optional<Speaker> find(const QuoteSpan& q, const std::optional<Speaker>& earlier) const {
    std::optional<std::size_t> verb;
    for (std::size_t k = 0; k < tokens_.size() && tokens_[k].end <= q.open; ++k)
      if (is_speech_verb(tokens_[k])) verb = k;
    if (verb) {
      if (auto s = subject_after(*verb, q.open)) return s;
      // No subject after the verb: it goes on from the block's previous quote ("ناقش مع ديرمر
      // "…"، وحث على "…"") or stands before the verb ("بلينكن أكد على "…"").
      if (earlier) return earlier;
      if (const Entity* e = nearest(0, tokens_[*verb].start, /*first=*/false)) return named(*e);
    }
    // "…," said Maria Lopez.
    std::size_t seen = 0;
    for (std::size_t k = 0; k < tokens_.size(); ++k) {
      if (tokens_[k].start < q.close) continue;
      if (seen++ >= kVerbAfterQuoteTokens) break;
      if (!is_speech_verb(tokens_[k])) continue;
      if (const Entity* e = nearest(tokens_[k].end, block_.text.size(), /*first=*/true)) return named(*e);
      break;
    }
    if (const Entity* e = nearest(0, q.open, /*first=*/false, /*people_only=*/true)) return named(*e);
    return std::nullopt;
  }

  // Who speaks in a block without quotes ("قال ماكرون إن …"): the subject of its last speech verb.
  std::optional<Speaker> reported() const {
    for (std::size_t k = tokens_.size(); k-- > 0;) {
      if (!is_speech_verb(tokens_[k])) continue;
      if (auto s = subject_after(k, block_.text.size())) return s;
      if (const Entity* e = nearest(0, tokens_[k].start, /*first=*/false)) return named(*e);
      return std::nullopt;
    }
    return std::nullopt;
  }

  // The block opens with a speech verb and names nobody before the quote ("وأضاف: …", "She added:").
  bool continues_previous(const QuoteSpan& q) const {
    return !tokens_.empty() && (is_speech_verb(tokens_.front()) || continues_speech(tokens_)) &&
           !nearest(0, q.open, true);
  }

 private:
  // The subject written right after a speech verb (verb-subject order): a name, or a title and
  // up to a few words of role before it, an office word among them naming the office; or a group word.
  std::optional<Speaker> subject_after(std::size_t verb, std::size_t quote_open) const {
    std::string office;  // the office word as written ("مكتب"), when the subject is someone's office
    std::size_t role_words = 0;
    for (std::size_t k = verb + 1; k < tokens_.size() && tokens_[k].end <= quote_open; ++k) {
      const text::Token& t = tokens_[k];
      if (t.kind == text::TokenKind::punct) continue;
      if (const Entity* e = name_starting_in(t)) {
        Speaker s = named(*e);
        if (!office.empty()) s.name = office + " " + s.name;
        return s;
      }
      const Title title = title_word(t);
      if (role_words == 0 && title == Title::none) {
        if (auto group = speaker_group(t)) return group_speaker(*group, block_.text.substr(t.start, t.end - t.start));
        return std::nullopt;
      }
      if (++role_words > kMaxTitleWords) return std::nullopt;
      if (title == Title::office && office.empty()) office = block_.text.substr(t.start, t.end - t.start);
    }
    return std::nullopt;
  }

  const Entity* name_starting_in(const text::Token& t) const {
    for (const Entity* e : names_) {
      const std::size_t start = e->span.start8 - block_.span.start8;
      if (start >= t.start && start < t.end) return e;
    }
    return nullptr;
  }

  // The people named before this block whose role fits the group, latest mentions last.
  Speaker group_speaker(const SpeakerGroup& group, std::string written) const {
    std::vector<int> fitting;  // clusters, by latest mention
    for (const auto& e : entities_) {
      if (e.span.start8 >= block_.span.start8) break;
      if (e.type != "PER" || !fits(clusters_[e.cluster], group.title)) continue;
      fitting.erase(std::remove(fitting.begin(), fitting.end(), e.cluster), fitting.end());
      fitting.push_back(e.cluster);
    }
    if (group.count > 0 && fitting.size() > group.count) fitting.erase(fitting.begin(), fitting.end() - group.count);
    std::sort(fitting.begin(), fitting.end());
    return {std::move(written), std::move(fitting)};
  }

  // A role starting with the title ("وزير الخارجية الأمريكي" fits "وزير").
  static bool fits(const Cluster& c, const std::string& title) {
    if (title.empty()) return true;
    for (const auto& role : c.roles) {
      const text::Tokens words = text::tokenize(role);
      if (words.empty()) continue;
      for (std::string_view s : text::stems(words.front().form))
        if (s == title) return true;
    }
    return false;
  }

  Speaker named(const Entity& e) const { return {clusters_[e.cluster].name, {e.cluster}}; }

  // The first (or last) named person or organization between two block offsets; people first.
  const Entity* nearest(std::size_t from, std::size_t to, bool first, bool people_only = false) const {
    const Entity* best = nullptr;
    for (const char* type : {"PER", "ORG"}) {
      if (people_only && std::string_view(type) == "ORG") break;
      for (const Entity* e : names_) {
        const std::size_t start = e->span.start8 - block_.span.start8, end = e->span.end8 - block_.span.start8;
        if (e->type != type || start < from || end > to) continue;
        if (!best || (first ? start < best->span.start8 - block_.span.start8 : start > best->span.start8 - block_.span.start8))
          best = e;
      }
      if (best) return best;
    }
    return nullptr;
  }

  const Block& block_;
  const text::Tokens& tokens_;
  const std::vector<Entity>& entities_;
  const std::vector<Cluster>& clusters_;
  std::vector<const Entity*> names_;
};

}  // namespace

std::vector<Quote> find_quotes(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens,
                               const std::vector<Entity>& entities, const std::vector<Cluster>& clusters) {
  std::vector<Quote> quotes;
  std::optional<Speaker> previous;
  std::size_t first = 0;  // the first entity not before the block
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    while (first < entities.size() && entities[first].span.start8 < block.span.start8) ++first;
    std::size_t last = first;
    while (last < entities.size() && entities[last].span.end8 <= block.span.end8) ++last;
    const auto spans = quote_spans(block.text, tokens[i]);
    const Speakers speakers(block, tokens[i], std::span(entities).subspan(first, last - first), entities, clusters);
    if (spans.empty()) {
      if (auto speaker = speakers.reported()) previous = std::move(speaker);
      continue;
    }
    std::optional<Speaker> earlier;
    for (const auto& q : spans) {
      std::optional<Speaker> speaker = speakers.find(q, earlier);
      if (speaker) earlier = speaker;
      else if (speakers.continues_previous(q)) speaker = previous;
      const std::size_t base = block.span.start8;
      Quote quote{block.text.substr(q.inner, q.end - q.inner), {base + q.inner, base + q.end}, std::nullopt, {}};
      if (speaker) quote.speaker = speaker->name, quote.speaker_clusters = speaker->clusters;
      quotes.push_back(std::move(quote));
      previous = speaker;
    }
  }
  return quotes;
}

}  // namespace maqal::entities
