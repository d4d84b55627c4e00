#include <gtest/gtest.h>

#include "maqal/maqal.h"

TEST(Smoke, ParsesText) {
  auto r = maqal::parse_text("Hello world.");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.blocks.size(), 1u);
}
