// Runs the example cases kept beside the language data (core/lang/*/*.examples.tsv).
#include <gtest/gtest.h>

#include <algorithm>

#include "maqal/maqal.h"
#include "structure/cues.h"
#include "test_util.h"
#include "text/tokens.h"

namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows example_rows(const std::string& file) {
  Rows rows;
  std::istringstream in(maqal::test::read_file(maqal::test::repo_path("core/lang/" + file)));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::size_t from = 0;
    for (std::size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
      fields.push_back(line.substr(from, tab - from));
    fields.push_back(line.substr(from));
    rows.push_back(std::move(fields));
  }
  return rows;
}

class CueExamples : public testing::TestWithParam<std::string> {};

TEST_P(CueExamples, LinesGetTheirCue) {
  const Rows rows = example_rows(GetParam());
  ASSERT_GT(rows.size(), 10u) << GetParam();
  for (const auto& row : rows) {
    ASSERT_GE(row.size(), 2u);
    const std::string& expected = row[0];
    const std::string& line = row[1];
    auto cue = maqal::structure::match_cue(line, maqal::text::tokenize(line));
    if (expected == "-") {
      EXPECT_FALSE(cue) << line << " matched " << (cue ? cue->role : "");
      continue;
    }
    ASSERT_TRUE(cue) << line;
    EXPECT_EQ(cue->kind.empty() ? cue->role : cue->role + ":" + cue->kind, expected) << line;
    if (row.size() > 2 && !row[2].empty()) EXPECT_EQ(cue->value, row[2]) << line;
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, CueExamples, testing::Values("ar/cues.examples.tsv", "en/cues.examples.tsv"));

class EntityExamples : public testing::TestWithParam<std::string> {};

TEST_P(EntityExamples, SentencesYieldTheirEntity) {
  const Rows rows = example_rows(GetParam());
  ASSERT_GT(rows.size(), 10u) << GetParam();
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 4u);
    const auto& [type, text, norm, sentence] = std::tie(row[0], row[1], row[2], row[3]);
    const maqal::Result r = maqal::parse_text(sentence);
    ASSERT_FALSE(r.error) << sentence;
    const auto found = std::find_if(r.entities.begin(), r.entities.end(),
                                    [&text = text](const maqal::Entity& e) { return e.text == text; });  // clang 14: no capture of a binding
    if (type == "-") {
      EXPECT_EQ(found, r.entities.end()) << sentence << ": " << text << " is not an entity";
      continue;
    }
    ASSERT_NE(found, r.entities.end()) << sentence << ": no entity " << text;
    EXPECT_EQ(found->type, type) << sentence;
    EXPECT_EQ(found->norm, norm) << sentence;
    EXPECT_EQ(sentence.substr(found->span.start8, found->span.end8 - found->span.start8), text);
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, EntityExamples,
                         testing::Values("ar/entities.examples.tsv", "en/entities.examples.tsv"));

class QuoteExamples : public testing::TestWithParam<std::string> {};

// Paragraphs written " ¶ "-separated in the example file, as a paste lays them out.
std::string paragraphs(std::string text) {
  for (std::size_t at; (at = text.find(" \u00b6 ")) != std::string::npos;) text.replace(at, 4, "\n\n");
  return text;
}

TEST_P(QuoteExamples, QuotesGetTheirSpeaker) {
  const Rows rows = example_rows(GetParam());
  ASSERT_GE(rows.size(), 4u) << GetParam();
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 4u);
    // Named references, not a structured binding: clang 14 cannot capture one in the lambda below.
    const std::string &speaker = row[0], &clusters = row[1], &begins = row[2], &written = row[3];
    const std::string text = paragraphs(written);
    const maqal::Result r = maqal::parse_text(text);
    ASSERT_FALSE(r.error) << text;
    const auto quote = std::find_if(r.quotes.begin(), r.quotes.end(),
                                    [&](const maqal::Quote& q) { return q.text.rfind(begins, 0) == 0; });
    ASSERT_NE(quote, r.quotes.end()) << text << ": no quote begins " << begins;
    EXPECT_EQ(quote->speaker.value_or("-"), speaker) << text;
    if (clusters.empty()) continue;
    std::string names;
    for (int c : quote->speaker_clusters) names += (names.empty() ? "" : " | ") + r.clusters.at(c).name;
    EXPECT_EQ(names, clusters) << text;
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, QuoteExamples,
                         testing::Values("ar/quotes.examples.tsv", "en/quotes.examples.tsv"));

}  // namespace
