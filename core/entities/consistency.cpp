#include "entities/consistency.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <string>
#include <unordered_map>

#include "entities/false_names.h"
#include "entities/quotes.h"
#include "entities/titles.h"
#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"
#include "text/word_set.h"

namespace maqal::entities {
namespace {

// A one-word name that may not spread: the model tagging a function or title word is a mistake.
bool never_spreads(const text::Token& t) {
  return t.kind == text::TokenKind::word &&
         (function_word(t) || title_word(t) != Title::none || speaker_group(t).has_value());
}


// The types the model gave a name in the document (a one-word name its frame typed counting
// twice), and the type its other occurrences take: the type given most often (a tie: none, -1) in
// sentences and bylines, or in the other styled lines (a headline's capitals are style: "Liverpool go
// top as Salah double sinks Chelsea") when none of those has the name; for a one-word name, only if
// given at least twice.
struct Votes {
  int count[ner::kTypes] = {};         // in sentences and bylines
  int styled_count[ner::kTypes] = {};  // in headlines and link lines
  bool one_word = false;
  int most_given() const {
    const int* counts = std::all_of(count, count + ner::kTypes, [](int n) { return n == 0; }) ? styled_count : count;
    const int* best = std::max_element(counts, counts + ner::kTypes);
    return std::count(counts, counts + ner::kTypes, *best) > 1 ? -1 : static_cast<int>(best - counts);
  }
  int given() const {  // how many mentions the model typed
    return std::accumulate(count, count + ner::kTypes, 0) + std::accumulate(styled_count, styled_count + ner::kTypes, 0);
  }
  int spread_type() const {
    const int type = most_given();
    return type < 0 || !one_word || count[type] + styled_count[type] >= 2 ? type : -1;
  }
};

// Two persons side by side, nothing between them but an initial's period, are one person the model
// broke in two ("محمد | صديق", "van | Nistelrooy", "Donald J | . | Trump"); a second one written with a
// conjunction ("و…") is another person.
void join_adjacent_persons(ner::Sequence& s) {
  const auto& tokens = *s.tokens;
  auto second_person = [&](const text::Token& t) {
    return !text::without_conjunction(t.form()).empty() && !ner::is_given_name(t.form());
  };
  auto side_by_side = [&](const ner::Mention& a, const ner::Mention& b) {
    if (a.last == b.first) return true;
    const text::Token& initial = tokens[a.last - 1];
    return a.last + 1 == b.first && tokens[a.last].form() == "." && initial.kind == text::TokenKind::word &&
           text::count_code_points(initial.form()) == 1;
  };
  std::vector<ner::Mention>& mentions = s.mentions;
  std::size_t kept = 0;
  for (const ner::Mention& m : mentions) {
    ner::Mention* before = kept > 0 ? &mentions[kept - 1] : nullptr;
    if (before && before->type == 0 && m.type == 0 && side_by_side(*before, m) && !second_person(tokens[m.first])) {
      before->last = m.last;
      before->headed = before->headed || m.headed;
    } else {
      mentions[kept++] = m;
    }
  }
  mentions.resize(kept);
}

// A byline names its writers: a name of several words there is a person ("By Casey Ross and Tara
// Bannow", whose second the model took for an organization; the lexicons' "Reuters" is found apart).
void type_writers(ner::Sequence& s) {
  if (!s.byline) return;
  for (ner::Mention& m : s.mentions)
    if (m.last - m.first > 1) m.type = 0;
}

// A place's name standing alone between quotation marks names something else, mostly a newspaper
// or a company: "لـ« الشرق الأوسط »" (in ANERcorp's training part a quoted name is an organization
// 113 times, a place 12). Its frame types it as a head word would: it is headed.
void type_quoted_places(ner::Sequence& s) {
  const auto& tokens = *s.tokens;
  for (ner::Mention& m : s.mentions)
    if (m.type == 2 && m.first > 0 && m.last < tokens.size() && is_quote_mark(tokens[m.first - 1].form()) &&
        is_quote_mark(tokens[m.last].form()))
      m.type = 1, m.headed = true;
}

}  // namespace

void make_names_consistent(std::vector<ner::Sequence>& document, const ner::InDocument* in_document) {
  for (ner::Sequence& s : document) {
    drop_false_names(s);
    type_by_head(s);
    join_club_names(s);
    type_persons_after_titles_or_nationalities(s);
    grow_persons_by_given_names(s);
    name_subjects_of_verbs(s);
    join_adjacent_persons(s);
    type_writers(s);
    type_quoted_places(s);
    name_quoted_titles(s);
    name_after_descriptors(s);
    name_clubs_before_countries(s);
  }
  drop_styled_common_words(document);
  drop_sentence_openers_written_lower(document);
  name_clubs_in_match_frames(document);
  type_by_apposition(document);
  ner::propagate(document);
  for (ner::Sequence& s : document)  // after propagate(), which spreads a person's last word ("Everfit AI")
    std::erase_if(s.mentions, [&](const ner::Mention& m) {
      return common_terms_only(s.text, *s.tokens, m) || letter_alone(*s.tokens, m);
    });
  text::WordSet words;  // every folded word: name_norm()'s evidence for bare forms
  const ner::InDocument own_in_document = [&](std::string_view w) {
    if (words.empty())  // built on the first question: most names never ask (no proclitic)
      for (const auto& s : document)
        for (const auto& t : *s.tokens)
          if (t.kind == text::TokenKind::word) words.insert(t.form());
    return words.contains(w);
  };
  const ner::InDocument& in_doc = in_document ? *in_document : own_in_document;
  // A name's key: its folded norm, worked out once per spelling of its tokens (the folded forms and
  // whether blank separates them), since fold() is slow and a document repeats its names. Most
  // spellings asked for are the candidates below, which a long document rarely repeats: the cache
  // starts over at kKeysKept (unbounded, 8.6 MB of English news kept 110 MB of them; at 1 << 14, a
  // megabyte of Arabic text held 1.3 MB more at its peak, at 1 << 12 0.8 MB more, for 0.1% fewer
  // instructions than now, 1% fewer on a megabyte of English).
  constexpr std::size_t kKeysKept = 1 << 10;
  text::StringMap<std::string> keys;
  const auto key = [&](const ner::Sequence& s, const ner::Mention& m) -> const std::string& {
    const auto& tokens = *s.tokens;
    std::string forms;
    for (std::size_t i = m.first; i < m.last; ++i) {
      if (i > m.first) forms += tokens[i - 1].end < tokens[i].start ? ' ' : '\x01';
      forms += tokens[i].form();
    }
    if (keys.size() >= kKeysKept) keys.clear();
    auto [it, added] = keys.try_emplace(std::move(forms));
    if (added) it->second = text::fold(ner::name_norm(s.text, tokens, m, in_doc));
    return it->second;
  };

  text::StringMap<Votes> names;  // node-based: the pointers below stay valid
  std::vector<std::pair<ner::Mention*, const Votes*>> voters;
  // Stems of names' first and last words: which tokens to try.
  text::WordSet first_words, last_words;
  std::set<std::size_t, std::greater<>> lengths;    // names' token counts, longest first
  // The names of several words by their last word as written: their token counts and spellings (the
  // first word also without its clitics), which say what a mention may grow into with no fold.
  std::unordered_map<std::string_view, std::vector<std::pair<std::size_t, std::string>>> longer_names;
  const auto spelling = [](const text::Tokens& tokens, std::string_view first_word, std::size_t from, std::size_t to) {
    std::string out(first_word);
    for (std::size_t i = from; i < to; ++i) (out += '\x01') += tokens[i].form();
    return out;
  };
  const auto spelled_as = [](std::string_view spelled, const text::Tokens& tokens, std::string_view first_word,
                             std::size_t from, std::size_t to) {  // spelling() == spelled, with no string made
    if (!spelled.starts_with(first_word)) return false;
    spelled.remove_prefix(first_word.size());
    for (std::size_t i = from; i < to; ++i) {
      if (spelled.empty() || spelled[0] != '\x01' || !spelled.substr(1).starts_with(tokens[i].form())) return false;
      spelled.remove_prefix(1 + tokens[i].form().size());
    }
    return spelled.empty();
  };
  for (auto& s : document) {
    if (list_line(*s.tokens)) continue;  // out of a sentence: no evidence of what its words are
    for (ner::Mention& m : s.mentions) {
      if (m.last - m.first == 1 && never_spreads((*s.tokens)[m.first])) continue;
      Votes& votes = names[key(s, m)];
      // A one-word name its frame typed (a club before its country or a score, a quoted title after
      // a work's word, a person after a title) counts twice: a lone word says little of its type,
      // its frame more than the model's guesses elsewhere ("ليل ( فرنسا )", then "تعادل ليل").
      // Not names of several words: a quoted newspaper and a region, "« الشرق الأوسط »" and "الشرق
      // الأوسط", share an article. A byline's names count as a sentence's (type_writers() typed them).
      (s.styled && !s.byline ? votes.styled_count : votes.count)[m.type] += m.headed && m.last - m.first == 1 ? 2 : 1;
      votes.one_word = m.last - m.first == 1;
      voters.emplace_back(&m, &votes);
      for (std::string_view w : text::stems((*s.tokens)[m.first])) first_words.insert(w);
      for (std::string_view w : text::stems((*s.tokens)[m.last - 1])) last_words.insert(w);
      if (m.last - m.first > 1) {
        auto& ending_so = longer_names[(*s.tokens)[m.last - 1].form()];
        for (std::string_view w : text::stems((*s.tokens)[m.first])) {
          std::pair<std::size_t, std::string> name{m.last - m.first, spelling(*s.tokens, w, m.first + 1, m.last)};
          if (std::find(ending_so.begin(), ending_so.end(), name) == ending_so.end()) ending_so.push_back(std::move(name));
        }
      }
      lengths.insert(m.last - m.first);
    }
  }
  if (names.empty()) return;

  // One name, one type: a mention whose own words did not type it takes the type given most often to
  // the name's mentions ("Yahoo", a company in most sentences, a place or a person in a few).
  for (const auto& [m, votes] : voters)
    if (const int type = votes->most_given(); type >= 0 && !m->headed) m->type = type;

  // A name ending in a person's last word with "'s" is that person: "Arne Slot's" (side), which the
  // model made an organization, "Guardiola's", a work of art, where "Slot" and "Guardiola" are persons
  // elsewhere. (Not every name ending in such a word: "Faber-Castell", "Elm Coulee" name a firm and a
  // place.)
  text::WordSet person_words;
  for (const auto& s : document)
    for (const ner::Mention& m : s.mentions)
      if (m.type == 0) person_words.insert((*s.tokens)[m.last - 1].form());
  for (auto& s : document)
    for (ner::Mention& m : s.mentions) {
      const std::string_view last = (*s.tokens)[m.last - 1].form();
      if (m.type != 0 && !m.headed && last.ends_with("'s") &&
          person_words.contains(last.substr(0, last.size() - 2)))
        m.type = 0;
    }

  // A mention inside an occurrence of a longer name the document has is that name: the model's "مون"
  // where the words before it make "بان كي مون", found whole elsewhere (not into another mention).
  const std::size_t longest = *lengths.begin();
  for (ner::Sequence& s : document) {
    if (longer_names.empty() || list_line(*s.tokens)) continue;
    const auto& tokens = *s.tokens;
    auto& mentions = s.mentions;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
      ner::Mention& m = mentions[k];
      // Persons only: growing every mention cost twice the instructions for no more on the folds.
      if (m.type != 0) continue;
      const std::size_t from = k > 0 ? mentions[k - 1].last : 0;
      const std::size_t to = std::min(k + 1 < mentions.size() ? mentions[k + 1].first : tokens.size(), m.first + longest);
      ner::Mention grown = m;
      for (std::size_t last = m.last; last <= to; ++last) {
        const auto names_ending = longer_names.find(tokens[last - 1].form());
        if (names_ending == longer_names.end()) continue;
        for (const auto& name : names_ending->second) {
          const std::size_t length = name.first;
          const std::string& spelled = name.second;  // not a structured binding: clang 14 captures none
          if (length <= grown.last - grown.first || length > last || last - length > m.first || last - length < from) continue;
          const std::size_t first = last - length;
          const auto stems = text::stems(tokens[first]);
          if (std::none_of(stems.begin(), stems.end(),
                           [&](std::string_view w) { return spelled_as(spelled, tokens, w, first + 1, last); }))
            continue;
          const auto it = names.find(key(s, ner::Mention{first, last, 0}));
          const int type = it == names.end() ? -1 : it->second.spread_type();
          if (type >= 0) grown = ner::Mention{first, last, type, m.headed};
        }
      }
      m = grown;
    }
  }

  // Whether a token may begin or end a name, by its stems: asked once per distinct form.
  const auto stem_in = [](const text::WordSet& set) {
    return [&set](const text::Token& t) {
      const auto stems = text::stems(t);
      return std::any_of(stems.begin(), stems.end(), [&](std::string_view w) { return set.contains(w); });
    };
  };
  const auto begins_a_name = stem_in(first_words), ends_a_name = stem_in(last_words);
  text::FormAnswers may_begin, may_end;
  // A one-word name spreads unless the model left it untagged far more often than it tagged it: a
  // common word it took for a name a few times ("سنة", a year, twice "Sunnis" in a long paste).
  constexpr int kMaxUntaggedPerTagged = 4;
  std::vector<std::vector<std::pair<ner::Mention, const Votes*>>> added(document.size());
  std::unordered_map<const Votes*, int> untagged;
  for (std::size_t k = 0; k < document.size(); ++k) {
    const ner::Sequence& s = document[k];
    const auto& tokens = *s.tokens;
    std::vector<bool> taken(tokens.size() + 1, false);  // in or next to a mention: part of a longer name?
    for (const ner::Mention& m : s.mentions)
      for (std::size_t i = m.first > 0 ? m.first - 1 : 0; i <= m.last && i < taken.size(); ++i) taken[i] = true;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (taken[i] || text::first_letter_case(s.text.substr(tokens[i].start, tokens[i].end - tokens[i].start)) == text::LetterCase::lower ||
          !may_begin(tokens[i], begins_a_name))
        continue;
      for (std::size_t length : lengths) {
        const std::size_t last = i + length;
        if (last > tokens.size() || !may_end(tokens[last - 1], ends_a_name)) continue;
        if (std::any_of(taken.begin() + i, taken.begin() + last, [](bool t) { return t; })) continue;
        const ner::Mention candidate{i, last, 0};
        const auto it = names.find(key(s, candidate));
        const int type = it == names.end() ? -1 : it->second.spread_type();
        if (type < 0) continue;
        added[k].emplace_back(ner::Mention{i, last, type}, &it->second);
        if (length == 1) ++untagged[&it->second];
        for (std::size_t j = i; j <= last && j < taken.size(); ++j) taken[j] = true;
        break;
      }
    }
  }
  for (std::size_t k = 0; k < document.size(); ++k) {
    ner::Sequence& s = document[k];
    for (const auto& [m, votes] : added[k])
      if (m.last - m.first > 1 || untagged[votes] <= kMaxUntaggedPerTagged * votes->given()) s.mentions.push_back(m);
    if (added[k].empty()) continue;
    std::sort(s.mentions.begin(), s.mentions.end(),
              [](const ner::Mention& a, const ner::Mention& b) { return a.first < b.first; });
  }
}

}  // namespace maqal::entities
