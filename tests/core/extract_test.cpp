// Extraction only (Options::entities = false): the same blocks, roles, articles and metadata as a
// whole parse, without the entity stage's lists. Checked on the golden inputs and on the Readability
// test pages; the DOM feed with the option in Chromium (tests/e2e/dom_feed.test.mjs).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "maqal/maqal.h"
#include "test_util.h"

namespace {

maqal::Options extraction_only(bool html = false) {
  maqal::Options options;
  options.html = html;
  options.entities = false;
  return options;
}

// A whole parse's JSON with the entity stage's lists taken out: what extraction only must print.
std::string without_entities(maqal::Result full) {
  full.entities.clear();
  full.clusters.clear();
  full.quotes.clear();
  full.with_entities = false;
  return maqal::to_json(full);
}

TEST(Extract, GoldenInputsGiveTheWholeParseLessItsEntities) {
  std::istringstream list(maqal::test::read_file(maqal::test::repo_path("tests/golden/inputs.txt")));
  int dated = 0, compared = 0;
  for (std::string path; std::getline(list, path);) {
    if (path.empty() || path[0] == '#') continue;
    const std::string input = maqal::test::read_file(maqal::test::repo_path(path));
    ASSERT_FALSE(input.empty()) << path;
    const maqal::Result full = maqal::parse_text(input);
    const maqal::Result extracted = maqal::parse_text(input, extraction_only());
    EXPECT_EQ(maqal::to_json(extracted), without_entities(full)) << path;
    EXPECT_TRUE(extracted.entities.empty() && extracted.clusters.empty() && extracted.quotes.empty()) << path;
    for (const auto& a : extracted.articles) dated += a.published_iso.has_value();
    ++compared;
  }
  EXPECT_GE(compared, 5);
  EXPECT_GE(dated, 1) << "no dateline date read without the entity stage";
}

TEST(Extract, JsonLeavesTheEntityListsOut) {
  const std::string json = maqal::to_json(maqal::parse_text(
      "Tidal power\n\nMarch 14, 2024\n\nBrest opened the plant on Tuesday, said Anne Martin.", extraction_only()));
  EXPECT_EQ(json.find("\"entities\""), std::string::npos) << json;
  EXPECT_EQ(json.find("\"clusters\""), std::string::npos) << json;
  EXPECT_EQ(json.find("\"quotes\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"published_iso\":\"2024-03-14\""), std::string::npos) << json;
  // parse() carries the option too, for text and HTML.
  EXPECT_EQ(maqal::to_json(maqal::parse("Brest opened the plant.", extraction_only())).find("\"entities\""),
            std::string::npos);
  EXPECT_EQ(maqal::to_json(maqal::parse("<p>Brest opened the plant.</p>", extraction_only(true))).find("\"entities\""),
            std::string::npos);
}

TEST(Extract, BadInputIsTheSameError) {
  for (const std::string bad : {std::string(), std::string("a\0b", 3), std::string("\xC3\x28")}) {
    const maqal::Result r = maqal::parse_text(bad, extraction_only());
    ASSERT_TRUE(r.error);
    EXPECT_EQ(maqal::to_json(r), maqal::to_json(maqal::parse_text(bad)));
  }
  EXPECT_EQ(maqal::parse_dom_events("\x04", extraction_only()).error->code, "bad_events");
}

// Every third page: varied markup (44 pages, half of them dated) in a few seconds.
constexpr std::size_t kPageStride = 3;

TEST(Extract, ReadabilityTestPagesGiveTheWholeParseLessItsEntities) {
  namespace fs = std::filesystem;
  const fs::path pages = maqal::test::repo_path("../shared/data/readability-test-pages");
  if (!fs::exists(pages)) GTEST_SKIP() << "no ../shared/data";
  std::vector<fs::path> files;
  for (const auto& dir : fs::directory_iterator(pages))
    if (fs::exists(dir.path() / "source.html")) files.push_back(dir.path() / "source.html");
  std::sort(files.begin(), files.end());
  int compared = 0, published = 0;
  for (std::size_t i = 0; i < files.size(); i += kPageStride) {
    const fs::path& file = files[i];
    const std::string html = maqal::test::read_file(file.string());
    const maqal::Result full = maqal::parse_html(html);
    if (full.error) continue;
    const maqal::Result extracted = maqal::parse_html(html, extraction_only(true));
    EXPECT_EQ(maqal::to_json(extracted), without_entities(full)) << file;
    published += extracted.articles.at(0).published.has_value();
    ++compared;
  }
  EXPECT_GE(compared, 40);
  EXPECT_GE(published, 15);
}

}  // namespace
