#!/usr/bin/env python3
"""HTML-mode evaluation of Maqal.

Body: each WCXB dev page (../shared/data/wcxb-dev-articles/html/<id>.html.gz) is gunzipped and piped
to `build/maqal parse --html -`; the main article's body (articles[0].body) is written to
build/eval/wcxb-html-pred/<id>.json as {"articleBody": ...} and scored against
ground-truth-aeb-format.json with ../shared/tools/score_body.py (4-gram shingle precision/recall per
page, averaged; F1 of the averages). Metadata: title, byline, published (dates only), lang (primary
subtag) and dir of articles[0] against ../shared/data/readability-test-pages/*/expected-metadata.json
(white space normalized; pages whose expected value is missing are not counted for that field). Maqal
gives bylines without a date glued on (issue #4), so `byline` compares with the expected byline's
trailing date removed; `byline (as Readability, dates kept)` compares with it as given.

  python3 tools/eval/html_eval.py [--jobs N] [--min-f1 X] [--worst K]

Standard library only.
"""
import argparse
import gzip
import json
import os
import re
import sys

from scoring import (GT_PATH, SCORER, SHARED, ParseRun, add_common_arguments, ground_truth_pages,
                     min_f1_exit_code, one_line, parse_body, run_maqal, score_bodies)

HTML_DIR = SHARED / 'data' / 'wcxb-dev-articles' / 'html'
READABILITY = SHARED / 'data' / 'readability-test-pages'
HTML_PARSE = ['parse', '--html', '-']


def read_html(path):
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == '.gz' else data


def norm(s):
    return re.sub(r'\s+', ' ', s or '').strip()


MONTH = (r'(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|'
         r'(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day')
# A date or time after the name: a token starting with a digit, or a month or weekday name before one,
# with the separators before it.
TRAILING_DATE = re.compile(r'[\s•|·,:;-]*(?:\b\d|\b(?:' + MONTH + r')\s+\d).*$', re.I)


def without_date(byline):
    """The byline without the date glued after the name (issue #4: "no dates glued on"); several
    of Readability's expected bylines carry one ("By Nathan Willis March 25, 2015")."""
    head = TRAILING_DATE.sub('', byline, count=1).strip()
    return head if re.search(r'[^\W\d]', head) else byline


def metadata_eval(maqal, timeout):
    """Accuracy of title, byline, published, lang, dir on the Readability test pages."""
    fields = ('title', 'byline', 'byline (as Readability, dates kept)', 'published', 'lang', 'dir')
    hits = {f: 0 for f in fields}
    counts = {f: 0 for f in fields}
    misses = {f: [] for f in fields}
    for folder in sorted(p for p in READABILITY.iterdir() if (p / 'expected-metadata.json').exists()):
        exp = json.loads((folder / 'expected-metadata.json').read_text(encoding='utf8'))
        doc, _, _ = run_maqal(maqal, HTML_PARSE, timeout, read_html(folder / 'source.html'))
        art = ((doc or {}).get('articles') or [{}])[0]
        got = {
            'title': norm(art.get('title')),
            'byline': norm(art.get('byline')),
            'byline (as Readability, dates kept)': norm(art.get('byline')),
            'published': (art.get('published_iso') or art.get('published') or '')[:10],
            'lang': ((doc or {}).get('lang') or '').split('-')[0].lower(),
            'dir': (doc or {}).get('dir') or '',
        }
        want = {
            'title': norm(exp.get('title')),
            'byline': without_date(norm(exp.get('byline'))),
            'byline (as Readability, dates kept)': norm(exp.get('byline')),
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


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_arguments(ap)
    ap.add_argument('--no-metadata', action='store_true', help='skip the Readability metadata check')
    args = ap.parse_args()
    maqal = args.maqal.resolve()

    for p, what in ((GT_PATH, 'ground truth'), (SCORER, 'score_body.py'), (HTML_DIR, 'pages')):
        if not p.exists():
            sys.exit(f'html_eval: missing {what}: {p} (../shared beside the repo)')
    if not os.access(maqal, os.X_OK):
        sys.exit(f'html_eval: missing {maqal} (build first: cmake --build build -j2)')

    gt, paths = ground_truth_pages('html_eval', 'page', lambda k: HTML_DIR / f'{k}.html.gz')

    parse_run = ParseRun(lambda path: parse_body(maqal, HTML_PARSE, args.timeout, read_html(path)),
                         paths, args.jobs)
    summary = score_bodies('html_eval', 'wcxb-html-pred', 'maqal', list(paths), gt, parse_run.bodies, args,
                           parse_run)

    if not args.no_metadata:
        fields, hits, counts, misses = metadata_eval(maqal, args.timeout)
        print('\nmetadata on the Readability test pages (expected value present):')
        print('| field | correct | pages | accuracy |\n|---|---|---|---|')
        for f in fields:
            acc = hits[f] / counts[f] if counts[f] else 0.0
            print(f'| {f} | {hits[f]} | {counts[f]} | {acc:.3f} |')
        for f in fields:
            for name, got, want in misses[f][:3 if f != 'byline' else 10]:
                print(f'  {f} miss {name}: got {one_line(got, 60)!r} want {one_line(want, 60)!r}')

    return min_f1_exit_code('html_eval', summary, args.min_f1)


if __name__ == '__main__':
    sys.exit(main())
