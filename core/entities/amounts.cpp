#include "entities/amounts.h"

#include <algorithm>
#include <unordered_map>

#include "entities/numbers.h"
#include "lang/data.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

struct UnitPhrase {
  std::vector<std::string> words;  // folded tokens
  bool before = false;
  std::string type, code;
};

// amounts.tsv rows: side (before/after the number), type, phrase, currency code; indexed by the
// phrase's first word, since every token of every block is looked up here. A bit per first and
// last byte of the first words says most words start none without hashing them.
struct UnitPhrases {
  text::StringMap<std::vector<UnitPhrase>> by_first_word;
  text::StringSet codes;  // currency units written as their ISO 4217 code
  std::vector<bool> ends = std::vector<bool>(1 << 16);
  static std::size_t ends_of(std::string_view word) {
    return static_cast<unsigned char>(word.front()) << 8 | static_cast<unsigned char>(word.back());
  }
  const std::vector<UnitPhrase>* find(std::string_view word) const {
    if (word.empty() || !ends[ends_of(word)]) return nullptr;
    const auto it = by_first_word.find(word);
    return it == by_first_word.end() ? nullptr : &it->second;
  }
};

const UnitPhrases& unit_phrases() {
  static const auto phrases = [] {
    UnitPhrases out;
    for (const auto& row : data::rows_all_languages("amounts.tsv")) {
      if (row.size() < 3) continue;
      UnitPhrase p;
      p.before = row[0] == "before";
      p.type = std::string(row[1]);
      for (auto& t : text::tokenize(row[2])) p.words.emplace_back(t.form());
      if (row.size() > 3) p.code = std::string(row[3]);
      if (p.type == "MONEY" && row[2] == p.code) out.codes.insert(p.code);
      if (p.words.empty() || p.words[0].empty()) continue;
      out.ends[UnitPhrases::ends_of(p.words[0])] = true;
      out.by_first_word[p.words[0]].push_back(std::move(p));
    }
    // Longest first: "US dollars" before "dollars".
    for (auto& [first, list] : out.by_first_word)
      std::stable_sort(list.begin(), list.end(), [](const UnitPhrase& a, const UnitPhrase& b) { return a.words.size() > b.words.size(); });
    return out;
  }();
  return phrases;
}

bool phrase_at(const text::Tokens& tokens, std::size_t at, const UnitPhrase& p) {
  if (at + p.words.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < p.words.size(); ++k)
    if (tokens[at + k].form() != p.words[k]) return false;
  return true;
}

bool is_number(const text::Tokens& tokens, const std::vector<LexMatch>& matches, std::size_t i, bool beside_currency) {
  return tokens[i].kind == text::TokenKind::number || (matches[i].tokens == 1 && matches[i].entry->type == "NUMBER") ||
         !scaled_number(tokens[i].form(), beside_currency).empty();
}

}  // namespace

std::vector<Unit> find_units(const text::Tokens& tokens, const std::vector<LexMatch>& matches) {
  std::vector<Unit> units;
  const auto& phrases = unit_phrases();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto* candidates = phrases.find(tokens[i].form());
    if (!candidates) continue;
    for (const UnitPhrase& p : *candidates) {
      if (!phrase_at(tokens, i, p)) continue;
      const std::size_t next = i + p.words.size();
      const bool currency = p.type == "MONEY";
      const bool beside = p.before ? next < tokens.size() && is_number(tokens, matches, next, currency)
                                   : i > 0 && is_number(tokens, matches, i - 1, currency);
      if (!beside) continue;
      units.push_back({i, p.words.size(), p.before, p.type, p.code});
      i = next - 1;
      break;
    }
  }
  return units;
}

bool currency_code(std::string_view written) { return unit_phrases().codes.count(written) > 0; }

bool currency_beside(const std::vector<Unit>& units, std::size_t i) {
  return std::any_of(units.begin(), units.end(), [&](const Unit& u) {
    return u.type == "MONEY" && (u.before ? u.first + u.count == i : u.first == i + 1);
  });
}

void compose_amounts(std::string_view line, const text::Tokens& tokens, const std::vector<Unit>& units,
                     std::vector<Entity>& found) {
  if (units.empty()) return;
  const auto spaces_only = [&](std::size_t from, std::size_t to) {
    return from <= to && line.substr(from, to - from).find_first_not_of(" \t") == std::string_view::npos;
  };
  for (const Unit& u : units) {
    const std::size_t start = tokens[u.first].start, end = tokens[u.first + u.count - 1].end;
    // A number, or an amount of the same currency written before it too: "$300 USD".
    const auto number = std::find_if(found.begin(), found.end(), [&](const Entity& e) {
      const bool amount = !u.before && e.type == "MONEY" && e.norm.ends_with(' ' + u.code);
      return (e.type == "NUMBER" || amount) && (u.before ? spaces_only(end, e.span.start8) : spaces_only(e.span.end8, start));
    });
    if (number == found.end()) continue;
    Entity& e = *number;
    if (e.type == "NUMBER") e.norm = u.type == "PERCENT" ? e.norm + "%" : e.norm + ' ' + u.code;
    e.type = u.type;
    if (u.before) e.span.start8 = start;
    else e.span.end8 = end;
    e.text = std::string(line.substr(e.span.start8, e.span.end8 - e.span.start8));
  }
}

}  // namespace maqal::entities
