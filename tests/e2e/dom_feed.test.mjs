// The DOM feed in Chromium: pages parsed by the browser's DOMParser and walked by web/dom_feed.js
// give byte-identical JSON to the same HTML parsed by the core's own HTML parser (Gumbo, in wasm),
// and extraction only ({entities: false}) gives the same result less its entity lists by either feed.
//
//   node --test tests/e2e/dom_feed.test.mjs
//
// Pages: the first of ../shared/data/readability-test-pages and of wcxb-dev-articles (dev data,
// read at test time, never copied into the repo).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataRoot = path.resolve(repoRoot, '..', 'shared', 'data');
const PAGES_PER_SET = 30;

function devPages() {
  const pages = [];
  const readability = path.join(dataRoot, 'readability-test-pages');
  for (const name of fs.readdirSync(readability).sort()) {
    const file = path.join(readability, name, 'source.html');
    if (fs.existsSync(file)) pages.push({ name, html: fs.readFileSync(file, 'utf8') });
    if (pages.length === PAGES_PER_SET) break;
  }
  const wcxb = path.join(dataRoot, 'wcxb-dev-articles', 'html');
  for (const name of fs.readdirSync(wcxb).sort().slice(0, PAGES_PER_SET)) {
    pages.push({ name, html: zlib.gunzipSync(fs.readFileSync(path.join(wcxb, name))).toString('utf8') });
  }
  return pages;
}

let browser;
let server;
let baseUrl;

before(async () => {
  const { chromium } = await import('playwright-core');
  ({ server, url: baseUrl } = await serve({ root: path.join(repoRoot, 'web'), port: 0 }));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

test('DOMParser + dom_feed.js give the same JSON as Gumbo on dev pages', async () => {
  const pages = devPages();
  assert.ok(pages.length >= PAGES_PER_SET, 'dev pages missing from ../shared/data');
  const page = await browser.newPage();
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ||
    new URL(route.request().url()).hostname === 'localhost' ? route.continue() : route.abort()));
  await page.goto(`${baseUrl}index.html`);
  const differing = await page.evaluate(async (inputs) => {
    const { createMaqal } = await import('./maqal.js');
    const maqal = await createMaqal();
    const out = [];
    const compare = (name, gumbo, dom) => {
      if (gumbo === dom) return;
      let at = 0;
      while (at < gumbo.length && gumbo[at] === dom[at]) at++;
      out.push({ name, gumbo: gumbo.slice(Math.max(0, at - 80), at + 80), dom: dom.slice(Math.max(0, at - 80), at + 80) });
    };
    for (const { name, html } of inputs) {
      const whole = maqal.parseHtml(html);
      compare(name, JSON.stringify(whole), JSON.stringify(maqal.parseHtml(html, { feed: 'dom' })));
      // Extraction only, by either feed: the whole result less its entity lists.
      const { entities, clusters, quotes, ...extraction } = whole;
      for (const feed of ['core', 'dom']) {
        compare(`${name} (${feed}, entities: false)`, JSON.stringify(extraction),
          JSON.stringify(maqal.parseHtml(html, { feed, entities: false })));
      }
    }
    return out;
  }, pages);
  assert.deepEqual(differing, [], `${differing.length} of ${pages.length} pages differ`);
  await page.close();
});

test('the live document of a page parses through the feed', async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}index.html`);
  const result = await page.evaluate(async () => {
    const { createMaqal } = await import('./maqal.js');
    const maqal = await createMaqal();
    const doc = document.implementation.createHTMLDocument('Feed');
    doc.body.innerHTML = '<article><h1>A headline of the story</h1><p>' +
      'The first paragraph of the story has enough words to count as the body of an article.</p></article>';
    // An attribute name with a capital, as only a script can make one: getAttribute() cannot find it.
    doc.querySelector('article').setAttributeNS(null, 'dataMark', 'kept');
    const { encodeDom } = await import('./dom_feed.js');
    return [maqal.parseDocument(doc), maqal.parseDocument(doc, { entities: false }), encodeDom(doc)];
  });
  const [whole, extraction, events] = result;
  assert.ok(events.includes('\x02dataMark\x03kept'), 'the attribute is sent with its value');
  assert.equal(whole.error, undefined);
  assert.equal(whole.articles[0].title, 'A headline of the story');
  assert.ok(Array.isArray(whole.entities));
  const { entities, clusters, quotes, ...expected } = whole;
  assert.deepEqual(extraction, expected);
  await page.close();
});
