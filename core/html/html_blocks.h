// Stage 1 (HTML input): events → blocks over an extracted text, with per-block hints.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "html/events.h"
#include "html/hints.h"

namespace maqal::html {

// Builds a Document from the events of one page. Block boundaries: block-level elements (p, h1-h6,
// li, blockquote, figcaption, div with direct text, table rows, ...) and <br>. Never in the output:
// script, style, template, noscript, svg, math, iframe, select, textarea, button, and hidden nodes
// (hidden attribute, aria-hidden="true", inline display:none or visibility:hidden, except on the
// collapsed panel of an accordion or of tabs, role=region or tabpanel; and except a segment of React's
// streaming server rendering, <div hidden id="S:0">, which a script shows). White space is
// collapsed as a browser renders it, except inside <pre>, whose lines are blocks.
class BlockBuilder : public EventSink {
 public:
  void open(std::string_view tag, const std::vector<Attribute>& attributes) override;
  void close(std::string_view tag) override;
  void text(std::string_view utf8) override;
  Document finish();

 private:
  struct Open {
    int element = -1;       // index into elements when the tag is block-level, else -1
    bool skip = false;      // this element starts a skipped subtree
    bool link = false;      // <a href>
    bool link_opens_word = false;  // a link with a space or the block's start before it
    int byline = -1;        // a byline element: its index into Page::bylines
    bool names = false;     // an itemprop=name element inside bylines: it names them
    std::size_t byline_from = 0;  // where its text starts in byline_text_
    bool capture_title = false, capture_json = false;
    bool breaking = false;  // its start and end end the current block
    bool list = false;      // <ol> or <ul>: it has an entry in lists_
  };
  // What a block inherits from its open block-level elements, kept per element so a block reads it
  // from the innermost one.
  struct Context {
    int tag_element = -1;  // the innermost element that is not a table cell (cells belong to their row's block)
    int heading = 0;       // 1..6 inside h1..h6, the innermost
    bool in_list_item = false, in_blockquote = false, in_figcaption = false;
    std::uint32_t semantic = 0;
    int list_item = -1;    // the innermost <li>
    int item_number = 0;   // that <li>'s number in its <ol>; 0 in a <ul>
    bool numbered = false;  // on an <li>'s own context: its first block has taken its number
  };
  void flush();
  void append(std::string_view s);
  void byline_space();

  Document doc_;
  std::vector<Context> contexts_;  // one per element of doc_
  std::vector<const ClassToken*> tokens_;  // the open element's class and id tokens
  std::vector<std::pair<std::size_t, std::size_t>> token_runs_;  // per element: where its tokens start in element_tokens, how many
  std::vector<Open> stack_;
  std::vector<int> blocks_open_;  // element indices of the open block-level elements
  std::vector<int> lists_;        // the open <ol> and <ul>: the number an <ol>'s next item takes, 0 for a <ul>
  int skip_ = 0;                  // open skipped subtrees
  int links_ = 0, pre_ = 0;
  std::vector<int> bylines_open_;  // indices into Page::bylines, innermost last
  std::vector<std::string> byline_names_;  // per byline: the text of its first itemprop=name element
  std::string line_;              // the current block's text
  std::size_t link_bytes_ = 0;    // bytes of line_ inside links
  bool space_ = false;            // a collapsed space is pending
  std::size_t link_end_ = 0;      // the size of line_ when its last link that opened a word closed (0: none)
  bool link_gap_ = false;         // a link opened right where that one closed: its text may start a word
  std::string* capture_ = nullptr;
  std::string byline_text_;       // text inside the open byline elements, spaces collapsed
};

}  // namespace maqal::html
