// The lexicon's ICU names are a generated table (core/lang/common/icu_names.tsv): it must be what ICU
// gives now, or the native and wasm builds would know other places and months than ICU has.
#include <gtest/gtest.h>

#include <string>

#include "icu_names.h"
#include "lang/data.h"

TEST(IcuNames, TheTableIsWhatIcuGives) {
  const std::string table = maqal::tools::icu_names_table();
  EXPECT_EQ(maqal::data::rows("common/icu_names.tsv"), maqal::data::rows_of(table))
      << "regenerate: build/icu_names > core/lang/common/icu_names.tsv";
}
