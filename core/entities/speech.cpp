#include "entities/speech.h"

#include <array>
#include <bitset>
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

// The speech verbs' folded forms, with a bit per cheap fingerprint of them (size, second and last
// byte: an Arabic word's first byte is most often the same): every word of a text is looked up, most
// are no verb, and a clear bit says so without hashing the word.
class Verbs {
 public:
  Verbs() : forms_(folded_rows("speech_verbs.tsv")) {
    for (const auto& f : forms_) bits_[fingerprint(f)] = true;
  }
  bool contains(std::string_view w) const { return bits_[fingerprint(w)] && forms_.count(w) > 0; }

 private:
  static constexpr std::size_t kBits = 1 << 12;
  static std::size_t fingerprint(std::string_view w) {
    if (w.size() < 2) return w.size();
    return ((w.size() * 131 + static_cast<unsigned char>(w[1])) * 131 + static_cast<unsigned char>(w.back())) & (kBits - 1);
  }
  text::StringSet forms_;
  std::bitset<kBits> bits_;
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
  static const auto verbs = [] {
    text::StringSet out;
    for (const auto& row : data::rows_all_languages("speech_verbs.tsv"))
      if (row.size() > 1 && row[1] == "listener") out.insert(text::fold(row[0]));
    return out;
  }();
  return token.kind == text::TokenKind::word && verbs.count(token.form()) > 0;
}

namespace {

// Whether the token, looking past clitics, is a quoted_sources.tsv word of the kind.
bool quoted_source_word(const text::Token& token, std::string_view kind) {
  static const auto words = [] {
    std::array<text::StringSet, 2> out;  // from, saying
    for (const auto& row : data::rows_all_languages("quoted_sources.tsv"))
      if (row.size() > 1) out[row[0] == "saying"].insert(text::fold(row[1]));
    return out;
  }();
  if (token.kind != text::TokenKind::word) return false;
  const text::StringSet& set = words[kind == "saying"];
  for (std::string_view s : text::stems(token))
    if (set.count(s)) return true;
  return false;
}

}  // namespace

bool names_quoted_source(const text::Token& token) { return quoted_source_word(token, "from"); }
bool quotes_source(const text::Token& token) { return quoted_source_word(token, "saying"); }

bool person_pronoun(const text::Token& token) {
  static const auto pronouns = [] {
    text::StringSet out;
    for (const auto& row : data::rows_all_languages("pronouns.tsv"))
      if (row.size() > 1 && row[1] == "person") out.insert(text::fold(row[0]));
    return out;
  }();
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
