#include "text/clitics.h"

#include <algorithm>
#include <array>
#include <vector>

#include "lang/data.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::text {
namespace {

struct Clitics {
  std::vector<std::string> prefixes, suffixes, articles, conjunctions, similes;
  std::vector<std::pair<std::string, std::string>> fused;  // "لل" → "ال"
  Clitics() {
    for (const auto& row : data::rows_all_languages("clitics.tsv")) {
      if (row.size() < 2) continue;
      std::string form = fold(row[1]);
      if (row[0] == "prefix") prefixes.push_back(form);
      else if (row[0] == "suffix") suffixes.push_back(form);
      else if (row[0] == "article") { articles.push_back(form); prefixes.push_back(form); }
      else if (row[0] == "conjunction") { conjunctions.push_back(form); prefixes.push_back(form); }
      else if (row[0] == "simile") { similes.push_back(form); prefixes.push_back(form); }
      else if (row[0] == "article_fused" && row.size() > 2) fused.emplace_back(form, fold(row[2]));
    }
    for (std::size_t i = 0; i < prefixes.size(); ++i)
      for (int b = 0; b < 256; ++b)
        if (prefixes[i].size() < 2 || static_cast<unsigned char>(prefixes[i][1]) == b) prefixes_by_second[b].push_back(i);
    for (std::size_t i = 0; i < suffixes.size(); ++i)
      if (!suffixes[i].empty()) suffixes_by_last[static_cast<unsigned char>(suffixes[i].back())].push_back(i);
  }
  // stems() runs for every token: it tries only the prefixes whose second byte is the word's (all
  // of them under two bytes) and the suffixes ending in the word's last byte, in the lists' order.
  std::array<std::vector<std::size_t>, 256> prefixes_by_second, suffixes_by_last;
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
  if (word.size() < 2) return out;  // no clitic leaves a stem
  const Clitics& c = clitics();
  for (std::size_t i : c.prefixes_by_second[static_cast<unsigned char>(word[1])]) {
    const std::string& p = c.prefixes[i];
    if (word.size() > p.size() && word.starts_with(p) && has_code_points(word.substr(p.size()), kMinStemLetters))
      out.push_back(word.substr(p.size()));
  }
  for (std::size_t i : c.suffixes_by_last[static_cast<unsigned char>(word.back())]) {
    const std::string& s = c.suffixes[i];
    if (word.size() > s.size() && word.ends_with(s) &&
        has_code_points(word.substr(0, word.size() - s.size()), kMinStemLetters))
      out.push_back(word.substr(0, word.size() - s.size()));
  }
  return out;
}

StemCuts stem_cuts(std::string_view word) {
  StemCuts out;
  const Stems all = stems(word);
  if (all.size() > out.cuts.size() + 1) return out;
  out.cuts = {};
  for (std::size_t i = 1; i < all.size(); ++i) {  // after the word itself
    const std::string_view stem = all.begin()[i];
    const std::size_t cut = word.size() - stem.size();
    if (cut >= StemCuts::kSuffix) return StemCuts{};
    out.cuts[i - 1] = static_cast<std::uint8_t>(stem.data() == word.data() ? StemCuts::kSuffix | cut : cut);
  }
  return out;
}

std::string_view fused_article(std::string_view prefix) {
  for (const auto& [written, article] : clitics().fused)
    if (prefix.ends_with(written)) return article;
  return {};
}

bool simile(std::string_view prefix) {
  const auto& list = clitics().similes;
  return std::find(list.begin(), list.end(), prefix) != list.end();
}

bool ends_with_article(std::string_view prefix) {
  for (const auto& a : clitics().articles)
    if (prefix.ends_with(a)) return true;
  return false;
}

std::string_view without_conjunction(std::string_view word) {
  for (const auto& c : clitics().conjunctions)
    if (word.size() > c.size() && word.starts_with(c) && has_code_points(word.substr(c.size()), kMinStemLetters))
      return word.substr(c.size());
  return {};
}

std::string_view without_article(std::string_view word) {
  for (const auto& a : clitics().articles)
    if (word.size() > a.size() && word.starts_with(a) && has_code_points(word.substr(a.size()), kMinBareNameLetters))
      return word.substr(a.size());
  return {};
}

}  // namespace maqal::text
