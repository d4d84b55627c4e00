// Golden outputs: the whole JSON of every input in tests/golden/inputs.txt must stay as reviewed.
// After an intended change: MAQAL_UPDATE_GOLDEN=1 build/maqal_tests --gtest_filter='Golden*',
// then review the diff of tests/golden/expected/.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "maqal/maqal.h"
#include "test_util.h"

namespace {

std::vector<std::string> golden_inputs() {
  std::vector<std::string> paths;
  std::istringstream in(maqal::test::read_file(maqal::test::repo_path("tests/golden/inputs.txt")));
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') paths.push_back(line);
  return paths;
}

TEST(Golden, EveryInputMatchesItsReviewedOutput) {
  const auto inputs = golden_inputs();
  ASSERT_GE(inputs.size(), 5u);
  const bool update = std::getenv("MAQAL_UPDATE_GOLDEN") != nullptr;
  for (const auto& path : inputs) {
    const std::string input = maqal::test::read_file(maqal::test::repo_path(path));
    ASSERT_FALSE(input.empty()) << path;
    const std::string actual = maqal::to_json(maqal::parse_text(input), true) + "\n";
    const std::string expected_path = maqal::test::repo_path(
        "tests/golden/expected/" + std::filesystem::path(path).stem().string() + ".json");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    const std::string expected = maqal::test::read_file(expected_path);
    if (actual == expected) continue;
    // Report the first line that differs, not two whole documents.
    std::istringstream a(actual), e(expected);
    std::string a_line, e_line;
    int line = 1;
    while (std::getline(a, a_line) && std::getline(e, e_line) && a_line == e_line) ++line;
    ADD_FAILURE() << path << " differs from " << expected_path << " at line " << line << "\n  expected: " << e_line
                  << "\n  actual:   " << a_line;
  }
}

}  // namespace
