// Whole-parse throughput, native CLI vs wasm in Node, on ~1 MB of Arabic and of English news text
// made from the NER corpora in ../shared/data (sentences as lines, five to a paragraph).
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
