#!/usr/bin/env bash
# Builds the core and its tests with clang, AddressSanitizer and UndefinedBehaviorSanitizer (build/asan)
# and runs the tests there. --build-only: just build (tools/fuzz.sh uses the same build for its harnesses).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cmake -S "$root" -B "$root/build/asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAQAL_SANITIZE=ON \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$root/build/asan" -j"$(nproc)" --target maqal_tests fuzz_text fuzz_html
[ "${1:-}" = --build-only ] && exit 0
echo "test: core under ASan+UBSan (build/asan)"
ctest --test-dir "$root/build/asan" --output-on-failure
