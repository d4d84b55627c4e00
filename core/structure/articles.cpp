#include "structure/articles.h"

#include <algorithm>

#include "entities/entities.h"
#include "entities/lexicon.h"
#include "structure/cues.h"
#include "text/tokens.h"

namespace maqal::structure {
namespace {

bool in_body(const std::string& role) {
  return role == "lead" || role == "paragraph" || role == "subheading" || role == "blockquote" ||
         role == "list_item";
}

std::string_view cue_value(const Block& block, const text::Tokens& tokens) {
  auto match = match_cue(block.text, tokens);
  return match ? match->value : std::string_view{};
}

// The tokens of an article's title: a title line, or what follows an inline "اقرأ أيضا:".
text::Tokens title_tokens(const Block& block, const text::Tokens& tokens) {
  if (block.role == "title") return tokens;
  const std::string_view value = cue_value(block, tokens);
  const std::size_t from = block.text.size() - value.size();
  text::Tokens out;
  out.forms = tokens.forms;  // what the copied tokens' forms point into
  for (const auto& t : tokens)
    if (t.start >= from) out.push_back(t);
  return out;
}

std::string trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Some block other than a tags line uses the words a and b next to each other.
bool pair_used(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens, std::string_view a,
               std::string_view b) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].role == "tags") continue;
    const text::Tokens& t = tokens[i];
    for (std::size_t k = 0; k + 1 < t.size(); ++k)
      if (t[k].form() == a && t[k + 1].form() == b) return true;
  }
  return false;
}

// The folded words of a line, what two headlines are compared on.
std::vector<std::string> word_forms(const text::Tokens& tokens) {
  std::vector<std::string> forms;
  for (const auto& t : tokens)
    if (t.kind != text::TokenKind::punct) forms.emplace_back(t.form());
  return forms;
}

}  // namespace

std::vector<std::string> split_tags(std::string_view value, const std::vector<Block>& blocks,
                                    const std::vector<text::Tokens>& block_tokens) {
  const auto tokens = text::tokenize(value);
  std::vector<std::string> tags;
  const bool separated = std::any_of(tokens.begin(), tokens.end(), [](const text::Token& t) {
    return t.kind == text::TokenKind::punct && t.form() != "-" && t.form() != "'";
  });
  if (separated) {  // "a، b، c" or "a | b": the separators decide
    std::size_t from = std::string_view::npos, to = 0;
    auto flush = [&] {
      if (from != std::string_view::npos) tags.push_back(trimmed(value.substr(from, to - from)));
      from = std::string_view::npos;
    };
    for (const auto& t : tokens) {
      if (t.kind == text::TokenKind::punct && t.form() != "-" && t.form() != "'") { flush(); continue; }
      if (from == std::string_view::npos) from = t.start;
      to = t.end;
    }
    flush();
    return tags;
  }
  const auto& lexicon = entities::lexicon();
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t n = std::max<std::size_t>(1, lexicon.longest(tokens, i).tokens);
    // Grow while the next word is an adjective of nationality (النظام السوري) or the prose uses
    // the pair.
    while (i + n < tokens.size()) {
      const auto next = lexicon.longest(tokens, i + n);
      const bool adjective = next.tokens == 1 && next.entry->type == "NORP";
      if (!adjective && !pair_used(blocks, block_tokens, tokens[i + n - 1].form(), tokens[i + n].form())) break;
      n += 1;
    }
    tags.push_back(std::string(value.substr(tokens[i].start, tokens[i + n - 1].end - tokens[i].start)));
    i += n;
  }
  return tags;
}

// The first date with a known year in a block, as ISO 8601 ("2024-03-14", "2024-03").
std::optional<std::string> iso_date_in(const Block& block, const text::Tokens& tokens) {
  for (const auto& e : entities::find_dates(block, tokens))
    if (!e.norm.starts_with("X")) return e.norm;
  return std::nullopt;
}

// A date's label alone on its line ("Published", the date on the next): a dateline with no date.
bool date_label(const Block& block, const text::Tokens& tokens) {
  const auto cue = match_cue(block.text, tokens);
  return cue && cue->role == "dateline";
}

std::vector<std::optional<std::string>> article_dates(const std::vector<Block>& blocks,
                                                      const std::vector<text::Tokens>& tokens, int article_count) {
  std::vector<std::optional<std::string>> dates(static_cast<std::size_t>(article_count));
  std::vector<bool> seen(dates.size(), false);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.role != "dateline" || !b.article || seen[*b.article] || date_label(b, tokens[i])) continue;
    seen[*b.article] = true;
    dates[*b.article] = iso_date_in(b, tokens[i]);
  }
  return dates;
}

std::vector<Article> collect_articles(const std::vector<Block>& blocks, const std::vector<text::Tokens>& tokens,
                                      int article_count, const std::vector<std::optional<std::string>>& dates) {
  std::vector<Article> articles(static_cast<std::size_t>(article_count));
  for (int id = 0; id < article_count; ++id) {
    articles[id].id = id;
    articles[id].kind = id == 0 ? "main" : "secondary";
    articles[id].published_iso = dates.at(static_cast<std::size_t>(id));
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (!b.article) continue;
    Article& a = articles[*b.article];
    if (b.role == "title" && !a.title) a.title = b.text;
    else if (b.role == "read_also" && !a.title) {
      if (auto v = cue_value(b, tokens[i]); !v.empty()) a.title = trimmed(v);
    } else if (b.role == "byline" && !a.byline) {
      auto v = cue_value(b, tokens[i]);
      a.byline = trimmed(v.empty() ? std::string_view(b.text) : v);
    } else if (b.role == "dateline" && !a.published && !date_label(b, tokens[i])) {
      a.published = b.text;
    } else if (b.role == "source" && !a.source) {
      if (auto v = cue_value(b, tokens[i]); !v.empty()) a.source = trimmed(v);
    } else if (b.role == "tags") {
      const auto cue = match_cue(b.text, tokens[i]);  // a line under a tags header is one tag
      if (!cue) a.tags.push_back(trimmed(b.text));
      else for (auto& tag : split_tags(cue->value, blocks, tokens)) a.tags.push_back(std::move(tag));
    }
  }
  // Related items: every related block but the list's header; an item repeating the title of an
  // article of this paste points to it.
  std::vector<std::vector<std::string>> titles(articles.size());
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (blocks[i].article && (blocks[i].role == "title" || blocks[i].role == "read_also") && titles[*blocks[i].article].empty())
      titles[*blocks[i].article] = word_forms(title_tokens(blocks[i], tokens[i]));
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.role != "related" || !b.article || match_cue(b.text, tokens[i])) continue;
    RelatedItem item{b.text, std::nullopt};
    const auto forms = word_forms(tokens[i]);
    for (const auto& other : articles)
      if (!titles[other.id].empty() && titles[other.id] == forms) item.article = other.id;
    articles[*b.article].related.push_back(std::move(item));
  }
  return articles;
}

void write_bodies(std::vector<Article>& articles, const std::vector<Block>& blocks) {
  // The bodies at their size: grown by doubling, a 10 MB body took 16 MB and twice that while copied.
  std::vector<std::size_t> body_sizes(articles.size());
  for (const Block& b : blocks)
    if (b.article && in_body(b.role))  // 2: the "\n\n" before; a number and ". "
      body_sizes[*b.article] += b.text.size() + 2 + (b.number > 0 ? std::to_string(b.number).size() + 2 : 0);
  for (auto& a : articles) a.body.reserve(body_sizes[a.id]);
  for (const Block& b : blocks) {
    if (!b.article || !in_body(b.role)) continue;
    std::string& body = articles[*b.article].body;
    if (!body.empty()) body += "\n\n";
    if (b.number > 0) (body += std::to_string(b.number)) += ". ";  // an ordered list's numbers are its text
    body += b.text;
  }
}

}  // namespace maqal::structure
