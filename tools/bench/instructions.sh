#!/usr/bin/env bash
# Instructions per token of the entity stage (entities::find_entities) under callgrind: repeatable
# where wall-clock time is not (a shared machine). Text: ~200 KB of the Arabic and English NER corpora
# as news paragraphs (tools/bench/inputs.mjs, as throughput.mjs makes them). maqal_bench calls the
# stage 4 times more with --runs 3 than with --runs 1; the difference, over 4 calls and the tokens,
# leaves out what happens once (lexicons, the models). Needs valgrind (apt-get install valgrind) and a
# native build.   bash tools/bench/instructions.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
mkdir -p "$root/build/bench"
cd "$root"
node --input-type=module -e "
import { writeFileSync } from 'node:fs';
import { corpora, corpusText } from './tools/bench/inputs.mjs';
for (const [name, file] of [['ar', corpora.ar], ['en', corpora.en]])
  writeFileSync('build/bench/instructions-' + name + '.txt', corpusText(file, 200000));
"
collected() {  # instructions inside find_entities for maqal_bench --runs $2 on file $1
  valgrind --tool=callgrind --callgrind-out-file=/dev/null --toggle-collect='maqal::entities::find_entities*' \
    build/maqal_bench --runs "$2" "$1" 2>&1 | awk '/Collected/ { print $NF }'
}
printf '%-8s %8s %20s\n' text tokens 'instructions/token'
for name in ar en; do
  file=build/bench/instructions-$name.txt
  tokens=$(build/maqal_bench --runs 1 "$file" | sed -n 's/^ *\([0-9]*\) tokens:.*/\1/p')
  one=$(collected "$file" 1) three=$(collected "$file" 3)
  printf '%-8s %8d %20d\n' "$name" "$tokens" $(( (three - one) / 4 / tokens ))
done
