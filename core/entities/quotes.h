// Stage 4b: quoted statements ("…", «…», “…”) in each block, with who said them.
#pragma once

#include <string_view>
#include <vector>

#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::entities {

// Quotations of at least a few words; a short quoted name (منصة "إكس") is not a statement.
// Spans cover the words between the marks, in UTF-8 offsets into the input. The speaker is the
// subject of a speech verb before the quote: the person (else organization) right after the verb,
// past title words ("قال وزير الخارجية أنتوني بلينكن"); an office of a person ("قال مكتب نتنياهو",
// speaker "مكتب بنيامين نتنياهو"); or a group ("وناقش الوزيران", the people named before whose role
// fits, core/lang/*/speaker_groups.tsv). A verb with no subject after it takes the speaker of the
// block's previous quote, else the name before the verb ("بلينكن أكد"). A name after the quote with
// a speech verb ("…," said Maria Lopez) comes next, then the nearest person before the quote.
// A paragraph that opens with a speech verb ("وأضاف: …", "She added:") keeps the previous speaker,
// of a quote or of reported speech ("قال ماكرون إن …").
// Speakers are named by their cluster's name (clusters: describe_clusters of the same entities).
std::vector<Quote> find_quotes(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens,
                               const std::vector<Entity>& entities, const std::vector<Cluster>& clusters);

// Whether the text is an opening or a closing mark of core/lang/common/quotes.tsv.
bool is_quote_mark(std::string_view s);

}  // namespace maqal::entities
