#!/usr/bin/env bash
# Instructions per token of the entity stage (entities::find_entities) and of the whole text parse
# (parse_text: segmentation, tokens, roles, articles, entities, quotes) under callgrind: repeatable
# where wall-clock time is not (a shared machine). Text: ~200 KB of the Arabic and English NER corpora
# as news paragraphs (tools/bench/inputs.mjs, as throughput.mjs makes them). maqal_bench calls the
# stage 4 times and the whole parse 2 times more with --runs 3 than with --runs 1; the difference,
# over those calls and the tokens, leaves out what happens once (lexicons, the models). Needs
# valgrind (apt-get install valgrind) and a native build.   bash tools/bench/instructions.sh
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
inclusive() {  # instructions inside function $2 in callgrind output $1
  callgrind_annotate --inclusive=yes --threshold=100 "$1" |
    awk -v f="$2" '!found && index($0, f) { gsub(",", "", $1); print $1; found = 1 }'  # reads on: no SIGPIPE
}
printf '%-8s %8s %28s %28s\n' text tokens 'entity stage, instr./token' 'whole parse, instr./token'
for name in ar en; do
  file=build/bench/instructions-$name.txt
  tokens=$(build/maqal_bench --runs 1 "$file" | sed -n 's/^ *\([0-9]*\) tokens:.*/\1/p')
  valgrind --tool=callgrind --callgrind-out-file="build/bench/callgrind-$name-1" build/maqal_bench --runs 1 "$file" >/dev/null 2>&1
  valgrind --tool=callgrind --callgrind-out-file="build/bench/callgrind-$name-3" build/maqal_bench --runs 3 "$file" >/dev/null 2>&1
  entities=$(( ($(inclusive "build/bench/callgrind-$name-3" ':maqal::entities::find_entities(') -
                $(inclusive "build/bench/callgrind-$name-1" ':maqal::entities::find_entities(')) / 4 / tokens ))
  parse=$(( ($(inclusive "build/bench/callgrind-$name-3" ':maqal::parse_text(') -
             $(inclusive "build/bench/callgrind-$name-1" ':maqal::parse_text(')) / 2 / tokens ))
  printf '%-8s %8d %28d %28d\n' "$name" "$tokens" "$entities" "$parse"
done
