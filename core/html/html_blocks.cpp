#include "html/html_blocks.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "lang/data.h"
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

const std::string_view* find(const std::vector<Attribute>& attributes, std::string_view name) {
  for (const auto& a : attributes)
    if (a.name == name) return &a.value;
  return nullptr;
}

bool hidden(const std::vector<Attribute>& attributes) {
  if (find(attributes, "hidden")) return true;
  if (const auto* v = find(attributes, "aria-hidden"); v && lower(*v) == "true") return true;
  if (const auto* v = find(attributes, "style")) {
    std::string s;
    for (char c : lower(*v))
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

bool equals_nocase(std::string_view s, std::string_view lower_word) {
  return s.size() == lower_word.size() && contains_nocase(s, lower_word);
}

// The byline cues of common/html_cues.tsv: "part" patterns are a whole word part of a class or id
// token ("author" in "post__author-date", "authorName", not in "authorization"); "substring"
// patterns match anywhere in it.
struct BylineCues {
  std::vector<std::string> parts, substrings;
};

const BylineCues& byline_cues() {
  static const BylineCues instance = [] {
    BylineCues out;
    for (const auto& row : data::rows("common/html_cues.tsv"))
      if (row.size() >= 4 && row[0] == "byline") (row[2] == "part" ? out.parts : out.substrings).emplace_back(row[3]);
    return out;
  }();
  return instance;
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Whether a class or id value names a byline, read in place (no copy: every element has one).
// Word parts of a token are split at '-', '_' and where a lower-case letter meets a capital.
bool byline_names(std::string_view value) {
  const BylineCues& cues = byline_cues();
  const auto part_matches = [&cues](std::string_view part) {
    return std::any_of(cues.parts.begin(), cues.parts.end(), [part](const auto& p) { return equals_nocase(part, p); });
  };
  std::size_t i = 0;
  while (i < value.size()) {
    if (space(value[i])) { ++i; continue; }
    std::size_t end = i;
    while (end < value.size() && !space(value[end])) ++end;
    const std::string_view token = value.substr(i, end - i);
    for (const auto& pattern : cues.substrings)
      if (contains_nocase(token, pattern)) return true;
    std::size_t from = 0;
    for (std::size_t k = 0; k <= token.size(); ++k) {
      const bool separator = k < token.size() && (token[k] == '-' || token[k] == '_');
      const bool camel = k > 0 && k < token.size() && std::isupper(static_cast<unsigned char>(token[k])) &&
                         std::islower(static_cast<unsigned char>(token[k - 1]));
      if (k < token.size() && !separator && !camel) continue;
      if (k > from && part_matches(token.substr(from, k - from))) return true;
      from = separator ? k + 1 : k;
    }
    i = end;
  }
  return false;
}

// Readability's byline test: rel=author, itemprop=author, or a class or id with a byline cue.
bool byline_element(const std::vector<Attribute>& attributes) {
  if (const auto* rel = find(attributes, "rel"); rel && contains_nocase(*rel, "author")) return true;
  if (const auto* v = find(attributes, "itemprop"); v && contains_nocase(*v, "author")) return true;
  const auto* cls = find(attributes, "class");
  const auto* id = find(attributes, "id");
  return (cls && byline_names(*cls)) || (id && byline_names(*id));
}

void add_tokens(std::vector<std::string>& out, std::string_view value) {
  std::string token;
  for (char c : value) {
    if (space(c)) {
      if (!token.empty()) out.push_back(std::move(token));
      token.clear();
    } else {
      token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!token.empty()) out.push_back(std::move(token));
}

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
  if (tag == "html") {
    if (const auto* v = find(attributes, "lang")) doc_.page.lang = lower(*v);
  }
  if (tag == "meta") {
    const auto* content = find(attributes, "content");
    for (const char* key : {"name", "property", "itemprop"})
      if (const auto* k = find(attributes, key); k && content) doc_.page.meta.push_back({key, lower(*k), std::string(*content)});
  }
  if (tag == "time")
    if (const auto* v = find(attributes, "datetime")) doc_.page.times.emplace_back(*v);
  if (tag == "title" && !capture_ && doc_.page.title.empty()) {
    o.capture_title = true;
    capture_ = &doc_.page.title;
  } else if (tag == "script" && !capture_) {
    if (const auto* type = find(attributes, "type"); type && lower(*type).find("ld+json") != std::string::npos) {
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
  if (among(kSkipped, tag) || hidden(attributes)) {
    o.skip = true;
    ++skip_;
    stack_.push_back(o);
    return;
  }
  const bool breaking = among(kBreaking, tag);
  if (breaking || tag == "td" || tag == "th") {
    if (breaking) flush();
    else if (!line_.empty()) space_ = true;  // cells of one row: one block, cells apart
    Element e;
    e.tag = std::string(tag);
    e.parent = blocks_open_.empty() ? -1 : blocks_open_.back();
    if (const auto* v = find(attributes, "class")) add_tokens(e.tokens, *v);
    if (const auto* v = find(attributes, "id")) add_tokens(e.tokens, *v);
    const auto* dir = find(attributes, "dir");
    if (dir && (lower(*dir) == "rtl" || lower(*dir) == "ltr")) e.dir = lower(*dir);
    else if (e.parent >= 0) e.dir = doc_.elements[e.parent].dir;
    o.element = static_cast<int>(doc_.elements.size());
    doc_.elements.push_back(std::move(e));
    blocks_open_.push_back(o.element);
  }
  if (tag == "pre") ++pre_;
  if (tag == "a") {
    o.link = find(attributes, "href") != nullptr;
    links_ += o.link;
  }
  if (byline_element(attributes)) {
    o.byline = static_cast<int>(doc_.page.bylines.size());
    o.byline_from = byline_text_.size();
    doc_.page.bylines.emplace_back();
    byline_names_.emplace_back();
    bylines_open_.push_back(o.byline);
  } else if (const auto* v = find(attributes, "itemprop");
             v && !bylines_open_.empty() && lower(*v).find("name") != std::string::npos) {
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
    if (among(kBreaking, tag)) flush();
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
  // The block's own element is the innermost breaking one (cells belong to their row's block).
  for (auto it = blocks_open_.rbegin(); it != blocks_open_.rend(); ++it) {
    const std::string& tag = doc_.elements[*it].tag;
    if (h.tag.empty() && tag != "td" && tag != "th") h.tag = tag;
    if (!h.heading && tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') h.heading = tag[1] - '0';
    h.in_list_item |= tag == "li";
    h.in_blockquote |= tag == "blockquote";
    h.in_figcaption |= tag == "figcaption";
    h.semantic |= semantic_bit(tag);
  }
  if (h.heading) h.tag = {'h', static_cast<char>('0' + h.heading)};
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
