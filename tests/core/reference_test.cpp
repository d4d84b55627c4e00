// The Arabic reference paste (../shared/samples/000_4e73025099dc559b.txt), line by line.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "maqal/maqal.h"
#include "test_util.h"

namespace {

class ReferencePaste : public testing::Test {
 protected:
  void SetUp() override {
    input_ = maqal::test::reference_paste();
    ASSERT_FALSE(input_.empty()) << "../shared/samples/000_4e73025099dc559b.txt is missing";
    result_ = maqal::parse_text(input_);
    ASSERT_FALSE(result_.error);
    for (const auto& b : result_.blocks)
      by_line_[1 + std::count(input_.begin(), input_.begin() + b.span.start8, '\n')] = &b;
  }

  const maqal::Block& line(int n) {
    EXPECT_TRUE(by_line_.count(n)) << "no block on line " << n;
    return *by_line_[n];
  }

  bool has_entity(const std::string& type, const std::string& text) const {
    return std::any_of(result_.entities.begin(), result_.entities.end(),
                       [&](const maqal::Entity& e) { return e.type == type && e.text == text; });
  }

  std::string input_;
  maqal::Result result_;
  std::map<long, const maqal::Block*> by_line_;
};

TEST_F(ReferencePaste, EveryLineHasItsRoleAndArticle) {
  EXPECT_EQ(result_.lang, "ar");
  EXPECT_EQ(result_.dir, "rtl");
  EXPECT_EQ(line(1).role, "lead");
  for (int n : {3, 7, 9, 11}) EXPECT_EQ(line(n).role, "paragraph") << n;
  for (int n : {1, 3, 7, 9, 11, 13, 15}) EXPECT_EQ(line(n).article, 0) << n;
  // Line 5 runs two other stories' headlines together: two teasers, outside every article.
  std::vector<std::string> teasers;
  for (const auto& b : result_.blocks)
    if (b.role == "teaser") teasers.push_back(b.text);
  EXPECT_EQ(teasers, (std::vector<std::string>{"البند السابع.. مشروع قرار في مجلس الأمن لفرض وقف إطلاق النار في غزة",
                                               "خبير استراتيجي: إسرائيل فشلت في حربها داخل قطاع غزة"}));
  EXPECT_EQ(line(5).article, std::nullopt);
  EXPECT_EQ(line(13).role, "source");
  EXPECT_EQ(line(15).role, "tags");
  EXPECT_EQ(line(17).role, "read_also");
  EXPECT_EQ(line(19).role, "title");
  EXPECT_EQ(line(21).role, "lead");
  for (int n = 19; n <= 33; n += 2) EXPECT_EQ(line(n).article, 1) << n;
  for (int n = 23; n <= 33; n += 2) EXPECT_EQ(line(n).role, "paragraph") << n;
  EXPECT_EQ(line(35).role, "related");
  for (int n = 37; n <= 46; ++n) {
    EXPECT_EQ(line(n).role, "related") << n;
    EXPECT_TRUE(line(n).bullet) << n;
  }
  for (const auto& b : result_.blocks) EXPECT_EQ(b.dir, "rtl") << b.text;
}

TEST_F(ReferencePaste, ArticlesCarryTheirMetadata) {
  ASSERT_EQ(result_.articles.size(), 2u);
  const maqal::Article& main = result_.articles[0];
  EXPECT_EQ(main.kind, "main");
  EXPECT_EQ(main.title, std::nullopt);  // the paste starts with its lead: no title is invented
  EXPECT_EQ(main.source, "صدى البلد");
  EXPECT_EQ(main.tags, (std::vector<std::string>{"غزة", "فلسطين", "الاحتلال", "إسرائيل", "الاحتلال الاسرائيلي"}));
  ASSERT_EQ(main.related.size(), 10u);
  EXPECT_EQ(main.related[1].article, 1);  // line 38 repeats the secondary article's title
  EXPECT_EQ(main.related[0].article, std::nullopt);
  EXPECT_EQ(std::count(main.body.begin(), main.body.end(), '\n'), 8);  // 5 paragraphs
  EXPECT_EQ(main.body.find("البند السابع"), std::string::npos);         // the teaser is not body

  const maqal::Article& second = result_.articles[1];
  EXPECT_EQ(second.kind, "secondary");
  EXPECT_EQ(second.title, "نتنياهو يدعو إلى إرسال المزيد من المساعدات إلى غزة");
  EXPECT_TRUE(second.body.starts_with("دعا مكتب رئيس الوزراء"));
  EXPECT_EQ(std::count(second.body.begin(), second.body.end(), '\n'), 12);  // 7 paragraphs
}

TEST_F(ReferencePaste, PlacesDatesAndNumbers) {
  for (const char* place : {"غزة", "قطاع غزة", "لبنان", "إسرائيل", "إيران", "الولايات المتحدة", "تل أبيب"})
    EXPECT_TRUE(has_entity("LOC", place)) << place;
  EXPECT_TRUE(has_entity("DATE", "الجمعة"));
  EXPECT_TRUE(has_entity("DATE", "الأربعاء"));
  EXPECT_TRUE(has_entity("DATE", "الثاني من مارس"));
  EXPECT_TRUE(has_entity("DATE", "أواخر مايو"));
  EXPECT_TRUE(has_entity("DATE", "وهذا الأسبوع"));  // the span covers the word as written, و included
  EXPECT_TRUE(has_entity("NUMBER", "أكثر من مليوني"));
  for (const char* org : {"الخارجية الأمريكية", "مجلس الأمن", "الأمم المتحدة", "حماس", "صدى البلد"})
    EXPECT_TRUE(has_entity("ORG", org)) << org;
  for (const char* person : {"أنتوني بلينكن", "رون ديرمر", "بنيامين نتنياهو"}) EXPECT_TRUE(has_entity("PER", person));
  // People: full names, and the bare surname later in the paste in the same cluster.
  auto cluster_of = [&](const std::string& text) {
    for (const auto& e : result_.entities)
      if (e.type == "PER" && e.text == text) return e.cluster;
    return -1;
  };
  EXPECT_NE(cluster_of("أنتوني بلينكن"), -1);
  EXPECT_EQ(cluster_of("بلينكن"), cluster_of("أنتوني بلينكن"));
  EXPECT_EQ(cluster_of("ديرمر"), cluster_of("رون ديرمر"));
  EXPECT_EQ(cluster_of("نتنياهو"), cluster_of("بنيامين نتنياهو"));
  // Roles attached to people: the titles written before their names.
  auto roles_of = [&](const std::string& name) {
    for (const auto& c : result_.clusters)
      if (c.type == "PER" && c.name == name) return c.roles;
    return std::vector<std::string>{};
  };
  EXPECT_EQ(roles_of("أنتوني بلينكن"), std::vector<std::string>{"وزير الخارجية الأمريكي"});
  EXPECT_EQ(roles_of("بنيامين نتنياهو"), std::vector<std::string>{"رئيس الوزراء الإسرائيلي"});
  // Every mention of Gaza is one cluster.
  std::set<int> gaza;
  for (const auto& e : result_.entities)
    if (e.norm == "Gaza") gaza.insert(e.cluster);
  EXPECT_EQ(gaza.size(), 1u);
}

TEST_F(ReferencePaste, SpansPointIntoTheInput) {
  for (const auto& e : result_.entities)
    EXPECT_EQ(input_.substr(e.span.start8, e.span.end8 - e.span.start8), e.text);
  for (const auto& b : result_.blocks)
    EXPECT_EQ(input_.substr(b.span.start8, b.span.end8 - b.span.start8), b.text);
  const maqal::Block& first = line(1);
  EXPECT_EQ(first.span.start16, 0u);
  EXPECT_EQ(first.span.end16, 160u);  // code units, as JavaScript counts them
}

TEST_F(ReferencePaste, QuotedStatements) {
  EXPECT_GE(result_.quotes.size(), 8u);
  for (const auto& q : result_.quotes) EXPECT_NE(q.text, "إكس");  // a quoted name is not a statement
  EXPECT_TRUE(result_.quotes[0].text.starts_with("أهمية إنهاء الحرب"));
  // Blinken for lines 3, 7 and 11; the two ministers (Blinken and Dermer) for line 9; Netanyahu's
  // office for lines 23-27, the last two by "وأضاف:" and "وتابع:" carrying the speaker on.
  std::map<long, std::vector<const maqal::Quote*>> by_line;
  for (const auto& q : result_.quotes)
    by_line[1 + std::count(input_.begin(), input_.begin() + q.span.start8, '\n')].push_back(&q);
  const auto cluster_of = [&](const std::string& name) {
    for (const auto& c : result_.clusters)
      if (c.name == name) return c.id;
    return -1;
  };
  const int blinken = cluster_of("أنتوني بلينكن"), dermer = cluster_of("رون ديرمر"),
            netanyahu = cluster_of("بنيامين نتنياهو");
  for (long n : {3L, 7L, 11L}) {
    ASSERT_FALSE(by_line[n].empty()) << "line " << n;
    for (const auto* q : by_line[n]) {
      EXPECT_EQ(q->speaker.value_or("?"), "أنتوني بلينكن") << "line " << n;
      EXPECT_EQ(q->speaker_clusters, std::vector<int>{blinken}) << "line " << n;
    }
  }
  ASSERT_EQ(by_line[9].size(), 1u);
  EXPECT_EQ(by_line[9][0]->speaker.value_or("?"), "الوزيران");
  EXPECT_EQ(by_line[9][0]->speaker_clusters, (std::vector<int>{blinken, dermer}));
  for (long n : {23L, 25L, 27L}) {
    ASSERT_EQ(by_line[n].size(), 1u) << n;
    EXPECT_EQ(by_line[n][0]->speaker.value_or("?"), "مكتب بنيامين نتنياهو") << "line " << n;
    EXPECT_EQ(by_line[n][0]->speaker_clusters, std::vector<int>{netanyahu}) << "line " << n;
  }
}

}  // namespace
