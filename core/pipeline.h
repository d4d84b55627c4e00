// The stages every input shares once it is blocks with roles (core/parse.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::pipeline {

// Each block's direction (from result.dir) and tokens, segmented once for every stage.
std::vector<text::Tokens> prepare_blocks(Result& result);

// Articles, entities and quotes (unless options.entities is false) and UTF-16 offsets; `text` is what
// the spans index. `page_date`, the page's own date (HTML metadata), is the main article's when given.
// Takes the tokens to free them before the articles' bodies are written.
void finish(Result& result, std::string_view text, std::vector<text::Tokens> tokens, int article_count,
            const Options& options, const std::optional<std::string>& page_date = std::nullopt);

}  // namespace maqal::pipeline
