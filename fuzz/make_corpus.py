#!/usr/bin/env python3
"""Writes the fuzz seed corpus: every `> STATEMENT` of the project's transcripts
(tests/transcripts/*.txt) and of ../shared/acceptance/*.txt, one file per statement,
plus each run of three consecutive statements (so uses follow their definitions).

Usage: make_corpus.py OUT_DIR [TRANSCRIPT.txt ...]   (default: the two sets above)
"""
import glob
import hashlib
import os
import sys


def statements(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return [line[2:] for line in f.read().splitlines() if line.startswith('> ')]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = sys.argv[2:] or sorted(glob.glob(os.path.join(root, 'tests/transcripts/*.txt')) +
                                   glob.glob(os.path.join(root, '../shared/acceptance/*.txt')))
    os.makedirs(out, exist_ok=True)
    seeds = set()
    for path in files:
        lines = statements(path)
        seeds.update(lines)
        for i in range(len(lines) - 2):
            seeds.add('\n'.join(lines[i:i + 3]))
    for s in sorted(seeds):
        data = s.encode('utf-8')
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)
    print(f'make_corpus: {len(seeds)} seeds from {len(files)} transcripts in {out}')


if __name__ == '__main__':
    main()
