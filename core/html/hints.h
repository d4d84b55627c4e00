// What the HTML stages keep about each block and about the page, beside maqal::Block.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "html/class_cues.h"
#include "maqal/maqal.h"

namespace maqal::html {

// Ancestor semantic elements of a block, as bits.
enum Semantic : std::uint32_t {
  kArticle = 1, kMain = 2, kHeader = 4, kFooter = 8, kNav = 16, kAside = 32, kFigure = 64, kForm = 128,
};

// One element that contains blocks (block-level elements and their ancestors), for scoring.
struct Element {
  std::string_view tag;  // a literal: block-level elements and table cells all have known names
  int parent = -1;
  std::span<const ClassToken* const> tokens;  // class and id tokens with their cues, in Document::element_tokens
  std::string_view dir;  // "rtl" or "ltr" (literals) declared on it or its nearest ancestor that has one, else empty
};

struct BlockHints {
  std::string_view tag;        // the block-level element that made the block: p, h2, li, td, div, pre... (a literal)
  int element = -1;            // that element, an index into Page::elements
  int heading = 0;             // 1..6 inside h1..h6
  bool in_list_item = false, in_blockquote = false, in_figcaption = false;
  int item_number = 0;         // the first block of an <ol>'s item: the item's number
  std::uint32_t semantic = 0;  // Semantic bits of the ancestors
  std::size_t chars = 0;       // code points of the text
  double link_density = 0;     // share of the text inside links
};

// <meta name|property|itemprop=… content=…>.
struct MetaTag {
  std::string attribute;  // "name", "property" or "itemprop"
  std::string key;        // its value, lower case
  std::string content;
};

// The head of the page and other metadata sources met on the way.
struct Page {
  std::string lang;       // <html lang>
  std::string title;      // <title>
  std::vector<MetaTag> meta;
  std::vector<std::string> json_ld;                       // <script type="application/ld+json"> texts
  std::vector<std::string> bylines;  // text of byline elements (rel=author, itemprop=author, byline classes), in order
  std::vector<std::string> times;                         // <time datetime>, in order
};

struct Document {
  std::string text;  // the extracted text: blocks joined by "\n"; block spans refer to it
  std::vector<Block> blocks;
  std::vector<BlockHints> hints;  // one per block
  std::vector<Element> elements;
  ClassCueMatcher class_tokens;  // holds the tokens
  std::vector<const ClassToken*> element_tokens;  // the elements' tokens, one run after another
  Page page;
};

}  // namespace maqal::html
