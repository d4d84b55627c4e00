// Block roles of pasted text, one rule at a time, on small pastes laid out as pages lay them out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "maqal/maqal.h"

namespace {

// A paragraph of prose (a few sentences, about 40 words), different for each n.
std::string prose(int n) {
  const std::string k = std::to_string(n);
  return "The council met on day " + k + " to discuss the harbour plan, which had been delayed for months. "
         "Residents asked why the budget had grown, and the mayor said the costs of steel had risen sharply. "
         "A vote on the plan is expected before the end of the season, officials said on day " + k + ".";
}

struct Line {
  std::string text, role;
};

// The role of every block, checked line by line against the layout.
void expect_roles(const std::vector<Line>& layout) {
  std::string text;
  for (const auto& l : layout) text += l.text + "\n";
  const maqal::Result r = maqal::parse_text(text);
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.blocks.size(), layout.size());
  for (std::size_t i = 0; i < layout.size(); ++i) {
    const auto& b = r.blocks[i];
    EXPECT_EQ(b.role + (b.kind.empty() ? "" : ":" + b.kind), layout[i].role) << "line " << i << ": " << b.text;
  }
}

TEST(Roles, AnEndOfArticleLineWithMoreProseAfterItSitsInsideTheArticle) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {prose(3), "paragraph"},
                {"Keywords", "tags"},
                {prose(4), "paragraph"},
                {prose(5), "paragraph"},
                {prose(6), "paragraph"},
                {prose(7), "paragraph"}});
}

TEST(Roles, AnEndOfArticleLineAfterMostOfTheProseEndsTheArticle) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {prose(3), "paragraph"},
                {"Related articles", "related"},
                {"Mayor opens the new bridge over the river", "related"},
                {prose(4), "boilerplate:footer"}});
}

TEST(Roles, LinesOfOneSentenceBrokenAcrossLinesAreProse) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {"Residents of the old town asked the council why the", "paragraph"},
                {"budget had grown so much since the first plan was", "paragraph"},
                {"shown to them two years ago.", "paragraph"},
                {prose(2), "paragraph"}});
}

TEST(Roles, ALineEndingInAColonIntroducesAListOfShortLines) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {"The plan has three parts:", "paragraph"},
                {"A new quay for the ferries", "list_item"},
                {"A wider road to the station", "list_item"},
                {"Two parks along the water", "list_item"},
                {"What Comes Next", "subheading"},
                {prose(2), "paragraph"}});
  // One short line after the introduction heads the section it opens.
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {"Here is what the plan holds:", "paragraph"},
                {"A new quay for the ferries", "subheading"},
                {prose(2), "paragraph"}});
}

// A numbered line's number leaves its text for the block's number (any script's digits), and the
// body writes it back; a bullet gives none.
TEST(Roles, NumberedLinesKeepTheirNumbers) {
  const maqal::Result r = maqal::parse_text("Harbour plan goes to a vote\n" + prose(1) + "\nThe plan has three parts:\n"
                                            "1. A new quay for the ferries\n\u0662) A wider road to the station\n"
                                            "- Two parks along the water\n" + prose(2) + "\n");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.blocks.size(), 7u);
  EXPECT_EQ(r.blocks[3].text, "A new quay for the ferries");
  EXPECT_EQ(r.blocks[3].number, 1);
  EXPECT_EQ(r.blocks[4].number, 2);  // Arabic-Indic two
  EXPECT_TRUE(r.blocks[5].bullet);
  EXPECT_EQ(r.blocks[5].number, 0);
  EXPECT_NE(r.articles.at(0).body.find("1. A new quay for the ferries\n\n2. A wider road"), std::string::npos);
}

TEST(Roles, AShortQuestionBetweenParagraphsHeadsASection) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {"Why did the costs grow?", "subheading"},
                {prose(2), "paragraph"},
                {"Why? Nobody knows. The council did not say.", "paragraph"},
                {prose(3), "paragraph"}});
}

TEST(Roles, MenuItemsRunTogetherAreAMenuNotProse) {
  // Over 30 words and no full stop: without the glued items it would read as the lead.
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {"Trending NewsStock Market NewsMarket MoversTech Stock NewsMarket TrendsConsumer Stock NewsCrypto "
                 "NewsEnergy Stock NewsHealth Care NewsRetirement NewsRetirement PlanningSocial Security GuideTypes "
                 "of Retirement AccountsHow to Invest MoneyWhat to Invest InHow to Invest in Stocks",
                 "boilerplate:nav"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
}

TEST(Roles, ThePageFooterEndsARelatedList) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {prose(3), "paragraph"},
                {"Related articles", "related"},
                {"Mayor opens the new bridge over the river", "related"},
                {"Privacy policy", "boilerplate:footer"},
                {"Careers at the paper", "boilerplate:footer"}});
}

TEST(Roles, APlaceAndAnAgencyUnderTheHeadlineAreItsCredit) {
  expect_roles({{"ريال مدريد يفوز على برشلونة بثلاثية في الكلاسيكو", "title"},
                {"مدريد - وكالات", "byline"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {"WASHINGTON (Reuters) -", "byline"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
  const maqal::Result r = maqal::parse_text("Harbour plan goes to a vote\nLONDON - Jane Roe\n" + prose(1) + "\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Harbour plan goes to a vote");
  EXPECT_EQ(r.articles[0].byline, "LONDON - Jane Roe");
}

TEST(Roles, ATagsHeaderWithoutValueHeadsTagsOneALine) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {"Explore more on these topics", "tags"},
                {"City council", "tags"},
                {"Harbour", "tags"},
                {"Share", "boilerplate:share"},
                {"Reuse this content", "boilerplate:footer"}});
  const maqal::Result r = maqal::parse_text("Harbour plan goes to a vote\n" + prose(1) + "\nTopics\nCity council\nHarbour\n");
  EXPECT_EQ(r.articles.at(0).tags, (std::vector<std::string>{"City council", "Harbour"}));
}

TEST(Roles, AHeadlineOverALongerStandfirstAndAWriterInAPlace) {
  expect_roles({{"News", "boilerplate:nav"},
                {"France", "boilerplate:nav"},
                {"French government collapses after losing no-confidence vote", "title"},
                {"Prime minister Michel Barnier ousted after just three months in office, plunging country into "
                 "political turmoil",
                 "subtitle"},
                {"Angelique Chrisafis in Paris", "byline"},
                {"Wed 4 Dec 2024 20.02 CET", "dateline"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
  // A job and a city is no byline.
  const maqal::Result r = maqal::parse_text("Harbour plan goes to a vote\nSoftware Engineer in Chicago\n" + prose(1) + "\n");
  ASSERT_EQ(r.blocks.size(), 3u);
  EXPECT_NE(r.blocks[1].role, "byline");
}

TEST(Roles, ANewslettersPitchBetweenItsSignUpLinesIsPartOfTheBox) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {"Sign up to This is Europe", "boilerplate:subscribe"},
                {"The most pressing stories and debates for Europeans", "boilerplate:subscribe"},
                {"Privacy Notice: Newsletters may contain info about charities and online ads.", "boilerplate:subscribe"},
                {"after newsletter promotion", "boilerplate:subscribe"},
                {prose(2), "paragraph"},
                {prose(3), "paragraph"}});
}

TEST(Roles, AHeadlineShapedAsACreditIsStillTheHeadline) {
  expect_roles({{"مصر - السودان", "title"}, {prose(1), "lead"}, {prose(2), "paragraph"}});
}

// A paste may start at the credit, the headline left out, when it names a place and an outlet.
TEST(Roles, APlaceAndAnOutletOpeningAPasteAreItsCredit) {
  expect_roles({{"الرياض - رويترز", "byline"}, {prose(1), "lead"}, {prose(2), "paragraph"}});
  expect_roles({{"LONDON (Reuters) -", "byline"}, {prose(1), "lead"}, {prose(2), "paragraph"}});
  const maqal::Result r = maqal::parse_text("الرياض - رويترز\n" + prose(1) + "\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].byline, "الرياض - رويترز");
}

}  // namespace

TEST(Roles, ReadersCommentsEndTheArticleEvenWhenTheyOutrunIt) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {prose(3), "paragraph"},
                {"12 Comments on “Harbour plan goes to a vote”", "boilerplate:comments"},
                {prose(4), "boilerplate:footer"},
                {prose(5), "boilerplate:footer"},
                {prose(6), "boilerplate:footer"},
                {prose(7), "boilerplate:footer"},
                {"Leave a reply", "boilerplate:comments"}});
}

TEST(Roles, ANameThatSaysAboveADateHeadsAReadersComment) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {prose(3), "paragraph"},
                {"Jane Roe says:", "boilerplate:comments"},
                {"May 26, 2014 at 9:47 pm", "dateline"},
                {prose(4), "boilerplate:footer"},
                {"harbourfan2 says:", "boilerplate:comments"},
                {"May 27, 2014 at 8:02 am", "dateline"},
                {prose(5), "boilerplate:footer"}});
}

TEST(Roles, ANameThatSaysAboveAQuoteStaysInTheArticle) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {"The mayor says:", "paragraph"},
                {"\"We will build it, whatever the steel costs.\"", "blockquote"},
                {prose(3), "paragraph"}});
}

// A block quotation is one quotation, with or without its full stop; two quotations around their
// attribution are a paragraph.
TEST(Roles, ABlockQuoteIsOneQuotation) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {"\"The harbour is strong,\" the mayor said. \"We are in no hurry.\"", "paragraph"},
                {"\u2018We\u2019re in no hurry to build it, and we will wait for the council to decide.\u2019", "blockquote"},
                {"\u00ABنحن لسنا في عجلة من أمرنا، وسننتظر قرار المجلس البلدي قبل أن نبدأ البناء\u00BB", "blockquote"},
                {prose(2), "paragraph"}});
}

TEST(Roles, ASignUpCallAfterTheArticleEndsIt) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {prose(3), "paragraph"},
                {"Sign up for our newsletter", "boilerplate:subscribe"},
                {"Get the week's harbour news in your inbox, every Friday.", "boilerplate:footer"},
                {"Your email address", "boilerplate:footer"},
                {"We never share it, and you can leave the list at any time.", "boilerplate:footer"},
                {"Thank you for reading the Harbour Times.", "boilerplate:footer"},
                {prose(4), "boilerplate:footer"}});  // a reader's letter, a teaser: past the sign-up box
}

TEST(Roles, ASubscribeButtonInsideTheArticleLeavesItWhole) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {prose(3), "paragraph"},
                {"Subscribe", "boilerplate:subscribe"},
                {prose(4), "paragraph"},
                {prose(5), "paragraph"}});
}

TEST(Roles, AnArabicReadAlsoLinkInsideTheBodyLeavesTheArticleWhole) {
  const std::string lead =
      "أعلنت وزارة الزراعة، اليوم الأحد، عن خطة جديدة لدعم صغار المزارعين في محافظات الدلتا، تتضمن توفير "
      "الأسمدة بأسعار مخفضة وتقديم قروض ميسرة بفوائد منخفضة لمدة ثلاث سنوات.";
  const std::string second =
      "وقال وزير الزراعة في مؤتمر صحفي إن الخطة ستشمل أكثر من مليون مزارع، وإن الوزارة خصصت نحو ملياري "
      "جنيه لتمويلها خلال العام المالي الحالي، مشيرا إلى أن التسجيل سيبدأ الشهر المقبل.";
  const std::string third =
      "وأضاف الوزير أن الحكومة تعمل على تطوير منظومة الري الحديث في الأراضي القديمة، لافتا إلى أن المرحلة "
      "الأولى من المشروع ستنتهي قبل نهاية العام.";
  expect_roles({{"الحكومة تعلن خطة جديدة لدعم المزارعين في الدلتا", "title"},
                {"صورة أرشيفية", "caption"},  // between the headline and the lead, the headline stays the title
                {lead, "lead"},
                {second, "paragraph"},
                {"قد يهمك أيضاً", "read_also"},
                {"ارتفاع أسعار الذهب في السوق المحلية", "title"},
                {third, "paragraph"},  // the minister goes on: still the first article
                {"شارك على فيسبوك", "boilerplate:share"},
                {"الأكثر مشاهدة", "related"},
                {"سعر الدولار اليوم في البنوك", "related"}});
  const maqal::Result r = maqal::parse_text("الحكومة تعلن خطة جديدة لدعم المزارعين في الدلتا\nصورة أرشيفية\n" + lead +
                                            "\n" + second + "\nقد يهمك أيضاً\nارتفاع أسعار الذهب في السوق المحلية\n" +
                                            third + "\n");
  ASSERT_EQ(r.blocks.size(), 7u);
  EXPECT_EQ(r.blocks[6].article, r.blocks[2].article);
  EXPECT_NE(r.blocks[5].article, r.blocks[2].article);  // the link's headline, an article of its own
}

TEST(Roles, TimeElapsedUnderAHeadlineIsItsDateline) {
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {"2 hours ago", "dateline"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
  expect_roles({{"الحكومة تعلن خطة جديدة لدعم المزارعين في الدلتا", "title"},
                {"منذ ساعتين", "dateline"},
                {"أعلنت وزارة الزراعة، اليوم الأحد، عن خطة جديدة لدعم صغار المزارعين في محافظات الدلتا، تتضمن "
                 "توفير الأسمدة بأسعار مخفضة وتقديم قروض ميسرة بفوائد منخفضة لمدة ثلاث سنوات.",
                 "lead"}});
}

TEST(Roles, AWritersNameOverTheirRoleIsTheByline) {
  expect_roles({{"Home", "boilerplate:nav"},
                {"Harbour plan goes to a vote", "title"},
                {"2 hours ago", "dateline"},
                {"Share", "boilerplate:share"},
                {"Save", "boilerplate:share"},
                {"Helen Marsh", "byline"},
                {"Environment correspondent", "byline"},
                {"Image caption, The new quay at dawn", "caption"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
  expect_roles({{"الحكومة تعلن خطة جديدة لدعم المزارعين في الدلتا", "title"},
                {"أحمد محمود", "byline"},
                {"مراسل الشؤون الاقتصادية", "byline"},
                {"أعلنت وزارة الزراعة، اليوم الأحد، عن خطة جديدة لدعم صغار المزارعين في محافظات الدلتا، تتضمن "
                 "توفير الأسمدة بأسعار مخفضة وتقديم قروض ميسرة بفوائد منخفضة لمدة ثلاث سنوات.",
                 "lead"}});
  const maqal::Result r = maqal::parse_text("Harbour plan goes to a vote\nHelen Marsh\nEnvironment correspondent\n" +
                                            prose(1) + "\n");
  EXPECT_EQ(r.articles.at(0).byline, "Helen Marsh");
  EXPECT_EQ(r.articles.at(0).title, "Harbour plan goes to a vote");
}

TEST(Roles, SaveAndShareButtonsUnderAnArabicHeadlineLeaveItTheTitle) {
  expect_roles({{"أخبار", "boilerplate:nav"},
                {"تونس تفتح تحقيقا في حريق سوق الخضار بالعاصمة", "title"},
                {"نُشر في 12/3/2024", "dateline"},
                {"حفظ", "boilerplate:share"},
                {"شارك", "boilerplate:share"},
                {"تونس- فتحت النيابة العامة في تونس تحقيقا في أسباب الحريق الذي اندلع فجر أمس الاثنين في سوق الخضار "
                 "بالعاصمة، وأتى على عشرات المحلات التجارية، دون أن يسفر عن إصابات بشرية.",
                 "lead"}});
}

TEST(Roles, AReadMoreButtonUnderACardsHeadlineBringsNoArticle) {
  // The card (headline + button) sits inside the article, which goes on under a sub-heading.
  expect_roles({{"Harbour plan goes to a vote", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"},
                {"See how the new bridge changed the old town", "subheading"},
                {"Read more", "boilerplate:nav"},
                {"The costs of the plan", "subheading"},
                {prose(3), "paragraph"},
                {prose(4), "paragraph"}});
}

// A writer's name over the outlet they write for, and a photo's credit over its caption, between the
// headline and the prose (a BBC page copied): the headline stays the title, the caption is none.
TEST(Roles, WriterOverOutletAndPhotoCreditOverCaption) {
  expect_roles({{"Harbour plan goes to a vote after months of delay", "title"},
                {"Tomos Morgan", "byline"},
                {"BBC Wales", "byline"},
                {"Getty Images", "caption"},
                {"The harbour at low tide on Sunday morning", "caption"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
}

// A date's label alone on its line over the date (a BBC page copied) is a dateline: it keeps the
// headline within reach of the prose, and the article's date is the next line's.
TEST(Roles, ADatesLabelOverTheDate) {
  expect_roles({{"Harbour plan goes to a vote after months of delay", "title"},
                {"Tomos Morgan", "byline"},
                {"BBC Wales", "byline"},
                {"Published", "dateline"},
                {"24 November 2024", "dateline"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
  const maqal::Result r = maqal::parse_text(
      "Harbour plan goes to a vote after months of delay\nTomos Morgan\nBBC Wales\nPublished\n24 November 2024\n" +
      prose(1) + "\n" + prose(2) + "\n");
  ASSERT_FALSE(r.articles.empty());
  EXPECT_EQ(r.articles[0].published, "24 November 2024");
  EXPECT_EQ(r.articles[0].published_iso, "2024-11-24");
}

// A menu's items are no writer and outlet: "RSS Feed" holds a common word.
TEST(Roles, MenuItemsOverAnOrganizationAreNoByline) {
  expect_roles({{"RSS Feed", "boilerplate:nav"},
                {"Twitter", "boilerplate:nav"},
                {"Harbour plan goes to a vote after months of delay", "title"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
}

// The Guardian's head: headline, standfirst, the writer and role on one line, the date, and the
// lead photo's caption with its credit after it ("… Photograph: Name/AP"), then the prose.
TEST(Roles, WriterWithRoleOnOneLineAndCaptionEndingInItsCredit) {
  expect_roles({{"Harbour plan goes to a vote after months of delay", "title"},
                {"Residents say the plan costs too much and does too little for the town", "subtitle"},
                {"Fiona Harvey Environment editor", "byline"},
                {"Sun 24 Nov 2024 05.33 GMT", "dateline"},
                {"The harbour at low tide on Sunday morning. Photograph: Rafiq Maqbool/AP", "caption"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
}

// The outlet on its own line under a "By" byline is the byline's too ("Associated Press"), not the title.
TEST(Roles, OutletUnderAByline) {
  expect_roles({{"Harbour plan goes to a vote after months of delay", "title"},
                {"By Jon Gambrell and Bassem Mroue", "byline"},
                {"Associated Press", "byline"},
                {prose(1), "lead"},
                {prose(2), "paragraph"}});
}
