#include "html/html_blocks.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "text/utf.h"

namespace maqal::html {
namespace {

// Elements whose start and end end the current block (string views: no strlen per comparison).
constexpr auto kBreaking = std::to_array<std::string_view>({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul"});
// Elements whose subtree never reaches the output.
constexpr auto kSkipped = std::to_array<std::string_view>({"script", "style", "template", "noscript", "svg", "math", "iframe", "object",
                                 "embed", "canvas", "select", "textarea", "button", "title", "audio",
                                 "video", "map", "dialog"});

template <typename Array>
bool among(const Array& names, std::string_view tag) {
  return std::find(names.begin(), names.end(), tag) != names.end();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The attributes the builder reads, found in one pass over an element's attributes (the first of
// each name counts).
struct Known {
  const std::string_view *lang = nullptr, *content = nullptr, *name = nullptr, *property = nullptr,
                         *itemprop = nullptr, *datetime = nullptr, *type = nullptr, *hidden = nullptr,
                         *aria_hidden = nullptr, *style = nullptr, *cls = nullptr, *id = nullptr, *dir = nullptr,
                         *href = nullptr, *rel = nullptr, *role = nullptr;

  explicit Known(const std::vector<Attribute>& attributes) {
    for (const auto& a : attributes) {
      const std::string_view** slot = field(a.name);
      if (slot && !*slot) *slot = &a.value;
    }
  }

 private:
  const std::string_view** field(std::string_view attribute) {
    switch (attribute.size()) {
      case 2: return attribute == "id" ? &id : nullptr;
      case 3: return attribute == "dir" ? &dir : attribute == "rel" ? &rel : nullptr;
      case 4: return attribute == "lang" ? &lang : attribute == "name" ? &name : attribute == "type" ? &type : attribute == "href" ? &href : attribute == "role" ? &role : nullptr;
      case 5: return attribute == "class" ? &cls : attribute == "style" ? &style : nullptr;
      case 6: return attribute == "hidden" ? &hidden : nullptr;
      case 7: return attribute == "content" ? &content : nullptr;
      case 8: return attribute == "property" ? &property : attribute == "itemprop" ? &itemprop : attribute == "datetime" ? &datetime : nullptr;
      case 11: return attribute == "aria-hidden" ? &aria_hidden : nullptr;
      default: return nullptr;
    }
  }
};

// A panel of an accordion or of tabs, hidden until its header is pressed: its text is the page's
// (an article's steps, a guide's sections), not a dialog's or a menu's.
bool collapsed_panel(const Known& known) {
  if (!known.role) return false;
  const std::string role = lower(*known.role);
  return role == "region" || role == "tabpanel";
}

// A segment that React's streaming server rendering sends hidden (<div hidden id="S:0">) and a
// script then moves into its place in the page: what a reader sees once the page has loaded.
bool streamed_segment(const Known& known) {
  if (!known.id || known.id->size() < 3 || known.id->substr(0, 2) != "S:") return false;
  return std::all_of(known.id->begin() + 2, known.id->end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool hidden(const Known& known) {
  if (known.hidden) return !streamed_segment(known);
  if (known.aria_hidden && lower(*known.aria_hidden) == "true") return true;
  if (known.style && !collapsed_panel(known)) {
    std::string s;
    for (char c : lower(*known.style))
      if (!std::isspace(static_cast<unsigned char>(c))) s += c;
    return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
  }
  return false;
}

char lower_ascii(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Whether `s` contains `lower_needle` (lower case), ignoring ASCII case.
bool contains_nocase(std::string_view s, std::string_view lower_needle) {
  if (lower_needle.size() > s.size()) return false;
  for (std::size_t i = 0; i + lower_needle.size() <= s.size(); ++i) {
    std::size_t k = 0;
    while (k < lower_needle.size() && lower_ascii(s[i + k]) == lower_needle[k]) ++k;
    if (k == lower_needle.size()) return true;
  }
  return false;
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::uint32_t semantic_bit(std::string_view tag) {
  if (tag == "article") return kArticle;
  if (tag == "main") return kMain;
  if (tag == "header") return kHeader;
  if (tag == "footer") return kFooter;
  if (tag == "nav") return kNav;
  if (tag == "aside") return kAside;
  if (tag == "figure") return kFigure;
  if (tag == "form") return kForm;
  return 0;
}

}  // namespace

void BlockBuilder::open(std::string_view tag, const std::vector<Attribute>& attributes) {
  Open o;
  if (skip_ > 0) {
    o.skip = true;  // inside a skipped subtree: only counted
    ++skip_;
    stack_.push_back(o);
    return;
  }
  const Known known(attributes);
  if (tag == "html") {
    if (known.lang) doc_.page.lang = lower(*known.lang);
  }
  if (tag == "meta" && known.content)
    for (const auto& [key, value] : {std::pair{"name", known.name}, {"property", known.property}, {"itemprop", known.itemprop}})
      if (value) doc_.page.meta.push_back({key, lower(*value), std::string(*known.content)});
  if (tag == "time" && known.datetime) doc_.page.times.emplace_back(*known.datetime);
  if (tag == "title" && !capture_ && doc_.page.title.empty()) {
    o.capture_title = true;
    capture_ = &doc_.page.title;
  } else if (tag == "script" && !capture_) {
    if (known.type && lower(*known.type).find("ld+json") != std::string::npos) {
      o.capture_json = true;
      doc_.page.json_ld.emplace_back();
      capture_ = &doc_.page.json_ld.back();
    }
  }
  if (tag == "br") {
    flush();
    stack_.push_back(o);
    return;
  }
  if (among(kSkipped, tag) || hidden(known)) {
    o.skip = true;
    ++skip_;
    stack_.push_back(o);
    return;
  }
  // The class and id tokens with their cues: kept on block-level elements, read here for bylines.
  tokens_.clear();
  if (known.cls) doc_.class_tokens.add_tokens(*known.cls, tokens_);
  if (known.id) doc_.class_tokens.add_tokens(*known.id, tokens_);
  o.breaking = among(kBreaking, tag);
  const bool cell = tag == "td" || tag == "th";
  if (o.breaking || cell) {
    if (o.breaking) flush();
    else if (!line_.empty()) space_ = true;  // cells of one row: one block, cells apart
    Element e;
    e.tag = std::string(tag);
    e.parent = blocks_open_.empty() ? -1 : blocks_open_.back();
    e.tokens = tokens_;
    const auto* dir = known.dir;
    if (dir && (lower(*dir) == "rtl" || lower(*dir) == "ltr")) e.dir = lower(*dir);
    else if (e.parent >= 0) e.dir = doc_.elements[e.parent].dir;
    // What a block inside inherits: the innermost block-level ancestor's, with this element's own.
    Context c = e.parent >= 0 ? contexts_[e.parent] : Context{};
    const int index = static_cast<int>(doc_.elements.size());
    if (!cell) c.tag_element = index;
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') c.heading = tag[1] - '0';
    c.in_list_item |= tag == "li";
    c.in_blockquote |= tag == "blockquote";
    // The classes of <body> and <html> name the page's theme ("theme-caption-two"), no caption.
    const bool caption_class = tag != "body" && tag != "html" &&
                               std::any_of(tokens_.begin(), tokens_.end(), [](const auto* t) { return t->cues.caption; });
    c.in_figcaption |= tag == "figcaption" || caption_class;
    c.semantic |= semantic_bit(tag);
    o.element = index;
    doc_.elements.push_back(std::move(e));
    contexts_.push_back(c);
    blocks_open_.push_back(o.element);
  }
  if (tag == "pre") ++pre_;
  if (tag == "a") {
    o.link = known.href != nullptr;
    links_ += o.link;
  }
  // Readability's byline test: rel=author, itemprop=author, or a class or id with a byline cue.
  const bool byline = (known.rel && contains_nocase(*known.rel, "author")) ||
                      (known.itemprop && contains_nocase(*known.itemprop, "author")) ||
                      std::any_of(tokens_.begin(), tokens_.end(), [](const ClassToken* t) { return t->cues.byline; });
  if (byline) {
    o.byline = static_cast<int>(doc_.page.bylines.size());
    o.byline_from = byline_text_.size();
    doc_.page.bylines.emplace_back();
    byline_names_.emplace_back();
    bylines_open_.push_back(o.byline);
  } else if (known.itemprop && !bylines_open_.empty() && lower(*known.itemprop).find("name") != std::string::npos) {
    o.names = true;  // Readability prefers it: the name alone, without "By" or a date
    o.byline_from = byline_text_.size();
  }
  stack_.push_back(o);
}

void BlockBuilder::close(std::string_view tag) {
  if (stack_.empty()) return;
  const Open o = stack_.back();
  stack_.pop_back();
  if (o.capture_title || o.capture_json) capture_ = nullptr;
  if (o.skip) {
    --skip_;
    return;
  }
  if (o.link) --links_;
  const auto text_since = [this](std::size_t from) {
    std::string text = byline_text_.substr(from);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  };
  if (o.names)
    for (int b : bylines_open_)
      if (byline_names_[b].empty()) byline_names_[b] = text_since(o.byline_from);
  if (o.byline >= 0) {
    std::string& name = byline_names_[o.byline];
    doc_.page.bylines[o.byline] = name.empty() ? text_since(o.byline_from) : std::move(name);
    bylines_open_.pop_back();
    if (bylines_open_.empty()) byline_text_.clear();
  }
  if (tag == "pre") --pre_;
  if (o.element >= 0) {
    if (o.breaking) flush();
    blocks_open_.pop_back();
  }
}

void BlockBuilder::append(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (pre_ > 0 && c == '\n') {
      flush();
      continue;
    }
    if (space(c)) {
      space_ = !line_.empty();
      continue;
    }
    if (space_) {
      line_ += ' ';
      if (links_ > 0) ++link_bytes_;
      if (!bylines_open_.empty()) byline_space();
      space_ = false;
    }
    line_ += c;
    if (links_ > 0) ++link_bytes_;
    if (!bylines_open_.empty()) byline_text_ += c;
  }
}

void BlockBuilder::text(std::string_view utf8) {
  if (capture_) {
    capture_->append(utf8);
    return;
  }
  if (skip_ > 0) return;
  append(utf8);
}

// A space between words of a byline, also where a block or <br> ends inside it.
void BlockBuilder::byline_space() {
  if (!byline_text_.empty() && byline_text_.back() != ' ') byline_text_ += ' ';
}

void BlockBuilder::flush() {
  if (!bylines_open_.empty()) byline_space();
  space_ = false;
  if (line_.empty()) return;
  // line_ has no leading or trailing collapsible space by construction.
  Block b;
  if (!doc_.text.empty()) doc_.text += '\n';
  b.span.start8 = doc_.text.size();
  doc_.text += line_;
  b.span.end8 = doc_.text.size();
  b.text = line_;
  BlockHints h;
  h.element = blocks_open_.empty() ? -1 : blocks_open_.back();
  if (h.element >= 0) {
    const Context& c = contexts_[h.element];
    if (c.heading) h.tag = {'h', static_cast<char>('0' + c.heading)};
    else if (c.tag_element >= 0) h.tag = doc_.elements[c.tag_element].tag;
    h.heading = c.heading;
    h.in_list_item = c.in_list_item;
    h.in_blockquote = c.in_blockquote;
    h.in_figcaption = c.in_figcaption;
    h.semantic = c.semantic;
  }
  h.chars = text::count_code_points(line_);
  h.link_density = static_cast<double>(std::min(link_bytes_, line_.size())) / static_cast<double>(line_.size());
  doc_.blocks.push_back(std::move(b));
  doc_.hints.push_back(std::move(h));
  line_.clear();
  link_bytes_ = 0;
}

Document BlockBuilder::finish() {
  flush();
  return std::move(doc_);
}

}  // namespace maqal::html
