// Bad and extreme input through the wasm module: an error object or a bounded result, never an
// exception, a trap or a module that stops working afterwards. Native and wasm stay byte-identical.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { root, cli, loadMaqal } from './setup.mjs';

let maqal;

before(async () => {
  maqal = await loadMaqal();
});

const stillWorks = () => assert.equal(maqal.parse('Gaza is a city.').entities[0].text, 'Gaza');

test('lone surrogates anywhere give lone_surrogate with their string index', () => {
  const cases = [
    ['\uD800', 0], ['\uDFFF', 0], ['text \uDBFF', 5], ['\uDC00\uD800', 0], ['ok 😀 \uD83D then', 6],
    ['غزة \uDE00 غزة', 4], [`${'a'.repeat(100000)}\uD800`, 100000],
  ];
  for (const [text, index] of cases) {
    for (const html of [false, true]) {
      const { error } = maqal.parse(text, { html });
      assert.equal(error?.code, 'lone_surrogate', JSON.stringify(text.slice(0, 20)));
      assert.equal(error.offset, index);
    }
  }
  assert.equal(maqal.parse('😀 emoji pairs are fine 𝐀').error, undefined);
  stillWorks();
});

test('a 100 MB string is refused as too_large, and the module keeps working', () => {
  const { error } = maqal.parse('a'.repeat(100 * 1024 * 1024));
  assert.equal(error.code, 'too_large');
  stillWorks();
});

test('extreme inputs give the same JSON as the native CLI', () => {
  const cases = [
    { text: `${'«'.repeat(100000)}قال الوزير${'»'.repeat(100000)}` },
    { text: '\u202eG\u200da\u200dz\u200da\u202c '.repeat(20000) },
    { text: '- a\n'.repeat(100000) },
    { text: `<p class="${'a'.repeat(10 << 20)}">the text</p>`, html: true },
    { text: `<p>${'&amp;&#x627;'.repeat(100000)}</p>`, html: true },
    { text: '<b>'.repeat(100000) + 'end', html: true },
  ];
  for (const { text, html } of cases) {
    const args = ['parse', ...(html ? ['--html'] : []), '-'];
    // The CLI exits 1 on an error document; its output is compared all the same.
    const native = spawnSync(cli, args, { input: text, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout.replace(/\n$/, '');
    assert.equal(maqal.parseJson(text, { html }), native, text.slice(0, 30));
  }
  stillWorks();
});

test('binary-looking text from JavaScript: NUL gives nul_byte, control characters a result', () => {
  assert.equal(maqal.parse('\x89PNG\r\n\x1a\n\0\0\0\rIHDR').error.code, 'nul_byte');
  const controls = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('').repeat(100);
  assert.equal(maqal.parse(controls).error, undefined);
  stillWorks();
});
