// The lexicon's ICU names are a generated table (core/lang/common/icu_names.tsv): it must be what ICU
// gives now, or the native and wasm builds would know other places and months than ICU has.
#include <gtest/gtest.h>

#include <string>

#include "icu_names.h"
#include "lang/data.h"

TEST(IcuNames, TheTableIsWhatIcuGives) {
  EXPECT_EQ(std::string(maqal::data::file("common/icu_names.tsv")), maqal::tools::icu_names_table())
      << "regenerate: build/icu_names > core/lang/common/icu_names.tsv";
}
