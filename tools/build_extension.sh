#!/usr/bin/env bash
# Assembles the browser extension in build/extension/ (load it unpacked): web/extension/'s manifest
# and service worker plus the viewer page from web/ (an MV3 extension can only use files inside it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/build/extension}
[ -f "$root/web/gen/maqal-core.wasm" ] || { echo "build_extension: build the wasm first (tools/build.sh)" >&2; exit 1; }
version=$("$root/build/maqal" version)
rm -rf "$out"
mkdir -p "$out/gen" "$out/samples"
cp "$root/web/extension/background.js" "$out/"
sed "s/\"version\": \"0.0.0\"/\"version\": \"${version%%[-+]*}\"/" "$root/web/extension/manifest.json" > "$out/manifest.json"
cp "$root"/web/{index.html,style.css,engine-start.js,app.js,view.js,article.js,maqal.js,maqal-worker.js,maqal-worker-client.js,dom_feed.js} "$out/"
cp "$root"/web/gen/{maqal-core.mjs,maqal-core.wasm,LICENSE.icu} "$out/gen/"
cp "$root"/web/samples/*.txt "$out/samples/"
echo "build_extension: $out (version $version)"
