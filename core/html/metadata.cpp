#include "html/metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace maqal::html {
namespace {

using Json = nlohmann::json;

std::string squeeze(std::string_view s) {
  std::string out;
  bool sp = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') { sp = !out.empty(); continue; }
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

std::optional<std::string> meta_value(const Page& page, std::initializer_list<std::string_view> keys) {
  for (auto key : keys)
    for (const auto& [k, v] : page.meta)
      if (k == key)
        if (auto t = nonempty(v)) return t;
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

// "Title | Site", "Title - Site", "Site » Title": the longer side of the last separator with 3+ words.
std::string clean_title(const std::string& title) {
  static const char* separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xBB ", " :: ", " / "};
  std::size_t cut = std::string::npos, len = 0;
  for (const char* sep : separators) {
    const std::size_t at = title.rfind(sep);
    if (at != std::string::npos && (cut == std::string::npos || at > cut)) cut = at, len = std::string_view(sep).size();
  }
  if (cut == std::string::npos) return title;
  const std::string head = title.substr(0, cut), tail = title.substr(cut + len);
  auto words = [](const std::string& s) { return 1 + std::count(s.begin(), s.end(), ' '); };
  if (words(head) >= 3 || words(head) >= words(tail)) return head;
  return tail;
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

}  // namespace

Metadata read_metadata(const Document& doc) {
  const Page& page = doc.page;
  Metadata m;
  std::optional<std::string> ld_headline, ld_published;
  std::vector<std::string> ld_authors, ld_keywords;
  for (const auto& text : page.json_ld) {
    const Json root = Json::parse(text, nullptr, false);
    if (root.is_discarded()) continue;
    std::vector<const Json*> objects;
    collect_articles(root, objects);
    for (const Json* obj : objects) {
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

  // Title.
  std::vector<std::size_t> h1s;
  for (std::size_t i = 0; i < doc.hints.size(); ++i)
    if (doc.hints[i].heading == 1) h1s.push_back(i);
  m.title = ld_headline;
  if (!m.title) m.title = meta_value(page, {"og:title", "twitter:title", "dc.title"});
  if (!m.title && h1s.size() == 1) m.title = doc.blocks[h1s[0]].text;
  if (!m.title)
    if (auto t = nonempty(page.title)) m.title = clean_title(*t);

  // Byline.
  if (!ld_authors.empty()) {
    std::string joined;
    for (const auto& a : ld_authors) joined += (joined.empty() ? "" : ", ") + a;
    m.byline = joined;
  }
  if (!m.byline) {
    auto v = meta_value(page, {"author", "dc.creator", "article:author", "parsely-author", "sailthru.author", "byl"});
    if (v && !is_url(*v)) m.byline = v;
  }
  if (!m.byline)
    for (const auto& a : page.author_links)
      if (auto t = nonempty(a)) { m.byline = t; break; }

  // Published.
  m.published = ld_published;
  if (!m.published)
    m.published = meta_value(page, {"article:published_time", "datepublished", "parsely-pub-date", "pubdate",
                                    "publishdate", "dc.date", "dc.date.issued", "date", "sailthru.date"});
  if (!m.published)
    for (const auto& t : page.times)
      if (auto v = nonempty(t); v && iso(*v)) { m.published = v; break; }
  if (m.published) m.published_iso = iso(*m.published);

  // Tags.
  for (const auto& [k, v] : page.meta)
    if (k == "article:tag")
      if (auto t = nonempty(v)) m.tags.push_back(*t);
  if (m.tags.empty()) m.tags = ld_keywords;
  if (m.tags.empty())
    if (auto v = meta_value(page, {"keywords", "news_keywords"})) split_keywords(*v, m.tags);
  return m;
}

}  // namespace maqal::html
