// Stage 4b: quoted statements ("…", «…», “…”) in each block, with who said them.
#pragma once

#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities {

// Quotations of at least a few words; a short quoted name (منصة "إكس") is not a statement.
// Spans cover the words between the marks, in UTF-8 offsets into the input. The speaker is the
// person (else organization) named next to a speech verb before the quote ("قال مكتب نتنياهو:")
// or right after it ("…," said Maria Lopez), else the nearest person before it in the block; a
// paragraph that opens with a bare speech verb ("وأضاف: …") keeps the previous speaker. Speakers
// are given by the fullest mention of their entity cluster.
std::vector<Quote> find_quotes(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens,
                               const std::vector<Entity>& entities);

}  // namespace maqal::entities
