#include "entities/quotes.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "entities/false_names.h"
#include "entities/speech.h"
#include "entities/titles.h"
#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

constexpr std::size_t kMinQuoteWords = 3;
// A speech verb this close after a quote introduces its speaker ("…," said X).
constexpr std::size_t kVerbAfterQuoteTokens = 3;
// Words of title and role between a speech verb and the speaker's name ("قال وزير الخارجية
// الأمريكي بلينكن").
constexpr std::size_t kMaxTitleWords = 5;

// A source quoted through whoever reports it is named or described in this many words at most.
constexpr std::size_t kMaxSourceWords = 6;
// A group word ("الوزيران") stands for people among the last this many person mentions.
constexpr std::size_t kGroupLookBack = 50;

const std::vector<std::pair<std::string, std::string>>& quote_marks() {
  static const auto marks = [] {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& row : data::rows("common/quotes.tsv"))
      if (row.size() >= 2) pairs.emplace_back(row[0], row[1]);
    return pairs;
  }();
  return marks;
}

// Tokens and entities are in text order and never overlap: binary searches (text::first_token_from)
// keep a block of thousands of quotes and names linear-logarithmic rather than quadratic.

struct QuoteSpan {
  std::size_t open, inner, end, close;  // block-relative bytes: mark, words, words' end, after mark
};

std::vector<QuoteSpan> quote_spans(const std::string& s, const text::Tokens& tokens) {
  std::vector<QuoteSpan> out;
  // Where each closing mark is next found: an opening mark never closed (100k "«") looks once, not
  // once per mark.
  const auto& marks = quote_marks();
  std::vector<std::size_t> next_close(marks.size(), 0);
  // Words before each token: a pair of marks counts its words with two binary searches, not a scan of
  // the block (100k '"' in a row took minutes).
  std::vector<std::size_t> words_before(tokens.size() + 1, 0);
  for (std::size_t k = 0; k < tokens.size(); ++k)
    words_before[k + 1] = words_before[k] + (tokens[k].kind != text::TokenKind::punct);
  // The bytes an opening mark starts with: most bytes of a block start none, and are passed at once.
  static const auto opening_bytes = [&marks] {
    std::array<bool, 256> bytes{};
    for (const auto& [open, close] : marks) bytes[static_cast<unsigned char>(open[0])] = true;
    return bytes;
  }();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!opening_bytes[static_cast<unsigned char>(s[i])]) continue;
    for (std::size_t m = 0; m < marks.size(); ++m) {
      const auto& [open, close] = marks[m];
      if (s[i] != open[0] || s.compare(i, open.size(), open) != 0) continue;
      const std::size_t inner = i + open.size();
      if (next_close[m] != std::string::npos && next_close[m] < inner) next_close[m] = s.find(close, inner);
      const std::size_t end = next_close[m];
      if (end == std::string::npos) break;
      // Tokens are in order and apart: those within [inner, end) are a run.
      const auto from = text::first_token_from(tokens, inner);
      const auto to = std::partition_point(tokens.begin(), tokens.end(), [&](const text::Token& t) { return t.end <= end; });
      const std::size_t words = to > from ? words_before[to - tokens.begin()] - words_before[from - tokens.begin()] : 0;
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
  bool person = true;  // a person or a group of people, not an organization
};

// How a quote that find() gave no speaker goes on from the previous one's: not at all, with the
// previous speaker, or with a person ("…," she said), which an organization is not.
enum class Continuation { none, previous, person };

class Speakers {
 public:
  // `in_block`: the entities of this block; `before`: those before it (entities are in text order).
  // `speech_verbs`: is_speech_verb()'s answers for the document's forms.
  Speakers(const Block& block, const text::Tokens& tokens, std::span<const Entity> in_block,
           std::span<const Entity> before, const std::vector<Cluster>& clusters, text::FormAnswers& speech_verbs)
      : block_(block), tokens_(tokens), before_(before), clusters_(clusters) {
    for (const auto& e : in_block) {
      if (e.type == "PER" || e.type == "ORG") names_.push_back(&e);
      if (e.type == "PER") people_.push_back(&e);
      if (e.type == "ORG") orgs_.push_back(&e);
    }
    for (std::size_t k = 0; k < tokens.size(); ++k)
      if (speech_verbs(tokens[k], is_speech_verb)) verbs_.push_back(k);
  }

  // Who said the quote. `earlier` said the previous quote of this block.
  std::optional<Speaker> find(const QuoteSpan& q, const std::optional<Speaker>& earlier) const {
    if (auto source = quoted_source(q)) return source;
    std::optional<std::size_t> verb;  // the last one ending before the quote
    const auto after = std::partition_point(verbs_.begin(), verbs_.end(),
                                            [&](std::size_t k) { return tokens_[k].end <= q.open; });
    // Not a verb of an earlier sentence: "Biden said "…." Mikati welcomed it, calling it "…"".
    if (after != verbs_.begin() && !sentence_ends_between(tokens_[*(after - 1)].end, q.open)) verb = *(after - 1);
    if (verb) {
      if (auto s = addresses_listener(tokens_[*verb]) ? std::nullopt : subject_after(*verb, q.open)) return s;
      // No subject after the verb: it goes on from the block's previous quote ("ناقش مع ديرمر
      // "…"، وحث على "…"") or stands before the verb ("بلينكن أكد على "…"").
      if (earlier) return earlier;
      if (const Entity* e = nearest(0, tokens_[*verb].start, /*first=*/false)) return named(*e);
    }
    // "…," said Maria Lopez. With words before the verb ("…," she said; "…," the Spaniard told BBC
    // Sport) the subject is a pronoun or a description, and the name after the verb is no speaker.
    std::size_t seen = 0, words = 0;
    for (auto k = static_cast<std::size_t>(text::first_token_from(tokens_, q.close) - tokens_.begin()); k < tokens_.size(); ++k) {
      if (seen++ >= kVerbAfterQuoteTokens) break;
      if (!is_speech_verb(tokens_[k])) {
        words += tokens_[k].kind != text::TokenKind::punct;
        continue;
      }
      if (const Entity* e = nearest(tokens_[k].end, block_.text.size(), /*first=*/true); e && words == 0) return named(*e);
      break;
    }
    // "…," Fed Chair Jerome Powell told reporters: a person named just after the quote, then the verb.
    if (const Entity* e = nearest(q.close, block_.text.size(), /*first=*/true, /*people_only=*/true);
        e && words_in(q.close, e->span.start8 - block_.span.start8) <= kMaxTitleWords && speech_verb_after(*e))
      return named(*e);
    if (const Entity* e = nearest(0, q.open, /*first=*/false, /*people_only=*/true)) return named(*e);
    return std::nullopt;
  }

  // Who speaks in a block without quotes ("قال ماكرون إن …"): the subject of its last speech verb.
  std::optional<Speaker> reported() const {
    if (verbs_.empty()) return std::nullopt;
    const std::size_t k = verbs_.back();
    if (auto s = addresses_listener(tokens_[k]) ? std::nullopt : subject_after(k, block_.text.size())) return s;
    if (const Entity* e = nearest(0, tokens_[k].start, /*first=*/false)) return named(*e);
    return std::nullopt;
  }

  // The speaker is the one before, named by no one here: the block opens with a speech verb and
  // names nobody before the quote ("وأضاف: …", "She added:"), or a pronoun and a verb follow the
  // quote ("…," she said; "…"، وأضاف), find() having found no name.
  Continuation continuation(const QuoteSpan& q) const {
    const auto by = [&](std::size_t k) {
      return k < tokens_.size() && person_pronoun(tokens_[k]) ? Continuation::person : Continuation::previous;
    };
    if (((!verbs_.empty() && verbs_.front() == 0) || continues_speech(tokens_)) && !nearest(0, q.open, true)) return by(0);
    auto after = text::first_token_from(tokens_, q.close);
    while (after != tokens_.end() && after->kind == text::TokenKind::punct) ++after;
    const auto k = static_cast<std::size_t>(after - tokens_.begin());
    return continues_speech(tokens_, k) ? by(k) : Continuation::none;
  }

  // The person named last before this block: whom "he said" after a quote most likely means when
  // no one spoke before it.
  std::optional<Speaker> last_person_before() const {
    for (auto e = before_.rbegin(); e != before_.rend(); ++e)
      if (e->type == "PER") return named(*e);
    return std::nullopt;
  }

 private:
  // A source quoted through whoever reports it, right before the quote: "ونقلت الوكالة عن مصدر مسؤول
  // قوله: «…»", "Reuters quoted a senior official as saying: "…"": the name between the two words,
  // else the words themselves as its description ("مصدر مسؤول", "a senior official").
  std::optional<Speaker> quoted_source(const QuoteSpan& q) const {
    auto at = text::first_token_from(tokens_, q.open);
    std::size_t saying = static_cast<std::size_t>(at - tokens_.begin());
    while (saying > 0 && tokens_[saying - 1].kind == text::TokenKind::punct) --saying;
    if (saying == 0 || !quotes_source(tokens_[--saying])) return std::nullopt;
    std::size_t from = saying;
    while (from > 0 && saying - from < kMaxSourceWords && !names_quoted_source(tokens_[from - 1])) --from;
    if (from == 0 || from == saying || !names_quoted_source(tokens_[from - 1])) return std::nullopt;
    std::size_t end = saying;  // the description ends before a function word ("as saying")
    while (end > from && function_word(tokens_[end - 1])) --end;
    if (end == from || std::any_of(tokens_.begin() + static_cast<std::ptrdiff_t>(from), tokens_.begin() + static_cast<std::ptrdiff_t>(end),
                                   [](const text::Token& t) { return t.kind != text::TokenKind::word; }))
      return std::nullopt;
    if (const Entity* e = nearest(tokens_[from].start, tokens_[end - 1].end, /*first=*/true)) return named(*e);
    return Speaker{std::string(block_.text.substr(tokens_[from].start, tokens_[end - 1].end - tokens_[from].start)), {}, true};
  }

  // The subject written right after a speech verb (verb-subject order): a name, or a title and
  // up to a few words of role before it, an office word among them naming the office; or a group word.
  std::optional<Speaker> subject_after(std::size_t verb, std::size_t quote_open) const {
    std::string office;  // the office word as written ("مكتب"), when the subject is someone's office
    std::size_t role_words = 0;
    for (std::size_t k = verb + 1; k < tokens_.size() && tokens_[k].end <= quote_open; ++k) {
      const text::Token& t = tokens_[k];
      if (t.kind == text::TokenKind::punct) continue;
      if (const Entity* e = name_starting_in(t)) {
        // An organization after a title word is part of the role ("مدرب برشلونة هانزي فليك"): the person
        // named right after it speaks, if one is.
        if (e->type == "ORG" && role_words > 0)
          if (const Entity* person = person_right_after(*e, quote_open)) e = person;
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
    const std::size_t base = block_.span.start8;
    const auto e = std::partition_point(names_.begin(), names_.end(),
                                        [&](const Entity* n) { return n->span.start8 < base + t.start; });
    return e != names_.end() && (*e)->span.start8 < base + t.end ? *e : nullptr;
  }

  // The people named shortly before this block whose role fits the group, latest mentions last.
  Speaker group_speaker(const SpeakerGroup& group, std::string written) const {
    std::vector<int> fitting;  // clusters, latest mention first
    std::size_t people = 0;
    for (auto e = before_.rbegin(); e != before_.rend() && people < kGroupLookBack; ++e) {
      if (e->type != "PER") continue;
      ++people;
      if (fits(clusters_[e->cluster], group.title) && std::find(fitting.begin(), fitting.end(), e->cluster) == fitting.end())
        fitting.push_back(e->cluster);
    }
    if (group.count > 0 && fitting.size() > group.count) fitting.resize(group.count);
    std::sort(fitting.begin(), fitting.end());
    return {std::move(written), std::move(fitting)};
  }

  // A role starting with the title ("وزير الخارجية الأمريكي" fits "وزير").
  static bool fits(const Cluster& c, const std::string& title) {
    if (title.empty()) return true;
    for (const auto& role : c.roles) {
      const text::Tokens words = text::tokenize(role);
      if (words.empty()) continue;
      for (std::string_view s : text::stems(words.front()))
        if (s == title) return true;
    }
    return false;
  }

  // A full stop (or ? or !) among the tokens inside the block's bytes [from, to).
  bool sentence_ends_between(std::size_t from, std::size_t to) const {
    for (auto t = text::first_token_from(tokens_, from); t != tokens_.end() && t->end <= to; ++t)
      if (t->kind == text::TokenKind::punct && u_hasBinaryProperty(text::code_point_at(t->form(), 0), UCHAR_S_TERM)) return true;
    return false;
  }

  // Words (not punctuation) among the tokens inside the block's bytes [from, to).
  std::size_t words_in(std::size_t from, std::size_t to) const {
    std::size_t words = 0;
    for (auto t = text::first_token_from(tokens_, from); t != tokens_.end() && t->end <= to; ++t)
      words += t->kind != text::TokenKind::punct;
    return words;
  }

  // The first word (not punctuation) after the entity e, or the end of the tokens.
  text::Tokens::const_iterator word_after(const Entity& e) const {
    auto t = text::first_token_from(tokens_, e.span.end8 - block_.span.start8);
    while (t != tokens_.end() && t->kind == text::TokenKind::punct) ++t;
    return t;
  }

  // The word right after the name e is a speech verb ("Jerome Powell told").
  bool speech_verb_after(const Entity& e) const {
    const auto t = word_after(e);
    return t != tokens_.end() && is_speech_verb(*t);
  }

  // The person whose name is the next word after the name e, before the quote.
  const Entity* person_right_after(const Entity& e, std::size_t quote_open) const {
    const auto t = word_after(e);
    if (t == tokens_.end() || t->end > quote_open) return nullptr;
    const Entity* next = name_starting_in(*t);
    return next && next->type == "PER" ? next : nullptr;
  }

  Speaker named(const Entity& e) const { return {clusters_[e.cluster].name, {e.cluster}, e.type == "PER"}; }

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
  std::span<const Entity> before_;
  const std::vector<Cluster>& clusters_;
  std::vector<const Entity*> names_, people_, orgs_;  // people and organizations; each kind apart
  std::vector<std::size_t> verbs_;  // indices of the speech verbs among the tokens
};

}  // namespace

bool is_quote_mark(std::string_view s) {
  for (const auto& [open, close] : quote_marks())
    if (s == open || s == close) return true;
  return false;
}

std::vector<Quote> find_quotes(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens,
                               const std::vector<Entity>& entities, const std::vector<Cluster>& clusters) {
  std::vector<Quote> quotes;
  std::optional<Speaker> previous;
  std::size_t first = 0;  // the first entity not before the block
  text::FormAnswers speech_verbs;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    while (first < entities.size() && entities[first].span.start8 < block.span.start8) ++first;
    std::size_t last = first;
    while (last < entities.size() && entities[last].span.end8 <= block.span.end8) ++last;
    const auto spans = quote_spans(block.text, tokens[i]);
    const Speakers speakers(block, tokens[i], std::span(entities).subspan(first, last - first),
                            std::span(entities).first(first), clusters, speech_verbs);
    if (spans.empty()) {
      if (auto speaker = speakers.reported()) previous = std::move(speaker);
      continue;
    }
    std::optional<Speaker> earlier;
    for (const auto& q : spans) {
      std::optional<Speaker> speaker = speakers.find(q, earlier);
      if (!speaker) {
        const Continuation c = speakers.continuation(q);
        if (c == Continuation::person && previous && !previous->person) speaker = speakers.last_person_before();
        if (!speaker && c != Continuation::none) speaker = previous ? previous : speakers.last_person_before();
      }
      if (!speaker) speaker = earlier;  // a paragraph's quotes go on with the speaker of its earlier one
      earlier = speaker;
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
