// Entity throughput in Node on one English text: Maqal (wasm; native in one process) against
// compromise and wink-nlp (wink-eng-lite-web-model). Every engine's tokens/s uses the same count,
// the text's whitespace-separated words; each engine warms up on the text's first 100 KB, then runs
// `runs` times on the whole text (median; compromise once). Maqal's time is its whole parse (structure + entities + JSON).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { countTokens, outDir } from './inputs.mjs';
import { median } from './timing.mjs';
import { loadMaqalWasm, nativePages } from './extract.mjs';

/** Entity-type counts, sorted by count. */
const tally = (types) => Object.fromEntries(Object.entries(types.reduce((m, t) => ((m[t] = (m[t] || 0) + 1), m), {}))
  .sort((a, b) => b[1] - a[1]));

function timed(text, runs, work) {
  work(text.slice(0, 100000));
  const times = [];
  let types;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    types = work(text);
    times.push(performance.now() - start);
  }
  return { ms: median(times), types: tally(types) };
}

export async function entityThroughput(text, runs) {
  const tokens = countTokens(text);
  const file = path.join(outDir, 'entities-en.txt');
  writeFileSync(file, text);

  const maqal = await loadMaqalWasm();
  const maqalTypes = (json) => JSON.parse(json).entities.map((e) => e.type);
  const { default: compromise } = await import('compromise');
  const { default: winkNLP } = await import('wink-nlp');
  const { default: winkModel } = await import('wink-eng-lite-web-model');
  const wink = winkNLP(winkModel);

  const engines = {
    'Maqal wasm': timed(text, runs, (t) => maqalTypes(maqal.parseJson(t))),
    'Maqal native': { ms: median(nativePages([{ file }], runs, false)) },
    // compromise is some hundred times slower than the others: one run of it is both stable and affordable.
    compromise: timed(text, 1, (t) => {
      const doc = compromise(t);
      return [...doc.people().out('array').map(() => 'Person'), ...doc.places().out('array').map(() => 'Place'),
        ...doc.organizations().out('array').map(() => 'Organization')];
    }),
    'wink-nlp': timed(text, runs, (t) => wink.readDoc(t).entities().out(wink.its.type)),
  };
  engines['Maqal native'].types = engines['Maqal wasm'].types;  // byte-identical output (parity tests)
  for (const e of Object.values(engines)) e.tokensPerSecond = tokens / e.ms * 1000;
  return { bytes: Buffer.byteLength(text), tokens, engines };
}
