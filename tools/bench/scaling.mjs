// Scaling from 1 KB to 10 MB, text (Arabic running text from ANERcorp) and HTML (WCXB pages laid end
// to end). Time: build/maqal_bench --pages (one process, warm, median of runs), so process start and
// ICU loading are not in it. Peak memory: the CLI `build/maqal parse` under /usr/bin/time (%M, peak
// RSS); what an input costs is its peak over the 1 KB input's (which has the lexicons, the name model
// and ICU's data loaded), per input byte. Beside it the wasm's memory after one parse in a fresh
// instance, over the 1 KB input's: what the page's worker keeps (a wasm memory never shrinks; it grows
// by a fifth at least, so it is coarse, and pages the allocator never touched are reserved, not resident).
// Alone, without the rest of the benchmark (needs build/maqal, build/maqal_bench and web/gen/; about a minute):
//   node tools/bench/scaling.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { concatenatedPages, corpora, corpusText, cutAt, outDir, root, wcxbPages } from './inputs.mjs';
import { nativePages } from './extract.mjs';

export const SIZES = [1e3, 1e4, 1e5, 1e6, 1e7];
const SUPER_LINEAR = 1.5;  // per-byte time growing more than this between two sizes is flagged
// Small inputs are cheap and noisy: more passes; 10 MB takes seconds: one (after maqal_bench's warm-up).
const runsFor = (size, runs) => (size <= 1e5 ? 3 * runs : size >= 1e7 ? 1 : runs);

function peakRssKb(file, html) {
  const args = ['-f', '%M', path.join(root, 'build/maqal'), 'parse', ...(html ? ['--html'] : []), file];
  const run = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`maqal parse ${file}: ${run.stderr || run.stdout.slice(0, 300)}`);
  return Number(run.stderr.trim().split('\n').pop());
}

// The wasm's memory after parsing the file in a fresh instance (tools/bench/wasm_memory.mjs), in KB.
function wasmMemoryKb(file, html) {
  const args = [path.join(root, 'tools/bench/wasm_memory.mjs'), ...(html ? ['--html'] : []), file];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wasm_memory.mjs ${file}: ${run.stderr.slice(0, 300)}`);
  return Number(run.stdout.trim()) / 1024;
}

export function scaling(pages, runs, sizes = SIZES) {
  const text = corpusText(corpora.ar, sizes.at(-1));
  const series = { text: [], html: [] };
  for (const kind of ['text', 'html']) {
    for (const size of sizes) {
      const input = kind === 'text' ? cutAt(text, size, ' ') : concatenatedPages(pages, size);
      const file = path.join(outDir, `scale-${kind}-${size}.${kind === 'text' ? 'txt' : 'html'}`);
      writeFileSync(file, input);
      const bytes = Buffer.byteLength(input);
      const ms = nativePages([{ file }], runsFor(size, runs), { html: kind === 'html' })[0];
      const peakKb = peakRssKb(file, kind === 'html');
      const wasmKb = wasmMemoryKb(file, kind === 'html');
      series[kind].push({ size, bytes, ms, nsPerByte: ms * 1e6 / bytes, peakKb, wasmKb });
    }
    markGrowth(series[kind]);
  }
  return { series };
}

/**
 * Adds to each step, smallest first, its memory over the first step's per input byte (native peak RSS,
 * and the wasm's memory when measured) and its growth.
 */
export function markGrowth(steps) {
  const over = (kb, baselineKb, step) => Math.max(0, kb - baselineKb) * 1024 / step.bytes;
  steps.forEach((step, i) => {
    const prev = steps[i - 1];
    step.memoryRatio = i ? over(step.peakKb, steps[0].peakKb, step) : null;
    if (step.wasmKb != null) step.wasmRatio = i ? over(step.wasmKb, steps[0].wasmKb, step) : null;
    step.growth = prev ? step.nsPerByte / prev.nsPerByte : null;
    step.superLinear = Boolean(prev && step.growth > SUPER_LINEAR);
  });
  return steps;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runsArg = process.argv.indexOf('--runs');
  mkdirSync(outDir, { recursive: true });
  const { series } = scaling(wcxbPages(100), runsArg > 0 ? Number(process.argv[runsArg + 1]) : 1);
  console.log('| input | size | time | ns/B | peak RSS | peak over 1 KB, per input byte | wasm memory | over 1 KB, per input byte |\n|---|---|---|---|---|---|---|---|');
  for (const [kind, steps] of Object.entries(series)) {
    for (const st of steps) {
      const flag = st.superLinear ? ` (super-linear: x${st.growth.toFixed(2)} per byte)` : '';
      console.log(`| ${kind} | ${st.bytes} B | ${st.ms.toFixed(2)} ms | ${st.nsPerByte.toFixed(0)}${flag} | ` +
        `${(st.peakKb / 1024).toFixed(1)} MB | ${st.memoryRatio == null ? '' : `${st.memoryRatio.toFixed(1)}x`} | ` +
        `${(st.wasmKb / 1024).toFixed(1)} MB | ${st.wasmRatio == null ? '' : `${st.wasmRatio.toFixed(1)}x`} |`);
    }
  }
}
