// Browser end-to-end test of the Maqal page (web/index.html) with the real wasm engine.
//
//   node --test tests/e2e/
//
// Needs: web/gen/maqal-core.{mjs,wasm} (built first), Debian's /usr/bin/chromium,
// and the playwright-core npm package. Serves web/ on a free loopback port, pastes the
// Arabic reference article and checks roles, entities, direction and that no request
// leaves localhost. Writes a full-page screenshot to docs/screenshot.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const webRoot = path.join(repoRoot, 'web');
const wasmPath = path.join(webRoot, 'gen', 'maqal-core.wasm');
const chromiumPath = '/usr/bin/chromium';
const samplePath = path.resolve(repoRoot, '..', 'shared', 'samples', '000_4e73025099dc559b.txt');
const screenshotPath = path.join(repoRoot, 'docs', 'screenshot.png');

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

let browser;
let context;
let server;
let baseUrl;
let sample;
const requests = []; // every request any page of the context made
const problems = []; // console errors, page errors, CSP violations

function isLocal(url) {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return (u.protocol === 'http:' || u.protocol === 'https:') && LOCAL_HOSTS.has(u.hostname);
}

before(async () => {
  if (!fs.existsSync(wasmPath)) {
    throw new Error(`web/gen/maqal-core.wasm is missing (${wasmPath}): build the wasm engine first ` +
      '(the test command builds it; run the build, then `node --test tests/e2e/`).');
  }
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium (tools/setup.sh does).`);
  }
  if (!fs.existsSync(samplePath)) {
    throw new Error(`reference sample missing: ${samplePath}`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    throw new Error(`playwright-core is not installed (npm ci): ${err.message}`);
  }
  sample = fs.readFileSync(samplePath, 'utf8');
  ({ server, url: baseUrl } = await serve({ root: webRoot, port: 0 }));
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  context.on('request', (req) => requests.push(req.url()));
  // Safety net: never let a request out, even though the assertion below would catch it.
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
});

after(async () => {
  if (browser) await browser.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

async function openPage() {
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content.Security.Policy/i.test(msg.text())) problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  await page.goto(baseUrl);
  await page.waitForFunction(() => document.documentElement.dataset.engine && document.documentElement.dataset.engine !== 'loading',
    null, { timeout: 30000 });
  const engine = await page.evaluate(() => document.documentElement.dataset.engine);
  const err = await page.locator('#error').textContent();
  assert.equal(engine, 'ready', `wasm engine did not load: ${err}`);
  return page;
}

/** Waits until the page has rendered one more parse than `before`. */
async function waitForParse(page, beforeCount) {
  await page.waitForFunction((n) => {
    const out = document.querySelector('#output');
    return out.dataset.state !== 'empty' && Number(out.dataset.parses || 0) > n;
  }, beforeCount, { timeout: 20000 });
  const state = await page.evaluate(() => document.querySelector('#output').dataset.state);
  const err = await page.locator('#error').textContent();
  assert.equal(state, 'done', `parse did not render: ${err}`);
}

const parseCount = (page) => page.evaluate(() => Number(document.querySelector('#output').dataset.parses || 0));

/** Blocks and marks as plain data; label texts are left out of the text. */
function collect(page) {
  return page.evaluate(() => {
    const plain = (el) => {
      const c = el.cloneNode(true);
      c.querySelectorAll('.type-label, .role-label, .speaker-label').forEach((x) => x.remove());
      return c.textContent;
    };
    return {
      blocks: [...document.querySelectorAll('#output .block')].map((b) => ({ role: b.dataset.role, dir: b.getAttribute('dir'), text: plain(b) })),
      marks: [...document.querySelectorAll('#output mark[data-type]')].map((m) => ({ type: m.dataset.type, text: plain(m) })),
      legend: document.querySelector('#legend').textContent,
    };
  });
}

function checkReference({ blocks, marks }) {
  assert.ok(blocks.length > 0, 'no block rendered');
  const roles = new Set(blocks.map((b) => b.role));
  for (const role of ['lead', 'paragraph', 'source', 'tags', 'read_also', 'related']) {
    assert.ok(roles.has(role), `no block with data-role="${role}" (roles seen: ${[...roles].join(', ')})`);
  }
  const sourceBlocks = blocks.filter((b) => b.text.includes('المصدر'));
  assert.ok(sourceBlocks.length > 0, 'no block contains "المصدر"');
  for (const b of sourceBlocks) assert.equal(b.role, 'source', `block "${b.text.trim()}" should be data-role="source"`);

  const texts = (type) => new Set(marks.filter((m) => m.type === type).map((m) => m.text.trim()));
  const loc = texts('LOC');
  for (const w of ['غزة', 'لبنان', 'إسرائيل', 'إيران']) {
    assert.ok(loc.has(w), `no <mark data-type="LOC"> with text ${w} (LOC marks: ${[...loc].join('، ')})`);
  }
  const date = texts('DATE');
  for (const w of ['الجمعة', 'الأربعاء']) {
    assert.ok(date.has(w), `no <mark data-type="DATE"> with text ${w} (DATE marks: ${[...date].join('، ')})`);
  }
  const notRtl = blocks.filter((b) => b.dir !== 'rtl');
  assert.equal(notRtl.length, 0, `blocks not dir="rtl": ${notRtl.map((b) => `${b.role}:${b.dir}`).join(', ')}`);
}

test('pasting the Arabic reference article renders roles, entities and RTL blocks (input event)', { timeout: 90000 }, async () => {
  const page = await openPage();
  const n = await parseCount(page);
  await page.evaluate((text) => {
    const input = document.querySelector('#input');
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, sample);
  await waitForParse(page, n);
  const data = await collect(page);
  checkReference(data);

  // Page hooks and panels
  assert.equal(await page.locator('#input').getAttribute('dir'), 'auto');
  assert.ok(await page.locator('#legend .swatch[data-role="source"]').count() > 0, 'legend lists roles');
  assert.ok(await page.locator('#legend [data-type="LOC"]').count() > 0, 'legend lists entity types');
  assert.equal(await page.locator('#error').isVisible(), false, 'no error shown for a good paste');
  assert.ok(await page.locator('#output .block .role-label').count() === data.blocks.length, 'every block has a role label');
  assert.ok(await page.locator('#summary .summary-item').count() >= 1, 'article summary shown');

  fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  await page.screenshot({ path: screenshotPath, fullPage: true });
  assert.ok(fs.statSync(screenshotPath).size > 10000, 'screenshot written');
  await page.close();
});

test('a real paste event (ClipboardEvent with text/plain) is read from clipboardData and parsed', { timeout: 90000 }, async () => {
  const page = await openPage();
  const n = await parseCount(page);
  const defaultPrevented = await page.evaluate((text) => {
    const input = document.querySelector('#input');
    input.focus();
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    input.dispatchEvent(ev);
    return ev.defaultPrevented;
  }, sample);
  assert.equal(defaultPrevented, true, 'the page handles the paste itself');
  await waitForParse(page, n);
  assert.equal(await page.locator('#input').inputValue(), sample, 'pasted text lands in #input');
  checkReference(await collect(page));
  await page.close();
});

test('a paste carrying text/html is parsed as HTML; the switch falls back to the plain text', { timeout: 90000 }, async () => {
  const page = await openPage();
  const html = '<!--StartFragment--><nav><a href="/">Home</a> <a href="/w">World</a></nav>' +
    '<h1>City council approves new bike lanes</h1><p>The city council voted 7-2 on Tuesday to build ' +
    '40 kilometres of protected bike lanes in Paris, ending a long debate.</p><ul><li>Work starts in May.</li>' +
    '<li>It ends in October.</li></ul><img src="/x.png" onerror="window.__pwned = 1"><!--EndFragment-->';
  const plain = 'Home World\nCity council approves new bike lanes\nThe city council voted 7-2 on Tuesday.';
  const paste = (useHtml) => page.evaluate(([h, t, on]) => {
    document.querySelector('#use-html').checked = on;
    const input = document.querySelector('#input');
    input.value = '';
    input.focus();
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', t);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [html, plain, useHtml]);

  let n = await parseCount(page);
  await paste(true);
  await waitForParse(page, n);
  const asHtml = await page.evaluate(() => ({
    title: document.querySelector('#output [data-role="title"]')?.textContent ?? '',
    items: document.querySelectorAll('#output [data-role="list_item"]').length,
    places: [...document.querySelectorAll('#output mark[data-type="LOC"]')].map((m) => m.firstChild.textContent),
    stats: document.querySelector('#stats').textContent,
    images: document.querySelectorAll('#output img').length,
    pwned: window.__pwned,
  }));
  assert.ok(asHtml.title.includes('City council approves new bike lanes'), asHtml.title);
  assert.equal(asHtml.items, 2, 'the <li> items are list items');
  assert.ok(asHtml.places.includes('Paris'), String(asHtml.places));
  assert.match(asHtml.stats, /HTML/);
  assert.equal(asHtml.images, 0, 'pasted HTML is parsed, never inserted');
  assert.equal(asHtml.pwned, undefined);

  n = await parseCount(page);
  await paste(false);
  await waitForParse(page, n);
  const asText = await page.evaluate(() => ({
    stats: document.querySelector('#stats').textContent,
    items: document.querySelectorAll('#output [data-role="list_item"]').length,
  }));
  assert.doesNotMatch(asText.stats, /HTML/);
  assert.equal(asText.items, 0);
  await page.close();
});

test('pasted markup is shown as text, never inserted as HTML', { timeout: 60000 }, async () => {
  const page = await openPage();
  const n = await parseCount(page);
  const hostile = 'Breaking news from Cairo.\n\n<img src="/x.png" onerror="window.__pwned = 1"><script>window.__pwned = 2</script> <b>bold</b> said "<i>hello</i>" today.';
  await page.fill('#input', hostile);
  await page.click('#parse');
  await waitForParse(page, n);
  const res = await page.evaluate(() => ({
    pwned: window.__pwned,
    elements: document.querySelectorAll('#output img, #output script, #output b, #output i').length,
    text: document.querySelector('#output').textContent,
  }));
  assert.equal(res.pwned, undefined);
  assert.equal(res.elements, 0, 'no element created from pasted markup');
  assert.ok(res.text.includes('<b>bold</b>'), 'markup shown literally');
  await page.close();
});

test('bad input shows the #error line; whitespace only shows the empty state', { timeout: 60000 }, async () => {
  const page = await openPage();
  let n = await parseCount(page);
  await page.evaluate(() => {
    const input = document.querySelector('#input');
    input.value = 'binary\u0000data';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction((k) => Number(document.querySelector('#output').dataset.parses || 0) > k, n);
  assert.equal(await page.locator('#output').getAttribute('data-state'), 'error');
  assert.equal(await page.locator('#error').isVisible(), true, '#error is shown');
  assert.match(await page.locator('#error').textContent(), /nul_byte/);
  assert.equal(await page.locator('#output .block').count(), 0, 'no blocks for bad input');

  n = await parseCount(page);
  await page.fill('#input', '   \n  ');
  await page.click('#parse');
  await page.waitForFunction((k) => Number(document.querySelector('#output').dataset.parses || 0) > k, n);
  assert.equal(await page.locator('#output').getAttribute('data-state'), 'empty');
  assert.equal(await page.locator('#error').isVisible(), false, 'no error for whitespace');
  await page.close();
});

test('no request left localhost and the page raised no errors', () => {
  assert.ok(requests.length > 0, 'requests were recorded');
  const off = requests.filter((u) => !isLocal(u));
  assert.deepEqual(off, [], `requests went off localhost: ${off.join(', ')}`);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm engine was fetched from the local server');
  assert.deepEqual(problems, [], `console/page errors: ${problems.join(' | ')}`);
});
