#!/usr/bin/env bash
# The benchmark in one command: builds Maqal, installs the peers it is measured against
# (tools/bench/node_modules, pinned by tools/bench/package-lock.json; benchmark only, never shipped),
# then runs every part (tools/bench/run.mjs): a table on standard output, build/bench/results.json
# and build/bench/bench.svg. About five minutes; not part of the tests.
#   bash tools/bench.sh [--pages N] [--quick] [--update-docs]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

bash "$root/tools/build.sh" >/dev/null

# Peak memory is read with GNU time.
if [ ! -x /usr/bin/time ]; then
  echo "bench: installing time"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends time >/dev/null
fi
[ -d "$root/node_modules/playwright-core" ] || (cd "$root" && npm ci --no-audit --no-fund --ignore-scripts)
bench="$root/tools/bench"
if ! cmp -s "$bench/package-lock.json" "$bench/node_modules/.installed-lock.json"; then
  echo "bench: installing the peers (tools/bench/package-lock.json)"
  (cd "$bench" && npm ci --no-audit --no-fund --ignore-scripts)
  cp "$bench/package-lock.json" "$bench/node_modules/.installed-lock.json"
fi

node "$bench/run.mjs" "$@"
