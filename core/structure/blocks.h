// Stage 1 (text input): the pasted text cut into blocks, one per non-empty line.
#pragma once

#include <string_view>
#include <vector>

#include "maqal/maqal.h"

namespace maqal::structure {

// Every non-empty line becomes a block (browsers copy a paragraph, heading or list item per line);
// list markers (•, -, *, 1., ١)) are recognised and kept out of the block's text and span.
// Roles and articles are left empty; UTF-16 offsets are filled later.
std::vector<Block> split_blocks(std::string_view text);

}  // namespace maqal::structure
