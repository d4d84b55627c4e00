// Stage 2: each block's role (title, lead, paragraph, teaser, source, tags, read_also, related, ...)
// and the article it belongs to: the main article, and one more after each "read also" marker.
#pragma once

#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::structure {

// Fills Block::role, Block::kind and Block::article; returns the number of articles found.
// `tokens` holds each block's tokens and is kept in step when a block is split in two.
int assign_roles(std::vector<Block>& blocks, std::vector<text::Tokens>& tokens);

}  // namespace maqal::structure
