#include "entities/lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "entities/dates.h"
#include "lang/data.h"
#include "text/clitics.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

bool is_word(const text::Token& t) { return t.kind != text::TokenKind::punct; }

// Punctuation a name may hold between two of its words, which the phrases are filed without: a hyphen
// or an ampersand ("Guinea-Bissau", "Johnson & Johnson"), or an abbreviation's period written right
// after it ("St. Louis").
bool joins_words(const text::Token& before, const text::Token& t) {
  return t.form() == "-" || t.form() == "&" || (t.form() == "." && t.start == before.end);
}

// Words of the longest phrase looked up (the lexicon's longest has 6: "Centers for Disease Control and Prevention").
constexpr std::size_t kMaxPhraseWords = 12;

// Countries, world regions, weekdays and months under their ICU names in Arabic and English, and
// languages under their own (common/icu_names.tsv, generated natively from ICU by tools/icu_names:
// the wasm carries none of ICU's locale data).
void add_icu_names(Lexicon& lex) {
  for (const auto& row : data::rows("common/icu_names.tsv"))
    if (row.size() > 2) lex.add(row[1], {std::string(row[0]), std::string(row[2])});
}

// Curated lexicons: <lang>/<file> rows "phrase<TAB>norm"; NORP entries also get the inflected
// forms listed in <lang>/inflections.tsv (إسرائيلي → إسرائيليون, Israeli → Israelis).
void add_curated(Lexicon& lex) {
  static constexpr std::pair<std::string_view, std::string_view> kFiles[] = {
      {"places.tsv", "LOC"},  {"organizations.tsv", "ORG"}, {"people.tsv", "PER"},
      {"groups.tsv", "NORP"}, {"numbers.tsv", "NUMBER"}};
  for (const auto& row : data::rows_all_languages("dates.tsv"))  // day ordinals, for date expressions
    if (row[0] == "ordinal" && row.size() > 2) lex.add(row[1], {"ORDINAL", std::string(row[2])});
    else if ((row[0] == "relative" || row[0] == "month" || row[0] == "decade") && row.size() > 2) lex.add(row[1], {"DATE", std::string(row[2])});
  for (const auto& p : counted_elapsed_phrases()) lex.add(p.phrase, {p.type, p.norm});  // "منذ ساعتين"
  for (std::string_view lang : {"ar/", "en/"}) {
    std::vector<std::string> suffixes;
    for (const auto& row : data::rows(std::string(lang) + "inflections.tsv")) suffixes.emplace_back(row[0]);
    for (const auto& [file, type] : kFiles) {
      for (const auto& row : data::rows(std::string(lang) + std::string(file))) {
        const std::string norm(row.size() > 1 ? row[1] : row[0]);
        lex.add(row[0], {std::string(type), norm});
        if (type == "NORP")
          for (const auto& suffix : suffixes) lex.add(std::string(row[0]) + suffix, {std::string(type), norm});
      }
    }
  }
}

// Whether an entry found under `stem`, a stem of the word `form`, fits the proclitic the stem leaves
// out: an entry filed without its article only after "لل"; a place's or an organization's name that
// has no article not after one ("المالي" is "the financial", not Mali; "الحماس" is enthusiasm, not
// Hamas; nationalities take it: "الإسرائيلي").
bool fits_prefix(std::string_view form, std::string_view stem, const LexEntry& entry) {
  const std::string_view prefix =
      stem.size() < form.size() && form.ends_with(stem) ? form.substr(0, form.size() - stem.size()) : std::string_view();
  if (entry.article_fused) return !text::fused_article(prefix).empty();
  return !((entry.type == "LOC" || entry.type == "ORG") && text::ends_with_article(prefix));
}

}  // namespace

bool is_acronym(std::string_view phrase) {
  int letters = 0;
  bool opens_upper = false;  // the first character, decoded: an Arabic lead byte read alone is "Ø"
  const auto* p = reinterpret_cast<const uint8_t*>(phrase.data());
  for (int32_t i = 0, n = static_cast<int32_t>(phrase.size()); i < n;) {
    const bool first = i == 0;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (u_islower(c)) return false;
    letters += u_isalpha(c) ? 1 : 0;
    if (first) opens_upper = u_isupper(c);
  }
  return letters >= 2 && opens_upper;
}

std::size_t Lexicon::fingerprint(std::string_view word) {
  return text::hash_word(word) >> (64 - kFingerprintBits);
}

void Lexicon::insert(std::string key, const LexEntry& entry, std::size_t words) {
  if (key.empty()) return;
  const std::string_view first = std::string_view(key).substr(0, key.find(' '));
  first_word_bits_[fingerprint(first)] = true;
  for (std::size_t space = first.size(); space < key.size();) {
    const std::size_t end = std::min(key.find(' ', space + 1), key.size());
    later_word_bits_[fingerprint(std::string_view(key).substr(space + 1, end - space - 1))] = true;
    space = end;
  }
  FirstWord& f = first_words_[std::string(first)];
  f.longest = std::max(f.longest, words);
  if (words < 64) f.lengths |= std::uint64_t{1} << words;
  phrases_.try_emplace(std::move(key), entry);
}

std::string shadda_places(std::string_view utf8) {
  constexpr UChar32 kShadda = 0x0651;
  std::vector<std::size_t> after_letters;  // letters before each shadda, then turned to letters after
  std::size_t letters = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  for (int32_t i = 0, n = static_cast<int32_t>(utf8.size()); i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c == kShadda) after_letters.push_back(letters);
    else if (u_charType(c) != U_NON_SPACING_MARK) ++letters;
  }
  std::string out;
  for (std::size_t before : after_letters) out.push_back(static_cast<char>(letters - before));
  return out;
}

void Lexicon::add(std::string_view phrase, LexEntry entry) {
  entry.acronym = is_acronym(phrase);
  entry.doubled = shadda_places(phrase);
  entry.abbreviation = !entry.acronym && phrase.ends_with('.');
  int32_t at = 0;
  UChar32 initial = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(phrase.data()), at, static_cast<int32_t>(phrase.size()), initial);
  entry.capitalized = !u_islower(initial);  // lower-case data ("today", "one") matches in any case
  std::string key, rest;
  std::size_t words = 0;
  std::string first;
  for (const auto& t : text::tokenize(phrase)) {
    if (!is_word(t)) continue;  // "Guinea-Bissau" is looked up as "guinea bissau"
    if (words++ == 0) first = t.form();
    else (rest += ' ') += t.form();
  }
  if (!entry.doubled.empty()) {
    doubled_pending_.emplace_back(first + rest, std::move(entry));
    return;
  }
  insert(first + rest, entry, words);
  // Also under the first word without its article, so "للولايات" (لل + ولايات) finds "الولايات";
  // only so: "ورقة" (paper) is not "الرقة" (Raqqa), nor "رمادي" (grey) "الرمادي".
  if (std::string_view bare = text::without_article(first); !bare.empty()) {
    entry.article_fused = true;
    insert(std::string(bare) + rest, entry, words);
  }
}

const Lexicon::FirstWord* Lexicon::first_word(std::string_view stem) const {
  if (!first_word_bits_[fingerprint(stem)]) return nullptr;
  const auto it = first_words_.find(stem);
  return it != first_words_.end() ? &it->second : nullptr;
}

bool Lexicon::starts_phrase(const text::Token& t) const {
  if (!is_word(t)) return false;
  const auto stems = text::stems(t);
  return std::any_of(stems.begin(), stems.end(), [&](std::string_view f) { return first_word(f) != nullptr; });
}

LexMatch Lexicon::longest(const std::vector<text::Token>& tokens, std::size_t i) const {
  if (i >= tokens.size() || !is_word(tokens[i])) return {};
  // Most words start no phrase: check the first word's stems before building any longer key.
  text::Stems firsts;
  std::size_t longest_phrase = 0;
  std::uint64_t lengths = 0;  // of the phrases they start
  for (std::string_view f : text::stems(tokens[i]))
    if (const FirstWord* first = first_word(f)) {
      firsts.push_back(f);
      longest_phrase = std::max(longest_phrase, first->longest);
      lengths |= first->lengths;
    }
  if (firsts.size() == 0) return {};
  // The phrase's words from i, at most the longest phrase they start: adjacent, or joined (joins_words).
  std::array<std::size_t, kMaxPhraseWords> words{i};
  std::size_t run = 1;
  for (std::size_t k = i + 1; run < std::min(longest_phrase, kMaxPhraseWords) && k < tokens.size(); ++k, ++run) {
    if (!is_word(tokens[k]) && (!joins_words(tokens[k - 1], tokens[k]) || k + 1 >= tokens.size() || !is_word(tokens[++k]))) break;
    words[run] = k;
  }
  std::string middle, key;  // reused: most of the keys fit their first capacity
  for (std::size_t n = run; n >= 1; --n) {
    if (n < 64 && !(lengths >> n & 1)) continue;  // no phrase of n words starts so: no key to build
    middle.clear();
    std::size_t k = 1;
    for (; k + 1 < n && later_word_bits_[fingerprint(tokens[words[k]].form())]; ++k) (middle += ' ') += tokens[words[k]].form();
    if (k + 1 < n) continue;  // a middle word in no phrase
    // The last word may carry a suffix clitic ("Israel's"); a one-word phrase's stems cover it.
    text::Stems lasts;
    if (n == 1) lasts.push_back("");
    else
      for (std::string_view last : text::stems(tokens[words[n - 1]]))
        if (later_word_bits_[fingerprint(last)]) lasts.push_back(last);
    for (std::string_view first : firsts) {
      for (std::string_view last : lasts) {
        (key = first) += middle;
        if (n > 1) (key += ' ') += last;
        if (auto it = phrases_.find(key); it != phrases_.end() && fits_prefix(tokens[i].form(), first, it->second))
          return {words[n - 1] + 1 - i, &it->second};
      }
    }
  }
  return {};
}

void Lexicon::file_doubled() {
  for (auto& [key, entry] : doubled_pending_) {
    const auto it = phrases_.find(key);
    if (it == phrases_.end()) insert(key, entry, static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ') + 1));
    else doubled_[&it->second].push_back(std::move(entry));
  }
  doubled_pending_.clear();
}

const LexEntry& Lexicon::as_written(const LexEntry& entry, std::string_view written) const {
  const auto it = doubled_.find(&entry);
  if (it == doubled_.end()) return entry;
  const std::string places = shadda_places(written);
  for (const LexEntry& e : it->second)
    if (e.doubled == places) return e;
  return entry;
}

const Lexicon& lexicon() {
  static const Lexicon instance = [] {
    Lexicon lex;
    add_curated(lex);  // first: curated spellings and norms win over generated ones
    add_icu_names(lex);
    lex.file_doubled();
    return lex;
  }();
  return instance;
}

}  // namespace maqal::entities
