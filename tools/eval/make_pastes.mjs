// Turn benchmark pages into "pasted text": what a person gets by selecting the whole page in a
// browser and copying it, i.e. document.body.innerText in headless Chromium with JavaScript off.
//
//   node tools/eval/make_pastes.mjs [--set wcxb|readability] [--force] [--limit N]
//                                   [--jobs N] [--timeout MS]
//
// --set wcxb (default): ../shared/data/wcxb-dev-articles/html/<id>.html.gz
//                       -> build/eval/wcxb-paste/<id>.txt
// --set readability:    ../shared/data/readability-test-pages/<name>/source.html
//                       -> build/eval/readability-paste/<name>.txt
//
// Cached: a page whose .txt exists is skipped unless --force. A page that fails or times out
// gets an empty .txt and a line in <out>/errors.log; the run goes on. No request leaves the
// process: every network request is aborted and JavaScript is off.
//
// The browser side is tools/eval/paster.mjs (Debian's /usr/bin/chromium, playwright-core).

import fs from 'node:fs';
import path from 'node:path';
import { SETS, launchPaster, listPages, readHtml, repoRoot } from './paster.mjs';

function usage(msg) {
  if (msg) console.error(`make_pastes: ${msg}`);
  console.error('usage: node tools/eval/make_pastes.mjs [--set wcxb|readability] [--force] ' +
    '[--limit N] [--jobs N] [--timeout MS]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { set: 'wcxb', force: false, limit: Infinity, jobs: 2, timeout: 10000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--set') opts.set = val();
    else if (a === '--force') opts.force = true;
    else if (a === '--limit') opts.limit = Number(val());
    else if (a === '--jobs') opts.jobs = Number(val());
    else if (a === '--timeout') opts.timeout = Number(val());
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!SETS.includes(opts.set)) usage(`unknown set ${opts.set}`);
  for (const k of ['limit', 'jobs', 'timeout']) {
    if (!(opts[k] > 0)) usage(`--${k} must be a positive number`);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const outDir = path.join(repoRoot, 'build', 'eval', `${opts.set}-paste`);
  fs.mkdirSync(outDir, { recursive: true });
  const logPath = path.join(outDir, 'errors.log');

  const all = listPages(opts.set).slice(0, opts.limit);
  const todo = all.filter((p) => opts.force || !fs.existsSync(path.join(outDir, `${p.id}.txt`)));
  console.log(`make_pastes: ${opts.set}: ${all.length} pages, ${all.length - todo.length} cached, ` +
    `${todo.length} to make -> ${path.relative(repoRoot, outDir)}/`);
  if (todo.length === 0) return;

  const t0 = Date.now();
  const paster = await launchPaster({ timeout: opts.timeout });

  let next = 0;
  let done = 0;
  let failed = 0;
  const log = (line) => fs.appendFileSync(logPath, `${new Date().toISOString()} ${line}\n`);

  // One worker = one tab, re-created after a failure (a hung page is closed).
  async function worker() {
    let tab = await paster.tab();
    while (next < todo.length) {
      const p = todo[next++];
      const out = path.join(outDir, `${p.id}.txt`);
      let text = '';
      try {
        text = await tab.paste(readHtml(p), p.id);
      } catch (err) {
        failed++;
        text = '';
        log(`${p.id}: ${String(err.message || err).split('\n')[0]}`);
        console.error(`make_pastes: ${p.id}: ${String(err.message || err).split('\n')[0]}`);
        await tab.close();
        tab = await paster.tab();
      }
      fs.writeFileSync(out, text);
      done++;
      if (done % 50 === 0) {
        console.log(`make_pastes: ${done}/${todo.length} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      }
    }
    await tab.close();
  }

  try {
    await Promise.all(Array.from({ length: Math.min(opts.jobs, todo.length) }, worker));
  } finally {
    await paster.close();
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(`make_pastes: made ${done} pastes (${failed} failed${failed ? `, see ${path.relative(repoRoot, logPath)}` : ''}) ` +
    `in ${secs.toFixed(1)} s (${(secs / Math.max(done, 1)).toFixed(2)} s/page)`);
}

main().catch((err) => {
  console.error(`make_pastes: ${err.message || err}`);
  process.exit(1);
});
