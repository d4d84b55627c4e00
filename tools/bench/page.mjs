// The page's part of the benchmark alone, in headless Chromium: navigation to ready and to warm, and
// paste to highlight of 2, 20 and 200 KB (Arabic and English), as in run.mjs, and a reader's first
// paste (20 KB Arabic on a fresh page); and the floor under ready (FLOORS), taking turns with the loads. With --against REV the
// page of that git revision (its web/ with this checkout's web/gen/, so the same engine) takes turns
// with this one, load by load and paste by paste, so that both see the same machine load (REV may
// also be a copy of web/ under the repository, e.g. build/try/web).
//   node tools/bench/page.mjs [--against REV] [--loads N] [--pastes N] [--sizes 2,20,200]
// Needs web/gen/ built (bash tools/build.sh). Prints a table; writes build/bench/page.json.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arabicPaste, corpora, corpusText, outDir, repeatTo, root } from './inputs.mjs';
import { FLOORS, coldLoad, openBrowser, openPastePage, pasteRuns, pasteSummary, readySummary } from './browser.mjs';
import { median } from './timing.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const against = arg('--against', null);
const loads = Number(arg('--loads', 7));
const pasteCount = Number(arg('--pastes', 5));
const sizes = arg('--sizes', '2,20,200').split(',').map(Number);
if (![loads, pasteCount, ...sizes].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: node tools/bench/page.mjs [--against REV] [--loads N] [--pastes N] [--sizes 2,20,200]');
  process.exit(2);
}

/** The page of git revision rev, under build/bench/ (served with the rest of the repository). */
function pageAt(rev) {
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', rev], { encoding: 'utf8' }).trim();
  const dir = path.join(outDir, `page-${commit}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${root}" archive ${commit} web | tar -x -C "${dir}"`]);
  cpSync(path.join(root, 'web/gen'), path.join(dir, 'web/gen'), { recursive: true });
  return { name: commit, path: `${path.relative(root, dir)}/web/` };
}

const pages = [{ name: 'this checkout', path: 'web/' }];
if (against) pages.unshift(existsSync(path.join(root, against, 'index.html')) ? { name: against, path: `${against.replace(/\/?$/, '/')}` } : pageAt(against));

const arabic = readFileSync(arabicPaste, 'utf8');
const english = corpusText(corpora.en, 2e5);
const texts = sizes.flatMap((kb) => [
  { name: `${kb} KB Arabic`, text: repeatTo(arabic, kb * 1000) },
  { name: `${kb} KB English`, text: repeatTo(english, kb * 1000) },
]);

// a reader's first paste: the 20 KB Arabic one (or the largest Arabic one under 100 KB asked for)
const firstText = texts.filter((t) => t.name.endsWith('KB Arabic') && Buffer.byteLength(t.text) <= 1e5).pop() || texts[0];

const loadAverage = { start: os.loadavg()[0] };
const session = await openBrowser();
const results = pages.map((p) => ({ ...p, loads: [], first: [], paste: [] }));
const floors = FLOORS.map((f) => ({ ...f, loads: [] }));
const FIRST_PASTES = 3;
try {
  for (let r = 0; r < loads; r++) {
    for (const p of results) p.loads.push(await coldLoad(session, p.path, { files: r === 0 }));
    for (const f of floors) f.loads.push(await coldLoad(session, f.path, { warm: false }));
  }
  // A reader's first paste: on a fresh page (warm, as the pastes below), not after pastes of its own.
  for (let r = 0; r < FIRST_PASTES; r++) {
    for (const p of results) {
      const fresh = await openPastePage(session, p.path);
      p.first.push(await fresh.paste(firstText.text));
      await fresh.close();
    }
  }
  const open = [];
  for (const p of results) open.push(await openPastePage(session, p.path));
  try {
    for (const { name, text } of texts) {
      const samples = results.map(() => []);
      for (let r = 0; r < pasteRuns(text, pasteCount); r++) {
        for (let i = 0; i < results.length; i++) samples[i].push(await open[i].paste(text));
      }
      results.forEach((p, i) => p.paste.push({ name, ...pasteSummary(text, samples[i]) }));
    }
  } finally {
    for (const o of open) await o.close();
  }
} finally {
  await session.close();
}
loadAverage.end = os.loadavg()[0];

const ms = (x) => (x === null || x === undefined ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const lines = [`| what | ${results.map((p) => p.name).join(' | ')} |`, `|---|${results.map(() => '---|').join('')}`];
const summaries = results.map((p) => readySummary(p.loads));
lines.push(`| navigation to ready, median of ${loads} cold loads | ${summaries.map((s) => `${ms(s.readyMs)} (${s.readyRuns.map((x) => x.toFixed(0)).join(' ')})`).join(' | ')} |`);
for (const f of floors) {
  const { readyMs, readyRuns } = readySummary(f.loads);
  lines.push(`| ${f.name} | ${ms(readyMs)} (${readyRuns.map((x) => x.toFixed(0)).join(' ')})${' | '.repeat(results.length - 1)} |`);
}
lines.push(`| navigation to warm | ${summaries.map((s) => ms(s.warmMs)).join(' | ')} |`);
lines.push(`| download, gzip | ${summaries.map((s) => `${(s.gzip / 1000).toFixed(0)} KB, ${s.files.length} files`).join(' | ')} |`);
lines.push(`| first paste after load, ${firstText.name}, median of ${FIRST_PASTES} fresh pages | ${results.map((p) => `${ms(median(p.first.map((x) => x.paintMs)))} (${p.first.map((x) => `${x.paintMs.toFixed(0)}, parse ${x.parseMs.toFixed(0)}`).join('; ')})`).join(' | ')} |`);
texts.forEach(({ name }, t) => {
  lines.push(`| paste to highlight, ${name} | ${results.map((p) => {
    const x = p.paste[t];
    return `${ms(x.ms)} (parse ${ms(x.parseMs)}, shown ${ms(x.renderedMs)}; runs ${x.runs.map((v) => v.toFixed(0)).join(' ')})`;
  }).join(' | ')} |`);
});
console.log(lines.join('\n'));
console.log(`\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${loadAverage.start.toFixed(1)} at the start, ${loadAverage.end.toFixed(1)} at the end`);
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'page.json'), JSON.stringify({ loadAverage, results: results.map((p, i) => ({ ...p, ready: summaries[i] })), floors }, null, 1));
