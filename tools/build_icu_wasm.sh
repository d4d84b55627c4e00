#!/usr/bin/env bash
# Cross-compiles ICU 72.1 (common + i18n) to wasm with emscripten and packs a
# subset of ICU's data, listed in tools/icu_data_items.txt, into libicudata.a.
#
#   bash tools/build_icu_wasm.sh [OUT_DIR]      (default: build/icu-wasm)
#
# Produces OUT_DIR/include/unicode/*.h, OUT_DIR/lib/{libicuuc,libicui18n,libicudata}.a
# and OUT_DIR/icudt72l.dat. libicudata.a defines icudt72_dat, the symbol ICU's
# stubdata would otherwise provide, so ICU finds its data with no init call.
# Every stage is stamped: a rerun with nothing changed takes seconds, and the
# data library is rebuilt only when the item list changes.
set -euo pipefail

ICU_VERSION=72.1
ICU_MAJOR=72
ICU_CFLAGS="-O2 -DU_CHARSET_IS_UTF8=1"
CONFIGURE_ARGS=(--host=wasm32-unknown-linux --enable-static --disable-shared
                --disable-tools --disable-tests --disable-samples --disable-extras
                --with-data-packaging=archive)

TOOLS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$TOOLS_DIR/.." && pwd)
OUT=${1:-$REPO_ROOT/build/icu-wasm}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
ITEMS_FILE=$TOOLS_DIR/icu_data_items.txt
CHECK_SRC=$TOOLS_DIR/icu-cross/icu_check.cpp

SRC_CACHE=$OUT/src                       # Debian's source package, kept across runs
ICU_SRC=$SRC_CACHE/icu-$ICU_VERSION      # unpacked tree, Debian's patches applied
CROSS=$OUT/cross                         # stand-in for a native ICU build
BUILD=$OUT/build                         # emconfigure/emmake tree
DATA=$OUT/data                           # data subset work dir
JOBS=$(nproc)

# Debian's emcc finds its JS dependencies (acorn) only through NODE_PATH.
export NODE_PATH=/usr/share/nodejs

# One build at a time per OUT_DIR (e.g. CI and a developer's run overlapping).
exec 9> "$OUT/.lock"
flock 9

log() { printf 'icu-wasm: %s\n' "$*"; }
die() { printf 'icu-wasm: error: %s\n' "$*" >&2; exit 1; }
t_start=$SECONDS

for tool in emcc em++ emar emconfigure emmake icupkg genccode dpkg-source apt-get node; do
  command -v "$tool" >/dev/null || die "$tool not found (run tools/setup.sh)"
done

# --- 1. ICU source from Debian's source package --------------------------------
ensure_deb_src() {
  # apt-get source needs deb-src entries; mirror the existing deb ones.
  if grep -Rqs -E '^(Types:.*deb-src|deb-src[[:space:]])' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return
  fi
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    sed -E 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb-src/' \
      /etc/apt/sources.list.d/debian.sources > /etc/apt/sources.list.d/debian-src.sources
  elif [[ -f /etc/apt/sources.list ]] && grep -q '^deb[[:space:]]' /etc/apt/sources.list; then
    sed -n -E 's/^deb([[:space:]])/deb-src\1/p' /etc/apt/sources.list > /etc/apt/sources.list.d/debian-src.list
  else
    die "no Debian apt sources found to derive a deb-src entry from"
  fi
  log "added deb-src entries; apt-get update"
  apt-get update -qq
}

if [[ ! -f $SRC_CACHE/icu_$ICU_VERSION.orig.tar.gz || ! -f $SRC_CACHE/.fetched ]]; then
  ensure_deb_src
  apt-cache showsrc icu 2>/dev/null | grep "^Version: $ICU_VERSION-" >/dev/null || apt-get update -qq
  mkdir -p "$SRC_CACHE"
  rm -f "$SRC_CACHE"/icu_*
  log "downloading Debian's icu source package"
  (cd "$SRC_CACHE" && apt-get source --download-only -qq icu) 2>&1 \
    | { grep -v '^W: Download is performed unsandboxed' || true; }
  [[ -f $SRC_CACHE/icu_$ICU_VERSION.orig.tar.gz ]] \
    || die "apt-get source icu did not yield icu_$ICU_VERSION.orig.tar.gz (got: $(ls "$SRC_CACHE"))"
  touch "$SRC_CACHE/.fetched"
  rm -f "$ICU_SRC/.unpacked"
fi

if [[ ! -f $ICU_SRC/.unpacked ]]; then
  rm -rf "$ICU_SRC"
  log "unpacking source (with Debian's patches: security fixes in common/)"
  dscs=("$SRC_CACHE"/icu_"$ICU_VERSION"-*.dsc)
  dpkg-source --no-copy -x "${dscs[-1]}" "$ICU_SRC" 2>&1 | { grep -E 'applying|error' || true; }
  [[ -f $ICU_SRC/source/configure && -f $ICU_SRC/source/data/in/icudt${ICU_MAJOR}l.dat ]] \
    || die "unpacked tree $ICU_SRC looks incomplete"
  touch "$ICU_SRC/.unpacked"
  rm -f "$BUILD/.configured"
fi

# --- 2. libicuuc.a + libicui18n.a with emscripten -------------------------------
# The stamp names everything that shapes the objects, so a changed flag rebuilds.
build_key="icu=$ICU_VERSION cflags=$ICU_CFLAGS args=${CONFIGURE_ARGS[*]} emcc=$(emcc -dumpversion 2>/dev/null)"

if [[ ! -f $BUILD/.configured || "$(cat "$BUILD/.configured")" != "$build_key" ]]; then
  # --with-cross-build only reads config/icucross.{mk,inc}; the tools it would
  # run come from Debian's icu-devtools (and common/i18n need none of them).
  rm -rf "$CROSS" && mkdir -p "$CROSS/config" "$CROSS/bin" "$CROSS/lib"
  for t in icupkg genccode gencmn genrb gensprep gendict genbrk gencnval gencfu gennorm2 makeconv pkgdata icuinfo; do
    if p=$(command -v "$t"); then ln -s "$p" "$CROSS/bin/$t"; fi
  done
  cat > "$CROSS/config/icucross.mk" <<EOF
CROSS_ICU_VERSION=$ICU_VERSION
TOOLEXEEXT=
TOOLBINDIR=\$(cross_buildroot)/bin
TOOLLIBDIR=\$(cross_buildroot)/lib
INVOKE=
PKGDATA_INVOKE=
EOF
  : > "$CROSS/config/icucross.inc"

  rm -rf "$BUILD" && mkdir -p "$BUILD"
  log "configuring ($build_key)"
  (cd "$BUILD" &&
   CFLAGS="$ICU_CFLAGS" CXXFLAGS="$ICU_CFLAGS" \
   emconfigure "$ICU_SRC/source/configure" "${CONFIGURE_ARGS[@]}" --with-cross-build="$CROSS" \
     > configure.log 2>&1) || { tail -n 30 "$BUILD/configure.log"; die "configure failed (see $BUILD/configure.log)"; }
  printf '%s' "$build_key" > "$BUILD/.configured"
fi

# make is incremental, so an interrupted build resumes where it stopped.
if [[ ! -f $BUILD/.built || "$(cat "$BUILD/.built")" != "$build_key" ||
      ! -f $OUT/lib/libicuuc.a || ! -f $OUT/lib/libicui18n.a ]]; then
  log "compiling common + i18n with $JOBS jobs (several minutes)"
  mkdir -p "$BUILD/lib" "$BUILD/bin"
  for dir in common i18n; do
    (cd "$BUILD/$dir" && emmake make -j"$JOBS" > make.log 2>&1) \
      || { tail -n 40 "$BUILD/$dir/make.log"; die "make in $dir failed (see $BUILD/$dir/make.log)"; }
  done

  mkdir -p "$OUT/lib"
  cp "$BUILD/lib/libicuuc.a" "$BUILD/lib/libicui18n.a" "$OUT/lib/"
  printf '%s' "$build_key" > "$BUILD/.built"
  rm -f "$OUT/include/.copied"
fi

# Public headers straight from the source tree (ICU installs nothing generated),
# and ICU's license, which must ship with anything that embeds it.
if [[ ! -f $OUT/include/.copied || ! -f $OUT/LICENSE.icu ]]; then
  rm -rf "$OUT/include" && mkdir -p "$OUT/include/unicode"
  cp "$ICU_SRC"/source/common/unicode/*.h "$ICU_SRC"/source/i18n/unicode/*.h "$OUT/include/unicode/"
  cp "$ICU_SRC/LICENSE" "$OUT/LICENSE.icu"
  touch "$OUT/include/.copied"
fi

# --- 3. Data subset -> libicudata.a ---------------------------------------------
[[ -f $ITEMS_FILE ]] || die "missing $ITEMS_FILE"
# icupkg wants bare item names (no icudt72l/ prefix), one per line. The
# checksum covers the names only, so editing a comment rebuilds nothing.
items=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' -e '/^$/d' "$ITEMS_FILE")
items_sum=$(printf '%s\n' "$items" | sha256sum | cut -d' ' -f1)

if [[ ! -f $DATA/.items.sha256 || "$(cat "$DATA/.items.sha256")" != "$items_sum" ||
      ! -f $OUT/lib/libicudata.a || ! -f $OUT/icudt${ICU_MAJOR}l.dat ]]; then
  mkdir -p "$DATA"
  if [[ ! -f $DATA/full/.extracted ]]; then
    rm -rf "$DATA/full" && mkdir -p "$DATA/full"
    icupkg -d "$DATA/full" -x '*' "$ICU_SRC/source/data/in/icudt${ICU_MAJOR}l.dat"
    touch "$DATA/full/.extracted"
  fi
  # Files are replaced (rm, then written), never written in place: a cache shared by hard links
  # between checkouts must keep its old files.
  rm -f "$DATA/items.lst" "$DATA/.items.sha256" "$OUT/icudt${ICU_MAJOR}l.dat"
  printf '%s\n' "$items" > "$DATA/items.lst"
  while read -r item; do
    [[ -f $DATA/full/$item ]] || die "item '$item' of $ITEMS_FILE is not in ICU $ICU_VERSION's data"
  done < "$DATA/items.lst"

  log "packing $(wc -l < "$DATA/items.lst") data items"
  rm -rf "$DATA/pkg" && mkdir -p "$DATA/pkg"
  # The package name fixes the ToC prefix ICU looks up: it must be icudt72l.
  # --ignore-deps: the subset deliberately leaves out items that others name
  # (root.res, the char/line/title rules, the break dictionaries).
  icupkg -tl --ignore-deps -s "$DATA/full" -a "$DATA/items.lst" new "$DATA/pkg/icudt${ICU_MAJOR}l.dat"
  # ICU looks for the linked-in entry point icudt72_dat (no endianness letter);
  # genccode names the symbol after the input file, hence the copy.
  cp "$DATA/pkg/icudt${ICU_MAJOR}l.dat" "$DATA/pkg/icudt${ICU_MAJOR}.dat"
  genccode -q -d "$DATA/pkg" "$DATA/pkg/icudt${ICU_MAJOR}.dat"
  grep -q "^} icudt${ICU_MAJOR}_dat={" "$DATA/pkg/icudt${ICU_MAJOR}_dat.c" \
    || die "genccode did not define icudt${ICU_MAJOR}_dat"
  emcc -c -O2 -I"$OUT/include" "$DATA/pkg/icudt${ICU_MAJOR}_dat.c" -o "$DATA/pkg/icudt${ICU_MAJOR}_dat.o"
  mkdir -p "$OUT/lib"
  rm -f "$OUT/lib/libicudata.a"
  emar rcs "$OUT/lib/libicudata.a" "$DATA/pkg/icudt${ICU_MAJOR}_dat.o"
  cp "$DATA/pkg/icudt${ICU_MAJOR}l.dat" "$OUT/icudt${ICU_MAJOR}l.dat"
  printf '%s' "$items_sum" > "$DATA/.items.sha256"
fi

# --- 4. Verify: the same program against Debian's full ICU and the wasm build ---
# Any difference in output means the subset lacks an item. Skipped when
# neither the libraries nor the check program changed since it last passed.
verify_key=$(cat "$OUT"/lib/lib*.a "$CHECK_SRC" | sha256sum | cut -d' ' -f1)
VERIFY=$OUT/verify
if [[ ! -f $VERIFY/.passed || "$(cat "$VERIFY/.passed")" != "$verify_key" ]]; then
  if ! pkg-config --exists icu-uc icu-i18n 2>/dev/null; then
    die "verification needs Debian's libicu-dev and pkg-config"
  fi
  native_ver=$(pkg-config --modversion icu-uc)
  [[ $native_ver == "$ICU_VERSION"* ]] || die "system ICU is $native_ver, verification needs $ICU_VERSION"
  rm -rf "$VERIFY" && mkdir -p "$VERIFY"
  # emcc's output is CommonJS; don't let a repo-level "type": "module" apply.
  echo '{"type": "commonjs"}' > "$VERIFY/package.json"
  log "verifying the subset against Debian's ICU $native_ver"
  # shellcheck disable=SC2046
  g++ -std=c++20 -O1 "$CHECK_SRC" -o "$VERIFY/check_native" $(pkg-config --cflags --libs icu-uc icu-i18n)
  em++ -std=c++20 -O1 "$CHECK_SRC" -o "$VERIFY/check.js" -I"$OUT/include" \
    "$OUT/lib/libicui18n.a" "$OUT/lib/libicuuc.a" "$OUT/lib/libicudata.a" -sENVIRONMENT=node -sSINGLE_FILE=1
  # Same default locale as emscripten's environment (LANG=C.UTF-8).
  LC_ALL=C.UTF-8 "$VERIFY/check_native" --full > "$VERIFY/native.txt"
  node "$VERIFY/check.js" --full > "$VERIFY/wasm.txt"
  if ! diff -u "$VERIFY/native.txt" "$VERIFY/wasm.txt" > "$VERIFY/diff.txt"; then
    head -n 60 "$VERIFY/diff.txt" >&2
    die "wasm ICU output differs from native ICU (full diff: $VERIFY/diff.txt); add the missing items to $ITEMS_FILE"
  fi
  node "$VERIFY/check.js" > "$VERIFY/summary.txt"
  cat "$VERIFY/summary.txt"
  log "verification passed: $(wc -l < "$VERIFY/native.txt") lines identical"
  printf '%s' "$verify_key" > "$VERIFY/.passed"
fi

# --- Report ---------------------------------------------------------------------
size() { stat -c %s "$1"; }
dat=$OUT/icudt${ICU_MAJOR}l.dat
log "libicuuc.a $(size "$OUT/lib/libicuuc.a") B, libicui18n.a $(size "$OUT/lib/libicui18n.a") B, libicudata.a $(size "$OUT/lib/libicudata.a") B"
log "data subset icudt${ICU_MAJOR}l.dat: $(size "$dat") B raw, $(gzip -9c "$dat" | wc -c) B gzip -9"
log "done in $((SECONDS - t_start)) s -> $OUT"
