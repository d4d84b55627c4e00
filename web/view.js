// Maqal page: builds the DOM for a parse result.
//
// Security rule: text from the input (and from the result, which is derived
// from it) only ever reaches the page through textContent / createTextNode /
// attribute values — never innerHTML.

export const ROLES = [
  ['title', 'Title', 'العنوان'],
  ['subtitle', 'Subtitle', 'العنوان الفرعي'],
  ['byline', 'Byline', 'الكاتب'],
  ['dateline', 'Dateline', 'التاريخ'],
  ['lead', 'Lead', 'المقدمة'],
  ['paragraph', 'Paragraph', 'فقرة'],
  ['subheading', 'Subheading', 'عنوان فرعي'],
  ['blockquote', 'Block quote', 'اقتباس'],
  ['caption', 'Caption', 'تعليق صورة'],
  ['list_item', 'List item', 'عنصر قائمة'],
  ['source', 'Source', 'المصدر'],
  ['tags', 'Tags', 'الوسوم'],
  ['read_also', 'Read also', 'اقرأ أيضاً'],
  ['related', 'Related', 'مقالات ذات صلة'],
  ['teaser', 'Teaser', 'تشويقة'],
  ['boilerplate', 'Boilerplate', 'عناصر الصفحة'],
];

export const ENTITY_TYPES = [
  ['PER', 'Person', 'شخص'],
  ['ORG', 'Organisation', 'منظمة'],
  ['LOC', 'Place', 'مكان'],
  ['NORP', 'Group', 'جماعة / جنسية'],
  ['MISC', 'Other', 'اسم آخر'],
  ['DATE', 'Date', 'تاريخ'],
  ['TIME', 'Time', 'وقت'],
  ['NUMBER', 'Number', 'عدد'],
  ['MONEY', 'Money', 'مبلغ'],
  ['PERCENT', 'Percent', 'نسبة'],
  ['URL', 'Link', 'رابط'],
  ['EMAIL', 'E-mail', 'بريد'],
  ['HASHTAG', 'Hashtag', 'وسم'],
  ['MENTION', 'Mention', 'إشارة'],
  ['PHONE', 'Phone', 'هاتف'],
];

const ROLE_NAME = new Map(ROLES.map(([k, en]) => [k, en]));
const TYPE_NAME = new Map(ENTITY_TYPES.map(([k, en]) => [k, en]));

/** createElement with attributes (set as attributes or properties) and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}


const isInt = (n) => Number.isInteger(n);
export const typeName = (type) => TYPE_NAME.get(type) || type;

/**
 * Nests the quotes and entities of one block into a tree of spans.
 * spans: [{ kind: 'quote'|'entity', s, e, data }] with offsets relative to the block text.
 * Any span may contain others (a quote holding a person and a place, a place inside an
 * organisation's name). A span that crosses the end of its container is split there: the piece
 * that holds the original end keeps the label (`last: true`), earlier pieces are continuations.
 * Returns the root { s: 0, e: len, children: [...] }.
 */
export function nestSpans(spans, len) {
  const rank = (n) => (n.kind === 'quote' ? 0 : 1);
  const order = (a, b) => a.s - b.s || b.e - a.e || rank(a) - rank(b);
  const queue = [];
  for (const sp of spans) {
    const s = Math.max(0, sp.s);
    const e = Math.min(len, sp.e);
    if (e > s) queue.push({ ...sp, s, e, first: true, last: true, children: [] });
  }
  queue.sort(order);
  const enqueue = (n) => {
    let i = 0;
    while (i < queue.length && order(queue[i], n) <= 0) i++;
    queue.splice(i, 0, n);
  };
  const root = { kind: 'root', s: 0, e: len, children: [] };
  const stack = [root];
  while (queue.length) {
    const node = queue.shift();
    while (stack.length > 1 && stack[stack.length - 1].e <= node.s) stack.pop();
    const parent = stack[stack.length - 1];
    if (node.e > parent.e) {
      enqueue({ ...node, s: parent.e, first: false, children: [] });
      node.e = parent.e;
      node.last = false;
    }
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

// Runs of the other direction inside a block: Latin words and numbers (with the spaces and
// punctuation between them) in right-to-left text, Arabic script in left-to-right text.
// Each run becomes a <bdi> with its own direction, so its punctuation stays in place.
const LTR_RUN = /[\p{Script=Latin}\p{Nd}](?:[\p{Script=Latin}\p{Nd}\p{Zs}\p{Pd}'’&@#%+/:.,_]*[\p{Script=Latin}\p{Nd}%])?/gu;
const RTL_RUN = /[\p{Script=Arabic}](?:[\p{Script=Arabic}\p{Nd}\p{Zs}\p{Pd}'’.,:/،؛]*[\p{Script=Arabic}\p{Nd}])?/gu;

/** Text as nodes, with runs of the opposite direction isolated. */
export function isolatedText(text, dir) {
  const frag = document.createDocumentFragment();
  const run = dir === 'rtl' ? LTR_RUN : dir === 'ltr' ? RTL_RUN : null;
  if (!run) {
    frag.append(text);
    return frag;
  }
  let pos = 0;
  for (const m of text.matchAll(run)) {
    if (m.index > pos) frag.append(text.slice(pos, m.index));
    frag.append(h('bdi', { dir: dir === 'rtl' ? 'ltr' : 'rtl' }, m[0]));
    pos = m.index + m[0].length;
  }
  if (pos < text.length) frag.append(text.slice(pos));
  return frag;
}

function renderNode(node, text, ctx) {
  const frag = document.createDocumentFragment();
  let pos = node.s;
  for (const child of node.children) {
    if (child.s > pos) frag.append(isolatedText(text.slice(pos, child.s), ctx.dir));
    frag.append(renderSpan(child, text, ctx));
    pos = child.e;
  }
  if (node.e > pos) frag.append(isolatedText(text.slice(pos, node.e), ctx.dir));
  return frag;
}

function renderSpan(node, text, ctx) {
  if (node.kind === 'quote') {
    const q = node.data;
    const el = h('q', {
      class: 'quote' + (node.first ? '' : ' cont') + (node.last ? '' : ' open'),
      'data-quote': node.index,
      'data-speaker': q.speaker || null,
      tabindex: node.first ? '0' : null,
      'aria-label': q.speaker ? `Quote, said by ${q.speaker}` : 'Quote',
    });
    el.append(renderNode(node, text, ctx));
    if (node.last && q.speaker) {
      const frag = document.createDocumentFragment();
      frag.append(el, h('span', { class: 'speaker-label', dir: 'auto', 'aria-hidden': 'true' }, q.speaker));
      return frag;
    }
    return el;
  }
  const ent = node.data;
  const el = h('mark', {
    'data-type': ent.type,
    'data-entity': node.index,
    'data-cluster': isInt(ent.cluster) ? ent.cluster : null,
    class: node.last ? null : 'cont',
    dir: 'auto',
    tabindex: node.first ? '0' : null,
    'aria-label': node.first ? `${ent.text} (${typeName(ent.type)})` : null,
  });
  el.append(renderNode(node, text, ctx));
  if (node.last) el.append(h('span', { class: 'type-label', dir: 'ltr', 'aria-hidden': 'true' }, ent.type));
  ctx.marks.push(el);
  return el;
}

function articleKey(a) {
  return a === null || a === undefined ? 'none' : String(a);
}

/** Text of a block, sliced from the input by UTF-16 offsets when they are valid. */
function blockSource(input, b) {
  if (isInt(b.start) && isInt(b.end) && b.start >= 0 && b.end <= input.length && b.end >= b.start) {
    return { text: input.slice(b.start, b.end), base: b.start, sliced: true };
  }
  return { text: typeof b.text === 'string' ? b.text : '', base: 0, sliced: false };
}

function roleLabel(b) {
  const name = ROLE_NAME.get(b.role) || b.role || 'block';
  return b.role === 'boilerplate' && b.kind ? `${name} · ${b.kind}` : name;
}

function roleAr(role) {
  const r = ROLES.find(([k]) => k === role);
  return r ? r[2] : role;
}

/** Spans (entities, quotes) with start/end inside [base, end), relative to base; cursor advances. */
function spansIn(list, cursor, base, end, kind) {
  while (cursor.i < list.length && list[cursor.i].item.end <= base) cursor.i++;
  const out = [];
  for (let i = cursor.i; i < list.length && list[i].item.start < end; i++) {
    const { item, index } = list[i];
    if (kind === 'quote' || (item.start >= base && item.end <= end)) {
      out.push({ kind, s: item.start - base, e: item.end - base, data: item, index });
    }
  }
  return out;
}

const sortedSpans = (items) => (Array.isArray(items) ? items : [])
  .map((item, index) => ({ item, index }))
  .filter(({ item }) => isInt(item.start) && isInt(item.end) && item.end > item.start)
  .sort((a, b) => a.item.start - b.item.start || b.item.end - a.item.end);

/** One block as a DOM element: role label in the margin, the text with its marks. */
function renderBlock(b, input, result, ctx, cursors) {
  const { text, base, sliced } = blockSource(input, b);
  const end = base + text.length;
  const spans = sliced
    ? [...spansIn(ctx.entities, cursors.entity, base, end, 'entity'), ...spansIn(ctx.quotes, cursors.quote, base, end, 'quote')]
    : [];
  const dir = b.dir === 'rtl' || b.dir === 'ltr' ? b.dir : result.dir === 'rtl' ? 'rtl' : 'ltr';
  ctx.dir = dir;
  const body = h('div', { class: 'block-text' });
  body.append(renderNode(nestSpans(spans, text.length), text, ctx));
  return h('div', {
    class: 'block',
    'data-role': b.role || 'paragraph',
    'data-kind': b.kind || null,
    'data-article': articleKey(b.article),
    dir,
    lang: dir === 'rtl' ? 'ar' : 'en',
    'data-start': isInt(b.start) ? b.start : null,
    'data-end': isInt(b.end) ? b.end : null,
  },
  h('span', { class: 'role-label', dir: 'ltr', title: `${roleLabel(b)} · ${roleAr(b.role)}` }, roleLabel(b)),
  body);
}

// The first screen of a result: blocks are drawn until they reach the bottom of the window (the
// output card starts below the text box, so a few lines often do), looked at every so much text;
// at most this much text or this many blocks (when the output is not on screen, say).
const FIRST_SCREEN_CHARS = 3000;
const FIRST_SCREEN_BLOCKS = 40;
const FIRST_SCREEN_STEP_CHARS = 400;

/**
 * Renders result into the output container: the first screen of blocks at once, then onFirstScreen()
 * (the highlights can be drawn), then, after that frame, the rest, yielding to the page every few
 * milliseconds so that a long result never freezes it. onProgress(done, total) reports blocks rendered;
 * isStale() stops the work when a newer parse has started (returns null then). Resolves to
 * { blocks, marks } once every block is in.
 */
export async function renderOutput(container, input, result,
  { onFirstScreen = () => {}, onProgress = () => {}, isStale = () => false } = {}) {
  const articles = Array.isArray(result.articles) ? result.articles : [];
  const blocks = Array.isArray(result.blocks) ? result.blocks : [];
  const ctx = { marks: [], entities: sortedSpans(result.entities), quotes: sortedSpans(result.quotes), dir: 'ltr' };
  const cursors = { entity: { i: 0 }, quote: { i: 0 } };
  let out = document.createDocumentFragment();
  if (!blocks.length) {
    out.append(h('div', { class: 'empty-state' }, h('p', { class: 'empty-title' }, 'No blocks found'),
      h('p', {}, 'The engine returned no blocks for this text.')));
  }
  let prevArticle;
  const seen = new Set();
  let firstScreen = true;
  let replaced = false; // the previous result is still in the container until the first blocks go in
  const flush = () => {
    if (replaced) container.append(out);
    else container.replaceChildren(out);
    replaced = true;
    out = document.createDocumentFragment();
  };
  // Laying out what is in so far (the frame would do it anyway) tells whether the window is full.
  const screenFull = () => {
    flush();
    return container.getBoundingClientRect().bottom >= window.innerHeight;
  };
  const showFirstScreen = async () => {
    firstScreen = false;
    flush();
    onFirstScreen();
    // The rest (and what the caller draws next) waits for the first screen's frame, and then for
    // what waited for that frame too.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return !isStale();
  };
  let chars = 0;
  let nextLook = FIRST_SCREEN_STEP_CHARS;
  let sliceStart = performance.now();
  for (let i = 0; i < blocks.length; i++) {
    if (firstScreen && (chars >= FIRST_SCREEN_CHARS || i >= FIRST_SCREEN_BLOCKS || (chars >= nextLook && screenFull()))) {
      if (!(await showFirstScreen())) return null;
      sliceStart = performance.now();
    } else if (!firstScreen && performance.now() - sliceStart > 12) {
      onProgress(i, blocks.length);
      flush();
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (isStale()) return null;
      sliceStart = performance.now();
    }
    if (chars >= nextLook) nextLook = chars + FIRST_SCREEN_STEP_CHARS;
    const b = blocks[i];
    const key = articleKey(b.article);
    if (key !== prevArticle) {
      out.append(articleDivider(b.article, articles, seen.has(key)));
      seen.add(key);
      prevArticle = key;
    }
    out.append(renderBlock(b, input, result, ctx, cursors));
    chars += typeof b.text === 'string' ? b.text.length : 0;
  }
  onProgress(blocks.length, blocks.length);
  if (!firstScreen) flush();
  else if (!(await showFirstScreen())) return null;
  return { blocks: blocks.length, marks: ctx.marks };
}

function articleDivider(article, articles, continued) {
  const a = isInt(article) ? articles[article] : null;
  if (!isInt(article)) {
    return h('div', { class: 'article-divider', 'data-article': 'none' },
      h('span', { class: 'divider-badge' }, 'Page furniture'),
      h('span', { class: 'divider-note', dir: 'ltr' }, 'not part of an article'));
  }
  const kind = a && a.kind === 'main' ? 'Main article' : a && a.kind === 'secondary' ? 'Secondary article' : 'Article';
  return h('div', {
    class: 'article-divider' + (continued ? ' continued' : ''),
    'data-article': String(article),
    id: continued ? null : `article-${article}`,
  },
  h('span', { class: 'divider-badge' }, `${kind} ${article + 1}`),
  continued ? h('span', { class: 'divider-note', dir: 'ltr' }, 'continued')
    : a && a.title ? h('span', { class: 'divider-title', dir: 'auto' }, a.title) : null);
}

/** Article summary panel. */
export function renderSummary(container, result, onJump) {
  container.replaceChildren();
  const articles = Array.isArray(result.articles) ? result.articles : [];
  if (!articles.length) {
    container.append(h('p', { class: 'muted' }, 'No article found.'));
    return;
  }
  articles.forEach((a, idx) => {
    const id = isInt(a.id) ? a.id : idx;
    const card = h('article', { class: 'summary-item', 'data-article': String(id) });
    const kind = a.kind === 'main' ? 'Main' : a.kind === 'secondary' ? 'Secondary' : 'Article';
    card.append(h('div', { class: 'summary-kind' },
      h('span', { class: 'divider-badge' }, `${kind} ${id + 1}`),
      h('a', { href: `#article-${id}`, class: 'jump', onclick: (ev) => { ev.preventDefault(); onJump(id); } }, 'show')));
    card.append(a.title ? h('h3', { class: 'summary-title', dir: 'auto' }, a.title)
      : h('h3', { class: 'summary-title untitled' }, 'No title found'));
    const dl = h('dl', { class: 'facts' });
    const fact = (label, value, valueDir = 'auto') => {
      if (value === null || value === undefined || value === '') return;
      dl.append(h('dt', {}, label), h('dd', { dir: valueDir }, value));
    };
    fact('Byline', a.byline);
    if (a.published || a.published_iso) {
      const txt = a.published && a.published_iso && a.published !== a.published_iso
        ? `${a.published} (${a.published_iso})` : a.published || a.published_iso;
      fact('Published', txt);
    }
    fact('Source', a.source);
    if (dl.childNodes.length) card.append(dl);
    if (Array.isArray(a.tags) && a.tags.length) {
      card.append(h('div', { class: 'facet-label' }, 'Tags'));
      card.append(h('ul', { class: 'chips', dir: 'auto' }, a.tags.map((t) => h('li', { class: 'chip', dir: 'auto' }, String(t)))));
    }
    if (Array.isArray(a.related) && a.related.length) {
      const SHOWN = 4;
      const items = a.related.map((r) => {
        const text = typeof r === 'string' ? r : r && r.text ? String(r.text) : '';
        const target = r && isInt(r.article) ? r.article : null;
        const li = h('li', { dir: 'auto' });
        if (target !== null) {
          li.append(h('a', {
            href: `#article-${target}`, class: 'related-link', 'data-target': String(target),
            onclick: (ev) => { ev.preventDefault(); onJump(target); },
          }, text));
          li.append(h('span', { class: 'related-note', dir: 'ltr' }, `→ article ${target + 1}`));
        } else {
          li.append(h('span', {}, text));
        }
        return li;
      });
      card.append(h('div', { class: 'facet-label' }, `Related (${items.length})`));
      card.append(h('ul', { class: 'related' }, items.slice(0, SHOWN)));
      if (items.length > SHOWN) {
        const rest = items.length - SHOWN;
        card.append(h('details', { class: 'more' },
          h('summary', {}, `${rest} more`),
          h('ul', { class: 'related' }, items.slice(SHOWN))));
      }
    }
    if (typeof a.body === 'string' && a.body) {
      const words = a.body.trim().split(/\s+/u).length;
      const paras = a.body.split(/\n{2,}/).filter((p) => p.trim()).length;
      card.append(h('p', { class: 'summary-foot' }, `${paras} paragraph${paras === 1 ? '' : 's'} · ${words} words`));
    }
    container.append(card);
  });
}


/**
 * Legend: block roles, article colours and entity types. Role and type items are toggle buttons
 * (aria-pressed); onToggle('role' | 'type', key) is called when one is pressed.
 */
export function renderLegend(container, { roleCounts = new Map(), typeCounts = new Map(), hidden = new Set(), onToggle } = {}) {
  container.replaceChildren();
  const toggle = (group, key, count, label, title, swatch) => {
    const on = !hidden.has(`${group}:${key}`);
    return h('li', { class: count ? '' : 'absent' },
      h('button', {
        type: 'button', class: 'legend-toggle', [`data-${group}`]: key, 'aria-pressed': on ? 'true' : 'false',
        title: `${title} — ${on ? 'hide' : 'show'}`,
        onclick: () => onToggle && onToggle(group, key),
      },
      swatch,
      h('span', { class: 'legend-name' }, label),
      count ? h('span', { class: 'count' }, String(count)) : null));
  };
  const typesList = h('ul', { class: 'legend-list types' });
  for (const [k, en, ar] of ENTITY_TYPES) {
    typesList.append(toggle('type', k, typeCounts.get(k) || 0, en === 'Organisation' ? 'Org.' : en, `${en} · ${ar}`,
      h('span', { class: 'legend-mark', 'data-type': k, 'aria-hidden': 'true' }, k)));
  }
  const rolesList = h('ul', { class: 'legend-list roles' });
  for (const [k, en, ar] of ROLES) {
    rolesList.append(toggle('role', k, roleCounts.get(k) || 0, en, `${en} · ${ar}`,
      h('span', { class: 'swatch', 'data-role': k, 'aria-hidden': 'true' })));
  }
  const articleList = h('ul', { class: 'legend-list articles' },
    h('li', {}, h('span', { class: 'bar', 'data-article': '0', 'aria-hidden': 'true' }), h('span', { class: 'legend-name' }, 'Main article')),
    h('li', {}, h('span', { class: 'bar', 'data-article': '1', 'aria-hidden': 'true' }), h('span', { class: 'legend-name' }, 'Secondary article')),
    h('li', {}, h('span', { class: 'bar', 'data-article': 'none', 'aria-hidden': 'true' }), h('span', { class: 'legend-name' }, 'Page furniture')));
  const quoteItem = h('ul', { class: 'legend-list quotes' },
    h('li', {}, h('q', { class: 'quote legend-quote' }, '…'), h('span', { class: 'legend-name' }, 'Quote (speaker after it)')));
  container.append(
    h('h3', { class: 'legend-head' }, 'Entities'), typesList, quoteItem,
    h('h3', { class: 'legend-head' }, 'Blocks'), rolesList,
    h('h3', { class: 'legend-head' }, 'Articles'), articleList,
  );
}

/**
 * Entity panel: one item per cluster (name, type, mention count, titles), grouped by type, most
 * mentioned first. onPick(clusterId) is called when an item is pressed.
 */
export function renderEntities(container, result, onPick) {
  container.replaceChildren();
  const clusters = Array.isArray(result && result.clusters) ? result.clusters : [];
  if (!clusters.length) {
    container.append(h('p', { class: 'muted' }, 'No entity found.'));
    return;
  }
  for (const [type, en] of ENTITY_TYPES) {
    const group = clusters.filter((c) => c.type === type)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0] - b.mentions[0]);
    if (!group.length) continue;
    const list = h('ul', { class: 'cluster-list' });
    for (const c of group) {
      const roles = Array.isArray(c.roles) ? c.roles : [];
      list.append(h('li', {},
        h('button', {
          type: 'button', class: 'cluster', 'data-cluster': c.id, 'data-type': c.type,
          'aria-label': `${c.name}, ${en}, ${c.mentions.length} mention${c.mentions.length === 1 ? '' : 's'}${roles.length ? `, ${roles.join(', ')}` : ''}: show in the text`,
          onclick: () => onPick(c.id),
        },
        h('span', { class: 'cluster-name', dir: 'auto' }, c.name),
        h('span', { class: 'count', title: 'mentions' }, `×${c.mentions.length}`),
        roles.length ? h('span', { class: 'cluster-roles', dir: 'auto' }, roles.join(' · ')) : null)));
    }
    container.append(h('h3', { class: 'legend-head' }, h('span', { class: 'legend-mark', 'data-type': type }, type), ` ${en} (${group.length})`), list);
  }
}

/** The tooltip's lines for a mark or a quote of the annotated view: [key, value (any script), note]. */
export function describeSpan(el, result) {
  if (el.tagName === 'Q') {
    const q = result.quotes[Number(el.dataset.quote)];
    return q ? [['Quote', ''], ['speaker', q.speaker || 'not found']] : [];
  }
  const ent = result.entities[Number(el.dataset.entity)];
  if (!ent) return [];
  const cluster = (result.clusters || []).find((c) => c.id === ent.cluster);
  const lines = [[`${ent.type} · ${typeName(ent.type)}`, ''], ['norm', ent.norm]];
  if (cluster) {
    lines.push(['cluster', cluster.name, `(${cluster.mentions.length} mention${cluster.mentions.length === 1 ? '' : 's'})`]);
    if (cluster.roles && cluster.roles.length) lines.push(['titles', cluster.roles.join(' · ')]);
  }
  return lines;
}

const READING_TAG = { title: 'h1', subtitle: 'h2', subheading: 'h2', blockquote: 'blockquote', caption: 'figcaption',
  byline: 'p', dateline: 'p', list_item: 'li' };

/** Reading view: the main article alone (blocks from article.js's mainArticle), as a page. */
export function renderReading(container, main) {
  container.replaceChildren();
  if (!main) {
    container.append(h('p', { class: 'muted' }, 'No main article found.'));
    return;
  }
  const page = h('article', { class: 'reading' });
  let list = null;
  for (const b of main.blocks) {
    const dir = b.dir === 'rtl' ? 'rtl' : 'ltr';
    const el = h(READING_TAG[b.role] || 'p', { class: `r-${b.role}`, dir, lang: dir === 'rtl' ? 'ar' : 'en' });
    el.append(isolatedText(b.text.replace(/^[•·▪◦‣-]+\s*/, b.role === 'list_item' ? '' : '$&'), dir));
    if (b.role === 'list_item') {
      const tag = b.number ? 'ol' : 'ul';  // an ordered list's items keep their numbers
      if (!list || list.localName !== tag) page.append(list = h(tag, { dir }));
      if (b.number) el.value = b.number;
      list.append(el);
    } else {
      list = null;
      page.append(el);
    }
  }
  container.append(page);
}
