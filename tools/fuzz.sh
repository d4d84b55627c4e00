#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tools/fuzz/) and runs each in turn, seeded from the test corpora.
#   bash tools/fuzz.sh [--long] [--runs N | --seconds S] [--max-len B] [text] [html]
#   --runs N      executions per harness (default 100000); --seconds S: time per harness instead.
#   (default)     build/asan: ASan+UBSan, leak checks, max_len 4096 text / 8192 HTML. What CI runs briefly.
#   --long        the long campaign: build/fuzz-ubsan (UBSan only, -O2), max_len 1024, libFuzzer's plain
#                 scheduler (-entropic=0). CPU time of fuzz_text on the same 529 corpus inputs: ASan makes
#                 an execution 1.5x slower, the entropic scheduler's per-feature bookkeeping 2x (perf:
#                 half the time in UpdateFeatureFrequency); most bugs show on small inputs. Memory errors
#                 it cannot see: replay its corpus with the ASan build (bash tools/fuzz.sh --runs 0).
#   --max-len B   overrides max_len (e.g. a share of the long campaign at 8192).
# The corpus grows in build/fuzz/corpus/<harness> (shared by both modes); a crash, hang or broken invariant
# is written to build/fuzz/findings/<harness>/ and the command fails. Nice 19, one harness at a time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
limit=(-runs=100000)
long=false max_len_override=""
harnesses=()
while (($#)); do
  case "$1" in
    --runs) limit=(-runs="$2"); shift 2 ;;
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    --long) long=true; shift ;;
    --max-len) max_len_override=$2; shift 2 ;;
    text|html) harnesses+=("$1"); shift ;;
    *) echo "usage: $0 [--long] [--runs N | --seconds S] [--max-len B] [text] [html]" >&2; exit 2 ;;
  esac
done
((${#harnesses[@]})) || harnesses=(text html)

if $long; then
  bin=$root/build/fuzz-ubsan
  cmake -S "$root" -B "$bin" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAQAL_SANITIZE=ON -DMAQAL_SANITIZERS=undefined \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
  cmake --build "$bin" -j"$(nproc)" --target fuzz_text fuzz_html
  declare -A max_len=([text]=1024 [html]=1024)
  # Leaks are not checked without ASan.
  mode=(-entropic=0)
else
  bash "$root/tools/sanitize.sh" --build-only
  bin=$root/build/asan
  declare -A max_len=([text]=4096 [html]=8192)
  mode=()
fi
out=$root/build/fuzz

# Seeds, rebuilt each run from what the tests use: golden inputs, the language example sentences,
# and the shared reference paste and small HTML test pages when ../shared is there.
seed_text=$out/seeds/text seed_html=$out/seeds/html
rm -rf "$out/seeds" && mkdir -p "$seed_text" "$seed_html"
cp "$root"/tests/golden/inputs/* "$seed_text/"
for examples in "$root"/core/lang/*/*.examples.tsv; do
  grep -v '^#' "$examples" | awk -F'\t' -v dir="$seed_text" -v name="$(basename "$(dirname "$examples")")_$(basename "$examples" .tsv)" \
    '{ print $NF > (dir "/" name "_" NR ".txt"); close(dir "/" name "_" NR ".txt") }'
done
shared=$root/../shared
[ -d "$shared/samples" ] && cp "$shared"/samples/*.txt "$seed_text/"
if [ -d "$shared/data/readability-test-pages" ]; then
  for page in "$shared"/data/readability-test-pages/*/source.html; do
    (($(stat -c %s "$page") <= 32768)) && cp "$page" "$seed_html/$(basename "$(dirname "$page")").html"
  done
fi
printf '<p>%s</p>\n' "$(head -c 2000 "$seed_text/en_news.txt")" > "$seed_html/en_news.html"

status=0
for h in "${harnesses[@]}"; do
  mkdir -p "$out/corpus/$h" "$out/findings/$h"
  log=$out/$h-$(basename "$bin").log
  echo "fuzz: $h ($(basename "$bin"), ${limit[*]})"
  dict=()
  [ -f "$root/tools/fuzz/$h.dict" ] && dict=(-dict="$root/tools/fuzz/$h.dict")
  # The ASan build checks leaks too: a parse must free what it allocates. The timeout is wall time: generous,
  # because at nice 19 on a busy machine an input can wait seconds for the CPU.
  if ! nice -n 19 "$bin/fuzz_$h" "${limit[@]}" "${mode[@]}" "${dict[@]}" -max_len="${max_len_override:-${max_len[$h]}}" \
      -timeout=60 -report_slow_units=60 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/findings/$h/" \
      "$out/corpus/$h" "$out/seeds/$h" 2>"$log"; then
    status=1
    echo "fuzz: $h FOUND a problem: build/fuzz/findings/$h/ (log: $log)"
    grep -m5 -E 'ERROR|invariant|runtime error|SUMMARY' "$log" || true
  fi
  grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$log" | sed "s/^/fuzz: $h /"
  grep -E '^#[0-9]+' "$log" | tail -1 | sed "s/^/fuzz: $h last: /"  # coverage and corpus at the end
done
exit $status
