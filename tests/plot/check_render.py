#!/usr/bin/env python3
"""Writes `plot sin(x), cos(x) for x in [-pi, pi]` to FILE.svg, .png and .pdf and looks
at each as a person would: the SVG in headless Chromium, the PNG as cairo drew it, the
PDF as poppler's pdftoppm draws it. In each picture each curve's colour is drawn, and
in every sampled column of the plot area its pixels sit where the SVG's points say (the
three share one layout), so each file shows two curves, in the right places, not a
blank page or a broken file.

Usage: check_render.py DFDX
Exits 77 (ctest: skipped) when Chromium is missing, except under CI (CI=true), where a
missing browser (or pdftoppm) is a failure: `scripts/setup test` installs them.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

SVG = '{http://www.w3.org/2000/svg}'


def browser():
    for name in ('chromium', 'chromium-browser', 'google-chrome'):
        path = shutil.which(name)
        if path:
            return path
    return None


def read_png(path):
    """Width, height and rows of (r, g, b) tuples of an 8-bit RGB or RGBA PNG."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG file')
    pos, idat, header = 8, b'', None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b'IHDR':
            header = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        elif kind == b'IEND':
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f'unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}')
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        prev = line
    return width, height, rows


def hex_colour(text):
    text = text.lstrip('#')
    return tuple(int(text[k:k + 2], 16) for k in (0, 2, 4))


def near(pixel, colour, tolerance=60):
    return sum(abs(p - c) for p, c in zip(pixel, colour)) <= tolerance


def curve_y(points, x):
    """The y of the polyline at column x, or None outside it."""
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x0 <= x <= x1 and x1 > x0:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return None


def check_picture(what, w, h, rows, curves, width, height, failures):
    """Each curve's colour is drawn, and in the sampled columns where the SVG's polylines
    are: `rows` is the picture (from Chromium, cairo or pdftoppm), `curves` the SVG's
    polylines by colour, for a page of width x height."""
    if (w, h) != (width, height):
        failures.append(f'{what}: the picture is {w}x{h}, the page {width}x{height}')
        return
    for stroke, parts in curves.items():
        colour = hex_colour(stroke)
        drawn = sum(1 for row in rows for px in row if near(px, colour))
        if drawn < width // 2:
            failures.append(f'{what}: {stroke}: only {drawn} pixels of the curve colour')
            continue
        columns = hits = 0
        for x in range(0, min(w, width), 7):
            ys = [y for pts in parts for y in [curve_y(pts, x + 0.5)] if y is not None]
            if not ys:
                continue
            columns += 1
            found = any(near(rows[y][x], colour)
                        for want in ys
                        for y in range(max(0, int(want) - 3), min(h, int(want) + 4)))
            hits += found
        if columns < 50:
            failures.append(f'{what}: {stroke}: the curve spans only {columns} sampled columns')
        elif hits < 0.9 * columns:
            failures.append(f'{what}: {stroke}: drawn where its points say in {hits} of {columns} sampled columns')
        else:
            print(f'{what}: {stroke}: {drawn} pixels, on its points in {hits} of {columns} sampled columns')


def main():
    binary = sys.argv[1]
    chromium = browser()
    pdftoppm = shutil.which('pdftoppm')
    ci = os.environ.get('CI') == 'true'
    if chromium is None:
        print('check_render: Chromium is not installed (scripts/setup test installs it)')
        return 1 if ci else 77
    failures = []
    plot = 'plot sin(x), cos(x) for x in [-pi, pi] to '
    with tempfile.TemporaryDirectory() as tmp:
        svg = os.path.join(tmp, 'plot.svg')
        png = os.path.join(tmp, 'shot.png')
        for name in ('plot.svg', 'plot.png', 'plot.pdf', 'PLOT.PNG'):
            p = subprocess.run([binary, '-e', plot + os.path.join(tmp, name)], capture_output=True, text=True,
                               timeout=60)
            if p.returncode != 0:
                print(f'check_render: dfdx failed writing {name}: {p.stderr}')
                return 1
        root = ET.parse(svg).getroot()
        width, height = int(float(root.get('width'))), int(float(root.get('height')))
        curves = {}
        for pl in root.iter(SVG + 'polyline'):
            pts = [tuple(map(float, q.split(','))) for q in pl.get('points').split()]
            curves.setdefault(pl.get('stroke'), []).append(pts)
        if len(curves) != 2:
            print(f'check_render: expected 2 curve colours in the SVG, found {sorted(curves)}')
            return 1
        # The SVG as a browser draws it.
        profile = os.path.join(tmp, 'profile')
        shot = subprocess.run([chromium, '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
                               '--force-device-scale-factor=1', f'--user-data-dir={profile}',
                               f'--window-size={width},{height}', f'--screenshot={png}', 'file://' + svg],
                              capture_output=True, text=True, timeout=120)
        if shot.returncode != 0 or not os.path.exists(png):
            failures.append(f'Chromium made no screenshot (exit {shot.returncode}): {shot.stderr[-2000:]}')
        else:
            check_picture('SVG in Chromium', *read_png(png), curves, width, height, failures)
        # The PNG that cairo drew: the same layout, so the SVG's points say where to look.
        check_picture('PNG', *read_png(os.path.join(tmp, 'plot.png')), curves, width, height, failures)
        if open(os.path.join(tmp, 'PLOT.PNG'), 'rb').read(8) != b'\x89PNG\r\n\x1a\n':
            failures.append('PLOT.PNG (an upper-case extension) is not a PNG')
        # The PDF: a PDF header, and poppler draws it at 72 dpi (a point a pixel).
        pdf = os.path.join(tmp, 'plot.pdf')
        if open(pdf, 'rb').read(5) != b'%PDF-':
            failures.append('plot.pdf does not start with %PDF-')
        elif pdftoppm is None:
            print('check_render: pdftoppm is not installed (poppler-utils): the PDF is not drawn')
            if ci:
                failures.append('pdftoppm missing under CI')
        else:
            r = subprocess.run([pdftoppm, '-r', '72', '-png', '-singlefile', pdf, os.path.join(tmp, 'pdf')],
                               capture_output=True, text=True, timeout=120)
            if r.returncode != 0:
                failures.append(f'pdftoppm failed on the PDF: {r.stderr}')
            else:
                check_picture('PDF in pdftoppm', *read_png(os.path.join(tmp, 'pdf.png')), curves, width, height,
                              failures)
    for f in failures:
        print('FAIL:', f)
    if not failures:
        print('check_render: the SVG (Chromium), PNG and PDF (pdftoppm) show both curves where the SVG puts them')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
