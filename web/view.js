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

/**
 * Nests quotes and entities of one block into a tree of spans.
 * spans: [{ kind: 'quote'|'entity', s, e, data }] with offsets relative to the block text.
 * Quotes are containers; entities may lie inside them. A span that crosses the end
 * of its container is split: the piece that holds the original end keeps the label
 * (`last: true`), earlier pieces are continuations.
 * Returns the root { s: 0, e: len, children: [...] }; each node has children too.
 */
export function nestSpans(spans, len) {
  const queue = [];
  for (const sp of spans) {
    const s = Math.max(0, sp.s);
    const e = Math.min(len, sp.e);
    if (!(e > s)) continue;
    queue.push({ ...sp, s, e, first: true, last: true, children: [] });
  }
  const order = (a, b) => a.s - b.s || b.e - a.e || rank(a) - rank(b);
  const rank = (n) => (n.kind === 'quote' ? 0 : 1);
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
    if (parent.kind === 'entity') {
      // Nothing nests inside an entity mark: an overlapping entity is dropped, a quote
      // that starts inside an entity starts at the entity's end instead.
      if (node.kind === 'entity' || node.e <= parent.e) continue;
      enqueue({ ...node, s: parent.e, first: false, children: [] });
      continue;
    }
    if (node.e > parent.e) {
      // crosses the end of its container (a quote): split it there
      enqueue({ ...node, s: parent.e, first: false, children: [] });
      node.e = parent.e;
      node.last = false;
    }
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

function renderNode(node, text, ctx) {
  const frag = document.createDocumentFragment();
  let pos = node.s;
  for (const child of node.children) {
    if (child.s > pos) frag.append(document.createTextNode(text.slice(pos, child.s)));
    frag.append(renderSpan(child, text, ctx));
    pos = child.e;
  }
  if (node.e > pos) frag.append(document.createTextNode(text.slice(pos, node.e)));
  return frag;
}

function renderSpan(node, text, ctx) {
  if (node.kind === 'quote') {
    const q = node.data;
    const el = h('q', {
      class: 'quote' + (node.first ? '' : ' cont') + (node.last ? '' : ' open'),
      'data-speaker': q.speaker || null,
      title: q.speaker ? `Quote · ${q.speaker}` : 'Quote',
    });
    el.append(renderNode(node, text, ctx));
    if (node.last && q.speaker) {
      const frag = document.createDocumentFragment();
      frag.append(el, h('span', { class: 'speaker-label', dir: 'auto', 'aria-label': `said by ${q.speaker}` }, q.speaker));
      return frag;
    }
    return el;
  }
  const ent = node.data;
  const el = h('mark', {
    'data-type': ent.type,
    'data-cluster': isInt(ent.cluster) ? ent.cluster : null,
    class: node.last ? null : 'cont',
    title: entityTitle(ent),
  });
  el.append(renderNode(node, text, ctx));
  if (node.last) el.append(h('span', { class: 'type-label', dir: 'ltr', 'aria-hidden': 'true' }, ent.type));
  ctx.marks.push(el);
  return el;
}

function entityTitle(ent) {
  const parts = [`${ent.type} · ${TYPE_NAME.get(ent.type) || 'entity'}`];
  if (ent.norm && ent.norm !== ent.text) parts.push(`normalised: ${ent.norm}`);
  if (isInt(ent.cluster)) parts.push(`cluster ${ent.cluster}`);
  return parts.join('\n');
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

/**
 * Renders result into the output container. Returns counts used by the stats line.
 */
export function renderOutput(container, input, result) {
  container.replaceChildren();
  const articles = Array.isArray(result.articles) ? result.articles : [];
  const blocks = Array.isArray(result.blocks) ? result.blocks : [];
  const entities = (Array.isArray(result.entities) ? result.entities : [])
    .filter((e) => isInt(e.start) && isInt(e.end) && e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const quotes = (Array.isArray(result.quotes) ? result.quotes : [])
    .filter((q) => isInt(q.start) && isInt(q.end) && q.end > q.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const ctx = { marks: [] };

  if (!blocks.length) {
    container.append(
      h('div', { class: 'empty-state' }, h('p', { class: 'empty-title' }, 'No blocks found'),
        h('p', {}, 'The engine returned no blocks for this text.')),
    );
    return { blocks: 0, marks: ctx.marks };
  }

  let prevArticle;
  const seen = new Set();
  let ei = 0; // entity cursor (entities and blocks are both in text order)
  let qi = 0;
  for (const b of blocks) {
    const key = articleKey(b.article);
    if (key !== prevArticle) {
      container.append(articleDivider(b.article, articles, seen.has(key)));
      seen.add(key);
      prevArticle = key;
    }
    const { text, base, sliced } = blockSource(input, b);
    const spans = [];
    if (sliced) {
      const end = base + text.length;
      while (ei < entities.length && entities[ei].end <= base) ei++;
      for (let i = ei; i < entities.length && entities[i].start < end; i++) {
        const e = entities[i];
        if (e.start >= base && e.end <= end) spans.push({ kind: 'entity', s: e.start - base, e: e.end - base, data: e });
      }
      while (qi < quotes.length && quotes[qi].end <= base) qi++;
      for (let i = qi; i < quotes.length && quotes[i].start < end; i++) {
        const q = quotes[i];
        // a quote lies within one block; clip defensively if it does not
        spans.push({ kind: 'quote', s: q.start - base, e: q.end - base, data: q });
      }
    }
    const tree = nestSpans(spans, text.length);
    const dir = b.dir === 'rtl' || b.dir === 'ltr' ? b.dir : result.dir === 'rtl' ? 'rtl' : 'auto';
    const body = h('div', { class: 'block-text' });
    body.append(renderNode(tree, text, ctx));
    const block = h('div', {
      class: 'block',
      'data-role': b.role || 'paragraph',
      'data-kind': b.kind || null,
      'data-article': key,
      dir,
      lang: dir === 'rtl' && result.lang ? result.lang : b.lang || null,
      'data-start': isInt(b.start) ? b.start : null,
      'data-end': isInt(b.end) ? b.end : null,
    },
    h('span', { class: 'role-label', dir: 'ltr', title: `${roleLabel(b)} · ${roleAr(b.role)}` }, roleLabel(b)),
    body);
    container.append(block);
  }
  return { blocks: blocks.length, marks: ctx.marks };
}

function roleAr(role) {
  const r = ROLES.find(([k]) => k === role);
  return r ? r[2] : role;
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
 * Legend: roles, article colours and entity types. Entity items are toggle buttons;
 * onToggle(type, on) is called when one is pressed. counts: Map type -> number.
 */
export function renderLegend(container, { roleCounts = new Map(), typeCounts = new Map(), hidden = new Set(), onToggle } = {}) {
  container.replaceChildren();
  const rolesList = h('ul', { class: 'legend-list roles' });
  for (const [k, en, ar] of ROLES) {
    const n = roleCounts.get(k) || 0;
    rolesList.append(h('li', { class: n ? '' : 'absent', title: ar },
      h('span', { class: 'swatch', 'data-role': k, 'aria-hidden': 'true' }),
      h('span', { class: 'legend-name' }, en),
      h('span', { class: 'legend-ar', lang: 'ar', dir: 'rtl' }, ar),
      n ? h('span', { class: 'count' }, String(n)) : null));
  }
  const articleList = h('ul', { class: 'legend-list articles' },
    h('li', {}, h('span', { class: 'bar', 'data-article': '0', 'aria-hidden': 'true' }), h('span', { class: 'legend-name' }, 'Main article')),
    h('li', {}, h('span', { class: 'bar', 'data-article': '1', 'aria-hidden': 'true' }), h('span', { class: 'legend-name' }, 'Secondary article')),
    h('li', {}, h('span', { class: 'bar', 'data-article': 'none', 'aria-hidden': 'true' }), h('span', { class: 'legend-name' }, 'Page furniture')));
  const typesList = h('ul', { class: 'legend-list types' });
  for (const [k, en, ar] of ENTITY_TYPES) {
    const n = typeCounts.get(k) || 0;
    const on = !hidden.has(k);
    typesList.append(h('li', { class: n ? '' : 'absent' },
      h('button', {
        type: 'button', class: 'legend-toggle', 'data-type': k, 'aria-pressed': on ? 'true' : 'false',
        title: `${en} · ${ar} — click to ${on ? 'hide' : 'show'} highlights`,
        onclick: () => onToggle && onToggle(k),
      },
      h('span', { class: 'legend-mark', 'data-type': k }, k),
      h('span', { class: 'legend-name' }, en === 'Organisation' ? 'Org.' : en),
      n ? h('span', { class: 'count' }, String(n)) : null)));
  }
  const quoteItem = h('ul', { class: 'legend-list quotes' },
    h('li', {}, h('q', { class: 'quote legend-quote' }, '…'), h('span', { class: 'legend-name' }, 'Quote (speaker after it)')));
  container.append(
    h('h3', { class: 'legend-head' }, 'Entities'), typesList, quoteItem,
    h('h3', { class: 'legend-head' }, 'Blocks'), rolesList,
    h('h3', { class: 'legend-head' }, 'Articles'), articleList,
  );
}
