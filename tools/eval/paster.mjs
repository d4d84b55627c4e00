// What a person gets by selecting a whole page in a browser and copying it:
// document.body.innerText in headless Chromium with JavaScript off and every request aborted.
// Shared by make_pastes.mjs (the evaluation pastes) and the golden paste test
// (tests/e2e/golden_pastes.test.mjs), so both see the same text.
//
// Needs Debian's /usr/bin/chromium and the playwright-core npm package (devDependency).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedData = path.resolve(repoRoot, '..', 'shared', 'data');
const chromiumPath = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

// The page sets: wcxb ../shared/data/wcxb-dev-articles/html/<id>.html.gz,
// readability ../shared/data/readability-test-pages/<id>/source.html.
export const SETS = ['wcxb', 'readability'];

export function pageFile(set, id) {
  if (set === 'wcxb') return { id, file: path.join(sharedData, 'wcxb-dev-articles', 'html', `${id}.html.gz`), gz: true };
  if (set === 'readability') return { id, file: path.join(sharedData, 'readability-test-pages', id, 'source.html'), gz: false };
  throw new Error(`unknown page set ${set}`);
}

// [{id, file, gz}] of a set, in name order.
export function listPages(set) {
  if (set === 'wcxb') {
    const dir = path.join(sharedData, 'wcxb-dev-articles', 'html');
    if (!fs.existsSync(dir)) throw new Error(`missing ${dir} (../shared beside the repo)`);
    return fs.readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort()
      .map((f) => pageFile(set, f.slice(0, -'.html.gz'.length)));
  }
  const dir = path.join(sharedData, 'readability-test-pages');
  if (!fs.existsSync(dir)) throw new Error(`missing ${dir} (../shared beside the repo)`);
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'source.html')))
    .map((d) => d.name).sort()
    .map((name) => pageFile(set, name));
}

export function readHtml(p) {
  const buf = fs.readFileSync(p.file);
  return (p.gz ? zlib.gunzipSync(buf) : buf).toString('utf8');
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timeout after ${ms} ms`)), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

// A headless Chromium that turns HTML into pasted text. `paster.tab()` gives a tab whose
// `paste(html, what)` returns the text; a tab that failed should be closed and replaced.
export async function launchPaster({ timeout = 10000 } = {}) {
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing (apt-get install chromium)`);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    throw new Error(`playwright-core is not installed (npm ci): ${err.message}`);
  }
  const launch = () => chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
  let browser = await launch();

  async function tab() {
    if (!browser.isConnected()) browser = await launch();
    const ctx = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 2000 },
      serviceWorkers: 'block',
    });
    await ctx.route('**/*', (r) => r.abort());
    const page = await ctx.newPage();
    return {
      paste: (html, what) => withTimeout((async () => {
        await page.setContent(html, { waitUntil: 'domcontentloaded', timeout });
        // Let CSS animations and transitions reach their end state, what a reader sees after a
        // moment (AMP pages hide the body with an 8 s "-amp-start" animation; with JavaScript off
        // it is what finally shows them). Infinite ones cannot be finished and stay as they are.
        return page.evaluate(() => {
          for (const a of document.getAnimations()) {
            try { a.finish(); } catch { /* infinite */ }
          }
          return document.body ? document.body.innerText : '';
        });
      })(), timeout + 2000, what),
      close: () => ctx.close().catch(() => {}),
    };
  }

  return { tab, close: () => browser.close().catch(() => {}) };
}
