#include "structure/cues.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "lang/data.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::structure {
namespace {

enum class Match { line, label, field, prefix, count, contains, suffix, opening };

struct Cue {
  std::string role, kind;
  Match match;
  std::vector<std::string> forms;  // folded tokens of the phrase
};

// Beyond these many words a line is prose, not a cue line with a value.
constexpr std::size_t kMaxCueLineWords = 8;

std::vector<Cue> load_cues() {
  std::vector<Cue> cues;
  for (const auto& row : data::rows_all_languages("cues.tsv")) {
    if (row.size() < 3) continue;
    Cue cue;
    const std::string_view role = row[0];
    const std::size_t colon = role.find(':');
    cue.role = std::string(role.substr(0, colon));
    if (colon != std::string_view::npos) cue.kind = std::string(role.substr(colon + 1));
    cue.match = row[1] == "line" ? Match::line : row[1] == "label" ? Match::label : row[1] == "field" ? Match::field
              : row[1] == "prefix" ? Match::prefix : row[1] == "count" ? Match::count
              : row[1] == "suffix" ? Match::suffix : row[1] == "opening" ? Match::opening : Match::contains;
    for (auto& t : text::tokenize(row[2])) cue.forms.emplace_back(t.form());
    if (!cue.forms.empty()) cues.push_back(std::move(cue));
  }
  return cues;
}

// The cues in file order (the first that matches wins), and by their first form: a cue can only
// match a line that has that form at its place, so a line tries only the few cues its tokens start.
// The few "contains" cues apart: a line is searched for each of them, not each of its tokens looked up.
struct Cues {
  std::vector<Cue> all;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_first_form;
  std::vector<std::size_t> contains;
  std::uint64_t contains_sizes = 0;  // bit k: a "contains" cue's first form has k bytes (k < 64)
};

// A form of `size` bytes can be the first form of a "contains" cue: one test rules out most tokens.
bool contains_size(const Cues& table, std::size_t size) { return size < 64 && (table.contains_sizes >> size & 1); }

const Cues& cues() {
  static const Cues instance = [] {
    Cues out{load_cues(), {}, {}};
    for (std::size_t i = 0; i < out.all.size(); ++i)
      (out.all[i].match == Match::contains ? out.contains : out.by_first_form[out.all[i].forms[0]]).push_back(i);
    for (std::size_t i : out.contains)
      if (out.all[i].forms[0].size() < 64) out.contains_sizes |= std::uint64_t{1} << out.all[i].forms[0].size();
    return out;
  }();
  return instance;
}

// The cues whose first form could stand where their kind of match looks for it: the line's first
// token (line, label, prefix, opening), its second (count), its last word (suffix: a phrase of one word),
// any (contains), in file order.
std::vector<std::size_t> candidates(const std::vector<text::Token>& tokens, std::size_t used, bool contains) {
  const Cues& table = cues();
  std::vector<std::size_t> out;
  const auto add = [&](std::size_t at, auto wanted) {
    if (at >= tokens.size()) return;
    auto it = table.by_first_form.find(tokens[at].form());
    if (it == table.by_first_form.end()) return;
    for (std::size_t i : it->second)
      if (wanted(table.all[i].match)) out.push_back(i);
  };
  add(0, [](Match m) {
    return m == Match::line || m == Match::label || m == Match::field || m == Match::prefix || m == Match::opening;
  });
  add(1, [](Match m) { return m == Match::count; });
  if (used > 0) add(used - 1, [](Match m) { return m == Match::suffix; });
  if (contains)
    for (const auto& t : tokens)
      if (contains_size(table, t.form().size()))
        for (std::size_t i : table.contains)
          if (t.form() == table.all[i].forms[0]) out.push_back(i);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool starts_with_at(const std::vector<text::Token>& tokens, std::size_t at, const std::vector<std::string>& forms) {
  if (at + forms.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < forms.size(); ++k)
    if (tokens[at + k].form() != forms[k]) return false;
  return true;
}

// Where the value starts when a label of two words or more is glued to it, a link copied without the
// blank between them ("اقرأ أيضاًهوكشتاين: …"): the label's last word opens the line's word, followed
// by three letters at least (not a longer word: "قد يهمكم"); 0 when not.
std::size_t glued_value_start(std::string_view line, const std::vector<text::Token>& tokens,
                              const std::vector<std::string>& forms) {
  constexpr std::size_t kMinGluedLetters = 3;
  const std::size_t n = forms.size();
  if (n < 2 || tokens.size() < n || !starts_with_at(tokens, 0, {forms.begin(), forms.end() - 1})) return 0;
  const text::Token& glued = tokens[n - 1];
  if (glued.kind != text::TokenKind::word || !glued.form().starts_with(forms[n - 1]) ||
      !text::has_code_points(glued.form().substr(forms[n - 1].size()), kMinGluedLetters))
    return 0;
  const std::size_t label = text::written_size(line.substr(glued.start, glued.end - glued.start), forms[n - 1].size());
  return label == 0 ? 0 : glued.start + label;
}

bool is_separator(const text::Token& t) { return t.form() == ":" || t.form() == "-" || t.form() == "|" || t.form() == "–"; }

bool starts_lowercase(std::string_view s) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return u_islower(c);
}

bool opens_quote(const text::Token& t) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(t.form().data()), i, static_cast<int32_t>(t.form().size()), c);
  return u_charType(c) == U_INITIAL_PUNCTUATION || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK);
}

// The words of a line before its first quotation mark: a quoted title does not make a cue line
// prose ("59 Comments on “<the post's title>”").
std::size_t words_before_quote(const std::vector<text::Token>& tokens) {
  std::size_t n = 0;
  for (const auto& t : tokens) {
    if (t.kind == text::TokenKind::punct) {
      if (opens_quote(t)) break;
      continue;
    }
    ++n;
  }
  return n;
}

}  // namespace

std::size_t count_words(const std::vector<text::Token>& tokens) {
  std::size_t n = 0;
  for (const auto& t : tokens) n += t.kind != text::TokenKind::punct;
  return n;
}

// A photo's caption with its credit after it, as a caption field cue after the caption's last full
// stop: "Delegates in the plenary hall in Baku. Photograph: Rafiq Maqbool/AP".
std::optional<CueMatch> caption_with_credit(const std::vector<text::Token>& tokens) {
  constexpr std::size_t kMaxCreditWords = 6;
  const Cues& table = cues();
  for (std::size_t k = 1; k < tokens.size(); ++k) {
    if (tokens[k - 1].form() != ".") continue;
    const auto it = table.by_first_form.find(tokens[k].form());
    if (it == table.by_first_form.end()) continue;
    for (std::size_t index : it->second) {
      const Cue& cue = table.all[index];
      const std::size_t colon = k + cue.forms.size();
      if (cue.role != "caption" || cue.match != Match::field || colon >= tokens.size() ||
          tokens[colon].form() != ":" || !starts_with_at(tokens, k, cue.forms))
        continue;
      const auto credit_words = std::count_if(tokens.begin() + static_cast<std::ptrdiff_t>(colon) + 1, tokens.end(),
                                              [](const text::Token& t) { return t.kind != text::TokenKind::punct; });
      if (credit_words > 0 && static_cast<std::size_t>(credit_words) <= kMaxCreditWords)
        return CueMatch{cue.role, cue.kind, {}};
    }
  }
  return std::nullopt;
}

namespace {

// The words before the line's first semicolon: a line of credits is counted by its first
// ("Reporting by Jane Roe in San Francisco; Editing by John Doe").
std::size_t first_clause_words(const std::vector<text::Token>& tokens) {
  std::size_t words = 0;
  for (std::size_t i = 0; i < tokens.size() && tokens[i].form() != ";" && words <= kMaxCueLineWords; ++i)
    words += tokens[i].kind != text::TokenKind::punct;
  return words;
}

std::optional<CueMatch> match_unbracketed(std::string_view line, const std::vector<text::Token>& tokens) {
  // Trailing punctuation ("إقرأ أيضاً:", "Related »") does not count.
  std::size_t used = tokens.size();
  while (used > 0 && tokens[used - 1].kind == text::TokenKind::punct) --used;
  // Counted up to one past the most a cue line may have: only compared with the limits below
  // (a paragraph's words are not all counted).
  constexpr std::size_t kCountedWords = kMaxCueLineWords * 3 + 1;
  std::size_t words = 0;
  for (std::size_t i = 0; i < tokens.size() && words < kCountedWords; ++i) words += tokens[i].kind != text::TokenKind::punct;
  for (std::size_t index : candidates(tokens, used, words <= kMaxCueLineWords * 3)) {
    const Cue& cue = cues().all[index];
    const std::size_t n = cue.forms.size();
    switch (cue.match) {
      case Match::line:
        if (used == n && starts_with_at(tokens, 0, cue.forms)) return CueMatch{cue.role, cue.kind, {}};
        break;
      case Match::label: {
        if (!starts_with_at(tokens, 0, cue.forms)) {
          if (const std::size_t value = glued_value_start(line, tokens, cue.forms))
            return CueMatch{cue.role, cue.kind, line.substr(value)};
          break;
        }
        if (used <= n) return CueMatch{cue.role, cue.kind, {}};
        std::size_t value = n;
        // A separator, or none at all: the value glued onto the label ("اقرأ أيضاًهوكشتاين").
        const bool separated = is_separator(tokens[value]) || tokens[value - 1].end == tokens[value].start;
        while (value < tokens.size() && tokens[value].kind == text::TokenKind::punct) ++value;
        if (value >= tokens.size()) return CueMatch{cue.role, cue.kind, {}};
        if (separated || words <= kMaxCueLineWords)
          return CueMatch{cue.role, cue.kind, line.substr(tokens[value].start)};
        break;
      }
      case Match::field: {  // "Photo: Reuters": the phrase, a colon, a value (never a heading like "Photo tips");
        // after a phrase of two words or more a comma will do ("Image caption, The turbines…")
        const bool label_mark = tokens.size() > n && (tokens[n].form() == ":" || (n > 1 && tokens[n].form() == ","));
        if (used <= n + 1 || !label_mark || !starts_with_at(tokens, 0, cue.forms)) break;
        return CueMatch{cue.role, cue.kind, line.substr(tokens[n + 1].start)};
      }
      case Match::prefix: {
        if (first_clause_words(tokens) > kMaxCueLineWords || used < n || !starts_with_at(tokens, 0, cue.forms)) break;
        // The phrase alone ("Subscribe", "Leave a reply") is furniture too; a byline needs a name.
        if (used == n) {
          if (cue.role == "byline") break;
          return CueMatch{cue.role, cue.kind, {}};
        }
        std::size_t value = n;
        while (value < used && tokens[value].kind == text::TokenKind::punct) ++value;
        const std::string_view rest = line.substr(tokens[value].start);
        // "By the way…" is prose; a byline names someone ("By Jane Doe").
        if (cue.role == "byline" && starts_lowercase(rest)) break;
        return CueMatch{cue.role, cue.kind, rest};
      }
      case Match::count:  // "109 Comments", "2 thoughts on “…”"
        if (words_before_quote(tokens) <= kMaxCueLineWords && used > n && tokens[0].kind == text::TokenKind::number &&
            starts_with_at(tokens, 1, cue.forms))
          return CueMatch{cue.role, cue.kind, {}};
        break;
      case Match::opening:  // "Lorem ipsum dolor sit amet, …": the phrase opens a line of any length
        if (starts_with_at(tokens, 0, cue.forms)) return CueMatch{cue.role, cue.kind, {}};
        break;
      case Match::suffix:  // "Jane Roe says:", a comment's header: a name, the phrase, a colon
        if (words > kMaxCueLineWords || used < 2 || used == tokens.size() || tokens[used].form() != ":") break;
        return CueMatch{cue.role, cue.kind, {}, true};
      case Match::contains:
        if (words > kMaxCueLineWords * 3) break;
        for (std::size_t at = 0; at < tokens.size(); ++at)
          if (starts_with_at(tokens, at, cue.forms)) return CueMatch{cue.role, cue.kind, {}};
        break;
    }
  }
  return caption_with_credit(tokens);
}

}  // namespace

std::optional<CueMatch> match_cue(std::string_view line, const std::vector<text::Token>& tokens) {
  // A line in brackets is matched without them: "(Reporting by Jane Roe; Editing by John Doe)".
  if (tokens.size() > 2 && tokens.front().form() == "(" && tokens.back().form() == ")")
    return match_unbracketed(line.substr(0, tokens.back().start), std::vector<text::Token>(tokens.begin() + 1, tokens.end() - 1));
  return match_unbracketed(line, tokens);
}

}  // namespace maqal::structure
