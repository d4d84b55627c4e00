// The wasm module gives the same JSON as the native CLI, byte for byte, on every golden input.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root, cli, loadMaqal } from './setup.mjs';

let maqal;

before(async () => {
  maqal = await loadMaqal();
});

const inputs = readFileSync(path.join(root, 'tests/golden/inputs.txt'), 'utf8')
  .split('\n').filter((line) => line && !line.startsWith('#'));

for (const input of inputs) {
  test(`native and wasm agree on ${input}`, () => {
    const file = path.join(root, input);
    const native = execFileSync(cli, ['parse', file], { encoding: 'utf8' }).replace(/\n$/, '');
    const wasm = maqal.parseJson(readFileSync(file, 'utf8'));
    assert.equal(wasm, native);
  });
}

// Extraction only: the same bytes as the CLI's --no-entities, and the whole result less its entity lists.
const withoutEntities = ({ entities, clusters, quotes, ...extraction }) => extraction;

for (const input of inputs) {
  test(`extraction only: native and wasm agree on ${input}`, () => {
    const file = path.join(root, input);
    const text = readFileSync(file, 'utf8');
    const native = execFileSync(cli, ['parse', '--no-entities', file], { encoding: 'utf8' }).replace(/\n$/, '');
    assert.equal(maqal.parseJson(text, { entities: false }), native);
    const extraction = maqal.parse(text, { entities: false });
    assert.equal(extraction.entities, undefined);
    assert.deepEqual(extraction, withoutEntities(maqal.parse(text)));
  });
}

test('extraction only on HTML: native and wasm agree, and it is the whole result less its entities', () => {
  const page = '<html lang="en"><head><title>Tidal power | Site</title><meta property="article:published_time" ' +
    'content="2024-03-14T10:00:00Z"></head><body><nav><a href="/">Home</a></nav><article><h1>Tidal power</h1>' +
    '<p>March 14, 2024</p><p>Brest opened the plant on Tuesday, said Anne Martin of the city council.</p></article></body></html>';
  const native = execFileSync(cli, ['parse', '--html', '--no-entities', '-'], { input: page, encoding: 'utf8' }).replace(/\n$/, '');
  assert.equal(maqal.parseJson(page, { html: true, entities: false }), native);
  const extraction = maqal.parseHtml(page, { entities: false });
  assert.deepEqual(extraction, withoutEntities(maqal.parseHtml(page)));
  assert.equal(extraction.articles[0].published_iso, '2024-03-14T10:00:00Z');
  assert.deepEqual(maqal.parse(page, { html: true, entities: false }), extraction);
});

test('version is the core version', () => {
  const native = execFileSync(cli, ['version'], { encoding: 'utf8' }).trim();
  assert.equal(maqal.version(), native);
});

test('bad input from JavaScript gives an error object, not an exception', () => {
  assert.equal(maqal.parse('').error.code, 'empty');
  assert.equal(maqal.parse('   \n ').error.code, 'empty');
  const lone = maqal.parse('before \uD800 after');
  assert.equal(lone.error.code, 'lone_surrogate');
  assert.equal(lone.error.offset, 7);
  assert.equal(maqal.parse('end \uDC00').error.code, 'lone_surrogate');
  assert.equal(maqal.parse('pair 😀 ok').error, undefined);
  assert.equal(maqal.parse('a\u0000b').error.code, 'nul_byte');
  assert.equal(maqal.parse('<p> </p>', { html: true }).error.code, 'empty');
  assert.equal(maqal.parse('<div>'.repeat(100000), { html: true }).error.code, 'too_deep');
});

test('native and wasm agree on HTML input', () => {
  const page = '<html><head><title>وصول الوفد | موقع</title></head><body><nav><a href="/">الرئيسية</a></nav>' +
    '<article><h1>وصول الوفد المصري إلى غزة</h1><p>وصل الوفد المصري إلى قطاع غزة اليوم الثلاثاء، في زيارة تستمر ' +
    'يومين، وقال مسؤول إن "الزيارة مهمة".</p><ul><li>البند الأول</li></ul></article><footer><p>حقوق النشر</p></footer>' +
    '<script>var x = 1;</script></body></html>';
  const native = execFileSync(cli, ['parse', '--html', '-'], { input: page, encoding: 'utf8' }).replace(/\n$/, '');
  const wasm = maqal.parseJson(page, { html: true });
  assert.equal(wasm, native);
  const result = maqal.parse(page, { html: true });
  assert.equal(result.dir, 'rtl');
  assert.equal(result.blocks.find((b) => b.role === 'title').text, 'وصول الوفد المصري إلى غزة');
  for (const block of result.blocks) assert.equal(result.text.slice(block.start, block.end), block.text);
});

test('offsets are JavaScript string indices', () => {
  const text = 'وصل 😀 الوفد إلى غزة اليوم.';
  const result = maqal.parse(text);
  const gaza = result.entities.find((e) => e.norm === 'Gaza');
  assert.ok(gaza);
  assert.equal(text.slice(gaza.start, gaza.end), gaza.text);
  for (const block of result.blocks) assert.equal(text.slice(block.start, block.end), block.text);
});
