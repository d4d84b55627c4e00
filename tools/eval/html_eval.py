#!/usr/bin/env python3
"""HTML-mode evaluation of Maqal.

Body: each WCXB dev page (../shared/data/wcxb-dev-articles/html/<id>.html.gz) is gunzipped and piped
to `build/maqal parse --html -`; the main article's body (articles[0].body) is written to
build/eval/wcxb-html-pred/<id>.json as {"articleBody": ...} and scored against
ground-truth-aeb-format.json with ../shared/tools/score_body.py (4-gram shingle precision/recall per
page, averaged; F1 of the averages). Metadata: title, byline, published (dates only), lang (primary
subtag) and dir of articles[0] against ../shared/data/readability-test-pages/*/expected-metadata.json
(white space normalized; pages whose expected value is missing are not counted for that field).

  python3 tools/eval/html_eval.py [--jobs N] [--min-f1 X] [--worst K]

Standard library only.
"""
import argparse
import concurrent.futures
import csv
import gzip
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / '..' / 'shared').resolve()
GT_PATH = SHARED / 'data' / 'wcxb-dev-articles' / 'ground-truth-aeb-format.json'
SCORER = SHARED / 'tools' / 'score_body.py'
HTML_DIR = SHARED / 'data' / 'wcxb-dev-articles' / 'html'
READABILITY = SHARED / 'data' / 'readability-test-pages'
MAQAL = REPO / 'build' / 'maqal'
MAQAL_BIN = [MAQAL]  # --maqal PATH replaces it (e.g. a snapshot while build/ is being rebuilt)


def read_html(path):
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == '.gz' else data


def run_maqal(path, timeout):
    """(document or None, error or None, seconds) for one page."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([str(MAQAL_BIN[0]), 'parse', '--html', '-'], input=read_html(path),
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 'timeout', time.perf_counter() - t0
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        msg = (proc.stdout or proc.stderr).decode('utf8', 'replace').strip().replace('\n', ' ')
        return None, f'exit {proc.returncode}: {msg[:120]}', dt
    try:
        return json.loads(proc.stdout), None, dt
    except ValueError as e:
        return None, f'bad json: {e}', dt


def parse_one(path, timeout):
    """(body, error or None, seconds) for one page."""
    doc, err, dt = run_maqal(path, timeout)
    if err:
        return '', err, dt
    arts = doc.get('articles') or []
    return ((arts[0].get('body') or '') if arts else ''), None, dt


def norm(s):
    return re.sub(r'\s+', ' ', s or '').strip()


def metadata_eval(timeout):
    """Accuracy of title, byline, published, lang, dir on the Readability test pages."""
    fields = ('title', 'byline', 'published', 'lang', 'dir')
    hits = {f: 0 for f in fields}
    counts = {f: 0 for f in fields}
    misses = {f: [] for f in fields}
    for folder in sorted(p for p in READABILITY.iterdir() if (p / 'expected-metadata.json').exists()):
        exp = json.loads((folder / 'expected-metadata.json').read_text(encoding='utf8'))
        doc, err, _ = run_maqal(folder / 'source.html', timeout)
        art = ((doc or {}).get('articles') or [{}])[0]
        got = {
            'title': norm(art.get('title')),
            'byline': norm(art.get('byline')),
            'published': (art.get('published_iso') or art.get('published') or '')[:10],
            'lang': ((doc or {}).get('lang') or '').split('-')[0].lower(),
            'dir': (doc or {}).get('dir') or '',
        }
        want = {
            'title': norm(exp.get('title')),
            'byline': norm(exp.get('byline')),
            'published': (exp.get('publishedTime') or '')[:10],
            'lang': (exp.get('lang') or '').split('-')[0].lower(),
            'dir': exp.get('dir') or '',
        }
        for f in fields:
            if not want[f]:
                continue
            counts[f] += 1
            if got[f] == want[f]:
                hits[f] += 1
            else:
                misses[f].append((folder.name, got[f], want[f]))
    return fields, hits, counts, misses


def one_line(s, n=80):
    s = re.sub(r'\s+', ' ', s or '').strip()
    return s[:n] + ('…' if len(s) > n else '')


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--jobs', type=int, default=2, help='parallel parses (default 2)')
    ap.add_argument('--min-f1', type=float, default=None, help='exit 1 if F1 < X')
    ap.add_argument('--no-metadata', action='store_true', help='skip the Readability metadata check')
    ap.add_argument('--worst', type=int, default=10, help='how many worst pages to list (default 10)')
    ap.add_argument('--timeout', type=float, default=60, help='seconds per parse (default 60)')
    ap.add_argument('--n-bootstrap', type=int, default=200,
                    help='bootstrap resamples for score_body.py ± (default 200)')
    ap.add_argument('--maqal', type=Path, default=MAQAL, help='the CLI to run (default build/maqal)')
    args = ap.parse_args()
    MAQAL_BIN[0] = args.maqal.resolve()

    args.baseline = None
    for p, what in ((GT_PATH, 'ground truth'), (SCORER, 'score_body.py'), (HTML_DIR, 'pages')):
        if not p.exists():
            sys.exit(f'html_eval: missing {what}: {p} (../shared beside the repo)')
    if not os.access(MAQAL_BIN[0], os.X_OK):
        sys.exit(f'html_eval: missing {MAQAL_BIN[0]} (build first: cmake --build build -j2)')

    gt = json.loads(GT_PATH.read_text(encoding='utf8'))
    ids = sorted(k for k in gt if (HTML_DIR / f'{k}.html.gz').exists())
    if not ids:
        sys.exit('html_eval: no page has a ground-truth entry')
    name = 'wcxb-html-pred'
    pred_dir = REPO / 'build' / 'eval' / name
    pred_dir.mkdir(parents=True, exist_ok=True)
    for old in pred_dir.glob('*.json'):
        old.unlink()

    errors = {}
    parse_secs = 0.0
    t0 = time.perf_counter()
    bodies = {}
    if True:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
            futs = {ex.submit(parse_one, HTML_DIR / f'{k}.html.gz', args.timeout): k for k in ids}
            for fut in concurrent.futures.as_completed(futs):
                k = futs[fut]
                body, err, dt = fut.result()
                parse_secs += dt
                bodies[k] = body
                if err:
                    errors[k] = err
    wall = time.perf_counter() - t0
    for k in ids:
        (pred_dir / f'{k}.json').write_text(json.dumps({'articleBody': bodies[k]}, ensure_ascii=False),
                                            encoding='utf8')

    # Score only the pages we have pastes for (normally all of them).
    sub_gt = {k: gt[k] for k in ids}
    gt_sub_path = pred_dir / '_gt.json'
    csv_path = REPO / 'build' / 'eval' / f'{name}.per-page.csv'
    json_path = REPO / 'build' / 'eval' / f'{name}.summary.json'
    if len(sub_gt) == len(gt):
        gt_arg = GT_PATH
    else:
        gt_sub_path.write_text(json.dumps(sub_gt, ensure_ascii=False), encoding='utf8')
        gt_arg = gt_sub_path
    cmd = [sys.executable, str(SCORER), '--gt', str(gt_arg), '--pred-dir', str(pred_dir),
           '--per-page-csv', str(csv_path), '--json', str(json_path),
           '--n-bootstrap', str(args.n_bootstrap), '--seed', '1']
    t1 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    score_secs = time.perf_counter() - t1
    if proc.returncode != 0:
        sys.exit(f'html_eval: score_body.py failed:\n{proc.stdout}{proc.stderr}')
    summary = next(iter(json.loads(json_path.read_text()).values()))

    label = f'baseline {args.baseline}' if args.baseline else 'maqal'
    print(f'html_eval: {label} on {len(ids)} pages ({len(gt)} in ground truth)')
    print(proc.stdout.rstrip())
    if proc.stderr.strip():
        print(proc.stderr.rstrip())
    if not args.baseline:
        print(f'parse errors: {len(errors)}')
        for k, e in sorted(errors.items())[:20]:
            print(f'  {k}: {e}')
        print(f'parse time: {parse_secs:.1f} s total ({1000 * parse_secs / len(ids):.1f} ms/page), '
              f'{wall:.1f} s wall with --jobs {args.jobs}')
    print(f'scoring time: {score_secs:.1f} s')
    empty = sum(1 for k in ids if not bodies[k].strip())
    print(f'empty predictions: {empty}')
    print(f'P {summary["precision"]:.3f}  R {summary["recall"]:.3f}  F1 {summary["f1"]:.3f}')

    rows = []
    with open(csv_path, newline='', encoding='utf8') as f:
        for r in csv.DictReader(f):
            p, rc = float(r['precision']), float(r['recall'])
            f1 = 2 * p * rc / (p + rc) if p + rc > 0 else 0.0
            rows.append((f1, -len(gt[r['page_id']].get('articleBody') or ''), r['page_id'], p, rc))
    rows.sort()  # by F1, then the longer ground truth first
    print(f'\nworst {args.worst} pages by F1 (per-page CSV: {csv_path.relative_to(REPO)}):')
    for f1, _, k, p, rc in rows[:args.worst]:
        g = gt[k]
        print(f'{k}  P {p:.3f}  R {rc:.3f}  F1 {f1:.3f}  {g.get("url", "")}')
        print(f'    pred: {one_line(bodies.get(k, ""))}')
        print(f'    gt:   {one_line(g.get("articleBody", ""))}')

    if len(rows) > args.worst and args.worst > 0:
        cut = rows[args.worst - 1][0]
        tied = [k for f1, _, k, _, _ in rows[args.worst:] if f1 == cut]
        if tied:
            print(f'    (also at F1 {cut:.3f}: {" ".join(sorted(tied))})')
    zero = sum(1 for row in rows if row[0] == 0)
    print(f'pages with F1 0: {zero}; F1 < 0.5: {sum(1 for row in rows if row[0] < 0.5)}; '
          f'F1 >= 0.9: {sum(1 for row in rows if row[0] >= 0.9)}; median F1 {rows[len(rows) // 2][0]:.3f}')

    if not args.no_metadata:
        fields, hits, counts, misses = metadata_eval(args.timeout)
        print('\nmetadata on the Readability test pages (expected value present):')
        print('| field | correct | pages | accuracy |\n|---|---|---|---|')
        for f in fields:
            acc = hits[f] / counts[f] if counts[f] else 0.0
            print(f'| {f} | {hits[f]} | {counts[f]} | {acc:.3f} |')
        for f in fields:
            for name, got, want in misses[f][:3]:
                print(f'  {f} miss {name}: got {one_line(got, 60)!r} want {one_line(want, 60)!r}')

    if args.min_f1 is not None and summary['f1'] < args.min_f1:
        print(f'html_eval: F1 {summary["f1"]:.3f} < --min-f1 {args.min_f1}', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
