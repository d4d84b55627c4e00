#include "text/clitics.h"

#include "lang/data.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::text {
namespace {

struct Clitics {
  std::vector<std::string> prefixes, suffixes, articles, conjunctions;
  std::vector<std::pair<std::string, std::string>> fused;  // "لل" → "ال"
  Clitics() {
    for (const auto& row : data::rows_all_languages("clitics.tsv")) {
      if (row.size() < 2) continue;
      std::string form = fold(row[1]);
      if (row[0] == "prefix") prefixes.push_back(form);
      else if (row[0] == "suffix") suffixes.push_back(form);
      else if (row[0] == "article") { articles.push_back(form); prefixes.push_back(form); }
      else if (row[0] == "conjunction") { conjunctions.push_back(form); prefixes.push_back(form); }
      else if (row[0] == "article_fused" && row.size() > 2) fused.emplace_back(form, fold(row[2]));
    }
  }
};

const Clitics& clitics() {
  static const Clitics instance;
  return instance;
}

constexpr std::size_t kMinStemLetters = 2;
// A name without its article keeps at least three letters: "ألفي" (2000) is not "ال" + "في".
constexpr std::size_t kMinBareNameLetters = 3;

}  // namespace

Stems stems(std::string_view word) {
  Stems out;
  out.push_back(word);
  const Clitics& c = clitics();
  // Comparing the last byte first turns most clitics away without a call: this runs for every token.
  for (const auto& p : c.prefixes)
    if (word.size() > p.size() && word[p.size() - 1] == p.back() && word.starts_with(p) &&
        count_code_points(word.substr(p.size())) >= kMinStemLetters)
      out.push_back(word.substr(p.size()));
  for (const auto& s : c.suffixes)
    if (word.size() > s.size() && word.back() == s.back() && word.ends_with(s) &&
        count_code_points(word.substr(0, word.size() - s.size())) >= kMinStemLetters)
      out.push_back(word.substr(0, word.size() - s.size()));
  return out;
}

std::string_view fused_article(std::string_view prefix) {
  for (const auto& [written, article] : clitics().fused)
    if (prefix.ends_with(written)) return article;
  return {};
}

bool ends_with_article(std::string_view prefix) {
  for (const auto& a : clitics().articles)
    if (prefix.ends_with(a)) return true;
  return false;
}

std::string_view without_conjunction(std::string_view word) {
  for (const auto& c : clitics().conjunctions)
    if (word.size() > c.size() && word.starts_with(c) && count_code_points(word.substr(c.size())) >= kMinStemLetters)
      return word.substr(c.size());
  return {};
}

std::string_view without_article(std::string_view word) {
  for (const auto& a : clitics().articles)
    if (word.size() > a.size() && word.starts_with(a) && count_code_points(word.substr(a.size())) >= kMinBareNameLetters)
      return word.substr(a.size());
  return {};
}

}  // namespace maqal::text
