#!/usr/bin/env python3
"""Runs the reading rules of docs/grammar.md: every row of the table between the
`reading-rules` markers is an input, how dfdx reads it, and the note it must give.

  input     statements separated by `;`, run in a fresh session (`dfdx --echo`); the
            last statement is the one checked
  reading   `error: TEXT`: the statement fails with a message containing TEXT;
            otherwise its result, equal as text or as mathematics (SymPy reads both and
            they agree at random points)
  note      text that a `note:` line must contain; an empty cell means no note at all,
            so no input is read differently without saying so

Usage: check_reading.py DFDX [GRAMMAR.md]   Prints each mismatch and a closing line
'N passed, N failed'; exits 1 on any failure.
"""
import os
import random
import re
import subprocess
import sys

try:
    import sympy as sp
    from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations
except ImportError:  # text comparison only
    sp = None


def table_rows(markdown):
    """(input, reading, note) of each row between the markers."""
    block = re.search(r"<!-- reading-rules -->(.*?)<!-- /reading-rules -->", markdown, re.S)
    if not block:
        sys.exit("check_reading: no reading-rules table found")
    rows = []
    for line in block.group(1).splitlines():
        if not line.startswith("| ") or line.startswith("| input") or line.startswith("|---"):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) != 3:
            sys.exit(f"check_reading: a row needs 3 cells: {line}")
        rows.append(tuple(unquote(c) for c in cells))
    return rows


def unquote(cell):
    return cell[1:-1] if len(cell) >= 2 and cell[0] == "`" and cell[-1] == "`" else cell


def run(dfdx, text):
    """The lines that the last statement of `text` printed (stdout and stderr merged)."""
    p = subprocess.run([dfdx, "--echo", "--color", "never"], input=text + "\n", stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=60)
    blocks = []
    for line in p.stdout.splitlines():
        if line.startswith("> "):
            blocks.append([])
        elif blocks:
            blocks[-1].append(line)
    return blocks[-1] if blocks else []


def read(text):
    names = {n: sp.Symbol(n) for n in "abcdghknprstuvwxyzE"}
    names.update({"ln": sp.log, "pi": sp.pi, "e": sp.E, "sqrt": sp.sqrt, "abs": sp.Abs, "I": sp.Symbol("I")})
    return parse_expr(text.replace("π", "pi"), local_dict=names,
                      transformations=standard_transformations + (convert_xor,))


def same_math(want, got):
    if want == got:
        return True
    if sp is None:
        return False
    if want.startswith("[") and got.startswith("["):
        return False  # vectors compare as text
    try:
        a, b = read(want), read(got)
    except Exception:
        return False
    rng = random.Random(13)
    syms = sorted(a.free_symbols | b.free_symbols, key=str)
    for _ in range(5):
        point = {s: sp.Rational(rng.randint(11, 29), 10) for s in syms}
        try:
            va, vb = complex(a.subs(point).evalf(30)), complex(b.subs(point).evalf(30))
        except (TypeError, ValueError):
            return False
        if abs(va - vb) > 1e-9 * max(1.0, abs(va)):
            return False
    return True


def check(dfdx, row):
    """None when the row holds, else what went wrong."""
    source, reading, note = row
    lines = [l for l in run(dfdx, source) if l.strip()]
    notes = [l[len("note: "):] for l in lines if l.startswith("note: ")]
    errors = [l for l in lines if re.match(r"^<stdin>:\d+:\d+: error: ", l)]
    results = [l for l in lines if not l.startswith("note: ") and not l.startswith("<stdin>:") and not l.startswith("  ")]
    if note and not any(note in n for n in notes):
        return f"wanted a note with '{note}', got {notes}"
    if not note and notes:
        return f"wanted no note, got {notes}"
    if reading.startswith("error:"):
        want = reading[len("error:"):].strip()
        if not any(want in e for e in errors):
            return f"wanted an error with '{want}', got {lines}"
        return None
    if errors:
        return f"wanted {reading}, got {errors}"
    got = " ; ".join(results)
    return None if same_math(reading, got) else f"wanted {reading}, got {got}"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    dfdx = sys.argv[1]
    grammar = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../../docs/grammar.md")
    rows = table_rows(open(grammar, encoding="utf-8").read())
    failed = 0
    for row in rows:
        why = check(dfdx, row)
        if why:
            failed += 1
            print(f"reading: > {row[0]}\n    {why}")
    print(f"{len(rows) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
