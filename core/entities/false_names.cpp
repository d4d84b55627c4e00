#include "entities/false_names.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bitset>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "entities/amounts.h"
#include "entities/compose.h"
#include "entities/dictionary.h"
#include "entities/lexicon.h"
#include "entities/quotes.h"
#include "entities/titles.h"
#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"
#include "text/word_set.h"

namespace maqal::entities {
namespace {

// core/lang/*/descriptions.tsv, folded.
struct Endings {
  std::vector<std::string> nisba;
  std::vector<std::pair<std::string, std::string>> verb;  // ending, letters that may not precede it
};

const Endings& endings() {
  static const Endings out = [] {
    Endings e;
    for (const auto& row : data::rows_all_languages("descriptions.tsv")) {
      if (row.size() < 2) continue;
      if (row[0] == "nisba") e.nisba.push_back(text::fold(row[1]));
      if (row[0] == "verb") e.verb.emplace_back(text::fold(row[1]), row.size() > 2 ? text::fold(row[2]) : "");
    }
    return e;
  }();
  return out;
}

// The folded word carries the article, maybe behind a proclitic ("الخبير", "والخبير", "للخبير").
bool definite(const text::Token& t) {
  const std::string_view form = t.form();
  if (!text::without_article(form).empty()) return true;
  for (std::string_view s : text::stems(t)) {
    if (s.size() == form.size() || !form.ends_with(s)) continue;
    const std::string_view prefix = form.substr(0, form.size() - s.size());
    if (text::ends_with_article(prefix) || !text::fused_article(prefix).empty()) return true;
  }
  return false;
}

// A title or occupation and only adjectives that agree with it: "خبير استراتيجي", "المحلل السياسي";
// not "الوزير شكري", whose second word, written without the article, is a name. An indefinite title
// may stand just before the mention, the model having found the adjectives alone ("خبير |
// استراتيجي"); after a definite one a nisba is a family name ("الشيخ | الخراساني").
bool description(const text::Tokens& tokens, const ner::Mention& m) {
  std::size_t head = m.first;
  if (m.last - m.first < 2 || title_word(tokens[head]) == Title::none) {
    if (m.first == 0 || title_word(tokens[m.first - 1]) == Title::none || definite(tokens[m.first - 1]))
      return false;
    head = m.first - 1;
  }
  const bool head_definite = definite(tokens[head]);
  for (std::size_t i = head + 1; i < m.last; ++i)
    if (!nisba(tokens[i]) || definite(tokens[i]) != head_definite) return false;
  return true;
}

// Three letters at least before the suffix ("وفّرنا": وفر + نا; "رنا" is a name), the last of them not
// one the data rules out.
bool verb_with_suffix(const text::Token& t) {
  if (t.kind != text::TokenKind::word) return false;
  for (const auto& [ending, not_after] : endings().verb) {
    if (!t.form().ends_with(ending)) continue;
    const std::string_view rest = std::string_view(t.form()).substr(0, t.form().size() - ending.size());
    if (text::count_code_points(rest) < 3) continue;
    std::size_t last = rest.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(rest[last]) & 0xC0) == 0x80) --last;
    if (std::string_view(not_after).find(rest.substr(last)) == std::string_view::npos) return true;
  }
  return false;
}

// A line that is only the mention, every word of it a common English word ("Contact Us", "Read More",
// "LATEST FROM THE BLOG"): a menu item or a heading, capitalized as such, not a name.
bool heading_of_common_words(const text::Tokens& tokens, const ner::Mention& m) {
  std::size_t end = tokens.size();
  while (end > m.last && tokens[end - 1].kind == text::TokenKind::punct) --end;
  if (m.first != 0 || m.last != end) return false;
  return std::all_of(tokens.begin() + m.first, tokens.begin() + m.last, [](const text::Token& t) {
    return t.kind != text::TokenKind::word || (dictionary::listing(t.form()) & dictionary::kCommon);
  });
}

// function_words.tsv, folded or as written.
const text::StringSet& function_words(bool folded = true) {
  static const auto words = [] {
    std::pair<text::StringSet, text::StringSet> out;
    for (const auto& row : data::rows_all_languages("function_words.tsv")) {
      out.first.insert(text::fold(row[0]));
      out.second.emplace(row[0]);
    }
    return out;
  }();
  return folded ? words.first : words.second;
}

// A function word as written, no clitic taken off: "أمام", not "الله" read as "ال" + "له".
bool bare_function_word(const text::Token& t) { return t.kind == text::TokenKind::word && function_words().contains(t.form()); }

// Pronouns and other function words the model took for a name ("Us" of "About Us", "We’re", "Here’s"
// opening a sentence, "But I"); written as an acronym ("US") one may be a name. In a script without
// case only as written: "الله" is no "ال" + "له".
bool function_words_only(std::string_view text, const text::Tokens& tokens, const ner::Mention& m) {
  return std::all_of(tokens.begin() + m.first, tokens.begin() + m.last, [&](const text::Token& t) {
    const std::string_view written = text.substr(t.start, t.end - t.start);
    const bool cased = text::first_letter_case(written) != text::LetterCase::none;
    return (bare_function_word(t) || (cased && function_word(t))) && !is_acronym(written);
  });
}

// Punctuation a name may hold: "S&P", "Jean-Pierre", "U.S.", "O'Brien". Any other (a bracket, a
// quotation mark, a comma, a dash between two places) stands between names.
bool inside_name(const text::Token& t) {
  return t.kind != text::TokenKind::punct || t.form().find_first_not_of("&-.'") == std::string_view::npos;
}

// The mentions cut at the punctuation no name holds: "Hori (Robert) Parata" tagged from "Robert" to
// "Parata" is two names, "Robert" and "Parata".
void split_at_punctuation(const text::Tokens& tokens, std::vector<ner::Mention>& mentions) {
  std::vector<ner::Mention> out;
  for (const ner::Mention& m : mentions) {
    std::size_t first = m.first;
    for (std::size_t i = m.first; i <= m.last; ++i) {
      if (i < m.last && inside_name(tokens[i])) continue;
      if (i > first) out.push_back({first, i, m.type});
      first = i + 1;
    }
  }
  mentions = std::move(out);
}

// A possessive word inside a person's name, a name of two words or more after it, ends a name: "CNN's
// Haley Talbot" is the organization "CNN" and the person "Haley Talbot" (what owns a person in news
// is their employer; a possessive of several words is a person's: "Li Ka-shing's Hutchison Whampoa").
// Before one word or a common one, the possessive is the person's: "Rahm Emanuel's Achilles" (heel),
// "Bruce's Sex Change"; not before a title: "Zembla's President Jane Roe".
void split_after_possessives(const text::Tokens& tokens, std::vector<ner::Mention>& mentions) {
  std::vector<ner::Mention> out;
  for (const ner::Mention& m : mentions) {
    std::size_t first = m.first;
    for (std::size_t i = m.first; m.type == 0 && i + 2 < m.last; ++i)
      if (tokens[i].form().size() > 2 && tokens[i].form().ends_with("'s") &&
          (!(dictionary::listing(tokens[i + 1].form()) & dictionary::kCommon) ||
           title_word(tokens[i + 1]) == Title::personal)) {
        out.push_back({first, i + 1, i == first ? ner::type_index("ORG") : m.type});
        first = i + 1;
      }
    out.push_back({first, m.last, m.type, m.headed});
  }
  mentions = std::move(out);
}

// Whether the word has letters in lower case and none in upper case ("sang"; not "iPhone", not Arabic).
bool lower_case_word(std::string_view word) {
  bool lower = false;
  for (int32_t i = 0, n = static_cast<int32_t>(word.size()); i < n;) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, n, c);
    if (u_isupper(c) || u_istitle(c)) return false;
    lower = lower || u_islower(c);
  }
  return lower;
}


// A word written with a capital, then in lower case only: "Prices"; not "AVG", nor the initial "J".
bool capitalized_word(std::string_view word) {
  const auto byte = [](char c) { return static_cast<unsigned char>(c); };
  if (std::all_of(word.begin(), word.end(), [&](char c) { return byte(c) < 0x80; }))  // most words: no ICU
    return !word.empty() && std::isupper(byte(word[0])) &&
           std::none_of(word.begin() + 1, word.end(), [&](char c) { return std::isupper(byte(c)); }) &&
           std::any_of(word.begin() + 1, word.end(), [&](char c) { return std::islower(byte(c)); });
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
  return (u_isupper(c) || u_istitle(c)) && lower_case_word(word.substr(i));
}

// A name of several words ends in one with a capital, in a script that has them: "Lady Gaga sang" is
// "Lady Gaga". (A lower-case word inside stays: "Ludwig van Beethoven".)
void cut_lower_case_ends(std::string_view text, const text::Tokens& tokens, std::vector<ner::Mention>& mentions) {
  for (ner::Mention& m : mentions)
    while (m.last - m.first > 1 && tokens[m.last - 1].kind == text::TokenKind::word &&
           lower_case_word(text.substr(tokens[m.last - 1].start, tokens[m.last - 1].end - tokens[m.last - 1].start)))
      --m.last;
}

// A personal title opening a name is no part of it, and says the rest is a person ("President
// Obama", which the model typed an organization; "Mr. Obama"; "الملك عبدالله"), when the rest is made
// of names, not of common English words ("General Motors", "Prince Edward Island" stay as they are).
void trim_titles(const text::Tokens& tokens, std::vector<ner::Mention>& mentions) {
  for (ner::Mention& m : mentions) {
    std::size_t k = m.first;
    while (k < m.last && title_word(tokens[k]) == Title::personal) ++k;
    if (k > m.first && k < m.last && tokens[k].form() == ".") ++k;
    if (k == m.first || k == m.last) continue;
    const auto common_word = [](const text::Token& t) {
      return t.kind == text::TokenKind::word && dictionary::listing(t.form()) == dictionary::kCommon;
    };
    const bool names = std::none_of(tokens.begin() + static_cast<std::ptrdiff_t>(k),
                                    tokens.begin() + static_cast<std::ptrdiff_t>(m.last), common_word);
    if (names) m.first = k, m.type = ner::type_index("PER"), m.headed = true;
  }
}


// The label's colon in a list line (list_line()), or 0.
std::size_t list_colon(const text::Tokens& tokens) {
  constexpr std::size_t kMaxLabelWords = 3, kMaxItemWords = 4, kMinItems = 3;
  std::size_t colon = 0;
  while (colon < tokens.size() && tokens[colon].kind == text::TokenKind::word) ++colon;
  if (colon == 0 || colon > kMaxLabelWords || colon >= tokens.size() || tokens[colon].form() != ":") return 0;
  std::size_t items = 0, words = 0;
  for (std::size_t i = colon + 1; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    if (separator(t)) {
      if (words == 0) return 0;
      ++items;
      words = 0;
    } else if (t.kind == text::TokenKind::punct) {
      const bool joins = t.form() == "&" || t.form() == "-";  // "Middle East & Africa"
      const bool final_stop = t.form() == "." && i + 1 == tokens.size();
      if (!joins && !final_stop) return 0;
    } else if (++words > kMaxItemWords) {
      return 0;
    }
  }
  if (words > 0) ++items;
  return items >= kMinItems ? colon : 0;
}

// The last four bytes (at most) of a list's words, hashed to 12 bits: the cheap test that a word,
// maybe with proclitics ("لشركة"), is none of them, before text::stems(). A word shorter than four
// bytes sets every bit.
class EndingFilter {
 public:
  void add(std::string_view word) {
    if (word.size() < 4) bits_.set();
    bits_.set(key(word));
  }
  bool may_end_in_one(std::string_view w) const { return bits_[key(w)]; }

 private:
  static std::size_t key(std::string_view w) {
    const auto* p = reinterpret_cast<const unsigned char*>(w.data()) + w.size();
    if (w.size() >= 4) return (((p[-4] * std::size_t{131} + p[-3]) * 131 + p[-2]) * 131 + p[-1]) & 4095;  // most words
    std::size_t key = 0;
    for (unsigned char c : w) key = key * 131 + c;
    return key & 4095;
  }
  std::bitset<4096> bits_;
};

// core/lang/*/appositions.tsv, folded.

struct Appositions {
  text::StringSet articles, then;
  text::StringSet named_with_article;  // nouns whose names may carry the article
  text::StringMap<int> nouns;  // → type index
  EndingFilter noun_endings;
  bool may_end_in_noun(std::string_view w) const { return noun_endings.may_end_in_one(w); }
};

const Appositions& appositions() {
  static const Appositions out = [] {
    Appositions a;
    for (const auto& row : data::rows_all_languages("appositions.tsv")) {
      if (row.size() < 2) continue;
      if (row[0] == "article") a.articles.insert(text::fold(row[1]));
      else if (row[0] == "then") a.then.insert(text::fold(row[1]));
      else if (row[0] == "article_name") a.named_with_article.insert(text::fold(row[1]));
      else if (const int type = ner::type_index(row[0]); type >= 0) a.nouns[text::fold(row[1])] = type;
    }
    for (const auto& [noun, type] : a.nouns) a.noun_endings.add(noun);
    return a;
  }();
  return out;
}

// A noun whose names may carry the article (appositions.tsv article_name: "صحيفة", "نادي").
bool named_with_article(const text::Token& t) {
  const Appositions& a = appositions();
  if (t.kind != text::TokenKind::word || !a.may_end_in_noun(t.form())) return false;
  for (std::string_view w : text::stems(t))
    if (a.named_with_article.count(w)) return true;
  return false;
}

// The type an apposition right after m gives it ("Mer Vivante, a campaign group that …"), or -1: a
// comma, an article, at most three words ending in a listed noun that ends the phrase.
int apposition_type(const text::Tokens& tokens, const ner::Mention& m) {
  constexpr std::size_t kMaxWords = 3;
  const Appositions& a = appositions();
  const std::size_t comma = m.last;
  if (comma + 1 >= tokens.size() || tokens[comma].form() != "," || !a.articles.count(tokens[comma + 1].form())) return -1;
  for (std::size_t k = comma + 2; k < tokens.size() && k < comma + 2 + kMaxWords; ++k) {
    if (tokens[k].kind != text::TokenKind::word) return -1;
    const auto noun = a.nouns.find(tokens[k].form());
    if (noun == a.nouns.end()) continue;
    const bool ends = k + 1 == tokens.size() || tokens[k + 1].kind != text::TokenKind::word ||
                      a.then.count(tokens[k + 1].form());
    return ends ? noun->second : -1;
  }
  return -1;
}

// The type a listed noun right before m gives it ("the French utility Armor Energie", "the campaign
// group Mer Vivante", "لشركة سياك"), or -1. Not a noun with the article: "رئيس النادي رامون
// كالديرون", "عمدة المدينة كلاوس فوفرايت" name a person after it. A MISC noun, a stadium's, leaves a
// place as it is: the city it stands in ("استاد الدوحة").
int descriptor_type(const text::Tokens& tokens, const ner::Mention& m) {
  if (m.first == 0 || tokens[m.first - 1].kind != text::TokenKind::word || definite(tokens[m.first - 1])) return -1;
  const auto& nouns = appositions().nouns;
  for (std::string_view s : text::stems(tokens[m.first - 1]))
    if (const auto noun = nouns.find(s); noun != nouns.end())
      return noun->second == ner::type_index("MISC") && m.type == ner::type_index("LOC") ? -1 : noun->second;
  return -1;
}

// core/lang/*/name_heads.tsv, folded: the words opening or closing a name that say its type, filed by
// the word at the name's edge (its first word for a start phrase, its last for an end phrase).
struct NameHead {
  int type = -1;
  std::vector<std::string> words;
};
struct NameHeads {
  text::StringMap<std::vector<NameHead>> starts, ends;
  text::StringMap<int> after;  // a lower-case word right after the name: "the Elorn estuary"
  text::StringMap<int> quoted;  // a word before a quoted name: "برنامج « الناس وأنا »"
  text::StringMap<int> clubs;   // a word opening a club's name with the place after it: "دينامو كييف"
  text::StringSet venues;       // a word before a name that makes it where a match is played: "في"
  text::StringSet goal_words;   // a number of goals written as a word in a score: "صفر"
  text::StringSet legal_forms;  // a company's legal form ending its name: "inc"
  EndingFilter club_endings, place_head_endings;  // place heads: a start row's one LOC word
  bool may_end_in_club(std::string_view w) const { return club_endings.may_end_in_one(w); }
  bool may_end_in_place_head(std::string_view w) const { return place_head_endings.may_end_in_one(w); }
};

const NameHeads& name_heads() {
  static const NameHeads out = [] {
    NameHeads heads;
    for (const auto& row : data::rows_all_languages("name_heads.tsv")) {
      if (row.size() >= 2 && (row[0] == "venue" || row[0] == "goals")) {
        (row[0] == "venue" ? heads.venues : heads.goal_words).insert(text::fold(row[1]));
        continue;
      }
      if (row.size() < 3 || ner::type_index(row[1]) < 0) continue;
      NameHead h{ner::type_index(row[1]), {}};
      for (const text::Token& t : text::tokenize(text::fold(row[2]))) h.words.emplace_back(t.form());
      if (h.words.empty()) continue;
      if (row[0] == "after" || row[0] == "quoted" || row[0] == "club") {
        (row[0] == "after" ? heads.after : row[0] == "quoted" ? heads.quoted : heads.clubs).emplace(h.words.front(), h.type);
        continue;
      }
      if (row.size() > 3 && row[3] == "legal") heads.legal_forms.insert(h.words.back());
      const bool start = row[0] == "start";
      auto& filed = start ? heads.starts[h.words.front()] : heads.ends[h.words.back()];
      filed.push_back(std::move(h));
    }
    for (const auto& [word, type] : heads.clubs) heads.club_endings.add(word);
    for (const auto& [word, filed] : heads.starts)
      for (const NameHead& h : filed)
        if (h.words.size() == 1 && h.type == ner::type_index("LOC")) heads.place_head_endings.add(word);
    return heads;
  }();
  return out;
}

}  // namespace

bool separator(const text::Token& t) {
  // comma, ARABIC COMMA, semicolon, ARABIC SEMICOLON, bar
  static constexpr std::string_view kSeparators[] = {",", "\xD8\x8C", ";", "\xD8\x9B", "|"};
  return t.kind == text::TokenKind::punct &&
         std::find(std::begin(kSeparators), std::end(kSeparators), t.form()) != std::end(kSeparators);
}

// A mention of acronyms and short forms of common nouns only (terms.tsv, as written: "AI", "SaaS").
bool common_terms_only(std::string_view text, const text::Tokens& tokens, const ner::Mention& m) {
  static const auto terms = [] {
    text::StringSet out;
    for (const auto& row : data::rows_all_languages("terms.tsv")) out.insert(std::string(row[0]));
    return out;
  }();
  const auto listed = [&](std::size_t start, std::size_t end) { return terms.count(text.substr(start, end - start)) > 0; };
  return listed(tokens[m.first].start, tokens[m.last - 1].end) ||  // the whole, as written: "Q&A", "Gen Z"
         std::all_of(tokens.begin() + m.first, tokens.begin() + m.last, [&](const text::Token& t) { return listed(t.start, t.end); });
}

bool letter_alone(const text::Tokens& tokens, const ner::Mention& m) {
  static const int organization = ner::type_index("ORG");
  const text::Token& t = tokens[m.first];
  return m.last - m.first == 1 && m.type != organization && t.kind == text::TokenKind::word &&
         text::count_code_points(t.form()) == 1;
}

// Four letters at least: "علي" (Ali) is a name.
bool nisba(const text::Token& t) {
  if (t.kind != text::TokenKind::word || text::count_code_points(t.form()) < 4) return false;
  const auto& list = endings().nisba;
  return std::any_of(list.begin(), list.end(), [&](const std::string& e) { return t.form().ends_with(e); });
}

std::string_view organization_head(const text::Token& t, NameEdge edge) {
  if (t.kind != text::TokenKind::word) return {};
  const auto& filed = edge == NameEdge::start ? name_heads().starts : name_heads().ends;
  for (std::string_view s : text::stems(t))
    if (const auto it = filed.find(s); it != filed.end())
      for (const NameHead& h : it->second)
        if (h.words.size() == 1 && h.type == ner::type_index("ORG")) return it->first;
  return {};
}

bool kind_noun(const text::Token& t) {
  if (t.kind != text::TokenKind::word) return false;
  const auto& quoted = name_heads().quoted;
  const auto& nouns = appositions().nouns;
  for (std::string_view s : text::stems(t))
    if (quoted.find(s) != quoted.end() || nouns.find(s) != nouns.end()) return true;
  return false;
}

bool legal_form(const text::Token& t) {
  return t.kind == text::TokenKind::word && name_heads().legal_forms.count(t.form()) > 0;
}

namespace {

// Whether the token is the folded word, or is it with a clitic written onto it ("لوزارة").
bool is_word(const text::Token& t, std::string_view word) {
  for (std::string_view s : text::stems(t))
    if (s == word) return true;
  return false;
}

// The type the words at m's end or start give it ("Stanford University", "Ministry of Defence",
// "وزارة الخارجية"), or a place's head word right before it ("نهر | الليطاني"), or the common noun
// written after it in lower case ("the Elorn estuary"), or -1.
// The name keeps words besides the head: "University" alone says nothing.
int head_type(std::string_view text, const text::Tokens& tokens, const ner::Mention& m) {
  const NameHeads& heads = name_heads();
  const auto matches = [&](const NameHead& h, std::size_t from) {
    for (std::size_t k = 0; k < h.words.size(); ++k)
      if (!is_word(tokens[from + k], h.words[k])) return false;
    return true;
  };
  const std::size_t length = m.last - m.first;
  for (std::string_view s : text::stems(tokens[m.last - 1]))
    if (const auto it = heads.ends.find(s); it != heads.ends.end())
      for (const NameHead& h : it->second)
        if (h.words.size() < length && matches(h, m.last - h.words.size())) return h.type;
  // A start phrase opens the name, or, of several words, follows the place the name belongs to
  // ("Massachusetts | Institute of Technology", "Missouri | Department of Higher Education").
  for (std::size_t k = m.first; k == m.first || k + 2 < m.last; ++k)
    for (std::string_view s : text::stems(tokens[k]))
      if (const auto it = heads.starts.find(s); it != heads.starts.end())
        for (const NameHead& h : it->second)
          if ((k == m.first ? h.words.size() < length : h.words.size() > 1 && k + h.words.size() < m.last) && matches(h, k))
            return h.type;
  // A place's head word right before the name, without the article, stands outside it as ANERcorp
  // writes it and types it ("نهر | الليطاني"; in the training part the name after one is a place 37
  // times of 39, MISC 2: "جبل مايون", a volcano); not a name written with "و", another one ("أبو
  // جبل | ومحمود محمود").
  if (m.first > 0 && tokens[m.first - 1].kind == text::TokenKind::word &&
      heads.may_end_in_place_head(tokens[m.first - 1].form()) && text::without_conjunction(tokens[m.first].form()).empty())
    for (std::string_view s : text::stems(tokens[m.first - 1]))
      if (const auto it = heads.starts.find(s); it != heads.starts.end())
        for (const NameHead& h : it->second)
          if (h.words.size() == 1 && h.type == ner::type_index("LOC") && !definite(tokens[m.first - 1])) return h.type;
  if (m.last < tokens.size()) {
    const text::Token& next = tokens[m.last];
    const auto it = heads.after.find(next.form());
    if (it != heads.after.end() &&
        text::first_letter_case(text.substr(next.start, next.end - next.start)) == text::LetterCase::lower)
      return it->second;
  }
  return -1;
}

// After a personal title, capitalized names are a person where the model found none ("Mr. Trump",
// which it left untagged after a place "Mr"; "President Macron"): the names up to the next word
// without a capital (an initial's period goes on: "Ross G. Hoyt"), none of them only a common English
// word ("General Motors", "Prince Edward Island" are no one). Not in scripts without capitals.
void name_after_titles(std::string_view text, const text::Tokens& tokens, std::vector<ner::Mention>& mentions) {
  const auto original = [&](const text::Token& t) { return text.substr(t.start, t.end - t.start); };
  const auto capitalized_word = [&](std::size_t k) {
    return k < tokens.size() && tokens[k].kind == text::TokenKind::word && text::first_letter_case(original(tokens[k])) == text::LetterCase::upper;
  };
  const int person = ner::type_index("PER");
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t first = i + 1;
    if (first < tokens.size() && tokens[first].form() == ".") ++first;
    // The cheap test first: this runs for every word.
    if (!capitalized_word(first) || tokens[i].kind != text::TokenKind::word || title_word(tokens[i]) != Title::personal)
      continue;
    std::size_t last = first;
    while (capitalized_word(last) && title_word(tokens[last]) == Title::none &&
           dictionary::listing(tokens[last].form()) != dictionary::kCommon) {
      ++last;
      const bool initial = text::count_code_points(tokens[last - 1].form()) == 1;
      if (initial && last < tokens.size() && tokens[last].form() == "." && capitalized_word(last + 1)) ++last;
    }
    if (last == first || capitalized_word(last)) continue;  // no name, or one with a common word in it
    const auto overlaps = [&](const ner::Mention& m) { return m.first < last && first < m.last; };
    if (std::any_of(mentions.begin(), mentions.end(), [&](const ner::Mention& m) { return overlaps(m) && m.type == person; }))
      continue;
    std::erase_if(mentions, overlaps);
    const auto at = std::find_if(mentions.begin(), mentions.end(), [&](const ner::Mention& m) { return m.first >= last; });
    mentions.insert(at, ner::Mention{first, last, person, true});
    i = last - 1;
  }
}

// Token k is a word for a day or a part of one (dates.tsv day_part: "يوم", "مساء") and a date follows
// it ("يوم الأحد", "مساء اليوم").
bool day_part_before_date(const text::Tokens& tokens, std::size_t k) {
  static const auto day_parts = [] {
    text::StringSet out;
    for (const auto& row : data::rows_all_languages("dates.tsv"))
      if (row[0] == "day_part" && row.size() > 1) out.insert(text::fold(row[1]));
    return out;
  }();
  if (tokens[k].kind != text::TokenKind::word || !day_parts.count(tokens[k].form())) return false;
  const LexMatch date = lexicon().longest(tokens, k + 1);
  return date.tokens > 0 && date.entry->type == "DATE";
}

// Whether tokens [first, last) are a country's name: one of ICU's regions in the lexicon.
bool country_at(const text::Tokens& tokens, std::size_t first, std::size_t last) {
  static const auto countries = [] {
    text::StringSet out;
    for (const auto& row : data::rows("common/icu_names.tsv"))
      if (row.size() > 2 && row[0] == "LOC") out.insert(std::string(row[2]));
    return out;
  }();
  const LexMatch match = lexicon().longest(tokens, first);
  return match.tokens == last - first && match.entry->type == "LOC" && countries.count(match.entry->norm);
}

// A country's name alone between brackets right after m, which no venue word ("في") precedes: a club in a table of
// results, "بنفيكا ( البرتغال )" (in ANERcorp's training part such names are ORG 12 times, LOC 6:
// a venue, "في برشلونة ( إسبانيا )", or part of a club's name).
bool country_in_brackets_after(const text::Tokens& tokens, const ner::Mention& m) {
  constexpr std::size_t kMaxWords = 3;
  const auto venue = [&](const text::Token& t) {
    for (std::string_view s : text::stems(t))
      if (name_heads().venues.count(s)) return true;
    return false;
  };
  if (m.last + 2 >= tokens.size() || tokens[m.last].form() != "(" || (m.first > 0 && venue(tokens[m.first - 1])))
    return false;
  for (std::size_t close = m.last + 2; close < tokens.size() && close <= m.last + 1 + kMaxWords; ++close)
    if (tokens[close].form() == ")") return country_at(tokens, m.last + 1, close);
  return false;
}

// A match's score right after m: "كوبنهاغن 1 - صفر" (goals in digits or a goals word, "صفر"). Before a score a
// country is its national team, a place ANERcorp's training part tags LOC (12 of 12), a club ORG (8).
bool score_after(const text::Tokens& tokens, const ner::Mention& m) {
  const auto goals = [&](std::size_t k) {
    return tokens[k].kind == text::TokenKind::number || name_heads().goal_words.count(tokens[k].form()) > 0;
  };
  return m.last + 2 < tokens.size() && goals(m.last) && tokens[m.last + 1].form() == "-" && goals(m.last + 2);
}

// ORG when m is a team, else -1: a place followed by the masculine of a nationality adjective
// (team_adjective(): "فاز على هامبورغ الألماني"); a place or a MISC name (the model's guesses at a
// club: "ليون ( فرنسا )") followed by its country in brackets, or, no country itself, by a score.
int team_type(const text::Tokens& tokens, const ner::Mention& m) {
  static const int place = ner::type_index("LOC"), misc = ner::type_index("MISC"), organization = ner::type_index("ORG");
  if (m.last >= tokens.size()) return -1;
  const bool team = (m.type == place && team_adjective(tokens, m.first, m.last)) ||
                    ((m.type == place || m.type == misc) &&
                     (country_in_brackets_after(tokens, m) ||
                      (score_after(tokens, m) && !country_at(tokens, m.first, m.last))));
  return team ? organization : -1;
}

enum class Subject { none, he, she, anyone };  // anyone: a person, a team, a club

// core/lang/*/verbs.tsv, folded.
Subject verb_subject(const text::Token& t) {
  static const auto verbs = [] {
    text::StringMap<Subject> out;
    for (const auto& row : data::rows_all_languages("verbs.tsv"))
      if (row.size() >= 2) out.emplace(text::fold(row[0]), row[1] == "he" ? Subject::he : row[1] == "she" ? Subject::she : Subject::anyone);
    return out;
  }();
  if (t.kind != text::TokenKind::word) return Subject::none;
  const auto it = verbs.find(t.form());
  return it == verbs.end() ? Subject::none : it->second;
}

}  // namespace

void type_by_head(ner::Sequence& s) {
  for (ner::Mention& m : s.mentions)
    if (int type = head_type(s.text, *s.tokens, m); type >= 0 || (type = team_type(*s.tokens, m)) >= 0)
      m.type = type, m.headed = true;
}

void join_club_names(ner::Sequence& s) {
  const text::Tokens& tokens = *s.tokens;
  const NameHeads& heads = name_heads();
  if (heads.clubs.empty() || s.mentions.empty()) return;
  const auto club_type = [&](std::size_t k) {
    const text::Token& t = tokens[k];
    if (t.kind != text::TokenKind::word || !heads.may_end_in_club(t.form())) return -1;
    for (std::string_view stem : text::stems(t))
      if (const auto it = heads.clubs.find(stem); it != heads.clubs.end()) return it->second;
    return -1;
  };
  // The club's word i stands right before a name the model found (the place) or is one itself: the
  // candidates are the words at and before each name's start, not every word.
  std::vector<std::size_t> candidates;
  for (const ner::Mention& m : s.mentions) {
    if (m.first > 0) candidates.push_back(m.first - 1);
    candidates.push_back(m.first);
  }
  for (const std::size_t i : candidates) {
    if (i + 1 >= tokens.size()) continue;
    const int type = club_type(i);
    const text::Token& place = tokens[i + 1];
    if (type < 0 || place.kind != text::TokenKind::word || function_word(place)) continue;
    const auto overlaps = [&](const ner::Mention& m) { return m.first < i + 2 && i < m.last; };
    // The place is a name (the model's, of any type) or a word the model never saw: not "دينامو يفوز".
    const bool named = std::any_of(s.mentions.begin(), s.mentions.end(),
                                   [&](const ner::Mention& m) { return m.first <= i + 1 && i + 1 < m.last; });
    if (!named && s.model->knows(ner::word_key(place.form()))) continue;
    // Not inside a longer name the model found ("… دينامو كييف للشباب"), nor joined already.
    if (std::any_of(s.mentions.begin(), s.mentions.end(),
                    [&](const ner::Mention& m) { return overlaps(m) && (m.first < i || m.last > i + 2); }) ||
        std::any_of(s.mentions.begin(), s.mentions.end(),
                    [&](const ner::Mention& m) { return m.first == i && m.last == i + 2 && m.type == type; }))
      continue;
    std::erase_if(s.mentions, overlaps);
    const auto at = std::find_if(s.mentions.begin(), s.mentions.end(), [&](const ner::Mention& m) { return m.first >= i + 2; });
    s.mentions.insert(at, ner::Mention{i, i + 2, type, true});
  }
}

void name_quoted_titles(ner::Sequence& s) {
  constexpr std::size_t kMaxWords = 6, kMaxWordsBetween = 1;
  const text::Tokens& tokens = *s.tokens;
  const auto& quoted = name_heads().quoted;
  if (quoted.empty()) return;
  const auto cue_type = [&](const text::Token& t) {
    if (t.kind != text::TokenKind::word) return -1;
    for (std::string_view stem : text::stems(t))
      if (const auto it = quoted.find(stem); it != quoted.end()) return it->second;
    return -1;
  };
  for (std::size_t open = 1; open + 2 < tokens.size(); ++open) {
    if (tokens[open].kind == text::TokenKind::word || !is_quote_mark(tokens[open].form())) continue;
    int type = -1;
    for (std::size_t k = open; k-- > 0 && open - k <= kMaxWordsBetween + 1 && tokens[k].kind == text::TokenKind::word;)
      if ((type = cue_type(tokens[k])) >= 0) break;
    if (type < 0) continue;
    std::size_t close = open + 1;
    while (close < tokens.size() && close <= open + kMaxWords && tokens[close].kind == text::TokenKind::word) ++close;
    if (close == open + 1 || close >= tokens.size() || !is_quote_mark(tokens[close].form())) continue;
    std::erase_if(s.mentions, [&](const ner::Mention& m) { return m.first < close && open + 1 < m.last; });
    const auto at = std::find_if(s.mentions.begin(), s.mentions.end(), [&](const ner::Mention& m) { return m.first >= close; });
    s.mentions.insert(at, ner::Mention{open + 1, close, type, true});
    open = close;
  }
}

void grow_persons_by_given_names(ner::Sequence& s) {
  const text::Tokens& tokens = *s.tokens;
  // Not with the article ("السيد", "بالتهاني": a title, a noun), nor a function or title word.
  const auto given_name = [&](std::size_t k) {
    const text::Token& t = tokens[k];
    if (t.kind != text::TokenKind::word || definite(t) || function_word(t) || title_word(t) != Title::none)
      return false;
    const auto stems = text::stems(t);
    return std::any_of(stems.begin(), stems.end(), [](std::string_view w) { return ner::is_given_name(w); });
  };
  const int person = ner::type_index("PER");
  for (std::size_t k = 0; k < s.mentions.size(); ++k) {
    ner::Mention& m = s.mentions[k];
    if (m.type != person) continue;
    const std::size_t before = k > 0 ? s.mentions[k - 1].last : 0;
    const std::size_t after = k + 1 < s.mentions.size() ? s.mentions[k + 1].first : tokens.size();
    // "ومتعب | وأسامة حسني": a name written with "و" is another person.
    const bool another_person = !text::without_conjunction(tokens[m.first].form()).empty();
    if (m.first > before && !another_person && given_name(m.first - 1)) {
      --m.first;
    } else if (m.last - m.first == 1 && m.last < after && given_name(m.first)) {
      const text::Token& next = tokens[m.last];
      if (next.kind == text::TokenKind::word && !function_word(next) &&
          title_word(next) == Title::none && !s.model->knows(ner::word_key(next.form())) &&
          !lower_case_word(s.text.substr(next.start, next.end - next.start)))  // "Hans returns"
        ++m.last;
    }
  }
}

void name_subjects_of_verbs(ner::Sequence& s) {
  const text::Tokens& tokens = *s.tokens;
  for (ner::Mention& m : s.mentions)
    for (std::size_t k = m.first + 1; k < m.last; ++k)
      if (verb_subject(tokens[k]) != Subject::none || day_part_before_date(tokens, k)) {
        m.last = k;
        break;
      }
  std::size_t k = 0;  // the first mention not before token i
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    while (k < s.mentions.size() && s.mentions[k].last <= i) ++k;
    const text::Token& t = tokens[i];
    const bool opens = i == 0 || tokens[i - 1].form() == ":";
    if (!opens || (k < s.mentions.size() && s.mentions[k].first <= i) || t.kind != text::TokenKind::word ||
        verb_subject(tokens[i + 1]) != Subject::he || function_word(t) || definite(t) ||
        title_word(t) != Title::none || s.model->knows(ner::word_key(t.form())))
      continue;
    s.mentions.insert(s.mentions.begin() + static_cast<std::ptrdiff_t>(k), ner::Mention{i, i + 1, ner::type_index("PER")});
  }
}

void type_persons_after_titles_or_nationalities(ner::Sequence& s) {
  const text::Tokens& tokens = *s.tokens;
  for (ner::Mention& m : s.mentions) {
    if (m.first == 0 || m.headed) continue;
    const text::Token& before = tokens[m.first - 1];
    if (before.kind != text::TokenKind::word || !definite(before)) continue;
    const auto player = [&] {
      const std::string_view adjective = text::without_conjunction(before.form());
      return m.type != ner::type_index("LOC") && text::without_conjunction(tokens[m.first].form()).empty() &&
             masculine_nationality(adjective.empty() ? before.form() : adjective);
    };
    if (title_word(before) != Title::none || player())
      m.type = ner::type_index("PER");
  }
}

void name_after_descriptors(ner::Sequence& s) {
  const text::Tokens& tokens = *s.tokens;
  const Appositions& a = appositions();
  std::size_t k = 0;  // the first mention not before token i
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    while (k < s.mentions.size() && s.mentions[k].last <= i + 1) ++k;
    const text::Token& next = tokens[i + 1];
    if (tokens[i].kind != text::TokenKind::word || !a.may_end_in_noun(tokens[i].form()) ||
        next.kind != text::TokenKind::word || (k < s.mentions.size() && s.mentions[k].first <= i + 1))
      continue;
    // A word the model knows only with the article after a noun whose names carry it ("صحيفة الحياة").
    if (s.model->knows(ner::word_key(next.form())) && (!named_with_article(tokens[i]) || !definite(next)))
      continue;
    if (function_word(next) || lower_case_word(s.text.substr(next.start, next.end - next.start)))  // "utility crews"
      continue;
    const ner::Mention m{i + 1, i + 2, 0};
    if (const int type = descriptor_type(tokens, m); type >= 0)
      s.mentions.insert(s.mentions.begin() + static_cast<std::ptrdiff_t>(k), ner::Mention{i + 1, i + 2, type});
  }
}

void name_clubs_before_countries(ner::Sequence& s) {
  const text::Tokens& tokens = *s.tokens;
  std::size_t k = 0;  // the first mention not before token i
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i + 1].form() != "(") continue;  // the cheap test first
    while (k < s.mentions.size() && s.mentions[k].last <= i) ++k;
    const ner::Mention club{i, i + 1, ner::type_index("ORG"), true};
    if (tokens[i].kind != text::TokenKind::word || (k < s.mentions.size() && s.mentions[k].first <= i) ||
        function_word(tokens[i]) || !country_in_brackets_after(tokens, club))
      continue;
    s.mentions.insert(s.mentions.begin() + static_cast<std::ptrdiff_t>(k), club);
  }
}

namespace {

// core/lang/*/clubs.tsv, folded.
struct ClubWords {
  text::StringSet clubs, nouns, verbs, prepositions;
};

const ClubWords& club_words() {
  static const ClubWords words = [] {
    ClubWords out;
    for (const auto& row : data::rows_all_languages("clubs.tsv")) {
      if (row.size() < 2) continue;
      (row[0] == "club" ? out.clubs : row[0] == "noun" ? out.nouns : row[0] == "verb" ? out.verbs : out.prepositions)
          .insert(text::fold(row[1]));
    }
    return out;
  }();
  return words;
}

// The word of `words` a token is, past its proclitics ("للهلال", "والنصر"); empty when none.
std::string_view listed_stem(const text::Token& t, const text::StringSet& words) {
  if (t.kind != text::TokenKind::word) return {};
  for (std::string_view s : text::stems(t))
    if (const auto it = words.find(s); it != words.end()) return *it;
  return {};
}

}  // namespace

void name_clubs_in_match_frames(std::vector<ner::Sequence>& document) {
  constexpr std::size_t kFrameWords = 5;  // the match's verb or noun before the opponent's preposition, at most
  static const int organization = ner::type_index("ORG");
  const ClubWords& w = club_words();
  if (w.clubs.empty()) return;
  text::FormAnswers may_be_club;  // most words are none, and a document repeats them
  const auto club_at = [&](const text::Token& t) {
    const auto ask = [&](const text::Token& u) { return !listed_stem(u, w.clubs).empty(); };
    return may_be_club(t, ask) ? listed_stem(t, w.clubs) : std::string_view();
  };
  const auto frame_word = [&](const text::Token& t) {
    return !listed_stem(t, w.nouns).empty() || !listed_stem(t, w.verbs).empty();
  };
  const auto mention_at = [](const ner::Sequence& s, std::size_t i) {
    return std::find_if(s.mentions.begin(), s.mentions.end(), [&](const ner::Mention& m) { return m.first <= i && i < m.last; });
  };
  const auto add = [](ner::Sequence& s, std::size_t i) {
    const auto at = std::find_if(s.mentions.begin(), s.mentions.end(), [&](const ner::Mention& m) { return m.first > i; });
    s.mentions.insert(at, ner::Mention{i, i + 1, organization, true});
  };
  text::StringSet named;  // the clubs a frame named
  for (ner::Sequence& s : document) {
    const text::Tokens& tokens = *s.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view club = club_at(tokens[i]);
      if (club.empty() || mention_at(s, i) != s.mentions.end()) continue;
      bool frame = (i + 1 < tokens.size() && !listed_stem(tokens[i + 1], w.verbs).empty()) ||  // "الهلال يفوز"
                   score_after(tokens, ner::Mention{i, i + 1});
      if (!frame && i > 0) {
        const text::Token& before = tokens[i - 1];
        const auto joined = mention_at(s, i - 1);  // "الهلال والنصر": a club, "و", a club
        frame = frame_word(before) ||
                (joined != s.mentions.end() && joined->type == organization &&
                 !text::without_conjunction(tokens[i].form()).empty());
        if (!frame && !listed_stem(before, w.prepositions).empty())  // "خسر فريق الهلال أمام الاتحاد"
          for (std::size_t k = i - 1; k-- > 0 && i - 1 - k <= kFrameWords && !frame;) frame = frame_word(tokens[k]);
      }
      if (!frame) continue;
      add(s, i);
      named.insert(std::string(club));
    }
  }
  if (named.empty()) return;
  for (ner::Sequence& s : document)
    for (std::size_t i = 0; i < s.tokens->size(); ++i)
      if (const std::string_view club = club_at((*s.tokens)[i]); !club.empty() && named.count(club) &&
          mention_at(s, i) == s.mentions.end())
        add(s, i);
}

void type_by_apposition(std::vector<ner::Sequence>& document) {
  using Words = std::vector<std::string_view>;  // a name's folded words
  const auto words = [](const ner::Sequence& s, const ner::Mention& m) {
    Words out;
    for (std::size_t i = m.first; i < m.last; ++i) out.push_back((*s.tokens)[i].form());
    return out;
  };
  std::map<Words, int> typed;
  text::WordSet last_words;  // of the typed names: most mentions are none of theirs, told without a key
  for (const ner::Sequence& s : document)
    for (const ner::Mention& m : s.mentions)
      if (int type = apposition_type(*s.tokens, m); type >= 0 || (type = descriptor_type(*s.tokens, m)) >= 0)
        typed[words(s, m)] = type, last_words.insert((*s.tokens)[m.last - 1].form());
  if (typed.empty()) return;
  for (ner::Sequence& s : document)
    for (ner::Mention& m : s.mentions)
      if (last_words.contains((*s.tokens)[m.last - 1].form()))
        if (const auto it = typed.find(words(s, m)); it != typed.end()) m.type = it->second;
}

bool list_line(const text::Tokens& tokens) { return list_colon(tokens) > 0; }

bool capitalized_by_style(std::string_view role) {
  return role == "title" || role == "subtitle" || role == "subheading" || role == "byline" || role == "related" ||
         role == "teaser" || role == "read_also" || role == "boilerplate";
}

bool title_cased(std::string_view text, const text::Tokens& tokens) {
  constexpr std::size_t kMinWords = 3, kMinLetters = 4, kMaxWords = 12;
  std::size_t capitalized = 0, words = 0;
  for (const text::Token& t : tokens) {
    if (t.kind == text::TokenKind::punct && (t.form() == "." || t.form() == "!")) return false;  // a sentence
    if (t.kind == text::TokenKind::word && ++words > kMaxWords) return false;  // a heading is short
    if (t.kind != text::TokenKind::word || !text::has_code_points(t.form(), kMinLetters) || function_word(t)) continue;
    if (text::first_letter_case(text.substr(t.start, t.end - t.start)) != text::LetterCase::upper) return false;
    ++capitalized;
  }
  return capitalized >= kMinWords;
}

void drop_styled_common_words(std::vector<ner::Sequence>& document) {
  // Every word a common word, and one at least no name too: "More Event Data Collection" ("More" is
  // also a name), not "Bill Gates".
  const auto common_words = [](const ner::Sequence& s, const ner::Mention& m) {
    bool only_common = false;
    const bool all_common = std::all_of(s.tokens->begin() + m.first, s.tokens->begin() + m.last, [&](const text::Token& t) {
      if (t.kind != text::TokenKind::word) return true;
      std::uint8_t listing = dictionary::listing(t.form());
      // A word newer than the list counts as what it is made from: "Wellness", "Sustainability".
      if (listing == dictionary::kUnlisted && dictionary::derived_from_common(t.form())) listing = dictionary::kCommon;
      only_common = only_common || listing == dictionary::kCommon;
      return (listing & dictionary::kCommon) != 0;
    });
    return all_common && only_common;
  };
  const auto spelling = [](const ner::Sequence& s, const ner::Mention& m) {
    std::string out;
    for (std::size_t i = m.first; i < m.last; ++i) out.append((*s.tokens)[i].form()).push_back(' ');
    return out;
  };
  std::unordered_set<std::string> named_in_prose;
  for (const ner::Sequence& s : document)
    if (!s.styled)
      for (const ner::Mention& m : s.mentions)
        if (common_words(s, m)) named_in_prose.insert(spelling(s, m));
  for (ner::Sequence& s : document)
    if (s.styled)
      std::erase_if(s.mentions, [&](const ner::Mention& m) {
        return !m.headed && common_words(s, m) && !named_in_prose.count(spelling(s, m));
      });
}

void drop_sentence_openers_written_lower(std::vector<ner::Sequence>& document) {
  const auto written = [](const ner::Sequence& s, const text::Token& t) {
    return s.text.substr(t.start, t.end - t.start);
  };
  // Whether token i of sequence k opens a sentence: never but after punctuation (the cheap test), then
  // as sentence_starts() has it, worked out once asked for.
  const auto after_punctuation = [&](std::size_t k, std::size_t i) {
    return i == 0 || (*document[k].tokens)[i - 1].kind == text::TokenKind::punct;
  };
  std::vector<std::vector<bool>> starts(document.size());
  const auto opens_sentence = [&](std::size_t k, std::size_t i) {
    if (!after_punctuation(k, i)) return false;
    if (starts[k].empty()) starts[k] = ner::sentence_starts(*document[k].tokens);
    return static_cast<bool>(starts[k][i]);
  };
  // The mentions (by sequence and index) of one capitalized word opening a sentence that the word
  // list has as a common word, maybe as a name too ("Prices"); their words, and as a cheap test
  // before openers.contains(), a bit for each word's first byte and length.
  std::vector<std::pair<std::size_t, std::size_t>> openings;
  text::WordSet openers;
  std::uint64_t shapes = 0;
  const auto shape = [](std::string_view w) {
    return std::uint64_t{1} << ((static_cast<unsigned char>(w[0]) ^ w.size()) & 63);
  };
  for (std::size_t k = 0; k < document.size(); ++k) {
    const ner::Sequence& s = document[k];
    for (std::size_t j = 0; j < s.mentions.size(); ++j) {
      const ner::Mention& m = s.mentions[j];
      const text::Token& t = (*s.tokens)[m.first];
      if (m.last - m.first != 1 || m.headed || t.kind != text::TokenKind::word || !after_punctuation(k, m.first) ||
          !capitalized_word(written(s, t)) || !(dictionary::listing(t.form()) & dictionary::kCommon) ||
          !opens_sentence(k, m.first))
        continue;
      openings.emplace_back(k, j);
      openers.insert(t.form());
      shapes |= shape(t.form());
    }
  }
  if (openings.empty()) return;
  // Those the document writes in lower case, and those it names inside a sentence.
  text::WordSet lower, named;
  for (std::size_t k = 0; k < document.size(); ++k) {
    const ner::Sequence& s = document[k];
    for (const text::Token& t : *s.tokens)
      if (t.kind == text::TokenKind::word && (shapes & shape(t.form())) && openers.contains(t.form()) &&
          text::first_letter_case(written(s, t)) == text::LetterCase::lower)
        lower.insert(t.form());
    for (const ner::Mention& m : s.mentions) {
      const std::string_view w = (*s.tokens)[m.first].form();
      if (m.last - m.first == 1 && (shapes & shape(w)) && openers.contains(w) && !opens_sentence(k, m.first))
        named.insert(w);
    }
  }
  std::vector<std::vector<bool>> dropped(document.size());
  for (const auto& [k, j] : openings) {
    const std::string_view w = (*document[k].tokens)[document[k].mentions[j].first].form();
    if (!lower.contains(w) || named.contains(w)) continue;
    if (dropped[k].empty()) dropped[k].resize(document[k].mentions.size());
    dropped[k][j] = true;
  }
  for (std::size_t k = 0; k < document.size(); ++k) {
    if (dropped[k].empty()) continue;
    std::size_t j = 0;
    std::erase_if(document[k].mentions, [&](const ner::Mention&) { return dropped[k][j++]; });
  }
}

bool function_word(const text::Token& t) {
  for (std::string_view s : text::stems(t))
    if (function_words().count(s)) return true;
  return false;
}

namespace {

// core/lang/*/name_endings.tsv: the endings that tell whether a person's name ends before a word.
struct NameEndings {
  std::vector<std::string> possessive, foreign;  // as written
  std::vector<std::string> name;                 // folded
  text::StringSet compound_openings;             // folded
};

const NameEndings& name_endings() {
  static const NameEndings endings = [] {
    NameEndings out;
    for (const auto& row : data::rows_all_languages("name_endings.tsv")) {
      if (row.size() < 2) continue;
      const std::string value(row[1]);
      if (row[0] == "possessive") out.possessive.push_back(value);
      else if (row[0] == "foreign_ending") out.foreign.push_back(value);
      else if (row[0] == "name_ending") out.name.push_back(text::fold(value));
      else if (row[0] == "compound_opening") out.compound_openings.insert(text::fold(value));
    }
    return out;
  }();
  return endings;
}

}  // namespace

void drop_false_names(ner::Sequence& s) {
  const text::Tokens& tokens = *s.tokens;
  split_at_punctuation(tokens, s.mentions);
  split_after_possessives(tokens, s.mentions);
  cut_lower_case_ends(s.text, tokens, s.mentions);
  const std::size_t colon = list_colon(tokens);
  std::vector<bool> opens;  // sentence_starts(), worked out for the first one-word mention
  // One common word, no name, opening a sentence: its capital is the sentence's ("Finally", "Now").
  const auto sentence_opening_common_word = [&](const ner::Mention& m) {
    const text::Token& t = tokens[m.first];
    if (m.last - m.first != 1 || t.kind != text::TokenKind::word || text::first_letter_case(s.text.substr(t.start, t.end - t.start)) != text::LetterCase::upper ||
        dictionary::listing(t.form()) != dictionary::kCommon)
      return false;
    if (opens.empty()) opens = ner::sentence_starts(tokens);
    return static_cast<bool>(opens[m.first]);
  };
  // One word opening with a digit is a measure or a model number ("4K", "12GB", "60FPS"), no name.
  const auto measure = [&](const ner::Mention& m) {
    const text::Token& t = tokens[m.first];
    return m.last - m.first == 1 && t.end > t.start && std::isdigit(static_cast<unsigned char>(s.text[t.start]));
  };
  // Titles and occupations with the article name no one ("الحارس", the goalkeeper, which the model
  // took for an organization); between quotation marks one may be a newspaper's name ("« السفير »"),
  // without the article a name ("رييس", Reyes, folds as "رئيس" does).
  const auto titles_only = [&](const ner::Mention& m) {
    if (title_word(tokens[m.first]) == Title::none) return false;  // the cheap test first: most mentions
    const bool quoted = m.first > 0 && m.last < tokens.size() && is_quote_mark(tokens[m.first - 1].form()) &&
                        is_quote_mark(tokens[m.last].form());
    return !quoted && std::all_of(tokens.begin() + m.first, tokens.begin() + m.last, [](const text::Token& t) {
      return title_word(t) != Title::none && definite(t);
    });
  };
  // "مها أحمد برنامجا" (presented a programme), "رواية محفوظ" (Mahfouz's novel): the noun before or
  // after the name is no part of it.
  const int person = ner::type_index("PER");
  // A word written with a pronoun suffix is no end of a name ("طلعت زكريا حلمه", his dream), unless a
  // given name, a name's own ending, or a foreign name's on a word no function word ("أوليفيه").
  const NameEndings& endings = name_endings();
  const auto ends_in = [](std::string_view word, const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& e) { return word.ends_with(e); });
  };
  const auto possessed = [&](const text::Token& t) {
    const std::string_view written = s.text.substr(t.start, t.end - t.start);
    if (t.kind != text::TokenKind::word || !ends_in(written, endings.possessive) || ends_in(t.form(), endings.name) ||
        (ends_in(written, endings.foreign) && !function_word(t)))
      return false;
    const auto stems = text::stems(t);
    return std::none_of(stems.begin(), stems.end(), [](std::string_view w) { return ner::is_given_name(w); });
  };
  const auto compound_second = [&](std::size_t k) { return endings.compound_openings.contains(tokens[k - 1].form()); };
  const auto written = [&](const text::Token& t) { return s.text.substr(t.start, t.end - t.start); };
  // Alone, a noun for a kind of thing, a legal form ("Acme, LLC") or a currency's code ("in USD").
  const auto lone_word_of_no_name = [&](const text::Token& t) {
    return kind_noun(t) || legal_form(t) || currency_code(written(t));
  };
  // In a script with capitals, a name has one: "reply" opening a link's "reply to comment" is none.
  const auto lower_case_only = [&](const ner::Mention& m) {
    return std::all_of(tokens.begin() + m.first, tokens.begin() + m.last, [&](const text::Token& t) {
      if (t.kind != text::TokenKind::word) return t.kind != text::TokenKind::number;
      return text::first_letter_case(written(t)) == text::LetterCase::lower && lower_case_word(written(t));  // the cheap test first
    });
  };
  const auto capitalized = [&](const text::Token& t) { return text::first_letter_case(written(t)) == text::LetterCase::upper; };
  for (ner::Mention& m : s.mentions) {
    while (m.type == person && m.last - m.first > 1 && !compound_second(m.last - 1) &&
           (kind_noun(tokens[m.last - 1]) || possessed(tokens[m.last - 1])))
      --m.last;
    // Nor does the noun opening any name belong to it: "نادي | الوحدة", "مدينة | أولم" (in ANERcorp's
    // training part the appositions' nouns stand outside the name after them 291 times, inside 32).
    while (m.last - m.first > 1 && kind_noun(tokens[m.first])) ++m.first;
    // Nor does a preposition or another function word end one: "الاتحاد | أمام الأهلي" (against), "مايكل |
    // غير", "Bank | of"; one written with a capital may ("Let It Be", "the US"). A person's last word is
    // one only as the list writes it: "عادل امام" (the actor Adel Imam) folds as "أمام" does.
    while (m.last - m.first > 1 && bare_function_word(tokens[m.last - 1]) && !capitalized(tokens[m.last - 1]) &&
           (m.type != person || function_words(false).contains(written(tokens[m.last - 1]))))
      --m.last;
  }
  std::erase_if(s.mentions, [&](const ner::Mention& m) {
    // Not places: foreign place names end so ("فارنا", Varna).
    if (description(tokens, m) || titles_only(m) || (m.type != ner::type_index("LOC") && verb_with_suffix(tokens[m.first])) ||
        heading_of_common_words(tokens, m) || function_words_only(s.text, tokens, m) ||
        sentence_opening_common_word(m) || measure(m) || (m.last - m.first == 1 && lone_word_of_no_name(tokens[m.first])) ||
        lower_case_only(m))
      return true;
    if (colon == 0) return false;
    if (m.last <= colon) return true;  // the label
    return m.last - m.first == 1 && tokens[m.first].kind == text::TokenKind::word &&
           dictionary::listing(tokens[m.first].form()) == dictionary::kCommon;
  });
  trim_titles(tokens, s.mentions);  // after the descriptions went: "خبير استراتيجي" is no one
  if (!s.styled) name_after_titles(s.text, tokens, s.mentions);  // a headline capitalizes every word
}

}  // namespace maqal::entities
