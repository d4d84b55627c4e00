// Bad and extreme input: a clear error or a bounded result, never a crash.
#include <gtest/gtest.h>

#include "maqal/maqal.h"

namespace {

std::string error_code(std::string_view input) {
  const maqal::Result r = maqal::parse_text(input);
  return r.error ? r.error->code : "";
}

TEST(BadInput, GivesAnErrorDocument) {
  EXPECT_EQ(error_code(""), "empty");
  EXPECT_EQ(error_code("\n\n   \n"), "empty");
  EXPECT_EQ(error_code("\xFF\xFE binary"), "invalid_utf8");
  EXPECT_EQ(error_code(std::string("text\0more", 9)), "nul_byte");
  const std::string json = maqal::to_json(maqal::parse_text("\xC3"));
  EXPECT_EQ(json, R"({"error":{"code":"invalid_utf8","message":"invalid UTF-8 byte sequence at byte 0","offset":0}})");
}

TEST(BadInput, TooLargeIsRefusedBeforeAnyWork) {
  const std::string huge(maqal::kMaxInputBytes + 1, 'a');
  EXPECT_EQ(error_code(huge), "too_large");
}

TEST(BadInput, HtmlIsParsedAndItsBadInputRejected) {
  maqal::Options options;
  options.html = true;
  const maqal::Result r = maqal::parse("<p>hi</p>", options);
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.blocks.size(), 1u);
  EXPECT_EQ(r.blocks[0].text, "hi");
  EXPECT_EQ(maqal::parse("<p> </p><script>x()</script>", options).error->code, "empty");
  EXPECT_EQ(maqal::parse(std::string("<p>a\0b</p>", 9), options).error->code, "nul_byte");
}

TEST(ExtremeInput, DeeplyNestedHtmlStopsAtTheDepthBound) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "x";
  const maqal::Result r = maqal::parse_html(html);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "too_deep");
  std::string ok;
  for (int i = 0; i < 400; ++i) ok += "<div>";
  EXPECT_FALSE(maqal::parse_html(ok + "x").error);
}

TEST(ExtremeInput, ManyBulletsAndLongLinesStayLinear) {
  std::string bullets;
  for (int i = 0; i < 20000; ++i) bullets += "• item " + std::to_string(i) + "\n";
  const maqal::Result r = maqal::parse_text(bullets);
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.blocks.size(), 20000u);

  std::string line;
  for (int i = 0; i < 50000; ++i) line += "غزة ";
  const maqal::Result one = maqal::parse_text(line);
  ASSERT_FALSE(one.error);
  EXPECT_EQ(one.blocks.size(), 1u);
  EXPECT_EQ(one.entities.size(), 50000u);
}

TEST(ExtremeInput, BidiControlsAndZeroWidthCharacters) {
  const maqal::Result r = maqal::parse_text("\u200f\u202bغزة\u202c\u200d\n\u2066Gaza\u2069 \uFEFF");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.blocks.size(), 2u);
}

TEST(ExtremeInput, UnterminatedQuotesAndLoneMarks) {
  const maqal::Result r = maqal::parse_text("«بدون إغلاق\n\"\n“”\n•\n- \n1.");
  ASSERT_FALSE(r.error);
  EXPECT_TRUE(r.quotes.empty());
}

}  // namespace
