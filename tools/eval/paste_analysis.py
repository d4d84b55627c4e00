#!/usr/bin/env python3
"""Why Maqal loses precision and recall in paste mode: a per-block attribution over the WCXB pastes.

  python3 tools/eval/paste_analysis.py [--jobs N] [--page ID] [--examples K] [--html]

--html does the same for HTML mode: the pages themselves (html/<id>.html.gz) through `parse --html`,
the figures to build/eval/wcxb-html-analysis.csv.

Every paste (build/eval/wcxb-paste/<id>.txt) is parsed with `build/maqal parse`; each block's
tokens (\\w+, as score_body.py counts them) are marked "in the ground truth" when one of the
4-grams of the paste's token stream that covers the token is a 4-gram of the page's
main_content — the same view score_body.py takes. Then, token-weighted:

  * false-positive tokens = tokens of main-body blocks (articles[0]: lead, paragraph, subheading,
    blockquote, list_item) that are not in the ground truth, by role and by position: before the
    ground-truth span of the paste ("head": menus, breadcrumbs, title area), inside it
    ("inside": captions, share bars, inline ads), after it ("tail": comments, related, footer);
  * false-negative tokens = ground-truth tokens not in the main body, by what Maqal made of
    their block: a secondary article's body, title, teaser, boilerplate:<kind>, related, ...;
  * page patterns, each with the pages it hits.

Writes build/eval/wcxb-paste-analysis.csv (one row per page). --page ID prints one page's blocks
with role, article and ground-truth share instead. Standard library only.
"""
import argparse
import collections
import concurrent.futures
import csv
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / '..' / 'shared').resolve()
GT_PATH = SHARED / 'data' / 'wcxb-dev-articles' / 'ground-truth-aeb-format.json'
PASTE_DIR = REPO / 'build' / 'eval' / 'wcxb-paste'
MAQAL = REPO / 'build' / 'maqal'
MAQAL_BIN = [MAQAL]  # --maqal PATH replaces it (e.g. a snapshot while build/ is being rebuilt)
HTML_DIR = SHARED / 'data' / 'wcxb-dev-articles' / 'html'
HTML = [False]  # --html: the pages as HTML instead of their pastes
BODY_ROLES = {'lead', 'paragraph', 'subheading', 'blockquote', 'list_item'}
TOKEN = re.compile(r'\w+')
MIN_SPAN_TOKENS = 8  # a block this long, mostly in the ground truth, anchors the ground-truth span


def page_path(pid):
    return HTML_DIR / f'{pid}.html.gz' if HTML[0] else PASTE_DIR / f'{pid}.txt'


def parse(path):
    if HTML[0]:  # the page itself, gunzipped, in HTML mode
        proc = subprocess.run([str(MAQAL_BIN[0]), 'parse', '--html', '-'], capture_output=True,
                              input=gzip.decompress(path.read_bytes()))
    else:
        proc = subprocess.run([str(MAQAL_BIN[0]), 'parse', str(path)], capture_output=True)
    if proc.returncode != 0:
        return None
    return json.loads(proc.stdout)


def label(block):
    role = block['role']
    if role == 'boilerplate':
        role += ':' + block.get('kind', '')
    art = block['article']
    if art is None:
        return role
    return role if art == 0 else f'{role} (secondary)'


def analyse(pid, doc, gt_text):
    """Per-block records and per-page figures for one page."""
    gt_toks = TOKEN.findall(gt_text)
    gt_sh = {tuple(gt_toks[i:i + 4]) for i in range(max(0, len(gt_toks) - 3))}
    blocks = doc['blocks'] if doc else []
    stream, owner = [], []
    for bi, b in enumerate(blocks):
        t = TOKEN.findall(b['text'])
        stream += t
        owner += [bi] * len(t)
    hit = [False] * len(stream)
    for i in range(len(stream) - 3):
        if tuple(stream[i:i + 4]) in gt_sh:
            hit[i] = hit[i + 1] = hit[i + 2] = hit[i + 3] = True
    recs = []
    for bi, b in enumerate(blocks):
        recs.append({'i': bi, 'role': b['role'], 'label': label(b), 'article': b['article'],
                     'text': b['text'], 'n': 0, 'gt': 0,
                     'body': b['article'] == 0 and b['role'] in BODY_ROLES})
    for ti, bi in enumerate(owner):
        recs[bi]['n'] += 1
        recs[bi]['gt'] += hit[ti]
    anchors = [r['i'] for r in recs if r['n'] >= MIN_SPAN_TOKENS and r['gt'] >= 0.5 * r['n']]
    first, last = (anchors[0], anchors[-1]) if anchors else (len(recs), -1)
    for r in recs:
        r['pos'] = 'head' if r['i'] < first else 'tail' if r['i'] > last else 'inside'
    return recs


def page_figures(pid, recs, gt_text, doc):
    body_n = sum(r['n'] for r in recs if r['body'])
    gt_n = len(TOKEN.findall(gt_text))
    fp = collections.Counter()
    fn = collections.Counter()
    fp_pos = collections.Counter()
    for r in recs:
        if r['body']:
            bad = r['n'] - r['gt']
            fp[r['label']] += bad
            fp_pos[r['pos']] += bad
        else:
            fn[r['label']] += r['gt']
    # GT tokens per article body (to spot a wrongly chosen main article)
    per_art = collections.Counter()
    for r in recs:
        if r['role'] in BODY_ROLES and r['article'] is not None:
            per_art[r['article']] += r['gt']
    gt_in_paste = sum(r['gt'] for r in recs)
    best_art = max(per_art, key=per_art.get) if per_art else 0
    n_art = len(doc['articles']) if doc else 0
    return {'id': pid, 'gt_tokens': gt_n, 'paste_tokens': sum(r['n'] for r in recs),
            'gt_in_paste': gt_in_paste, 'body_tokens': body_n,
            'body_gt': sum(r['gt'] for r in recs if r['body']), 'articles': n_art,
            'best_article': best_art, 'best_article_gt': per_art.get(best_art, 0),
            'fp': fp, 'fn': fn, 'fp_pos': fp_pos}


def show_page(pid, gt):
    doc = parse(page_path(pid))
    recs = analyse(pid, doc, gt[pid]['articleBody'])
    print(f'{pid} {gt[pid].get("url", "")}')
    for a in (doc or {}).get('articles', []):
        print(f'  article {a["id"]} {a["kind"]}: title={a["title"]!r:.70} body={len(a["body"])} chars')
    for r in recs:
        mark = 'B' if r['body'] else ' '
        share = f'{r["gt"]}/{r["n"]}'
        print(f'{mark} {r["pos"][:4]:4} {share:>7} {r["label"][:22]:22} {str(r["article"]):>4}  '
              f'{r["text"][:100]!r}')


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--page', help='print one page block by block')
    ap.add_argument('--examples', type=int, default=3, help='example lines per role row')
    ap.add_argument('--maqal', type=Path, default=MAQAL, help='the CLI to run (default build/maqal)')
    ap.add_argument('--html', action='store_true', help='the WCXB pages as HTML (parse --html) instead of their pastes')
    args = ap.parse_args()
    MAQAL_BIN[0] = args.maqal.resolve()
    HTML[0] = args.html
    gt = json.loads(GT_PATH.read_text(encoding='utf8'))
    if args.page:
        return show_page(args.page, gt)

    ids = sorted(k for k in gt if page_path(k).exists())
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        docs = dict(zip(ids, ex.map(lambda k: parse(page_path(k)), ids)))

    pages = []
    role_stats = collections.defaultdict(lambda: collections.Counter())
    examples = collections.defaultdict(list)
    for k in ids:
        gtt = gt[k]['articleBody']
        recs = analyse(k, docs[k], gtt)
        pages.append(page_figures(k, recs, gtt, docs[k]))
        for r in recs:
            s = role_stats[r['label']]
            isgt = r['n'] > 0 and r['gt'] >= 0.5 * r['n']
            s['blocks'] += 1
            s['tokens'] += r['n']
            s['gt_blocks'] += isgt
            s['gt_tokens'] += r['gt']
            key = (r['label'], 'gt' if isgt else 'not')
            if len(examples[key]) < 200 and 2 <= r['n'] <= 14:
                examples[key].append((k, r['text']))

    # ---- role table
    print('Blocks by role (all pastes). gt = the block is mostly ground-truth text '
          '(token-weighted columns count \\w+ tokens).')
    print(f'{"role":26} {"blocks":>7} {"gt blk":>7} {"tokens":>9} {"gt tok":>9}  share gt')
    for lab, s in sorted(role_stats.items(), key=lambda kv: -kv[1]['tokens']):
        print(f'{lab:26} {s["blocks"]:7} {s["gt_blocks"]:7} {s["tokens"]:9} {s["gt_tokens"]:9}  '
              f'{s["gt_tokens"] / max(1, s["tokens"]):.2f}')

    # ---- precision losses
    n = len(pages)
    fp_tot = collections.Counter()
    fp_pos_share = collections.Counter()
    fp_share = collections.Counter()
    for p in pages:
        fp_tot.update(p['fp'])
        if p['body_tokens']:
            for kk, v in p['fp_pos'].items():
                fp_pos_share[kk] += v / p['body_tokens']
            for kk, v in p['fp'].items():
                fp_share[kk] += v / p['body_tokens']
    print('\nPrecision: main-body tokens that are not ground truth, mean share of a page\'s body:')
    for kk in ('head', 'inside', 'tail'):
        hit = sum(1 for p in pages if p['body_tokens'] and p['fp_pos'][kk] >= 0.1 * p['body_tokens'])
        print(f'  {kk:7} {fp_pos_share[kk] / n:.3f}   pages where it is >= 10% of the body: {hit}')
    print('  by role: ' + ', '.join(f'{kk} {v / n:.3f}' for kk, v in fp_share.most_common()))

    # ---- recall losses
    fn_share = collections.Counter()
    for p in pages:
        if p['gt_in_paste']:
            for kk, v in p['fn'].items():
                fn_share[kk] += v / p['gt_in_paste']
    print('\nRecall: ground-truth tokens of the paste left out of the main body, mean share, by what '
          'Maqal made of them (pages where >= 10%):')
    for kk, v in fn_share.most_common(20):
        hit = sum(1 for p in pages if p['gt_in_paste'] and p['fn'][kk] >= 0.1 * p['gt_in_paste'])
        print(f'  {kk:28} {v / n:.3f}  {hit:4} pages')
    lost_paste = [p for p in pages if p['gt_tokens'] and p['gt_in_paste'] < 0.5 * p['gt_tokens']]
    print(f'  (ground truth missing from the paste itself, < 50% of its tokens found: '
          f'{len(lost_paste)} pages: {" ".join(p["id"] for p in lost_paste[:25])})')

    # ---- page patterns
    patterns = {
        'wrong main article (a secondary article holds more ground truth than articles[0])':
            [p for p in pages if p['best_article'] != 0 and p['best_article_gt'] > p['body_gt']],
        'article split (>= 20% of the ground truth in secondary articles\' bodies)':
            [p for p in pages if sum(v for kk, v in p['fn'].items() if kk.endswith('(secondary)')
                                     and kk.split()[0] in BODY_ROLES) >= 0.2 * max(1, p['gt_in_paste'])],
        'head junk >= 20% of body (menus etc. before the article)':
            [p for p in pages if p['fp_pos']['head'] >= 0.2 * max(1, p['body_tokens'])],
        'tail junk >= 20% of body (after the article)':
            [p for p in pages if p['fp_pos']['tail'] >= 0.2 * max(1, p['body_tokens'])],
        'inside junk >= 10% of body':
            [p for p in pages if p['fp_pos']['inside'] >= 0.1 * max(1, p['body_tokens'])],
        'teaser takes >= 5% of the ground truth':
            [p for p in pages if p['fn']['teaser'] >= 0.05 * max(1, p['gt_in_paste'])],
        'boilerplate takes >= 5% of the ground truth':
            [p for p in pages if sum(v for kk, v in p['fn'].items() if kk.startswith('boilerplate'))
             >= 0.05 * max(1, p['gt_in_paste'])],
        'related takes >= 5% of the ground truth':
            [p for p in pages if sum(v for kk, v in p['fn'].items() if kk.startswith('related'))
             >= 0.05 * max(1, p['gt_in_paste'])],
        'more than 3 articles found':
            [p for p in pages if p['articles'] > 3],
    }
    print('\nPage patterns:')
    for name, ps in patterns.items():
        print(f'  {len(ps):4}  {name}: {" ".join(p["id"] for p in ps[:15])}{" …" if len(ps) > 15 else ""}')

    out = REPO / 'build' / 'eval' / f'wcxb-{"html" if HTML[0] else "paste"}-analysis.csv'
    with open(out, 'w', newline='', encoding='utf8') as f:
        w = csv.writer(f)
        w.writerow(['page_id', 'gt_tokens', 'gt_in_paste', 'paste_tokens', 'body_tokens', 'body_gt',
                    'articles', 'best_article', 'best_article_gt', 'fp_head', 'fp_inside', 'fp_tail',
                    'fn_top', 'url'])
        for p in pages:
            top = ';'.join(f'{kk}={v}' for kk, v in p['fn'].most_common(3))
            w.writerow([p['id'], p['gt_tokens'], p['gt_in_paste'], p['paste_tokens'], p['body_tokens'],
                        p['body_gt'], p['articles'], p['best_article'], p['best_article_gt'],
                        p['fp_pos']['head'], p['fp_pos']['inside'], p['fp_pos']['tail'], top,
                        gt[p['id']].get('url', '')])
    print(f'\nper-page figures: {out.relative_to(REPO)}')

    if args.examples:
        print('\nExamples (short blocks) per role, ground truth vs not:')
        import random
        rng = random.Random(1)
        for lab, s in sorted(role_stats.items(), key=lambda kv: -kv[1]['tokens'])[:14]:
            for g in ('not', 'gt'):
                ex = examples[(lab, g)]
                if ex:
                    pick = rng.sample(ex, min(args.examples, len(ex)))
                    print(f'  {lab} [{g}]: ' + ' | '.join(f'{k}: {t[:60]!r}' for k, t in pick))


if __name__ == '__main__':
    sys.exit(main())
