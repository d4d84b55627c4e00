#include "entities/entities.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "entities/amounts.h"
#include "entities/compose.h"
#include "entities/dates.h"
#include "entities/dictionary.h"
#include "entities/false_names.h"
#include "entities/lexicon.h"
#include "entities/ner.h"
#include "entities/numbers.h"
#include "entities/patterns.h"
#include "entities/speech.h"
#include "entities/times.h"
#include "entities/titles.h"
#include "lang/data.h"
#include "structure/cues.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/tokens.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

UChar32 first_code_point(std::string_view s) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// Latin-script names are capitalized in running text ("Turkey", not "turkey"), and acronyms are
// written in capitals ("US", not "us"); scripts without case need no such check.
bool case_fits(std::string_view original, const LexEntry& entry) {
  if (!entry.capitalized) return true;  // "one", "last week" are ordinary words
  const UChar32 c = first_code_point(original);
  UErrorCode status = U_ZERO_ERROR;
  if (uscript_getScript(c, &status) != USCRIPT_LATIN) return true;
  if (!u_isupper(c)) return false;
  if (!entry.acronym) return true;
  const auto* p = reinterpret_cast<const uint8_t*>(original.data());
  for (int32_t i = 0, n = static_cast<int32_t>(original.size()); i < n;) {
    UChar32 d;
    U8_NEXT(p, i, n, d);
    if (u_islower(d)) return false;
  }
  return true;
}

// What a source line names ("المصدر: صدى البلد", "Source: Reuters") published the story: an
// organization, whatever the lexicons make of its words.
void name_source(const Block& block, const text::Tokens& tokens, const std::vector<Entity>& patterns,
                 std::vector<Entity>& words) {
  const auto cue = structure::match_cue(block.text, tokens);
  if (!cue || cue->value.empty()) return;
  const std::size_t start = block.text.size() - cue->value.size(), end = block.text.size();
  // A source written as an address ("Source: desk@example.com") is that address, found already.
  if (std::any_of(patterns.begin(), patterns.end(), [&](const Entity& e) { return e.span.start8 < end && start < e.span.end8; }))
    return;
  std::erase_if(words, [&](const Entity& e) { return e.span.start8 < end && start < e.span.end8; });
  const std::string name(cue->value);
  words.push_back({"ORG", name, {start, end}, 0, name});
  std::sort(words.begin(), words.end(), [](const Entity& a, const Entity& b) { return a.span.start8 < b.span.start8; });
}

bool is_name_type(std::string_view type) {
  return type == "PER" || type == "ORG" || type == "LOC" || type == "NORP" || type == "MISC";
}


// Whether text[from, to) holds a letter or digit (an ASCII one, or any other character).
bool letters_between(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80 || std::isalnum(c)) return true;
  }
  return false;
}

// The words of a person's title before the name, when there is one: title words and the words that
// qualify them, nationalities and words that are only common words ("Tunisian Prime Minister Habib
// Essid", "Former President Bill Clinton", "الرئيس السوداني عمر البشير"; "Mr." with its period).
// A word that is a name too ends them ("President Rose Smith").
std::size_t leading_titles(const text::Tokens& words) {
  std::size_t k = 0;
  bool titled = false;
  for (; k < words.size(); ++k) {
    const text::Token& t = words[k];
    if (t.kind != text::TokenKind::word) {
      if (titled && t.form() == ".") continue;
      break;
    }
    if (title_word(t) != Title::none) {
      titled = true;
      continue;
    }
    if (dictionary::listing(t.form()) == dictionary::kCommon) continue;
    const LexMatch m = lexicon().longest(words, k);
    if (m.tokens != 1 || m.entry->type != "NORP") break;  // a name, no nationality
  }
  return titled ? k : 0;
}

// The words of text[start, end) of a block, a span that starts and ends with tokens (a name found
// there): the block's tokens inside it, their offsets made relative to it, without tokenizing it
// again; a span that does not is tokenized.
text::Tokens words_in(std::string_view text, const text::Tokens& tokens, std::size_t start, std::size_t end) {
  const auto first = text::first_token_from(tokens, start);
  const auto last = std::partition_point(first, tokens.end(), [&](const text::Token& t) { return t.end <= end; });
  if (first == last || first->start != start || (last - 1)->end != end) return text::tokenize(text.substr(start, end - start));
  text::Tokens words;
  words.assign(first, last);
  words.forms = tokens.forms;
  for (text::Token& t : words) t.start -= start, t.end -= start;
  return words;
}

// How a person's or organization's name of several words reads after a title before it: as one name,
// no word after its first a function word ("إن"), a word opening with a conjunction ("أرسنال وموناكو"
// is two names) or only a common English word (the headline "Obama Urges Sudan"), and no possessive
// before its last ("Tunisia’s Bardo"); and whether it opens with a given name ("Michael Dell").
struct NameReading {
  bool one_name = false, given_name_first = false;
};

NameReading read_name(const text::Tokens& words) {
  const std::size_t first = leading_titles(words);  // the title before a person's name is cut off later
  if (words.size() < first + 2) return {};
  const bool one_name = std::none_of(words.begin() + static_cast<std::ptrdiff_t>(first) + 1, words.end(), [](const text::Token& t) {
    return (t.kind != text::TokenKind::word && t.form() != ".") || function_word(t) ||  // "Donald J. Trump"
           (!text::without_conjunction(t.form()).empty() && !ner::is_given_name(t.form())) ||
           dictionary::listing(t.form()) == dictionary::kCommon;
  });
  // A possessive ends a name: "Tunisia’s Bardo" is two.
  const bool possessive_inside = std::any_of(words.begin() + static_cast<std::ptrdiff_t>(first), words.end() - 1, [](const text::Token& t) {
    const std::string_view w = t.form();
    const text::Stems stems = text::stems(t);
    return std::any_of(stems.begin(), stems.end(), [&](std::string_view s) { return s.size() < w.size() && w.starts_with(s); });
  });
  return {one_name && !possessive_inside, ner::is_given_name(words[first].form())};
}

// The model's name over the lexicon's names in it, which go from `found` (sorted by start, not
// overlapping): a name whose head words say what it is ("Bank of England", "University of
// California", "Apple Inc") over the shorter names wholly inside it; a person's or organization's
// name of several words over the places, nationalities, languages and dates in it ("سسكا موسكو",
// "سعيد محمد الكندي": الكندي is "the Canadian" too; "Theresa May", "Sunday Times", "Dansk
// Supermarked"), a person's that opens with a given name over the organizations in it too ("Michael
// Dell"); an organization or place over a nationality of the same span.
void give_way_to_names(std::string_view text, const text::Tokens& tokens, const std::vector<ner::Name>& names,
                       std::vector<Entity>& found) {
  static const int person = ner::type_index("PER"), organization = ner::type_index("ORG"),
                   place = ner::type_index("LOC");
  std::vector<bool> inside(found.size(), false);
  bool any = false;
  for (const ner::Name& name : names) {
    // The entities overlapping [start, end): the first ending after start up to the last starting before end.
    auto first = std::partition_point(found.begin(), found.end(), [&](const Entity& e) { return e.span.end8 <= name.start; });
    auto last = std::partition_point(first, found.end(), [&](const Entity& e) { return e.span.start8 < name.end; });
    if (first == last) continue;
    // A word the lexicon has as a nationality and the model as an organization or place is that name,
    // in a script without capitals, where the nationality is written as names are: "العربي" (a club),
    // "سورية" (Syria, and the feminine "Syrian"). Not "Muslims", nor a person; nor a date: the English
    // model takes "May" and "Sunday" for people.
    // And a place the model's name has as an organization by its frame (a newspaper in quotation
    // marks: "« الشرق الأوسط »").
    const bool same_span = last - first == 1 && first->span.start8 == name.start && first->span.end8 == name.end;
    const bool word_named =
        same_span && ((first->type == "NORP" && (name.type == organization || name.type == place) &&
                       text::first_letter_case(text.substr(name.start, name.end - name.start)) == text::LetterCase::none) ||
                      (first->type == "LOC" && name.type == organization && name.headed));
    NameReading reading;
    if (!name.headed && (name.type == person || name.type == organization))
      reading = read_name(words_in(text, tokens, name.start, name.end));
    const bool all_inside = std::all_of(first, last, [&](const Entity& e) {
      const bool gives_way = name.headed ? is_name_type(e.type)
                                         : e.type == "LOC" || e.type == "NORP" || e.type == "MISC" || e.type == "DATE" ||
                                               (e.type == "ORG" && name.type == person && reading.given_name_first) ||
                                               (e.type == "PER" && name.type == person);  // "Melania Trump"
      return gives_way && name.start <= e.span.start8 && e.span.end8 <= name.end &&
             e.span.end8 - e.span.start8 < name.end - name.start;  // the lexicon's own name keeps its norm
    });
    // Some word of the name is none of theirs: "Thursday Dec" is two dates, no person.
    const auto outside_them = [&] {
      std::size_t at = name.start;
      for (auto it = first; it != last; at = it->span.end8, ++it)
        if (letters_between(text, at, it->span.start8)) return true;
      return letters_between(text, at, name.end);
    };
    if (!word_named && !(all_inside && (name.headed || reading.one_name) && outside_them())) continue;
    for (auto it = first; it != last; ++it) inside[it - found.begin()] = any = true;
  }
  if (!any) return;
  std::size_t k = 0;
  std::erase_if(found, [&](const Entity&) { return inside[k++]; });
}

// Where a person's name starts that ends in a surname the people lexicon has alone ("Trump" →
// Donald Trump) after another name: "Ivanka Trump", "Melania Trump" are relatives, no match of the
// entry. The word before is a given name, or a capitalized word no dictionary or title list has;
// none when the surname stands alone.
std::optional<std::size_t> relative_first_name(std::string_view text, const text::Tokens& tokens, std::size_t i,
                                               const LexMatch& m) {
  if (m.entry->type != "PER" || m.tokens != 1 || i == 0) return std::nullopt;
  const text::Token& before = tokens[i - 1];
  if (before.kind != text::TokenKind::word || title_word(before) != Title::none || function_word(before))
    return std::nullopt;
  const bool unknown_capitalized =
      text::first_letter_case(text.substr(before.start, before.end - before.start)) == text::LetterCase::upper &&
      !(dictionary::listing(before.form()) & dictionary::kCommon);
  if (!unknown_capitalized && !ner::is_given_name(before.form())) return std::nullopt;
  return before.start;
}

void scan_block(const Block& block, const text::Tokens& tokens, std::vector<LexMatch> matches,
                std::vector<ner::Name> names, std::vector<Entity>& out) {
  const std::size_t base = block.span.start8;
  std::vector<Entity> found = find_patterns(block.text);  // URLs and the like first: they hold words
  auto covered = [&](std::size_t start, std::size_t end) {
    return std::any_of(found.begin(), found.end(),
                       [&](const Entity& e) { return start < e.span.end8 && e.span.start8 < end; });
  };
  std::vector<Unit> units = find_units(tokens, matches);
  // A "$" inside a URL is part of the URL: no number beside it becomes money over it.
  std::erase_if(units, [&](const Unit& u) { return covered(tokens[u.first].start, tokens[u.first + u.count - 1].end); });
  auto unit = units.begin();
  std::vector<Entity> words;
  for (std::size_t i = 0; i < tokens.size();) {
    if (unit != units.end() && unit->first == i) {  // a currency or percent word, not a name
      i += (unit++)->count;
      continue;
    }
    const LexMatch m = matches[i];
    const std::size_t start = tokens[i].start;
    if (m.tokens > 0) {
      std::size_t end = tokens[i + m.tokens - 1].end;
      // An abbreviation's last period is its own ("U.S.", "U.N.", "Dec."), though the word breaker
      // leaves it apart; an acronym's only when it has periods inside (not "US." ending a sentence).
      const bool dotted = m.entry->abbreviation ||
                          (m.entry->acronym && block.text.substr(start, end - start).find('.') != std::string::npos);
      if (dotted && block.text.compare(end, 1, ".") == 0)
        ++end;
      const std::string_view original = std::string_view(block.text).substr(start, end - start);
      if (case_fits(original, *m.entry) && !covered(start, end)) {
        const auto relative = relative_first_name(block.text, tokens, i, m);
        if (relative && (words.empty() || words.back().span.end8 <= *relative) && !covered(*relative, start)) {
          const std::string name = block.text.substr(*relative, end - *relative);
          words.push_back({"PER", name, {*relative, end}, 0, name});
        } else {
          const LexEntry& entry = lexicon().as_written(*m.entry, original);
          words.push_back({entry.type, std::string(original), {start, end}, 0, entry.norm});
        }
        i += m.tokens;
        continue;
      }
    }
    if (const std::string_view now = current_period(tokens, i); !now.empty() && !covered(start, tokens[i + 1].end)) {
      words.push_back({"DATE", block.text.substr(start, tokens[i + 1].end - start), {start, tokens[i + 1].end}, 0, std::string(now)});
      i += 2;
      continue;
    }
    // A Latin word that holds digits names something: "Q3", "G7", "MP3" are no numbers ("و3" is "and 3").
    if (const std::string years = decade(tokens[i].form()); !years.empty() && !covered(start, tokens[i].end)) {
      words.push_back({"DATE", block.text.substr(start, tokens[i].end - start), {start, tokens[i].end}, 0, years});
      ++i;
      continue;
    }
    const bool digits = tokens[i].kind == text::TokenKind::number && !std::isalpha(static_cast<unsigned char>(tokens[i].form()[0]));
    const bool digits_then_letters = !digits && opens_with_digits(tokens[i].form());  // "$3m", "5.2bn", "6pm"
    if (digits_then_letters) {
      const std::string_view written = std::string_view(block.text).substr(start, tokens[i].end - start);
      if (const std::size_t hour = digits_before_meridiem(written); hour > 0 && !covered(start, tokens[i].end)) {
        words.push_back({"NUMBER", std::string(written.substr(0, hour)), {start, start + hour}, 0, number_norm(written.substr(0, hour))});
        ++i;
        continue;
      }
    }
    const std::string scaled = digits_then_letters ? scaled_number(tokens[i].form(), currency_beside(units, i)) : std::string();
    if ((digits || !scaled.empty()) && !covered(start, tokens[i].end))
      words.push_back({"NUMBER", block.text.substr(start, tokens[i].end - start), {start, tokens[i].end}, 0,
                       digits ? number_norm(tokens[i].form()) : scaled});
    ++i;
  }
  merge_numbers(block.text, words, found);
  compose_times(block.text, tokens, words);
  compose_dates(block.text, tokens, words);
  compose_elapsed(block.text, tokens, words);
  compose_amounts(block.text, tokens, units, words);
  compose_phrases(block.text, tokens, words, found);
  if (block.role == "source") name_source(block, tokens, found, words);
  found.insert(found.end(), std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()));
  const auto by_start = [](const Entity& a, const Entity& b) { return a.span.start8 < b.span.start8; };
  std::sort(found.begin(), found.end(), by_start);
  give_way_to_names(block.text, tokens, names, found);
  // Names the lexicons do not know, from the learned model, where nothing above was found. With the
  // entities sorted by start, [s, e) overlaps one iff the largest end among those starting before e
  // passes s: a binary search per name, not a scan (a line of a million names was quadratic).
  std::vector<std::size_t> max_end(found.size() + 1, 0);
  for (std::size_t k = 0; k < found.size(); ++k) max_end[k + 1] = std::max(max_end[k], found[k].span.end8);
  const auto known = found.size();
  for (auto& name : names) {
    const auto before = std::partition_point(found.begin(), found.begin() + known,
                                             [&](const Entity& f) { return f.span.start8 < name.end; });
    if (max_end[before - found.begin()] <= name.start)
      found.push_back({std::string(ner::kTypeNames[name.type]), block.text.substr(name.start, name.end - name.start),
                       {name.start, name.end}, 0, std::move(name.norm)});
  }
  join_nationalities(block.text, tokens, found, known);
  std::sort(found.begin(), found.end(), by_start);
  join_institution_heads(block.text, tokens, found);
  for (auto& e : found) {
    e.span.start8 += base;
    e.span.end8 += base;
    out.push_back(std::move(e));
  }
}


// A "name" made only of title and group words ("الوزيران", the two ministers; "President") names
// nobody: the model sometimes tags them. A person's span starts at the name, not at a title or
// office before it ("مكتب نتنياهو" → "نتنياهو"). Each distinct text is read once (names repeat).
void drop_or_trim_titles(std::vector<Entity>& entities, const std::vector<Block>& blocks,
                         const std::vector<text::Tokens>& tokens) {
  struct Words {
    bool titles_only = false;  // title and group words only
    std::size_t name_start = 0;  // as a person's: after the title before it (0: none)
  };
  text::StringMap<Words> seen;
  std::size_t block = 0;  // the entities' block: they are in text order
  std::erase_if(entities, [&](Entity& e) {
    if (e.type != "PER" && e.type != "MISC" && e.type != "ORG" && e.type != "LOC") return false;
    const auto [it, added] = seen.try_emplace(e.text);
    Words& w = it->second;
    if (added) {
      while (block + 1 < blocks.size() && blocks[block].span.end8 <= e.span.start8) ++block;
      const std::size_t base = blocks[block].span.start8;
      const text::Tokens words = words_in(blocks[block].text, tokens[block], e.span.start8 - base, e.span.end8 - base);
      w.titles_only = std::all_of(words.begin(), words.end(), [](const text::Token& t) {
        return t.kind != text::TokenKind::word || title_word(t) != Title::none || speaker_group(t);
      });
      const std::size_t k = leading_titles(words);
      w.name_start = k > 0 && k < words.size() ? words[k].start : 0;
    }
    if (w.titles_only) return true;
    if (e.type != "PER") return false;
    if (const std::size_t cut = w.name_start; cut > 0) {
      if (e.norm == e.text) e.norm = e.text.substr(cut);
      e.text = e.text.substr(cut);
      e.span.start8 += cut;
    }
    return false;
  });
}

// A person named by a part of a fuller name in the paste ("بلينكن" after "أنتوني بلينكن",
// "Blinken" after "Antony Blinken"), or by its last words ("عبد العاطي" after "بدر عبد العاطي",
// "von der Leyen"), takes that full name as norm, so all mentions form one cluster. A part shared by
// two full names stays as it is.
void name_people_in_full(std::vector<Entity>& entities) {
  text::StringMap<std::string> parts_by_norm;  // norm → its folded words, joined by spaces
  const auto folded = [&](const std::string& norm) -> const std::string& {  // once a norm: names repeat
    auto [it, added] = parts_by_norm.try_emplace(norm);
    if (added)
      for (const auto& t : text::tokenize(norm))
        if (t.kind == text::TokenKind::word) (it->second.empty() ? it->second : it->second += ' ') += t.form();
    return it->second;
  };
  std::map<std::string, std::string> full_by_part;  // a folded word or last words → full norm ("" when ambiguous)
  const auto add = [&](std::string part, const std::string& norm) {
    auto [it, added] = full_by_part.try_emplace(std::move(part), norm);
    if (!added && it->second != norm) it->second.clear();
  };
  constexpr std::size_t kMaxNameWords = 8;  // a longer "name" is no one's: its parts are not looked up
  for (const auto& e : entities) {
    if (e.type != "PER" || e.norm.find(' ') == std::string::npos) continue;
    const std::string& words = folded(e.norm);
    if (static_cast<std::size_t>(std::count(words.begin(), words.end(), ' ')) >= kMaxNameWords) continue;
    for (std::size_t from = 0, space; (space = words.find(' ', from)) != std::string::npos; from = space + 1) {
      add(words.substr(from, space - from), e.norm);  // each word but the last
      add(words.substr(space + 1), e.norm);           // the words after each space: the last ones
    }
  }
  for (auto& e : entities) {
    if (e.type != "PER") continue;
    if (auto it = full_by_part.find(folded(e.norm)); it != full_by_part.end() && !it->second.empty())
      e.norm = it->second;
  }
}

// An organization named without the noun for its kind that opens its full name in the paste
// ("الأهلي" after "النادي الأهلي", "الأهرام" after "صحيفة الأهرام"), or without the legal form that
// ends it ("Apple" after "Apple Inc"), takes the full name's norm, so that both are one cluster. A
// short name that two full names shorten to stays as it is.
void name_organizations_in_full(std::vector<Entity>& entities, const std::vector<Block>& blocks,
                                const std::vector<text::Tokens>& tokens) {
  text::StringMap<std::string> full_by_rest;  // the name after the noun as written → norm ("" when ambiguous)
  std::size_t block = 0;  // the entities' block: they are in text order
  for (const Entity& e : entities) {
    if (e.type != "ORG" || e.text.find(' ') == std::string::npos) continue;
    while (block + 1 < blocks.size() && blocks[block].span.end8 <= e.span.start8) ++block;
    const std::size_t base = blocks[block].span.start8;
    const text::Tokens words = words_in(blocks[block].text, tokens[block], e.span.start8 - base, e.span.end8 - base);
    if (words.size() < 2) continue;
    const std::string_view rest = kind_noun(words[0])            ? std::string_view(e.text).substr(words[1].start)
                                  : legal_form(words.back()) ? std::string_view(e.text).substr(0, words[words.size() - 2].end)
                                                             : std::string_view();
    if (rest.empty()) continue;
    auto [it, added] = full_by_rest.try_emplace(std::string(rest), e.norm);
    if (!added && it->second != e.norm) it->second.clear();
  }
  if (full_by_rest.empty()) return;
  for (Entity& e : entities)
    if (e.type == "ORG")
      if (const auto it = full_by_rest.find(e.norm); it != full_by_rest.end() && !it->second.empty())
        e.norm = it->second;
}

}  // namespace

std::vector<Entity> find_entities(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens) {
  const ner::DocumentMatches matches(tokens);  // looked up once, for the lexicon and the name model
  std::vector<std::vector<ner::Name>> names = ner::find_names(blocks, tokens, matches);
  // Sized once, for the names, the lexicon's phrases and the numbers: what a document holds is rarely
  // more (2 of 710 WCXB pages, by a few). Grown one entity at a time, the vector would hold its old and
  // new arrays at once, up to three times what the entities take, at the stage's peak.
  std::size_t expected = matches.phrases();
  for (const auto& block_names : names) expected += block_names.size();
  for (const auto& block_tokens : tokens)
    expected += std::count_if(block_tokens.begin(), block_tokens.end(),
                              [](const text::Token& t) { return t.kind == text::TokenKind::number; });
  std::vector<Entity> entities;
  entities.reserve(expected);
  for (std::size_t i = 0; i < blocks.size(); ++i)
    scan_block(blocks[i], tokens[i], matches.block(i), std::move(names[i]), entities);  // freed once used
  drop_or_trim_titles(entities, blocks, tokens);
  name_people_in_full(entities);
  name_organizations_in_full(entities, blocks, tokens);
  // One cluster per (type, norm): every mention of Gaza, whatever its spelling, is one place.
  text::StringMap<int> clusters;  // type NUL norm → cluster, numbered as first seen
  std::string key;
  for (auto& e : entities) {
    ((key = e.type) += '\0') += e.norm;
    auto [it, added] = clusters.try_emplace(key, static_cast<int>(clusters.size()));
    e.cluster = it->second;
  }
  return entities;
}

std::vector<Entity> find_dates(const Block& block, const text::Tokens& tokens) {
  std::vector<Entity> found;
  scan_block(block, tokens, ner::lexicon_matches(tokens), {}, found);
  std::erase_if(found, [](const Entity& e) { return e.type != "DATE"; });
  return found;
}

namespace {

// Title words end a person's role this many words before the name at most.
constexpr std::size_t kMaxRoleWords = 5;

// Capitalized words before a title that say what it is of ("Treasury Secretary"), this many at most.
constexpr std::size_t kMaxTitleQualifiers = 2;

// The case of a token's first letter as written in the block's text.
text::LetterCase written_case(const text::Token& t, std::string_view text) {
  return text::first_letter_case(text.substr(t.start, t.end - t.start));
}

// A lower-case word of a cased script that is no function word: no part of a title ("said").
bool lower_case_word(const text::Token& t, std::string_view text) {
  return !function_word(t) && written_case(t, text) == text::LetterCase::lower;
}

bool qualifies_title(const text::Token& t, std::string_view text) {
  return t.kind == text::TokenKind::word && !function_word(t) && written_case(t, text) == text::LetterCase::upper;
}

// The entity before entities[i] (they are disjoint, in order) that a byte lies inside, or null.
const Entity* earlier_entity_at(const std::vector<Entity>& entities, std::size_t i, std::size_t byte8) {
  while (i > 0 && entities[i - 1].span.start8 > byte8) --i;
  return i > 0 && entities[i - 1].span.end8 > byte8 ? &entities[i - 1] : nullptr;
}

// The title written right before the person's mention entities[i]: from the nearest title word (or a
// title before it) back to the name ("وزير الخارجية الأمريكي أنتوني بلينكن", "Secretary of State
// Antony Blinken"). Not a title word inside another name ("the Premier League on Saturday after
// Mohamed Salah"), nor across a lower-case word that is not a function word ("the President said Joe
// Biden"), nor one whose last word is a function word (the name is then what the title is of:
// "director of Beth Helmstetter Events").
std::optional<std::string> role_before(const std::vector<Entity>& entities, std::size_t i, const Block& block,
                                       const text::Tokens& tokens) {
  const Entity& e = entities[i];
  const std::size_t start = e.span.start8 - block.span.start8;
  const std::size_t at = static_cast<std::size_t>(  // tokens[at - 1] ends before the name
      std::partition_point(tokens.begin(), tokens.end(), [&](const text::Token& t) { return t.end <= start; }) -
      tokens.begin());
  for (std::size_t k = at, seen = 0; k-- > 0 && seen < kMaxRoleWords; ++seen) {
    const bool abbreviated_title = tokens[k].form() == "." && k > 0 && tokens[k - 1].end == tokens[k].start &&
                                   title_word(tokens[k - 1]) == Title::personal;  // "Sen. Rand Paul"
    if (abbreviated_title) --k;
    if (tokens[k].kind != text::TokenKind::word || title_word(tokens[k]) == Title::office) return std::nullopt;
    if (title_word(tokens[k]) == Title::personal) {
      if (earlier_entity_at(entities, i, block.span.start8 + tokens[k].start)) return std::nullopt;
      // A title before this one, with words of its own between, starts the role: "وزير الخارجية
      // السعودي الأمير فيصل بن فرحان" (not across a function word or another person's name).
      for (std::size_t j = k, words = seen + 1; j-- > 0 && words++ < kMaxRoleWords;) {
        const Entity* inside = earlier_entity_at(entities, i, block.span.start8 + tokens[j].start);
        if (tokens[j].kind != text::TokenKind::word || function_word(tokens[j]) || lower_case_word(tokens[j], block.text) ||
            (inside && inside->type == "PER") || title_word(tokens[j]) == Title::office)
          break;
        if (title_word(tokens[j]) == Title::personal) k = j;
      }
      // English names what the title is of before it: "Treasury Secretary", "Fed Chair".
      for (std::size_t words = 0; k > 0 && words < kMaxTitleQualifiers && qualifies_title(tokens[k - 1], block.text); ++words) --k;
      // Without a proclitic written onto the title ("لرئيس الوزراء"), but with the article a fused
      // one stands for ("للرئيس الأمريكي" → "الرئيس الأمريكي").
      const std::string_view proclitic = tokens[k].form().substr(0, title_proclitic(tokens[k]));
      const std::size_t from = tokens[k].start + text::written_size(block.text.substr(tokens[k].start), proclitic.size());
      if (function_word(tokens[at - 1])) return std::nullopt;
      const std::size_t to = tokens[at - 1].end;
      return std::string(text::fused_article(proclitic)) + block.text.substr(from, to - from);
    }
    if (lower_case_word(tokens[k], block.text)) return std::nullopt;
  }
  return std::nullopt;
}

// The title written right after the person's mention entities[i], set off by a comma: "حسن عبد الله،
// محافظ البنك المركزي، إن", "Olaf Scholz, the German Chancellor, said". From the title word (with what
// it is of before it, and past an article: "the") up to the punctuation, function word or speech verb
// that ends it (in a cased script, a function word before a capitalized word goes on: "Secretary of
// State"); none across another person's name, a lower-case word of a cased script that is not a
// function word, or more than kMaxRoleWords words.
std::optional<std::string> role_after(const std::vector<Entity>& entities, std::size_t i, const Block& block,
                                      const text::Tokens& tokens) {
  const std::size_t end = entities[i].span.end8 - block.span.start8;
  std::size_t k = static_cast<std::size_t>(
      std::partition_point(tokens.begin(), tokens.end(), [&](const text::Token& t) { return t.start < end; }) - tokens.begin());
  if (k + 1 >= tokens.size() || !separator(tokens[k])) return std::nullopt;
  if (++k + 1 < tokens.size() && function_word(tokens[k]) && title_word(tokens[k]) == Title::none) ++k;
  const std::size_t from = k;
  for (std::size_t words = 0; k < tokens.size() && words < kMaxTitleQualifiers && title_word(tokens[k]) == Title::none &&
                              qualifies_title(tokens[k], block.text);
       ++words)
    ++k;
  if (k >= tokens.size() || tokens[k].kind != text::TokenKind::word || title_word(tokens[k]) != Title::personal) return std::nullopt;
  std::size_t last = k + 1;  // one past the role's last word
  for (; last < tokens.size() && tokens[last].kind == text::TokenKind::word && !is_speech_verb(tokens[last]); ++last) {
    if (last - from >= kMaxRoleWords) return std::nullopt;
    if (function_word(tokens[last])) {
      const bool goes_on = last + 1 < tokens.size() && tokens[last + 1].kind == text::TokenKind::word &&
                           written_case(tokens[last + 1], block.text) == text::LetterCase::upper;
      if (!goes_on) break;
    } else if (lower_case_word(tokens[last], block.text)) {
      return std::nullopt;
    }
  }
  while (last > k + 1 && function_word(tokens[last - 1])) --last;  // "director of" names no office
  // A credential or an honorific of two letters after a name is no role ("Dylan Bailey, MS, RD").
  if (last == from + 1 && text::count_code_points(tokens[from].form()) <= 2) return std::nullopt;
  const std::size_t role_end8 = block.span.start8 + tokens[last - 1].end;
  for (std::size_t j = i + 1; j < entities.size() && entities[j].span.start8 < role_end8; ++j)
    if (entities[j].type == "PER") return std::nullopt;  // the title of the next person named
  return std::string(block.text.substr(tokens[from].start, tokens[last - 1].end - tokens[from].start));
}

// How a cluster is named: its fullest mention (most words: "أنتوني بلينكن", not "بلينكن"), among
// those the spelling written most often ("غزة", not "لغزة" with its clitic), then the first.
std::string cluster_name(const Cluster& c, const std::vector<Entity>& entities) {
  // A mention's text without an English possessive: "Pep Guardiola's side" names "Pep Guardiola".
  const auto written = [&](int m) {
    std::string_view text = entities[m].text;
    for (std::string_view possessive : {"'s", "\u2019s"})
      if (text.size() > possessive.size() && text.ends_with(possessive)) text.remove_suffix(possessive.size());
    return text;
  };
  std::map<std::string_view, std::pair<std::size_t, std::size_t>> seen;  // text → (words, times)
  for (int m : c.mentions) {
    const std::string_view text = written(m);
    auto& [words, times] = seen[text];
    words = std::count(text.begin(), text.end(), ' ') + 1;
    ++times;
  }
  std::string_view best;
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  for (int m : c.mentions)
    if (seen[written(m)] > best_score) best = written(m), best_score = seen[best];
  return std::string(best);
}

}  // namespace

std::vector<Cluster> describe_clusters(const std::vector<Entity>& entities, const std::vector<Block>& blocks,
                                       const std::vector<text::Tokens>& tokens) {
  int count = 0;
  for (const Entity& e : entities) count = std::max(count, e.cluster + 1);
  std::vector<Cluster> clusters(static_cast<std::size_t>(count));  // at its size, not grown by doubling
  std::size_t block = 0;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    Cluster& c = clusters[e.cluster];
    c.id = e.cluster;
    c.type = e.type;
    c.norm = e.norm;
    c.mentions.push_back(static_cast<int>(i));
    if (e.type != "PER") continue;
    while (block + 1 < blocks.size() && blocks[block].span.end8 <= e.span.start8) ++block;
    for (auto role : {role_before(entities, i, blocks[block], tokens[block]), role_after(entities, i, blocks[block], tokens[block])})
      if (role && std::find(c.roles.begin(), c.roles.end(), *role) == c.roles.end()) c.roles.push_back(std::move(*role));
  }
  for (auto& c : clusters) c.name = cluster_name(c, entities);
  return clusters;
}

}  // namespace maqal::entities
