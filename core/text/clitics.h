// Clitics: the particles written onto a word (و ف ب ل ك ال, English 's) that lookups look past.
#pragma once

#include <new>
#include <string>
#include <string_view>

#include "text/tokens.h"

namespace maqal::text {

// A word and its stems, without allocating (lookups call this for every token). The views past
// size() are left unset: a std::string_view array would be zeroed on every call.
class Stems {
 public:
  static constexpr std::size_t kCapacity = 8;
  void push_back(std::string_view s) {
    if (size_ < kCapacity) new (&items_[size_++ * sizeof(std::string_view)]) std::string_view(s);
  }
  const std::string_view* begin() const { return std::launder(reinterpret_cast<const std::string_view*>(items_)); }
  const std::string_view* end() const { return begin() + size_; }
  std::size_t size() const { return size_; }
  std::string_view front() const { return *begin(); }

 private:
  alignas(std::string_view) unsigned char items_[kCapacity * sizeof(std::string_view)];
  std::size_t size_ = 0;
};

// The folded word itself, then the stems left after removing one listed prefix or suffix
// (core/lang/*/clitics.tsv) when at least two letters remain.
Stems stems(std::string_view folded_word);

// stems() of a token's form, from the cuts it carries when its tokenizer worked them out (inline:
// the lookups ask it about seven times a token).
inline Stems stems(const Token& token) {
  const std::string_view word = token.form();
  const auto& cuts = token.stem_cuts.cuts;
  if (cuts[0] == StemCuts::kUnknown) return stems(word);
  Stems out;
  out.push_back(word);
  for (std::size_t i = 0; i < cuts.size() && cuts[i] != 0; ++i)
    out.push_back(cuts[i] & StemCuts::kSuffix ? word.substr(0, word.size() - (cuts[i] & ~StemCuts::kSuffix))
                                              : word.substr(cuts[i]));
  return out;
}

// The cuts that give stems(folded_word) (kUnknown first if they do not fit).
StemCuts stem_cuts(std::string_view folded_word);

// The folded word without a leading conjunction ("وأضاف" → "أضاف"), or empty if it has none.
std::string_view without_conjunction(std::string_view folded_word);

// The article a fused proclitic stands for ("لل" is ل + "ال"), or empty; data: kind article_fused.
std::string_view fused_article(std::string_view folded_prefix);

// The folded prefix is one that means "like" ("ك", "وك"; data: kind simile): before the article it
// is rare on a name, and foreign names open with its letters ("كاليفورنيا", California).
bool simile(std::string_view folded_prefix);

// The folded prefix ends with a definite article ("وال").
bool ends_with_article(std::string_view folded_prefix);

// The folded word without a leading definite article ("الجمعه" → "جمعه"), or empty if it has none.
std::string_view without_article(std::string_view folded_word);

}  // namespace maqal::text
