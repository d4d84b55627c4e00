#include "entities/titles.h"

#include <optional>
#include <string>

#include "lang/data.h"
#include "text/clitics.h"
#include "text/fold.h"
#include "text/utf.h"

namespace maqal::entities {

Title title_word(const text::Token& t) {
  static const auto titles = [] {
    text::StringMap<Title> out;
    for (const auto& row : data::rows_all_languages("titles.tsv"))
      out[text::fold(row[0])] = row.size() > 1 && row[1] == "office" ? Title::office : Title::personal;
    return out;
  }();
  if (t.kind != text::TokenKind::word) return Title::none;
  for (std::string_view s : text::stems(t.form()))
    if (auto it = titles.find(s); it != titles.end()) return it->second;
  return Title::none;
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
  for (std::string_view s : text::stems(t.form()))
    if (auto it = groups.find(s); it != groups.end()) return it->second;
  return std::nullopt;
}

}  // namespace maqal::entities
