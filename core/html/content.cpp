#include "html/content.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "html/class_cues.h"
#include "structure/cues.h"
#include "text/utf.h"

namespace maqal::html {
namespace {

// Readability's numbers: a block shorter than this many characters is not evidence of content; a
// container's score reaches its ancestors divided by 1, 2, then 3 × level, up to kLevels levels.
constexpr std::size_t kMinScoredChars = 25;
constexpr int kLevels = 5;
constexpr double kCueWeight = 25;
// Siblings of the best container join the content when they score this share of it.
constexpr double kSiblingShare = 0.2;
// Inside the content, a block mostly made of links (menus, "related" lists) is boilerplate.
constexpr double kMaxLinkDensity = 0.5;
// A paragraph with words of its own beside its links ("See our guide to …, which explains …") is
// prose; one that is all links is a menu's line.
constexpr double kLinkedParagraphDensity = 0.9;
// Prose outside the scored region that still belongs to the article.
constexpr std::size_t kProseChars = 110;
constexpr double kProseLinkDensity = 0.25;
// A subtree with this much long prose, over half its text, is article-like whatever its classes say.
constexpr double kDenseProseChars = 500;
constexpr std::string_view kComments = "comments";
constexpr std::string_view kNavigation = "nav";
// A dense container beside the region joins it only when hardly linked (excerpt lists link titles).
constexpr double kSplitLinkDensity = 0.1;
// A region with this much long prose is an article, not a listing's intro.
constexpr double kArticleProseChars = 1000;
// A block this long is body even when it speaks of subscribing or signing up.
constexpr std::size_t kTailCueChars = 200;
// A sign-up box's text at most, around its form: a heading, a line of pitch, its terms.
constexpr double kFormBoxChars = 300;

// What an element's class and id tokens say: a positive cue, and the first negative cue's kind.
// The classes of <body> and <html> name the page ("single-post", "promo-terms"), not a container.
struct ElementCues {
  bool positive = false;
  std::string_view negative;  // a kind of the cue table, which lives as long as the program
};

// Whether a class or id token is made of words of `text` (lower case), `min_parts` or more: the anchor
// of a heading ("id=social-media-marketing"), which says nothing of what the element is.
bool slug_of(std::string_view token, const std::string& text, std::size_t min_parts) {
  std::size_t parts = 0;
  for (std::size_t from = 0; from <= token.size();) {
    const std::size_t to = part_end(token, from);
    if (to > from) {
      if (text.find(token.substr(from, to - from)) == std::string::npos) return false;
      ++parts;
    }
    from = to + 1;
  }
  return parts >= min_parts;
}

// A section's anchor made of its heading's words is a phrase, five words or more
// ("menu-innovation-strategies-building-memorable-dining-experiences"): a shorter one can be a
// box's name that its heading repeats ("related-posts" over "Related posts").
constexpr std::size_t kSectionSlugParts = 5;
constexpr int kSectionLevels = 2;  // a heading's wrapper and the section around it

// `own_text`: the element's own blocks, lower case, for a heading (else empty); `section_text`: the
// headings one or two levels below it.
ElementCues element_cues(const Element& e, const std::string& own_text, const std::string& section_text) {
  ElementCues out;
  if (e.tag == "body" || e.tag == "html") return out;
  for (const auto& token : e.tokens) {
    if (!own_text.empty() && slug_of(token->text, own_text, 2)) continue;
    if (!section_text.empty() && slug_of(token->text, section_text, kSectionSlugParts)) continue;
    out.positive |= token->cues.positive;
    if (token->cues.negative && out.negative.empty()) out.negative = *token->cues.negative;
  }
  return out;
}

// Whether two elements have the same class and id tokens, compared in lower case.
bool same_tokens(const Element& a, const Element& b) {
  return std::equal(a.tokens.begin(), a.tokens.end(), b.tokens.begin(), b.tokens.end(),
                    [](const ClassToken* x, const ClassToken* y) { return x->text == y->text; });
}

double tag_weight(std::string_view tag) {
  if (tag == "div" || tag == "article" || tag == "main" || tag == "section") return tag == "article" ? 10 : 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li" ||
      tag == "form")
    return -3;
  if (tag == "th" || (tag.size() == 2 && tag[0] == 'h')) return -5;
  if (tag == "nav" || tag == "footer" || tag == "aside" || tag == "header") return -25;
  return 0;
}

// Commas and Arabic commas (، D8 8C), counted at each byte from the byte and the one before it:
// no branch (a sum of comparisons, which never both hold), so the compiler counts many bytes a step.
std::size_t commas(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t n = s[0] == ',';
  for (std::size_t i = 1; i < s.size(); ++i) n += (s[i] == ',') + (s[i] == '\x8C') * (s[i - 1] == '\xD8');
  return n;
}

// Text compared with the JSON-LD articleBody: white space collapsed.
std::string squeeze(std::string_view s) {
  std::string out;
  bool sp = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { sp = !out.empty(); continue; }
    if (sp) out += ' ';
    sp = false;
    out += c;
  }
  return out;
}

// Runs of three words (letters, digits and any non-ASCII byte), for comparing a block with the
// JSON-LD articleBody, whose text can differ from the page's: link text dropped, other quotes.
constexpr std::size_t kShingleWords = 3;
constexpr std::size_t kMinShingles = 3;
constexpr double kJsonLdShare = 0.7;  // of a block's runs found in the articleBody
// The text's runs of three words, each kept as a hash of its words: no string is built per run, and
// two different runs share a hash with a chance of one in 2^64.
std::unordered_set<std::uint64_t> shingles(std::string_view s) {
  const auto word = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(s[k]);
    return c >= 0x80 || std::isalnum(c);
  };
  std::vector<std::uint64_t> words;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && !word(i)) ++i;
    const std::size_t from = i;
    while (i < s.size() && word(i)) ++i;
    if (i > from) words.push_back(std::hash<std::string_view>{}(s.substr(from, i - from)));
  }
  std::unordered_set<std::uint64_t> out;
  constexpr std::uint64_t kMix = 0x9E3779B97F4A7C15;  // 2^64 / golden ratio: spreads the bits of each word's hash
  for (std::size_t w = 0; w + kShingleWords <= words.size(); ++w)
    out.insert(((words[w] * kMix) ^ words[w + 1]) * kMix ^ words[w + 2]);
  return out;
}

// A line this short with a year in it, above the article's first paragraph, is its dateline
// ("Updated on July 9, 2025"), not its body.
constexpr std::size_t kDateLineChars = 40;
// A byline element's line: this long at most, in the element or up to two levels below it.
constexpr std::size_t kBylineChars = 100;
constexpr int kBylineLevels = 3;
bool has_year(std::string_view s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    const bool edge_before = i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]));
    const bool edge_after = i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4]));
    if (edge_before && edge_after && (s.compare(i, 2, "19") == 0 || s.compare(i, 2, "20") == 0) &&
        std::isdigit(static_cast<unsigned char>(s[i + 2])) && std::isdigit(static_cast<unsigned char>(s[i + 3])))
      return true;
  }
  return false;
}

// A paragraph of long prose, hardly linked: the evidence of an article.
bool long_prose(const BlockHints& h) {
  return h.chars >= kProseChars && h.link_density < kProseLinkDensity && !h.heading;
}

// Mostly links, as a menu's line, and no paragraph with words of its own beside its links.
bool link_dense(const BlockHints& h) {
  return h.link_density > kMaxLinkDensity && !(h.tag == "p" && h.link_density < kLinkedParagraphDensity);
}

bool semantic_boilerplate(std::uint32_t bits) { return bits & (kNav | kFooter | kAside | kForm); }

bool has_tail_cue(const Block& block, const BlockHints& hint) {
  if (hint.chars >= kTailCueChars) return false;
  const std::string text = text::lower_ascii(block.text);
  const auto& tail = tail_cues();
  return std::any_of(tail.begin(), tail.end(), [&](const auto& cue) { return text.find(cue) != std::string::npos; });
}

// A line that names a section of other things and nothing else ("You may also like", "Article
// sources:") heads what follows it, as a heading would.
constexpr std::size_t kTailCueLineChars = 40;
bool tail_cue_line(const Block& block, const BlockHints& hint) {
  if (hint.chars > kTailCueLineChars) return false;
  const std::string text = text::lower_ascii(block.text);
  const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  const auto from = std::find_if(text.begin(), text.end(), alnum);
  const auto to = std::find_if(text.rbegin(), text.rend(), alnum).base();
  if (from >= to) return false;
  const std::string_view line(&*from, static_cast<std::size_t>(to - from));
  const auto& sections = section_tail_cues();
  return std::find(sections.begin(), sections.end(), line) != sections.end();
}

// Furniture at the end of the content: walking back from its last block, a short block with a tail
// cue ("Sign up today", "The post … appeared first on …") leaves out itself and all after it; the
// walk stops at the first paragraph of long prose. An unmarked heading with a tail cue ("Related
// posts", "More from …"), or a line that is a section's cue and nothing else, in the second half of
// the content's text does so too, whatever follows it: the teasers under it are prose (a newsletter's
// furniture after a short issue can outweigh the issue).
void trim_tail(const std::vector<Block>& blocks, const std::vector<BlockHints>& hints,
               const std::function<bool(std::size_t)>& unmarked, std::vector<char>& content) {
  std::optional<std::size_t> cut;
  for (std::size_t i = blocks.size(); i-- > 0;) {
    if (!content[i]) continue;
    if (has_tail_cue(blocks[i], hints[i])) cut = i;
    else if (hints[i].chars >= kProseChars && !hints[i].heading) break;
  }
  std::size_t all = 0, seen = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) all += content[i] ? hints[i].chars : 0;
  for (std::size_t i = 0; i < blocks.size() && (!cut || i < *cut); ++i) {
    if (!content[i]) continue;
    // The text is read last, of blocks in the second half only.
    if (unmarked(i) && 2 * seen >= all &&
        ((hints[i].heading && has_tail_cue(blocks[i], hints[i])) || tail_cue_line(blocks[i], hints[i]))) {
      cut = i;
      break;
    }
    seen += hints[i].chars;
  }
  if (cut) std::fill(content.begin() + static_cast<std::ptrdiff_t>(*cut), content.end(), 0);
}

// Teasers of other posts at the end of the content: cards of a linked title (a heading, a short
// line) followed by its excerpt, with short lines (a date, a topic) between them, two or more cards
// in a row up to the content's end, starting in its last third (a list of linked items that is the
// article starts earlier), when no heading before them is a link too (headings linked to themselves
// are a page's style). They leave it from the first title. A title has a few words: footnote
// numbers linked to their note are none.
constexpr std::size_t kTeaserTitleMinChars = 15;
constexpr std::size_t kTeaserTitleChars = 150;
constexpr std::size_t kTeaserExcerptChars = 500;
constexpr std::size_t kCardLineChars = 40;
void cut_teasers(const std::vector<Block>& blocks, const std::vector<BlockHints>& hints, std::vector<char>& content) {
  std::size_t end = blocks.size();
  while (end > 0 && !content[end - 1]) --end;
  const auto linked = [&](std::size_t i) {
    return hints[i].link_density > kMaxLinkDensity && hints[i].chars <= kTeaserTitleChars;
  };
  const auto title = [&](std::size_t i) { return linked(i) && hints[i].chars >= kTeaserTitleMinChars; };
  std::size_t teasers = 0, start = end;
  for (std::size_t i = end; i-- > 0;) {
    if (linked(i) || hints[i].chars < kCardLineChars) continue;
    if (!content[i] || hints[i].heading || hints[i].chars > kTeaserExcerptChars || i == 0 || !title(i - 1)) break;
    ++teasers;
    start = --i;
  }
  if (teasers < 2 || start == end) return;
  std::size_t all = 0, before = 0;
  for (std::size_t i = 0; i < end; ++i) {
    all += content[i] ? hints[i].chars : 0;
    before += content[i] && i < start ? hints[i].chars : 0;
    if (content[i] && i < start && hints[i].heading && linked(i)) return;
  }
  if (3 * before >= 2 * all) std::fill(content.begin() + static_cast<std::ptrdiff_t>(start), content.end(), 0);
}

// The author box: prose after the region, in the last third of the content, that starts with the
// byline's name ("Jane Roe is a reporter…", a heading "Jane Roe") or a short line that ends with it
// ("Written by Jane Roe"; none with digits: a photo credit "© 2021 Jane Roe" is a caption) leaves out
// itself and all after it (the box, then the author's other posts). The name: two capitalized words.
constexpr std::size_t kAuthorLineChars = 60;
void cut_author_box(const std::vector<Block>& blocks, const std::vector<BlockHints>& hints, const Metadata& meta,
                    std::size_t region_last, std::vector<char>& content) {
  if (!meta.byline) return;
  const std::string& byline = *meta.byline;
  const auto starts_with_name = [&](const std::string& t) {
    const std::size_t space = t.find(' ');
    if (space == std::string::npos || space == 0 || space + 1 >= t.size()) return false;
    const std::string name = t.substr(0, t.find_first_of(" ,.", space + 1));
    return std::isupper(static_cast<unsigned char>(t[0])) && std::isupper(static_cast<unsigned char>(t[space + 1])) &&
           byline.find(name) != std::string::npos;
  };
  const auto ends_with_name = [&](const std::string& t, std::size_t chars) {
    return chars <= kAuthorLineChars && byline.find(' ') != std::string::npos && t.size() >= byline.size() &&
           t.compare(t.size() - byline.size(), std::string::npos, byline) == 0 &&
           std::none_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  std::size_t all = 0, seen = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) all += content[i] ? hints[i].chars : 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!content[i]) continue;
    seen += hints[i].chars;
    if (3 * seen < 2 * all || i <= region_last) continue;
    if (starts_with_name(blocks[i].text) || ends_with_name(blocks[i].text, hints[i].chars)) {
      std::fill(content.begin() + static_cast<std::ptrdiff_t>(i), content.end(), 0);
      return;
    }
  }
}

// Paragraphs the content already holds, word for word, two or more in a row, are a copy (the
// article again for another layout, a summary shown twice): only the first stays. So is a paragraph
// of prose right after itself (a page builder's layouts, interleaved paragraph by paragraph). Another
// single repeat (a pull quote, a recurring line of a list) stays; headings repeat in tables of contents.
void drop_repeats(const std::vector<Block>& blocks, const std::vector<BlockHints>& hints, std::vector<char>& content) {
  std::vector<std::size_t> paragraphs;  // content blocks that are no heading, in order
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (content[i] && !hints[i].heading && hints[i].chars >= kMinScoredChars) paragraphs.push_back(i);
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> first(paragraphs.size(), kNone);  // where a repeated one came first
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t k = 0; k < paragraphs.size(); ++k) {
    const auto [at, added] = seen.emplace(blocks[paragraphs[k]].text, k);
    if (!added) first[k] = at->second;
  }
  for (std::size_t k = 0; k < paragraphs.size(); ++k) {
    if (first[k] == kNone) continue;
    const bool run = (k + 1 < paragraphs.size() && first[k + 1] != kNone && first[k + 1] == first[k] + 1) ||
                     (k > 0 && first[k - 1] != kNone && first[k - 1] + 1 == first[k]);
    if (run || (first[k] + 1 == k && long_prose(hints[paragraphs[k]]))) content[paragraphs[k]] = 0;
  }
}

// A table of contents: list items of the content, each the text of a sub-heading that follows it,
// kMinContentsEntries or more. They leave the content; the sub-headings stay.
constexpr std::size_t kMinContentsEntries = 3;
void drop_table_of_contents(const std::vector<Block>& blocks, const std::vector<BlockHints>& hints,
                            std::vector<char>& content) {
  std::unordered_set<std::string> later_headings;  // squeezed, of the content blocks after the one looked at
  std::vector<std::size_t> entries;
  for (std::size_t i = blocks.size(); i-- > 0;) {
    if (!content[i]) continue;
    const std::string text = squeeze(blocks[i].text);
    if (hints[i].heading) later_headings.insert(text);
    else if (hints[i].in_list_item && later_headings.count(text)) entries.push_back(i);
  }
  if (entries.size() < kMinContentsEntries) return;
  for (std::size_t i : entries) content[i] = 0;
}

std::string_view semantic_kind(std::uint32_t bits) { return bits & kFooter ? "footer" : "nav"; }

}  // namespace

int assign_html_roles(std::vector<Block>& blocks, const Document& doc, const std::vector<text::Tokens>& tokens,
                      const Metadata& meta) {
  const auto& hints = doc.hints;
  const auto& elements = doc.elements;
  const std::size_t n = elements.size();

  // Text, link text and prose of every container; article prose: prose outside nav, footer, aside
  // and forms (a footer's disclaimer is no article).
  std::vector<double> total(n, 0), links(n, 0), prose(n, 0), article_prose(n, 0);
  bool page_has_prose = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& h = hints[i];
    const bool prose_block = long_prose(h);
    const bool article_block = prose_block && !semantic_boilerplate(h.semantic);
    page_has_prose |= article_block;
    for (int a = h.element; a >= 0; a = elements[a].parent) {
      total[a] += static_cast<double>(h.chars);
      links[a] += static_cast<double>(h.chars) * h.link_density;
      if (prose_block) prose[a] += static_cast<double>(h.chars);
      if (article_block) article_prose[a] += static_cast<double>(h.chars);
    }
  }
  // Class/id cues. A negative cue does not veto a subtree of dense long prose: page builders wrap
  // whole articles in "widget" and "sidebar" classes (Readability too only drops unlikely
  // candidates without article-like content). Comment threads are prose too, so theirs stands.
  std::vector<std::string_view> negative_kind(n);
  std::vector<double> weight(n, 0);
  std::vector<char> dense(n, 0);
  std::vector<std::string> own_text(n), section_text(n);  // of headings and sections, whose ids are often anchors
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!hints[i].heading || hints[i].element < 0) continue;
    const std::string text = text::lower_ascii(blocks[i].text);
    int e = hints[i].element;
    if (!elements[e].tokens.empty()) own_text[e] += text;
    for (int level = 0; level < kSectionLevels && (e = elements[e].parent) >= 0; ++level)
      if (std::any_of(elements[e].tokens.begin(), elements[e].tokens.end(),
                      [](const ClassToken* t) { return t->cues.negative || t->cues.positive; }))
        section_text[e] += text;  // only where a cue may be an anchor's word
  }
  for (std::size_t e = 0; e < n; ++e) {
    ElementCues c = element_cues(elements[e], own_text[e], section_text[e]);
    // A paragraph of long prose is no menu whatever its own class ("contextmenu Body"); it can be a
    // disclaimer, a copyright notice or a call to action.
    if (elements[e].tag == "p" && prose[e] > 0 && c.negative == kNavigation) c.negative = {};
    dense[e] = prose[e] >= kDenseProseChars && 2 * prose[e] >= total[e] && links[e] < kProseLinkDensity * total[e] &&
               c.negative != kComments;
    weight[e] = (c.positive ? kCueWeight : 0) - (c.negative.empty() || dense[e] ? 0 : kCueWeight);
    negative_kind[e] = c.negative;
  }
  // The scores.
  std::vector<double> score(n, 0);
  std::vector<char> scored(n, 0);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& h = hints[i];
    if (h.element < 0 || h.chars < kMinScoredChars || h.heading) continue;
    // Each line of a <pre> is a block; the code block counts once, as one paragraph.
    if (h.tag == "pre" && i > 0 && hints[i - 1].element == h.element) continue;
    const double s = 1.0 + static_cast<double>(commas(blocks[i].text)) +
                     std::min<double>(static_cast<double>(h.chars) / 100.0, 3.0);
    int level = 0;
    for (int a = elements[h.element].parent; a >= 0 && level < kLevels; a = elements[a].parent, ++level) {
      if (!scored[a]) {
        scored[a] = 1;
        score[a] = tag_weight(elements[a].tag) + weight[a];
      }
      score[a] += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
    }
  }
  auto final_score = [&](std::size_t e) { return total[e] > 0 ? score[e] * (1.0 - links[e] / total[e]) : score[e]; };
  // The best container; on a page with article prose, the best of those that hold some (a notice box
  // with a "text" class outscores an article whose paragraphs sit deep in a page builder's columns;
  // a disclaimer in the footer, the article beside it).
  int top = -1;
  for (std::size_t e = 0; e < n; ++e)
    if (scored[e] && (article_prose[e] > 0 || !page_has_prose) &&
        (top < 0 || final_score(e) > final_score(static_cast<std::size_t>(top))))
      top = static_cast<int>(e);

  // Readability's climb: the best container gives way to the first ancestor below <body> that scores
  // more than it, as long as each ancestor keeps a third of the score below it; here only to one that
  // holds half as much long prose again (the rows of a table, commas in every figure, outscore the
  // post that holds the table and the paragraphs around it).
  if (top >= 0) {
    double below = final_score(top);
    for (int a = elements[top].parent; a >= 0 && scored[a] && elements[a].tag != "body"; a = elements[a].parent) {
      const double s = final_score(a);
      if (3 * s < below) break;
      if (s > below && 2 * prose[a] >= 3 * prose[top]) {
        top = a;
        break;
      }
      below = s;
    }
  }
  std::vector<char> included(n, 0);
  if (top >= 0) {
    included[top] = 1;
    const double best = final_score(top);
    const double threshold = std::max(10.0, best * kSiblingShare);
    const int parent = elements[top].parent;
    for (std::size_t e = 0; e < n; ++e) {
      if (static_cast<int>(e) == top || elements[e].parent != parent || parent < 0) continue;
      double bonus = same_tokens(elements[e], elements[top]) && !elements[e].tokens.empty() ? best * 0.2 : 0;
      const double ld = total[e] > 0 ? links[e] / total[e] : 1;
      if (scored[e] && final_score(e) + bonus >= threshold) included[e] = 1;
      else if (elements[e].tag == "p" && ((total[e] > 80 && ld < 0.25) || (total[e] > 0 && ld == 0))) included[e] = 1;
    }
  }
  // inside: in the content region; kind: a negative cue below the region's roots (or outside it).
  // A dense container's cue is lifted when it holds the region or when it lies inside it and holds
  // most of its prose; the negative tokens of those are this page's content boxes, so another
  // hardly linked container with only such tokens is lifted too, long or short (an article split
  // over a page builder's "widget" boxes, a sub-heading in a box of its own). Other dense containers
  // ("related" excerpts, testimonials) keep theirs.
  std::vector<char> inside(n, 0);
  std::vector<int> root(n, -1);  // for an element inside the region, the region's root above it
  for (std::size_t e = 0; e < n; ++e) {
    const int p = elements[e].parent;
    inside[e] = top < 0 || included[e] || (p >= 0 && inside[p]);
    root[e] = included[e] ? static_cast<int>(e) : p >= 0 ? root[p] : -1;
  }
  std::vector<char> holds_top(n, 0), lifted(n, 0);
  for (int a = top; a >= 0; a = elements[a].parent) holds_top[a] = lifted[a] = dense[a];
  for (std::size_t e = 0; e < n; ++e)
    if (dense[e] && inside[e] && (root[e] < 0 || 2 * prose[e] >= prose[root[e]])) lifted[e] = 1;
  std::unordered_set<std::string_view> content_tokens;
  for (std::size_t e = 0; e < n; ++e)
    if (lifted[e])
      for (const auto& token : elements[e].tokens)
        if (token->cues.negative) content_tokens.insert(token->text);
  // So are the negative tokens of dense boxes inside the region that together hold half its prose
  // (an article cut into a page builder's "widget" boxes, none of which holds half alone).
  double region_prose = 0;  // long prose in the region
  std::unordered_map<const ClassToken*, double> box_prose;  // by token, the outermost boxes with it
  for (std::size_t e = 0; e < n; ++e) {
    region_prose += included[e] ? prose[e] : 0;
    const int p = elements[e].parent;
    if (!dense[e] || !inside[e] || included[e] || negative_kind[e].empty() || negative_kind[e] == kComments) continue;
    for (const auto* token : elements[e].tokens)
      if (token->cues.negative && (p < 0 || std::find(elements[p].tokens.begin(), elements[p].tokens.end(), token) ==
                                                elements[p].tokens.end()))
        box_prose[token] += prose[e];
  }
  for (const auto& [token, chars] : box_prose)
    if (2 * chars >= region_prose) content_tokens.insert(token->text);
  for (std::size_t e = 0; e < n; ++e) {
    const auto& tokens = elements[e].tokens;
    if (!negative_kind[e].empty() && links[e] < kSplitLinkDensity * total[e] &&
        std::all_of(tokens.begin(), tokens.end(),
                    [&](const auto* t) { return !t->cues.negative || content_tokens.count(t->text); }))
      lifted[e] = 1;
  }
  // A positive cue beside a negative one ("entry author-jane-roe") spares only a container that holds
  // the region; below it or beside it ("author__bio text-center") the negative cue stands.
  std::vector<char> above_top(n, 0);
  for (int a = top; a >= 0; a = elements[a].parent) above_top[a] = 1;
  // The box around a form inside the region (a sign-up's heading, its pitch and its terms beside
  // the form) is furniture with it: the form's ancestors below the region's root while their text
  // stays a box's.
  std::vector<char> form_box(n, 0);
  for (std::size_t e = 0; e < n; ++e) {
    if (elements[e].tag != "form" || !inside[e] || included[e] || holds_top[e]) continue;
    for (int a = elements[e].parent; a >= 0 && !included[a] && total[a] <= kFormBoxChars; a = elements[a].parent)
      form_box[a] = 1;
  }
  std::vector<std::string_view> kind(n);
  for (std::size_t e = 0; e < n; ++e) {
    const int p = elements[e].parent;
    if (included[e] || holds_top[e]) continue;
    if (!negative_kind[e].empty() && (weight[e] < 0 || dense[e] || !above_top[e]) && !lifted[e])
      kind[e] = negative_kind[e];
    else if (p >= 0 && !included[p] && !(lifted[e] && !negative_kind[e].empty() && kind[p] != kComments)) kind[e] = kind[p];
    // Inside the region, a <footer> or a <form> below its root is furniture (a post's footer, a
    // sign-up or comparison form), as Readability cleans them out of the article; a form around the
    // whole page (ASP.NET's) holds the region and is skipped above.
    if (kind[e].empty() && inside[e] && (elements[e].tag == "footer" || elements[e].tag == "form" || form_box[e]))
      kind[e] = semantic_kind(elements[e].tag == "footer" ? kFooter : kForm);
  }

  // The JSON-LD articleBody, when the page has one that its blocks cover, decides instead.
  std::vector<char> in_body(blocks.size(), 0);
  bool by_json_ld = false;
  if (meta.article_body && meta.article_body->size() >= 200) {
    const std::string body = squeeze(*meta.article_body);
    std::size_t covered = 0, first = blocks.size(), last = 0;
    // A block is the body's when its text is in it, or most of its three-word runs are.
    const auto body_shingles = shingles(body);
    const auto in_json_ld = [&](const std::string& text) {
      if (body.find(squeeze(text)) != std::string::npos) return true;
      const auto own = shingles(text);
      const auto found = std::count_if(own.begin(), own.end(), [&](const auto& s) { return body_shingles.count(s); });
      return own.size() >= kMinShingles && static_cast<double>(found) >= kJsonLdShare * static_cast<double>(own.size());
    };
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (blocks[i].text.size() >= 2 && in_json_ld(blocks[i].text)) {
        in_body[i] = 1;
        covered += blocks[i].text.size();
        first = std::min(first, i), last = i;
      }
    // An articleBody much shorter than the region is an excerpt of it ("Report Highlights"), not the body.
    std::size_t region = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (hints[i].element >= 0 && inside[hints[i].element] && top >= 0) region += blocks[i].text.size();
    by_json_ld = 2 * covered >= body.size() && 4 * body.size() >= region;
    if (by_json_ld)  // sub-headings between the matched paragraphs belong to the body too
      for (std::size_t i = first; i <= last && i < blocks.size(); ++i)
        if (hints[i].heading >= 2 && inside[hints[i].element]) in_body[i] = 1;
  }

  // The title: the <h1> that repeats the metadata title, else the first <h1> in the content, else
  // the first anywhere.
  std::optional<std::size_t> title;
  const std::string meta_title = meta.title ? squeeze(*meta.title) : std::string();
  for (std::size_t i = 0; i < blocks.size() && !title; ++i)
    if (hints[i].heading == 1 && !meta_title.empty() && squeeze(blocks[i].text) == meta_title) title = i;
  for (std::size_t i = 0; i < blocks.size() && !title; ++i)
    if (hints[i].heading == 1 && hints[i].element >= 0 && inside[hints[i].element] && top >= 0) title = i;
  for (std::size_t i = 0; i < blocks.size() && !title; ++i)
    if (hints[i].heading == 1) title = i;

  // Which blocks are in the content: the region found above (or the JSON-LD body), and prose the
  // region's scoring left out (an article split over sibling containers, a lead above the body):
  // long, hardly linked, outside any boilerplate cue or semantic element.
  std::vector<char> content(blocks.size(), 0);
  std::size_t region_last = 0;  // the last block of the region
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (top >= 0 && hints[i].element >= 0 && inside[hints[i].element]) region_last = i;
  // Whether nothing marks a block as furniture: a negative cue, a semantic element.
  const auto unmarked = [&](std::size_t i) {
    const auto& h = hints[i];
    return h.element >= 0 && kind[h.element].empty() && !semantic_boilerplate(h.semantic);
  };
  // Prose after a link-dense block of furniture that follows the region (a menu, then teasers of
  // other posts), or after a <footer>, <aside>, <nav> or <form> (the post's footer, a sign-up box,
  // then an author's blurb), stays out when the region holds at least as much prose: the region is
  // the article.
  double beyond_prose = 0;
  std::size_t beyond = blocks.size();  // the first furniture block after the region
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& h = hints[i];
    if (top >= 0 && i > region_last && beyond == blocks.size() && !unmarked(i) &&
        (h.link_density > kMaxLinkDensity || semantic_boilerplate(h.semantic)))
      beyond = i;
    if (i > beyond && long_prose(h) && unmarked(i)) beyond_prose += static_cast<double>(h.chars);
  }
  if (beyond_prose > region_prose) beyond = blocks.size();
  // A teaser of another post after the article (a listing's card: a linked title over an excerpt)
  // is no prose of it: a block after the region whose nearest container with a heading links that
  // heading and holds one excerpt's prose at most. Only after a region of an article's length: on
  // a listing page the region is an intro and the cards are the page.
  std::vector<char> has_heading(n, 0), linked_heading(n, 0);  // below each element
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!hints[i].heading) continue;
    const bool linked = link_dense(hints[i]);
    for (int a = hints[i].element; a >= 0 && !(has_heading[a] && (linked_heading[a] || !linked)); a = elements[a].parent)
      has_heading[a] = 1, linked_heading[a] |= linked;
  }
  const auto teaser = [&](std::size_t i) {
    if (top < 0 || i <= region_last || region_prose < kArticleProseChars) return false;
    int e = hints[i].element;
    while (e >= 0 && !has_heading[e]) e = elements[e].parent;
    return e >= 0 && linked_heading[e] && prose[e] <= kTeaserExcerptChars;
  };
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& h = hints[i];
    content[i] = by_json_ld ? in_body[i] != 0
                            : (h.element < 0 || inside[h.element]) && (top >= 0 || !semantic_boilerplate(h.semantic));
    const bool prose = long_prose(h) && unmarked(i) && i < beyond && !teaser(i);
    if (!by_json_ld && prose) content[i] = 1;
  }
  // Short blocks between two parts of the content (a sub-heading, a list, a short paragraph in the
  // next box of a page builder) belong to it when nothing marks them as furniture. A link-dense
  // block among them (a list of sources, a link to a tool) stays out but does not split the two.
  const auto clean = [&](std::size_t i) { return unmarked(i) && !link_dense(hints[i]); };
  std::optional<std::size_t> previous;  // the last content block so far
  for (std::size_t i = 0; i < blocks.size() && !by_json_ld; ++i) {
    if (!content[i]) continue;
    if (previous) {
      std::size_t k = *previous + 1;
      while (k < i && unmarked(k)) ++k;
      if (k == i)
        for (k = *previous + 1; k < i; ++k) content[k] = clean(k);
    }
    previous = i;
  }

  if (!by_json_ld) {
    trim_tail(blocks, hints, unmarked, content);
    cut_teasers(blocks, hints, content);
    cut_author_box(blocks, hints, meta, region_last, content);
  }
  drop_repeats(blocks, hints, content);
  drop_table_of_contents(blocks, hints, content);
  // What the region's scoring left out above the title is no lead (the prose rule adds notices,
  // disclosures, the author's blurb in a header): it leaves the content.
  if (title && !by_json_ld && top >= 0)
    for (std::size_t i = 0; i < *title; ++i)
      if (hints[i].element < 0 || !inside[hints[i].element]) content[i] = 0;
  // A list of links inside the region, between the first and the last paragraph of long prose, is
  // part of the article (sources, steps, products); after the last one it is a "related" list.
  std::size_t first_prose = blocks.size(), last_prose = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (content[i] && long_prose(hints[i]))
      first_prose = std::min(first_prose, i), last_prose = i;
  const auto dateline = [&](std::size_t i) {
    return i < first_prose && !hints[i].heading && hints[i].chars <= kDateLineChars && has_year(blocks[i].text);
  };
  // A short line in an element with a byline class, or just under one ("Fact checked by: Jane Roe",
  // "Brian Truitt | USA TODAY"), is the byline, not the body; the region's root may carry such a class.
  const auto in_byline = [&](std::size_t i) {
    if (hints[i].chars > kBylineChars || hints[i].heading) return false;
    int e = hints[i].element;
    for (int level = 0; e >= 0 && level < kBylineLevels && !included[e]; ++level, e = elements[e].parent)
      for (const auto* token : elements[e].tokens)
        if (token->cues.byline) return true;
    return false;
  };

  bool lead_done = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    const auto& h = hints[i];
    b.kind.clear();
    b.article.reset();
    if (title && i == *title) {
      b.role = "title";
      b.article = 0;
      continue;
    }
    const std::string_view negative = h.element >= 0 ? kind[h.element] : std::string_view();
    const auto cue = structure::match_cue(b.text, tokens[i]);
    if (cue && cue->role != "boilerplate" && cue->role != "related") {
      b.role = cue->role;  // source, tags, read_also, byline
      b.article = 0;
      continue;
    }
    // Above the first paragraph, a short line with a byline class is the byline, though the class may
    // be a negative cue too ("article-author": an author's bio box after the article is furniture).
    if (content[i] && i < first_prose && in_byline(i)) {
      b.role = "byline";
      b.article = 0;
      continue;
    }
    const bool listed_in_body = h.in_list_item && i > first_prose && i < last_prose && top >= 0 && h.element >= 0 &&
                                inside[h.element];
    const bool furniture =
        !by_json_ld && (!negative.empty() || (link_dense(h) && !h.heading && !listed_in_body));
    if (!content[i] || furniture || (cue && cue->role == "boilerplate")) {
      b.role = "boilerplate";
      b.kind = cue && cue->role == "boilerplate" && !cue->kind.empty() ? cue->kind
               : !negative.empty()                                     ? negative
               : semantic_boilerplate(h.semantic)                      ? semantic_kind(h.semantic)
                                                                       : "nav";
      continue;
    }
    b.article = 0;
    if (dateline(i)) b.role = "dateline";
    else if (in_byline(i)) b.role = "byline";
    else if (h.heading) b.role = "subheading";
    else if (h.in_figcaption) b.role = "caption";
    else if (h.in_list_item) b.role = "list_item", b.bullet = true, b.number = h.item_number;
    else if (h.in_blockquote) b.role = "blockquote";
    else if (!lead_done) b.role = "lead", lead_done = true;
    else b.role = "paragraph";
  }
  return 1;
}

}  // namespace maqal::html
