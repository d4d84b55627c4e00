#include "entities/compose.h"

#include <algorithm>
#include <optional>
#include <string>

#include "entities/false_names.h"
#include "entities/lexicon.h"
#include "entities/ner.h"
#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

struct Phrase {
  std::vector<std::string> words;  // folded
  std::string type, value;         // modifiers: entity type and mark; heads: English name
};

std::vector<Phrase> load(std::string_view file, bool typed) {
  std::vector<Phrase> out;
  for (const auto& row : data::rows_all_languages(file)) {
    if (row.size() < (typed ? 3u : 2u)) continue;
    Phrase p;
    for (auto& t : text::tokenize(row[typed ? 1 : 0])) p.words.emplace_back(t.form());
    if (typed) p.type = std::string(row[0]);
    p.value = std::string(row[typed ? 2 : 1]);
    out.push_back(std::move(p));
  }
  return out;
}

// The phrase's words at tokens[from...]; its first word may carry a clitic ("وأكثر من").
bool matches_at(const text::Tokens& tokens, std::size_t from, const Phrase& p) {
  if (p.words.empty()) return true;
  if (from + p.words.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < p.words.size(); ++k)
    if (tokens[from + k].kind == text::TokenKind::punct || (k > 0 && tokens[from + k].form() != p.words[k])) return false;
  // A stem is the word or a prefix or suffix of it: most words are turned away before stems().
  const std::string_view first = tokens[from].form();
  if (!first.starts_with(p.words[0]) && !first.ends_with(p.words[0])) return false;
  const text::Stems stems = text::stems(first);
  return std::find(stems.begin(), stems.end(), p.words[0]) != stems.end();
}

// Tokens are in text order: a binary search, so a line of 100k names is not quadratic.
std::optional<std::size_t> token_starting(const text::Tokens& tokens, std::size_t at) {
  const auto it = text::first_token_from(tokens, at);
  if (it == tokens.end() || it->start != at) return std::nullopt;
  return static_cast<std::size_t>(it - tokens.begin());
}

std::optional<std::size_t> token_ending(const text::Tokens& tokens, std::size_t at) {
  const auto it = std::partition_point(tokens.begin(), tokens.end(), [&](const text::Token& t) { return t.end < at; });
  if (it == tokens.end() || it->end != at) return std::nullopt;
  return static_cast<std::size_t>(it - tokens.begin());
}

void set_span(std::string_view line, Entity& e, std::size_t start, std::size_t end) {
  e.span.start8 = start;
  e.span.end8 = end;
  e.text = std::string(line.substr(start, end - start));
}

bool overlaps_none(const std::vector<Entity>& entities, std::size_t start, std::size_t end) {
  return std::none_of(entities.begin(), entities.end(),
                      [&](const Entity& e) { return start < e.span.end8 && e.span.start8 < end; });
}

// Nothing found on the line, in words or in patterns (a hashtag, a URL), lies in [start, end).
bool free_of_entities(const std::vector<Entity>& found, const std::vector<Entity>& taken, std::size_t start,
                      std::size_t end) {
  return overlaps_none(found, start, end) && overlaps_none(taken, start, end);
}

// The modifiers that may qualify an entity of each type, in the file's order: its type's, and for an
// amount a number's too ("more than $5 million"). Most entities' types have none.
using ModifiersByType = std::vector<std::pair<std::string, std::vector<const Phrase*>>>;
const ModifiersByType& modifiers_by_type() {
  static const std::vector<Phrase> modifiers = load("modifiers.tsv", true);
  static const ModifiersByType table = [] {
    std::vector<std::string> types = {"MONEY", "PERCENT"};
    for (const auto& m : modifiers)
      if (std::find(types.begin(), types.end(), m.type) == types.end()) types.push_back(m.type);
    ModifiersByType out;
    for (const auto& type : types) {
      const bool amount = type == "MONEY" || type == "PERCENT";
      std::vector<const Phrase*> list;
      for (const auto& m : modifiers)
        if (m.type == type || (amount && m.type == "NUMBER")) list.push_back(&m);
      if (!list.empty()) out.emplace_back(type, std::move(list));
    }
    return out;
  }();
  return table;
}

void qualify(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found,
             const std::vector<Entity>& taken) {
  const ModifiersByType& by_type = modifiers_by_type();
  for (auto& e : found) {
    const auto modifiers = std::find_if(by_type.begin(), by_type.end(), [&](const auto& t) { return t.first == e.type; });
    if (modifiers == by_type.end()) continue;
    const auto first = token_starting(tokens, e.span.start8);
    if (!first) continue;
    // A hyphen may join the qualifier to it ("mid-June").
    const std::size_t before = *first - (*first > 0 && text::joining_hyphen(tokens, *first - 1));
    for (const Phrase* m : modifiers->second) {
      if (before < m->words.size()) continue;
      const std::size_t from = before - m->words.size();
      if (!matches_at(tokens, from, *m) || !free_of_entities(found, taken, tokens[from].start, tokens[before - 1].end)) continue;
      set_span(line, e, tokens[from].start, e.span.end8);
      // ">2000000", "late XXXX-05"; a mark stands for a vague number's own ("about thousands": ~1000)
      if (m->value.size() == 1 && e.norm.starts_with('>')) e.norm.erase(0, 1);
      e.norm = m->value.size() == 1 ? m->value + e.norm : m->value + ' ' + e.norm;
      break;
    }
  }
}

// The folded endings that make a noun or adjective feminine (core/lang/*/agreement.tsv: Arabic's ة).
const std::vector<std::string>& feminine_endings() {
  static const auto endings = [] {
    std::vector<std::string> out;
    for (const auto& row : data::rows_all_languages("agreement.tsv"))
      if (row.size() > 1 && row[0] == "feminine_ending") out.push_back(text::fold(row[1]));
    return out;
  }();
  return endings;
}

// The nouns a place follows in construct, whose adjective comes after the place (agreement.tsv
// construct_head: "شمال", "مطار"), folded.
const text::StringSet& construct_heads() {
  static const auto heads = [] {
    text::StringSet out;
    for (const auto& row : data::rows_all_languages("agreement.tsv"))
      if (row.size() > 1 && row[0] == "construct_head") out.insert(text::fold(row[1]));
    return out;
  }();
  return heads;
}

// Noun and adjective agree in gender: both end in a feminine ending or neither does. Languages
// without such endings always agree.
bool agree(std::string_view noun, std::string_view adjective) {
  for (const auto& f : feminine_endings())
    if (noun.ends_with(f) != adjective.ends_with(f)) return false;
  return true;
}

void name_institutions(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found,
                       const std::vector<Entity>& taken) {
  static const std::vector<Phrase> heads = load("org_heads.tsv", false);
  for (auto& e : found) {
    if (e.type != "NORP") continue;
    const auto first = token_starting(tokens, e.span.start8);
    const auto last = token_ending(tokens, e.span.end8);
    if (!first || !last) continue;
    for (const auto& h : heads) {
      const std::size_t n = h.words.size();
      std::optional<std::size_t> start, end;
      const std::string_view adjective = tokens[*first].form();
      if (*first >= n && matches_at(tokens, *first - n, h) && agree(tokens[*first - 1].form(), adjective))
        start = tokens[*first - n].start;  // الخارجية الأمريكية
      else if (matches_at(tokens, *last + 1, h))
        end = tokens[*last + n].end;  // Israeli army
      if (!start && !end) continue;
      const std::size_t from = start.value_or(e.span.start8), to = end.value_or(e.span.end8);
      if (!free_of_entities(found, taken, from, start ? e.span.start8 : e.span.end8) &&
          !free_of_entities(found, taken, end ? e.span.end8 : from, to))
        continue;
      e.type = "ORG";
      e.norm = e.norm + ' ' + h.value;
      set_span(line, e, from, to);
      break;
    }
  }
}

bool written_with_article(const text::Token& t) {
  const text::Stems stems = text::stems(t);
  return std::any_of(stems.begin(), stems.end(), [](std::string_view s) { return !text::without_article(s).empty(); });
}

// A place followed by the masculine of a nationality adjective is a team (team_adjective()).
void name_teams(const text::Tokens& tokens, std::vector<Entity>& found) {
  for (std::size_t k = 0; k + 1 < found.size(); ++k) {
    Entity& place = found[k];
    if (place.type != "LOC" || found[k + 1].type != "NORP") continue;
    const auto first = token_starting(tokens, place.span.start8);
    const auto last = token_ending(tokens, place.span.end8);
    const auto adjective = token_starting(tokens, found[k + 1].span.start8);
    if (first && last && adjective && *adjective == *last + 1 && team_adjective(tokens, *first, *adjective))
      place.type = "ORG";
  }
}

}  // namespace

bool masculine_nationality(std::string_view word) {
  const auto& endings = feminine_endings();
  const auto ends_in = [&](const std::string& f) { return word.ends_with(f); };
  const auto feminine_listed = [&](const std::string& f) {
    const text::Tokens feminine = text::tokenize(std::string(word) + f);
    const LexMatch m = lexicon().longest(feminine, 0);
    return m.tokens == 1 && m.entry->type == "NORP";
  };
  return std::none_of(endings.begin(), endings.end(), ends_in) &&
         std::any_of(endings.begin(), endings.end(), feminine_listed);
}

bool team_adjective(const text::Tokens& tokens, std::size_t first, std::size_t adjective) {
  const text::Token& a = tokens[adjective];  // the cheap tests first: this runs for every place
  if (a.kind != text::TokenKind::word || text::without_article(a.form()).empty() || written_with_article(tokens[first]))
    return false;
  if (first > 0 && tokens[first - 1].kind == text::TokenKind::word) {
    const text::Stems stems = text::stems(tokens[first - 1]);
    if (std::any_of(stems.begin(), stems.end(), [](std::string_view w) { return construct_heads().contains(w); }))
      return false;
  }
  return masculine_nationality(a.form());
}

void join_nationalities(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found,
                        std::size_t names_from) {
  const auto lexicon_end = found.begin() + static_cast<std::ptrdiff_t>(names_from);
  bool joined = false;
  for (std::size_t k = names_from; k < found.size(); ++k) {
    Entity& org = found[k];
    if (org.type != "ORG") continue;
    const auto last = token_ending(tokens, org.span.end8);
    if (!last || *last + 1 >= tokens.size()) continue;
    const text::Token& word = tokens[*last + 1];
    const auto adjective = std::partition_point(found.begin(), lexicon_end,
                                                [&](const Entity& e) { return e.span.start8 < word.start; });
    if (adjective == lexicon_end || adjective->type != "NORP" || adjective->span.start8 != word.start ||
        adjective->span.end8 != word.end)
      continue;
    if (!written_with_article(tokens[*last]) || !written_with_article(word) || !agree(tokens[*last].form(), word.form()))
      continue;
    const bool person_next = k + 1 < found.size() && found[k + 1].type == "PER" && *last + 2 < tokens.size() &&
                             found[k + 1].span.start8 == tokens[*last + 2].start;
    if (person_next) continue;
    (org.norm += ' ') += adjective->text;
    set_span(line, org, org.span.start8, word.end);
    adjective->type.clear();  // joined: erased below
    joined = true;
  }
  if (joined) std::erase_if(found, [](const Entity& e) { return e.type.empty(); });
}

void join_institution_heads(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found) {
  bool joined = false;
  for (std::size_t k = 0; k < found.size(); ++k) {
    Entity& place = found[k];
    if (place.type != "LOC") continue;
    const auto first = token_starting(tokens, place.span.start8);
    const auto last = token_ending(tokens, place.span.end8);
    if (!first || !last) continue;
    // The head word before the place, or else a capitalized one after it ("the Ohio senate" is no name).
    std::size_t at = 0;
    std::string_view word;
    if (*first > 0) word = organization_head(tokens[at = *first - 1]);
    const bool before = !word.empty();
    if (!before && *last + 1 < tokens.size()) {
      at = *last + 1;
      const text::Token& t = tokens[at];
      // Not a legal form: "a New York LLC" is a company registered there, no name.
      if (text::first_letter_case(line.substr(t.start, t.end - t.start)) == text::LetterCase::upper && !legal_form(t))
        word = organization_head(t, NameEdge::end);
    }
    if (word.empty()) continue;
    const text::Token& head = tokens[at];
    // The head word may be a name of its own (the model's "جامعة", "Senate"): it joins; an entity over more stays.
    Entity* alone = nullptr;
    if (before && k > 0 && found[k - 1].span.end8 > head.start) alone = &found[k - 1];
    if (!before && k + 1 < found.size() && found[k + 1].span.start8 < head.end) alone = &found[k + 1];
    if (alone && (alone->span.start8 != head.start || alone->span.end8 != head.end)) continue;
    place.type = "ORG";
    const std::size_t from = before ? at : *first, to = before ? *last + 1 : at + 1;
    place.norm = ner::name_norm(line, tokens, ner::Mention{from, to, ner::type_index("ORG")},
                                [&](std::string_view w) { return before && w == word; });  // "لجامعة" → "جامعة"
    set_span(line, place, tokens[from].start, tokens[to - 1].end);
    if (alone) alone->type.clear(), joined = true;
  }
  if (joined) std::erase_if(found, [](const Entity& e) { return e.type.empty(); });
}

void compose_phrases(std::string_view line, const text::Tokens& tokens, std::vector<Entity>& found,
                     const std::vector<Entity>& taken) {
  qualify(line, tokens, found, taken);
  name_institutions(line, tokens, found, taken);
  name_teams(tokens, found);
}

}  // namespace maqal::entities
