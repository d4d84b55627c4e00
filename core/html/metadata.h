// Page metadata (title, byline, published, tags, JSON-LD articleBody) from the head and markup.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "html/hints.h"

namespace maqal::html {

struct Metadata {
  std::optional<std::string> title, byline, published, published_iso, article_body;
  std::vector<std::string> tags;
};

// Title: JSON-LD headline, og:title, twitter:title, the page's only <h1>, <title> without its
// " | Site" part. Byline: JSON-LD author, meta author / dc.creator / article:author (when not a URL),
// rel=author and byline classes; a date glued after the name is cut ("By A May 20, 2019" → "By A").
// Published: JSON-LD datePublished, article:published_time and kin, the first <time datetime>.
// Tags: article:tag, JSON-LD keywords, meta keywords.
Metadata read_metadata(const Document& doc);

}  // namespace maqal::html
