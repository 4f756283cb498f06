#!/usr/bin/env python3
"""Checks the files that `plot ... to FILE.svg` and `table ... to FILE.csv` write, with
Python's own XML and CSV parsers: the SVG is well-formed, sized, its polylines stay in
the plot area and are split at the poles of tan, 1/x has no stroke across its pole, and
a plot without `for` spans the default range; the CSV has a header row and one row per
point, with empty cells where the expression is undefined, and `to -` puts it on stdout.

Usage: check_files.py DFDX
"""
import csv
import math
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def dfdx(binary, *statements):
    args = [binary]
    for s in statements:
        args += ['-e', s]
    p = subprocess.run(args, capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, f'{statements}: exit {p.returncode}: {p.stderr}')
    return p.stdout


def polylines(root):
    out = {}
    for pl in root.iter(SVG + 'polyline'):
        pts = [tuple(map(float, p.split(','))) for p in pl.get('points').split()]
        out.setdefault(pl.get('stroke'), []).append(pts)
    return out


def check_svg(binary, tmp):
    path = os.path.join(tmp, 'p.svg')
    out = dfdx(binary, f'plot sin(x), cos(x), tan(x) for x in [-pi, pi] to {path}')
    check(out.strip() == f'wrote a plot of 3 curves to {path}', f'summary: {out!r}')
    root = ET.parse(path).getroot()
    check(root.tag == SVG + 'svg', f'root is {root.tag}')
    w, h = float(root.get('width')), float(root.get('height'))
    check(root.get('viewBox') == f'0 0 {w:g} {h:g}', 'viewBox')
    clip = root.find(f'.//{SVG}clipPath/{SVG}rect')
    check(clip is not None, 'no clip rectangle')
    x0, y0 = float(clip.get('x')), float(clip.get('y'))
    x1, y1 = x0 + float(clip.get('width')), y0 + float(clip.get('height'))
    lines = polylines(root)
    check(len(lines) == 3, f'{len(lines)} colours of polyline')
    counts = sorted(len(v) for v in lines.values())
    check(counts == [1, 1, 3], f'pieces per curve {counts} (tan splits at its two poles)')
    for runs in lines.values():
        for run in runs:
            for x, y in run:
                check(x0 - 0.01 <= x <= x1 + 0.01 and y0 - 0.01 <= y <= y1 + 0.01, f'point {x},{y} outside')
    texts = [t.text for t in root.iter(SVG + 'text')]
    for label in ('sin(x)', 'cos(x)', 'tan(x)', '-3', '3', '0'):
        check(label in texts, f'no text {label}')
    # Alone, sin spans the frame: its top at x = pi/2 (3/4 across), its bottom at -pi/2.
    path = os.path.join(tmp, 'sin.svg')
    dfdx(binary, f'plot sin(x) for x in [-pi, pi] to {path}')
    (run,) = polylines(ET.parse(path).getroot())['#1f77b4']
    top = min(run, key=lambda p: p[1])
    bottom = max(run, key=lambda p: p[1])
    check(abs(top[1] - y0) < 1 and abs(top[0] - (x0 + 0.75 * (x1 - x0))) < 2, f'sin peaks at {top}')
    check(abs(bottom[1] - y1) < 1 and abs(bottom[0] - (x0 + 0.25 * (x1 - x0))) < 2, f'sin dips at {bottom}')


def svg_title(path):
    return ET.parse(path).getroot().find(SVG + 'title').text


def check_svg_pole_and_default_range(binary, tmp):
    # 1/x on [-1, 1] (x = 0 a sample) and on [-1, 2] (0 between two samples): every
    # piece keeps to one side of the pole, so nothing joins -inf to +inf.
    for lo, hi in (('-1', '1'), ('-1', '2'), ('-3', '3')):
        path = os.path.join(tmp, 'pole.svg')
        dfdx(binary, f'plot 1/x, 1/(x - 1/3) for x in [{lo}, {hi}] to {path}')
        root = ET.parse(path).getroot()
        clip = root.find(f'.//{SVG}clipPath/{SVG}rect')
        left, width = float(clip.get('x')), float(clip.get('width'))
        for stroke, runs in polylines(root).items():
            pole = 0 if stroke == '#1f77b4' else 1 / 3
            px = left + (pole - float(lo)) / (float(hi) - float(lo)) * width
            check(len(runs) == 2, f'1/x on [{lo}, {hi}], {stroke}: {len(runs)} pieces, not one each side')
            for run in runs:
                xs = [x for x, _ in run]
                check(max(xs) <= px + 0.01 or min(xs) >= px - 0.01,
                      f'1/x on [{lo}, {hi}], {stroke}: a piece crosses the pole at {px:.2f}: {min(xs)}..{max(xs)}')
    # Without `for`: the expression's one free name over [-10, 10].
    path = os.path.join(tmp, 'default.svg')
    out = dfdx(binary, f'plot sin(t)/t to {path}')
    check(out.strip() == f'wrote a plot of 1 curve to {path}', f'default range summary: {out!r}')
    check(svg_title(path).endswith('for t in [-10, 10]'), f'default range title: {svg_title(path)!r}')
    dfdx(binary, 'g(x) = x^2', f'plot g, g\' to {path}')
    check(svg_title(path) == "plot of g(x), g'(x) for x in [-10, 10]", f'bare names: {svg_title(path)!r}')
    p = subprocess.run([binary, '-e', f'plot x y to {path}'], capture_output=True, text=True, timeout=60)
    check(p.returncode == 1 and 'several variables (x, y)' in p.stderr, f'two free names: {p.stderr!r}')
    p = subprocess.run([binary, '-e', f'plot x to {os.path.join(tmp, "p.txt")}'], capture_output=True, text=True,
                       timeout=60)
    check(p.returncode == 1 and '.svg, .png or .pdf' in p.stderr and not os.path.exists(os.path.join(tmp, 'p.txt')),
          f'an unknown extension: {p.stderr!r}')


def check_csv_to_stdout(binary, tmp):
    # `to -` is stdout, from -e and from a script, and no file named '-' appears.
    want = 'x,x^2\n0,0\n0.5,0.25\n1,1\n'
    p = subprocess.run([binary, '-e', 'table x^2 for x in [0, 1] step 0.5 to -', '-e', '1+1'], cwd=tmp,
                       capture_output=True, text=True, timeout=60)
    check(p.returncode == 0 and p.stdout == want + '2\n', f'table to - with -e: {p.stdout!r} {p.stderr!r}')
    p = subprocess.run([binary], input='table x^2 for x in [0, 1] step 0.5 to -\n', cwd=tmp,
                       capture_output=True, text=True, timeout=60)
    check(p.returncode == 0 and p.stdout == want, f'table to - in a script: {p.stdout!r} {p.stderr!r}')
    check(not os.path.exists(os.path.join(tmp, '-')), 'table to - wrote a file named -')
    rows = list(csv.reader(p.stdout.splitlines()))
    check(rows[0] == ['x', 'x^2'] and len(rows) == 4, f'table to - reads back as CSV: {rows}')


def check_csv(binary, tmp):
    path = os.path.join(tmp, 't.csv')
    out = dfdx(binary, f'table x^2, ln(x), atan2(x, 1) for x in [-1, 1] step 1/4 to {path}')
    check(out.strip() == f'wrote 9 rows to {path}', f'summary: {out!r}')
    with open(path, newline='') as f:
        rows = list(csv.reader(f))
    check(rows[0] == ['x', 'x^2', 'ln(x)', 'atan2(x, 1)'], f'header {rows[0]}')
    check(len(rows) == 10, f'{len(rows)} rows')
    for row in rows[1:]:
        x = float(row[0])
        check(math.isclose(float(row[1]), x * x), f'x^2 at {x}')
        check((row[2] == '') == (x <= 0), f'ln at {x}: {row[2]!r}')
        if x > 0:
            check(math.isclose(float(row[2]), math.log(x), rel_tol=1e-14), f'ln at {x}')
        check(math.isclose(float(row[3]), math.atan2(x, 1), rel_tol=1e-14, abs_tol=1e-300), f'atan2 at {x}')


def main(argv):
    binary = os.path.abspath(argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        check_svg(binary, tmp)
        check_svg_pole_and_default_range(binary, tmp)
        check_csv(binary, tmp)
        check_csv_to_stdout(binary, tmp)
    for f in failures:
        print('FAIL:', f)
    print(f'{len(failures)} failures')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
