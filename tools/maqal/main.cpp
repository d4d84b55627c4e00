// maqal: the command-line face of the core.  maqal parse [--html] [--no-entities] [--pretty] FILE|-
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "maqal/maqal.h"

namespace {

int usage() {
  std::cerr << "usage: maqal parse [--html] [--no-entities] [--pretty] FILE|-\n"
               "       maqal version\n"
               "Prints the article structure and entities of FILE (or standard input) as JSON.\n"
               "--no-entities: extraction only (structure and metadata, no entities, clusters or quotes).\n";
  return 2;
}

bool read_all(const std::string& path, std::string& out) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), {});
    return true;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  out = std::move(buffer).str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string_view command = argv[1];
  if (command == "version") {
    std::cout << maqal::kVersion << '\n';
    return 0;
  }
  if (command != "parse") return usage();
  maqal::Options options;
  bool pretty = false;
  std::string path;
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--html") options.html = true;
    else if (arg == "--no-entities") options.entities = false;
    else if (arg == "--pretty") pretty = true;
    else if (path.empty() && (arg == "-" || !arg.starts_with("--"))) path = arg;
    else return usage();
  }
  if (path.empty()) return usage();
  std::string input;
  if (!read_all(path, input)) {
    std::cerr << "maqal: cannot read " << path << '\n';
    return 2;
  }
  const maqal::Result result = maqal::parse(input, options);
  std::cout << maqal::to_json(result, pretty) << '\n';
  return result.error ? 1 : 0;
}
