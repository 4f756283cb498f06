#!/usr/bin/env python3
"""Checks terminal plots by decoding their braille back into dots: with --color always
each curve's cells are in its own colour and lie where the curve is (the legend too),
into a pipe there is no colour; 1/x draws no vertical stroke across its pole; a plot
without `for` spans the default range [-10, 10].

Usage: check_text.py DFDX
"""
import math
import re
import subprocess
import sys

failures = []
ESCAPE = re.compile('\x1b\\[([0-9;]*)m')
BLUE, RED = '34', '31'  # the first two curves' colours (src/views/plot_text.cpp)


def check(ok, what):
    if not ok:
        failures.append(what)


def dfdx(binary, *args):
    p = subprocess.run([binary, *args], capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, f'{args}: exit {p.returncode}: {p.stderr}')
    return p.stdout


def canvas(out):
    """The plot's cells: rows of (character, colour code or None), the row labels, and
    the x labels line."""
    rows, labels = [], []
    lines = out.split('\n')
    for k, line in enumerate(lines):
        plain = ESCAPE.sub('', line)
        if '└' in plain:
            return rows, labels, ESCAPE.sub('', lines[k + 1])
        m = re.match(r'^ *(\S*) [│┤]', plain)
        if not m:
            continue
        labels.append(m.group(1))
        # Walk the line after the axis with its colour codes.
        body = line[line.index('│' if '│' in line else '┤') + 1:]
        cells, colour, pos = [], None, 0
        while pos < len(body):
            e = ESCAPE.match(body, pos)
            if e:
                colour = None if e.group(1) in ('0', '') else e.group(1)
                pos = e.end()
                continue
            cells.append((body[pos], colour))
            pos += 1
        rows.append(cells)
    return rows, labels, ''


DOTS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))


def dots(rows):
    """Set of (px, py) pixels drawn, with the colour of their cell."""
    out = {}
    for r, cells in enumerate(rows):
        for c, (ch, colour) in enumerate(cells):
            code = ord(ch) - 0x2800
            if not 0 < code < 256:
                continue
            for dx in range(2):
                for dy in range(4):
                    if code & DOTS[dx][dy]:
                        out[(2 * c + dx, 4 * r + dy)] = colour
    return out


def check_colours(binary):
    out = dfdx(binary, '--color', 'always', '-e', 'plot sin(x), cos(x) for x in [-pi, pi]')
    rows, labels, _ = canvas(out)
    check(len(rows) >= 5, f'no canvas in {out!r}')
    if len(rows) < 5:
        return
    y_hi, y_lo = float(labels[0]), float(labels[-1])
    ph = 4 * len(rows)
    seen = {BLUE: 0, RED: 0}
    wrong = []
    # The canvas width in cells: the axis line's dashes.
    axis = next(ESCAPE.sub('', l) for l in out.split('\n') if '└' in l)
    ncols = len(axis) - axis.index('└') - 1
    pw = 2 * ncols
    for (px, py), colour in dots(rows).items():
        if colour not in seen:
            wrong.append(f'a dot of colour {colour} at {px},{py}')
            continue
        seen[colour] += 1
        x = -math.pi + px / (pw - 1) * 2 * math.pi
        y = math.sin(x) if colour == BLUE else math.cos(x)
        want = (y_hi - y) / (y_hi - y_lo) * (ph - 1)
        # A cell is one colour: the other curve's dots may share it (4 rows of dots).
        other = math.cos(x) if colour == BLUE else math.sin(x)
        want_other = (y_hi - other) / (y_hi - y_lo) * (ph - 1)
        if abs(py - want) > 4.5 and abs(py - want_other) > 4.5:
            wrong.append(f'colour {colour} at {px},{py}: curve at {want:.1f}')
    check(not wrong, f'misplaced coloured dots: {wrong[:5]}')
    check(seen[BLUE] > 100 and seen[RED] > 100, f'dots per colour: {seen}')
    legend = out.rstrip('\n').split('\n')[-1]
    check(f'\x1b[{BLUE}m' in legend and f'\x1b[{RED}m' in legend, f'legend not coloured: {legend!r}')
    check(re.search(f'\x1b\\[{BLUE}m[^\x1b]*sin\\(x\\)', legend), f'sin(x) not in blue in {legend!r}')
    check(re.search(f'\x1b\\[{RED}m[^\x1b]*cos\\(x\\)', legend), f'cos(x) not in red in {legend!r}')
    plain = dfdx(binary, '-e', 'plot sin(x), cos(x) for x in [-pi, pi]')
    check('\x1b' not in plain, 'colour into a pipe without --color always')
    check(ESCAPE.sub('', out) == plain, 'colour changes the characters of the plot')


def longest_vertical_run(pixels, px):
    ys = sorted(y for (x, y) in pixels if x == px)
    best = run = 0
    for k, y in enumerate(ys):
        run = run + 1 if k and y == ys[k - 1] + 1 else 1
        best = max(best, run)
    return best


def check_pole(binary):
    for lo, hi in (('-1', '1'), ('-1', '2'), ('-2', '1'), ('-5', '5')):
        out = dfdx(binary, '-e', f'plot 1/x for x in [{lo}, {hi}]')
        rows, _, _ = canvas(out)
        pixels = dots(rows)
        ph = 4 * len(rows)
        tallest = max(longest_vertical_run(pixels, px) for px in {x for x, _ in pixels})
        # Near the pole the curve is steep; a stroke across it would run most of the height.
        check(tallest < ph // 3, f'1/x on [{lo}, {hi}]: a vertical run of {tallest} of {ph} dots')


def check_default_range(binary):
    out = dfdx(binary, '-e', 'plot x^2')
    _, labels, x_line = canvas(out)
    check(x_line.split()[:1] == ['-10'] and x_line.split()[-1:] == ['10'], f'default x labels: {x_line!r}')
    check(labels and labels[0] == '100', f'x^2 on [-10, 10] tops at 100: {labels}')
    p = subprocess.run([binary, '-e', 'plot a b'], capture_output=True, text=True, timeout=60)
    check(p.returncode == 1 and 'several variables (a, b)' in p.stderr, f'two names: {p.stderr!r}')


def main(argv):
    binary = argv[1]
    check_colours(binary)
    check_pole(binary)
    check_default_range(binary)
    for f in failures:
        print('FAIL:', f)
    print(f'{len(failures)} failures')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
