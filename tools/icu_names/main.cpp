// Prints the table of place and date names the lexicon takes from ICU (see icu_names.h).
#include <cstdio>

#include "icu_names.h"

int main() {
  const std::string table = maqal::tools::icu_names_table();
  std::fwrite(table.data(), 1, table.size(), stdout);
  return 0;
}
