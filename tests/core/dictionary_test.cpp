// The English word lists the name model reads (core/entities/dictionary.{h,cpp}, core/lang/en/dictionary.bin).
#include <gtest/gtest.h>

#include "entities/dictionary.h"
#include "lang/data.h"

namespace {

namespace dictionary = maqal::entities::dictionary;

TEST(Dictionary, CompiledListsKnowCommonWordsAndNames) {
  EXPECT_EQ(dictionary::listing("fund"), dictionary::kCommon);
  EXPECT_EQ(dictionary::listing("speaking"), dictionary::kCommon);   // by its base form "speak"
  EXPECT_EQ(dictionary::listing("harbour"), dictionary::kCommon);    // the British list
  EXPECT_EQ(dictionary::listing("brussels"), dictionary::kProper);
  EXPECT_EQ(dictionary::listing("europe's"), dictionary::kProper);   // possessive off
  EXPECT_EQ(dictionary::listing("bill"), dictionary::kCommon | dictionary::kProper);
  EXPECT_EQ(dictionary::listing("virtanen"), dictionary::kUnlisted);
}

TEST(Dictionary, FileRoundTrips) {
  dictionary::Sets sets;
  ASSERT_TRUE(sets.decode(dictionary::encode({"apple", "harbour"}, {"paris"})));
  EXPECT_EQ(sets.listing("apple"), dictionary::kCommon);
  EXPECT_EQ(sets.listing("apples"), dictionary::kCommon);
  EXPECT_EQ(sets.listing("paris"), dictionary::kProper);
  ASSERT_TRUE(sets.decode(dictionary::encode({}, {})));
  EXPECT_EQ(sets.listing("apple"), dictionary::kUnlisted);
}

TEST(Dictionary, MalformedFilesAreRejected) {
  const std::string good = dictionary::encode({"apple", "harbour", "tide"}, {"paris", "brest"});
  dictionary::Sets sets;
  std::string error;
  EXPECT_FALSE(sets.decode("", &error));
  EXPECT_FALSE(sets.decode("not a dictionary", &error));
  for (std::size_t n = 0; n < good.size(); ++n) EXPECT_FALSE(sets.decode(good.substr(0, n), &error)) << n;
  EXPECT_FALSE(sets.decode(good + "x", &error));
  EXPECT_EQ(error, "bytes after the dictionary");
  std::string huge = good;
  huge[13] = '\xFF', huge[14] = '\xFF', huge[15] = '\xFF', huge[16] = '\x7F';  // a count past the bytes
  EXPECT_FALSE(sets.decode(huge, &error));
  EXPECT_EQ(sets.listing("apple"), dictionary::kUnlisted);
  EXPECT_TRUE(sets.decode(maqal::data::file("en/dictionary.bin"), &error)) << error;
}

// A word newer than the list is common when what it is made from is (derivations.tsv); a word the
// list has, as a name or as a word, is left to its listing.
TEST(Dictionary, WordsMadeFromCommonWords) {
  for (const char* word : {"wellness", "sustainability", "hydration", "entrepreneurship"})
    EXPECT_TRUE(dictionary::derived_from_common(word)) << word;
  for (const char* word : {"harding", "sitemap", "kubernetes", "security", "well"})
    EXPECT_FALSE(dictionary::derived_from_common(word)) << word;
}

}  // namespace
