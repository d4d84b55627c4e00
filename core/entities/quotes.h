// Stage 4b: quoted statements ("…", «…», “…”) in each block.
#pragma once

#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities {

// Quotations of at least a few words; a short quoted name (منصة "إكس") is not a statement.
// Spans cover the words between the marks, in UTF-8 offsets into the input.
std::vector<Quote> find_quotes(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens);

}  // namespace maqal::entities
