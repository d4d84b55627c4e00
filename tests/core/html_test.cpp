// HTML input: fragments and pages come out in the shape of pasted text.
#include <gtest/gtest.h>

#include <string>

#include "maqal/maqal.h"

namespace {

maqal::Result html(const std::string& s) {
  maqal::Options o;
  o.html = true;
  return maqal::parse(s, o);
}

const maqal::Block* find(const maqal::Result& r, const std::string& text) {
  for (const auto& b : r.blocks)
    if (b.text == text) return &b;
  return nullptr;
}

// How often `part` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

void expect_offsets(const maqal::Result& r) {
  for (const auto& b : r.blocks) EXPECT_EQ(r.text.substr(b.span.start8, b.span.end8 - b.span.start8), b.text);
  for (const auto& e : r.entities) EXPECT_EQ(r.text.substr(e.span.start8, e.span.end8 - e.span.start8), e.text);
}

TEST(Html, ClipboardFragment) {
  const auto r = html(
      "<html><body><!--StartFragment--><h1>Storm hits the coast</h1><p>Heavy rain fell on Tuesday, "
      "officials said, and roads were closed.</p><p>More rain is expected.</p><!--EndFragment--></body></html>");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.blocks.size(), 3u);
  EXPECT_EQ(r.blocks[0].role, "title");
  EXPECT_EQ(r.blocks[1].role, "lead");
  EXPECT_EQ(r.blocks[2].role, "paragraph");
  EXPECT_EQ(r.articles.at(0).title, "Storm hits the coast");
  EXPECT_EQ(r.text.find("StartFragment"), std::string::npos);
  expect_offsets(r);
}

// Named character references as the HTML standard reads them: the longest name the text starts
// with, some of them without their ';', and one name for two code points (core/html/gumbo_named_refs.c).
TEST(Html, NamedCharacterReferencesTakeTheLongestName) {
  const auto r = html("<p>AT&amp;T &copy 2024 &notin; &notit; &NotEqualTilde; &Aacute;ngel &foo; &ampx &am &zwnj;</p>"
                      "<p>At the end &notin");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.blocks.size(), 2u);
  EXPECT_EQ(r.blocks[0].text, "AT&T \u00A9 2024 \u2209 \u00ACit; \u2242\u0338 \u00C1ngel &foo; &x &am \u200C");
  EXPECT_EQ(r.blocks[1].text, "At the end \u00ACin");
}

// Attribute values are read whole: runs of plain ASCII at once, character references, other
// scripts and line breaks character by character, in double and single quotes.
TEST(Html, AttributeValuesKeepEveryCharacter) {
  const auto r = html(
      "<html><head><meta property=\"og:title\" content=\"Caf&eacute; &amp; Bar: \u00FCber \u0645\u0642\u0627\u0644 'quoted'\">"
      "<meta name='author' content='Jane \"JJ\" Roe&#x21;\nDesk'></head><body><article><p>The first paragraph of the "
      "article has enough words to be its body, and so it is read as the article.</p></article></body></html>");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Caf\u00E9 & Bar: \u00FCber \u0645\u0642\u0627\u0644 'quoted'");
  ASSERT_TRUE(r.articles[0].byline);
  EXPECT_NE(r.articles[0].byline->find("Jane \"JJ\" Roe!"), std::string::npos);
}

TEST(Html, WholePageKeepsNavAndFooterOutOfTheArticle) {
  const auto r = html(R"(<!doctype html><html lang="en"><head><title>Storm hits the coast | Daily</title>
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-03-14T10:30:00Z">
<meta property="article:tag" content="Weather"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Storm hits the coast</h1>
<p>Heavy rain fell on the coast on Tuesday, officials said, and several roads were closed for hours.</p>
<h2>What comes next</h2>
<p>Forecasters expect more rain later this week, and they asked residents to stay at home, the agency said.</p>
<ul><li>Schools are closed</li><li>Trains run late</li></ul>
<blockquote>We have never seen anything like it.</blockquote>
<figure><img src="a.jpg"><figcaption>Flooded streets in the city</figcaption></figure></article>
<footer><p>All rights reserved, 2024</p></footer></body></html>)");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.lang, "en");
  EXPECT_EQ(r.dir, "ltr");
  EXPECT_EQ(find(r, "Home")->role, "boilerplate");
  EXPECT_FALSE(find(r, "Home")->article);
  EXPECT_EQ(find(r, "All rights reserved, 2024")->role, "boilerplate");
  EXPECT_EQ(find(r, "Storm hits the coast")->role, "title");
  EXPECT_EQ(find(r, "What comes next")->role, "subheading");
  const auto* li = find(r, "Schools are closed");
  ASSERT_TRUE(li);
  EXPECT_EQ(li->role, "list_item");
  EXPECT_TRUE(li->bullet);
  EXPECT_EQ(find(r, "We have never seen anything like it.")->role, "blockquote");
  EXPECT_EQ(find(r, "Flooded streets in the city")->role, "caption");
  const auto& a = r.articles.at(0);
  EXPECT_EQ(a.title, "Storm hits the coast");
  EXPECT_EQ(a.byline, "Jane Roe");
  EXPECT_EQ(a.published_iso, "2024-03-14T10:30:00Z");
  ASSERT_EQ(a.tags.size(), 1u);
  EXPECT_EQ(a.body.find("Home"), std::string::npos);
  EXPECT_NE(a.body.find("Trains run late"), std::string::npos);
  expect_offsets(r);
  EXPECT_NE(maqal::to_json(r).find("\"text\":\"Home\\n"), std::string::npos);  // the extracted text
}

// An ordered list's items carry their numbers (the list's start, an item's value, then counting on),
// the first block of an item only; an unordered list's none. The body writes them, as a reader sees them.
TEST(Html, LinksSideBySideAreApartUnlessTheyCutAWord) {
  const auto r = html(
      "<div><span><a href=/ny>New York City</a></span><span><a href=/nj>New Jersey</a></span>"
      "<span><a href=/li>Long Island</a></span></div>"
      "<p>Finalise the order of cer<a href=/c>e</a><a href=/m>mony</a>, then <a href=/co>Co</a><a href=/nt>ntact</a> us.</p>");
  ASSERT_FALSE(r.error);
  EXPECT_NE(find(r, "New York City New Jersey Long Island"), nullptr);
  EXPECT_NE(find(r, "Finalise the order of ceremony, then Contact us."), nullptr);
}

TEST(Html, OrderedListItemsCarryTheirNumbers) {
  const auto r = html(R"(<article><h1>Five steps to a safer home</h1>
<p>Fire officials said on Tuesday that most house fires start in the kitchen, and they listed what helps most.</p>
<ol start="2"><li>Test the alarms</li><li><p>Keep a blanket near the stove</p><p>A wet towel does not help.</p></li>
<li value="7">Plan two ways out<ul><li>Through the door</li></ul></li><li>Call for help</li></ol>
<p>The officials said the list was written with the help of firefighters across the region this year.</p></article>)");
  ASSERT_FALSE(r.error);
  const auto number = [&](const std::string& text) { return find(r, text) ? find(r, text)->number : -1; };
  EXPECT_EQ(number("Test the alarms"), 2);
  EXPECT_EQ(number("Keep a blanket near the stove"), 3);
  EXPECT_EQ(number("A wet towel does not help."), 0);
  EXPECT_EQ(number("Plan two ways out"), 7);
  EXPECT_EQ(number("Through the door"), 0);
  EXPECT_EQ(number("Call for help"), 8);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("2. Test the alarms\n\n3. Keep a blanket"), std::string::npos) << body;
  EXPECT_NE(body.find("\n\nThrough the door"), std::string::npos) << body;
  EXPECT_NE(maqal::to_json(r).find("\"number\":8"), std::string::npos);
  expect_offsets(r);
}

TEST(Html, HiddenScriptAndStyleNeverReachTheOutput) {
  const auto r = html(
      "<p>Visible text.</p><p hidden>hidden one</p><div aria-hidden=\"true\">hidden two</div>"
      "<span style=\"display: none\">hidden three</span><script>var s = '<p>script</p>';</script>"
      "<style>p { color: red }</style><noscript>no script</noscript><template><p>template</p></template>"
      "<svg><text>svg text</text></svg>");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.text, "Visible text.");
  ASSERT_EQ(r.blocks.size(), 1u);
}

TEST(Html, CollapsedPanelOfAnAccordionIsText) {
  // The steps of a guide in panels that open when their header is pressed; a hidden pop-up stays out.
  const auto r = html(
      "<article><h1>How to install solar panels</h1><h2><button aria-controls=\"p1\">Week 1</button></h2>"
      "<div id=\"p1\" role=\"region\" style=\"display: none\"><p>An engineer visits the roof and measures it.</p>"
      "</div><div role=\"tabpanel\" style=\"display:none\"><p>The permits are filed with the city.</p></div>"
      "<div class=\"popup\" style=\"display:none\"><p>Sign up for our newsletter</p></div></article>");
  ASSERT_FALSE(r.error);
  EXPECT_NE(r.text.find("An engineer visits the roof"), std::string::npos);
  EXPECT_NE(r.text.find("The permits are filed"), std::string::npos);
  EXPECT_EQ(r.text.find("Sign up"), std::string::npos);
}

TEST(Html, StreamedReactSegmentIsText) {
  // React's streaming server rendering sends the article hidden and a script moves it into place;
  // another hidden element stays out.
  const auto r = html(
      "<body><div><!--$?--><template id=\"B:0\"></template><!--/$--></div><p hidden>hidden one</p>"
      "<div hidden id=\"S:0\"><article><h1>Tidal power</h1><p>Brest opened the plant on Tuesday.</p></article>"
      "</div><script>$RC(\"B:0\",\"S:0\")</script></body>");
  ASSERT_FALSE(r.error);
  EXPECT_NE(r.text.find("Brest opened the plant"), std::string::npos);
  EXPECT_EQ(r.text.find("hidden one"), std::string::npos);
  EXPECT_NE(r.articles.at(0).body.find("Brest opened the plant"), std::string::npos);
}

TEST(Html, ArabicPageWithoutDirIsRtl) {
  const auto r = html(
      "<html><body><h1>وصول الوفد المصري إلى غزة</h1><p>وصل الوفد المصري إلى قطاع غزة اليوم الثلاثاء، "
      "في زيارة تستمر يومين.</p></body></html>");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.lang, "ar");
  EXPECT_EQ(r.dir, "rtl");
  EXPECT_EQ(r.blocks[0].role, "title");
  EXPECT_EQ(r.blocks[0].dir, "rtl");
  expect_offsets(r);
}

TEST(Html, BrSeparatesBlocksAndCellsOfARowJoin) {
  const auto r = html("<div>first line<br>second line</div><table><tr><td>a</td><td>b</td></tr></table>");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.blocks.size(), 3u);
  EXPECT_EQ(r.blocks[1].text, "second line");
  EXPECT_EQ(r.blocks[2].text, "a b");
  expect_offsets(r);
}

// Paragraph number i of a test article: over 110 characters of unlinked prose.
std::string prose(int i) {
  return "<p>Paragraph " + std::to_string(i) +
         " of the story: the council met on Tuesday, and its members, after a long debate about the budget, "
         "voted for the new plan.</p>";
}

TEST(Html, NegativeCueOnAnArticleContainerDoesNotVetoIt) {
  // A page builder's "widget" boxes hold the article, split in two, under a "has-sidebar" layout and a
  // <body> whose class says "promo"; a widget of linked excerpts beside them stays out.
  std::string page =
      "<html><body class=\"promo-page\"><nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/n\">News</a></nav>"
      "<div class=\"layout has-sidebar\"><h1>The council votes</h1><div class=\"panel widget widget_text\"><div class=\"widget-container\">";
  for (int i = 1; i <= 4; ++i) page += prose(i);
  page += "</div></div><div class=\"panel widget widget_text\"><div class=\"widget-container\">";
  for (int i = 5; i <= 8; ++i) page += prose(i);
  page += "</div></div><div class=\"widget widget_recent\">";
  for (int i = 1; i <= 4; ++i)
    page += "<h3><a href=\"/s" + std::to_string(i) + "\">Another story number " + std::to_string(i) +
            " on this site</a></h3><p>An excerpt of that other story, long enough to read as prose, about the budget "
            "and the council, and what comes next.</p>";
  page += "</div></div><footer>All rights reserved</footer></body></html>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  for (int i = 1; i <= 8; ++i)
    EXPECT_NE(body.find("Paragraph " + std::to_string(i) + " "), std::string::npos) << i;
  EXPECT_EQ(body.find("An excerpt"), std::string::npos);
  EXPECT_EQ(find(r, "Home News")->role, "boilerplate");
}

TEST(Html, ShortBoxWithTheClassesOfTheArticlesBoxesIsPartOfIt) {
  // Between two "widget" boxes of long prose, a short box of the same classes (a sub-heading and a
  // short line) is part of the article; a short widget of other classes after them is not.
  const std::string open = "<div class=\"panel widget widget_text\"><div class=\"widget-container\">";
  std::string page = "<html><body><div class=\"layout\"><h1>The council votes</h1>" + open;
  for (int i = 1; i <= 4; ++i) page += prose(i);
  page += "</div></div>" + open + "<h2>What comes next</h2><p>Two changes stand out.</p></div></div>" + open;
  for (int i = 5; i <= 8; ++i) page += prose(i);
  page += "</div></div><div class=\"widget widget_search\"><p>Search this site for more.</p></div></div></body></html>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 8 "), std::string::npos);
  EXPECT_NE(body.find("What comes next"), std::string::npos);
  EXPECT_NE(body.find("Two changes stand out."), std::string::npos);
  EXPECT_EQ(body.find("Search this site"), std::string::npos);
}

TEST(Html, WidgetBoxesThatTogetherHoldMostOfTheArticleArePartOfIt) {
  // An editor's "widget" grids inside the article's container, each with a column per paragraph:
  // neither holds half the article's prose, both together do.
  std::string page = "<html><body><nav class=\"menu\"><a href=\"/\">Home</a></nav><article><h1>The council votes</h1>"
                     "<div class=\"story-body\">" + prose(1) + prose(2) + prose(3);
  for (int box = 0; box < 2; ++box) {
    page += "<div class=\"ck-widget grid\">";
    for (int i = 4 + 4 * box; i < 8 + 4 * box; ++i) page += "<div class=\"col\">" + prose(i) + "</div>";
    page += "</div>";
  }
  page += "</div></article><div class=\"widget\"><p>Search this site for more of our stories.</p></div></body></html>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  for (int i = 1; i <= 11; ++i) EXPECT_NE(body.find("Paragraph " + std::to_string(i) + " "), std::string::npos) << i;
  EXPECT_EQ(body.find("Search this site"), std::string::npos);
}

TEST(Html, NoticeBoxWithoutProseIsNotTheContent) {
  // A notice with a "text" class outscores an article whose paragraphs each sit in columns of
  // their own; on a page with long prose the content holds some.
  std::string page =
      "<html><body><div class=\"alert\"><div class=\"text-container\"><p>The spring show is sold out on Saturday, "
      "March 14, and Sunday.</p><p>Evening hours are sold out, on Saturday, March 21, too.</p></div></div>"
      "<main><h1>The council votes</h1>";
  for (int i = 1; i <= 3; ++i) page += "<div class=\"row\"><div class=\"col\"><div>" + prose(i) + "</div></div></div>";
  page += "</main></body></html>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 3 "), std::string::npos);
  EXPECT_EQ(body.find("sold out"), std::string::npos);
}

TEST(Html, ProseAfterALinkListThatFollowsTheArticleIsNotIt) {
  // After the article, a menu of links, then teasers of other posts in unmarked boxes: the article
  // holds more prose than they do, so they are not a part of it the scoring left out.
  std::string page = "<html><body><main><article><h1>The council votes</h1>";
  for (int i = 1; i <= 4; ++i) page += prose(i);
  page += "</article></main><div class=\"menu\"><ul><li><a href=\"/a\">Politics</a></li><li><a href=\"/b\">Business</a>"
          "</li><li><a href=\"/c\">Travel</a></li></ul></div><div class=\"latest\"><div class=\"card\"><p>A new airline "
          "opens its first route to the coast this winter, with three flights a week and larger seats for everyone.</p>"
          "</div><div class=\"card\"><p>Hotels in the old town report record bookings for the holidays, and prices "
          "rise again in the city centre as a result.</p></div></div></body></html>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 4 "), std::string::npos);
  EXPECT_EQ(body.find("A new airline"), std::string::npos);
  EXPECT_EQ(body.find("Hotels in the old town"), std::string::npos);
}

TEST(Html, ACopyOfTheArticleIsLeftOutButASingleRepeatStays) {
  // The article twice, for two layouts, and a pull quote that repeats one of its sentences.
  std::string copy;
  for (int i = 1; i <= 3; ++i) copy += prose(i);
  const std::string quote = "<p>The plan passed after a long debate about the budget.</p>";
  const auto r = html("<html><body><article><h1>The council votes</h1><div class=\"story desktop\">" + copy + quote +
                      prose(4) + quote + "</div><div class=\"story mobile\">" + copy + "</div></article></body></html>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  const auto count = [&](const std::string& s) { return occurrences(body, s); };
  EXPECT_EQ(count("Paragraph 1 "), 1u);
  EXPECT_EQ(count("Paragraph 3 "), 1u);
  EXPECT_EQ(count("The plan passed"), 2u);
}

TEST(Html, AParagraphOfProseRightAfterItselfIsACopy) {
  // A page builder writes each paragraph once per layout, the copies side by side: the copy of a
  // paragraph of prose right after it is left out; a short line repeated (a table's row) stays.
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 4; ++i)
    page += "<div class=\"variant desktop\">" + prose(i) + "</div><div class=\"variant mobile\">" + prose(i) + "</div>";
  page += "<p>Yes No Yes</p><p>Yes No Yes</p>" + prose(5) + "</article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  const auto count = [&](const std::string& s) { return occurrences(body, s); };
  for (int i = 1; i <= 5; ++i) EXPECT_EQ(count("Paragraph " + std::to_string(i) + " "), 1u) << i;
  EXPECT_EQ(count("Yes No Yes"), 2u);
}

TEST(Html, TableOfContentsIsLeftOutItsHeadingsStay) {
  // A list whose items are the sub-headings that follow is the article's table of contents; a list
  // of two such items is too short to tell.
  const auto page = [](int sections) {
    std::string toc = "<ul>", body;
    for (int i = 1; i <= sections; ++i) {
      const std::string heading = "What the council decided, part " + std::to_string(i);
      toc += "<li><a href=\"#part" + std::to_string(i) + "\">" + heading + "</a></li>";
      body += "<h2 id=\"part" + std::to_string(i) + "\">" + heading + "</h2>" + prose(2 * i) + prose(2 * i + 1);
    }
    return "<article><h1>The council votes</h1>" + prose(1) + toc + "</ul>" + body + "</article>";
  };
  const auto count = [](const std::string& body, const std::string& s) {
    std::size_t n = 0;
    for (auto at = body.find(s); at != std::string::npos; at = body.find(s, at + 1)) ++n;
    return n;
  };
  const auto r = html(page(3));
  ASSERT_FALSE(r.error);
  for (int i = 1; i <= 3; ++i) EXPECT_EQ(count(r.articles.at(0).body, "part " + std::to_string(i)), 1u) << i;
  EXPECT_NE(r.articles.at(0).body.find("Paragraph 7 "), std::string::npos);
  const auto two = html(page(2));
  ASSERT_FALSE(two.error);
  EXPECT_EQ(count(two.articles.at(0).body, "part 1"), 2u);
}

TEST(Html, RelatedLinkLineInsideTheArticleIsNoBody) {
  // "Related: <another story>" between the paragraphs points to another story: it is a read-also line.
  const auto r = html("<article><h1>The council votes</h1>" + prose(1) + prose(2) +
                      "<p>Related: <a href=\"/budget\">What the budget means for the city's parks</a></p>" + prose(3) +
                      prose(4) + "</article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 3 "), std::string::npos);
  EXPECT_EQ(body.find("Related:"), std::string::npos);
  EXPECT_EQ(find(r, "Related: What the budget means for the city's parks")->role, "read_also");
}

TEST(Html, DateLineAboveTheFirstParagraphIsADateline) {
  // "Updated on …" above the article is its dateline, not its body; a short line with a year
  // below the first paragraph is body.
  std::string page = "<article><h1>The council votes</h1><div class=\"meta\">Updated on July 9, 2025</div>" + prose(1) +
                     "<p>The plan starts in 2026.</p>" + prose(2) + "</article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  ASSERT_TRUE(find(r, "Updated on July 9, 2025"));
  EXPECT_EQ(find(r, "Updated on July 9, 2025")->role, "dateline");
  const std::string& body = r.articles.at(0).body;
  EXPECT_EQ(body.find("Updated on"), std::string::npos);
  EXPECT_NE(body.find("The plan starts in 2026."), std::string::npos);
  EXPECT_EQ(body.find("Paragraph 1 "), 0u);
}

TEST(Html, LongParagraphIsNoMenuWhateverItsClass) {
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 3; ++i) page += prose(i);
  page += "<p class=\"contextmenu\">" + prose(4).substr(3) + "<p class=\"menu\"><a href=\"/\">Home</a></p></article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  EXPECT_NE(r.articles.at(0).body.find("Paragraph 4 "), std::string::npos);
  EXPECT_EQ(find(r, "Home")->role, "boilerplate");
}

TEST(Html, EmbeddedTweetDisclosureAndBannerStayOutOfTheBody) {
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 2; ++i) page += prose(i);
  page +=
      "<blockquote class=\"twitter-tweet\"><p>Great news for the city tonight, the plan passed</p>&mdash; A "
      "Resident (@resident)</blockquote>";
  for (int i = 3; i <= 4; ++i) page += prose(i);
  page +=
      "<div class=\"affiliate-disclosure\"><p>We may earn a commission when you buy through the links on this "
      "page.</p></div><div class=\"banner-wide\"><h2>Get your free council guide</h2><p>Sign in to download "
      "it.</p></div>";
  for (int i = 5; i <= 6; ++i) page += prose(i);
  page += "</article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_EQ(body.find("Great news"), std::string::npos);
  EXPECT_EQ(body.find("We may earn"), std::string::npos);
  EXPECT_EQ(body.find("free council guide"), std::string::npos);
}

TEST(Html, ALineNamingASectionOfOtherPostsEndsTheBody) {
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 6; ++i) page += prose(i);
  page += "<p><strong>You may also like:</strong></p>" + prose(7) + prose(8) + "</article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_EQ(body.find("You may also like"), std::string::npos);
  EXPECT_EQ(body.find("Paragraph 7 "), std::string::npos);
}

TEST(Html, AParagraphWithWordsBesideItsLinksIsProse) {
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 2; ++i) page += prose(i);
  page +=
      "<p>The <a href=\"/report\">full report of the council on the budget</a> is online.</p>"
      "<p><a href=\"/news\">More council news from the city hall</a></p>";
  for (int i = 3; i <= 4; ++i) page += prose(i);
  page += "</article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("The full report of the council on the budget is online."), std::string::npos);
  EXPECT_EQ(body.find("More council news"), std::string::npos);
}

TEST(Html, AParagraphWithWordsBesideItsLinksJoinsTwoPartsOfTheContent) {
  std::string page = "<div class=\"post\">";
  for (int i = 1; i <= 3; ++i) page += prose(i);
  page += "</div><div><p>See <a href=\"/report\">the report of the council</a> today.</p></div><div class=\"post\">";
  for (int i = 4; i <= 6; ++i) page += prose(i);
  page += "</div>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_NE(body.find("See the report of the council today."), std::string::npos);
}

TEST(Html, ALineInABylineElementIsTheByline) {
  std::string page = "<article><h1>The council votes</h1><div class=\"byline-section\"><div class=\"attribution\">"
                     "Jane Roe | The Daily Example</div></div>";
  for (int i = 1; i <= 4; ++i) page += prose(i);
  page += "</article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  EXPECT_EQ(find(r, "Jane Roe | The Daily Example")->role, "byline");
  EXPECT_EQ(r.articles.at(0).body.find("Jane Roe"), std::string::npos);
}

TEST(Html, AnAuthorClassAboveTheFirstParagraphIsTheBylineNotFurniture) {
  // "author" is a negative cue too (a bio box after the article); above the prose it names the writer.
  std::string page = "<article><h1>The council votes</h1><div class=\"article-author\">Jane Roe</div>";
  for (int i = 1; i <= 4; ++i) page += prose(i);
  page += "<div class=\"article-author\">Jane Roe writes about the city council and its budget.</div></article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  EXPECT_EQ(find(r, "Jane Roe")->role, "byline");
  EXPECT_EQ(find(r, "Jane Roe writes about the city council and its budget.")->role, "boilerplate");
}

TEST(Html, LongParagraphWithADisclaimerClassIsFurniture) {
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 4; ++i) page += prose(i);
  page +=
      "<p class=\"views-disclaimer\">The views expressed by the authors of this blog are their own and do not "
      "necessarily reflect the views of the council or of any of its members.</p></article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 4 "), std::string::npos);
  EXPECT_EQ(body.find("The views expressed"), std::string::npos);
}

TEST(Html, AuthorBoxAndDisclaimerStayOutOfTheBody) {
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 4; ++i) page += prose(i);
  page +=
      "<div class=\"author-box\"><p>Jane Roe is a reporter who has covered the council for ten years, and she "
      "writes about budgets, schools and roads in the city.</p></div><div class=\"legal-disclaimer\"><p>This "
      "material is not intended to replace the advice of a qualified adviser, and it is given for general "
      "information only.</p></div></article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 4 "), std::string::npos);
  EXPECT_EQ(body.find("Jane Roe is a reporter"), std::string::npos);
  EXPECT_EQ(body.find("This material"), std::string::npos);
}

TEST(Html, JsonLdArticleBodyThatIsAnExcerptDoesNotCutTheBody) {
  const auto text = [](int i) { return prose(i).substr(3, prose(i).size() - 7); };  // without <p> and </p>
  std::string page = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                     "\"articleBody\": \"" + text(1) + " " + text(2) + "\"}</script></head><body><article>";
  for (int i = 1; i <= 10; ++i) page += prose(i);
  const auto r = html(page + "</article></body></html>");
  ASSERT_FALSE(r.error);
  EXPECT_NE(r.articles.at(0).body.find("Paragraph 10 "), std::string::npos);
}

TEST(Html, JsonLdArticleBodyKeepsAParagraphWhoseLinkTextItDropped) {
  // The JSON-LD text of a paragraph with a link lacks the link's text ("According to , …"); the
  // paragraph is still the body's, a box of teasers that the region scoring would take is not.
  const auto text = [](int i) { return prose(i).substr(3, prose(i).size() - 7); };  // without <p> and </p>
  const std::string linked = "According to the <a href=\"/s\">city survey</a>, the bus lines carry more riders "
                             "every year, and the council wants the new plan to serve the northern districts.";
  std::string body;
  for (int i = 1; i <= 4; ++i) body += text(i) + " ";
  body += "According to , the bus lines carry more riders every year, and the council wants the new plan to serve "
          "the northern districts.";
  std::string page = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                     "\"articleBody\": \"" + body + "\"}</script></head><body><article>";
  for (int i = 1; i <= 4; ++i) page += prose(i);
  page += "<p>" + linked + "</p><div><p>Another story from the city desk about the new bus lines, the costs of the "
          "debate and the votes of every member.</p></div></article></body></html>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& got = r.articles.at(0).body;
  EXPECT_NE(got.find("Paragraph 4 "), std::string::npos);
  EXPECT_NE(got.find("the bus lines carry more riders"), std::string::npos);
  EXPECT_EQ(got.find("Another story"), std::string::npos);
}

TEST(Html, BylineCuesAreWordPartsAndBylinesHaveNoDate) {
  const std::string story = "<h1>The council votes</h1>" + prose(1) + prose(2);
  // "author" is a word part of "post__author-date" and "authorName", not of "authorization".
  auto r = html("<div id=\"authorization\">Sign in</div><div class=\"post__author-date\">By Joshua Sokol May 20, "
                "2019</div>" + story);
  EXPECT_EQ(r.articles.at(0).byline, "By Joshua Sokol");
  r = html("<span class=\"authorName\">James Akinaka \xE2\x80\xA2 8h</span>" + story);
  EXPECT_EQ(r.articles.at(0).byline, "James Akinaka");
  r = html("<p class=\"byline\">By April Smith</p>" + story);  // a month name without a number is a name
  EXPECT_EQ(r.articles.at(0).byline, "By April Smith");
  r = html("<div class=\"authorization\">Sign in</div>" + story);
  EXPECT_FALSE(r.articles.at(0).byline && r.articles.at(0).byline->find("Sign") != std::string::npos);
}

// Blocks of `html` wrapped as one box of a page builder (each box in its own row and column).
std::string box(const std::string& html, const std::string& cls = "block") {
  return "<div class=\"row\"><div class=\"col\"><div class=\"" + cls + "\"><div class=\"inner\">" + html +
         "</div></div></div></div>";
}

TEST(Html, ShortBlocksBetweenTwoPartsOfTheArticleBelongToIt) {
  // The article is split over three boxes; the middle one holds only short blocks (a sub-heading,
  // a short line, a list), which no score reaches, and the last one is found as long prose.
  const std::string middle = "<h2>What comes next</h2><p>Two changes stand out.</p><ul><li>Schools are closed</li></ul>";
  const std::string page = "<main>" + box(prose(1) + prose(2) + prose(3) + prose(4)) + box(middle) +
                           box(prose(5) + prose(6)) + "</main>";
  auto r = html(page);
  ASSERT_FALSE(r.error);
  std::string body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_NE(body.find("What comes next"), std::string::npos);
  EXPECT_NE(body.find("Two changes stand out."), std::string::npos);
  EXPECT_EQ(find(r, "Schools are closed")->role, "list_item");
  // A box between them that a cue marks as furniture keeps its blocks out, and its neighbours too.
  const std::string signup = "<p>Get our daily digest.</p><p>Sign up now</p>";
  r = html("<main>" + box(prose(1) + prose(2) + prose(3) + prose(4)) + box(signup, "newsletter") +
           box(prose(5) + prose(6)) + "</main>");
  ASSERT_FALSE(r.error);
  body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_EQ(body.find("Get our daily digest."), std::string::npos);
}

TEST(Html, CompoundClassSaysWhatItsLastCueSays) {
  // "blog-related-posts" is a related list of a blog ("blog" a positive cue, "related" a negative
  // one after it): its excerpts, long prose as they are, stay out of the body.
  std::string page = "<div class=\"post-body\"><h1>The council votes</h1>";
  for (int i = 1; i <= 5; ++i) page += prose(i);
  page += "</div><section class=\"blog-related-posts\">";
  for (int i = 1; i <= 2; ++i)
    page += "<article><h3><a href=\"/s" + std::to_string(i) + "\">Another story " + std::to_string(i) +
            "</a></h3><p>An excerpt of that other story, long enough to read as prose, about the budget and the "
            "council, and what comes next.</p></article>";
  const auto r = html(page + "</section>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 5 "), std::string::npos);
  EXPECT_EQ(body.find("An excerpt"), std::string::npos);
}

TEST(Html, AnchorIdOfAHeadingIsNoCue) {
  // "social" in the id is a share cue; here the id only spells the heading's words.
  std::string page = "<article><h1>The council votes</h1>" + prose(1) + prose(2) + prose(3);
  page += "<h2 id=\"social-media-and-the-vote\">Social media and the vote</h2>" + prose(4) + prose(5) + "</article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  EXPECT_EQ(find(r, "Social media and the vote")->role, "subheading");
}

TEST(Html, ShortFurnitureAtTheEndOfTheArticleIsCut) {
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 4; ++i) page += prose(i);
  // A long paragraph that speaks of subscribing is body; the syndication footer and the call to
  // action after it are not.
  const std::string subscribers =
      "Readers who subscribe to the council's own bulletin, the clerk said, will find the budget tables there "
      "next week, with the votes of every member, the amendments that failed and the schedule of the hearings "
      "on the roads.";
  page += "<p>" + subscribers + "</p><p>The post The council votes appeared first on Daily.</p>";
  page += "<p>Sign up for our daily digest</p></article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find(subscribers), std::string::npos);
  EXPECT_EQ(body.find("appeared first on"), std::string::npos);
  EXPECT_EQ(body.find("Sign up"), std::string::npos);
}

TEST(Html, ACallToGetInTouchAtTheEndIsCut) {
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 4; ++i) page += prose(i);
  page += "<p>Questions about your own project? Get in touch with our team.</p></article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 4 "), std::string::npos);
  EXPECT_EQ(body.find("Get in touch"), std::string::npos);
}

TEST(Html, TailHeadingCutsTheTeasersAfterIt) {
  // A "Related articles" heading near the end of the region, then teasers long enough to stop the
  // walk back from the end; a sub-heading early in the article with the same words stays.
  std::string page = "<article><h1>The council votes</h1>" + prose(1) +
                     "<h2>More from the council: the budget</h2>";
  for (int i = 2; i <= 6; ++i) page += prose(i);
  page += "<h2>Related articles</h2>";
  for (int i = 0; i < 2; ++i)
    page += "<p>Another story from the city desk about the new bus lines, the costs of the debate and the votes of "
            "every member of the council on the plan.</p>";
  page += "</article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("More from the council"), std::string::npos);
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_EQ(body.find("Related articles"), std::string::npos);
  EXPECT_EQ(body.find("Another story"), std::string::npos);
}

TEST(Html, ArticleSourcesAfterTheArticleAreCut) {
  // The citations under an "Article Sources" heading at the end are no part of the body.
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 6; ++i) page += prose(i);
  page += "<h2>Article Sources</h2><ul><li>City Council. \"Minutes of the meeting on the budget of the new bus lines, with "
          "the votes of every member on the plan.\" City Council, 2024.</li></ul></article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_EQ(body.find("Minutes of the meeting"), std::string::npos);
}

TEST(Html, AuthorBoxAfterTheArticleIsCutByTheBylinesName) {
  // An author box with no class cue: long prose after the region, which the prose rule would add.
  std::string page = "<html><head><meta name=\"author\" content=\"Jane Roe\"></head><body><article>"
                     "<h1>The council votes</h1>";
  for (int i = 1; i <= 6; ++i) page += prose(i);
  page += "</article><div class=\"box\"><p>Jane Roe is a reporter who has covered the council for ten years and "
          "writes about budgets and schools and roads in the city.</p></div><div class=\"box\"><p>Another story "
          "by her: the mayor and the council agreed on the new bus lines after a long debate about the costs.</p>"
          "</div></body></html>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_EQ(body.find("Jane Roe is a reporter"), std::string::npos);
  EXPECT_EQ(body.find("Another story"), std::string::npos);
}

TEST(Html, WrittenByLineAfterTheArticleCutsTheAuthorBox) {
  // "Written by" and the byline's name, then the author's bio, after the article; a photo credit with
  // the name inside the article stays.
  std::string page = "<html><head><meta name=\"author\" content=\"Jane Roe\"></head><body><article>"
                     "<h1>The council votes</h1>";
  for (int i = 1; i <= 5; ++i) page += prose(i);
  page += "<figure><figcaption>The city hall at night</figcaption></figure><p>The city hall, 2021, Jane Roe</p>" +
          prose(6) + "</article><div class=\"box\"><h3>Written by Jane Roe</h3><p>She has covered the council for "
          "ten years and writes about budgets and schools and roads in the city, and she lives by the port.</p>"
          "</div></body></html>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_NE(body.find("The city hall, 2021, Jane Roe"), std::string::npos);
  EXPECT_EQ(body.find("Written by"), std::string::npos);
  EXPECT_EQ(body.find("She has covered"), std::string::npos);
}

TEST(Html, ProseAboveTheTitleOutsideTheArticleIsNotItsBody) {
  // A disclosure in the page's header, long enough to join the article as prose outside the region.
  const std::string notice = "We are a reader-supported website: when you buy through the links on our pages we may "
                             "earn a commission, which pays for the work of our reporters.";
  std::string page = "<div class=\"top\"><p>" + notice + "</p></div><article><h1>The council votes</h1>";
  for (int i = 1; i <= 6; ++i) page += prose(i);
  const auto r = html(page + "</article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 1 "), std::string::npos);
  EXPECT_EQ(body.find("reader-supported"), std::string::npos);
  EXPECT_EQ(find(r, notice)->role, "boilerplate");
}

TEST(Html, ListOfLinksBetweenParagraphsIsPartOfTheArticle) {
  const std::string links = "<ul><li><a href=\"/minutes\">The minutes of Tuesday</a></li>"
                            "<li><a href=\"/plan\">The budget plan</a></li></ul>";
  std::string page = "<article><h1>The council votes</h1>" + prose(1) + prose(2) + links + prose(3) + prose(4);
  page += "<ul><li><a href=\"/s1\">Another story</a></li><li><a href=\"/s2\">One more story</a></li></ul></article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  EXPECT_EQ(find(r, "The budget plan")->role, "list_item");
  EXPECT_EQ(find(r, "One more story")->role, "boilerplate");  // after the last paragraph: a related list
}

TEST(Html, LinkBetweenTwoPartsOfTheArticleDoesNotSplitThem) {
  // As ShortBlocksBetweenTwoPartsOfTheArticleBelongToIt, with a link-dense line in the middle box.
  const std::string middle = "<h2>What comes next</h2><p><a href=\"/tool\">Try the bus fare calculator</a></p>"
                             "<p>Two changes stand out.</p>";
  const auto r = html("<main>" + box(prose(1) + prose(2) + prose(3) + prose(4)) + box(middle) +
                      box(prose(5) + prose(6)) + "</main>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("What comes next"), std::string::npos);
  EXPECT_NE(body.find("Two changes stand out."), std::string::npos);
  EXPECT_EQ(body.find("calculator"), std::string::npos);
}

TEST(Html, TeaserCardsAtTheEndOfTheArticleAreCut) {
  // Cards of other posts inside the article's container, with no cue: a linked title, its excerpt,
  // then a short line of its topic. An article whose own items are linked headings keeps them.
  const auto card = [](const std::string& title) {
    return "<h3><a href=\"/" + title + "\">" + title + "</a></h3><p>An excerpt of the other story, about the buses "
           "and the budget of the city, that ends in the middle of a</p><p>City hall</p>";
  };
  std::string page = "<article><h1>The council votes</h1>";
  for (int i = 1; i <= 6; ++i) page += prose(i);
  page += card("The mayor answers the council") + card("Ten questions about the bus lines") + "</article>";
  const auto r = html(page);
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 6 "), std::string::npos);
  EXPECT_EQ(body.find("The mayor answers"), std::string::npos);
  EXPECT_EQ(body.find("An excerpt"), std::string::npos);

  std::string list = "<article><h1>The best parks of the city</h1>" + prose(1);
  for (const char* park : {"The park by the river", "The old botanical garden", "The hill park in the north",
                           "The small square at the port"})
    list += card(park);
  const auto l = html(list + "</article>");
  ASSERT_FALSE(l.error);
  EXPECT_NE(l.articles.at(0).body.find("The small square at the port"), std::string::npos);
}

TEST(Html, CallToActionBoxInsideTheArticleIsFurniture) {
  // A box with a "cta" class between the paragraphs asks the reader to book or buy: it is no body.
  const auto r = html("<article><h1>The council votes</h1>" + prose(1) + prose(2) +
                      "<div class=\"blog-cta\"><h3>Ready to plan your move?</h3><p>Our team of movers in the city "
                      "answers within the hour, every day of the week.</p></div>" +
                      prose(3) + prose(4) + "</article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 4 "), std::string::npos);
  EXPECT_EQ(body.find("Ready to plan"), std::string::npos);
  EXPECT_EQ(body.find("Our team of movers"), std::string::npos);
}

TEST(Html, ElementWithACaptionClassIsACaption) {
  // A WordPress image caption is a <p class="wp-caption-text">, no <figcaption>; the caption of a
  // theme's <body> class ("theme-caption-two") names the page, no caption.
  const auto r = html("<body class=\"theme-caption-two\"><article><h1>The council votes</h1>" + prose(1) +
                      "<div class=\"wp-caption\"><img src=\"a.jpg\"><p class=\"wp-caption-text\">The council hall "
                      "on Tuesday evening, before the vote on the budget</p></div>" +
                      prose(2) + prose(3) + "</article></body>");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(find(r, "The council hall on Tuesday evening, before the vote on the budget")->role, "caption");
  EXPECT_EQ(r.articles.at(0).body.find("The council hall"), std::string::npos);
  EXPECT_EQ(find(r, prose(2).substr(3, prose(2).size() - 7))->role, "paragraph");
}

TEST(Html, PostAroundATableOfFiguresIsTheContentNotTheTable) {
  // The rows of a ranking, commas in every figure, outscore the post around them; the post holds
  // more long prose, so it is the content, with the short rows of its second table.
  std::string rows = "<tr><td>Ranking in 2023, as published</td><td>Business school, with its city</td>"
                     "<td>Previous ranking, international students, women</td><td>Median GPA, GMAT</td></tr>";
  for (int i = 1; i <= 15; ++i)
    rows += "<tr><td>" + std::to_string(i) + "</td><td>School " + std::to_string(i) +
            "</td><td>37%, 40%</td><td>$172,800</td><td>3.6, 733, 1,204</td></tr>";
  const auto r = html("<div class=\"entry-content\"><h1>The business school ranking</h1>" + prose(1) + prose(2) +
                      "<table><tbody>" + rows + "</tbody></table>" + prose(3) +
                      "<table><tbody><tr><td>1</td><td>Haas</td></tr><tr><td>2</td><td>Booth</td></tr></tbody></table>"
                      "</div>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("School 15"), std::string::npos);
  EXPECT_NE(body.find("Paragraph 3 "), std::string::npos);
  EXPECT_NE(body.find("Booth"), std::string::npos);
}

TEST(Html, PopupAndModalBoxesInsideTheArticleAreFurniture) {
  // Overlays a script opens (an exit pop-up, a modal sign-in box) sit in the page's markup inside
  // the article: they are no body.
  const auto r = html("<article><h1>The council votes</h1>" + prose(1) + prose(2) +
                      "<div class=\"exit-popup\"><h2>Before you go</h2><p>Take our free guide to the city's "
                      "budget home with you.</p></div>" + prose(3) +
                      "<div class=\"modal\"><p>Log in to save this story for later.</p></div>" + prose(4) +
                      "</article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 4 "), std::string::npos);
  EXPECT_EQ(body.find("Before you go"), std::string::npos);
  EXPECT_EQ(body.find("free guide"), std::string::npos);
  EXPECT_EQ(body.find("Log in"), std::string::npos);
}

TEST(Html, PositiveCueSparesOnlyAContainerThatHoldsTheArticle) {
  // The post's container names its author ("entry author-jane-roe") and holds the article, split
  // over two boxes, and many links: its "author" cue makes no furniture of the second box. The
  // author's box below the article says "text-center" beside "author__bio": that positive cue
  // does not spare it.
  std::string links;
  for (int i = 1; i <= 12; ++i)
    links += "<li><a href=\"/t" + std::to_string(i) + "\">A tag of the post, number " + std::to_string(i) + "</a></li>";
  const auto r = html("<article class=\"entry author-jane-roe\"><h1>The council votes</h1><div><div>" + prose(1) +
                      prose(2) + prose(3) + prose(4) + "</div></div><div><div>" + prose(5) +
                      "</div></div><div class=\"author__bio text-center\"><p>Jane Roe covers the city council and "
                      "its budget for the paper, and has reported on local politics for twelve years.</p></div><ul>" +
                      links + "</ul></article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  for (int i = 1; i <= 5; ++i) EXPECT_NE(body.find("Paragraph " + std::to_string(i) + " "), std::string::npos) << i;
  EXPECT_EQ(body.find("twelve years"), std::string::npos);
}

TEST(Html, ContributorBoxInsideTheArticleIsFurniture) {
  // A box that presents the post's contributor ("blog__contributorwrapper") is no body.
  const auto r = html("<article><h1>The council votes</h1>" + prose(1) + prose(2) + prose(3) +
                      "<div class=\"blog__contributorwrapper\"><p>Jane Roe worked in local radio for a decade; "
                      "today she covers the city council and its budget.</p></div></article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 3 "), std::string::npos);
  EXPECT_EQ(body.find("local radio"), std::string::npos);
}

TEST(Html, FooterAndFormInsideTheArticleAreFurniture) {
  // A post's own <footer> (its tags, a note to share it) and a form between its paragraphs (a
  // sign-up, a comparison of products) are no body, as Readability cleans them out of the article.
  const auto r = html("<article><h1>The council votes</h1>" + prose(1) + prose(2) +
                      "<form action=\"/compare\"><p>Compare the plans of the three districts side by side</p>"
                      "<p>Choose up to four plans to compare</p></form>" +
                      prose(3) + prose(4) +
                      "<footer><p>Filed under the city's budget and its council</p></footer></article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 4 "), std::string::npos);
  EXPECT_EQ(body.find("Compare the plans"), std::string::npos);
  EXPECT_EQ(body.find("Choose up to four"), std::string::npos);
  EXPECT_EQ(body.find("Filed under"), std::string::npos);
}

TEST(Html, BoxAroundAFormInsideTheArticleIsFurniture) {
  // A sign-up box between the paragraphs: its heading, its pitch and its terms sit beside the form.
  const auto r = html("<article><h1>The council votes</h1>" + prose(1) + prose(2) +
                      "<div class=\"box\"><h3>Get the weekly letter</h3><p>News from the council, every "
                      "Friday in your inbox.</p><form action=\"/join\"><input type=\"email\"><button>Join</button>"
                      "</form><p>By joining you accept our terms of use.</p></div>" +
                      prose(3) + prose(4) + "</article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 2 "), std::string::npos);
  EXPECT_NE(body.find("Paragraph 3 "), std::string::npos);
  EXPECT_EQ(body.find("weekly letter"), std::string::npos);
  EXPECT_EQ(body.find("every Friday"), std::string::npos);
  EXPECT_EQ(body.find("terms of use"), std::string::npos);
}

TEST(Html, TooltipInsideTheArticleIsFurniture) {
  // A tooltip's or a popover's text shows on hover over a button or a badge: no line of the body.
  const auto r = html("<article><h1>The council votes</h1>" + prose(1) + prose(2) +
                      "<div class=\"tooltip-content\">We may earn a commission when you buy through the links "
                      "on this page.</div><div class=\"price-popover\">Prices checked every day at noon</div>" +
                      prose(3) + "</article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 3 "), std::string::npos);
  EXPECT_EQ(body.find("earn a commission"), std::string::npos);
  EXPECT_EQ(body.find("Prices checked"), std::string::npos);
}

TEST(Html, TailHeadingInTheSecondHalfEndsTheContent) {
  // A newsletter's furniture after a short issue (a plug, an offer) can be as long as the issue: a
  // heading with a tail cue past the middle of the text ends the content.
  const std::string promo =
      "<p>Our spring workshop runs for one full day in the old town hall, with lunch, coffee and a printed "
      "workbook for each of the guests who come along.</p>";
  const auto r = html("<article><h1>The council votes</h1>" + prose(1) + prose(2) + prose(3) + prose(4) +
                      prose(5) + "<h2>Subscribe to the weekly letter</h2>" + promo + promo + promo + promo +
                      "</article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 5 "), std::string::npos);
  EXPECT_EQ(body.find("weekly letter"), std::string::npos);
  EXPECT_EQ(body.find("spring workshop"), std::string::npos);
}

TEST(Html, HighlightsBoxIsFurniture) {
  // A box of highlights above the story sums it up in a few lines: the story says it again.
  const auto r = html("<article><h1>The council votes</h1><div class=\"story-highlights\"><ul>"
                      "<li>The council passed the new plan after a long debate</li>"
                      "<li>The budget grows by a tenth next year</li></ul></div>" +
                      prose(1) + prose(2) + prose(3) + "</article>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 1 "), std::string::npos);
  EXPECT_NE(body.find("Paragraph 3 "), std::string::npos);
  EXPECT_EQ(body.find("passed the new plan"), std::string::npos);
  EXPECT_EQ(body.find("grows by a tenth"), std::string::npos);
}

TEST(Html, FormAroundTheWholePageIsNoFurniture) {
  // ASP.NET wraps a whole page in one <form>: the article inside it stays the content.
  const auto r = html("<body><form id=\"aspnetForm\"><div class=\"story\"><h1>The council votes</h1>" + prose(1) +
                      prose(2) + prose(3) + "</div></form></body>");
  ASSERT_FALSE(r.error);
  EXPECT_NE(r.articles.at(0).body.find("Paragraph 3 "), std::string::npos);
  EXPECT_NE(r.articles.at(0).body.find("Paragraph 1 "), std::string::npos);
}

TEST(Html, DisclaimerInTheFooterIsNotTheContentOfAPageWithAnArticle) {
  // The footer's long disclaimer, in a box with a "content" class, outscores the article in plain
  // columns; the page has prose outside its footer, so the content is a container that holds some.
  std::string legal;
  for (int i = 1; i <= 4; ++i)
    legal += "<p>Legal note " + std::to_string(i) +
             ": this material, which is general, is not advice, and readers, before acting, should consult a "
             "qualified adviser, lawyer, or broker.</p>";
  const auto r = html("<body><div><div><div><h1>The council votes</h1>" + prose(1) + prose(2) +
                      "</div></div></div><footer><div class=\"entry-content\">" + legal + "</div></footer></body>");
  ASSERT_FALSE(r.error);
  const std::string& body = r.articles.at(0).body;
  EXPECT_NE(body.find("Paragraph 2 "), std::string::npos);
  EXPECT_EQ(body.find("Legal note 1"), std::string::npos);
}

TEST(Html, TextInputHasNoTextField) {
  EXPECT_EQ(maqal::to_json(maqal::parse_text("Hello there.")).find("\"text\":\"Hello there.\",\"blocks\""),
            std::string::npos);
}

}  // namespace
