// Maqal against its peers, every part in one run (tools/bench.sh builds and installs the peers first):
// HTML extraction per page (Node and Chromium), entity throughput, the page's ready time, paste to
// highlight and download size, scaling from 1 KB to 10 MB. Prints one table, writes
// build/bench/results.json and build/bench/bench.svg (docs/bench.svg is a committed copy).
//   node tools/bench/run.mjs [--pages N] [--quick] [--only extraction] [--update-docs]
// --quick: a few pages, one pass, sizes to 100 KB — checks that every part runs, figures mean little.
// --only extraction: the HTML extraction parts alone (Node and Chromium; about a third of the time).
// --update-docs: also copy the chart to docs/bench.svg (the README's).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arabicPaste, corpora, corpusText, outDir, repeatTo, root, wcxbPages } from './inputs.mjs';
import { median, quantile } from './timing.mjs';
import { nativePagesBoth, nodePages } from './extract.mjs';
import { entityThroughput } from './entities.mjs';
import { extractionInBrowser, openBrowser, pasteToHighlight, readyAndDownload } from './browser.mjs';
import { scaling, SIZES } from './scaling.mjs';
import { chart, table } from './report.mjs';

const quick = process.argv.includes('--quick');
const pagesArg = process.argv.indexOf('--pages');
const pageCount = pagesArg > 0 ? Number(process.argv[pagesArg + 1]) : quick ? 6 : 100;
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : null;
if (!Number.isInteger(pageCount) || pageCount < 4 || (only !== null && only !== 'extraction')) {
  console.error('usage: node tools/bench/run.mjs [--pages N (4 to 711)] [--quick] [--only extraction] [--update-docs]');
  process.exit(2);
}
const everything = only === null;
// Passes per part: enough for a stable median within the five-minute budget (jsdom is the slow one).
const runs = quick ? { native: 1, node: 1, chromium: 1, entities: 1, ready: 1, paste: 1, scaling: 1 }
  : { native: 5, node: 2, chromium: 3, entities: 3, ready: 11, paste: 3, scaling: 3 };

const started = performance.now();
const step = (name) => console.error(`bench: ${name} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
const stats = (perPage) => ({ median: median(perPage), p95: quantile(perPage, 0.95), perPage });
const ratio = (peer, maqal) => ({ median: peer.median / maqal.median, p95: peer.p95 / maqal.p95 });

mkdirSync(outDir, { recursive: true });
step(`${pageCount} WCXB pages`);
const pages = wcxbPages(pageCount);
const results = {
  when: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: `${os.cpus().length} cores (${os.cpus()[0].model.trim()}), node ${process.version}`,
  runs,
  loadAverage: { start: os.loadavg()[0] },  // other work on the machine inflates every figure
  pages: { count: pages.length, ids: pages.map((p) => p.id), avgBytes: pages.reduce((s, p) => s + Buffer.byteLength(p.html), 0) / pages.length },
};

// Maqal's whole result (structure, metadata, entities, quotes) against Readability's extraction, and
// like for like: Maqal's extraction only ({entities: false}) against it; the targets are judged on that.
step('extraction: Maqal native');
const nativeBoth = nativePagesBoth(pages, runs.native);
const [native, nativeExtract] = [stats(nativeBoth.whole), stats(nativeBoth.extraction)];
step('extraction: Maqal wasm and Readability.js + jsdom in Node');
const node = await nodePages(pages, runs.node);
const [wasm, readability] = [stats(node.wasm), stats(node.readability)];
results.extraction = { node: { native, wasm, readability, ratio: ratio(readability, wasm) } };
if (node.wasmExtract) {
  const wasmExtract = stats(node.wasmExtract);
  Object.assign(results.extraction.node, { nativeExtract, wasmExtract, extractRatio: ratio(readability, wasmExtract) });
}

if (everything) {
  step('entities: Maqal, compromise, wink-nlp');
  results.entities = await entities();
}

step('Chromium: extraction');
const session = await openBrowser();
try {
  const web = await extractionInBrowser(session, pages, runs.chromium);
  const chromium = { call: web.call };
  for (const [name, perPage] of Object.entries(web.times)) chromium[name] = stats(perPage);
  const fastest = (...engines) => engines.filter(Boolean).reduce((a, b) => (b.median < a.median ? b : a));
  chromium.ratio = ratio(chromium.readability, fastest(chromium.maqal, chromium.maqalDom));
  if (chromium.maqalExtract) {
    chromium.extractRatio = ratio(chromium.readability, fastest(chromium.maqalExtract, chromium.maqalDomExtract));
  }
  results.extraction.chromium = chromium;
  if (everything) results.browser = await pageInBrowser(session);
} finally {
  await session.close();
}

if (everything) {
  step('scaling');
  results.scaling = scaling(pages, runs.scaling, quick ? SIZES.slice(0, 3) : SIZES);
}
step('done');
results.seconds = (performance.now() - started) / 1000;
results.loadAverage.end = os.loadavg()[0];

const markdown = table(results);
console.log(markdown);
writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ ...results, table: markdown }, null, 1));
const svg = chart(results);
writeFileSync(path.join(outDir, 'bench.svg'), svg);
if (process.argv.includes('--update-docs')) writeFileSync(path.join(root, 'docs/bench.svg'), svg);
console.log(`\n${results.when}, ${results.machine}, load average ${results.loadAverage.start.toFixed(1)} at the start, ` +
  `${results.loadAverage.end.toFixed(1)} at the end; ${results.seconds.toFixed(0)} s. Wrote build/bench/results.json and build/bench/bench.svg`);

async function entities() {
  const entityText = corpusText(corpora.en, quick ? 1e5 : 1e6);
  const out = await entityThroughput(entityText, runs.entities);
  const engines = out.engines;
  out.ratio = {
    wink: engines['Maqal wasm'].tokensPerSecond / engines['wink-nlp'].tokensPerSecond,
    compromise: engines['Maqal wasm'].tokensPerSecond / engines.compromise.tokensPerSecond,
  };
  out.maqalFindsPerOrgLoc = ['PER', 'ORG', 'LOC'].every((t) => engines['Maqal wasm'].types[t] > 0);
  out.text = 'wikigold sentences (../shared/data/wikigold), five to a paragraph, repeated to the size';
  return out;
}

async function pageInBrowser(session) {
  step('Chromium: ready and download');
  const out = await readyAndDownload(session, runs.ready);
  step('Chromium: paste to highlight');
  const arabic = readFileSync(arabicPaste, 'utf8');
  const english = corpusText(corpora.en, 2e5);
  const texts = [];
  for (const kb of [2, 20, 200]) {
    texts.push({ name: `${kb} KB Arabic`, text: repeatTo(arabic, kb * 1000) });
    texts.push({ name: `${kb} KB English`, text: repeatTo(english, kb * 1000) });
  }
  out.paste = await pasteToHighlight(session, texts, runs.paste);
  return out;
}
