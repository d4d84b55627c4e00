#include "structure/roles.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "entities/dates.h"
#include "entities/dictionary.h"
#include "entities/lexicon.h"
#include "entities/speech.h"
#include "lang/data.h"
#include "text/fold.h"
#include "structure/cues.h"
#include "text/tokens.h"
#include "text/utf.h"

namespace maqal::structure {
namespace {

// Evidence thresholds, in words. A headline-like line (no sentence-final punctuation) of at least
// kTeaserWords inside a body is another story's headline; shorter ones are sub-headings. Past
// kMaxHeadlineWords a line is prose even without a final full stop.
constexpr std::size_t kTeaserWords = 10;
constexpr std::size_t kMaxHeadlineWords = 30;
// Related-list items are headlines: a longer line ends the list.
constexpr std::size_t kMaxRelatedItemWords = 30;
// A headline over a longer standfirst has at least this many words (not a section's name: "France").
constexpr std::size_t kMinHeadlineWords = 4;
// A tag on its own line under a tags header ("Topics" / "Global development") has this many words at most.
constexpr std::size_t kMaxTagWords = 5;
// Runs of this many bulleted headlines after the body are a related list even without a header.
constexpr std::size_t kMinHeaderlessRelated = 3;
// A headline is followed by its article's prose within this many blocks (subtitle, byline, date).
constexpr std::size_t kHeadBlocks = 4;
// Between a headline and its first prose: bylines, datelines, captions, buttons, at most this many.
constexpr std::size_t kMaxHeadLines = 8;
// A writer's role under their name ("Senior political correspondent"), a name of two to four words.
constexpr std::size_t kMaxWriterRoleWords = 5;
constexpr std::size_t kMaxWriterNameWords = 4;
// A dateline is a short line made mostly of date words and numbers ("March 14, 2024 - 10:30"), maybe
// two of them ("نُشر في: 28 نوفمبر 2024 - 10:15 | آخر تحديث: 28 نوفمبر 2024 - 12:40": 14 words).
constexpr std::size_t kMaxDatelineWords = 16;
// A headline may end in ? or ! ("What is cloud computing?") when it is this short.
constexpr std::size_t kMaxQuestionTitleWords = 15;
// A line without a final full stop where at least this many words, and one word in kGluedShare,
// run two menu items together ("NewsStock", "MoversTech") is a menu the copy lost the breaks of.
constexpr std::size_t kMinGluedItems = 3;
constexpr std::size_t kGluedShare = 4;
// A question of at most this many words alone on its line inside a body heads a section.
constexpr std::size_t kMaxQuestionHeadingWords = 12;
// The article region is the run of blocks with the most prose: each prose word counts +1, every
// other block -kRegionPenalty (menus, footers and link lists are many short blocks).
constexpr long kRegionPenalty = 5;
// Menu items are this short; longer non-prose lines inside an article (sub-headings) cost less.
constexpr std::size_t kShortLineWords = 3;
// End-of-article lines only end an article that already has this much prose.
constexpr std::size_t kMinArticleWords = 100;
// This much prose within this few blocks after a sign-up line: the article goes on.
constexpr std::size_t kResumeBlocks = 4;
constexpr std::size_t kResumeWords = 40;
// A sign-up line ends an article as a button or a call ("Sign up for our newsletter"), not a
// sentence that names a newsletter.
constexpr std::size_t kMaxSignUpWords = 8;
// A credit line names a place and, after a dash or in brackets, the agency or the correspondent, in
// at most this many words each ("مدريد - وكالات", "القاهرة - أحمد علي", "WASHINGTON (Reuters)").
constexpr std::size_t kMaxCreditPartWords = 3;

struct Line {
  std::size_t words = 0;
  bool terminal = false;  // ends with sentence-final punctuation (. ! ? ؟), quotes aside
  bool colon = false;     // ends with a colon: it introduces what follows
  bool quoted = false;    // the whole line is one quotation
  bool dateline = false;  // a short line of date words and numbers
  bool table_row = false; // cells separated by tabs
  bool lowercase_start = false;  // goes on from a line broken by <br> or a pasted table cell
  bool question = false;  // ends in ? or !
  bool glued_menu = false;  // menu items run together without spaces ("Market NewsMarket MoversTech")
  bool signed_by = false;   // a writer's name and, on the next line, their role: the byline
  bool title_case = false;  // every word of four or more letters starts with a capital ("My Favorite Features")
  bool credit = false;      // a place and the agency or correspondent ("مدريد - وكالات"), under the headline
  std::optional<CueMatch> cue;

  bool wrapped = false;   // one line of a paragraph broken across lines (hard-wrapped text)

  bool headline_like() const {
    return !terminal && !colon && !table_row && !wrapped && words > 0 && words <= kMaxHeadlineWords;
  }
  bool title_like() const { return headline_like() || (question && words <= kMaxQuestionTitleWords); }
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
    if (match.tokens > 0 && (match.entry->type == "DATE" || match.entry->type == "TIME")) {  // "منذ ساعتين"
      date_words += match.tokens, ++dates, i += match.tokens;
      continue;
    }
    if (tokens[i].kind == text::TokenKind::number)
      if (const auto elapsed = entities::elapsed_around(tokens, i, i)) {  // "2 hours ago", "منذ 3 أيام"
        date_words += elapsed->last + 1 - elapsed->first, ++dates, i = elapsed->last + 1;  // its marker too
        continue;
      }
    date_words += tokens[i].kind == text::TokenKind::number;
    ++i;
  }
  const bool numeric_date = date_words >= 3;  // 14/03/2024, 2024-03-14 10:30
  return (dates > 0 || numeric_date) && date_words >= 2 && 2 * date_words >= words;
}

// "<place> - <agency>" or "<place> (<agency>)": a few words, the mark, a few words and their marks.
bool credit_shaped(const std::vector<text::Token>& tokens) {
  std::size_t before = 0, after = 0;
  bool marked = false;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const text::Token& t = tokens[k];
    if (t.kind == text::TokenKind::number) return false;  // "2016 (1)", "Comments (0)"
    if (t.kind == text::TokenKind::word) {
      ++(marked ? after : before);
      continue;
    }
    if (marked) continue;  // "(Reuters) -", "«الشرق الأوسط»", "العربية.نت"
    const std::string_view mark = t.form();
    const bool dash = mark == "-" || mark == "\u2013" || mark == "\u2014";
    // A dash between two words written close is a hyphen ("sub-navigation").
    const bool hyphen = dash && k > 0 && k + 1 < tokens.size() && tokens[k - 1].end == t.start && t.end == tokens[k + 1].start;
    if (before == 0 || hyphen || !(dash || mark == "(")) return false;
    marked = true;
  }
  return marked && before <= kMaxCreditPartWords && after > 0 && after <= kMaxCreditPartWords;
}

// ICU's u_islower and u_isupper, ASCII and the Arabic block (U+0600–U+06FF: no case) told without it:
// describe() asks them of every letter of every word.
bool lower_letter(UChar32 c) { return c < 0x80 ? c >= 'a' && c <= 'z' : (c < 0x600 || c > 0x6FF) && u_islower(c); }
bool upper_letter(UChar32 c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : (c < 0x600 || c > 0x6FF) && u_isupper(c); }

Line describe(const Block& block, const text::Tokens& tokens) {
  Line line;
  line.words = count_words(tokens);
  std::size_t end = block.text.size();
  UChar32 last = end ? last_code_point(block.text, end) : 0;
  const std::string_view closing = std::string_view(block.text).substr(end);  // its bytes
  const bool ends_in_quote = is_closing(last);
  while (end > 0 && is_closing(last)) last = last_code_point(block.text, end);
  line.terminal = u_hasBinaryProperty(last, UCHAR_S_TERM) || last == 0x2026 /* … */;
  line.question = last == '?' || last == '!' || last == 0x061F /* ؟ */;
  line.table_row = block.text.find('\t') != std::string::npos;
  {
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(block.text.data()), i, static_cast<int32_t>(block.text.size()), c);
    line.lowercase_start = lower_letter(c);
  }
  line.colon = last == ':';
  if (!tokens.empty() && ends_in_quote) {
    const std::string_view first = tokens.front().form();
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(first.data()), i, static_cast<int32_t>(first.size()), c);
    // One quotation: the line's closing mark closes nothing before the end ("A," she said. "B." holds
    // two). A mark before a letter opens a quotation (") or is an apostrophe (’ in "We’re").
    std::size_t closings = 0;
    for (auto at = block.text.find(closing); at != std::string::npos; at = block.text.find(closing, at + 1))
      closings += at + closing.size() == block.text.size() || !u_isalnum(text::code_point_at(block.text, at + closing.size()));
    line.quoted = (u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) || u_charType(c) == U_INITIAL_PUNCTUATION) && closings == 1;
  }
  std::size_t long_words = 0, capitalized = 0;
  for (const auto& t : tokens) {
    if (t.kind != text::TokenKind::word || t.end - t.start < 4) continue;
    int32_t i = static_cast<int32_t>(t.start);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(block.text.data()), i, static_cast<int32_t>(t.end), c);
    ++long_words, capitalized += upper_letter(c);
  }
  line.title_case = long_words >= 2 && capitalized == long_words;
  std::size_t glued = 0;  // words with a capital right after a small letter inside them
  for (const auto& t : tokens) {
    if (t.kind != text::TokenKind::word) continue;
    int32_t i = static_cast<int32_t>(t.start);
    UChar32 prev = 0, c = 0;
    while (i < static_cast<int32_t>(t.end)) {
      U8_NEXT(reinterpret_cast<const uint8_t*>(block.text.data()), i, static_cast<int32_t>(t.end), c);
      if (lower_letter(prev) && upper_letter(c)) { ++glued; break; }
      prev = c;
    }
  }
  line.glued_menu = !line.terminal && glued >= kMinGluedItems && glued * kGluedShare >= line.words;
  line.cue = match_cue(block.text, tokens);
  line.dateline = !line.cue && !line.table_row && is_dateline(tokens, line.words);
  line.credit = !line.cue && !line.dateline && !line.terminal && credit_shaped(tokens);
  return line;
}

// A colon this many words into a teaser line, with a few words of label before it, starts a
// second headline: "<headline one> خبير استراتيجي: <headline two>".
constexpr std::size_t kMinWordsBeforeSecondHeadline = 4;
constexpr std::size_t kMaxLabelWords = 3;

bool adjective_like(std::string_view folded) {
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
    if (tokens[i].form() != ":") continue;
    // The label: the word before the colon and, while the label begins with an adjective, the
    // word it describes.
    std::size_t label = i, label_words = 0;
    while (label > 0 && tokens[label - 1].kind != text::TokenKind::punct && label_words < kMaxLabelWords) {
      --label, ++label_words;
      if (!adjective_like(tokens[label].form())) break;
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
    text::Tokens second_tokens;
    second_tokens.assign(tokens.begin() + static_cast<std::ptrdiff_t>(at), tokens.end());
    second_tokens.forms = tokens.forms;
    for (auto& t : second_tokens) t.start -= cut, t.end -= cut;
    tokens.resize(at);
    second.text = blocks[i].text.substr(cut);
    second.span.start8 += cut;
    second.bullet = false, second.number = 0;  // the marker was the first part's
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
    for (std::size_t i = 1; i < lines_.size(); ++i)
      if (writer_name(i - 1) && (writer_role(i) || (writer_outlet(i) && names_only(i - 1) && prose_follows_soon(i))))
        lines_[i - 1].signed_by = lines_[i].signed_by = true;
      else if (lines_[i - 1].cue && lines_[i - 1].cue->role == "byline" && writer_outlet(i))  // "By …" / "Associated Press"
        lines_[i].signed_by = true;
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (writer_in_place(i) || writer_with_role(i)) lines_[i].signed_by = true;
    // A credit only right under a headline (or its dateline) and above prose: a headline may read
    // "مصر - السودان" itself, and a menu's items "Services - Billing". A paste may start with it when
    // it names a place and an outlet ("الرياض - رويترز").
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (lines_[i].credit && ((i == 0 ? !place_and_outlet(i)
                                       : lines_[i - 1].cue || !(lines_[i - 1].title_like() || lines_[i - 1].dateline)) ||
                               !prose_follows_soon(i)))
        lines_[i].credit = false;
    // "<name> says:" heads a reader's comment when its date follows; in an article it opens a quote.
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (lines_[i].cue && lines_[i].cue->needs_date && (i + 1 == lines_.size() || !lines_[i + 1].dateline))
        lines_[i].cue.reset();
    // A line without a final full stop that the next line goes on from in lower case: one
    // sentence broken across lines (hard-wrapped text). Both have more words than a menu item.
    for (std::size_t i = 0; i + 1 < lines_.size(); ++i) {
      Line &line = lines_[i], &next = lines_[i + 1];
      if (line.terminal || !next.lowercase_start || blocks[i + 1].bullet || line.cue || next.cue) continue;
      if (line.words > kShortLineWords && next.words > kShortLineWords) line.wrapped = next.wrapped = true;
    }
  }

  int run() {
    for (std::size_t i = 0; i < blocks_.size(); ++i) assign(i);
    mark_headerless_related_lists();
    mark_introduced_lists();
    keep_article_region();
    mark_sign_up_pitches();
    drop_empty_articles();
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

  // Prose comes within the next few blocks, past bylines, datelines (not counted: "Published" /
  // "24 November 2024") and furniture: what a headline above an article looks like (a menu of short
  // lines has none).
  bool prose_follows_soon(std::size_t i) const {
    for (std::size_t j = i + 1, seen = 0; j < lines_.size() && seen < kHeadBlocks; ++j) {
      const bool dateline = lines_[j].dateline || (lines_[j].cue && lines_[j].cue->role == "dateline");
      if (lines_[j].cue && !dateline && lines_[j].cue->role != "byline" && lines_[j].cue->role != "boilerplate" &&
          lines_[j].cue->role != "caption")  // a photo between the head and the prose
        return false;
      if (!lines_[j].cue && !dateline && !lines_[j].headline_like()) return true;
      seen += !dateline;
    }
    return false;
  }

  void assign(std::size_t i) {
    const Line& line = lines_[i];
    const bool after_photo_credit = std::exchange(after_photo_credit_, false);
    if (line.cue) return assign_cue(i, *line.cue);
    // A photo's credit alone on its line ("Getty Images") stands over the photo's caption.
    if (after_photo_credit && line.headline_like() && !blocks_[i].bullet) return set(i, "caption", current_article());
    if (line.signed_by) return set(i, "byline", current_article());
    if (link_title_) return set(i, "title", *std::exchange(link_title_, std::nullopt));

    if (in_tags_) {
      if (line.headline_like() && line.words <= kMaxTagWords) return set(i, "tags", articles_ > 0 ? 0 : current_article());
      in_tags_ = false;
    }
    if (in_related_) {
      if (line.headline_like() && line.words <= kMaxRelatedItemWords) return set(i, "related", related_owner_);
      in_related_ = false;
    }

    if (expect_title_) {  // the line after a "read also" marker names the article it brings
      expect_title_ = false;
      if (line.headline_like()) return set(i, "title", current_article());
    }

    if (line.glued_menu) return set(i, "boilerplate", std::nullopt, "nav");
    if (line.dateline) return set(i, "dateline", current_article());
    if (line.credit && !seen_prose_in_article_) return set(i, "byline", current_article());
    if (line.headline_like()) {
      // Before an article's first prose: its title, then a subtitle, if prose follows soon.
      if (!seen_prose_in_article_ && !blocks_[i].bullet && prose_follows_soon(i)) {
        const int a = current_article();
        if (!has_title_) { has_title_ = true; return set(i, "title", a); }
        return set(i, "subtitle", a);
      }
      if (blocks_[i].bullet) return set(i, "list_item", current_article());
      if (line.words >= kTeaserWords) {
        // After prose a long quotation without its full stop is still one («…» as Arabic papers
        // print it); a short one is a heading (a film's name, 'F1: The Movie').
        if (line.quoted) return set(i, "blockquote", current_article());
        // Another story's headline dropped into the body: the prose after it goes on as if it
        // were not there ("وأضافت الوزارة…"). Without that, a long unpunctuated line is body text
        // (a list item or table cell whose marker the copy lost).
        if (continues_after(i)) return set(i, "teaser", std::nullopt);
        return set(i, line.lowercase_start ? "paragraph" : "list_item", current_article());
      }
      if (line.lowercase_start) return set(i, "paragraph", current_article());
      return set(i, "subheading", current_article());
    }
    if (question_heading(i)) return set(i, "subheading", current_article());
    seen_prose_in_article_ = true;
    if (line.quoted) return set(i, "blockquote", current_article());
    if (blocks_[i].bullet) return set(i, "list_item", current_article());
    set(i, "paragraph", current_article());
  }

  // A short question alone on its line between paragraphs, answered by a longer one, heads a
  // section ("Can meditation change the world?", "Is this NFTs?").
  bool question_heading(std::size_t i) const {
    const Line& line = lines_[i];
    const std::string& text = blocks_[i].text;
    if (!seen_prose_in_article_ || line.quoted || line.words > kMaxQuestionHeadingWords) return false;
    if (!text.ends_with("?") && !text.ends_with("\u061F")) return false;
    const std::size_t stops = std::count_if(tokens_[i].begin(), tokens_[i].end(), [](const text::Token& t) {
      return t.form() == "." || t.form() == "?" || t.form() == "!" || t.form() == "\u061F";
    });
    if (stops != 1 || i + 1 >= lines_.size()) return false;
    const Line& next = lines_[i + 1];
    return !next.cue && next.terminal && !next.question && next.words > line.words;
  }

  // The next block is prose that opens by going on with reported speech ("وأضافت", "He added").
  bool continues_after(std::size_t i) const {
    if (i + 1 >= lines_.size() || lines_[i + 1].headline_like() || lines_[i + 1].cue) return false;
    return entities::continues_speech(tokens_[i + 1]);
  }

  // Words of bylines.tsv: those that end or open a writer's role, and those between a writer's name
  // and their place.
  struct BylineWords {
    text::StringSet ending, opening, place;
  };
  static const BylineWords& byline_words() {
    static const BylineWords words = [] {
      BylineWords out;
      for (const auto& row : data::rows_all_languages("bylines.tsv"))
        if (row.size() > 1)
          (row[0] == "end" ? out.ending : row[0] == "start" ? out.opening : out.place).insert(text::fold(row[1]));
      return out;
    }();
    return words;
  }

  // A short line naming a writer's role: "Environment correspondent", "مراسل الشؤون الاقتصادية"
  // (bylines.tsv: the word that ends it in English, opens it in Arabic).
  bool writer_role(std::size_t k) const {
    const BylineWords& words = byline_words();
    const Line& line = lines_[k];
    const text::Tokens& tokens = tokens_[k];
    if (line.cue || line.terminal || line.words == 0 || line.words > kMaxWriterRoleWords) return false;
    std::size_t last = tokens.size();
    while (last > 0 && tokens[last - 1].kind == text::TokenKind::punct) --last;
    return last > 0 && (words.ending.count(tokens[last - 1].form()) || words.opening.count(tokens[0].form()));
  }

  // A writer and the place they write from: "Angelique Chrisafis in Paris" (a name of two to four
  // capitalized words, bylines.tsv's place word, a place of the lexicon ending the line).
  bool writer_in_place(std::size_t k) const {
    const Line& line = lines_[k];
    if (line.cue || line.terminal || line.dateline || line.words < 4 || line.words > kMaxWriterNameWords + 4) return false;
    const text::Tokens& tokens = tokens_[k];
    std::size_t in = 0;
    while (in < tokens.size() && !byline_words().place.count(tokens[in].form())) ++in;
    if (in < 2 || in > kMaxWriterNameWords || in + 1 >= tokens.size() || !capitalized_words(k, 0, in)) return false;
    if (!names_only(k, in)) return false;  // "Software Engineer in Chicago" is a job
    const auto place = entities::lexicon().longest(tokens, in + 1);
    return place.tokens > 0 && place.entry->type == "LOC" && in + 1 + place.tokens == tokens.size();
  }

  // A writer's name and role on one line: two names, then a role ending in a word of bylines.tsv
  // ("Fiona Harvey Environment editor"; not "Senior Political Correspondent").
  bool writer_with_role(std::size_t k) const {
    const text::Tokens& tokens = tokens_[k];
    if (lines_[k].words < 3 || !writer_role(k) || !capitalized_words(k, 0, 2) || !names_only(k, 2)) return false;
    std::size_t last = tokens.size();
    while (last > 0 && tokens[last - 1].kind == text::TokenKind::punct) --last;
    return byline_words().ending.count(tokens[last - 1].form()) > 0;
  }

  // A credit line (credit_shaped()) whose first part is a place the lexicon knows and whose second
  // opens with an organization it knows: "الرياض - رويترز", "LONDON (Reuters)".
  bool place_and_outlet(std::size_t k) const {
    const text::Tokens& tokens = tokens_[k];
    const auto place = entities::lexicon().longest(tokens, 0);
    std::size_t mark = place.tokens;
    if (place.tokens == 0 || place.entry->type != "LOC" || mark >= tokens.size() || tokens[mark].kind == text::TokenKind::word)
      return false;
    while (mark < tokens.size() && tokens[mark].kind != text::TokenKind::word) ++mark;  // "-", " (", "- «"
    const auto outlet = entities::lexicon().longest(tokens, mark);
    return outlet.tokens > 0 && outlet.entry->type == "ORG";
  }

  // A short line opening with an organization the lexicon knows, under a writer's name: the outlet
  // they write for ("Tomos Morgan" / "BBC Wales").
  bool writer_outlet(std::size_t k) const {
    const Line& line = lines_[k];
    if (line.cue || line.terminal || line.words == 0 || line.words > kMaxWriterRoleWords) return false;
    const auto outlet = entities::lexicon().longest(tokens_[k], 0);
    return outlet.tokens > 0 && outlet.entry->type == "ORG";
  }

  // The first `words` tokens of line k (all by default) are names, no common English word among them
  // ("Tomos Morgan", not "RSS Feed").
  bool names_only(std::size_t k, std::size_t words = std::string::npos) const {
    const text::Tokens& tokens = tokens_[k];
    return std::none_of(tokens.begin(), tokens.begin() + std::min(words, tokens.size()), [](const text::Token& t) {
      return entities::dictionary::listing(t.form()) == entities::dictionary::kCommon;
    });
  }

  // Tokens [from, to) of line k are words capitalized where the script has capitals.
  bool capitalized_words(std::size_t k, std::size_t from, std::size_t to) const {
    return std::all_of(tokens_[k].begin() + from, tokens_[k].begin() + to, [&](const text::Token& t) {
      return t.kind == text::TokenKind::word &&
             text::first_letter_case(std::string_view(blocks_[k].text).substr(t.start, t.end - t.start)) != text::LetterCase::lower;
    });
  }

  // A line that can be a person's name: two to four words, no sentence, no cue, capitalized where
  // the script has capitals.
  bool writer_name(std::size_t k) const {
    const Line& line = lines_[k];
    if (line.cue || line.terminal || line.dateline || line.words < 2 || line.words > kMaxWriterNameWords) return false;
    const text::Tokens& tokens = tokens_[k];
    return std::all_of(tokens.begin(), tokens.end(), [&](const text::Token& t) {
      if (t.kind != text::TokenKind::word) return t.form() == "." || t.form() == "-";  // "Jane R. Doe"
      return text::first_letter_case(std::string_view(blocks_[k].text).substr(t.start, t.end - t.start)) != text::LetterCase::lower;
    });
  }

  // Line k is a paragraph of the article being read (not its source, tags or a list after it).
  bool inside_prose(std::size_t k) const {
    const std::string& r = blocks_[k].role;
    return (r == "paragraph" || r == "lead" || r == "blockquote") && blocks_[k].article == article_;
  }

  // A "read also" marker brings an article when a headline follows and prose after it; a bare
  // "Read more" button under a card does not.
  bool brings_article(std::size_t i) const {
    const std::size_t title = i + 1;
    if (title >= lines_.size() || lines_[title].cue || !lines_[title].headline_like()) return false;
    for (std::size_t j = title + 1; j < lines_.size() && j <= title + 2; ++j)
      if (!lines_[j].cue && !lines_[j].headline_like()) return true;
    return false;
  }

  void assign_cue(std::size_t i, const CueMatch& cue) {
    // A tags header without a value heads the tags, one a line ("Topics" / "City council"); any other
    // cue ends them.
    in_tags_ = cue.role == "tags" && cue.value.empty();
    after_photo_credit_ = cue.role == "caption" && cue.value.empty();
    if (cue.role == "boilerplate") {
      // The page's footer ends a related list; an ad or a share button inside it does not.
      if (cue.kind != "ad" && cue.kind != "share") in_related_ = false;
      return set(i, "boilerplate", std::nullopt, cue.kind);
    }
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
      // Under a headline of its own, the marker is that card's button ("<headline>" + "Read more").
      if (i > 0 && !lines_[i - 1].cue && lines_[i - 1].headline_like()) return set(i, "boilerplate", std::nullopt, "nav");
      if (i > 0 && inside_prose(i - 1) && brings_article(i) && continues_after(i + 1)) {
        // Between paragraphs, and the prose under the headline goes on with the article around it
        // ("وأضاف الوزير…"): the marker and headline are a link set into the body, as with the
        // headline on the marker's line.
        current_article();
        link_title_ = articles_;
        return set(i, "read_also", articles_++);
      }
      if (!brings_article(i)) {  // a list of headlines follows, or nothing: a link, not an article
        if (i + 1 < lines_.size() && !lines_[i + 1].cue && lines_[i + 1].headline_like()) {
          in_related_ = true;
          related_owner_ = current_article() > 0 ? 0 : current_article();
          return set(i, "related", related_owner_);
        }
        return set(i, "boilerplate", std::nullopt, "nav");
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

  // A line ending in a colon followed by a run of short headline-like lines introduces a list
  // whose markers the copy lost ("The basic premise is:" + items); one such line alone is a
  // sub-heading after an introduction ("Here are ten films:" + "'F1: The Movie'" + prose), and so
  // is a line in Title Case.
  void mark_introduced_lists() {
    for (std::size_t i = 0; i + 1 < blocks_.size(); ++i) {
      if (!lines_[i].colon || !blocks_[i].article) continue;
      std::size_t j = i + 1;
      // Bulleted lines are a list of their own, and the line above them is its heading.
      while (j < blocks_.size() && blocks_[j].article == blocks_[i].article && lines_[j].headline_like() &&
             (blocks_[j].role == "subheading" || blocks_[j].role == "list_item") && !blocks_[j].bullet &&
             !lines_[j].title_case &&
             !(j + 1 < blocks_.size() && blocks_[j + 1].bullet))
        ++j;
      if (j - i <= 2) continue;
      for (std::size_t k = i + 1; k < j; ++k) set(k, "list_item", blocks_[i].article);
      i = j - 1;
    }
  }

  // A newsletter's pitch and terms between its sign-up lines ("Sign up to This is Europe" / "The most
  // pressing stories…" / "Privacy Notice: Newsletters may contain…" / "after newsletter promotion"),
  // one or two short lines, are part of the sign-up box.
  void mark_sign_up_pitches() {
    const auto sign_up = [&](std::size_t k) { return blocks_[k].role == "boilerplate" && blocks_[k].kind == "subscribe"; };
    const auto pitch = [&](std::size_t k) { return body_role(blocks_[k].role) && lines_[k].words <= kMaxHeadlineWords; };
    for (std::size_t i = 1; i + 1 < blocks_.size(); ++i) {
      if (!sign_up(i - 1) || !pitch(i)) continue;
      const std::size_t end = sign_up(i + 1) ? i + 1 : i + 2 < blocks_.size() && pitch(i + 1) && sign_up(i + 2) ? i + 2 : i;
      for (; i < end; ++i) set(i, "boilerplate", std::nullopt, "subscribe");
    }
  }

  bool prose_follows(std::size_t from, std::optional<int> article) const {
    for (std::size_t k = from; k < blocks_.size(); ++k)
      if (blocks_[k].article == article && blocks_[k].role == "paragraph") return true;
    return false;
  }

  static bool body_role(const std::string& role) {
    return role == "paragraph" || role == "lead" || role == "subheading" || role == "list_item" ||
           role == "blockquote" || role == "teaser" || role == "title" || role == "subtitle";
  }

  bool prose(std::size_t i) const {
    const std::string& r = blocks_[i].role;
    return (r == "paragraph" || r == "blockquote" || r == "list_item") && !lines_[i].headline_like();
  }

  // Page furniture a paste carries around the article (menus before, footers, comments and
  // promotions after) is what lies outside the run of blocks with the most prose. Body roles out
  // there become boilerplate; the headline right above the run is the main article's title.
  void keep_article_region() {
    long best = 0, sum = 0;
    std::size_t best_from = 0, best_to = 0, from = 0;
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      if (sum <= 0) sum = 0, from = i;
      sum += prose(i) ? static_cast<long>(lines_[i].words) : -penalty(i);
      if (sum > best) best = sum, best_from = from, best_to = i + 1;
    }
    if (best == 0) return;  // no prose at all: leave the lines as they are
    best_to = end_of_article(best_from, best_to);
    std::optional<std::size_t> title = title_above(best_from), standfirst;
    if (title && headline_over_standfirst(*title)) standfirst = title, title = *title - 1;
    const std::optional<int> main = blocks_[best_from].article;
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      const bool inside = (i >= best_from && i < best_to) || (title && i >= *title && i < best_from);
      if (!inside && lines_[i].glued_menu) blocks_[i].kind = i < best_from ? "nav" : "footer";
      // A credit right above the run is its article's ("الرياض - رويترز" opening a paste).
      if (inside || !(body_role(blocks_[i].role) || (lines_[i].credit && i + 1 != best_from))) continue;
      set(i, "boilerplate", std::nullopt, i < best_from ? "nav" : "footer");
    }
    if (!title || !main) return;
    for (std::size_t i = 0; i < blocks_.size(); ++i)  // one title per article
      if (blocks_[i].article == main && blocks_[i].role == "title") set(i, "subheading", main);
    set(*title, "title", main);
    if (standfirst) set(*standfirst, "subtitle", main);
  }

  // A long standfirst right under its headline ("French government collapses after losing…" /
  // "Prime minister Michel Barnier ousted after just three months in office, plunging…"): the
  // headline, shorter but of a few words, is the title.
  bool headline_over_standfirst(std::size_t k) const {
    if (k == 0 || lines_[k].words < kTeaserWords) return false;
    const Line& above = lines_[k - 1];
    return above.title_like() && !above.cue && !above.glued_menu && !above.dateline && !blocks_[k - 1].bullet &&
           blocks_[k - 1].text.find('|') == std::string::npos &&  // "Essay - Published: 2025.12.17 | AI"
           above.words >= kMinHeadlineWords && above.words < lines_[k].words;
  }

  // Menu items are a word or two; sub-headings inside an article are longer and cost less.
  long penalty(std::size_t i) const {
    return lines_[i].words > kShortLineWords && !lines_[i].cue ? kRegionPenalty / 2 : kRegionPenalty;
  }

  // Where the article ends inside the region: at the first end-of-article line (related list, tags,
  // comments, copyright, a sign-up call) after some prose, unless a "read also" article comes after it.
  std::size_t end_of_article(std::size_t from, std::size_t to) const {
    std::size_t prose_words = 0, total = 0;
    for (std::size_t k = from; k < to; ++k)
      if (prose(k)) total += lines_[k].words;
    for (std::size_t k = from; k < to; ++k) {
      if (prose(k)) prose_words += lines_[k].words;
      if (prose_words < kMinArticleWords || !ends_article(k)) continue;
      // More prose after the line than before it: the line sat inside the article (a keywords
      // line under an abstract, a "Read more" box between sections). Not a comments header: the
      // readers' comments under an article can run longer than the article.
      if (total - prose_words > prose_words && blocks_[k].kind != "comments") continue;
      if (blocks_[k].kind == "subscribe" && (lines_[k].words > kMaxSignUpWords || prose_resumes(k, to))) continue;
      for (std::size_t j = k + 1; j < to; ++j)
        if (blocks_[j].role == "read_also" && blocks_[j].article) return to;
      return k;
    }
    return to;
  }

  // Article prose within a few blocks after line k: a sign-up box set into the article
  // ("Subscribe", "Get her stories in your inbox"), not one closing it.
  bool prose_resumes(std::size_t k, std::size_t to) const {
    std::size_t words = 0;
    for (std::size_t j = k + 1; j < to && j <= k + kResumeBlocks; ++j)
      if (prose(j)) words += lines_[j].words;
    return words >= kResumeWords;
  }

  bool ends_article(std::size_t k) const {
    const std::string& r = blocks_[k].role;
    const std::string& kind = blocks_[k].kind;
    return r == "related" || r == "tags" ||
           (r == "boilerplate" && (kind == "comments" || kind == "copyright" || kind == "subscribe"));
  }

  // The headline-like line just above the first prose of the region, past bylines, datelines and
  // a photo's caption.
  std::optional<std::size_t> title_above(std::size_t first) const {
    for (std::size_t k = first, seen = 0; k-- > 0 && seen < kMaxHeadLines; ++seen) {
      const std::string& r = blocks_[k].role;
      if (r == "byline" || r == "dateline" || r == "caption" || (r == "boilerplate" && (lines_[k].cue || lines_[k].glued_menu)))
        continue;
      if (r == "read_also") return std::nullopt;  // a secondary article's own title
      if (lines_[k].title_like() && !blocks_[k].bullet && !lines_[k].cue) return k;
      return std::nullopt;
    }
    return std::nullopt;
  }

  // Articles left with no title and no body (a card's "Read more" whose story was furniture) are
  // removed; the rest are numbered again in order.
  void drop_empty_articles() {
    std::vector<bool> has_content(static_cast<std::size_t>(articles_), false);
    for (const auto& b : blocks_)
      if (b.article && (body_role(b.role) || b.role == "read_also")) has_content[*b.article] = true;
    std::vector<int> renumbered(static_cast<std::size_t>(articles_), -1);
    int next = 0;
    for (int a = 0; a < articles_; ++a)
      if (has_content[a]) renumbered[a] = next++;
    for (auto& b : blocks_) {
      if (!b.article) continue;
      const int to = renumbered[*b.article];
      b.article = to < 0 ? std::nullopt : std::optional<int>(to);
    }
    articles_ = next;
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
  bool in_tags_ = false;  // after a tags header: short lines are its tags
  bool after_photo_credit_ = false;  // right after a photo's credit alone on its line
  std::optional<int> related_owner_;
  std::optional<int> link_title_;  // the article of a "read also" link whose headline is the next line
};

}  // namespace

int assign_roles(std::vector<Block>& blocks, std::vector<text::Tokens>& tokens) {
  return RoleAssigner(blocks, tokens).run();
}

}  // namespace maqal::structure
