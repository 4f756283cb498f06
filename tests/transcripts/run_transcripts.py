#!/usr/bin/env python3
"""Runs dfdx transcripts: files of `> STATEMENT` lines each followed by the exact
lines dfdx prints for it (stdout and stderr merged, as `dfdx --echo 2>&1` shows).

Expected lines:  `...` matches any run of lines; `~ REGEX` matches a line by
re.search; `error: TEXT` matches a line that contains `error: TEXT`; anything
else must be equal to the line (trailing spaces ignored). An `error:` line also
takes the quoted source line and caret that follow it. Lines starting with `#`
and blank lines are comments.

Usage: run_transcripts.py DFDX FILE.txt...   Prints one block per mismatch and a
closing line 'N passed, N failed'; exits 1 on any failure.
"""
import re
import subprocess
import sys


def parse(text):
    items = []
    for line in text.splitlines():
        if line.startswith('> '):
            items.append((line[2:], []))
        elif items and line.strip() and not line.startswith('#'):
            items[-1][1].append(line.rstrip())
    return items


def line_ok(want, got):
    if want.startswith('~ '):
        return re.search(want[2:], got) is not None
    if want.startswith('error: '):
        return want in got
    return want == got


def block_ok(want, got):
    def rec(i, j):
        if i == len(want):
            return j == len(got)
        if want[i] == '...':
            return any(rec(i + 1, k) for k in range(j, len(got) + 1))
        if j >= len(got) or not line_ok(want[i], got[j]):
            return False
        k = j + 1
        if want[i].startswith('error: '):  # the quoted source line and the caret
            while k < len(got) and got[k].startswith('  '):
                k += 1
        return rec(i + 1, k)
    return rec(0, 0)


def run(dfdx, statements):
    src = '\n'.join(statements) + '\n'
    p = subprocess.run([dfdx, '--echo', '--color', 'never'], input=src, text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    blocks = []
    for line in p.stdout.splitlines():
        if line.startswith('> '):
            blocks.append((line[2:], []))
        elif blocks and line.strip():
            blocks[-1][1].append(line.rstrip())
    return blocks


def main(argv):
    dfdx, files = argv[1], argv[2:]
    passed = failed = 0
    for path in files:
        with open(path, encoding='utf-8') as f:
            items = parse(f.read())
        blocks = run(dfdx, [s for s, _ in items])
        k = 0
        for stmt, want in items:
            got = None
            if k < len(blocks) and blocks[k][0].strip() == stmt.strip():
                got = blocks[k][1]
                k += 1
            if got is not None and block_ok(want, got):
                passed += 1
            else:
                failed += 1
                print(f'{path}: > {stmt}\n  want: {" | ".join(want)}\n  got:  '
                      f'{" | ".join(got) if got is not None else "(not echoed)"}')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
