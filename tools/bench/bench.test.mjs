// Smoke test of the benchmark's own pieces (no peers, no build needed): inputs, timing, table, chart.
//   node --test tools/bench/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concatenatedPages, countTokens, cutAt, repeatTo } from './inputs.mjs';
import { median, quantile, timeEach } from './timing.mjs';
import { chart, table } from './report.mjs';
import { markGrowth } from './scaling.mjs';

test('inputs are cut at a boundary within the size asked for', () => {
  const text = repeatTo('مقال قصير.\nسطر ثان.', 100);
  assert.ok(Buffer.byteLength(text) <= 100 && Buffer.byteLength(text) > 50);
  assert.ok(!text.endsWith('\n'), 'cut before a paragraph break');
  assert.equal(cutAt('ab cd ef', 6, ' '), 'ab cd');
  assert.equal(cutAt('short', 100, ' '), 'short');
  const html = concatenatedPages([{ html: '<head>x</head><body><p>one</p>' }, { html: '<body><p>two</p>' }], 48);
  assert.equal(html, '<!DOCTYPE html><body><p>one</p><body><p>two</p>');
  assert.equal(countTokens(' a  b\nc '), 3);
});

test('scaling flags a per-byte time that grows over 1.5x from one size to the next', () => {
  const steps = (nsPerByte) => markGrowth(nsPerByte.map((ns, i) => ({ size: 10 ** (i + 3), bytes: 10 ** (i + 3), nsPerByte: ns, peakKb: 9000 + i, wasmKb: 16384 + 2 * i })));
  assert.deepEqual(steps([25, 30, 40, 55, 70]).map((s) => s.superLinear), [false, false, false, false, false]);
  assert.deepEqual(steps([25, 25, 60, 60, 35]).map((s) => s.superLinear), [false, false, true, false, false]);
  assert.equal(steps([25, 25, 60, 60, 35])[1].memoryRatio, 1024 / 1e4);
  assert.equal(steps([25, 25, 60, 60, 35])[1].wasmRatio, 2 * 1024 / 1e4);
});

test('median, p95 and interleaved per-item timing', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(quantile([...Array(100).keys()], 0.95), 94);
  const seen = [];
  const times = timeEach([1, 2], 2, { a: (x) => seen.push(`a${x}`), b: (x) => seen.push(`b${x}`) }, 1);
  assert.deepEqual(seen, ['a1', 'b1', 'a1', 'b1', 'a2', 'b2', 'a1', 'b1', 'a2', 'b2']);
  assert.equal(times.a.length, 2);
});

test('the table carries every part with its ratio, and the chart is one SVG', () => {
  const perPage = (m) => ({ median: m, p95: 2 * m });
  const step = (size, i) => ({ size, bytes: size, ms: size / 1e4, nsPerByte: 100, peakKb: 9000, memoryRatio: i ? 2 : null, wasmKb: 16384, wasmRatio: i ? 3 : null, growth: i ? 1 : null, superLinear: false });
  const results = {
    when: 'now', machine: 'here', loadAverage: { start: 1, end: 1 }, pages: { count: 2, avgBytes: 150000 },
    extraction: {
      node: {
        native: perPage(10), nativeExtract: perPage(5), wasm: perPage(40), wasmExtract: perPage(20), readability: perPage(240),
        ratio: { median: 6, p95: 6 }, extractRatio: { median: 12, p95: 12 },
      },
      chromium: {
        call: 'parse(html, {html: true})', maqal: perPage(10), maqalExtract: perPage(5), maqalDomExtract: perPage(7),
        readability: perPage(14), ratio: { median: 1.4, p95: 1.4 }, extractRatio: { median: 2.8, p95: 2.8 },
      },
    },
    entities: {
      bytes: 1e6, tokens: 1e5, maqalFindsPerOrgLoc: true, ratio: { wink: 6, compromise: 60 },
      engines: {
        'Maqal native': { ms: 100, tokensPerSecond: 1e6 }, 'Maqal wasm': { ms: 200, tokensPerSecond: 5e5, types: { PER: 1, ORG: 1, LOC: 1 } },
        compromise: { ms: 1e4, tokensPerSecond: 1e4, types: { Person: 1 } }, 'wink-nlp': { ms: 1e3, tokensPerSecond: 1e5, types: { DATE: 1 } },
      },
    },
    browser: {
      readyMs: 100, readyRuns: [100], bytes: 2e6, gzip: 9e5, files: [{ file: '/web/', bytes: 1, gzip: 1 }],
      floors: [{ name: 'floor: a page whose worker answers at once', readyMs: 60 }],
      paste: ['Arabic', 'English'].map((lang) => ({ name: `20 KB ${lang}`, chars: 11000, ms: 40, insertMs: 5, parseMs: 10, renderedMs: 30, paintMs: 40, blocks: 9 })),
    },
    scaling: { series: { text: [1e3, 1e4].map(step), html: [1e3, 1e4].map(step) } },
  };
  const markdown = table(results);
  assert.match(markdown, /Readability\.js \+ jsdom \| 240 ms median, 480 ms p95 \| 12x Maqal wasm extraction's median \(p95 12x\); 6\.0x Maqal wasm whole result's/);
  assert.match(markdown, /extraction only \(\{entities: false\}\) \| 20\.0 ms median/);
  assert.match(markdown, /\{feed: 'dom', entities: false\}\) \| 7\.00 ms median/);
  assert.match(markdown, />= 2x: met/, 'judged on the extraction, like for like');
  assert.match(markdown, /Maqal wasm 6\.0x wink-nlp/);
  assert.match(markdown, /floor: a page whose worker answers at once \| 60\.0 ms median/);
  assert.match(markdown, /peak memory: text 9 MB \(2\.0x\), wasm 16 MB \(3\.0x\)/, 'native and wasm memory side by side');
  assert.doesNotMatch(markdown, /not met|NaN|undefined/);
  const svg = chart(results);
  assert.ok(svg.startsWith('<svg') && svg.trim().endsWith('</svg>'));
  assert.match(svg, /Readability\.js \+ jsdom is 12x Maqal's extraction, 6\.0x its whole result/);

  // --only extraction: the extraction parts alone.
  const { entities, browser, scaling, ...extractionOnly } = results;
  assert.doesNotMatch(table(extractionOnly), /Entities|Page, Chromium|Scaling|NaN|undefined/);
  assert.ok(chart(extractionOnly).trim().endsWith('</svg>'));
});
