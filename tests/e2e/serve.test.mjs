// The page's static server (tools/serve.mjs): types, the cache validator, paths outside the root.
//   node --test tests/e2e/serve.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../tools/serve.mjs';

let server;
let url;
before(async () => ({ server, url } = await serve({ port: 0 })));
after(() => new Promise((resolve) => server.close(resolve)));

test('the wasm is served as application/wasm (streaming compile needs it) and revalidated, not re-sent', async () => {
  const first = await fetch(`${url}gen/maqal-core.wasm`);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('content-type'), 'application/wasm');
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const etag = first.headers.get('etag');
  assert.match(etag, /^W\/"[0-9a-f]+-[0-9a-f]+"$/);
  assert.ok((await first.arrayBuffer()).byteLength > 0);
  const again = await fetch(`${url}gen/maqal-core.wasm`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal((await again.arrayBuffer()).byteLength, 0);
  const other = await fetch(`${url}gen/maqal-core.wasm`, { headers: { 'If-None-Match': 'W/"0-0"' } });
  assert.equal(other.status, 200);
  await other.arrayBuffer();
});

test('modules are JavaScript, the page is its index.html, nothing outside the root is served', async () => {
  const js = await fetch(`${url}app.js`);
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  await js.text();
  const page = await fetch(url);
  assert.match(await page.text(), /<title>Maqal/);
  const out = await fetch(`${url}..%2f..%2fREADME.md`); // ../../README.md: the repository's, not served
  assert.ok(out.status === 403 || out.status === 404, String(out.status));
  await out.text();
  const missing = await fetch(`${url}no-such-file.js`);
  assert.equal(missing.status, 404);
  await missing.text();
});
