// Helpers shared by the core tests: reading files of the repo and of ../shared.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace maqal::test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string repo_path(const std::string& relative) { return std::string(MAQAL_SOURCE_DIR) + "/" + relative; }

// The Arabic reference paste, kept in ../shared (beside the clone, in CI too).
inline std::string reference_paste() { return read_file(repo_path("../shared/samples/000_4e73025099dc559b.txt")); }

}  // namespace maqal::test
