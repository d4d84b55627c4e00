// Entity throughput in Node on one English text: Maqal (wasm; native in one process) against
// compromise and wink-nlp (wink-eng-lite-web-model). Every engine's tokens/s uses the same count,
// the text's whitespace-separated words; each engine warms up, then runs `runs` times on the whole text
// (median; compromise once). Maqal's time is its whole parse (structure + entities + JSON).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { countTokens, outDir } from './inputs.mjs';
import { timeEach } from './timing.mjs';
import { loadMaqalWasm, nativePages } from './extract.mjs';

/** Entity-type counts, sorted by count. */
const tally = (types) => Object.fromEntries(Object.entries(types.reduce((m, t) => ((m[t] = (m[t] || 0) + 1), m), {}))
  .sort((a, b) => b[1] - a[1]));

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

  const interleaved = {
    'Maqal wasm': (t) => maqalTypes(maqal.parseJson(t)),
    'wink-nlp': (t) => wink.readDoc(t).entities().out(wink.its.type),
  };
  // The first call on the whole text warms up and gives the types found; then the engines take turns.
  const types = Object.fromEntries(Object.entries(interleaved).map(([name, work]) => [name, tally(work(text))]));
  const times = timeEach([text], runs, interleaved, 0);
  const engines = Object.fromEntries(Object.keys(interleaved).map((name) => [name, { ms: times[name][0], types: types[name] }]));
  engines['Maqal native'] = { ms: nativePages([{ file }], runs, { html: false })[0] };
  // compromise is some hundred times slower than the others: one run after a warm-up on the first
  // 100 KB is both stable and affordable.
  const compromiseEntities = (t) => {
    const doc = compromise(t);
    return [...doc.people().out('array').map(() => 'Person'), ...doc.places().out('array').map(() => 'Place'),
      ...doc.organizations().out('array').map(() => 'Organization')];
  };
  compromiseEntities(text.slice(0, 100000));
  const start = performance.now();
  engines.compromise = { types: tally(compromiseEntities(text)), ms: performance.now() - start };
  engines['Maqal native'].types = engines['Maqal wasm'].types;  // byte-identical output (parity tests)
  for (const e of Object.values(engines)) e.tokensPerSecond = tokens / e.ms * 1000;
  return { bytes: Buffer.byteLength(text), tokens, engines };
}
