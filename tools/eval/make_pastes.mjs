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
// Needs Debian's /usr/bin/chromium and the playwright-core npm package (devDependency).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedData = path.resolve(repoRoot, '..', 'shared', 'data');
const chromiumPath = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

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
  if (!['wcxb', 'readability'].includes(opts.set)) usage(`unknown set ${opts.set}`);
  for (const k of ['limit', 'jobs', 'timeout']) {
    if (!(opts[k] > 0)) usage(`--${k} must be a positive number`);
  }
  return opts;
}

// [{id, file, gz}] in name order.
function listPages(set) {
  if (set === 'wcxb') {
    const dir = path.join(sharedData, 'wcxb-dev-articles', 'html');
    if (!fs.existsSync(dir)) throw new Error(`missing ${dir} (../shared beside the repo)`);
    return fs.readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort()
      .map((f) => ({ id: f.slice(0, -'.html.gz'.length), file: path.join(dir, f), gz: true }));
  }
  const dir = path.join(sharedData, 'readability-test-pages');
  if (!fs.existsSync(dir)) throw new Error(`missing ${dir} (../shared beside the repo)`);
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'source.html')))
    .map((d) => d.name).sort()
    .map((name) => ({ id: name, file: path.join(dir, name, 'source.html'), gz: false }));
}

function readHtml(p) {
  const buf = fs.readFileSync(p.file);
  return (p.gz ? zlib.gunzipSync(buf) : buf).toString('utf8');
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timeout after ${ms} ms`)), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
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

  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing (apt-get install chromium)`);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    throw new Error(`playwright-core is not installed (npm ci): ${err.message}`);
  }

  const t0 = Date.now();
  let browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
  const newContext = async () => {
    const ctx = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 2000 },
      serviceWorkers: 'block',
    });
    await ctx.route('**/*', (r) => r.abort());
    return ctx;
  };

  let next = 0;
  let done = 0;
  let failed = 0;
  const log = (line) => fs.appendFileSync(logPath, `${new Date().toISOString()} ${line}\n`);

  // One worker = one context with one page, re-created after a failure (a hung page is closed).
  async function worker() {
    let ctx = await newContext();
    let page = await ctx.newPage();
    while (next < todo.length) {
      const p = todo[next++];
      const out = path.join(outDir, `${p.id}.txt`);
      let text = '';
      try {
        const html = readHtml(p);
        text = await withTimeout((async () => {
          await page.setContent(html, { waitUntil: 'domcontentloaded', timeout: opts.timeout });
          // Let CSS animations and transitions reach their end state, what a reader sees after a
          // moment (AMP pages hide the body with an 8 s "-amp-start" animation; with JavaScript off
          // it is what finally shows them). Infinite ones cannot be finished and stay as they are.
          return page.evaluate(() => {
            for (const a of document.getAnimations()) {
              try { a.finish(); } catch { /* infinite */ }
            }
            return document.body ? document.body.innerText : '';
          });
        })(), opts.timeout + 2000, p.id);
      } catch (err) {
        failed++;
        text = '';
        log(`${p.id}: ${String(err.message || err).split('\n')[0]}`);
        console.error(`make_pastes: ${p.id}: ${String(err.message || err).split('\n')[0]}`);
        await ctx.close().catch(() => {});
        if (!browser.isConnected()) {
          browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
        }
        ctx = await newContext();
        page = await ctx.newPage();
      }
      fs.writeFileSync(out, text);
      done++;
      if (done % 50 === 0) {
        console.log(`make_pastes: ${done}/${todo.length} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      }
    }
    await ctx.close().catch(() => {});
  }

  try {
    await Promise.all(Array.from({ length: Math.min(opts.jobs, todo.length) }, worker));
  } finally {
    await browser.close().catch(() => {});
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(`make_pastes: made ${done} pastes (${failed} failed${failed ? `, see ${path.relative(repoRoot, logPath)}` : ''}) ` +
    `in ${secs.toFixed(1)} s (${(secs / Math.max(done, 1)).toFixed(2)} s/page)`);
}

main().catch((err) => {
  console.error(`make_pastes: ${err.message || err}`);
  process.exit(1);
});
