// The browser extension (build/extension/, assembled by tools/build_extension.sh) loaded unpacked in
// Chromium: its action parses a locally served article (the whole page, then a selection) and opens
// the viewer on the result.
//
//   node --test tests/e2e/page-extension.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, chromiumPath, LAUNCH_ARGS, loadChromium, isLocal, waitForParse, collect } from './browser.mjs';
import { serve } from '../../tools/serve.mjs';

const articleHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tidal plant opens | Harbour News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour city opens a tidal energy plant</h1>
<p class="byline">By Helen Marsh</p>
<p>The port city of Brest switched on a tidal power station on Tuesday that its builders say can supply 60,000 homes.</p>
<p id="quote">"The sea gives us power twice a day," said Marc Lefevre, the mayor of Brest, at the opening in France.</p>
<p>The European Commission paid 15% of the cost, officials in Brussels said on Wednesday.</p></article>
<footer><p>© 2024 Harbour News. All rights reserved.</p></footer></body></html>`;

let context;
let server;
let siteUrl;
let extensionDir;
let userDir;
const requests = [];

before(async () => {
  const chromium = await loadChromium();
  // The shipped manifest asks for activeTab, granted when the user presses the toolbar button. A test
  // cannot press it, so the copy under test may also read the local site.
  extensionDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maqal-ext-'));
  execFileSync('bash', [path.join(repoRoot, 'tools', 'build_extension.sh'), extensionDir], { stdio: 'pipe' });
  const manifestPath = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = ['http://localhost/*'];
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));

  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'maqal-site-'));
  fs.writeFileSync(path.join(site, 'article.html'), articleHtml);
  ({ server, url: siteUrl } = await serve({ root: site, port: 0 }));

  userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maqal-profile-'));
  context = await chromium.launchPersistentContext(userDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [...LAUNCH_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  context.on('request', (req) => requests.push(req.url()));
});

after(async () => {
  if (context) await context.close();
  if (server) await new Promise((resolve) => server.close(resolve));
  for (const dir of [extensionDir, userDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function serviceWorker() {
  return context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
    || context.waitForEvent('serviceworker', { timeout: 15000 });
}

/** Presses the action (its click handler) on the article tab; returns the viewer page once parsed. */
async function pressAction() {
  const worker = await serviceWorker();
  const opened = context.waitForEvent('page', { timeout: 15000 });
  await worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    await self.openViewer(tab);
  }, `${siteUrl}article.html`);
  const viewer = await opened;
  await viewer.waitForFunction(() => document.documentElement.dataset.engine === 'ready', null, { timeout: 30000 });
  await waitForParse(viewer, 0);
  return viewer;
}

test('the toolbar action parses the tab\'s HTML in the extension\'s viewer', { timeout: 120000 }, async () => {
  const article = await context.newPage();
  await article.goto(`${siteUrl}article.html`);
  const viewer = await pressAction();
  assert.match(viewer.url(), /^chrome-extension:\/\/[a-p]{32}\/index\.html#ext=/);
  const { blocks, marks } = await collect(viewer);
  const roles = blocks.map((b) => b.role);
  assert.deepEqual(blocks.filter((b) => b.role === 'title').map((b) => b.text), ['Harbour city opens a tidal energy plant']);
  assert.ok(roles.includes('paragraph'), roles.join(', '));
  assert.ok(roles.includes('boilerplate'), 'the navigation and footer are page furniture');
  assert.ok(marks.some((m) => m.type === 'LOC' && m.text === 'Brest'), JSON.stringify(marks));
  assert.equal(await viewer.locator('#output q').count(), 1);
  assert.match(await viewer.locator('#stats').textContent(), /HTML of http:\/\/localhost/);
  await viewer.close();

  // with a selection, only the selected text is parsed
  await article.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#quote'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  const selected = await pressAction();
  const picked = (await collect(selected)).blocks.map((b) => b.text);
  assert.equal(picked.length, 1, picked.join(' | '));
  assert.match(picked[0], /^"The sea gives us power/);
  assert.match(await selected.locator('#input').inputValue(), /said Marc Lefevre/);
  await selected.close();
  await article.close();
});

test('the extension made no request beyond the local article and its own files', () => {
  const off = requests.filter((u) => !isLocal(u));
  assert.deepEqual(off, []);
  // index.html preloads the wasm, a request the context does not always report for an extension's
  // files: the engine got ready (pressAction) and any wasm request seen was for the extension's own
  const wasm = requests.filter((u) => u.endsWith('.wasm'));
  assert.ok(wasm.every((u) => u.startsWith('chrome-extension:')), `the viewer loaded its own wasm: ${wasm}`);
});
