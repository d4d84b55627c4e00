// The stages every input shares once it is blocks with roles (core/parse.cpp).
#pragma once

#include <string_view>
#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::pipeline {

// Each block's direction (from result.dir) and tokens, segmented once for every stage.
std::vector<text::Tokens> prepare_blocks(Result& result);

// Articles, entities and quotes (unless options.entities is false) and UTF-16 offsets; `text` is what
// the spans index.
void finish(Result& result, std::string_view text, const std::vector<text::Tokens>& tokens, int article_count,
            const Options& options);

}  // namespace maqal::pipeline
