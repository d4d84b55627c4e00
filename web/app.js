// Maqal page: wiring. Loads the wasm engine, parses on paste / input / button,
// and hands the result to view.js. No network besides same-origin module + wasm.
import { createMaqal } from './maqal.js';
import { renderOutput, renderSummary, renderLegend, h } from './view.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const output = $('output');
const parseBtn = $('parse');
const clearBtn = $('clear');
const autoBox = $('auto');
const errorLine = $('error');
const stats = $('stats');
const meta = $('meta');
const counter = $('counter');
const summary = $('summary');
const legend = $('legend');
const jsonView = $('json');
const engine = $('engine');
const engineText = $('engine-text');
const versionEl = $('version');
const useHtml = $('use-html');

const DEBOUNCE_MS = 250;
const hiddenTypes = new Set();
let maqal = null;
let pending = false; // a parse was requested before the engine was ready
let timer = 0;
let lastText = null;
let lastResult = null;
let pastedHtml = null; // the clipboard's text/html of the last paste, while the text is unedited

const nf = new Intl.NumberFormat('en');

function setEngine(state, text) {
  engine.dataset.state = state;
  engineText.textContent = text;
  document.documentElement.dataset.engine = state;
}

function showError(message) {
  if (message) {
    errorLine.textContent = message;
    errorLine.hidden = false;
  } else {
    errorLine.textContent = '';
    errorLine.hidden = true;
  }
}

function updateCounter() {
  const n = input.value.length;
  counter.textContent = `${nf.format(n)} character${n === 1 ? '' : 's'}`;
}

function emptyState() {
  output.replaceChildren(
    h('div', { class: 'empty-state' },
      h('p', { class: 'empty-title' }, 'Nothing parsed yet'),
      h('p', {}, 'Paste an article above — in Arabic or English — and each block appears here with its role, and each name, place and date highlighted.'),
      h('p', { lang: 'ar', dir: 'rtl' }, 'الصق مقالاً في الأعلى لتظهر هنا بنيته والأسماء والأماكن والتواريخ فيه.')),
  );
  output.dataset.state = 'empty';
  output.removeAttribute('dir');
  summary.replaceChildren(h('p', { class: 'muted' }, 'No article yet.'));
  jsonView.textContent = '';
  stats.textContent = '';
  meta.textContent = '';
  showError('');
  drawLegend(null);
}

function countBy(items, key) {
  const m = new Map();
  for (const it of items || []) {
    const k = it && it[key];
    if (k) m.set(k, (m.get(k) || 0) + 1);
  }
  return m;
}

function drawLegend(result) {
  renderLegend(legend, {
    roleCounts: countBy(result && result.blocks, 'role'),
    typeCounts: countBy(result && result.entities, 'type'),
    hidden: hiddenTypes,
    onToggle: toggleType,
  });
}

function toggleType(type) {
  if (hiddenTypes.has(type)) hiddenTypes.delete(type);
  else hiddenTypes.add(type);
  applyHidden();
  drawLegend(lastResult);
  const btn = legend.querySelector(`button[data-type="${CSS.escape(type)}"]`);
  if (btn) btn.focus();
}

function applyHidden() {
  output.dataset.hidden = [...hiddenTypes].join(' ');
  for (const m of output.querySelectorAll('mark[data-type]')) {
    m.classList.toggle('off', hiddenTypes.has(m.dataset.type));
  }
}

function jumpTo(articleId) {
  const target = document.getElementById(`article-${articleId}`);
  if (!target) return;
  target.scrollIntoView({ behavior: 'smooth', block: 'start' });
  target.classList.remove('flash');
  void target.offsetWidth; // restart the animation
  target.classList.add('flash');
}

/** Parses the current text now (cancels a pending debounced parse). */
function parseNow() {
  clearTimeout(timer);
  timer = 0;
  let text = input.value;
  updateCounter();
  if (!maqal) {
    pending = true;
    return;
  }
  if (text === '') {
    lastText = '';
    lastResult = null;
    emptyState();
    return;
  }
  let result;
  const t0 = performance.now();
  try {
    // Pasted HTML is parsed as HTML (never inserted into the page); the offsets of its result
    // index the text extracted from it, which is what gets shown.
    result = pastedHtml ? maqal.parse(pastedHtml, { html: true }) : maqal.parse(text, {});
    if (pastedHtml && result && typeof result.text === 'string') text = result.text;
  } catch (err) {
    result = { error: { code: 'exception', message: String(err && err.message ? err.message : err) } };
  }
  const ms = performance.now() - t0;
  lastText = text;
  if (result && result.error && result.error.code === 'empty') {
    // only whitespace so far: nothing to complain about
    lastResult = null;
    emptyState();
    output.dataset.parses = String((Number(output.dataset.parses) || 0) + 1);
    return;
  }
  lastResult = result;
  render(text, result, ms);
  output.dataset.parses = String((Number(output.dataset.parses) || 0) + 1);
}

function render(text, result, ms) {
  jsonView.textContent = JSON.stringify(result, null, 2);
  if (!result || typeof result !== 'object' || result.error) {
    const e = (result && result.error) || { code: 'bad_result', message: 'The engine returned no result.' };
    const msg = String(e.message || '');
    const at = Number.isInteger(e.offset) && !/\b(byte|offset)\b/.test(msg) ? ` (at byte ${e.offset})` : '';
    showError(`Could not parse: ${e.code || 'error'} — ${msg}${at}`);
    output.replaceChildren(h('div', { class: 'empty-state' },
      h('p', { class: 'empty-title' }, 'Nothing to show'),
      h('p', {}, 'The text could not be parsed; see the message above.')));
    output.dataset.state = 'error';
    summary.replaceChildren(h('p', { class: 'muted' }, 'No article.'));
    stats.textContent = '';
    meta.textContent = '';
    drawLegend(null);
    return;
  }
  showError('');
  if (result.dir === 'rtl' || result.dir === 'ltr') output.setAttribute('dir', result.dir);
  const { blocks, marks } = renderOutput(output, text, result);
  applyHidden();
  wireClusters(marks);
  renderSummary(summary, result, jumpTo);
  drawLegend(result);
  const nArticles = (result.articles || []).length;
  const nEntities = (result.entities || []).length;
  const nQuotes = (result.quotes || []).length;
  stats.textContent = `Parsed ${pastedHtml ? 'the pasted HTML ' : ''}in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  meta.textContent = [
    `${blocks} block${blocks === 1 ? '' : 's'}`,
    `${nArticles} article${nArticles === 1 ? '' : 's'}`,
    `${nEntities} entit${nEntities === 1 ? 'y' : 'ies'}`,
    `${nQuotes} quote${nQuotes === 1 ? '' : 's'}`,
    result.lang ? `lang ${result.lang}` : null,
    result.dir ? result.dir.toUpperCase() : null,
  ].filter(Boolean).join(' · ');
  output.dataset.state = 'done';
}

/** Hovering an entity highlights every mention in the same cluster. */
function wireClusters(marks) {
  const byCluster = new Map();
  for (const m of marks) {
    const c = m.dataset.cluster;
    if (c === undefined) continue;
    if (!byCluster.has(c)) byCluster.set(c, []);
    byCluster.get(c).push(m);
  }
  for (const [, group] of byCluster) {
    if (group.length < 2) continue;
    const on = () => group.forEach((m) => m.classList.add('linked'));
    const off = () => group.forEach((m) => m.classList.remove('linked'));
    for (const m of group) {
      m.addEventListener('mouseenter', on);
      m.addEventListener('mouseleave', off);
    }
  }
}

function scheduleParse() {
  updateCounter();
  if (!autoBox.checked) return;
  clearTimeout(timer);
  timer = setTimeout(parseNow, DEBOUNCE_MS);
}

function onPaste(ev) {
  const data = ev.clipboardData;
  const text = data ? data.getData('text/plain') : '';
  if (!data || (text === '' && !data.types.includes('text/plain'))) return; // let the browser handle it
  ev.preventDefault();
  const html = useHtml.checked ? data.getData('text/html') : '';
  const start = input.selectionStart;
  const end = input.selectionEnd;
  // Prefer execCommand so the paste lands on the undo stack; fall back to setRangeText.
  const before = input.value;
  let done = false;
  if (document.activeElement === input && typeof document.execCommand === 'function') {
    try {
      done = document.execCommand('insertText', false, text) && input.value !== before;
    } catch {
      done = false;
    }
  }
  if (!done && input.value === before) {
    input.setRangeText(text, start, end, 'end');
  }
  pastedHtml = html || null;  // after the insertion: its input event belongs to the paste
  parseNow();
}

input.addEventListener('input', () => {
  pastedHtml = null;  // edited by hand: the text is what counts now
  scheduleParse();
});
useHtml.addEventListener('change', () => {
  if (!useHtml.checked) pastedHtml = null;
  parseNow();
});
input.addEventListener('paste', onPaste);
input.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    parseNow();
  }
});
parseBtn.addEventListener('click', parseNow);
clearBtn.addEventListener('click', () => {
  input.value = '';
  pastedHtml = null;
  parseNow();
  input.focus();
});
autoBox.addEventListener('change', () => {
  if (autoBox.checked && input.value !== lastText) parseNow();
});

emptyState();
updateCounter();

(async () => {
  try {
    maqal = await createMaqal();
    const v = maqal.version();
    versionEl.textContent = v ? `v${v}` : '';
    setEngine('ready', `Engine ready${v ? ` · v${v}` : ''}`);
    if (pending || input.value !== '') parseNow();
  } catch (err) {
    setEngine('failed', 'Engine failed to load');
    showError(`The WebAssembly engine could not be loaded: ${err && err.message ? err.message : err}`);
    output.dataset.state = 'error';
  }
})();
