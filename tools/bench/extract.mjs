// Per-page extraction time outside the browser: Maqal native (in one process), Maqal wasm in Node,
// both as the whole result and as extraction only ({entities: false}, what Readability gives), and
// Mozilla Readability.js on jsdom (DOM parsing counted). Each engine warms up on the first pages,
// then every page's time is the median of its passes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './inputs.mjs';
import { timeEach } from './timing.mjs';
import { htmlParsers } from './maqal-html.mjs';

export async function loadMaqalWasm() {
  const { createMaqal } = await import(path.join(root, 'web/maqal.js'));
  return createMaqal({ wasmBinary: readFileSync(path.join(root, 'web/gen/maqal-core.wasm')) });
}

/** Milliseconds per page from build/maqal_bench --pages (its own warm-up pass), the whole result. */
export function nativePages(pages, runs, { html = true } = {}) {
  return maqalBench(pages, runs, html ? ['--html'] : []).map(([ms]) => ms);
}

/** The same as the whole result and as extraction only, taking turns page by page: {whole, extraction}. */
export function nativePagesBoth(pages, runs) {
  const times = maqalBench(pages, runs, ['--html', '--both']);
  return { whole: times.map(([ms]) => ms), extraction: times.map(([, ms]) => ms) };
}

function maqalBench(pages, runs, flags) {
  const args = ['--pages', ...flags, '--runs', String(runs), ...pages.map((p) => p.file)];
  const out = execFileSync(path.join(root, 'build/maqal_bench'), args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  // "ms [ms] bytes FILE": the times are the fields before the last two.
  return out.trim().split('\n').map((line) => line.split(' ').slice(0, -2).map(Number));
}

/**
 * Maqal wasm (whole result, and extraction only when the module has it) and Readability.js on jsdom
 * (`new JSDOM(html)` + `new Readability(document).parse()`).
 */
export async function nodePages(pages, runs) {
  const module = await loadMaqalWasm();
  const maqal = htmlParsers(module, pages[0].html).string;
  const extract = htmlParsers(module, pages[0].html, { entities: false });
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const quiet = new VirtualConsole();  // jsdom's complaints about the pages' CSS are not ours to print
  const { Readability } = await import('@mozilla/readability');
  return timeEach(pages, runs, {
    wasm: (page) => maqal(page.html),
    ...(extract && { wasmExtract: (page) => extract.string(page.html) }),
    readability: (page) => new Readability(new JSDOM(page.html, { url: 'https://example.org/', virtualConsole: quiet }).window.document).parse(),
  });
}
