#include "html/metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "entities/lexicon.h"
#include "html/events.h"
#include "text/tokens.h"
#include "text/utf.h"

namespace maqal::html {
namespace {

using Json = nlohmann::json;

std::string squeeze(std::string_view s) {
  std::string out;
  bool sp = false;
  for (char c : s) {
    if (html_space(c)) { sp = !out.empty(); continue; }
    if (sp) out += ' ';
    sp = false;
    out += c;
  }
  return out;
}

std::optional<std::string> nonempty(std::string_view s) {
  std::string t = squeeze(s);
  if (t.empty()) return std::nullopt;
  return t;
}

// A meta tag's key as Readability compares them: lower case, "." as ":" ("DC.title" → "dc:title").
// A property may list several keys ("dc:title og:title") and prefix one ("og:article:author");
// OpenGraph's article:* keys count only as properties (name="article:author" is some other use).
bool meta_key_is(const MetaTag& tag, std::string_view key) {
  if (tag.attribute == "name" && key.starts_with("article:")) return false;
  const auto same = [](std::string_view written, std::string_view k) {
    return written.size() == k.size() &&
           std::equal(written.begin(), written.end(), k.begin(), [](char a, char b) { return (a == '.' ? ':' : a) == b; });
  };
  const std::string_view written = tag.key;
  std::size_t from = 0;
  while (from < written.size()) {
    std::size_t to = from;  // a loop: find_first_of calls memchr on its set for every byte
    while (to < written.size() && written[to] != ' ' && written[to] != '\t' && written[to] != '\n') ++to;
    const std::string_view part = written.substr(from, to - from);
    if (same(part, key)) return true;
    if (tag.attribute == "property" && key.find(':') != std::string_view::npos && part.size() > key.size() && part[part.size() - key.size() - 1] == ':' &&
        same(part.substr(part.size() - key.size()), key))
      return true;
    from = to + 1;
  }
  return false;
}

// The first key that the page's meta tags give a value for (the last such tag, as Readability).
std::optional<std::string> meta_value(const Page& page, std::initializer_list<std::string_view> keys) {
  for (auto key : keys)
    for (auto it = page.meta.rbegin(); it != page.meta.rend(); ++it)
      if (meta_key_is(*it, key))
        if (auto t = nonempty(it->content)) return t;
  return std::nullopt;
}

bool is_url(const std::string& s) { return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("/"); }

// Names of a JSON-LD author value: "A", {"name": "A"}, [..].
void author_names(const Json& v, std::vector<std::string>& out) {
  if (v.is_string()) {
    if (auto t = nonempty(v.get<std::string>()); t && !is_url(*t)) out.push_back(*t);
  } else if (v.is_object()) {
    if (auto it = v.find("name"); it != v.end()) author_names(*it, out);
  } else if (v.is_array()) {
    for (const auto& item : v) author_names(item, out);
  }
}

bool article_type(const Json& obj) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto ok = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string s = t.get<std::string>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" || s == "NewsArticle" ||
           s == "Posting" || s == "LiveBlogPosting";
  };
  if (it->is_array()) {
    for (const auto& t : *it)
      if (ok(t)) return true;
    return false;
  }
  return ok(*it);
}

// The article-typed objects of a JSON-LD document (top level, arrays, @graph), iteratively.
void collect_articles(const Json& root, std::vector<const Json*>& out) {
  std::vector<const Json*> todo{&root};
  while (!todo.empty() && out.size() < 16) {
    const Json* j = todo.back();
    todo.pop_back();
    if (j->is_array()) {
      for (auto it = j->rbegin(); it != j->rend(); ++it) todo.push_back(&*it);
    } else if (j->is_object()) {
      if (article_type(*j)) out.push_back(j);
      else if (auto g = j->find("@graph"); g != j->end()) todo.push_back(&*g);
    }
  }
}

std::optional<std::string> string_at(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return std::nullopt;
  return nonempty(it->get<std::string>());
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool sp = c == ' ';
    n += !sp && !in_word;
    in_word = !sp;
  }
  return n;
}

// " | ", " - ", " – ", " — ", " / ", " \\ ", " > ", " » " between the parts of a <title>
// ("Story | Section | Site").
std::vector<std::size_t> title_separators(const std::string& t, bool hierarchical_only) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i] != ' ') continue;
    const std::string_view rest = std::string_view(t).substr(i + 1);
    const bool plain = !hierarchical_only && (rest.starts_with("| ") || rest.starts_with("- ") ||
                                              rest.starts_with("\xE2\x80\x93 ") || rest.starts_with("\xE2\x80\x94 "));
    const bool hierarchical = rest.starts_with("/ ") || rest.starts_with("\\ ") || rest.starts_with("> ") ||
                              rest.starts_with("\xC2\xBB ");
    if (plain || hierarchical) at.push_back(i);
  }
  return at;
}

// The article's title from the page's <title>, as Readability reads it: the part before the last
// separator ("Story | Site"), or after the first when that leaves under 3 words ("Site | Story");
// after the last colon unless a heading repeats the whole title; the page's only <h1> when the
// title is very long or short; the whole title when the cut leaves 4 words or fewer, unless a
// heading of the page says just those words.
std::string article_title(const std::string& whole, const std::vector<std::string>& headings,
                          const std::vector<std::string>& h1s) {
  std::string title = whole;
  const auto separators = title_separators(whole, false);
  const bool cut = !separators.empty();
  const bool hierarchical = !title_separators(whole, true).empty();
  if (cut) {
    title = whole.substr(0, separators.back());
    if (word_count(title) < 3) {
      const std::size_t first = separators.front();
      title = whole.substr(whole.find(' ', first + 1) + 1);
    }
  } else if (whole.find(": ") != std::string::npos) {
    if (std::find(headings.begin(), headings.end(), whole) == headings.end()) {
      title = whole.substr(whole.rfind(':') + 1);
      if (word_count(title) < 3) title = whole.substr(whole.find(':') + 1);
      else if (word_count(whole.substr(0, whole.find(':'))) > 5) title = whole;
    }
  } else if (const std::size_t n = text::count_code_points(whole); (n > 150 || n < 15) && h1s.size() == 1) {
    title = h1s.front();
  }
  title = squeeze(title);
  const std::size_t words = word_count(title);
  std::string unseparated;
  for (char c : whole)
    if (std::string_view("|-\\/>").find(c) == std::string_view::npos) unseparated += c;
  const bool a_heading = cut && std::find(headings.begin(), headings.end(), title) != headings.end();
  if (words <= 4 && !a_heading && (!hierarchical || words != word_count(squeeze(unseparated)) - 1)) return whole;
  return title;
}

// How much of b's words a shares: 1 - (length of b's words missing from a) / (length of b's words).
double similarity(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u) || u >= 0x80 || c == '_') w += static_cast<char>(std::tolower(u));
      else if (!w.empty()) out.push_back(std::move(w)), w.clear();
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
  };
  const auto wa = words(a), wb = words(b);
  if (wa.empty() || wb.empty()) return 0;
  std::size_t all = 0, missing = 0;
  for (const auto& w : wb) {
    all += w.size() + 1;
    if (std::find(wa.begin(), wa.end(), w) == wa.end()) missing += w.size() + 1;
  }
  return 1.0 - static_cast<double>(missing) / static_cast<double>(all);
}

// "2024-03-14T10:30:00Z" and the like: the value when it starts with an ISO date.
std::optional<std::string> iso(const std::string& s) {
  if (s.size() < 10) return std::nullopt;
  for (std::size_t i = 0; i < 10; ++i) {
    const bool digit = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
    if ((i == 4 || i == 7) ? s[i] != '-' : !digit) return std::nullopt;
  }
  return s;
}

void split_keywords(const std::string& value, std::vector<std::string>& out) {
  std::size_t from = 0;
  while (from <= value.size()) {
    std::size_t to = value.find(',', from);
    if (to == std::string::npos) to = value.size();
    if (auto t = nonempty(std::string_view(value).substr(from, to - from))) out.push_back(*t);
    from = to + 1;
  }
}

// JSON-LD that a page wraps in <![CDATA[ … ]]>, as XHTML-minded templates do.
std::string_view without_cdata(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  if (s.starts_with("<![CDATA[")) s.remove_prefix(9);
  if (s.ends_with("]]>")) s.remove_suffix(3);
  return s;
}

// A byline without the date or time glued after the name ("By Joshua Sokol May 20, 2019",
// "James Akinaka • 8h"): cut before the first number, or month or weekday name followed by a
// number, that comes after a word; separators before it go too.
std::string without_date(const std::string& byline) {
  const text::Tokens tokens = text::tokenize(byline);
  const auto numeric = [&](std::size_t i) {
    return i < tokens.size() && std::isdigit(static_cast<unsigned char>(byline[tokens[i].start]));
  };
  std::size_t last_word_end = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto match = entities::lexicon().longest(tokens, i);
    const bool date_name = match.entry && match.entry->type == "DATE" &&
                           std::isupper(static_cast<unsigned char>(byline[tokens[i].start])) &&
                           (numeric(i + match.tokens) || numeric(i + match.tokens + 1));
    if (last_word_end > 0 && (numeric(i) || date_name)) return byline.substr(0, last_word_end);
    if (tokens[i].kind == text::TokenKind::word) last_word_end = tokens[i].end;
  }
  return byline;
}

}  // namespace

Metadata read_metadata(const Document& doc) {
  const Page& page = doc.page;
  Metadata m;
  std::optional<std::string> ld_name, ld_headline, ld_published;
  std::vector<std::string> ld_authors, ld_keywords;
  for (const auto& text : page.json_ld) {
    const Json root = Json::parse(without_cdata(text), nullptr, false);
    if (root.is_discarded()) continue;
    std::vector<const Json*> objects;
    collect_articles(root, objects);
    for (const Json* obj : objects) {
      if (!ld_name) ld_name = string_at(*obj, "name");
      if (!ld_headline) ld_headline = string_at(*obj, "headline");
      if (!ld_published) ld_published = string_at(*obj, "datePublished");
      if (!m.article_body) m.article_body = string_at(*obj, "articleBody");
      if (ld_authors.empty())
        if (auto it = obj->find("author"); it != obj->end()) author_names(*it, ld_authors);
      if (ld_keywords.empty())
        if (auto it = obj->find("keywords"); it != obj->end()) {
          if (it->is_string()) split_keywords(it->get<std::string>(), ld_keywords);
          else if (it->is_array())
            for (const auto& k : *it)
              if (k.is_string())
                if (auto t = nonempty(k.get<std::string>())) ld_keywords.push_back(*t);
        }
    }
  }

  // Title, in Readability's order: JSON-LD (name, or headline when only it resembles the page's
  // title), Dublin Core, OpenGraph, meta title, Twitter, Parse.ly; else the page's <title> read as
  // article_title() does.
  std::vector<std::string> headings, h1s;  // h1 and h2 texts; h1 texts
  for (std::size_t i = 0; i < doc.hints.size(); ++i) {
    if (doc.hints[i].heading == 1) h1s.push_back(doc.blocks[i].text);
    if (doc.hints[i].heading == 1 || doc.hints[i].heading == 2) headings.push_back(doc.blocks[i].text);
  }
  const std::string page_title = article_title(squeeze(page.title), headings, h1s);
  constexpr double kSimilar = 0.75;
  if (ld_name && ld_headline && *ld_name != *ld_headline)
    m.title = similarity(*ld_headline, page_title) > kSimilar && similarity(*ld_name, page_title) <= kSimilar
                  ? ld_headline : ld_name;
  else m.title = ld_name ? ld_name : ld_headline;
  if (!m.title)
    m.title = meta_value(page, {"dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                                "title", "twitter:title", "parsely-title"});
  if (!m.title && !page_title.empty()) m.title = page_title;

  // Byline: JSON-LD authors, then meta tags (Readability's, then other publishers'), then the first
  // byline element of the page with a short text.
  constexpr std::size_t kMaxBylineChars = 100;
  if (!ld_authors.empty()) {
    std::string joined;
    for (const auto& a : ld_authors) joined += (joined.empty() ? "" : ", ") + a;
    m.byline = joined;
  }
  if (!m.byline) {
    auto v = meta_value(page, {"dc:creator", "dcterm:creator", "author", "parsely-author", "article:author"});
    if (v && !is_url(*v)) m.byline = v;
  }
  if (!m.byline)
    for (const auto& b : page.bylines)
      if (auto t = nonempty(b); t && text::count_code_points(*t) < kMaxBylineChars) {
        m.byline = t;
        break;
      }
  if (!m.byline) m.byline = meta_value(page, {"sailthru:author", "byl"});  // often with "By "
  if (m.byline) m.byline = without_date(*m.byline);

  // Published: JSON-LD, Readability's meta tags, other publishers', the first <time datetime>.
  m.published = ld_published;
  if (!m.published)
    m.published = meta_value(page, {"article:published_time", "parsely-pub-date", "datepublished", "pubdate",
                                    "publishdate", "dc:date", "dc:date:issued", "date", "sailthru:date"});
  if (!m.published)
    for (const auto& t : page.times)
      if (auto v = nonempty(t); v && iso(*v)) { m.published = v; break; }
  if (m.published) m.published_iso = iso(*m.published);

  // Tags.
  for (const auto& tag : page.meta)
    if (meta_key_is(tag, "article:tag"))
      if (auto t = nonempty(tag.content)) m.tags.push_back(*t);
  if (m.tags.empty()) m.tags = ld_keywords;
  if (m.tags.empty())
    if (auto v = meta_value(page, {"keywords", "news_keywords"})) split_keywords(*v, m.tags);
  return m;
}

}  // namespace maqal::html
