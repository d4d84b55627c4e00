#!/usr/bin/env python3
"""Which names a change to the entity stage adds and drops on real pages.

Parses every WCXB dev paste (build/eval/wcxb-paste/<id>.txt, made by tools/eval/make_pastes.mjs)
with two builds of the CLI and counts the entities (type and text, at the same offset) that one
finds and the other does not, most frequent first: what the NER dev split cannot show, since
web pages hold menus, headings and product names that news sentences do not.

  cp build/maqal /tmp/maqal-before        # before the change
  ... change, cmake --build build ...
  python3 tools/eval/entity_diff.py /tmp/maqal-before build/maqal [--top 150] [--types PER,ORG,LOC,MISC]

Standard library only.
"""
import argparse
import collections
import concurrent.futures
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PASTE_DIR = REPO / 'build' / 'eval' / 'wcxb-paste'


def entities(cli, path):
    """The (type, text, start) of each entity the CLI finds in the paste; none for a paste it rejects."""
    run = subprocess.run([cli, 'parse', str(path)], capture_output=True, text=True)
    if run.returncode != 0:
        return collections.Counter()
    result = json.loads(run.stdout)
    return collections.Counter((e['type'], e['text'], e['start']) for e in result.get('entities', []))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('before', help='the CLI before the change')
    parser.add_argument('after', help='the CLI after it')
    parser.add_argument('--top', type=int, default=150, help='how many of each list to print')
    parser.add_argument('--types', default='', help='only these types, comma-separated (default: all)')
    args = parser.parse_args()
    pastes = sorted(PASTE_DIR.glob('*.txt'))
    if not pastes:
        sys.exit(f'no pastes in {PASTE_DIR}: run node tools/eval/make_pastes.mjs first')
    types = set(filter(None, args.types.split(',')))
    lost, gained = collections.Counter(), collections.Counter()
    with concurrent.futures.ThreadPoolExecutor() as pool:
        for path, before, after in pool.map(lambda p: (p, entities(args.before, p), entities(args.after, p)), pastes):
            for (kind, text, _), n in (before - after).items():
                if not types or kind in types:
                    lost[(kind, text)] += n
            for (kind, text, _), n in (after - before).items():
                if not types or kind in types:
                    gained[(kind, text)] += n
    print(f'{len(pastes)} pastes: {sum(lost.values())} entities lost, {sum(gained.values())} gained')
    for title, counts in (('lost', lost), ('gained', gained)):
        print(f'{title}: ' + '; '.join(f'{n} {kind}:{text}' for (kind, text), n in counts.most_common(args.top)))


if __name__ == '__main__':
    main()
