#!/usr/bin/env python3
"""Paste-mode evaluation of Maqal on the WCXB dev article pages.

Each page's pasted text (build/eval/wcxb-paste/<id>.txt, made by tools/eval/make_pastes.mjs:
document.body.innerText in headless Chromium, JavaScript off) is parsed with `build/maqal parse`;
the main article's body (articles[0].body) is written to build/eval/wcxb-paste-pred/<id>.json as
{"articleBody": ...} and scored against the ground truth with ../shared/tools/score_body.py
(4-gram shingle precision/recall per page, averaged; F1 of the averages).

  python3 tools/eval/paste_eval.py [--jobs N] [--min-f1 X] [--baseline all-lines] [--worst K]

--baseline all-lines predicts the whole paste (its non-empty lines joined by blank lines) instead
of running Maqal: the floor a trivial extractor gets (predictions in
build/eval/wcxb-paste-all-lines/). --min-f1 X exits 1 when F1 < X (a regression floor).

Standard library only.
"""
import argparse
import os
import sys

from scoring import (GT_PATH, REPO, SCORER, ParseRun, add_common_arguments, ground_truth_pages,
                     min_f1_exit_code, parse_body, score_bodies)

PASTE_DIR = REPO / 'build' / 'eval' / 'wcxb-paste'


def all_lines(path):
    text = path.read_text(encoding='utf8', errors='replace')
    return '\n\n'.join(line.strip() for line in text.splitlines() if line.strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_arguments(ap)
    ap.add_argument('--baseline', choices=['all-lines'], default=None,
                    help='score a trivial extractor instead of Maqal')
    args = ap.parse_args()
    maqal = args.maqal.resolve()

    for p, what in ((GT_PATH, 'ground truth'), (SCORER, 'score_body.py'), (PASTE_DIR, 'pastes')):
        if not p.exists():
            hint = ' (run: node tools/eval/make_pastes.mjs)' if p == PASTE_DIR else ' (../shared beside the repo)'
            sys.exit(f'paste_eval: missing {what}: {p}{hint}')
    if not args.baseline and not os.access(maqal, os.X_OK):
        sys.exit(f'paste_eval: missing {maqal} (build first: cmake --build build -j2)')

    gt, paths = ground_truth_pages('paste_eval', 'paste', lambda k: PASTE_DIR / f'{k}.txt')

    parse_run = None
    if args.baseline == 'all-lines':
        bodies = {k: all_lines(path) for k, path in paths.items()}
    else:
        parse_run = ParseRun(lambda path: parse_body(maqal, ['parse', str(path)], args.timeout),
                             paths, args.jobs)
        bodies = parse_run.bodies
    name = 'wcxb-paste-' + args.baseline if args.baseline else 'wcxb-paste-pred'
    label = f'baseline {args.baseline}' if args.baseline else 'maqal'
    summary = score_bodies('paste_eval', name, label, list(paths), gt, bodies, args, parse_run)
    return min_f1_exit_code('paste_eval', summary, args.min_f1)


if __name__ == '__main__':
    sys.exit(main())
