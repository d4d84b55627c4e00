// The golden paste corpus: 44 real pages from ../shared/data (WCXB dev articles, English news and
// blogs; Readability's test pages in Spanish, French, German, Czech, Japanese and Chinese, and
// English), pasted as a browser copies them (headless Chromium, JavaScript off:
// tools/eval/paster.mjs), parsed by build/maqal, every block compared with its reviewed role in
// tests/pastes/<set>/<id>.tsv. Known misses are counted; any other difference fails, and so does a
// known miss that Maqal now gets right (run node tools/eval/golden_pastes.mjs --drop-fixed).
//
//   node --test tests/e2e/golden_pastes.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, eachPaste, listGolden, parse, readExpectation } from '../../tools/eval/golden_pastes.mjs';

test('golden pastes: every block of 40+ real pages gets its reviewed role', { timeout: 180000 }, async (t) => {
  const pages = listGolden();
  assert.ok(pages.length >= 40, `only ${pages.length} expectation files in tests/pastes`);
  const problems = [];
  let known = 0;
  let blocks = 0;
  await eachPaste(pages, (p, text) => {
    const expected = readExpectation(p.file);
    const r = compare(expected, parse(text));
    blocks += expected.length;
    known += r.known;
    for (const line of r.problems) problems.push(`${p.set}/${p.id}: ${line}`);
  });
  t.diagnostic(`${pages.length} pages, ${blocks} blocks, ${known} known misses (${(100 * known / blocks).toFixed(1)}%)`);
  assert.deepEqual(problems, []);
});
