// Shared set-up of the Chromium end-to-end tests: Debian's chromium driven by playwright-core,
// web/ served on a free loopback port, every request recorded.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webRoot = path.join(repoRoot, 'web');
export const chromiumPath = '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLocal(url) {
  const u = new URL(url);
  if (['data:', 'blob:', 'about:', 'chrome-extension:'].includes(u.protocol)) return true;
  return (u.protocol === 'http:' || u.protocol === 'https:') && LOCAL_HOSTS.has(u.hostname);
}

/** Fails early with a clear message when a prerequisite is missing. */
export async function loadChromium() {
  const wasm = path.join(webRoot, 'gen', 'maqal-core.wasm');
  if (!fs.existsSync(wasm)) throw new Error(`${wasm} is missing: build the wasm engine first (bash tools/build.sh).`);
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: install Debian's chromium (tools/setup.sh does).`);
  try {
    return (await import('playwright-core')).chromium;
  } catch (err) {
    throw new Error(`playwright-core is not installed (npm ci): ${err.message}`);
  }
}

/**
 * Starts a server on root and a browser context. Returns { browser, context, server, baseUrl, problems,
 * close }. problems collects console errors, page errors and CSP violations of every page.
 */
export async function startBrowser({ root = webRoot, viewport = { width: 1280, height: 900 }, permissions = [] } = {}) {
  const chromium = await loadChromium();
  const { server, url: baseUrl } = await serve({ root, port: 0 });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
  if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(baseUrl).origin });
  // Safety net: never let a request out (the tests also assert that none was made).
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
  const problems = [];
  const close = async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  };
  return { browser, context, server, baseUrl, problems, close };
}

/**
 * Opens the page and waits for the engine. page.requestsAfterLoad lists every request made once the
 * engine was ready (the page fetches all it needs while loading).
 */
export async function openPage(env, url = env.baseUrl) {
  const page = await env.context.newPage();
  page.on('pageerror', (err) => env.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content.Security.Policy/i.test(msg.text())) env.problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    env.problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.engine && document.documentElement.dataset.engine !== 'loading',
    null, { timeout: 30000 });
  const engine = await page.evaluate(() => document.documentElement.dataset.engine);
  assert.equal(engine, 'ready', `wasm engine did not load: ${await page.locator('#error').textContent()}`);
  page.requestsBeforeReady = [...requests];
  requests.length = 0;
  page.requestsAfterLoad = requests;
  return page;
}

export const parseCount = (page) => page.evaluate(() => Number(document.querySelector('#output').dataset.parses || 0));

/** Waits until the page has finished one more parse than `before`; returns the output state. */
export async function waitForParse(page, before, { state = 'done' } = {}) {
  await page.waitForFunction((n) => Number(document.querySelector('#output').dataset.parses || 0) > n, before, { timeout: 60000 });
  const got = await page.evaluate(() => document.querySelector('#output').dataset.state);
  if (state) assert.equal(got, state, `parse ended in state ${got}: ${await page.locator('#error').textContent()}`);
  return got;
}

/** Pastes like a user: a ClipboardEvent carrying text/plain (and text/html when given) on #input. */
export async function paste(page, { text, html = null, replace = true }) {
  const n = await parseCount(page);
  await page.evaluate(([t, markup, clear]) => {
    const input = document.querySelector('#input');
    if (clear) input.value = '';
    input.focus();
    const dt = new DataTransfer();
    if (markup !== null) dt.setData('text/html', markup);
    dt.setData('text/plain', t);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [text, html, replace]);
  await waitForParse(page, n);
}

/** Blocks and marks as plain data; label texts are left out of the text. */
export function collect(page) {
  return page.evaluate(() => {
    const plain = (el) => {
      const c = el.cloneNode(true);
      c.querySelectorAll('.type-label, .role-label, .speaker-label').forEach((x) => x.remove());
      return c.textContent;
    };
    return {
      blocks: [...document.querySelectorAll('#output .block')].map((b) => ({ role: b.dataset.role, dir: b.getAttribute('dir'), text: plain(b) })),
      marks: [...document.querySelectorAll('#output mark[data-type]')].map((m) => ({ type: m.dataset.type, text: plain(m) })),
    };
  });
}

export function assertNoRequests(page, what) {
  assert.deepEqual(page.requestsAfterLoad, [], `${what}: requests after load: ${page.requestsAfterLoad.join(', ')}`);
}
