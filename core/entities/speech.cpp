#include "entities/speech.h"

#include <string>
#include <unordered_set>

#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

text::StringSet folded_rows(std::string_view file) {
  text::StringSet out;
  for (const auto& row : data::rows_all_languages(file)) out.insert(text::fold(row[0]));
  return out;
}

bool is_verb_form(std::string_view form) {
  static const auto verbs = folded_rows("speech_verbs.tsv");
  return verbs.count(form) > 0;
}

}  // namespace

bool is_speech_verb(const text::Token& token) {
  if (token.kind != text::TokenKind::word) return false;
  for (std::string_view s : text::stems(token.form()))
    if (is_verb_form(s)) return true;
  return false;
}

bool continues_speech(const text::Tokens& tokens) {
  static const auto pronouns = folded_rows("pronouns.tsv");
  if (tokens.empty() || tokens[0].kind != text::TokenKind::word) return false;
  if (std::string_view bare = text::without_conjunction(tokens[0].form()); !bare.empty() && is_verb_form(bare))
    return true;
  return tokens.size() > 1 && pronouns.count(tokens[0].form()) && is_speech_verb(tokens[1]);
}

}  // namespace maqal::entities
