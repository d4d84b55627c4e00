// Bad input in the browser: the page shows a clear error and stays usable — no crash, no dead tab.
// Drives the real page (web/, wasm engine, Debian's Chromium) through #input and its paste flow.
//
//   node --test tests/e2e/bad_input.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const webRoot = path.join(repoRoot, 'web');
const chromiumPath = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

let browser;
let server;
let baseUrl;

before(async () => {
  assert.ok(fs.existsSync(path.join(webRoot, 'gen', 'maqal-core.wasm')), 'build the wasm first (tools/build.sh)');
  const { chromium } = await import('playwright-core');
  ({ server, url: baseUrl } = await serve({ root: webRoot, port: 0 }));
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

async function openPage() {
  const page = await browser.newPage();
  const crashes = [];
  page.on('crash', () => crashes.push('renderer crashed'));
  page.on('pageerror', (err) => crashes.push(`pageerror: ${err.message}`));
  await page.goto(baseUrl);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', null, { timeout: 30000 });
  return { page, crashes };
}

const parses = (page) => page.evaluate(() => Number(document.querySelector('#output').dataset.parses || 0));

/** Pastes into #input as the clipboard would (text/plain, and text/html when given). */
async function paste(page, { text, html, repeat = 1 }) {
  const before = await parses(page);
  await page.evaluate(([t, h, n]) => {
    const input = document.querySelector('#input');
    input.value = '';
    input.focus();
    const dt = new DataTransfer();
    dt.setData('text/plain', t.repeat(n));
    if (h) dt.setData('text/html', h.repeat(n));
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [text, html ?? null, repeat]);
  await page.waitForFunction((n) => Number(document.querySelector('#output').dataset.parses || 0) > n, before,
    { timeout: 60000 });
}

const errorText = (page) => page.locator('#error').textContent();

test('over-limit and too-deep pastes show their error; the tab keeps working', { timeout: 300000 }, async () => {
  const { page, crashes } = await openPage();

  // 100k-deep nesting pasted as HTML: the HTML stage's depth bound.
  await paste(page, { text: 'x', html: '<div>', repeat: 100000 });
  assert.match(await errorText(page), /too_deep/);

  // 33 MiB of text, just past the 32 MiB limit, through the module in the same tab (a 33 MiB
  // textarea is the browser's own slow path, not Maqal's).
  const tooLarge = await page.evaluate(async () => {
    const { createMaqal } = await import('./maqal.js');
    return (await createMaqal()).parse('a'.repeat(33 * 1024 * 1024)).error?.code;
  });
  assert.equal(tooLarge, 'too_large');

  // A lone surrogate, which only JavaScript can produce.
  await paste(page, { text: 'before \uD800 after' });
  assert.match(await errorText(page), /lone_surrogate/);

  // The same tab still parses an article.
  await paste(page, { text: 'Gaza is a city. The minister said the talks would go on.\n' });
  assert.equal(await page.locator('#error').isVisible(), false);
  assert.equal(await page.evaluate(() => document.querySelector('#output').dataset.state), 'done');
  assert.ok(await page.locator('#output mark[data-type="LOC"]').count() >= 1, 'the LOC mark for Gaza');
  assert.deepEqual(crashes, []);
  await page.close();
});
