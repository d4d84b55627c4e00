// Clusters of mentions and the roles written before people's names (describe_clusters).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "maqal/maqal.h"

namespace {

std::vector<std::string> roles_of(const maqal::Result& r, const std::string& name) {
  for (const auto& c : r.clusters)
    if (c.type == "PER" && c.name == name) return c.roles;
  return {};
}

TEST(Clusters, ARoleLeavesTheProcliticWrittenOntoItsTitle) {
  const maqal::Result r = maqal::parse_text(
      "ووجه رئيس الوزراء الإسرائيلي بنيامين نتنياهو رسالة لِرئيس الوزراء البريطاني كير ستارمر. "
      "وتحدث نتنياهو للرئيس الأمريكي جو بايدن.\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(roles_of(r, "بنيامين نتنياهو"), std::vector<std::string>{"رئيس الوزراء الإسرائيلي"});
  EXPECT_EQ(roles_of(r, "كير ستارمر"), std::vector<std::string>{"رئيس الوزراء البريطاني"});
  // "لل" stands for ل and the article: the role keeps the article.
  EXPECT_EQ(roles_of(r, "جو بايدن"), std::vector<std::string>{"الرئيس الأمريكي"});
}

TEST(Clusters, AnEnglishRoleKeepsWhatItsTitleIsOf) {
  const maqal::Result r = maqal::parse_text(
      "Treasury Secretary Janet Yellen met Fed Chair Jerome Powell on Monday. When President Joe Biden spoke, "
      "Yellen listened.\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(roles_of(r, "Janet Yellen"), std::vector<std::string>{"Treasury Secretary"});
  EXPECT_EQ(roles_of(r, "Jerome Powell"), std::vector<std::string>{"Fed Chair"});
  EXPECT_EQ(roles_of(r, "Joe Biden"), std::vector<std::string>{"President"});  // not "When President"
  const maqal::Result senate = maqal::parse_text("Senate Majority Leader Chuck Schumer said the vote would go ahead. "
                                                 "Sen. Rand Paul voted against it.\n");
  EXPECT_EQ(roles_of(senate, "Chuck Schumer"), std::vector<std::string>{"Senate Majority Leader"});
  EXPECT_EQ(roles_of(senate, "Rand Paul"), std::vector<std::string>{"Sen."});  // an abbreviated title
}

TEST(Clusters, ARoleIsNoTitleWordInsideAnotherNameNorAcrossAVerb) {
  const maqal::Result r = maqal::parse_text(
      "Liverpool moved top of the Premier League on Saturday after Mohamed Salah scored twice. "
      "The President said Joe Biden would sign it.\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(roles_of(r, "Mohamed Salah"), std::vector<std::string>{});
  EXPECT_EQ(roles_of(r, "Joe Biden"), std::vector<std::string>{});
}

TEST(Clusters, ARoleSetOffByACommaAfterTheName) {
  const maqal::Result ar = maqal::parse_text(
      "قرر البنك المركزي تثبيت أسعار الفائدة. وقال حسن عبد الله، محافظ البنك المركزي، إن التضخم تراجع.\n");
  EXPECT_EQ(roles_of(ar, "حسن عبد الله"), std::vector<std::string>{"محافظ البنك المركزي"});
  const maqal::Result r = maqal::parse_text(
      "Olaf Scholz, the German Chancellor, said the talks would go on. Antony Blinken, the Secretary of State, "
      "agreed. Janet Yellen, who chairs the panel, and Joe Biden, President Emmanuel Macron said, disagreed.\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(roles_of(r, "Olaf Scholz"), std::vector<std::string>{"German Chancellor"});
  EXPECT_EQ(roles_of(r, "Antony Blinken"), std::vector<std::string>{"Secretary of State"});
  EXPECT_EQ(roles_of(r, "Janet Yellen"), std::vector<std::string>{});  // no title word
  EXPECT_EQ(roles_of(r, "Joe Biden"), std::vector<std::string>{});     // the title of the next person
}

TEST(Clusters, ACompanyNamedWithoutItsLegalFormIsOneCluster) {
  const maqal::Result r = maqal::parse_text(
      "Apple Inc shares fell 3% on Friday. Apple reported an 11% drop in China sales, and Apple said demand was weak.\n");
  ASSERT_FALSE(r.error);
  const auto apple = std::find_if(r.clusters.begin(), r.clusters.end(), [](const maqal::Cluster& c) { return c.name == "Apple Inc"; });
  ASSERT_NE(apple, r.clusters.end());
  EXPECT_EQ(apple->mentions.size(), 3u);
}

TEST(Clusters, AClusterIsNamedWithoutAPossessive) {
  const maqal::Result r = maqal::parse_text(
      "Jose Mourinho's side lost on Sunday. Mourinho said the team had played well.\n");
  ASSERT_FALSE(r.error);
  const auto person = std::find_if(r.clusters.begin(), r.clusters.end(), [](const maqal::Cluster& c) { return c.type == "PER"; });
  ASSERT_NE(person, r.clusters.end());
  EXPECT_EQ(person->name, "Jose Mourinho");  // not "Jose Mourinho's"
}

}  // namespace
