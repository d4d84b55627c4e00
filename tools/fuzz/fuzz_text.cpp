// libFuzzer harness for the plain-text entry point (tools/fuzz.sh builds and runs it).
#include "check.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  maqal::fuzz::warm_up();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  maqal::fuzz::check(input, maqal::parse_text(input));
  return 0;
}
