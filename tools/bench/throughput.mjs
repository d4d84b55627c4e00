// Throughput, native vs wasm in Node, on ~1 MB of Arabic and of English news text made from the NER
// corpora in ../shared/data (sentences as lines, five to a paragraph): the whole parse (the CLI vs the
// page's module, JSON included), then the entity stage alone (maqal_bench, built native and wasm).
//   node tools/bench/throughput.mjs [--mb 1] [--runs 3]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpora, corpusText, countTokens, root } from './inputs.mjs';
import { median } from './timing.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const targetBytes = arg('--mb', 1) * 1e6;
const runs = arg('--runs', 3);

const { createMaqal } = await import(path.join(root, 'web/maqal.js'));
const maqal = await createMaqal({ wasmBinary: readFileSync(path.join(root, 'web/gen/maqal-core.wasm')) });
mkdirSync(path.join(root, 'build/bench'), { recursive: true });

const sets = { Arabic: corpora.ar, English: corpora.en };
console.log('text     bytes     tokens   native ms  native tok/s   wasm ms  wasm tok/s  wasm/native');
for (const [name, file] of Object.entries(sets)) {
  const text = corpusText(file, targetBytes);
  const tokens = countTokens(text);
  const input = path.join(root, `build/bench/${name}.txt`);
  writeFileSync(input, text);
  const native = [], wasm = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    execFileSync(path.join(root, 'build/maqal'), ['parse', input], { maxBuffer: 1 << 30 });
    native.push(performance.now() - t);
    t = performance.now();
    maqal.parseJson(text);
    wasm.push(performance.now() - t);
  }
  const n = median(native), w = median(wasm);
  console.log(`${name.padEnd(8)} ${String(Buffer.byteLength(text)).padStart(8)} ${String(tokens).padStart(9)} ` +
    `${n.toFixed(0).padStart(10)} ${(tokens / n * 1000 / 1e6).toFixed(2).padStart(10)}M ${w.toFixed(0).padStart(9)} ` +
    `${(tokens / w * 1000 / 1e6).toFixed(2).padStart(9)}M ${(w / n).toFixed(2).padStart(10)}x`);
}
console.log(`median of ${runs} runs; native includes process start and JSON output, wasm includes JSON.`);

// The entity stage: maqal_bench's own timing (median of its runs) in both builds, tokens as the
// tokenizer counts them (punctuation included).
execFileSync('cmake', ['--build', path.join(root, 'build/wasm'), '--target', 'maqal_bench_wasm'], {
  stdio: 'ignore', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
const stage = (command, args) => {
  const out = execFileSync(command, args, { maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const m = out.match(/(\d+) tokens: entity stage (\d+) tokens\/s, whole parse (\d+) tokens\/s/);
  return { tokens: Number(m[1]), entities: Number(m[2]), whole: Number(m[3]) };
};
console.log('\ntext       tokens   entity stage native   wasm   wasm/native  |  parse+JSON native   wasm');
for (const name of Object.keys(sets)) {
  const input = path.join(root, `build/bench/${name}.txt`);
  const args = ['--runs', String(runs), input];
  const n = stage(path.join(root, 'build/maqal_bench'), args);
  const w = stage('node', [path.join(root, 'build/wasm/maqal_bench.cjs'), ...args]);
  const m = (x) => `${(x / 1e6).toFixed(2)}M`;
  console.log(`${name.padEnd(8)} ${String(n.tokens).padStart(9)} ${m(n.entities).padStart(20)} ${m(w.entities).padStart(6)} ` +
    `${(n.entities / w.entities).toFixed(2).padStart(11)}x  | ${m(n.whole).padStart(17)} ${m(w.whole).padStart(6)}`);
}
console.log('tokens/s, median of the runs in process (no start-up).');
