#!/usr/bin/env bash
# Builds everything: set-up, the native CLI and tests (build/), ICU for wasm (build/icu-wasm, cached)
# and the wasm module (web/gen/). Safe to rerun: each step only redoes what changed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=$(nproc)

bash "$root/tools/setup.sh"

# Gumbo's C sources come from the npm package gumbo-parser (pinned in package-lock.json).
[ -d "$root/node_modules/gumbo-parser" ] || (cd "$root" && npm ci --no-audit --no-fund --ignore-scripts)

echo "build: native"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" -j"$jobs"

bash "$root/tools/build_icu_wasm.sh" "$root/build/icu-wasm"

echo "build: wasm"
export NODE_PATH=/usr/share/nodejs  # Debian's emcc finds acorn there
emcmake cmake -S "$root" -B "$root/build/wasm" -DCMAKE_BUILD_TYPE=Release \
  -DMAQAL_ICU_WASM_DIR="$root/build/icu-wasm" >/dev/null
cmake --build "$root/build/wasm" -j"$jobs"
cp "$root/build/icu-wasm/LICENSE.icu" "$root/web/gen/"  # the wasm carries ICU data: its licence goes with it

bash "$root/tools/build_extension.sh"
echo "build: done (build/maqal, web/gen/maqal-core.mjs + .wasm, build/extension/)"
