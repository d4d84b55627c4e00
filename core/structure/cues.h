// Line cues (core/lang/*/cues.tsv): "المصدر:", "Tags:", "إقرأ أيضاً", "Related", "Advertisement"...
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokens.h"

namespace maqal::structure {

struct CueMatch {
  std::string role;        // source, tags, read_also, related, byline, boilerplate
  std::string kind;        // boilerplate kind
  std::string_view value;  // what follows the cue on the line ("صدى البلد"), may be empty
  bool needs_date = false; // a comment's "<name> says:" holds only with its date on the next line
};

// The cue a line starts with or consists of, if any. `tokens` are the line's tokens.
std::optional<CueMatch> match_cue(std::string_view line, const std::vector<text::Token>& tokens);

// Words in a token list (numbers count as words).
std::size_t count_words(const std::vector<text::Token>& tokens);

}  // namespace maqal::structure
