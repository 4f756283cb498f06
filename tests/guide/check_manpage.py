#!/usr/bin/env python3
"""Checks docs/dfdx.1 against the program: every option of `dfdx --help` is documented,
the Commands section lists exactly the commands of the command table (as `dfdx -e help`
lists them, and their aliases), every EXAMPLES command prints what the page says, and
groff reads the page without warnings (when groff is installed).

Usage: check_manpage.py DFDX MANPAGE     prints 'N passed, N failed'; exit 1 on failure
"""
import re
import shlex
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


def page_commands(page):
    """The command words the Commands section documents: the first word of each item of
    each .TP heading (`.BR vars ", " funcs ", " "clear NAME..."` gives vars, funcs, clear)."""
    m = re.search(r'^\.SS Commands\n(.*?)^\.S[HS] ', page, re.S | re.M)
    words = []
    lines = m.group(1).splitlines() if m else []
    for prev, line in zip(lines, lines[1:]):
        if prev != '.TP':
            continue
        macro, _, rest = unroff(line).partition(' ')
        items = [rest] if macro == '.B' else shlex.split(rest)
        # Items are the first token and each token after a ", " separator.
        for i, item in enumerate(items):
            if i == 0 or items[i - 1] == ', ':
                word = item.split()[0] if item.split() else ''
                if word and word not in words:
                    words.append(word)
    return words


def table_commands(dfdx):
    """The commands `help` lists (the command table's words, in its order)."""
    out = subprocess.run([dfdx, '-e', 'help'], text=True, stdout=subprocess.PIPE).stdout
    m = re.search(r'^  commands: (.*?)^  \w+:', out, re.S | re.M)
    return m.group(1).split() if m else []


def help_usage(dfdx, word):
    p = subprocess.run([dfdx, '-e', 'help ' + word], text=True, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL)
    return p.stdout.splitlines()[0] if p.returncode == 0 and p.stdout else None


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

    # The Commands section names each command of the table and nothing else; a word the
    # table does not list must be an alias, whose help is that of a listed command.
    table = table_commands(dfdx)
    documented_words = page_commands(page)
    if not table:
        failed += 1
        print(f'{dfdx}: help lists no commands')
    for word in table:
        if word in documented_words:
            passed += 1
        else:
            failed += 1
            print(f'{manpage}: the command {word} is not in the Commands section')
    usages = {help_usage(dfdx, w) for w in table}
    for word in documented_words:
        if word in table:
            continue
        if help_usage(dfdx, word) in usages - {None}:
            passed += 1
        else:
            failed += 1
            print(f'{manpage}: the Commands section lists {word}, which is not a command')

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
