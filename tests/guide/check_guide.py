#!/usr/bin/env python3
"""Checks that every example of docs/guide.md is what dfdx really prints, so the guide
cannot drift from the program.

The guide's examples are fenced code blocks:

  ```dfdx            statements as typed at the prompt (`> STATEMENT`), each followed by
                     the exact lines dfdx prints. All dfdx blocks of the guide are one
                     session, in order, so definitions carry over from block to block.
                     An error reads as at the prompt: `error: MESSAGE`, the source line,
                     the caret.
  ```console         shell commands (`$ COMMAND`), each followed by the exact lines it
                     prints (stdout and stderr together), run by bash in a scratch folder
                     with `dfdx` on the PATH.

Every expected line must match exactly (trailing spaces aside): no wildcards.

Usage: check_guide.py DFDX GUIDE.md            check; 'N passed, N failed'; exit 1 on failure
       check_guide.py DFDX GUIDE.md --write    rewrite the outputs from what dfdx prints now
                                               (review the diff before committing it)
"""
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r'^```(\w*)\s*$')
LOCATION = re.compile(r'^<stdin>:\d+:\d+: ')


def blocks(lines):
    """(kind, first line index, last line index exclusive) of each dfdx/console block."""
    out, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m and m.group(1):
            j = i + 1
            while j < len(lines) and not lines[j].startswith('```'):
                j += 1
            if m.group(1) in ('dfdx', 'console'):
                out.append((m.group(1), i + 1, j))
            i = j + 1
        else:
            i += 1
    return out


def examples(lines, kind, begin, end):
    """[(command, [expected lines], line number)] of one block."""
    prompt = '> ' if kind == 'dfdx' else '$ '
    items = []
    for n in range(begin, end):
        line = lines[n]
        if line.startswith(prompt):
            items.append((line[len(prompt):], [], n + 1))
        elif items:
            items[-1][1].append(line.rstrip())
        elif line.strip():
            raise SystemExit(f'guide line {n + 1}: output before any {prompt.strip()} command')
    for cmd, want, n in items:
        while want and not want[-1]:
            want.pop()
    return items


def run_session(dfdx, statements, cwd, env):
    p = subprocess.run([dfdx, '--echo', '--color', 'never', '--no-history'], input='\n'.join(statements) + '\n',
                       text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd, env=env, timeout=300)
    # An echo line starts the next statement's output only when it is that statement: a
    # loaded script echoes its own statements inside the output of `load`.
    outputs = []
    for line in p.stdout.splitlines():
        if len(outputs) < len(statements) and line.startswith('> ') and \
                line[2:].strip() == statements[len(outputs)].strip():
            outputs.append([])
        elif outputs:
            outputs[-1].append(LOCATION.sub('', line.rstrip()))
    return outputs


def run_command(cmd, cwd, env):
    p = subprocess.run(['bash', '-c', cmd], text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       cwd=cwd, env=env, timeout=300)
    return [line.rstrip() for line in p.stdout.splitlines()]


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    dfdx, guide = os.path.abspath(sys.argv[1]), sys.argv[2]
    write = '--write' in sys.argv[3:]
    lines = open(guide, encoding='utf-8').read().split('\n')
    found = [(kind, examples(lines, kind, b, e), b, e) for kind, b, e in blocks(lines)]

    with tempfile.TemporaryDirectory() as tmp:
        bindir = os.path.join(tmp, 'bin')
        os.mkdir(bindir)
        os.symlink(dfdx, os.path.join(bindir, 'dfdx'))
        work = os.path.join(tmp, 'work')
        os.mkdir(work)
        env = {k: v for k, v in os.environ.items() if k not in ('NO_COLOR', 'DFDX_FORMAT')}
        env.update(PATH=bindir + os.pathsep + env.get('PATH', '/usr/bin:/bin'), HOME=tmp,
                   XDG_STATE_HOME=os.path.join(tmp, 'state'), LC_ALL='C.UTF-8')

        statements = [cmd for kind, items, _, _ in found if kind == 'dfdx' for cmd, _, _ in items]
        session = iter(run_session(dfdx, statements, work, env))
        got = {}
        for kind, items, _, _ in found:
            for cmd, _, n in items:
                got[n] = next(session, ['(no output: the session stopped)']) if kind == 'dfdx' \
                    else run_command(cmd, work, env)

    if write:
        out, pos = [], 0
        for kind, items, b, e in found:
            out.extend(lines[pos:b])
            prompt = '> ' if kind == 'dfdx' else '$ '
            for cmd, _, n in items:
                out.append(prompt + cmd)
                out.extend(got[n])
            pos = e
        out.extend(lines[pos:])
        open(guide, 'w', encoding='utf-8').write('\n'.join(out))
        print(f'wrote {sum(len(items) for _, items, _, _ in found)} examples to {guide}')
        return 0

    passed = failed = 0
    for kind, items, _, _ in found:
        for cmd, want, n in items:
            if any(w in ('...',) or w.startswith('~ ') for w in want):
                print(f'{guide}:{n}: wildcards are not allowed in the guide: {cmd}')
                failed += 1
            elif got[n] == want:
                passed += 1
            else:
                failed += 1
                print(f'{guide}:{n}: {cmd}')
                print('    want: ' + '\n          '.join(want))
                print('    got:  ' + '\n          '.join(got[n]))
    if passed + failed < 40:
        print(f'only {passed + failed} examples found in {guide}: is the guide complete?')
        failed += 1
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
