// The benchmark's one table (Markdown, so the README can carry it as printed) and its SVG chart,
// both from the results object that run.mjs writes to build/bench/results.json.

const ms = (x) => (x == null ? '–' : x < 10 ? `${x.toFixed(2)} ms` : x < 100 ? `${x.toFixed(1)} ms`
  : x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(x < 1e4 ? 2 : 1)} s`);
const times = (x) => `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}x`;
const kb = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(bytes < 1e4 ? 1 : 0)} KB`);
const rate = (tps) => (tps >= 1e6 ? `${(tps / 1e6).toFixed(2)} M` : `${Math.round(tps / 1e3)} k`);
const met = (ok) => (ok ? 'met' : '**not met**');
const sizeName = (s) => (s >= 1e6 ? `${s / 1e6} MB` : `${s / 1e3} KB`);

export function table(r) {
  const rows = [];
  const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);
  const n = r.pages;
  const perPage = (e) => `${ms(e.median)} median, ${ms(e.p95)} p95`;

  // Targets are judged like for like (Maqal's extraction only against Readability's extraction) when
  // the build has that mode; the whole result's ratio is reported beside it.
  const versus = (ratios, whom) => `${times(ratios.median)} ${whom} median (p95 ${times(ratios.p95)})`;
  const judge = (e, target) => `>= ${target}x: ${met((e.extractRatio || e.ratio).median >= target)}`;

  const node = r.extraction.node;
  const where = `HTML extraction per page, Node (${n.count} WCXB pages, ${kb(n.avgBytes)} avg)`;
  row(where, 'Maqal native (one process), whole result', perPage(node.native), '', '');
  if (node.nativeExtract) row('', 'Maqal native, extraction only (--no-entities)', perPage(node.nativeExtract), '', '');
  row('', 'Maqal wasm, whole result', perPage(node.wasm), '', '');
  if (node.wasmExtract) row('', 'Maqal wasm, extraction only ({entities: false})', perPage(node.wasmExtract), '', '');
  row('', 'Readability.js + jsdom', perPage(node.readability),
    [node.extractRatio && versus(node.extractRatio, "Maqal wasm extraction's"), versus(node.ratio, "Maqal wasm whole result's")]
      .filter(Boolean).join('; '), judge(node, 12));

  const web = r.extraction.chromium;
  const webWhere = 'HTML extraction per page, Chromium (same pages, same strings)';
  row(webWhere, `Maqal wasm, ${web.call}, whole result`, perPage(web.maqal), '', '');
  if (web.maqalDom) row('', "Maqal wasm, parseHtml(html, {feed: 'dom'}), whole result", perPage(web.maqalDom), '', '');
  if (web.maqalExtract) row('', 'Maqal wasm, parseHtml(html, {entities: false})', perPage(web.maqalExtract), '', '');
  if (web.maqalDomExtract) row('', "Maqal wasm, parseHtml(html, {feed: 'dom', entities: false})", perPage(web.maqalDomExtract), '', '');
  row('', 'Readability.js on DOMParser', perPage(web.readability),
    [web.extractRatio && versus(web.extractRatio, "Maqal's fastest extraction's"), versus(web.ratio, "Maqal's fastest whole result's")]
      .filter(Boolean).join('; '), judge(web, 2));

  if (r.entities) entityRows(r, row);
  if (r.browser) pageRows(r, row);
  if (r.scaling) scalingRows(r, row);
  return ['| part | what | figure | ratio / note | target |', '|---|---|---|---|---|', ...rows].join('\n');
}

function entityRows(r, row) {
  const ent = r.entities;
  const types = (e) => Object.keys(e.types || {}).join(' ');
  const entWhere = `Entities, Node (${kb(ent.bytes)} English, ${Math.round(ent.tokens / 1e3)}k words)`;
  const order = ['Maqal native', 'Maqal wasm', 'compromise', 'wink-nlp'];
  order.forEach((name, i) => {
    const e = ent.engines[name];
    const last = name === 'wink-nlp';
    row(i === 0 ? entWhere : '', `${name}${e.types && name !== 'Maqal native' ? ` (${types(e)})` : ''}`,
      `${rate(e.tokensPerSecond)} words/s (${ms(e.ms)})`,
      last ? `Maqal wasm ${times(ent.ratio.wink)} wink-nlp, ${times(ent.ratio.compromise)} compromise` : '',
      last ? `>= 5x wink-nlp with PER/ORG/LOC: ${met(ent.ratio.wink >= 5 && ent.maqalFindsPerOrgLoc)}` : '');
  });

}

function pageRows(r, row) {
  const b = r.browser;
  row('Page, Chromium', 'navigation start to engine ready', `${ms(b.readyMs)} median of ${b.readyRuns.length} cold loads`, '',
    `<= 150 ms: ${met(b.readyMs <= 150)}`);
  if (b.warmMs != null) row('', 'navigation start to engine warm (its warm-up parse done)', `${ms(b.warmMs)} median`, '', '');
  for (const floor of b.floors) row('', floor.name, `${ms(floor.readyMs)} median`, '', '');
  // The page's paste handler fires no input event (it fills the text box after the highlights): then
  // the text box's share, if any, is in the rest. render: to the first screen of highlights.
  const timeline = (p) => `${p.insertMs == null ? '' : `textarea ${ms(p.insertMs)}, `}parse ${ms(p.parseMs)}, ` +
    `render ${ms(p.renderedMs - (p.insertMs || 0) - p.parseMs)}, frame ${ms(p.paintMs - p.renderedMs)}`;
  for (const size of [...new Set(b.paste.map((p) => p.name.split(' ').slice(0, 2).join(' ')))]) {
    const [ar, en] = ['Arabic', 'English'].map((lang) => b.paste.find((p) => p.name === `${size} ${lang}`));
    const worst = Math.max(ar.ms, en.ms);
    row('', `paste to highlight, ${size}`, `Arabic ${ms(ar.ms)}, English ${ms(en.ms)}`,
      `Arabic: ${timeline(ar)}; English: ${timeline(en)}`, size === '20 KB' ? `<= 50 ms: ${met(worst <= 50)}` : '');
  }
  row('', `download, ${b.files.length} files`, `${kb(b.bytes)} raw, ${kb(b.gzip)} gzip`,
    b.files.map((f) => `${f.file.endsWith('/') ? 'index.html' : f.file.split('/').pop()} ${kb(f.gzip)}`).join(', '), `<= 1 MB gzip: ${met(b.gzip <= 1e6)}`);
}

function scalingRows(r, row) {
  const { text: textSteps, html: htmlSteps } = r.scaling.series;
  const perByte = (st) => `${ms(st.ms)} (${st.nsPerByte.toFixed(0)} ns/B${st.superLinear ? `, **super-linear: x${st.growth.toFixed(2)} per byte**` : ''})`;
  const memory = (st) => `${(st.peakKb / 1024).toFixed(0)} MB${st.memoryRatio == null ? '' : ` (${st.memoryRatio.toFixed(1)}x)`}` +
    `, wasm ${(st.wasmKb / 1024).toFixed(0)} MB${st.wasmRatio == null ? '' : ` (${st.wasmRatio.toFixed(1)}x)`}`;
  textSteps.forEach((t, i) => {
    const h = htmlSteps[i];
    row(i === 0 ? 'Scaling, native: Arabic text / HTML (WCXB pages end to end); peak memory over the 1 KB run, per input byte (native RSS; wasm: its memory after the parse)' : '',
      sizeName(t.size), `text ${perByte(t)}, HTML ${perByte(h)}`, `peak memory: text ${memory(t)}, HTML ${memory(h)}`,
      t.size >= 1e6 ? `memory <= 10x: ${met(t.memoryRatio <= 10 && h.memoryRatio <= 10)}` : '');
  });
}

// ---- SVG ----

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (x, y, s, attrs = '') => `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${esc(s)}</text>`;
const COLORS = { maqal: '#4338ca', peer: '#d97706', line2: '#059669' };

/** Horizontal bars with an optional p95 whisker; `items`: {label, value, whisker?, maqal, note}. */
function bars(x, y, width, title, unit, items, target) {
  const labelW = 230, barH = 16, gap = 6, plotW = width - labelW - 160;
  const max = Math.max(...items.map((i) => Math.max(i.value, i.whisker || 0)), target ? target.value : 0);
  const scale = (v) => (v / max) * plotW;
  const out = [text(x, y, title, 'class="title"')];
  items.forEach((item, i) => {
    const top = y + 14 + i * (barH + gap);
    out.push(text(x + labelW - 8, top + barH - 4, item.label, 'text-anchor="end"'));
    out.push(`<rect x="${x + labelW}" y="${top}" width="${Math.max(1, scale(item.value)).toFixed(1)}" height="${barH}" fill="${item.maqal ? COLORS.maqal : COLORS.peer}"/>`);
    if (item.whisker) {
      const wx = x + labelW + scale(item.whisker);
      out.push(`<line x1="${x + labelW + scale(item.value)}" x2="${wx}" y1="${top + barH / 2}" y2="${top + barH / 2}" stroke="#555"/>`);
      out.push(`<line x1="${wx}" x2="${wx}" y1="${top + 3}" y2="${top + barH - 3}" stroke="#555"/>`);
    }
    const end = Math.max(scale(item.value), item.whisker ? scale(item.whisker) : 0);
    out.push(text(x + labelW + end + 6, top + barH - 4, item.note || `${item.value.toFixed(1)} ${unit}`));
  });
  if (target) {
    const tx = x + labelW + scale(target.value);
    const bottom = y + 14 + items.length * (barH + gap);
    out.push(`<line x1="${tx}" x2="${tx}" y1="${y + 8}" y2="${bottom}" stroke="#dc2626" stroke-dasharray="4 3"/>`);
    out.push(text(tx + 3, bottom + 10, target.label, 'class="target"'));
  }
  return { svg: out.join('\n'), height: 14 + items.length * (barH + gap) + (target ? 22 : 10) };
}

/** Log-log lines of milliseconds against input size, one per series. */
function scalingChart(x, y, width, height, series) {
  const pad = { l: 60, r: 20, t: 24, b: 36 };
  const all = Object.values(series).flat();
  const lx = (v) => Math.log10(v);
  const [x0, x1] = [lx(Math.min(...all.map((s) => s.size))), lx(Math.max(...all.map((s) => s.size)))];
  const [y0, y1] = [Math.floor(lx(Math.min(...all.map((s) => s.ms)))), Math.ceil(lx(Math.max(...all.map((s) => s.ms))))];
  const px = (v) => x + pad.l + ((lx(v) - x0) / (x1 - x0)) * (width - pad.l - pad.r);
  const py = (v) => y + height - pad.b - ((lx(v) - y0) / (y1 - y0)) * (height - pad.t - pad.b);
  const out = [text(x, y + 12, 'Scaling, native: time per input size (log-log; a slope of 1 is linear)', 'class="title"')];
  for (let e = y0; e <= y1; e++) {
    out.push(`<line x1="${x + pad.l}" x2="${x + width - pad.r}" y1="${py(10 ** e)}" y2="${py(10 ** e)}" stroke="#e5e7eb"/>`);
    out.push(text(x + pad.l - 6, py(10 ** e) + 4, ms(10 ** e).replace('.00', ''), 'text-anchor="end"'));
  }
  for (const s of series.text || Object.values(series)[0]) {
    out.push(text(px(s.size), y + height - pad.b + 16, sizeName(s.size), 'text-anchor="middle"'));
  }
  Object.entries(series).forEach(([name, steps], i) => {
    const color = i === 0 ? COLORS.maqal : COLORS.line2;
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${steps.map((s) => `${px(s.size).toFixed(1)},${py(s.ms).toFixed(1)}`).join(' ')}"/>`);
    for (const s of steps) {
      out.push(`<circle cx="${px(s.size).toFixed(1)}" cy="${py(s.ms).toFixed(1)}" r="${s.superLinear ? 5 : 3}" fill="${s.superLinear ? '#dc2626' : color}"/>`);
    }
    const last = steps.at(-1);
    out.push(text(x + pad.l + 8, y + pad.t + 6 + i * 16, `${name}: ${ms(last.ms)} at ${sizeName(last.size)}, peak memory ${last.memoryRatio.toFixed(1)}x input`, `fill="${color}"`));
  });
  return out.join('\n');
}

export function chart(r) {
  const width = 860;
  const parts = [];
  let y = 20;
  const add = ({ svg, height }) => {
    parts.push(svg);
    y += height + 18;
  };
  const node = r.extraction.node, web = r.extraction.chromium;
  const perPage = (label, e, maqal) => ({ label, value: e.median, whisker: e.p95, maqal, note: `${ms(e.median)} (p95 ${ms(e.p95)})` });
  const ratioNote = (e) => (e.extractRatio ? `${times(e.extractRatio.median)} Maqal's extraction, ` : '') +
    `${times(e.ratio.median)} its whole result`;
  const optional = (label, e) => (e ? [perPage(label, e, true)] : []);
  add(bars(20, y, width, `HTML extraction per page, median with p95 whisker (${r.pages.count} WCXB pages, ${kb(r.pages.avgBytes)} avg): Readability.js + jsdom is ${ratioNote(node)} (wasm)`, 'ms', [
    perPage('Node: Maqal native', node.native, true),
    ...optional('Node: Maqal native, extraction', node.nativeExtract),
    perPage('Node: Maqal wasm', node.wasm, true),
    ...optional('Node: Maqal wasm, extraction', node.wasmExtract),
    perPage('Node: Readability.js + jsdom', node.readability, false),
  ]));
  add(bars(20, y, width, `The same pages in headless Chromium: Readability.js on DOMParser is ${ratioNote(web)}`, 'ms', [
    perPage('Chromium: Maqal wasm', web.maqal, true),
    ...optional('Chromium: Maqal wasm, DOM feed', web.maqalDom),
    ...optional('Chromium: Maqal wasm, extraction', web.maqalExtract),
    ...optional('Chromium: DOM feed, extraction', web.maqalDomExtract),
    perPage('Chromium: Readability.js', web.readability, false),
  ]));
  if (r.entities) add(entityBars(r, width, y));
  if (r.browser) add(pageBars(r, width, y));
  if (r.scaling) {
    parts.push(scalingChart(20, y, width - 40, 240, r.scaling.series));
    y += 250;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 20}" height="${y}" viewBox="0 0 ${width + 20} ${y}" font-family="sans-serif" font-size="11">
<style>.title { font-weight: bold; font-size: 12px; } .target { fill: #dc2626; }</style>
<rect width="100%" height="100%" fill="#fff"/>
${parts.join('\n')}
<text x="20" y="${y - 6}" fill="#666">${esc(`${r.when}, ${r.machine}, load average ${r.loadAverage.start.toFixed(1)}. Command: bash tools/bench.sh`)}</text>
</svg>
`;
}

function entityBars(r, width, y) {
  const ent = r.entities;
  return bars(20, y, width, `Entity throughput, thousand words/s (${kb(ent.bytes)} English): Maqal wasm is ${times(ent.ratio.wink)} wink-nlp`, 'k/s',
    ['Maqal native', 'Maqal wasm', 'compromise', 'wink-nlp'].map((name) => ({
      label: name, value: ent.engines[name].tokensPerSecond / 1e3, maqal: name.startsWith('Maqal'),
      note: `${rate(ent.engines[name].tokensPerSecond)} words/s`,
    })));
}

function pageBars(r, width, y) {
  const b = r.browser;
  const big = b.paste.filter((p) => p.name.startsWith('200 KB')).map((p) => `${p.name.replace('200 KB ', '')} ${ms(p.ms)}`);
  return bars(20, y, width, `Page in Chromium (download ${kb(b.gzip)} gzip): ready, and paste to highlight (200 KB: ${big.join(', ')})`, 'ms', [
    { label: 'navigation to ready (target 150 ms)', value: b.readyMs, maqal: true, note: ms(b.readyMs) },
    ...b.paste.filter((p) => !p.name.startsWith('200 KB'))
      .map((p) => ({ label: `paste ${p.name}`, value: p.ms, maqal: true, note: ms(p.ms) })),
  ], { value: 50, label: 'target for a 20 KB paste: 50 ms' });
}
