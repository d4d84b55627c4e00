#!/usr/bin/env bash
# Builds everything and serves the page: prints its URL and serves until Ctrl-C.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/tools/build.sh"
exec node "$root/tools/serve.mjs" --root "$root/web" "$@"
