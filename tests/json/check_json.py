#!/usr/bin/env python3
"""--format json, read back with Python's json, for every statement of the transcripts.

Usage: check_json.py DFDX TRANSCRIPT.txt...

Each transcript's `> ` statements run as one script twice: with `--format json` and in
the text format with `--echo`. The JSON run must print exactly one object per statement
the text run echoes, each on its own line and nothing on stderr; an object has "input"
(the statement, as echoed) and "notes", and then either "result", "latex" and "value"
(null, a decimal string, or a list of them), or "lines", or "error" with the line,
column and message that the text run's `FILE:LINE:COL: error: MESSAGE` gives. Both runs
exit with the same status. A `set format X` statement is followed by `set format json`
in the JSON run (and `set format plain` in the text run, so that lines stay aligned):
every statement still runs, and the rest of the output stays JSON. The added statement
runs in format X, so it prints no object, and its echo is not counted.

Then a few cases the transcripts do not reach: `-e` errors (file `<-e>`), a `load`ed
file's statements and errors, a file that cannot be read, and `set format json` typed in
the text format.
"""
import os
import tempfile
import json
import re
import subprocess
import sys

SET_FORMAT = re.compile(r'^\s*set\s+format\s+(\w+)\s*$')
DIAGNOSTIC = re.compile(r'^(.*?):(\d+):(\d+): error: (.*)$')


def statements(path):
    lines = open(path, encoding='utf-8').read().splitlines()
    return [line[2:] for line in lines if line.startswith('> ')]


def script(stmts, after_set_format):
    """The statements as a script, each `set format X` followed by `set format
    AFTER_SET_FORMAT`; a `set format json` of the transcript stays plain in the text run."""
    lines = []
    for s in stmts:
        m = SET_FORMAT.match(s)
        if m and m.group(1) == 'json':
            s = 'set format ' + after_set_format
        lines.append(s)
        if m and m.group(1) != 'json':
            lines.append('set format ' + after_set_format)
    return '\n'.join(lines) + '\n'


def without_added(echoed):
    """The echoed statements less those script() added."""
    out, skip = [], False
    for s in echoed:
        if not skip:
            out.append(s)
        m = SET_FORMAT.match(s)
        skip = not skip and bool(m) and m.group(1) != 'json'
    return out


def run(binary, args, text):
    return subprocess.run([binary, '--color', 'never'] + args, input=text.encode(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)


def is_value(v):
    if v is None:
        return True
    if isinstance(v, str):
        float(v)  # a decimal Python reads
        return True
    return isinstance(v, list) and all(x is not None and is_value(x) for x in v)


def check_object(o, where):
    """The problems of one object, as strings."""
    if not isinstance(o, dict):
        return [where + ': not an object']
    bad = []
    if not isinstance(o.get('input'), str):
        bad.append(where + ': no "input"')
    if not isinstance(o.get('notes'), list) or not all(isinstance(n, str) for n in o['notes']):
        bad.append(where + ': no "notes" list')
    kinds = [k for k in ('error', 'result', 'lines') if k in o]
    if len(kinds) != 1:
        return bad + [where + ': has %s, wants exactly one of error, result, lines' % kinds]
    if 'error' in o:
        e = o['error']
        if not (isinstance(e, dict) and isinstance(e.get('line'), int)
                and isinstance(e.get('column'), int) and isinstance(e.get('message'), str)
                and e['message']):
            bad.append(where + ': error without line, column and message')
    elif 'result' in o:
        latex = o.get('latex')
        if not isinstance(o['result'], str) or not isinstance(latex, str) or not latex:
            bad.append(where + ': result without plain and LaTeX forms')
        try:
            if 'value' not in o or not is_value(o['value']):
                bad.append(where + ': "value" is not null, a decimal or a list of decimals')
        except ValueError:
            bad.append(where + ': "value" %r is not a decimal' % (o['value'],))
    elif not isinstance(o['lines'], list) or not all(isinstance(x, str) for x in o['lines']):
        bad.append(where + ': "lines" is not a list of strings')
    return bad


def check_transcript(binary, path):
    stmts = statements(path)
    js = run(binary, ['--format', 'json'], script(stmts, 'json'))
    tx = run(binary, ['--echo'], script(stmts, 'plain'))
    name = path.rsplit('/', 1)[-1]
    bad = []
    echoed = without_added([l[2:] for l in tx.stdout.decode().splitlines() if l.startswith('> ')])
    errors = [DIAGNOSTIC.match(l) for l in tx.stderr.decode().splitlines()]
    errors = [(int(m.group(2)), int(m.group(3)), m.group(4)) for m in errors if m]
    if js.stderr:
        bad.append('%s: the JSON run wrote to stderr: %r' % (name, js.stderr.decode()[:200]))
    if js.returncode != tx.returncode:
        bad.append('%s: exit status %d in JSON, %d in text' % (name, js.returncode, tx.returncode))
    objects = []
    for n, line in enumerate(js.stdout.decode().splitlines(), 1):
        try:
            objects.append(json.loads(line))
        except ValueError as e:
            bad.append('%s: output line %d is not JSON (%s): %r' % (name, n, e, line[:120]))
    if len(objects) != len(echoed):
        bad.append('%s: %d objects for %d statements' % (name, len(objects), len(echoed)))
    for i, o in enumerate(objects):
        text = o.get('input') if isinstance(o, dict) else '?'
        where = '%s: statement %d (%s)' % (name, i + 1, text)
        bad += check_object(o, where)
        if isinstance(o, dict) and i < len(echoed) and o.get('input') != echoed[i]:
            bad.append('%s: input %r, echoed as %r' % (where, o.get('input'), echoed[i]))
    located = [(o['error']['line'], o['error']['column'], o['error']['message'])
               for o in objects if isinstance(o, dict) and isinstance(o.get('error'), dict)]
    if located != errors:
        bad.append('%s: errors at %s in JSON, %s in text' % (name, located, errors))
    return len(objects), bad


def objects_of(binary, args, stdin=''):
    p = subprocess.run([binary] + args, input=stdin.encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    return [json.loads(l) for l in p.stdout.decode().splitlines()], p.stderr.decode(), p.returncode


def check_cases(binary):
    """The problems of the cases the transcripts do not reach."""
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        loaded = os.path.join(tmp, 'defs.dfdx')
        with open(loaded, 'w') as f:
            f.write('g(x) = x^3\n1/0\n')
        got, err, rc = objects_of(binary, ['--format', 'json', '-e', 'load ' + loaded, '-e', 'g(2)',
                                           '-e', 'foo('])
        want = [
            {'input': 'g(x) = x^3', 'result': 'g(x) = x^3', 'latex': 'g\\left(x\\right) = x^{3}',
             'value': None, 'notes': []},
            {'input': '1/0', 'error': {'file': loaded, 'line': 2, 'column': 3,
                                       'message': 'division by zero'}, 'notes': []},
            {'input': 'load ' + loaded, 'lines': [], 'notes': []},
            {'input': 'g(2)', 'result': '8', 'latex': '8', 'value': '8', 'notes': []},
            {'input': 'foo(', 'error': {'file': '<-e>', 'line': 1, 'column': 5, 'message':
                                        'expected an expression, found the end of the statement'},
             'notes': []},
        ]
        if got != want or err or rc != 1:
            bad.append('load and -e: got %r (stderr %r, status %d)' % (got, err, rc))
        missing = os.path.join(tmp, 'missing.dfdx')
        got, err, rc = objects_of(binary, ['--format', 'json', missing])
        if len(got) != 1 or set(got[0]) != {'error'} or missing not in got[0]['error']['message'] \
                or err or rc != 1:
            bad.append('unreadable file: got %r (stderr %r, status %d)' % (got, err, rc))
    script = 'x^2\nset format json\ngrad(x*y) at x=1, y=2\nset format plain\nx^3\n'
    p = subprocess.run([binary], input=script.encode(), stdout=subprocess.PIPE, timeout=60)
    lines = p.stdout.decode().splitlines()
    if len(lines) != 4 or lines[0] != 'x^2' or lines[3] != 'x^3' \
            or json.loads(lines[1])['value'] != ['2', '1'] \
            or json.loads(lines[2]) != {'input': 'set format plain', 'lines': [], 'notes': []}:
        bad.append('set format json and back: got %r' % lines)
    return bad


def main():
    binary, paths = sys.argv[1], sys.argv[2:]
    passed = failed = 0
    for path in paths:
        count, bad = check_transcript(binary, path)
        for b in bad:
            print(b)
        if bad:
            failed += 1
        else:
            passed += 1
            print('%s: %d statements, one JSON object each' % (path.rsplit('/', 1)[-1], count))
    bad = check_cases(binary)
    for b in bad:
        print(b)
    failed += len(bad)
    passed += 3 - len(bad)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
