#!/usr/bin/env python3
"""Checks the files that `plot ... to FILE.svg` and `table ... to FILE.csv` write, with
Python's own XML and CSV parsers: the SVG is well-formed, sized, its polylines stay in
the plot area and are split at the poles of tan; the CSV has a header row and one row
per point, with empty cells where the expression is undefined.

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
    binary = argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        check_svg(binary, tmp)
        check_csv(binary, tmp)
    for f in failures:
        print('FAIL:', f)
    print(f'{len(failures)} failures')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
