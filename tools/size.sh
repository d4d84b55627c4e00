#!/usr/bin/env bash
# Download size of the page: every file under web/ that a browser can load (all but the TypeScript
# types), raw and gzip -9, and the total. Usage: bash tools/size.sh [web-dir]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
web=${1:-$root/web}
total_raw=0 total_gz=0
printf '%-28s %10s %10s\n' file raw gzip
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  printf '%-28s %10d %10d\n' "${f#"$web"/}" "$raw" "$gz"
done < <(find "$web" -type f ! -name '*.d.ts' | sort)
awk -v r="$total_raw" -v g="$total_gz" 'BEGIN { printf "%-28s %10d %10d  (%.2f MB raw, %.2f MB gzip)\n", "total", r, g, r / 1e6, g / 1e6 }'
