#!/usr/bin/env python3
"""Checks docs/dfdx.1 against the program: every option of `dfdx --help` is documented,
every EXAMPLES command prints what the page says, and groff reads the page without
warnings (when groff is installed).

Usage: check_manpage.py DFDX MANPAGE     prints 'N passed, N failed'; exit 1 on failure
"""
import re
import shutil
import subprocess
import sys

# The roff escapes the page uses, as the characters a terminal shows.
ROFF = [(r'\-', '-'), (r'\e', '\\'), (r'\(S2', '²'), (r'\(pc', '·'), (r'\(sr', '√'), (r'\(*p', 'π')]


def unroff(line):
    for esc, ch in ROFF:
        line = line.replace(esc, ch)
    return line


def examples(page):
    """[(command, expected lines)] from the .nf block of the EXAMPLES section."""
    m = re.search(r'^\.SH EXAMPLES\n\.nf\n(.*?)^\.fi', page, re.S | re.M)
    items = []
    for line in (m.group(1).splitlines() if m else []):
        line = unroff(line)
        if line.startswith('$ '):
            items.append((line[2:], []))
        elif items:
            items[-1][1].append(line)
    return items


def main():
    dfdx, manpage = sys.argv[1], sys.argv[2]
    page = open(manpage, encoding='utf-8').read()
    passed = failed = 0

    help_text = subprocess.run([dfdx, '--help'], text=True, stdout=subprocess.PIPE).stdout
    options = sorted(set(re.findall(r'--[a-z][a-z-]*', help_text)))
    documented = unroff(page)
    for opt in options:
        if re.search(r'^\.(TP|B|BR|BI)\b.*' + re.escape(opt.replace('-', r'\-')), page, re.M) or \
                re.search(r'\.B[IR]? ' + re.escape(opt) + r'\b', documented):
            passed += 1
        else:
            failed += 1
            print(f'{manpage}: option {opt} of dfdx --help is not documented')

    items = examples(page)
    if not items:
        failed += 1
        print(f'{manpage}: no EXAMPLES found')
    for cmd, want in items:
        got = subprocess.run(['bash', '-c', cmd.replace('dfdx', dfdx, 1)], text=True, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT).stdout.splitlines()
        if got == want:
            passed += 1
        else:
            failed += 1
            print(f'{manpage}: example {cmd}\n    want: {want}\n    got:  {got}')

    if shutil.which('groff'):
        p = subprocess.run(['groff', '-man', '-Tutf8', '-ww', '-z', manpage], text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if p.returncode == 0 and not p.stdout.strip():
            passed += 1
        else:
            failed += 1
            print(f'{manpage}: groff warns:\n{p.stdout}')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
