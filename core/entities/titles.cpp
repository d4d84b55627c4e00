#include "entities/titles.h"

#include <bitset>
#include <optional>
#include <string>

#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::entities {

namespace {

// The stem of t that is a title or office word (the word itself, or it past a clitic), and its kind.
std::optional<std::pair<std::string_view, Title>> title_stem(const text::Token& t) {
  struct Titles {
    text::StringMap<Title> kinds;
    std::bitset<text::kFingerprints> bits;  // of the words: most stems asked are none
  };
  static const auto titles = [] {
    Titles out;
    for (const auto& row : data::rows_all_languages("titles.tsv"))
      out.kinds[text::fold(row[0])] = row.size() > 1 && row[1] == "office" ? Title::office : Title::personal;
    for (const auto& [word, kind] : out.kinds) out.bits[text::fingerprint(word)] = true;
    return out;
  }();
  if (t.kind != text::TokenKind::word) return std::nullopt;
  for (std::string_view s : text::stems(t))
    if (titles.bits[text::fingerprint(s)])
      if (auto it = titles.kinds.find(s); it != titles.kinds.end()) return std::pair{s, it->second};
  return std::nullopt;
}

}  // namespace

Title title_word(const text::Token& t) {
  const auto stem = title_stem(t);
  return stem ? stem->second : Title::none;
}

std::size_t title_proclitic(const text::Token& t) {
  const auto stem = title_stem(t);
  const std::string_view form = t.form();
  return stem && stem->first.size() < form.size() && form.ends_with(stem->first) ? form.size() - stem->first.size() : 0;
}

std::optional<SpeakerGroup> speaker_group(const text::Token& t) {
  static const auto groups = [] {
    text::StringMap<SpeakerGroup> out;
    for (const auto& row : data::rows_all_languages("speaker_groups.tsv"))
      if (row.size() >= 3)
        out[text::fold(row[0])] = SpeakerGroup{row[1] == "*" ? std::string() : text::fold(row[1]),
                                   row[2] == "*" ? 0 : static_cast<std::size_t>(std::stoul(std::string(row[2])))};
    return out;
  }();
  if (t.kind != text::TokenKind::word) return std::nullopt;
  for (std::string_view s : text::stems(t))
    if (auto it = groups.find(s); it != groups.end()) return it->second;
  return std::nullopt;
}

}  // namespace maqal::entities
