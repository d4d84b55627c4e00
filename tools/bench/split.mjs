// Where Maqal's time goes on an HTML page in Chromium, step by step, beside Readability.js's:
//   node tools/bench/split.mjs [--runs N] [PAGE.html[.gz] ...]   (default: 6 WCXB dev pages)
// Needs the peers (tools/bench/node_modules: bash tools/bench.sh installs them) and a built web/gen.
// Per page, medians of N passes (default 7) in ms, after a warm-up pass:
//   DOMParser: the browser parses the HTML (Readability and the DOM feed both start with it);
//   encode: dom_feed.js walks the Document into the core's event stream;
//   core: parseDomEvents on that stream (UTF-8 into wasm, the core's stages, JSON text out, JSON.parse),
//     for the whole result and for extraction only ({entities: false});
//   of it JSON.parse: the whole result's JSON text into an object, timed alone;
//   Gumbo path: parseJson(html, {html: true}), the core parsing the HTML itself, whole and extraction only;
//   DOM feed extraction: parseHtml(html, {feed: 'dom', entities: false}), all of it as a page calls it;
//   Readability: parse() on a parsed Document, and DOMParser + parse() as the benchmark times it.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { openBrowser } from './browser.mjs';
import { wcxbPages } from './inputs.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 7;
const read = (file) => {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};
const pages = args.length ? args.map((file) => ({ id: file.split('/').pop(), html: read(file) }))
  : wcxbPages(6).map((p) => ({ id: p.id, html: p.html }));

const session = await openBrowser();
try {
  const page = await session.browser.newPage();
  await page.goto(`${session.url}tools/bench/page/`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
  const columns = ['DOMParser', 'encode', 'core', 'core, extraction', 'of it JSON.parse', 'Gumbo path', 'Gumbo path, extraction',
    'DOM feed extraction', 'Readability parse()', 'Readability total'];
  console.log(`| page | KB | ${columns.join(' | ')} |\n|${' --- |'.repeat(columns.length + 2)}`);
  for (const { id, html } of pages) {
    const ms = await page.evaluate(splitInPage, [html, runs]);
    console.log(`| ${id} | ${(html.length / 1000).toFixed(0)} | ${columns.map((c) => ms[c].toFixed(1)).join(' | ')} |`);
  }
} finally {
  await session.close();
}

// Runs inside the benchmark page (tools/bench/page/), which has Readability and the module.
async function splitInPage([html, passes]) {
  const { encodeDom } = await import('/web/dom_feed.js');
  const { createMaqal } = await import('/web/maqal.js');
  window.splitMaqal ||= await createMaqal();
  const maqal = window.splitMaqal;
  const times = {};
  const time = (name, work) => {
    const start = performance.now();
    const value = work();
    (times[name] ||= []).push(performance.now() - start);
    return value;
  };
  for (let pass = 0; pass <= passes; pass++) {
    const doc = time('DOMParser', () => new DOMParser().parseFromString(html, 'text/html'));
    const events = time('encode', () => encodeDom(doc));
    const json = JSON.stringify(time('core', () => maqal.parseDomEvents(events)));
    time('core, extraction', () => maqal.parseDomEvents(events, { entities: false }));
    time('of it JSON.parse', () => JSON.parse(json));
    time('Gumbo path', () => maqal.parseJson(html, { html: true }));
    time('Gumbo path, extraction', () => maqal.parseJson(html, { html: true, entities: false }));
    time('DOM feed extraction', () => maqal.parseHtml(html, { feed: 'dom', entities: false }));
    time('Readability parse()', () => new Readability(doc).parse());
    time('Readability total', () => new Readability(new DOMParser().parseFromString(html, 'text/html')).parse());
    if (pass === 0) for (const list of Object.values(times)) list.pop();  // warm-up
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
}
