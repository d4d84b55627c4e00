// Stage 2 (HTML input): the main content region and the roles of blocks from HTML evidence.
#pragma once

#include <vector>

#include "html/hints.h"
#include "html/metadata.h"
#include "maqal/maqal.h"
#include "text/tokens.h"

namespace maqal::html {

// Decides the main content (container scores from text and link density, class/id cues of
// core/lang/common/html_cues.tsv and semantic tags, after Readability, the best container holding long
// prose outside nav, footer, aside and forms when the page has some, or its first ancestor that scores more
// and holds 1.5x its long prose; boxes with a negative cue inside it that together hold half its prose are
// part of it; the JSON-LD articleBody when the page has one, compared by three-word runs where the page's
// text differs from it; a <footer> or <form> below the region's root is furniture; long prose outside the
// region joins it unless it lies beyond a link-dense block of furniture after it and the region holds more;
// short unmarked blocks between two parts of it join it; nothing outside the region above the title does;
// short furniture with a "tail" cue at its end, a heading with one in its last third (or a line that is a
// section's cue and nothing else, "You may also like:") and what follows it, teasers of other posts at its
// end (linked titles with their excerpts, two or more, in its last third), an author box after the region
// that starts with the byline's name or under a short line that ends with it ("Written by Jane Roe"), and
// paragraphs repeated word for word, two or more in a row, leave it) and fills Block::role, kind, article
// and bullet. Outside the main content a block is boilerplate (article none); inside, h1 → title, h2-h6 →
// subheading, li → list_item, blockquote → blockquote, figcaption or an element with a caption class →
// caption, a short line with a year above the first paragraph → dateline, a short line in (or just under)
// an element with a byline class → byline, other prose → paragraph, the first one lead; line cues (source,
// tags, read also, byline...) apply as in text. Returns the number of articles (1).
int assign_html_roles(std::vector<Block>& blocks, const Document& doc, const std::vector<text::Tokens>& tokens,
                      const Metadata& meta);

}  // namespace maqal::html
