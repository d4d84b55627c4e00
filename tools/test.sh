#!/usr/bin/env bash
# Runs every test: core unit and golden tests (ctest, then again under ASan+UBSan), a short run of each
# fuzz harness, wasm parity and browser end-to-end (node:test).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/tools/build.sh"
cd "$root"
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --ignore-scripts
echo "test: core (ctest)"
ctest --test-dir build --output-on-failure
bash tools/sanitize.sh  # the core tests again under ASan+UBSan (build/asan)
echo "test: each fuzz harness briefly (tools/fuzz.sh; findings in build/fuzz/findings)"
bash tools/fuzz.sh --seconds 20
echo "test: entity model regression floor (dev split of ../shared/data)"
build/train_ner --lang ar --eval-only --min-f1 0.79 | tail -1
build/train_ner --lang en --eval-only --min-f1 0.65 | tail -1
echo "test: wasm and browser (node:test)"
node --test tests/wasm/ tests/e2e/ tools/bench/
