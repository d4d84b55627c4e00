// XSS payloads pasted into the Maqal page in Chromium (as text/html with the plain text beside it, as
// plain text, and as a dropped .html file) must run nothing, insert no element from the input, and
// make no request.
//
//   node --test tests/e2e/page-xss.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openPage, parseCount, waitForParse, assertNoRequests } from './browser.mjs';

// Each payload tries to set window.__xss (or to fetch /xss, which the request log would show).
const PAYLOADS = {
  script: '<script>window.__xss = "script"</script>',
  'script src': '<script src="/xss.js"></script>',
  'img onerror': '<img src="/missing.png" onerror="window.__xss = \'onerror\'">',
  'javascript: link': '<a href="javascript:window.__xss=\'href\'" id="xss-link">Read more</a>',
  'svg onload': '<svg onload="window.__xss = \'svg\'"><script>window.__xss = "svg script"</script><a href="javascript:window.__xss=1"><text>x</text></a></svg>',
  'iframe srcdoc': '<iframe srcdoc="<script>parent.__xss = \'srcdoc\'</script>"></iframe>',
  'iframe javascript:': '<iframe src="javascript:parent.__xss=\'iframe\'"></iframe>',
  'object data': '<object data="javascript:window.__xss=\'object\'"></object><embed src="/xss.swf">',
  'body onload': '<body onload="window.__xss = \'body\'"><p>text</p></body>',
  'details ontoggle': '<details open ontoggle="window.__xss = \'toggle\'"><summary>s</summary></details>',
  'input autofocus': '<input autofocus onfocus="window.__xss = \'focus\'">',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=\'meta\'">',
  'base href': '<base href="http://evil.example/">',
  'style import': '<style>@import url("/xss.css"); body { background: url("/xss.png") }</style>',
  'math href': '<math><mtext><a href="javascript:window.__xss=\'math\'">m</a></mtext></math>',
  'template': '<template><img src=x onerror="window.__xss=\'template\'"></template>',
  'form action': '<form action="javascript:window.__xss=\'form\'"><button>go</button></form>',
  'noscript breakout': '<noscript><p title="</noscript><img src=x onerror=window.__xss=\'noscript\'>"></noscript>',
  'entity-encoded': '&lt;img src=x onerror="window.__xss=\'entity\'"&gt;',
  'attribute breakout': '"><img src=x onerror=window.__xss=\'attr\'>',
};

const wrap = (payload) => `<html><head><title>Payload</title></head><body><article><h1>Storm hits Alexandria ${payload}</h1>` +
  `<p>Heavy rain hit Alexandria on Sunday, officials said. ${payload}</p><p>Roads were closed in Cairo.</p></article></body></html>`;

let env;
let page;

before(async () => {
  env = await startBrowser();
  page = await openPage(env);
});

after(async () => {
  if (env) await env.close();
});

/** What an injected payload could have left behind. */
const traces = () => page.evaluate(() => ({
  xss: window.__xss,
  foreign: [...document.querySelectorAll('#output *, #reading *, #entities *, #summary *, #json-panel *')]
    .filter((el) => !['DIV', 'SPAN', 'MARK', 'Q', 'BDI', 'P', 'H1', 'H2', 'H3', 'UL', 'LI', 'A', 'ARTICLE', 'DL', 'DT', 'DD',
      'DETAILS', 'SUMMARY', 'BUTTON', 'PRE', 'BLOCKQUOTE', 'FIGCAPTION', 'STRONG'].includes(el.tagName))
    .map((el) => el.tagName),
  handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.tagName),
  jsLinks: [...document.querySelectorAll('[href], [src], [action], [srcdoc], [data]')]
    .filter((el) => /javascript:|srcdoc/i.test([...el.attributes].map((a) => a.value).join(' ')) || el.hasAttribute('srcdoc')).length,
  frames: window.frames.length,
  base: document.baseURI,
}));

async function check(name, how) {
  await new Promise((resolve) => setTimeout(resolve, 50)); // let any handler that was attached run
  // tab through and click every link the result has (a javascript: URL would run on activation)
  await page.evaluate(() => {
    for (const a of document.querySelectorAll('#output a, #summary a, #entities button')) a.click();
  });
  const t = await traces();
  assert.equal(t.xss, undefined, `${name} (${how}) ran: ${t.xss}`);
  assert.deepEqual(t.foreign, [], `${name} (${how}) inserted elements`);
  assert.deepEqual(t.handlers, [], `${name} (${how}) left event-handler attributes`);
  assert.equal(t.jsLinks, 0, `${name} (${how}) left javascript: URLs`);
  assert.equal(t.frames, 0, `${name} (${how}) created a frame`);
  assert.ok(!t.base.includes('evil'), `${name} (${how}) changed the base URL`);
}

for (const [name, payload] of Object.entries(PAYLOADS)) {
  test(`XSS payload "${name}" pasted as HTML, as text and dropped as a file runs nothing`, { timeout: 60000 }, async () => {
    let n = await parseCount(page);
    await page.evaluate(([html, text]) => {
      const input = document.querySelector('#input');
      input.value = '';
      input.focus();
      const dt = new DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', text);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, [wrap(payload), `Storm hits Alexandria ${payload}`]);
    await waitForParse(page, n, { state: null });
    await check(name, 'text/html paste');
    for (const tab of ['#tab-reading', '#tab-json', '#tab-annotated']) await page.click(tab);
    await check(name, 'views');

    n = await parseCount(page);
    await page.evaluate((text) => {
      const input = document.querySelector('#input');
      input.value = '';
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, `Heavy rain hit Alexandria on Sunday. ${payload}\n\nRoads were closed in "Cairo ${payload}", officials said.`);
    await waitForParse(page, n, { state: null });
    await check(name, 'text paste');
    const shown = await page.locator('#output').textContent();
    assert.ok(shown.includes(payload.slice(0, 12)), 'pasted markup is shown as text');

    n = await parseCount(page);
    await page.evaluate((html) => {
      const dt = new DataTransfer();
      dt.items.add(new File([html], 'payload.html', { type: 'text/html' }));
      document.querySelector('#input-card').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, wrap(payload));
    await waitForParse(page, n, { state: null });
    await check(name, 'dropped file');
  });
}

test('the payloads made no request and raised no error', () => {
  assertNoRequests(page, 'XSS suite');
  assert.deepEqual(env.problems, []);
});
