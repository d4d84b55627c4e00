// The class/id cue matcher both HTML stages share (core/html/class_cues.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html/class_cues.h"

namespace {

using maqal::html::ClassCueMatcher;
using maqal::html::ClassToken;

std::vector<const ClassToken*> tokens(ClassCueMatcher& matcher, std::string_view value) {
  std::vector<const ClassToken*> out;
  matcher.add_tokens(value, out);
  return out;
}

TEST(ClassCues, TokensAreSplitAtSpaceAndLowerCased) {
  ClassCueMatcher matcher;
  const auto found = tokens(matcher, "  Post-Body\tsidebar\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0]->text, "post-body");
  EXPECT_TRUE(found[0]->cues.positive);
  EXPECT_EQ(found[0]->cues.negative, nullptr);
  ASSERT_NE(found[1]->cues.negative, nullptr);
  EXPECT_EQ(*found[1]->cues.negative, "nav");
  EXPECT_FALSE(found[1]->cues.positive);
}

TEST(ClassCues, ACompoundSaysWhatItsLastCueSays) {
  ClassCueMatcher matcher;
  const auto related = tokens(matcher, "blog-related-posts")[0];
  EXPECT_FALSE(related->cues.positive);
  ASSERT_NE(related->cues.negative, nullptr);
  const auto content = tokens(matcher, "elementor-widget-theme-post-content")[0];
  EXPECT_TRUE(content->cues.positive);
  ASSERT_NE(content->cues.negative, nullptr);  // "widget" is still noted: the content stage lifts such boxes
}

TEST(ClassCues, PartsAreWholeParts) {
  ClassCueMatcher matcher;
  EXPECT_TRUE(tokens(matcher, "entry-title")[0]->cues.positive);
  EXPECT_FALSE(tokens(matcher, "entryway")[0]->cues.positive);  // "entry" is a part cue, not a substring
}

TEST(ClassCues, PromoIsAPartNotAPromotedNode) {
  ClassCueMatcher matcher;
  for (const char* box : {"promo-bar", "m-promo", "et_pb_promo", "promotion-container"}) {
    const auto* token = tokens(matcher, box)[0];
    ASSERT_NE(token->cues.negative, nullptr) << box;
    EXPECT_EQ(*token->cues.negative, "ad") << box;
  }
  EXPECT_EQ(tokens(matcher, "node--promoted")[0]->cues.negative, nullptr);  // a CMS's flag, the article itself
}

TEST(ClassCues, ABoxOfTwoThingsIsNoFurniture) {
  // As Readability's "maybe a candidate": "and" joins the article's text and a box beside it.
  ClassCueMatcher matcher;
  EXPECT_EQ(tokens(matcher, "map-and-related")[0]->cues.negative, nullptr);
  EXPECT_EQ(tokens(matcher, "header_and_footer")[0]->cues.negative, nullptr);
  EXPECT_NE(tokens(matcher, "related-posts")[0]->cues.negative, nullptr);
  EXPECT_NE(tokens(matcher, "sandbox-footer")[0]->cues.negative, nullptr);  // "and" only as a whole part
}

TEST(ClassCues, ATeaserComponentIsNoFurniture) {
  // Content systems name any box of a title and text a "teaser" (Adobe's "cmp-teaser"); teasers of
  // other posts are told apart by their shape at the content's end (content.cpp), not by the class.
  ClassCueMatcher matcher;
  EXPECT_EQ(tokens(matcher, "cmp-teaser__description")[0]->cues.negative, nullptr);
}

TEST(ClassCues, BylinePartsSplitAtCamelCase) {
  ClassCueMatcher matcher;
  EXPECT_TRUE(tokens(matcher, "post__author-date")[0]->cues.byline);
  EXPECT_TRUE(tokens(matcher, "authorName")[0]->cues.byline);
  EXPECT_FALSE(tokens(matcher, "authorization")[0]->cues.byline);
  EXPECT_TRUE(tokens(matcher, "article-BYLINE")[0]->cues.byline);  // a substring cue, any case
  EXPECT_FALSE(tokens(matcher, "authorname")[0]->cues.byline);       // no capital: one part
}

TEST(ClassCues, EachDistinctTokenIsMatchedOnceAndSurvivesAMove) {
  ClassCueMatcher matcher;
  const ClassToken* first = tokens(matcher, "menu")[0];
  EXPECT_EQ(tokens(matcher, "nav-x menu")[1], first);
  EXPECT_NE(tokens(matcher, "Menu")[0], first);  // keyed as written: bylines read the capitals
  ClassCueMatcher moved = std::move(matcher);
  EXPECT_EQ(tokens(moved, "menu")[0], first);
  EXPECT_EQ(first->text, "menu");
}

}  // namespace
