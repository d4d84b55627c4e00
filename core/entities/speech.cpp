#include "entities/speech.h"

#include <bitset>
#include <string>
#include <unordered_set>

#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

// The folded words of a file's rows: its first column, or only those marked so in its second.
text::StringSet folded_rows(std::string_view file, std::string_view mark = {}) {
  text::StringSet out;
  for (const auto& row : data::rows_all_languages(file))
    if (mark.empty() || (row.size() > 1 && row[1] == mark)) out.insert(text::fold(row[0]));
  return out;
}

// The folded words of a file's rows of a kind, the kind first ("saying	قوله").
text::StringSet folded_words_of_kind(std::string_view file, std::string_view kind) {
  text::StringSet out;
  for (const auto& row : data::rows_all_languages(file))
    if (row.size() > 1 && row[0] == kind) out.insert(text::fold(row[1]));
  return out;
}

bool stem_in(const text::Token& token, const text::StringSet& words) {
  if (token.kind != text::TokenKind::word) return false;
  for (std::string_view s : text::stems(token))
    if (words.count(s)) return true;
  return false;
}

// The speech verbs' folded forms, with a bit per text::fingerprint() of them: every word of a text is
// looked up, most are no verb.
class Verbs {
 public:
  Verbs() : forms_(folded_rows("speech_verbs.tsv")) {
    for (const auto& f : forms_) bits_[text::fingerprint(f)] = true;
  }
  bool contains(std::string_view w) const { return bits_[text::fingerprint(w)] && forms_.count(w) > 0; }

 private:
  text::StringSet forms_;
  std::bitset<text::kFingerprints> bits_;
};

bool is_verb_form(std::string_view form) {
  static const Verbs verbs;
  return verbs.contains(form);
}

}  // namespace

bool is_speech_verb(const text::Token& token) {
  if (token.kind != text::TokenKind::word) return false;
  for (std::string_view s : text::stems(token))
    if (is_verb_form(s)) return true;
  return false;
}

bool addresses_listener(const text::Token& token) {
  static const auto verbs = folded_rows("speech_verbs.tsv", "listener");
  return token.kind == text::TokenKind::word && verbs.count(token.form()) > 0;
}

bool names_quoted_source(const text::Token& token) {
  static const auto words = folded_words_of_kind("quoted_sources.tsv", "from");
  return stem_in(token, words);
}

bool quotes_source(const text::Token& token) {
  static const auto words = folded_words_of_kind("quoted_sources.tsv", "saying");
  return stem_in(token, words);
}

bool person_pronoun(const text::Token& token) {
  static const auto pronouns = folded_rows("pronouns.tsv", "person");
  return pronouns.count(token.form()) > 0;
}

bool continues_speech(const text::Tokens& tokens, std::size_t from) {
  static const auto pronouns = folded_rows("pronouns.tsv");
  if (from >= tokens.size() || tokens[from].kind != text::TokenKind::word) return false;
  if (std::string_view bare = text::without_conjunction(tokens[from].form()); !bare.empty() && is_verb_form(bare))
    return true;
  return from + 1 < tokens.size() && pronouns.count(tokens[from].form()) && is_speech_verb(tokens[from + 1]);
}

}  // namespace maqal::entities
