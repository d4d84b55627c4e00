#!/usr/bin/env bash
# Installs everything Maqal needs on Debian 12 (as root). Idempotent: a second run only checks.
set -euo pipefail

packages=(cmake g++ make pkg-config libicu-dev icu-devtools nlohmann-json3-dev googletest libgtest-dev
          emscripten binaryen chromium fonts-noto-core dpkg-dev python3 gzip
          clang libclang-rt-dev  # clang's ASan, UBSan and libFuzzer: tools/sanitize.sh, tools/fuzz.sh
          wamerican wbritish)    # English word lists: train_ner --write-dictionary (core/lang/en/dictionary.bin)
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's emcc finds its JS dependencies (acorn) only through NODE_PATH.
echo "setup: toolchain ready ($(cmake --version | head -1), node $(node --version))"
