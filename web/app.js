// Maqal page: wiring. The engine runs in a Web Worker (createMaqalWorker), so the page
// never freezes; view.js builds the DOM, article.js the reading view and Markdown.
// Pasted or dropped HTML is only ever parsed, never inserted into the page.
import { createMaqalWorker } from './maqal-worker-client.js';
import { renderOutput, renderSummary, renderLegend, renderEntities, renderReading, describeSpan, h } from './view.js';
import { mainArticle, articleMarkdown } from './article.js';

// The engine's worker was started by engine-start.js while the page was parsed (the worker fetches,
// compiles and instantiates the wasm while the page is styled and laid out); this module adopts it.
const engine = createMaqalWorker({ worker: globalThis.maqalEngineWorker });
engine.catch(() => {}); // a failure is shown below, once the page is wired
if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));

const $ = (id) => document.getElementById(id);
const input = $('input');
const output = $('output');
const reading = $('reading');
const jsonView = $('json');
const useHtml = $('use-html');
const autoBox = $('auto');
const errorLine = $('error');
const stats = $('stats');
const meta = $('meta');
const summary = $('summary');
const entities = $('entities');
const legend = $('legend');
const tip = $('tip');
const progress = $('progress');
const progressBar = $('progress-bar');
const progressText = $('progress-text');
const sourceNote = $('source-note');
const copyStatus = $('copy-status');
const exportButtons = ['copy-md', 'copy-json', 'download-json'].map($);

const DEBOUNCE_MS = 250;
const PROGRESS_AFTER_MS = 150; // short parses finish before a progress bar would flash
// Beyond this, blocks off screen are laid out lazily (style.css): shorter results (the samples, what a
// full-page screenshot shows) are drawn whole.
const LONG_RESULT_BLOCKS = 60;
const MAX_FILE_BYTES = 32 * 1024 * 1024; // the core's input limit
// 12,345: not Intl.NumberFormat, whose first use loads the browser's locale data on the main thread
// (tens of ms, which the page's start-up waited for)
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const hidden = new Set(); // legend toggles that are off: 'type:PER', 'role:boilerplate'
let maqal = null;
let timer = 0;
let generation = 0; // bumps on every parse request; a result from an older one is dropped
let busy = false;
let queued = false; // a parse was requested while one was running (or before the engine was ready)
let html = null; // { source, label }: HTML pasted or opened, parsed instead of the text while the text is unedited
const activeHtml = () => (html && useHtml.checked ? html : null);
let shownResult = null; // what the result panels show
// A pasted text not in the box yet: the parse starts first, the box (whose layout of 20 KB of text takes
// tens of ms) is filled once the whole result is drawn (or a long parse shows its progress), and is
// read-only until then.
let pendingBox = null; // { text, caret }
const inputText = () => (pendingBox ? pendingBox.text : input.value);
const samples = new Map(); // sample URL -> a promise of its text (null if it could not be fetched)

function setEngine(state, text) {
  $('engine').dataset.state = state;
  $('engine-text').textContent = text;
  document.documentElement.dataset.engine = state;
}

function showError(message) {
  errorLine.textContent = message || '';
  errorLine.hidden = !message;
}

function fillBox() {
  if (!pendingBox) return;
  const { text, caret } = pendingBox;
  pendingBox = null;
  input.value = text;
  input.setSelectionRange(caret, caret);
  input.readOnly = false;
}

function updateCounter() {
  const n = inputText().length;
  $('counter').textContent = `${thousands(n)} character${n === 1 ? '' : 's'}`;
}

function setHtml(next) {
  html = next;
  showSource();
}
function showSource() {
  sourceNote.textContent = !html ? ''
    : activeHtml() ? `Parsing ${html.label}. Untick “Use pasted HTML” to parse the plain text instead.`
      : `Parsing the plain text; tick “Use pasted HTML” to parse ${html.label}.`;
}

function countBy(items, key) {
  const m = new Map();
  for (const it of items || []) if (it && it[key]) m.set(it[key], (m.get(it[key]) || 0) + 1);
  return m;
}

function drawLegend() {
  const r = shownResult;
  renderLegend(legend, { roleCounts: countBy(r && r.blocks, 'role'), typeCounts: countBy(r && r.entities, 'type'), hidden, onToggle: toggle });
}

function toggle(group, key) {
  const id = `${group}:${key}`;
  if (!hidden.delete(id)) hidden.add(id);
  applyHidden();
  drawLegend();
  legend.querySelector(`button[data-${group}="${CSS.escape(key)}"]`)?.focus();
}

function applyHidden() {
  for (const m of output.querySelectorAll('mark[data-type]')) m.classList.toggle('off', hidden.has(`type:${m.dataset.type}`));
  for (const b of output.querySelectorAll('.block[data-role]')) b.hidden = hidden.has(`role:${b.dataset.role}`);
}

function showEmpty(title, ...lines) {
  output.replaceChildren(h('div', { class: 'empty-state' }, h('p', { class: 'empty-title' }, title), ...lines));
}

/** Clears every result panel; state: 'empty' | 'error' | 'cancelled'. */
function clearResult(state) {
  shownResult = null;
  output.dataset.state = state;
  output.removeAttribute('dir');
  if (state === 'empty') {
    showEmpty('Nothing parsed yet',
      h('p', {}, 'Paste an article above — in Arabic or English — or try a sample: each block appears here with its role, and each name, place and date highlighted.'),
      h('p', { lang: 'ar', dir: 'rtl' }, 'الصق مقالاً في الأعلى لتظهر هنا بنيته والأسماء والأماكن والتواريخ فيه.'));
  } else if (state === 'cancelled') {
    showEmpty('Parse cancelled', h('p', {}, 'Press Parse to start again.'));
  } else {
    showEmpty('Nothing to show', h('p', {}, 'The text could not be parsed; see the message above.'));
  }
  reading.replaceChildren();
  summary.replaceChildren(h('p', { class: 'muted' }, 'No article yet.'));
  entities.replaceChildren(h('p', { class: 'muted' }, 'No entity yet.'));
  jsonView.textContent = '';
  stats.textContent = '';
  meta.textContent = '';
  for (const b of exportButtons) b.disabled = true;
  drawLegend();
}

/** A parse is over (shown, failed or cancelled): a pasted text still waiting goes into the box; counted. */
function finishParse() {
  fillBox();
  output.dataset.parses = String((Number(output.dataset.parses) || 0) + 1);
}

/** Progress line: shown once a parse or a render has run for PROGRESS_AFTER_MS. */
const progressState = { timer: 0, started: 0, phase: '', chars: 0, done: 0, total: 0 };
function startProgress(chars) {
  Object.assign(progressState, { started: performance.now(), phase: 'parse', chars, done: 0, total: 0 });
  clearInterval(progressState.timer);
  progressState.timer = setInterval(drawProgress, 100);
}
function drawProgress() {
  const elapsed = performance.now() - progressState.started;
  if (elapsed < PROGRESS_AFTER_MS) return;
  fillBox(); // a long parse: the pasted text need not wait for it
  progress.hidden = false;
  const secs = `${(elapsed / 1000).toFixed(1)} s`;
  if (progressState.phase === 'parse') {
    progressBar.removeAttribute('value');
    progressText.textContent = `Parsing ${thousands(progressState.chars)} characters… ${secs}`;
  } else {
    progressBar.max = progressState.total || 1;
    progressBar.value = progressState.done;
    progressText.textContent = `Showing block ${thousands(progressState.done)} of ${thousands(progressState.total)}… ${secs}`;
  }
}
function stopProgress() {
  clearInterval(progressState.timer);
  progress.hidden = true;
}

/** Parses the current input now (or as soon as the running parse ends). */
async function parseNow() {
  clearTimeout(timer);
  updateCounter();
  if (!maqal || busy) {
    if (!maqal) fillBox(); // no engine yet (or none at all): the text need not wait for one
    queued = true;
    return;
  }
  const text = inputText();
  const source = activeHtml();
  if (text === '' && !source) {
    generation++;
    clearResult('empty');
    finishParse();
    return;
  }
  const mine = ++generation;
  const chars = source ? source.source.length : text.length;
  busy = true;
  startProgress(chars);
  const t0 = performance.now();
  let result;
  try {
    // The JSON text comes over from the worker, not the object: a string is copied at once, where
    // cloning a result's many small objects costs more than JSON.parse here (about 1 ms for 20 KB).
    result = JSON.parse(await maqal.parseJson(source ? source.source : text, { html: Boolean(source) }));
  } catch (err) {
    result = err && err.name === 'AbortError' ? null : { error: { code: 'exception', message: String(err && err.message ? err.message : err) } };
  }
  const parseMs = performance.now() - t0;
  busy = false;
  if (queued) {
    queued = false;
    stopProgress();
    parseNow(); // the input changed meanwhile: this result is already stale
    return;
  }
  if (mine !== generation) return;
  if (result === null) {
    stopProgress();
    return; // cancelled; cancel() has cleared the panels
  }
  // HTML results index the text extracted from the HTML; an opened file shows it in the box too
  const shownText = source && typeof result.text === 'string' ? result.text : text;
  if (source && text === '' && !result.error) {
    pendingBox = null;
    input.value = shownText;
    input.readOnly = false;
    updateCounter();
  }
  await render(shownText, result, parseMs, chars, mine, source);
  stopProgress();
}

async function render(text, result, parseMs, chars, mine, source) {
  if (result && result.error && result.error.code === 'empty') {
    clearResult('empty'); // only whitespace so far: nothing to complain about
    finishParse();
    return;
  }
  if (!result || typeof result !== 'object' || result.error) {
    const e = (result && result.error) || { code: 'bad_result', message: 'The engine returned no result.' };
    const msg = String(e.message || '');
    const at = Number.isInteger(e.offset) && !/\b(byte|offset|index)\b/.test(msg) ? ` (at byte ${e.offset})` : '';
    clearResult('error');
    showError(`Could not parse: ${e.code || 'error'} — ${msg}${at}`);
    finishParse();
    return;
  }
  const t0 = performance.now();
  progressState.phase = 'render';
  // set before the blocks go in: the first screen is measured as it will be drawn
  output.setAttribute('dir', result.dir === 'rtl' ? 'rtl' : 'ltr');
  output.classList.toggle('long', (result.blocks || []).length > LONG_RESULT_BLOCKS);
  const firstScreen = () => {
    showError('');
    shownResult = result;
    if (hidden.size) applyHidden(); // new blocks and marks are all shown
    output.dataset.state = 'done';
    const renderMs = performance.now() - t0;
    document.dispatchEvent(new CustomEvent('maqal:rendered', { detail: { parseMs, renderMs, chars } }));
  };
  const rendered = await renderOutput(output, text, result, {
    onFirstScreen: firstScreen,
    onProgress: (done, total) => Object.assign(progressState, { done, total }),
    isStale: () => mine !== generation,
  });
  if (!rendered) return; // a newer parse took over
  if (hidden.size) applyHidden(); // the blocks after the first screen
  renderSummary(summary, result, jumpTo);
  renderEntities(entities, result, pickCluster);
  drawLegend();
  for (const b of exportButtons) b.disabled = false;
  $('copy-md').disabled = !mainArticle(result);
  const count = (list, one, many) => `${list.length} ${list.length === 1 ? one : many}`;
  stats.textContent = `Parsed ${source ? `${source.label} ` : ''}in ${parseMs < 10 ? parseMs.toFixed(1) : Math.round(parseMs)} ms`;
  meta.textContent = [
    count(result.blocks || [], 'block', 'blocks'), count(result.articles || [], 'article', 'articles'),
    count(result.entities || [], 'entity', 'entities'), count(result.quotes || [], 'quote', 'quotes'),
    result.lang ? `lang ${result.lang}` : null, result.dir ? result.dir.toUpperCase() : null,
  ].filter(Boolean).join(' · ');
  // The reading view and the JSON are in tabs not shown yet: filled once the highlights are drawn.
  requestAnimationFrame(() => setTimeout(() => {
    if (shownResult === result) {
      renderReading(reading, mainArticle(result));
      jsonView.textContent = JSON.stringify(result, null, 2);
    }
    finishParse();
  }));
}

function jumpTo(articleId) {
  selectTab('tab-annotated');
  const target = document.getElementById(`article-${articleId}`);
  if (!target) return;
  target.scrollIntoView({ behavior: 'smooth', block: 'start' });
  target.classList.remove('flash');
  void target.offsetWidth; // restart the animation
  target.classList.add('flash');
}

/** Entity panel: each press scrolls to the cluster's next mention and lights up all of them. */
const nextMention = new Map();
function pickCluster(id) {
  selectTab('tab-annotated');
  const marks = [...output.querySelectorAll(`mark[data-cluster="${id}"][tabindex]`)];
  if (!marks.length) return;
  const i = (nextMention.get(id) || 0) % marks.length;
  nextMention.set(id, i + 1);
  for (const m of output.querySelectorAll('mark.linked')) m.classList.remove('linked');
  for (const m of output.querySelectorAll(`mark[data-cluster="${id}"]`)) m.classList.add('linked');
  const block = marks[i].closest('.block');
  if (block && block.hidden) toggle('role', block.dataset.role); // its role was switched off: show it again
  marks[i].scrollIntoView({ behavior: 'smooth', block: 'center' });
  marks[i].focus({ preventScroll: true });
}

/** Tooltip for marks and quotes, on hover and on keyboard focus. */
function showTip(el) {
  if (!shownResult) return;
  const lines = describeSpan(el, shownResult);
  if (!lines.length) return;
  tip.replaceChildren(...lines.map(([k, v, note]) => (v === '' ? h('strong', {}, k)
    : h('div', {}, h('span', { class: 'tip-key' }, `${k}: `), h('bdi', {}, v), note ? ` ${note}` : null))));
  tip.style.left = '0px'; // measure its natural width, not the width left of its last position
  tip.hidden = false;
  const r = el.getBoundingClientRect();
  const w = tip.offsetWidth;
  tip.style.left = `${Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - w - 4))}px`;
  tip.style.top = `${window.scrollY + r.bottom + 6}px`;
  el.setAttribute('aria-describedby', 'tip');
  for (const m of output.querySelectorAll(`mark[data-cluster="${CSS.escape(el.dataset.cluster || '')}"]`)) m.classList.add('linked');
}
function hideTip(el) {
  tip.hidden = true;
  if (el) el.removeAttribute('aria-describedby');
  for (const m of output.querySelectorAll('mark.linked')) m.classList.remove('linked');
}
const spanOf = (target) => (target instanceof Element ? target.closest('#output mark[data-entity], #output q[data-quote]') : null);
output.addEventListener('mouseover', (ev) => { const el = spanOf(ev.target); if (el) showTip(el); });
output.addEventListener('mouseout', (ev) => { const el = spanOf(ev.target); if (el && !el.contains(ev.relatedTarget)) hideTip(el); });
output.addEventListener('focusin', (ev) => { const el = spanOf(ev.target); if (el) showTip(el); });
output.addEventListener('focusout', (ev) => { const el = spanOf(ev.target); if (el) hideTip(el); });
document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && !tip.hidden) hideTip(spanOf(document.activeElement)); });

/** Tabs: Annotated, Reading view, JSON (arrow keys move between them). */
const tabs = [...document.querySelectorAll('[role="tab"]')];
function selectTab(id) {
  for (const t of tabs) {
    const on = t.id === id;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  hideTip(null);
}
for (const t of tabs) {
  t.addEventListener('click', () => selectTab(t.id));
  t.addEventListener('keydown', (ev) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -tabs.length, End: tabs.length }[ev.key];
    if (!step) return;
    ev.preventDefault();
    const next = tabs[Math.max(0, Math.min(tabs.length - 1, tabs.indexOf(t) + step))];
    selectTab(next.id);
    next.focus();
  });
}

/** Export: copy the main article as Markdown, copy or download the JSON. */
async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = `Copied ${what}.`;
  } catch (err) {
    copyStatus.textContent = `Could not copy ${what}: ${err && err.message ? err.message : err}`;
  }
}
$('copy-md').addEventListener('click', () => copy(articleMarkdown(shownResult), 'the main article as Markdown'));
$('copy-json').addEventListener('click', () => copy(JSON.stringify(shownResult, null, 2), 'the JSON'));
$('download-json').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(shownResult, null, 2)}\n`], { type: 'application/json' }));
  const a = h('a', { href: url, download: 'maqal.json', hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  copyStatus.textContent = 'Downloaded maqal.json.';
});

/** Input: typing, paste (text/html when the clipboard has it), files, samples. */
function setInput(text, nextHtml) {
  pendingBox = null;
  input.readOnly = false;
  input.value = text;
  if (nextHtml) useHtml.checked = true;
  setHtml(nextHtml);
  parseNow();
}

function onPaste(ev) {
  const data = ev.clipboardData;
  const text = data ? data.getData('text/plain') : '';
  const pasted = data ? data.getData('text/html') : '';
  if (!data || (text === '' && pasted === '')) return; // nothing Maqal reads (an image, say): the browser's business
  ev.preventDefault();
  fillBox(); // a paste still waiting for the box goes in first
  const before = input.value;
  const { selectionStart: start, selectionEnd: end } = input;
  // Not execCommand('insertText'), which takes most of a second for 20 KB: the box is set afterwards
  // (fillBox), as a whole, with the caret after the pasted text.
  const normalized = text.replace(/\r\n?/g, '\n'); // as the box would hold it
  pendingBox = { text: before.slice(0, start) + normalized + before.slice(end), caret: start + normalized.length };
  input.readOnly = true;
  // the HTML stands for the whole text only
  const whole = start === 0 && end === before.length;
  setHtml(pasted && whole ? { source: pasted, label: 'the pasted HTML' } : null);
  parseNow();
}

async function openFile(file) {
  const isHtml = /\.html?$/i.test(file.name) || file.type === 'text/html';
  if (!isHtml && !/\.txt$/i.test(file.name) && file.type !== 'text/plain') {
    showError(`Maqal reads .txt and .html files; “${file.name}” is neither.`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showError(`“${file.name}” is ${thousands(file.size)} bytes; Maqal reads at most ${thousands(MAX_FILE_BYTES)}.`);
    return;
  }
  const content = await file.text();
  if (isHtml) setInput('', { source: content, label: `the HTML of ${file.name}` });
  else setInput(content, null);
}

input.addEventListener('input', () => {
  setHtml(null); // edited by hand: the text is what counts now
  updateCounter();
  if (!autoBox.checked) return;
  clearTimeout(timer);
  timer = setTimeout(parseNow, DEBOUNCE_MS);
});
input.addEventListener('paste', onPaste);
input.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    parseNow();
  }
});
useHtml.addEventListener('change', () => {
  showSource();
  parseNow();
});
autoBox.addEventListener('change', () => { if (autoBox.checked) parseNow(); });
$('parse').addEventListener('click', parseNow);
$('clear').addEventListener('click', () => {
  setInput('', null);
  input.focus();
});
$('cancel').addEventListener('click', () => {
  generation++;
  queued = false;
  maqal.cancel();
  stopProgress();
  clearResult('cancelled');
  finishParse();
  input.focus();
});
$('file').addEventListener('change', (ev) => {
  const [file] = ev.target.files;
  if (file) openFile(file);
  ev.target.value = '';
});
const card = $('input-card');
card.addEventListener('dragover', (ev) => {
  if (!ev.dataTransfer.types.includes('Files')) return;
  ev.preventDefault();
  card.classList.add('dropping');
});
card.addEventListener('dragleave', (ev) => { if (!card.contains(ev.relatedTarget)) card.classList.remove('dropping'); });
card.addEventListener('drop', (ev) => {
  card.classList.remove('dropping');
  const [file] = ev.dataTransfer.files;
  if (!file) return;
  ev.preventDefault();
  openFile(file);
});
for (const button of document.querySelectorAll('[data-sample]')) {
  button.addEventListener('click', async () => {
    const text = await samples.get(button.dataset.sample);
    if (typeof text === 'string') setInput(text, null);
  });
}

/** The browser extension stores the tab's HTML (or its selection) and opens this page on #ext=KEY. */
async function takeFromExtension() {
  const key = /^#ext=([\w-]+)$/.exec(location.hash);
  const storage = globalThis.chrome && chrome.storage && chrome.storage.session;
  if (!key || !storage) return;
  const { [key[1]]: page } = await storage.get(key[1]);
  await storage.remove(key[1]);
  if (!page) return;
  document.title = `${page.title || page.url} · Maqal`;
  if (page.selection) setInput(page.selection, null);
  else setInput('', { source: page.html, label: `the HTML of ${page.url}` });
}

/**
 * A result drawn once where no one sees it, then dropped: the first real one would otherwise pay for
 * compiling the page's drawing code and its regular expressions and loading the fonts of its marks.
 */
async function renderUnseen(text, result) {
  const scratch = h('div', { class: 'output unseen', 'aria-hidden': 'true', dir: result.dir === 'rtl' ? 'rtl' : 'ltr' });
  output.after(scratch);
  await renderOutput(scratch, text, result);
  scratch.getBoundingClientRect(); // laid out: the fonts are loaded
  scratch.remove();
}

/**
 * The engine's first parse compiles the wasm functions it reaches and builds its lexicons (hundreds of
 * ms), and V8 runs them as baseline code until they have run a while: a 20 KB paste parsed in ~300 ms
 * after one parse of the samples takes ~30 ms once they have been parsed ten times. So the samples
 * are parsed WARM_ROUNDS times in the worker now, not the reader's first pastes: the warm-up stops
 * when the reader asks for a parse (which waits for one sample's parse at most). Marks 'maqal:warm'
 * when done.
 */
const WARM_ROUNDS = 10;
async function warmUp() {
  const start = generation;
  try {
    for (let round = 0; round < WARM_ROUNDS; round++) {
      for (const sample of samples.values()) {
        const text = await sample;
        if (generation !== start) return;
        if (!text) continue;
        const json = await maqal.parseJson(text);
        if (round === 0 && generation === start) await renderUnseen(text, JSON.parse(json));
      }
    }
    performance.mark('maqal:warm');
  } catch {
    // cancelled by the reader: the next parse warms up instead
  }
}

clearResult('empty');
updateCounter();

(async () => {
  try {
    // Everything the page will need is requested now (no request after load). Ready means a paste is
    // parsed at once: the samples and the version, which a paste does not need, are not waited for.
    for (const { dataset: { sample: url } } of document.querySelectorAll('[data-sample]')) {
      samples.set(url, fetch(url).then((res) => (res.ok ? res.text() : null)).catch(() => null));
    }
    maqal = await engine;
    setEngine('ready', 'Engine ready');
    performance.mark('maqal:ready');
    maqal.version().then((v) => {
      $('version').textContent = v ? `v${v}` : '';
      if (v) $('engine-text').textContent = `Engine ready · v${v}`;
    });
    warmUp();
    await takeFromExtension();
    if (queued || inputText() !== '') {
      queued = false;
      parseNow();
    }
  } catch (err) {
    setEngine('failed', 'Engine failed to load');
    showError(`The WebAssembly engine could not be loaded: ${err && err.message ? err.message : err}`);
    output.dataset.state = 'error';
  }
})();
