// libFuzzer harness for the plain-text entry point (tools/fuzz.sh builds and runs it).
#include "check.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  maqal::fuzz::warm_up();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  maqal::Result result = maqal::parse_text(input);
  maqal::fuzz::check(input, result);
  maqal::fuzz::check_extraction_only(input, std::move(result),
                                     [](std::string_view in, const maqal::Options& o) { return maqal::parse_text(in, o); });
  return 0;
}
