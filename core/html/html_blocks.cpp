#include "html/html_blocks.h"

#include <algorithm>
#include <utility>
#include <array>
#include <charconv>
#include <cctype>

#include "text/utf.h"

namespace maqal::html {
namespace {

// What the builder does with an element, by tag name.
struct TagKind {
  std::string_view name;
  bool breaking = false;  // its start and end end the current block
  bool skipped = false;   // its subtree never reaches the output
  std::uint32_t semantic = 0;  // its bit among the semantic ancestors of a block
  std::uint64_t key = 0;       // tag_key(name)
};

// `s` is the literal `name`: with its length known, the comparison is inlined, no call to memcmp
// (tags and attribute names are compared on every element).
template <std::size_t N>
bool is(std::string_view s, const char (&name)[N]) {
  return s.size() == N - 1 && std::char_traits<char>::compare(s.data(), name, N - 1) == 0;
}

// A tag name's first eight bytes as one number, in the order of the names: a binary search over
// these compares numbers, not strings (every element of a page is looked up).
constexpr std::uint64_t tag_key(std::string_view name) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) key = key << 8 | (i < name.size() ? static_cast<unsigned char>(name[i]) : 0u);
  return key;
}

// In the order of the names, so of the keys (checked below).
constexpr auto kTagKinds = [] {
  constexpr bool B = true, S = true;
  auto kinds = std::to_array<TagKind>({
      {"address", B}, {"article", B, false, kArticle}, {"aside", B, false, kAside}, {"audio", false, S},
      {"blockquote", B}, {"body", B}, {"button", false, S}, {"canvas", false, S}, {"caption", B},
      {"center", B}, {"dd", B}, {"details", B}, {"dialog", B, S}, {"dir", B}, {"div", B}, {"dl", B},
      {"dt", B}, {"embed", false, S}, {"fieldset", B}, {"figcaption", B}, {"figure", B, false, kFigure},
      {"footer", B, false, kFooter}, {"form", B, false, kForm}, {"h1", B}, {"h2", B}, {"h3", B}, {"h4", B},
      {"h5", B}, {"h6", B}, {"header", B, false, kHeader}, {"hgroup", B}, {"hr", B}, {"html", B},
      {"iframe", false, S}, {"legend", B}, {"li", B}, {"main", B, false, kMain}, {"map", false, S},
      {"math", false, S}, {"menu", B}, {"nav", B, false, kNav}, {"noscript", false, S}, {"object", false, S},
      {"ol", B}, {"p", B}, {"pre", B}, {"script", false, S}, {"section", B}, {"select", false, S},
      {"style", false, S}, {"summary", B}, {"svg", false, S}, {"table", B}, {"tbody", B},
      {"template", false, S}, {"textarea", false, S}, {"tfoot", B}, {"thead", B}, {"title", false, S},
      {"tr", B}, {"ul", B}, {"video", false, S}});
  for (TagKind& kind : kinds) kind.key = tag_key(kind.name);
  return kinds;
}();
static_assert([] {
  for (std::size_t i = 1; i < kTagKinds.size(); ++i)
    if (kTagKinds[i - 1].key >= kTagKinds[i].key) return false;
  return true;
}(), "kTagKinds: names out of order, or two sharing their first eight bytes");

TagKind kind_of(std::string_view tag) {
  const std::uint64_t key = tag_key(tag);
  const auto before = [](const TagKind& kind, std::uint64_t k) { return kind.key < k; };
  for (auto it = std::lower_bound(kTagKinds.begin(), kTagKinds.end(), key, before); it != kTagKinds.end() && it->key == key; ++it)
    if (it->name == tag) return *it;
  return TagKind{tag};
}

// The attributes the builder reads, found in one pass over an element's attributes (the first of
// each name counts).
struct Known {
  const std::string_view *lang = nullptr, *content = nullptr, *name = nullptr, *property = nullptr,
                         *itemprop = nullptr, *datetime = nullptr, *type = nullptr, *hidden = nullptr,
                         *aria_hidden = nullptr, *style = nullptr, *cls = nullptr, *id = nullptr, *dir = nullptr,
                         *href = nullptr, *rel = nullptr, *role = nullptr, *start = nullptr, *value = nullptr;

  explicit Known(const std::vector<Attribute>& attributes) {
    for (const auto& a : attributes) {
      const std::string_view** slot = field(a.name);
      if (slot && !*slot) *slot = &a.value;
    }
  }

 private:
  const std::string_view** field(std::string_view attribute) {
    switch (attribute.size()) {
      case 2: return is(attribute, "id") ? &id : nullptr;
      case 3: return is(attribute, "dir") ? &dir : is(attribute, "rel") ? &rel : nullptr;
      case 4: return is(attribute, "lang") ? &lang : is(attribute, "name") ? &name : is(attribute, "type") ? &type : is(attribute, "href") ? &href : is(attribute, "role") ? &role : nullptr;
      case 5: return is(attribute, "class") ? &cls : is(attribute, "style") ? &style : is(attribute, "start") ? &start : is(attribute, "value") ? &value : nullptr;
      case 6: return is(attribute, "hidden") ? &hidden : nullptr;
      case 7: return is(attribute, "content") ? &content : nullptr;
      case 8: return is(attribute, "property") ? &property : is(attribute, "itemprop") ? &itemprop : is(attribute, "datetime") ? &datetime : nullptr;
      case 11: return is(attribute, "aria-hidden") ? &aria_hidden : nullptr;
      default: return nullptr;
    }
  }
};

// An ordered list's start or an item's value: a number from 1 up, else `fallback` (a list numbered
// from 0 or below is numbered from 1: 0 stands for no number).
int item_number_or(std::string_view s, int fallback) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  int n = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), n);
  return error == std::errc() && n >= 1 && n < 1'000'000 ? n : fallback;
}

// Whether `s` is `lower` (lower case), ignoring ASCII case.
bool equals_nocase(std::string_view s, std::string_view lower) {
  return std::equal(s.begin(), s.end(), lower.begin(), lower.end(),
                    [](char a, char b) { return text::lower_ascii(a) == b; });
}

// A panel of an accordion or of tabs, hidden until its header is pressed: its text is the page's
// (an article's steps, a guide's sections), not a dialog's or a menu's.
bool collapsed_panel(const Known& known) {
  return known.role && (equals_nocase(*known.role, "region") || equals_nocase(*known.role, "tabpanel"));
}

// A segment that React's streaming server rendering sends hidden (<div hidden id="S:0">) and a
// script then moves into its place in the page: what a reader sees once the page has loaded.
bool streamed_segment(const Known& known) {
  if (!known.id || known.id->size() < 3 || known.id->substr(0, 2) != "S:") return false;
  return std::all_of(known.id->begin() + 2, known.id->end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Whether `s`, its white space dropped and lower-cased, contains `needle` (lower case, no white
// space): compared in place, no copy of each element's style built.
bool contains_unspaced(std::string_view s, std::string_view needle) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };  // std::isspace's
  for (std::size_t i = 0; i < s.size(); ++i) {
    // A match found from white space is found from the byte after it too: only its first letter starts one.
    if (text::lower_ascii(s[i]) != needle[0]) continue;
    std::size_t k = 0;
    for (std::size_t j = i; j < s.size() && k < needle.size(); ++j) {
      if (space(s[j])) continue;
      if (text::lower_ascii(s[j]) != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return true;
  }
  return false;
}

bool hidden(const Known& known) {
  if (known.hidden) return !streamed_segment(known);
  if (known.aria_hidden && equals_nocase(*known.aria_hidden, "true")) return true;
  if (known.style && !collapsed_panel(known))
    return contains_unspaced(*known.style, "display:none") || contains_unspaced(*known.style, "visibility:hidden");
  return false;
}

// Whether `s` contains `lower_needle` (lower case), ignoring ASCII case.
bool contains_nocase(std::string_view s, std::string_view lower_needle) {
  if (lower_needle.size() > s.size()) return false;
  for (std::size_t i = 0; i + lower_needle.size() <= s.size(); ++i) {
    std::size_t k = 0;
    while (k < lower_needle.size() && text::lower_ascii(s[i + k]) == lower_needle[k]) ++k;
    if (k == lower_needle.size()) return true;
  }
  return false;
}


// Where the words with single spaces between them that run on at `from` end: at white space
// other than one ' ' between two words, or at the end of `s`.
std::size_t words_end(std::string_view s, std::size_t from) {
  std::size_t end = from;
  while ((end = next_low_byte(s, end)) < s.size()) {
    if (!html_space(s[end])) ++end;
    else if (s[end] == ' ' && end + 1 < s.size() && !html_space(s[end + 1])) end += 2;
    else break;
  }
  return end;
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
  if (is(tag, "html")) {
    if (known.lang) doc_.page.lang = text::lower_ascii(*known.lang);
  }
  if (is(tag, "meta") && known.content)
    for (const auto& [key, value] : {std::pair{"name", known.name}, {"property", known.property}, {"itemprop", known.itemprop}})
      if (value) doc_.page.meta.push_back({key, text::lower_ascii(*value), std::string(*known.content)});
  if (is(tag, "time") && known.datetime) doc_.page.times.emplace_back(*known.datetime);
  if (is(tag, "title") && !capture_ && doc_.page.title.empty()) {
    o.capture_title = true;
    capture_ = &doc_.page.title;
  } else if (is(tag, "script") && !capture_) {
    if (known.type && text::lower_ascii(*known.type).find("ld+json") != std::string::npos) {
      o.capture_json = true;
      doc_.page.json_ld.emplace_back();
      capture_ = &doc_.page.json_ld.back();
    }
  }
  if (is(tag, "br")) {
    flush();
    stack_.push_back(o);
    return;
  }
  const TagKind kind = kind_of(tag);
  if (kind.skipped || hidden(known)) {
    o.skip = true;
    ++skip_;
    stack_.push_back(o);
    return;
  }
  // The class and id tokens with their cues: kept on block-level elements, read here for bylines.
  tokens_.clear();
  if (known.cls) doc_.class_tokens.add_tokens(*known.cls, tokens_);
  if (known.id) doc_.class_tokens.add_tokens(*known.id, tokens_);
  o.breaking = kind.breaking;
  if (is(tag, "ol") || is(tag, "ul")) {
    o.list = true;
    lists_.push_back(is(tag, "ul") ? 0 : known.start ? item_number_or(*known.start, 1) : 1);
  }
  const bool cell = is(tag, "td") || is(tag, "th");
  if (o.breaking || cell) {
    if (o.breaking) flush();
    else if (!line_.empty()) space_ = true;  // cells of one row: one block, cells apart
    Element e;
    e.tag = cell ? (is(tag, "td") ? "td" : "th") : kind.name;  // kind.name is kTagKinds' literal
    e.parent = blocks_open_.empty() ? -1 : blocks_open_.back();
    if (known.dir && equals_nocase(*known.dir, "rtl")) e.dir = "rtl";
    else if (known.dir && equals_nocase(*known.dir, "ltr")) e.dir = "ltr";
    else if (e.parent >= 0) e.dir = doc_.elements[e.parent].dir;
    // What a block inside inherits: the innermost block-level ancestor's, with this element's own.
    Context c = e.parent >= 0 ? contexts_[e.parent] : Context{};
    const int index = static_cast<int>(doc_.elements.size());
    if (!cell) c.tag_element = index;
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') c.heading = tag[1] - '0';
    c.in_list_item |= is(tag, "li");
    if (is(tag, "li")) {
      c.list_item = index;
      c.item_number = 0;
      if (!lists_.empty() && lists_.back() > 0) {  // an <ol>'s: its value, else the number after the last
        c.item_number = known.value ? item_number_or(*known.value, lists_.back()) : lists_.back();
        lists_.back() = c.item_number + 1;
      }
    }
    c.in_blockquote |= is(tag, "blockquote");
    // The classes of <body> and <html> name the page's theme ("theme-caption-two"), no caption.
    const bool caption_class = tag != "body" && tag != "html" &&
                               std::any_of(tokens_.begin(), tokens_.end(), [](const auto* t) { return t->cues.caption; });
    c.in_figcaption |= is(tag, "figcaption") || caption_class;
    c.semantic |= kind.semantic;
    o.element = index;
    doc_.elements.push_back(std::move(e));
    token_runs_.emplace_back(doc_.element_tokens.size(), tokens_.size());
    doc_.element_tokens.insert(doc_.element_tokens.end(), tokens_.begin(), tokens_.end());
    contexts_.push_back(c);
    blocks_open_.push_back(o.element);
  }
  if (is(tag, "pre")) ++pre_;
  if (is(tag, "a")) {
    o.link = known.href != nullptr;
    links_ += o.link;
    link_gap_ = o.link && link_end_ > 0 && link_end_ == line_.size();
    o.link_opens_word = o.link && (line_.empty() || space_ || link_gap_);
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
  } else if (known.itemprop && !bylines_open_.empty() && text::lower_ascii(*known.itemprop).find("name") != std::string::npos) {
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
  if (o.link) --links_, link_end_ = o.link_opens_word ? line_.size() : 0;
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
  if (is(tag, "pre")) --pre_;
  if (o.list) lists_.pop_back();
  if (o.element >= 0) {
    if (o.breaking) flush();
    blocks_open_.pop_back();
  }
}

void BlockBuilder::append(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (html_space(s[i])) {
      if (pre_ > 0 && s[i] == '\n') flush();
      else space_ = !line_.empty();
      ++i;
      continue;
    }
    // Links side by side with nothing between them are items a style sheet sets apart ("<span><a>New
    // York City</a></span><span><a>New Jersey</a></span>"), not one word; unless the first began inside
    // a word ("cer<a>e</a><a>mony</a>") or two lower-case letters meet ("Co<a>ntact</a>" after "<a>Co</a>").
    const auto ascii_lower = [](char c) { return c >= 'a' && c <= 'z'; };
    if (std::exchange(link_gap_, false) && !(ascii_lower(line_.back()) && ascii_lower(s[i]))) space_ = true;
    // Words with single spaces between them, as most text is: appended at once.
    const std::size_t end = words_end(s, i + 1);
    const std::string_view words = s.substr(i, end - i);
    if (space_) {
      line_ += ' ';
      if (links_ > 0) ++link_bytes_;
      if (!bylines_open_.empty()) byline_space();
      space_ = false;
    }
    line_ += words;
    if (links_ > 0) link_bytes_ += words.size();
    if (!bylines_open_.empty()) byline_text_ += words;
    i = end;
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
  link_end_ = 0;
  link_gap_ = false;
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
    static constexpr std::string_view kHeadingTags[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    if (c.heading) h.tag = kHeadingTags[c.heading - 1];
    else if (c.tag_element >= 0) h.tag = doc_.elements[c.tag_element].tag;
    h.heading = c.heading;
    h.in_list_item = c.in_list_item;
    if (c.item_number > 0 && !contexts_[c.list_item].numbered) {  // the item's first block carries its number
      h.item_number = c.item_number;
      contexts_[c.list_item].numbered = true;
    }
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
  for (std::size_t e = 0; e < doc_.elements.size(); ++e)  // element_tokens no longer grows
    doc_.elements[e].tokens = {doc_.element_tokens.data() + token_runs_[e].first, token_runs_[e].second};
  return std::move(doc_);
}

}  // namespace maqal::html
