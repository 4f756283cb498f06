#!/usr/bin/env python3
"""CLI tests of dfdx: run the real binary through pipes, -e, files, options and bad
input, and check stdout, stderr and the exit status.

Usage: run_cli_tests.py DFDX [NAME-SUBSTRING...]
Every run has a timeout, so a hang fails its test instead of blocking the suite.
Prints one block per failure and a closing line 'N passed, N failed'; exits 1 on failure.
"""
import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time

DFDX = None
TIMEOUT = 30  # seconds per run; generous for a loaded 2-core machine
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class Run:
    def __init__(self, out, err, code, seconds):
        self.out, self.err, self.code, self.seconds = out, err, code, seconds


def dfdx(*args, stdin='', env=None, merge=False, binary=False):
    """Runs dfdx with stdin (a pipe, never a terminal) and returns a Run."""
    e = dict(os.environ)
    e.pop('NO_COLOR', None)
    e['HOME'] = tempfile.gettempdir()
    e.update(env or {})
    data = stdin if binary else stdin.encode('utf-8')
    start = time.monotonic()
    p = subprocess.run([DFDX, *args], input=data, env=e, timeout=TIMEOUT,
                       stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT if merge else subprocess.PIPE)
    seconds = time.monotonic() - start
    out = p.stdout.decode('utf-8', 'replace')
    err = '' if merge else p.stderr.decode('utf-8', 'replace')
    return Run(out, err, p.returncode, seconds)


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def equal(got, want, what='output'):
    if got != want:
        raise AssertionError(f'{what}:\n--- want\n{want!r}\n--- got\n{got!r}')


def error_block(err, name, line, col, message_part):
    """Checks that stderr has NAME:LINE:COL: error: ..., the source line and the caret."""
    lines = err.splitlines()
    head = f'{name}:{line}:{col}: error: '
    for i, l in enumerate(lines):
        if l.startswith(head):
            expect(message_part in l, f'message {message_part!r} not in {l!r}')
            expect(i + 2 < len(lines), f'no source line and caret after {l!r}')
            source, caret = lines[i + 1], lines[i + 2]
            expect(source.startswith('  '), f'source line not indented: {source!r}')
            expect(caret.strip() == '^', f'caret line is {caret!r}')
            return source[2:], caret.index('^') - 2 + 1  # the text and the caret's column
    raise AssertionError(f'no {head!r} in stderr:\n{err}')


# --- pipes and exit status ---------------------------------------------------------

@test
def pipe_prints_results_and_exits_0():
    r = dfdx(stdin='1/3 + 1/6\nf(x, y) = xy\nf(2, 3)\n')
    equal(r.out, '1/2\nf(x, y) = x*y\n6\n')
    equal(r.err, '', 'stderr')
    equal(r.code, 0, 'exit status')


@test
def bad_line_is_located_and_execution_goes_on():
    r = dfdx(stdin='1 + 1\nx = 3\n2 +* 3\nx^2\n')
    equal(r.out, '2\nx = 3\n9\n')
    equal(r.code, 1, 'exit status')
    text, col = error_block(r.err, '<stdin>', 3, 4, 'expected an expression')
    equal(text, '2 +* 3', 'quoted source line')
    equal(col, 4, 'caret column')


@test
def caret_column_counts_characters_not_bytes():
    r = dfdx(stdin='α² + β + @\n')
    text, col = error_block(r.err, '<stdin>', 1, 10, 'unexpected character')
    equal(text, 'α² + β + @', 'quoted source line')
    equal(col, 10, 'caret column')


@test
def every_error_of_a_script_is_reported():
    r = dfdx(stdin='1/0\nln(0)\nsqrt(-4)\nsin(1, 2)\nok = 1\n')
    equal(r.out, 'ok = 1\n')
    error_block(r.err, '<stdin>', 1, 3, 'division by zero')
    error_block(r.err, '<stdin>', 2, 1, 'ln is undefined at 0')
    error_block(r.err, '<stdin>', 3, 1, 'not real')
    error_block(r.err, '<stdin>', 4, 1, 'sin takes 1 argument')
    equal(r.code, 1, 'exit status')


@test
def empty_input_and_comments_print_nothing():
    r = dfdx(stdin='')
    equal((r.out, r.err, r.code), ('', '', 0))
    r = dfdx(stdin='# a comment\n\n   \n1 + 1 # two\n')
    equal(r.out, '2\n')
    equal(r.code, 0, 'exit status')


@test
def semicolons_separate_statements():
    r = dfdx(stdin='a = 2; b = 3; a*b\n1; ; 2\n')
    equal(r.out, 'a = 2\nb = 3\n6\n1\n2\n')
    r = dfdx(stdin='1; 2 +; 3\n')
    equal(r.out, '1\n3\n')
    error_block(r.err, '<stdin>', 1, 7, 'expected an expression')
    equal(r.code, 1, 'exit status')


@test
def windows_line_endings_are_accepted():
    r = dfdx(stdin='1 + 1\r\nx^2 at x=3\r\n')
    equal(r.out, '2\n9\n')
    equal(r.code, 0, 'exit status')


# --- continuation -------------------------------------------------------------------

@test
def open_bracket_continues_the_statement():
    r = dfdx(stdin='f(x,\n  y) = x + y\nf(1,\n2)\n[1,\n 2]\n')
    equal(r.out, 'f(x, y) = x + y\n3\n[1, 2]\n')
    equal(r.code, 0, 'exit status')


@test
def trailing_backslash_continues_the_statement():
    r = dfdx(stdin='1 + \\\n 2\nx = 1 + \\   \n  2 \\\n  + 3\nx\n')
    equal(r.out, '3\nx = 6\n6\n')
    equal(r.code, 0, 'exit status')


@test
def a_comment_may_follow_a_continuation_backslash():
    # Regression: the lexer rejected the backslash that needs_continuation() accepted.
    r = dfdx(stdin='x = 1 + \\ # note\n 2\nx\n')
    equal(r.out, 'x = 3\n3\n')
    equal(r.code, 0, 'exit status')


@test
def errors_after_a_continuation_name_the_right_line():
    r = dfdx(stdin='1\n(2 +\n * 3)\n4\n')
    equal(r.out, '1\n4\n')
    error_block(r.err, '<stdin>', 3, 2, 'expected an expression')


@test
def unfinished_statement_at_end_of_input_is_an_error():
    r = dfdx(stdin='1\n(3 + \n4\n')
    equal(r.out, '1\n')
    expect('<stdin>:' in r.err and 'error:' in r.err, f'no located error: {r.err!r}')
    expect("expected ')'" in r.err, r.err)
    equal(r.code, 1, 'exit status')
    r = dfdx(stdin='2 + \\\n')
    expect('error:' in r.err, f'a trailing backslash at EOF is not an error: {r.err!r}')
    equal(r.code, 1, 'exit status')


# --- -e, files, '-' -----------------------------------------------------------------

@test
def e_is_repeatable_and_runs_in_order():
    r = dfdx('-e', 'a = 2', '-e', 'a^10', '-e', 'd/dx x^3')
    equal(r.out, 'a = 2\n1024\n3*x^2\n')
    equal(r.code, 0, 'exit status')


@test
def e_errors_set_the_exit_status():
    r = dfdx('-e', '1 +', '-e', '2')
    equal(r.out, '2\n')
    error_block(r.err, '<-e>', 1, 4, 'expected an expression')
    equal(r.code, 1, 'exit status')


@test
def e_takes_vectors_whole():
    # Regression: CLI11 split a bracketed value '[1, 2]' into a list and ran only '1'.
    r = dfdx('-e', '[1, 2]', '-e', 'grad(x^2 + y^2)', '-e', '[[1,2],[3,4]]')
    equal(r.out, '[1, 2]\n[2*x, 2*y]\n[[1, 2], [3, 4]]\n')
    equal(r.code, 0, 'exit status')


@test
def files_run_in_order_and_errors_name_the_file():
    with tempfile.TemporaryDirectory() as d:
        a, b = os.path.join(d, 'a.dfdx'), os.path.join(d, 'b.dfdx')
        with open(a, 'w') as f:
            f.write('x = 2\n1/0\nx + 1\n')
        with open(b, 'w') as f:
            f.write('# b\nx*10\n')
        r = dfdx(a, b)
        equal(r.out, 'x = 2\n3\n20\n')
        error_block(r.err, a, 2, 3, 'division by zero')
        equal(r.code, 1, 'exit status')
        r = dfdx(b, a)
        equal(r.out, '10*x\nx = 2\n3\n')


@test
def files_and_e_run_in_command_line_order():
    # Regression (issue 13): every -e ran before any file, so `dfdx defs.dfdx -e 'f(2)'`
    # asked for f(2) before defs.dfdx had defined f.
    with tempfile.TemporaryDirectory() as d:
        defs = os.path.join(d, 'defs.dfdx')
        with open(defs, 'w') as f:
            f.write('f(x) = x^2\n')
        r = dfdx(defs, '-e', 'f(2)')
        equal(r.out, 'f(x) = x^2\n4\n')
        equal(r.code, 0, 'exit status')
        r = dfdx('-e', 'f(x) = x^3', defs, '-e', 'f(2)', '-e', 'f(x) = x', '-e', 'f(5)')
        equal(r.out, 'f(x) = x^3\nf(x) = x^2\n4\nf(x) = x\n5\n')


@test
def dash_means_stdin_among_files():
    with tempfile.TemporaryDirectory() as d:
        a = os.path.join(d, 'a.dfdx')
        with open(a, 'w') as f:
            f.write('x = 2\n')
        r = dfdx(a, '-', stdin='x + 100\n')
        equal(r.out, 'x = 2\n102\n')
        equal(r.code, 0, 'exit status')


@test
def missing_file_is_an_error_naming_it():
    r = dfdx('/nonexistent/dir/none.dfdx')
    expect('/nonexistent/dir/none.dfdx' in r.err, r.err)
    expect(r.code != 0, 'exit status 0 for a missing file')


@test
def interactive_file_with_piped_stdin_continues_as_a_script():
    with tempfile.TemporaryDirectory() as d:
        a = os.path.join(d, 'c.dfdx')
        with open(a, 'w') as f:
            f.write('x = 5\n')
        r = dfdx('-i', a, stdin='x + 1\n')
        equal(r.out, 'x = 5\n6\n')
        equal(r.code, 0, 'exit status')


# --- options --------------------------------------------------------------------------

@test
def stop_on_error_stops_at_the_first_failure():
    r = dfdx('--stop-on-error', stdin='1\n1/0\n2\n')
    equal(r.out, '1\n')
    error_block(r.err, '<stdin>', 2, 3, 'division by zero')
    equal(r.code, 1, 'exit status')
    r = dfdx('--stop-on-error', stdin='1; 1/0; 2\n3\n')
    equal(r.out, '1\n')


@test
def echo_reads_as_a_transcript_with_stderr_in_order():
    r = dfdx('--echo', stdin='1\n1/0\n2\n', merge=True)
    want = '> 1\n1\n> 1/0\n<stdin>:2:3: error: division by zero\n  1/0\n    ^\n> 2\n2\n'
    equal(r.out, want)
    equal(r.code, 1, 'exit status')


@test
def precision_sets_significant_digits():
    equal(dfdx('--precision', '5', stdin='sin(1)\n1/3\n').out, '0.84147\n1/3\n')
    # Correctly rounded since issue 14 (before: the double's digits, 0.33333333333333331).
    equal(dfdx('--precision', '17', '-e', 'approx(1/3)').out, '0.33333333333333333\n')
    equal(dfdx(stdin='set precision 3\napprox(pi)\n').out, '3.14\n')
    for bad in ('0', '10001', 'x'):
        r = dfdx('--precision', bad, '-e', '1')
        expect(r.code != 0, f'--precision {bad} accepted')
        equal(r.out, '', f'stdout for --precision {bad}')


@test
def format_selects_the_notation():
    equal(dfdx('--format', 'unicode', '-e', 'd/dx x^2 sin(x)').out, 'x²·cos(x) + 2x·sin(x)\n')
    equal(dfdx('--format', 'latex', '-e', 'sqrt(x)/2').out, '\\frac{\\sqrt{x}}{2}\n')
    equal(dfdx('--format', 'plain', '-e', 'x^-2').out, '1/x^2\n')
    r = dfdx('--format', 'html', '-e', '1')
    expect(r.code != 0, '--format html accepted')


@test
def bad_usage_is_one_line_and_exit_status_2():
    # Issue 15: usage errors exited with CLI11's own codes (105-114) over two lines.
    for args in (['--bogus'], ['--precision', 'x'], ['--timeout', 'nan', '-e', '1'],
                 ['--timeout', '1e20', '-e', '1'], ['--timeout', '-1', '-e', '1'], ['--format', 'html']):
        r = dfdx(*args)
        equal(r.code, 2, f'exit status for {args}')
        equal(r.out, '', f'stdout for {args}')
        equal(r.err.count('\n'), 1, f'lines of stderr for {args}: {r.err!r}')
        expect(r.err.startswith('dfdx: ') and "dfdx --help" in r.err, r.err)
    r = dfdx('--timeout', '5', '-e', '1')
    equal((r.code, r.out), (0, '1\n'), '--timeout 5')
    r = dfdx('--help')
    equal(r.code, 0, 'exit status of --help')
    expect('Examples:' in r.out and 'man dfdx' in r.out, r.out)


@test
def version_and_help():
    r = dfdx('--version')
    expect(re.fullmatch(r'dfdx \d+\.\d+\.\d+\n?', r.out) is not None, f'--version printed {r.out!r}')
    equal(r.code, 0, 'exit status')
    r = dfdx('--help')
    equal(r.code, 0, 'exit status')
    for opt in ('-e', '--eval', '-i', '-q', '--echo', '--precision', '--color', '--format',
                '--stop-on-error', '--history-file', '--no-history', '--version'):
        expect(opt in r.out, f'--help does not mention {opt}')
    r = dfdx('--no-such-option')
    expect(r.code != 0, 'an unknown option exits 0')


@test
def no_colour_when_piped_and_colour_when_asked():
    r = dfdx(stdin='1/0\n')
    expect('\x1b[' not in r.err and '\x1b[' not in r.out, 'colour on a pipe')
    r = dfdx('--color', 'never', stdin='1/0\n')
    expect('\x1b[' not in r.err, 'colour with --color never')
    r = dfdx('--color', 'always', stdin='1/0\n1\n')
    expect('\x1b[' in r.err, 'no colour on stderr with --color always')
    equal(r.out, '1\n')  # results stay plain text
    r = dfdx('--color', 'auto', stdin='1/0\n', env={'NO_COLOR': '1'})
    expect('\x1b[' not in r.err, 'colour with NO_COLOR')


@test
def quit_stops_the_script_with_success():
    r = dfdx(stdin='1\nquit\n2\n')
    equal(r.out, '1\n')
    equal(r.code, 0, 'exit status')
    r = dfdx(stdin='1/0\nexit\n2\n')
    equal(r.out, '')
    equal(r.code, 1, 'exit status after an earlier error')


# --- save and load --------------------------------------------------------------------

@test
def save_and_load_round_trip_through_a_file():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'session.dfdx')
        r = dfdx(stdin=f'f(x) = x^2 + c\nc = 3\nset precision 6\nsave {path}\n')
        equal(r.code, 0, 'exit status of save')
        expect(os.path.exists(path), 'save wrote no file')
        r = dfdx(stdin=f'load {path}\nf(2)\nsin(1)\nfuncs\nvars\n')
        expect(r.out.endswith('7\n0.841471\nf(x) = x^2 + c\nc = 3\n'), f'after load: {r.out!r}')
        equal(r.code, 0, 'exit status of load')
        r = dfdx(path, '-', stdin='f(1)\n')  # a saved session is a script
        expect(r.out.endswith('4\n'), r.out)


@test
def save_and_load_errors_are_located():
    r = dfdx(stdin='load /nonexistent/x.dfdx\n1\n')
    error_block(r.err, '<stdin>', 1, 1, '/nonexistent/x.dfdx')
    equal(r.out, '1\n')
    equal(r.code, 1, 'exit status')
    r = dfdx(stdin='save /nonexistent/dir/x.dfdx\n')
    error_block(r.err, '<stdin>', 1, 1, '/nonexistent/dir/x.dfdx')
    equal(r.code, 1, 'exit status')


# --- huge and hostile input -------------------------------------------------------------

def quick_error(r, what):
    expect('error:' in r.err, f'{what}: no error message')
    expect(r.code == 1, f'{what}: exit status {r.code}')
    expect(len(r.err) < 10000, f'{what}: {len(r.err)} bytes of stderr')


@test
def deep_brackets_end_in_a_clear_error():
    deep = '(' * 100000 + 'x' + ')' * 100000 + '\n1\n'
    r = dfdx(stdin=deep)
    quick_error(r, '100,000 brackets')
    expect('nesting' in r.err and 'limit' in r.err, r.err[:300])
    equal(r.out, '1\n')


@test
def deep_unclosed_brackets_end_in_a_clear_error():
    r = dfdx(stdin='[' * 100000 + '\n')
    quick_error(r, '100,000 open brackets')


@test
def a_one_megabyte_line_answers_or_fails_clearly():
    r = dfdx(stdin='1+' * 524288 + '1\n')
    equal(r.out, '524289\n')
    equal(r.code, 0, 'exit status')
    r = dfdx(stdin='x' * (1 << 20) + ' +* 1\n2\n')
    quick_error(r, 'a 1 MB name')
    equal(r.out, '2\n')
    r = dfdx(stdin='1+' * (3 << 20) + '1\n2\n')
    quick_error(r, 'a 6 MB line')


@test
def invalid_utf8_and_nul_bytes_are_located():
    r = dfdx(stdin=b'1 + \xff\n2\n', binary=True)
    text, col = error_block(r.err, '<stdin>', 1, 5, 'UTF-8')
    equal(r.out, '2\n')
    equal(r.code, 1, 'exit status')
    r = dfdx(stdin=b'1 + 2\x00 + 3\n4\n', binary=True)
    error_block(r.err, '<stdin>', 1, 6, 'U+0000')
    equal(r.out, '4\n')
    expect('\x00' not in r.err, 'a raw NUL byte in the quoted line')


@test
def huge_numbers_answer_at_once():
    r = dfdx(stdin='10^10^10^10\n')
    equal(r.code, 0, 'exit status')
    expect(len(r.out) < 100, f'{len(r.out)} bytes for 10^10^10^10')
    r = dfdx(stdin='1e999999999999999999\n2\n')
    error_block(r.err, '<stdin>', 1, 1, 'limit')
    equal(r.out, '2\n')
    r = dfdx(stdin='diff(x^5, x, 100000000)\ndiff(sin(x), x, 1000000001)\n')
    equal(r.out, '0\ncos(x)\n')


@test
def runaway_derivative_orders_fail_at_once():
    # Regression: the 64-step cycle probe of x^x took minutes and gigabytes.
    r = dfdx(stdin='diff(x^x, x, 1000001)\n1\n')
    error_block(r.err, '<stdin>', 1, 1, 'limit')
    equal(r.out, '1\n')
    expect(r.seconds < 10, f'took {r.seconds:.1f} s')


# --- issue 16: never lose data, never misbehave ------------------------------------

@test
def save_through_a_symlink_writes_its_target():
    # Regression (issue 16): save over a symlink replaced the link by a regular file.
    with tempfile.TemporaryDirectory() as d:
        target, link = os.path.join(d, 'target.dfdx'), os.path.join(d, 'link.dfdx')
        with open(target, 'w') as f:
            f.write('old\n')
        os.symlink('target.dfdx', link)
        r = dfdx(stdin=f'f(x) = x^2\nsave {link}\n')
        equal(r.code, 0, 'exit status')
        expect(os.path.islink(link), 'the link was replaced')
        with open(target) as f:
            expect('f(x) = x^2' in f.read(), 'the target was not written')
        equal(sorted(os.listdir(d)), ['link.dfdx', 'target.dfdx'], 'files left')


@test
def save_over_a_fifo_or_device_is_refused():
    # Regression (issue 16): save over a FIFO or a device (/dev/full as root) replaced
    # the node by a regular file.
    with tempfile.TemporaryDirectory() as d:
        fifo = os.path.join(d, 'fifo')
        os.mkfifo(fifo)
        for path in (fifo, '/dev/null'):
            r = dfdx(stdin=f'x = 1\nsave {path}\n')
            text, col = error_block(r.err, '<stdin>', 2, 1, path)
            expect('not a regular file' in r.err, r.err)
            equal(r.code, 1, 'exit status')
        expect(stat.S_ISFIFO(os.lstat(fifo).st_mode), 'the FIFO was replaced')
        expect(stat.S_ISCHR(os.lstat('/dev/null').st_mode), '/dev/null was replaced')
        r = dfdx(stdin=f'table x for x in [0, 1] step 1 to {fifo}\n')
        expect('not a regular file' in r.err, r.err)


@test
def save_keeps_the_mode_and_new_files_honour_the_umask():
    # Regression (issue 16): save over a 0600 file made it 0644; the umask was ignored.
    with tempfile.TemporaryDirectory() as d:
        old, new = os.path.join(d, 'old.dfdx'), os.path.join(d, 'new.dfdx')
        with open(old, 'w') as f:
            f.write('old\n')
        os.chmod(old, 0o600)
        r = dfdx(stdin=f'x = 1\nsave {old}\n')
        equal(r.code, 0, 'exit status')
        equal(oct(stat.S_IMODE(os.stat(old).st_mode)), oct(0o600), 'mode of the saved file')
        mask = os.umask(0o027)
        try:
            r = dfdx(stdin=f'x = 1\nsave {new}\n')
        finally:
            os.umask(mask)
        equal(oct(stat.S_IMODE(os.stat(new).st_mode)), oct(0o640), 'mode of a new file')


@test
def full_or_closed_stdout_is_a_write_error():
    # Regression (issue 16): dfdx -e 'd/dx x^2' >/dev/full exited 0 without a word.
    with open('/dev/full', 'w') as full:
        p = subprocess.run([DFDX, '-e', 'd/dx x^2'], stdout=full, stderr=subprocess.PIPE, timeout=TIMEOUT)
    equal(p.stderr.decode(), 'dfdx: write error: No space left on device\n', 'stderr')
    equal(p.returncode, 1, 'exit status')
    p = subprocess.run([DFDX, '-e', 'd/dx x^2'], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       timeout=TIMEOUT, preexec_fn=lambda: os.close(1))
    expect(p.stderr.decode().startswith('dfdx: write error: '), p.stderr)
    equal(p.returncode, 1, 'exit status with stdout closed')


@test
def a_directory_or_missing_file_names_the_reason():
    # Regression (issue 16): dfdx DIR and load DIR exited 0; a missing file gave no reason.
    with tempfile.TemporaryDirectory() as d:
        r = dfdx(d)
        expect(f'cannot read {d}: Is a directory' in r.err, r.err)
        equal(r.code, 1, 'exit status of dfdx DIR')
        r = dfdx(stdin=f'load {d}\n1\n')
        error_block(r.err, '<stdin>', 1, 1, f'cannot read {d}: Is a directory')
        equal(r.out, '1\n')
        equal(r.code, 1, 'exit status of load DIR')
        r = dfdx(stdin=f'load {d}/none.dfdx\n')
        error_block(r.err, '<stdin>', 1, 1, f'{d}/none.dfdx: No such file or directory')
        r = dfdx(f'{d}/none.dfdx')
        expect(f'{d}/none.dfdx: No such file or directory' in r.err, r.err)
        equal(r.code, 1, 'exit status of a missing file')


@test
def an_ignored_sigint_stays_ignored():
    # Regression (issue 16): started with SIGINT ignored (nohup, trap '' INT), dfdx
    # installed its handler and died on INT.
    def ignore_int():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    p = subprocess.Popen([DFDX], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         preexec_fn=ignore_int)
    try:
        p.stdin.write(b'1\n1/0\n')
        p.stdin.flush()
        p.stderr.readline()  # the error: dfdx is past its start-up
        with open(f'/proc/{p.pid}/status') as f:
            ignored = int(next(l for l in f if l.startswith('SigIgn:')).split()[1], 16)
        expect(ignored & (1 << (signal.SIGINT - 1)), 'SIGINT is no longer ignored')
        p.send_signal(signal.SIGINT)
        out, _ = p.communicate(b'2\n', timeout=TIMEOUT)
    finally:
        if p.poll() is None:
            p.kill()
    equal(out, b'1\n2\n')
    equal(p.returncode, 1, 'exit status (the 1/0)')


@test
def a_line_past_the_limit_is_cut_not_stored():
    # Regression (issue 16): dfdx < /dev/zero (no newline ever) grew memory without bound.
    p = subprocess.run([DFDX], stdin=open('/dev/zero', 'rb'), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=TIMEOUT)
    err = p.stderr.decode('utf-8', 'replace')
    expect('input longer than the limit of 4194304 bytes' in err, err[:300])
    expect('the rest of the input is not read' in err, err[:600])
    expect(len(err) < 2000, f'{len(err)} bytes of stderr')
    equal(p.returncode, 1, 'exit status')
    # A long but finite line is skipped to its end, and the next line runs.
    r = dfdx(stdin='1+' * (3 << 20) + '1\n2\n')
    error_block(r.err, '<stdin>', 1, 1, 'input longer than the limit')
    equal(r.out, '2\n')


@test
def a_long_unclosed_statement_reports_its_open_bracket():
    # Regression (issue 16): each continuation line re-lexed the whole statement, so
    # 30,000 lines after 'f(x) = sin(x' ran for minutes (the benchmark bench/scaling shows
    # the linear cost). The error names the open bracket.
    r = dfdx(stdin='f(x) = sin(x\n' + '+ 1\n' * 30000)
    expect("expected ')' to close '(' at 1:11" in r.err, r.err[:300])
    equal(r.code, 1, 'exit status')
    r = dfdx(stdin='x + \\\n' * 20000 + '1\n')
    equal(r.out, '20000*x + 1\n')


@test
def a_chain_of_definitions_is_checked_without_recursion():
    # Regression (issue 16): a chain of definitions f_i(x) = sin(f_(i-1)(x)) was checked
    # for cycles along the whole chain at each definition, and inlining it recursed once
    # per link (16,000 links overflowed the stack).
    lines = ['f0(x) = x'] + [f'f{i}(x) = sin(f{i - 1}(x))' for i in range(1, 16000)]
    r = dfdx(stdin='\n'.join(lines + ['f2(1)', 'f15999(1)', 'f0(x) = f3(x)', 'f3(1)']) + '\n')
    expect(r.out.endswith('f15999(x) = sin(f15998(x))\n0.745624141665558\n0.67843047736074\n'), r.out[-200:])
    error_block(r.err, '<stdin>', 16002, 1, 'deeper than the limit')
    expect('f0 would refer to itself: f0 -> f3 -> f2 -> f1 -> f0' in r.err, r.err[-500:])


@test
def timeout_applies_while_lines_are_joined():
    # Regression (issue 16): --timeout did not apply while the lines of an unfinished
    # statement were being joined; a statement left open for longer ends with the error.
    p = subprocess.Popen([DFDX, '--timeout', '0.2'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    p.stdin.write(b'(1 +\n')
    p.stdin.flush()
    time.sleep(0.5)  # not a bound on dfdx's speed: the statement must stay open this long
    out, err = p.communicate(b'2)\n3\n', timeout=TIMEOUT)
    err = err.decode()
    expect('<stdin>:1:1: error: timed out (--timeout) while joining' in err, err)
    equal(out, b'3\n')
    equal(p.returncode, 1, 'exit status')


def main(argv):
    global DFDX
    DFDX = os.path.abspath(argv[1])
    wanted = argv[2:]
    passed = failed = 0
    for fn in TESTS:
        if wanted and not any(w in fn.__name__ for w in wanted):
            continue
        try:
            fn()
            passed += 1
        except subprocess.TimeoutExpired as e:
            failed += 1
            print(f'FAIL {fn.__name__}: timed out after {e.timeout} s (a hang)')
        except AssertionError as e:
            failed += 1
            print(f'FAIL {fn.__name__}: {e}')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
