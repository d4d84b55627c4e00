// The golden paste corpus: real pages from ../shared/data, pasted the way a browser copies them
// (tools/eval/paster.mjs), each with a reviewed role for every block in tests/pastes/<set>/<id>.tsv.
// Only the expectations live in the repo; the pasted text is made again from ../shared each run.
//
//   node tools/eval/golden_pastes.mjs                       check every page, print each difference
//   node tools/eval/golden_pastes.mjs --show SET/ID...      the pages' blocks: expected and Maqal's roles
//   node tools/eval/golden_pastes.mjs --bootstrap SET/ID... write expectations from Maqal's roles,
//                                                           to review and correct by hand
//   node tools/eval/golden_pastes.mjs --drop-fixed          remove the known-miss marks of lines that
//                                                           Maqal now gets right
//
// Expectation file: '#' lines are comments; every other line is one block of the paste, in order:
//
//   role[:kind] <TAB> article <TAB> the block's first words [<TAB> known: role[:kind] article — reason]
//
// `article` is the article index or '-' (page furniture). The first words detect a paste that
// drifted (another Chromium, other data). A `known:` column records a known miss: what Maqal gives
// instead of the right answer in the first two columns, and why. A known miss must still be what
// Maqal gives; any other difference is a failure. The test is tests/e2e/golden_pastes.test.mjs.
//
// Parses with build/maqal (native and wasm JSON are byte-identical: tests/wasm/parity.test.mjs).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchPaster, pageFile, readHtml, repoRoot } from './paster.mjs';

export const goldenDir = path.join(repoRoot, 'tests', 'pastes');
const maqalPath = path.join(repoRoot, 'build', 'maqal');
const SNIPPET_WORDS = 6;
const SNIPPET_CHARS = 48;

// The first few words of a block: enough to see which line it is.
export function snippet(text) {
  return text.replace(/\s+/g, ' ').trim().split(' ').slice(0, SNIPPET_WORDS).join(' ').slice(0, SNIPPET_CHARS);
}

const label = (b) => (b.role === 'boilerplate' ? `${b.role}:${b.kind}` : b.role);
const articleOf = (b) => (b.article === null || b.article === undefined ? '-' : String(b.article));

// Every expectation file as {set, id, file}.
export function listGolden() {
  const out = [];
  for (const set of fs.existsSync(goldenDir) ? fs.readdirSync(goldenDir).sort() : []) {
    for (const f of fs.readdirSync(path.join(goldenDir, set)).sort()) {
      if (f.endsWith('.tsv')) out.push({ set, id: f.slice(0, -4), file: path.join(goldenDir, set, f) });
    }
  }
  return out;
}

export function readExpectation(file) {
  const rows = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, n) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [role, article, text, known] = line.split('\t');
    if (!role || article === undefined || text === undefined) throw new Error(`${file}:${n + 1}: needs role, article, text`);
    const row = { line: n + 1, role, article, text };
    if (known) {
      const m = /^known: (\S+) (\S+) — (.+)$/.exec(known);
      if (!m) throw new Error(`${file}:${n + 1}: the fourth column is "known: role article — reason"`);
      row.known = { role: m[1], article: m[2], reason: m[3] };
    }
    rows.push(row);
  });
  return rows;
}

export function parse(text) {
  if (!fs.existsSync(maqalPath)) throw new Error(`${maqalPath} is missing (cmake --build build)`);
  const run = spawnSync(maqalPath, ['parse', '-'], { input: text, maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`maqal parse: exit ${run.status}: ${String(run.stdout || run.stderr).slice(0, 200)}`);
  return JSON.parse(run.stdout);
}

// {problems: [text], known: n}: every block against its expectation.
export function compare(expected, doc) {
  const problems = [];
  let known = 0;
  if (expected.length !== doc.blocks.length) {
    problems.push(`${doc.blocks.length} blocks, the expectation has ${expected.length}: the paste drifted`);
  }
  for (let i = 0; i < Math.min(expected.length, doc.blocks.length); i++) {
    const e = expected[i];
    const b = doc.blocks[i];
    const got = { role: label(b), article: articleOf(b) };
    const where = `line ${e.line} "${e.text}"`;
    if (snippet(b.text) !== e.text) {
      problems.push(`${where}: the paste has "${snippet(b.text)}" there: the paste drifted`);
      break;
    }
    const right = got.role === e.role && got.article === e.article;
    if (e.known) {
      if (right) problems.push(`${where}: now right (${e.role} ${e.article}): remove its known miss`);
      else if (got.role !== e.known.role || got.article !== e.known.article) {
        problems.push(`${where}: expected ${e.role} ${e.article}, known miss ${e.known.role} ${e.known.article}, got ${got.role} ${got.article}`);
      } else known++;
    } else if (!right) {
      problems.push(`${where}: expected ${e.role} ${e.article}, got ${got.role} ${got.article}`);
    }
  }
  return { problems, known };
}

// Pastes each page in Chromium, two tabs at a time, and calls check(page, text) in page order.
export async function eachPaste(pages, check, { jobs = 2 } = {}) {
  const paster = await launchPaster();
  const texts = new Array(pages.length);
  let next = 0;
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, pages.length) }, async () => {
      const tab = await paster.tab();
      while (next < pages.length) {
        const k = next++;
        const p = pageFile(pages[k].set, pages[k].id);
        texts[k] = await tab.paste(readHtml(p), `${pages[k].set}/${pages[k].id}`);
      }
      await tab.close();
    }));
  } finally {
    await paster.close();
  }
  pages.forEach((p, k) => check(p, texts[k]));
}

function bootstrap(set, id, doc) {
  const file = path.join(goldenDir, set, `${id}.tsv`);
  if (fs.existsSync(file)) throw new Error(`${file} exists: edit it, or delete it first`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = [`# ${set}/${id}: bootstrapped from Maqal's roles; NOT REVIEWED yet`];
  for (const b of doc.blocks) lines.push(`${label(b)}\t${articleOf(b)}\t${snippet(b.text)}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  console.log(`wrote ${path.relative(repoRoot, file)} (${doc.blocks.length} blocks)`);
}

// A known miss that Maqal now gets right loses its mark; every other line stays as reviewed.
function dropFixed(file, doc) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let dropped = 0;
  readExpectation(file).forEach((e, i) => {
    const b = doc.blocks[i];
    if (!e.known || !b || snippet(b.text) !== e.text) return;
    if (label(b) === e.role && articleOf(b) === e.article) {
      lines[e.line - 1] = lines[e.line - 1].split('\t').slice(0, 3).join('\t');
      dropped++;
    }
  });
  if (dropped) fs.writeFileSync(file, lines.join('\n'));
  if (dropped) console.log(`${path.relative(repoRoot, file)}: ${dropped} known misses now right`);
}

function show(set, id, doc) {
  const file = path.join(goldenDir, set, `${id}.tsv`);
  const expected = fs.existsSync(file) ? readExpectation(file) : [];
  doc.blocks.forEach((b, i) => {
    const e = expected[i];
    const want = e ? `${e.role} ${e.article}` : '?';
    const got = `${label(b)} ${articleOf(b)}`;
    const mark = !e ? ' ' : want === got ? '=' : e.known && `${e.known.role} ${e.known.article}` === got ? 'k' : 'X';
    console.log(`${String(i).padStart(3)} ${mark} ${want.padEnd(22)} ${got.padEnd(22)} ${b.text.slice(0, 110)}`);
  });
}

async function main() {
  const [mode, ...which] = process.argv.slice(2);
  if (mode === '--bootstrap' || mode === '--show') {
    const pages = which.map((w) => {
      const [set, id] = w.split('/');
      if (!set || !id) throw new Error(`${mode} needs SET/ID, e.g. wcxb/0031`);
      return { set, id };
    });
    if (!pages.length) throw new Error(`${mode} needs SET/ID, e.g. wcxb/0031`);
    await eachPaste(pages, (p, text) => (mode === '--show' ? show : bootstrap)(p.set, p.id, parse(text)));
    return;
  }
  if (mode && mode !== '--drop-fixed') throw new Error(`unknown argument ${mode}`);
  const pages = listGolden();
  if (mode === '--drop-fixed') {
    await eachPaste(pages, (p, text) => dropFixed(p.file, parse(text)));
    return;
  }
  let failed = 0;
  let known = 0;
  await eachPaste(pages, (p, text) => {
    const r = compare(readExpectation(p.file), parse(text));
    known += r.known;
    if (r.problems.length) failed++;
    for (const line of r.problems) console.log(`${p.set}/${p.id}: ${line}`);
  });
  console.log(`golden pastes: ${pages.length} pages, ${failed} failing, ${known} known misses`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`golden_pastes: ${err.message || err}`);
    process.exit(1);
  });
}
