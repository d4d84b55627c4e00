// In-page timing (performance.now()) of HTML extraction: DOMParser + Readability.parse() against
// Maqal wasm on the same strings, its whole result and extraction only, by the core's HTML parser and
// by the DOM feed. window.bench(urls, runs) resolves to per-page medians in ms.
import { createMaqal } from '/web/maqal.js';
import { htmlParsers } from '/tools/bench/maqal-html.mjs';
import { timeEach } from '/tools/bench/timing.mjs';

const maqal = await createMaqal();

window.bench = async (urls, runs) => {
  const pages = await Promise.all(urls.map((u) => fetch(u).then((r) => r.text())));
  const maqalParsers = htmlParsers(maqal, pages[0]);
  const extract = htmlParsers(maqal, pages[0], { entities: false });
  const engines = {
    readability: (html) => new Readability(new DOMParser().parseFromString(html, 'text/html')).parse(),
    maqal: maqalParsers.string,
  };
  if (maqalParsers.dom) engines.maqalDom = maqalParsers.dom;
  if (extract) engines.maqalExtract = extract.string;
  if (extract && extract.dom) engines.maqalDomExtract = extract.dom;
  return { call: maqalParsers.call, times: timeEach(pages, runs, engines) };
};
window.benchReady = true;
