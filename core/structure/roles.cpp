#include "structure/roles.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>

#include "entities/lexicon.h"
#include "lang/data.h"
#include "text/fold.h"
#include "structure/cues.h"
#include "text/tokens.h"

namespace maqal::structure {
namespace {

// Evidence thresholds, in words. A headline-like line (no sentence-final punctuation) of at least
// kTeaserWords inside a body is another story's headline; shorter ones are sub-headings. Past
// kMaxHeadlineWords a line is prose even without a final full stop.
constexpr std::size_t kTeaserWords = 10;
constexpr std::size_t kMaxHeadlineWords = 30;
// Related-list items are headlines: a longer line ends the list.
constexpr std::size_t kMaxRelatedItemWords = 30;
// Runs of this many bulleted headlines after the body are a related list even without a header.
constexpr std::size_t kMinHeaderlessRelated = 3;
// A headline is followed by its article's prose within this many blocks (subtitle, byline, date).
constexpr std::size_t kHeadBlocks = 4;
// A dateline is a short line made mostly of date words and numbers ("March 14, 2024 - 10:30").
constexpr std::size_t kMaxDatelineWords = 10;

struct Line {
  std::size_t words = 0;
  bool terminal = false;  // ends with sentence-final punctuation (. ! ? ؟), quotes aside
  bool colon = false;     // ends with a colon: it introduces what follows
  bool quoted = false;    // the whole line is one quotation
  bool dateline = false;  // a short line of date words and numbers
  std::optional<CueMatch> cue;

  bool headline_like() const { return !terminal && !colon && words > 0 && words <= kMaxHeadlineWords; }
};

UChar32 last_code_point(std::string_view s, std::size_t& end) {
  int32_t i = static_cast<int32_t>(end);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  end = static_cast<std::size_t>(i);
  return c;
}

bool is_closing(UChar32 c) {
  const int8_t t = u_charType(c);
  return t == U_FINAL_PUNCTUATION || t == U_END_PUNCTUATION || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK);
}

bool is_dateline(const std::vector<text::Token>& tokens, std::size_t words) {
  if (words == 0 || words > kMaxDatelineWords) return false;
  std::size_t date_words = 0, dates = 0;
  for (std::size_t i = 0; i < tokens.size();) {
    const auto match = entities::lexicon().longest(tokens, i);
    if (match.tokens > 0 && match.entry->type == "DATE") {
      date_words += match.tokens, ++dates, i += match.tokens;
      continue;
    }
    date_words += tokens[i].kind == text::TokenKind::number;
    ++i;
  }
  const bool numeric_date = date_words >= 3;  // 14/03/2024, 2024-03-14 10:30
  return (dates > 0 || numeric_date) && date_words >= 2 && 2 * date_words >= words;
}

Line describe(const Block& block, const text::Tokens& tokens) {
  Line line;
  line.words = count_words(tokens);
  std::size_t end = block.text.size();
  UChar32 last = end ? last_code_point(block.text, end) : 0;
  const bool ends_in_quote = is_closing(last);
  while (end > 0 && is_closing(last)) last = last_code_point(block.text, end);
  line.terminal = u_hasBinaryProperty(last, UCHAR_S_TERM) || last == 0x2026 /* … */;
  line.colon = last == ':';
  if (!tokens.empty() && ends_in_quote) {
    const std::string& first = tokens.front().form;
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(first.data()), i, static_cast<int32_t>(first.size()), c);
    line.quoted = u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) || u_charType(c) == U_INITIAL_PUNCTUATION;
  }
  line.cue = match_cue(block.text, tokens);
  line.dateline = !line.cue && is_dateline(tokens, line.words);
  return line;
}

// A colon this many words into a teaser line, with a few words of label before it, starts a
// second headline: "<headline one> خبير استراتيجي: <headline two>".
constexpr std::size_t kMinWordsBeforeSecondHeadline = 4;
constexpr std::size_t kMaxLabelWords = 3;

bool adjective_like(const std::string& folded) {
  static const auto endings = [] {
    std::vector<std::string> out;
    for (const auto& row : data::rows_all_languages("headlines.tsv"))
      if (row.size() > 1 && row[0] == "adjective_ending") out.push_back(text::fold(row[1]));
    return out;
  }();
  return std::any_of(endings.begin(), endings.end(), [&](const std::string& e) {
    return folded.size() > e.size() + 2 && folded.ends_with(e);
  });
}

// The token index where a second headline starts inside a teaser line, or 0 when there is none.
std::size_t second_headline_start(const std::vector<text::Token>& tokens) {
  std::size_t words = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != text::TokenKind::punct) { ++words; continue; }
    if (tokens[i].form != ":") continue;
    // The label: the word before the colon and, while the label begins with an adjective, the
    // word it describes.
    std::size_t label = i, label_words = 0;
    while (label > 0 && tokens[label - 1].kind != text::TokenKind::punct && label_words < kMaxLabelWords) {
      --label, ++label_words;
      if (!adjective_like(tokens[label].form)) break;
    }
    if (words - label_words >= kMinWordsBeforeSecondHeadline) return label;
    return 0;
  }
  return 0;
}

// Two teasers run together on one line become two teaser blocks.
void split_run_together_teasers(std::vector<Block>& blocks, std::vector<text::Tokens>& block_tokens) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].role != "teaser") continue;
    text::Tokens& tokens = block_tokens[i];
    const std::size_t at = second_headline_start(tokens);
    if (at == 0) continue;
    Block second = blocks[i];
    const std::size_t cut = tokens[at].start, first_end = tokens[at - 1].end;
    text::Tokens second_tokens(tokens.begin() + static_cast<std::ptrdiff_t>(at), tokens.end());
    for (auto& t : second_tokens) t.start -= cut, t.end -= cut;
    tokens.resize(at);
    second.text = blocks[i].text.substr(cut);
    second.span.start8 += cut;
    second.bullet = false;
    blocks[i].span.end8 = blocks[i].span.start8 + first_end;
    blocks[i].text.resize(first_end);
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(second));
    block_tokens.insert(block_tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(second_tokens));
    ++i;
  }
}

class RoleAssigner {
 public:
  RoleAssigner(std::vector<Block>& blocks, std::vector<text::Tokens>& tokens) : blocks_(blocks), tokens_(tokens) {
    lines_.reserve(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) lines_.push_back(describe(blocks[i], tokens[i]));
  }

  int run() {
    for (std::size_t i = 0; i < blocks_.size(); ++i) assign(i);
    mark_headerless_related_lists();
    mark_leads();
    split_run_together_teasers(blocks_, tokens_);
    return articles_;
  }

 private:
  void set(std::size_t i, std::string role, std::optional<int> article, std::string kind = {}) {
    blocks_[i].role = std::move(role);
    blocks_[i].kind = std::move(kind);
    blocks_[i].article = article;
  }

  int current_article() {
    if (article_ < 0) article_ = articles_++;
    return article_;
  }

  // Prose comes within the next few blocks, past bylines, datelines and furniture: what a
  // headline above an article looks like (a menu of short lines has none).
  bool prose_follows_soon(std::size_t i) const {
    for (std::size_t j = i + 1; j < lines_.size() && j <= i + kHeadBlocks; ++j) {
      if (lines_[j].cue && lines_[j].cue->role != "byline" && lines_[j].cue->role != "boilerplate") return false;
      if (!lines_[j].cue && !lines_[j].dateline && !lines_[j].headline_like()) return true;
    }
    return false;
  }

  void assign(std::size_t i) {
    const Line& line = lines_[i];
    if (line.cue) return assign_cue(i, *line.cue);

    if (in_related_) {
      if (line.headline_like() && line.words <= kMaxRelatedItemWords) return set(i, "related", related_owner_);
      in_related_ = false;
    }

    if (expect_title_) {  // the line after a "read also" marker names the article it brings
      expect_title_ = false;
      if (line.headline_like()) return set(i, "title", current_article());
    }

    if (line.dateline) return set(i, "dateline", current_article());
    if (line.headline_like()) {
      // Before an article's first prose: its title, then a subtitle, if prose follows soon.
      if (!seen_prose_in_article_ && !blocks_[i].bullet && prose_follows_soon(i)) {
        const int a = current_article();
        if (!has_title_) { has_title_ = true; return set(i, "title", a); }
        return set(i, "subtitle", a);
      }
      if (blocks_[i].bullet) return set(i, "list_item", current_article());
      if (line.words >= kTeaserWords) return set(i, "teaser", std::nullopt);
      return set(i, "subheading", current_article());
    }
    seen_prose_in_article_ = true;
    if (line.quoted) return set(i, "blockquote", current_article());
    if (blocks_[i].bullet) return set(i, "list_item", current_article());
    set(i, "paragraph", current_article());
  }

  void assign_cue(std::size_t i, const CueMatch& cue) {
    if (cue.role == "boilerplate") return set(i, "boilerplate", std::nullopt, cue.kind);
    if (cue.role == "related") {
      in_related_ = true;
      related_owner_ = articles_ > 0 ? 0 : current_article();  // lists belong to the page's main article
      return set(i, "related", related_owner_);
    }
    in_related_ = false;
    if (cue.role == "read_also") {
      if (!cue.value.empty()) {
        // "اقرأ أيضا: <headline>" inside a body is a link to another story: it gets an article of
        // its own (title only) and the body goes on.
        current_article();
        return set(i, "read_also", articles_++);
      }
      article_ = articles_++;  // a marker line: the next headline and prose are another article
      has_title_ = false;
      expect_title_ = true;
      seen_prose_in_article_ = false;
      return set(i, "read_also", article_);
    }
    // Source and tags lines describe the page's main article, wherever they stand.
    if (cue.role == "source" || cue.role == "tags") return set(i, cue.role, articles_ > 0 ? 0 : current_article());
    set(i, cue.role, current_article());  // byline
  }

  // Bulleted headlines after the last prose of their article, with no header, are a related list.
  void mark_headerless_related_lists() {
    for (std::size_t i = 0; i < blocks_.size();) {
      std::size_t j = i;
      while (j < blocks_.size() && blocks_[j].role == "list_item" && lines_[j].headline_like()) ++j;
      if (j - i >= kMinHeaderlessRelated && !prose_follows(j, blocks_[i].article)) {
        const std::optional<int> owner = articles_ > 0 ? std::optional<int>(0) : blocks_[i].article;
        for (std::size_t k = i; k < j; ++k) set(k, "related", owner);
      }
      i = j > i ? j : i + 1;
    }
  }

  bool prose_follows(std::size_t from, std::optional<int> article) const {
    for (std::size_t k = from; k < blocks_.size(); ++k)
      if (blocks_[k].article == article && blocks_[k].role == "paragraph") return true;
    return false;
  }

  // The first paragraph of each article is its lead.
  void mark_leads() {
    std::vector<bool> has_lead(static_cast<std::size_t>(articles_), false);
    for (auto& b : blocks_) {
      if (b.role != "paragraph" || !b.article || has_lead[*b.article]) continue;
      has_lead[*b.article] = true;
      b.role = "lead";
    }
  }

  std::vector<Block>& blocks_;
  std::vector<text::Tokens>& tokens_;
  std::vector<Line> lines_;
  int articles_ = 0;
  int article_ = -1;              // the article blocks are being added to
  bool has_title_ = false;
  bool expect_title_ = false;
  bool seen_prose_in_article_ = false;
  bool in_related_ = false;
  std::optional<int> related_owner_;
};

}  // namespace

int assign_roles(std::vector<Block>& blocks, std::vector<text::Tokens>& tokens) {
  return RoleAssigner(blocks, tokens).run();
}

}  // namespace maqal::structure
