// The ES module as other developers get it: createMaqal() in Node.js without options, parseHtml,
// the reading view's Markdown, and web/ packed by `npm pack`, installed, running the README's example.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const web = path.join(root, 'web');
let maqal;
let markdown;

before(async () => {
  const { createMaqal } = await import(path.join(web, 'maqal.js'));
  maqal = await createMaqal(); // reads gen/maqal-core.wasm from beside maqal.js
  markdown = await import(path.join(web, 'article.js'));
});

test('parseHtml is parse with html: true', () => {
  const html = '<article><h1>Rain in Cairo</h1><p>It rained in Cairo on Friday, officials said.</p></article>';
  assert.deepEqual(maqal.parseHtml(html), maqal.parse(html, { html: true }));
  assert.equal(maqal.parseHtml(html).blocks[0].role, 'title');
  assert.equal(maqal.parseHtml('<p> </p>').error.code, 'empty');
});

test('the main article as Markdown: headings, paragraphs, lists; no page furniture; markup escaped', () => {
  const text = fs.readFileSync(path.join(web, 'samples', 'en-article.txt'), 'utf8');
  const result = maqal.parse(text);
  const md = markdown.articleMarkdown(result);
  const main = markdown.mainArticle(result);
  assert.ok(md.startsWith(`# ${main.article.title}\n\n`), md.slice(0, 120));
  assert.ok(!md.includes('Sign up for our newsletter'));
  assert.ok(!md.includes('Read also'), 'the "read also" line is not part of the article');
  assert.ok(md.includes('The port city of Brest switched on'));
  assert.equal(markdown.escapeMarkdown('# not a heading *or* <b>bold</b>'), '\\# not a heading \\*or\\* \\<b\\>bold\\</b\\>');
  assert.equal(markdown.escapeMarkdown('1. first'), '1\\. first');
  const list = maqal.parseHtml('<article><h1>Steps to take</h1><p>Officials in Cairo gave three steps for the storm on Friday.</p>' +
    '<ul><li>Stay at home.</li><li>Keep water.</li></ul><p>More news will follow later today from the city.</p></article>');
  assert.match(markdown.articleMarkdown(list), /\n\n- Stay at home\.\n- Keep water\.\n\n/);
  const steps = maqal.parseHtml('<article><h1>Steps to take</h1><p>Officials in Cairo gave three steps for the storm on Friday.</p>' +
    '<ol start="4"><li>Stay at home.</li><li>Keep water.</li></ol><p>More news will follow later today from the city.</p></article>');
  assert.match(markdown.articleMarkdown(steps), /\n\n4\. Stay at home\.\n5\. Keep water\.\n\n/);
  assert.equal(markdown.articleMarkdown({ articles: [], blocks: [] }), '');
});

test('spans nest: a quote holds a person and a place; overlapping entities split where the outer one ends', async () => {
  const { nestSpans } = await import(path.join(web, 'view.js'));
  const shape = (node) => node.children.map((c) => [c.kind, c.s, c.e, c.last, ...(c.children.length ? [shape(c)] : [])]);
  const quote = nestSpans([
    { kind: 'entity', s: 5, e: 10 }, { kind: 'quote', s: 0, e: 30 }, { kind: 'entity', s: 15, e: 20 },
  ], 40);
  assert.deepEqual(shape(quote), [['quote', 0, 30, true, [['entity', 5, 10, true], ['entity', 15, 20, true]]]]);
  const overlap = nestSpans([{ kind: 'entity', s: 0, e: 10 }, { kind: 'entity', s: 5, e: 15 }], 20);
  assert.deepEqual(shape(overlap), [['entity', 0, 10, true, [['entity', 5, 10, false]]], ['entity', 10, 15, true]]);
  const crossing = nestSpans([{ kind: 'quote', s: 4, e: 12 }, { kind: 'entity', s: 0, e: 6 }], 12);
  assert.deepEqual(shape(crossing), [['entity', 0, 6, true, [['quote', 4, 6, false]]], ['quote', 6, 12, true]]);
  assert.deepEqual(shape(nestSpans([{ kind: 'entity', s: 8, e: 30 }], 10)), [['entity', 8, 10, true]], 'clipped to the block');
});

test('npm pack of web/ installs as a package that runs the README example', { timeout: 120000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maqal-pack-'));
  try {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: web, encoding: 'utf8' }));
    const files = packed.files.map((f) => f.path).sort();
    for (const f of ['maqal.js', 'maqal.d.ts', 'maqal-worker.js', 'maqal-worker-client.js', 'gen/maqal-core.mjs', 'gen/maqal-core.wasm', 'package.json']) {
      assert.ok(files.includes(f), `${f} is in the package (${files.join(', ')})`);
    }
    assert.ok(!files.includes('app.js') && !files.some((f) => f.startsWith('extension/')), 'the page itself is not packed');
    const installed = path.join(dir, 'node_modules', 'maqal');
    fs.mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(dir, packed.filename), '-C', installed, '--strip-components=1']);

    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const example = /<!-- usage example[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme);
    assert.ok(example, 'README has the usage example');
    assert.equal(example[1].trim().split('\n').length, 5, 'the example is five lines');
    fs.writeFileSync(path.join(dir, 'example.mjs'), example[1]);
    const out = execFileSync('node', ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    assert.match(out, /LOC Cairo/);
    assert.match(out, /title/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
