#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tools/fuzz/, in build/asan with clang, ASan and UBSan) and runs each in
# turn, seeded from the test corpora. Usage: bash tools/fuzz.sh [--runs N | --seconds S] [text] [html]
#   --runs N      executions per harness (default 100000); --seconds S: time per harness instead.
# The corpus grows in build/fuzz/corpus/<harness>; a crash, hang or broken invariant is written to
# build/fuzz/findings/<harness>/ and the command fails. Runs at nice 19, one harness at a time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
limit=(-runs=100000)
harnesses=()
while (($#)); do
  case "$1" in
    --runs) limit=(-runs="$2"); shift 2 ;;
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    text|html) harnesses+=("$1"); shift ;;
    *) echo "usage: $0 [--runs N | --seconds S] [text] [html]" >&2; exit 2 ;;
  esac
done
((${#harnesses[@]})) || harnesses=(text html)

bash "$root/tools/sanitize.sh" --build-only
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

declare -A max_len=([text]=4096 [html]=8192)
status=0
for h in "${harnesses[@]}"; do
  mkdir -p "$out/corpus/$h" "$out/findings/$h"
  echo "fuzz: $h (${limit[*]})"
  dict=()
  [ -f "$root/tools/fuzz/$h.dict" ] && dict=(-dict="$root/tools/fuzz/$h.dict")
  # Leaks are checked too: a parse must free what it allocates. The timeout is wall time: generous,
  # because at nice 19 on a busy machine an input can wait seconds for the CPU.
  if ! nice -n 19 "$root/build/asan/fuzz_$h" "${limit[@]}" "${dict[@]}" -max_len="${max_len[$h]}" -timeout=60 -report_slow_units=60 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/findings/$h/" \
      "$out/corpus/$h" "$out/seeds/$h" 2>"$out/$h.log"; then
    status=1
    echo "fuzz: $h FOUND a problem: build/fuzz/findings/$h/ (log: build/fuzz/$h.log)"
    grep -m5 -E 'ERROR|invariant|runtime error|SUMMARY' "$out/$h.log" || true
  fi
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$out/$h.log" | sed "s/^/fuzz: $h /"
done
exit $status
