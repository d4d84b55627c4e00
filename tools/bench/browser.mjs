// The browser parts, in Debian's headless Chromium driven by playwright-core, with the repository root
// served on a loopback port: HTML extraction in a page of our own (tools/bench/page/), and on the real
// page (web/index.html) the time to a ready engine, paste-to-highlight and the bytes it downloads.
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { serve } from '../serve.mjs';
import { root } from './inputs.mjs';
import { median } from './timing.mjs';

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

export async function openBrowser() {
  const { chromium } = await import('playwright-core');
  const { server, url } = await serve({ root, port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
  return {
    browser,
    url,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A fresh context (empty cache) per page, so every load is a first visit. */
async function newPage({ browser }, problems) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(err.message));
  return { context, page };
}

/** Readability.js (DOMParser) and Maqal wasm on the same HTML strings, timed inside the page. */
export async function extractionInBrowser(session, pages, runs) {
  const problems = [];
  const { context, page } = await newPage(session, problems);
  await page.goto(`${session.url}tools/bench/page/`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
  const urls = pages.map((p) => `/${path.relative(root, p.file)}`);
  const result = await page.evaluate(([u, r]) => window.bench(u, r), [urls, runs]);
  await context.close();
  if (problems.length) throw new Error(`benchmark page: ${problems.join(' | ')}`);
  return result;
}

/**
 * Navigation start to the engine's ready state (the page sets html[data-engine="ready"] once a paste
 * can be parsed at once) and to its warm state (the page's 'maqal:warm' mark: its warm-up parse,
 * which compiles the wasm functions a parse reaches and builds the lexicons, is done), median of
 * `runs` cold loads; and every file the first load fetched, raw and gzip (level 6, what servers
 * commonly send). `page`: the page's path under the served root.
 */
export async function readyAndDownload(session, runs, page = 'web/') {
  const loads = [];
  const floorLoads = FLOORS.map(() => []);
  for (let r = 0; r < runs; r++) {
    loads.push(await coldLoad(session, page, { files: r === 0 }));
    for (const [i, floor] of FLOORS.entries()) floorLoads[i].push(await coldLoad(session, floor.path, { warm: false }));
  }
  return { ...readySummary(loads), floors: FLOORS.map((f, i) => ({ name: f.name, readyMs: median(floorLoads[i].map((l) => l.readyMs)) })) };
}

/**
 * The floor under ready, loaded in turns with the page (tools/bench/floor/): the least a page whose
 * engine runs in a worker takes on this machine, without and with fetching and compiling the wasm.
 */
export const FLOORS = [
  { name: 'floor: a page whose worker answers at once', path: 'tools/bench/floor/' },
  { name: 'floor: a page whose worker fetches and compiles the wasm', path: 'tools/bench/floor/?wasm' },
];

/** The figures of readyAndDownload() from its cold loads (coldLoad()). */
export function readySummary(loads) {
  const readyMs = loads.map((l) => l.readyMs);
  const warmMs = loads.map((l) => l.warmMs);
  const { files } = loads[0];
  return {
    readyMs: median(readyMs),
    readyRuns: readyMs,
    warmMs: warmMs.includes(null) ? null : median(warmMs),
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

/**
 * One cold load of the page (a fresh context): ready and warm times, and the files it fetched if asked.
 * warm: false for a page without the 'maqal:warm' mark (the floor pages of tools/bench/floor/).
 */
export async function coldLoad(session, pagePath, { files = false, warm = true } = {}) {
  const problems = [];
  const { context, page } = await newPage(session, problems);
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.addInitScript(() => {
    window.__engineReady = new Promise((resolve) => {
      new MutationObserver(() => {
        if (document.documentElement.dataset.engine === 'ready') resolve(performance.now());
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-engine'] });
    });
  });
  await page.goto(`${session.url}${pagePath}`);
  const readyMs = await page.evaluate(() => window.__engineReady);
  const warmMs = !warm ? null : await page.evaluate(() => new Promise((resolve) => {
    const giveUp = performance.now() + 30000;  // a page without the mark
    const look = () => {
      const [mark] = performance.getEntriesByName('maqal:warm');
      if (mark || performance.now() > giveUp) resolve(mark ? mark.startTime : null);
      else setTimeout(look, 10);
    };
    look();
  }));
  // Each file once: the worker's imports of modules the page already loaded are revalidated from the
  // HTTP cache (tools/serve.mjs sends validators), no second download, though Playwright reports them
  // as responses with the cached body.
  const once = [...new Map(responses.map((r) => [new URL(r.url()).pathname, r])).values()];
  const fetched = !files ? [] : await Promise.all(once.map(async (response) => {
    const body = await response.body();
    return { file: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body, { level: 6 }).length };
  }));
  await context.close();
  if (problems.length) throw new Error(`${pagePath}: ${problems.join(' | ')}`);
  return { readyMs, warmMs, files: fetched };
}

/**
 * Paste-to-highlight on web/index.html: a ClipboardEvent carrying the text goes to #input (the app's
 * own paste path), and the clock stops when the frame after the page's `maqal:rendered` event (the
 * first screen of highlighted blocks is in the DOM) has been drawn. Median of `runs` per text (one for
 * texts over 100 KB), with
 * where the time went: the text landing in the textarea, the parse (the page's own figure), the
 * rendering and the frame. `page`: the page's path under the served root.
 */
export async function pasteToHighlight(session, texts, runs, page = 'web/') {
  const open = await openPastePage(session, page);
  try {
    const results = [];
    for (const { name, text } of texts) {
      const samples = [];
      for (let r = 0; r < pasteRuns(text, runs); r++) samples.push(await open.paste(text));
      results.push({ name, ...pasteSummary(text, samples) });
    }
    return results;
  } finally {
    await open.close();
  }
}

/** The first paste of each text warms up; a 200 KB paste takes seconds, once is enough for it. */
export const pasteRuns = (text, runs) => (Buffer.byteLength(text) > 1e5 ? 1 : 1 + runs);

/** The median paste of pasteOnce() samples, the warm-up left out. */
export function pasteSummary(text, samples) {
  const timed = samples.length > 1 ? samples.slice(1) : samples;
  const paint = median(timed.map((s) => s.paintMs));
  const pick = timed.find((s) => s.paintMs === paint);
  return { chars: text.length, bytes: Buffer.byteLength(text), runs: timed.map((s) => s.paintMs), ...pick, ms: paint };
}

/** The page open with its engine ready and warm: paste(text) times one paste (pasteOnce()); close(). */
export async function openPastePage(session, pagePath) {
  const problems = [];
  const { context, page } = await newPage(session, problems);
  await page.goto(`${session.url}${pagePath}`);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', null, { timeout: 60000 });
  // the engine warm, as a reader's page is a moment after loading (its warm-up parses are done)
  await page.waitForFunction(() => performance.getEntriesByName('maqal:warm').length > 0, null, { timeout: 60000 });
  return {
    paste: (text) => page.evaluate(pasteOnce, text),
    close: async () => {
      await context.close();
      if (problems.length) throw new Error(`${pagePath}: ${problems.join(' | ')}`);
    },
  };
}

// Runs inside the page.
async function pasteOnce(text) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const input = document.querySelector('#input');
  const output = document.querySelector('#output');
  document.querySelector('#clear').click();
  await frame();
  const parses = Number(output.dataset.parses) || 0;
  const rendered = new Promise((resolve) => {
    document.addEventListener('maqal:rendered', (e) => resolve({ at: performance.now(), detail: e.detail || {} }), { once: true });
  });
  let insertedAt = null;  // the paste's text is in the textarea (its input event)
  input.addEventListener('input', () => { insertedAt ??= performance.now(); }, { once: true, capture: true });
  input.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const start = performance.now();
  input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  const late = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`no render after a ${text.length}-character paste`)), 30000);
  });
  const { at, detail } = await Promise.race([rendered, late]);
  await frame();  // the frame that shows the highlights
  const paintMs = performance.now() - start;
  const blocks = output.querySelectorAll('.block').length;
  // Not timed: the rest of the result (blocks, panels, the text box) is drawn before the next paste, here
  // or on the other page taking turns, so that no paste runs beside a previous one's leftover work.
  await new Promise((resolve) => {
    const giveUp = performance.now() + 30000;
    const look = () => (Number(output.dataset.parses) > parses || performance.now() > giveUp ? resolve() : setTimeout(look, 10));
    look();
  });
  return {
    insertMs: insertedAt === null ? null : insertedAt - start,
    renderedMs: at - start,
    paintMs,
    parseMs: detail.parseMs,
    blocks,
  };
}
