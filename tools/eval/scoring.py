"""What paste_eval.py and html_eval.py share: running `maqal parse` on the WCXB dev pages, scoring
the main-article bodies with ../shared/tools/score_body.py and printing the report.

Standard library only.
"""
import concurrent.futures
import csv
import json
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / '..' / 'shared').resolve()
GT_PATH = SHARED / 'data' / 'wcxb-dev-articles' / 'ground-truth-aeb-format.json'
SCORER = SHARED / 'tools' / 'score_body.py'
MAQAL = REPO / 'build' / 'maqal'


def add_common_arguments(ap):
    ap.add_argument('--jobs', type=int, default=2, help='parallel parses (default 2)')
    ap.add_argument('--min-f1', type=float, default=None, help='exit 1 if F1 < X')
    ap.add_argument('--worst', type=int, default=10, help='how many worst pages to list (default 10)')
    ap.add_argument('--timeout', type=float, default=60, help='seconds per parse (default 60)')
    ap.add_argument('--n-bootstrap', type=int, default=200,
                    help='bootstrap resamples for score_body.py ± (default 200)')
    ap.add_argument('--maqal', type=Path, default=MAQAL, help='the CLI to run (default build/maqal)')


def ground_truth_pages(prog, what, page_path):
    """The ground truth and {id: page_path(id)} for its pages whose file exists (exits if none)."""
    gt = json.loads(GT_PATH.read_text(encoding='utf8'))
    paths = {k: page_path(k) for k in sorted(gt) if page_path(k).exists()}
    if not paths:
        sys.exit(f'{prog}: no {what} has a ground-truth entry')
    return gt, paths


def run_maqal(maqal, cli_args, timeout, stdin=None):
    """(document or None, error or None, seconds) for one `maqal` run."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([str(maqal), *cli_args], input=stdin, capture_output=True, timeout=timeout)
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


def parse_body(maqal, cli_args, timeout, stdin=None):
    """(main article's body, error or None, seconds) for one `maqal` run."""
    doc, err, dt = run_maqal(maqal, cli_args, timeout, stdin)
    if err:
        return '', err, dt
    arts = doc.get('articles') or []
    return ((arts[0].get('body') or '') if arts else ''), None, dt


class ParseRun:
    """Bodies and parse errors by page id, with the summed and the wall-clock parse seconds."""

    def __init__(self, parse_one, paths, jobs):
        """Runs parse_one(path) -> (body, error or None, seconds) on each of paths {id: path},
        `jobs` at a time."""
        self.bodies, self.errors, self.seconds = {}, {}, 0.0
        t0 = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
            futs = {ex.submit(parse_one, path): k for k, path in paths.items()}
            for fut in concurrent.futures.as_completed(futs):
                k = futs[fut]
                body, err, dt = fut.result()
                self.seconds += dt
                self.bodies[k] = body
                if err:
                    self.errors[k] = err
        self.wall = time.perf_counter() - t0


def one_line(s, n=80):
    s = re.sub(r'\s+', ' ', s or '').strip()
    return s[:n] + ('…' if len(s) > n else '')


def score_bodies(prog, name, label, ids, gt, bodies, args, parse_run=None):
    """Scores bodies {id: text} against gt, prints the report and returns score_body.py's summary.

    Predictions go to build/eval/<name>/<id>.json; prog prefixes the messages; parse_run (a ParseRun)
    adds its errors and times to the report.
    """
    pred_dir = REPO / 'build' / 'eval' / name
    pred_dir.mkdir(parents=True, exist_ok=True)
    for old in pred_dir.glob('*.json'):
        old.unlink()
    for k in ids:
        (pred_dir / f'{k}.json').write_text(json.dumps({'articleBody': bodies[k]}, ensure_ascii=False),
                                            encoding='utf8')

    # Score only the pages we have input for (normally all of them).
    csv_path = REPO / 'build' / 'eval' / f'{name}.per-page.csv'
    json_path = REPO / 'build' / 'eval' / f'{name}.summary.json'
    if len(ids) == len(gt):
        gt_arg = GT_PATH
    else:
        gt_arg = pred_dir / '_gt.json'
        gt_arg.write_text(json.dumps({k: gt[k] for k in ids}, ensure_ascii=False), encoding='utf8')
    cmd = [sys.executable, str(SCORER), '--gt', str(gt_arg), '--pred-dir', str(pred_dir),
           '--per-page-csv', str(csv_path), '--json', str(json_path),
           '--n-bootstrap', str(args.n_bootstrap), '--seed', '1']
    t1 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    score_secs = time.perf_counter() - t1
    if proc.returncode != 0:
        sys.exit(f'{prog}: score_body.py failed:\n{proc.stdout}{proc.stderr}')
    summary = next(iter(json.loads(json_path.read_text()).values()))

    print(f'{prog}: {label} on {len(ids)} pages ({len(gt)} in ground truth)')
    print(proc.stdout.rstrip())
    if proc.stderr.strip():
        print(proc.stderr.rstrip())
    if parse_run:
        print(f'parse errors: {len(parse_run.errors)}')
        for k, e in sorted(parse_run.errors.items())[:20]:
            print(f'  {k}: {e}')
        secs = parse_run.seconds
        print(f'parse time: {secs:.1f} s total ({1000 * secs / len(ids):.1f} ms/page), '
              f'{parse_run.wall:.1f} s wall with --jobs {args.jobs}')
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
    return summary


def min_f1_exit_code(prog, summary, min_f1):
    """1 (with a message) when --min-f1 is given and F1 falls below it, else 0."""
    if min_f1 is not None and summary['f1'] < min_f1:
        print(f'{prog}: F1 {summary["f1"]:.3f} < --min-f1 {min_f1}', file=sys.stderr)
        return 1
    return 0
