# Differential test of dfdx against SymPy: seeded random expressions (gen.py) go through
# the real binary in one process; each printed derivative is read back into SymPy
# (dfdx_sympy.py) and compared with SymPy's diff at random points, as is dfdx's own value
# of `d/dx EXPR at x=..., y=..., z=...`. Prints the agreement rate, the median printed
# lengths, and closes with 'N passed, N failed, N skipped'; exits 1 on any miss.
"""Usage: oracle.py --dfdx PATH [--first N] [--count N] [--jobs N] [--report FILE]"""

import argparse
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import time
from multiprocessing import Pool

import mpmath
import sympy as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dfdx_sympy  # noqa: E402
import gen  # noqa: E402

VARS = ("x", "y")              # differentiated in
ALL_VARS = ("x", "y", "z")     # free in the expressions
SYMBOL_TOL = (1e-10, 1e-12)    # dfdx's printed derivative vs SymPy, both at 30 digits
VALUE_TOL = (1e-8, 1e-10)      # dfdx's `at` value (a decimal or an exact closed form) vs SymPy
LARGEST = mpmath.mpf(10) ** 100  # larger reference values are treated as undefined
mpmath.mp.dps = 30
CASE_SECONDS = 20             # SymPy time allowed for one expression


def candidate_points(seed):
    """Six points per expression: three inside (0.1, 0.9) (asin, acos, ln defined), three
    in (-2, 2). Coordinates have two decimals, so dfdx reads them exactly."""
    rng = random.Random(f"dfdx-oracle-points-{seed}")

    def coordinate(lo, hi):
        while True:
            v = round(rng.uniform(lo, hi), 2)
            if abs(v) >= 0.05:
                return f"{v:.2f}"
    points = []
    for lo, hi in [(0.1, 0.9)] * 3 + [(-2.0, 2.0)] * 3:
        points.append({v: coordinate(lo, hi) for v in ALL_VARS})
    return points


def script_lines(seed, points):
    """The statements for one expression: both derivatives, then both at every point. The
    variables of each statement (d/dx's x; every name given a value after `at`) are the
    ones written juxtaposed before a bracket, `x (1 + y)^3` (gen.to_dfdx)."""
    lines = [f"d/d{v} {gen.dfdx_text(seed, {v})}" for v in VARS]
    every = gen.dfdx_text(seed, ALL_VARS)
    for p in points:
        at = ", ".join(f"{k}={p[k]}" for k in ALL_VARS)
        lines += [f"d/d{v} {every} at {at}" for v in VARS]
    return lines


def run_dfdx(binary, statements):
    """Runs every statement through one dfdx process; returns per statement (output, error)."""
    proc = subprocess.run([binary, "--echo"], input="\n".join(statements) + "\n",
                          capture_output=True, text=True, timeout=600)
    outputs, current = [], None
    for line in proc.stdout.splitlines():
        if line.startswith("> "):
            current = []
            outputs.append(current)
        elif current is not None:
            current.append(line)
    if len(outputs) != len(statements):
        sys.exit(f"dfdx echoed {len(outputs)} statements of {len(statements)}; stderr:\n{proc.stderr[-2000:]}")
    errors = {}
    for m in re.finditer(r"^<stdin>:(\d+):(\d+): error: (.*)$", proc.stderr, re.M):
        errors.setdefault(int(m.group(1)) - 1, m.group(3))
    return [("\n".join(out) if out else None, errors.get(i)) for i, out in enumerate(outputs)]


def numeric(f, point):
    """f at the point as a real mpf, or None where it is undefined, complex or huge."""
    try:
        v = f(*[mpmath.mpf(point[k]) for k in ALL_VARS])
        v = mpmath.mpmathify(v)
    except (ZeroDivisionError, ValueError, OverflowError, TypeError):
        return None
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > mpmath.mpf(10) ** -20 * max(1, abs(v.real)):
            return None
        v = v.real
    if not mpmath.isfinite(v) or abs(v) > LARGEST:
        return None
    return v


def exact_value(text):
    """The value of an exact closed form dfdx printed for a point (`sqrt(5) - 21/50`,
    `17*pi/100`, issue 14), read as its derivatives are; None when it is not a number."""
    try:
        v = sp.N(dfdx_sympy.parse(text, {}), 40)
        return mpmath.mpf(str(v)) if v.is_real and v.is_number else None
    except (dfdx_sympy.ParseError, TypeError, SyntaxError, ValueError):
        return None


def close(a, b, tol):
    rel, absolute = tol
    return abs(a - b) <= rel * max(abs(a), abs(b)) + absolute


def lambdified(expr, symbols):
    # The real-root form sign(a)*|a|^(p/q) differentiates into DiracDelta(a) and
    # d/dx sign(a): both are 0 wherever a != 0, which is everywhere we evaluate.
    expr = expr.replace(sp.DiracDelta, lambda *a: sp.S.Zero)
    expr = expr.replace(lambda e: isinstance(e, sp.Derivative) and isinstance(e.expr, sp.sign),
                        lambda e: sp.S.Zero)
    if expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return lambda *point: None  # undefined everywhere (ln(0), 1/0 folded by SymPy)
    # SymPy 1.11 (Debian 12) prints csc(y) in a power as `1/sin(y)` without brackets, so
    # lambdify made 2**csc(y) into 2**1/sin(y): the reciprocals are spelled out first.
    for f, g in ((sp.csc, sp.sin), (sp.sec, sp.cos), (sp.cot, sp.tan), (sp.csch, sp.sinh),
                 (sp.sech, sp.cosh), (sp.coth, sp.tanh)):
        expr = expr.replace(f, lambda a, g=g: 1 / g(a))
    return sp.lambdify(symbols, expr, modules="mpmath")


class OracleTimeout(Exception):
    pass


def _alarm(*_):
    raise OracleTimeout()


def check_case(job):
    """Compares one expression within CASE_SECONDS of SymPy time; a case SymPy cannot
    finish in time is reported as skipped, with its seed."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CASE_SECONDS)
    try:
        return compare_case(*job)
    except OracleTimeout:
        return {"seed": job[0], "dfdx": job[1][0], "sympy": job[1][1], "misses": [], "lengths": [],
                "defined": False, "timeout": True}
    finally:
        signal.alarm(0)


def compare_case(seed, texts, points, results):
    """Compares one expression; returns a record with its verdict and lengths."""
    dfdx_text, sympy_text, real_text = texts
    symbols = {k: sp.Symbol(k, real=True) for k in ALL_VARS}
    args = [symbols[k] for k in ALL_VARS]
    local = dict(symbols, rroot=lambda a, p, q: dfdx_sympy.real_power(a, sp.Rational(p, q)))
    real_expr = sp.sympify(real_text, locals=local)
    # As a SymPy user types it, over real symbols (plain symbols can make SymPy's
    # assumption system run for minutes, e.g. on sinh(sigmoid(x)^27)).
    natural = real_expr if sympy_text == real_text else sp.sympify(sympy_text, locals=symbols)
    # SymPy folds exp(ln(a)) to a and finds real values of cosh(acos(2)): a point counts
    # only where every subexpression of the original is real.
    tree = gen.tree(seed)
    in_domain = [gen.evaluate(tree, {k: mpmath.mpf(p[k]) for k in ALL_VARS}) is not None for p in points]
    record = {"seed": seed, "dfdx": dfdx_text, "sympy": sympy_text, "misses": [], "lengths": [],
              "defined": False, "points": 0}
    for vi, v in enumerate(VARS):
        ref_expr = sp.diff(real_expr, symbols[v])
        ref = lambdified(ref_expr, args)
        ref_values = [numeric(ref, p) if in_domain[i] else None for i, p in enumerate(points)]
        defined = [i for i, r in enumerate(ref_values) if r is not None]
        record["defined"] |= bool(defined)
        printed, error = results[vi]
        if printed is None:
            if defined:
                record["misses"].append(f"d/d{v}: dfdx error '{error}', SymPy defined at {points[defined[0]]}")
            continue
        theirs = ref_expr if natural is real_expr else sp.diff(natural, symbols[v])
        theirs = str(theirs)
        record["lengths"].append((len(printed), len(theirs), len(theirs) - theirs.count("**")))
        try:
            mine = lambdified(dfdx_sympy.parse(printed, dict(symbols)), args)
        except (dfdx_sympy.ParseError, TypeError, SyntaxError) as exc:
            record["misses"].append(f"d/d{v}: cannot read '{printed}' back: {exc}")
            continue
        record["points"] += len(defined)
        for i in defined:
            got = numeric(mine, points[i])
            if got is None or not close(got, ref_values[i], SYMBOL_TOL):
                record["misses"].append(f"d/d{v} = {printed}: at {points[i]} gives {got}, SymPy {ref_values[i]}")
                break
        for i in defined:
            text, error = results[2 + 2 * i + vi]
            try:
                got = mpmath.mpf(sp.Rational(text)) if error is None else None
            except (TypeError, ValueError):
                got = exact_value(text)
            if got is None or not close(got, ref_values[i], VALUE_TOL):
                record["misses"].append(f"d/d{v} at {points[i]}: dfdx {text if error is None else error!r}, "
                                        f"SymPy {mpmath.nstr(ref_values[i], 15)}")
                break
    return record


def summarise(records, elapsed, out):
    passed = sum(1 for r in records if r["defined"] and not r["misses"])
    failed = sum(1 for r in records if r["misses"])
    skipped = len(records) - passed - failed
    slow = [r["seed"] for r in records if r.get("timeout")]
    lengths = [pair for r in records for pair in r["lengths"]]
    mine = statistics.median(a for a, _, _ in lengths) if lengths else 0
    theirs = statistics.median(b for _, b, _ in lengths) if lengths else 0
    caret = statistics.median(c for _, _, c in lengths) if lengths else 0
    shorter = sum(1 for a, b, _ in lengths if a <= b)
    points = sum(r.get("points", 0) for r in records)
    print(f"expressions: {len(records)} (seeds {records[0]['seed']}..{records[-1]['seed']}), "
          f"{elapsed:.1f} s", file=out)
    print(f"agreement: {passed}/{passed + failed} = {100.0 * passed / max(1, passed + failed):.2f}% "
          f"({skipped} skipped: the expression or SymPy's derivative is not real at any of the six points)", file=out)
    print(f"compared at {points} points where the expression is real: dfdx's printed derivative "
          f"(read by SymPy) and dfdx's own `at` value, each against SymPy's diff", file=out)
    print(f"median printed length of the {len(lengths)} derivatives: dfdx {mine}, "
          f"SymPy str(diff) {theirs} ({caret} with ** counted as one character); "
          f"dfdx no longer in {shorter} ({100.0 * shorter / max(1, len(lengths)):.1f}%)", file=out)
    if slow:
        print(f"skipped because SymPy took over {CASE_SECONDS} s: seeds {slow}", file=out)
    for r in [r for r in records if r["misses"]][:30]:
        print(f"MISS seed {r['seed']}: {r['dfdx']}", file=out)
        for m in r["misses"]:
            print(f"    {m}", file=out)
    print(f"{passed} passed, {failed} failed, {skipped} skipped", file=out)
    return failed, mine, theirs


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dfdx", required=True, help="the dfdx binary")
    ap.add_argument("--first", type=int, default=1, help="first seed")
    ap.add_argument("--count", type=int, default=2000, help="number of expressions")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--report", help="write every case as JSON lines here")
    ap.add_argument("--require-length", action="store_true",
                    help="also fail when dfdx's median length is longer than SymPy's")
    args = ap.parse_args()
    start = time.monotonic()
    seeds = range(args.first, args.first + args.count)
    cases = [gen.case(s) for s in seeds]
    points = [candidate_points(s) for s in seeds]
    statements, spans = [], []
    for seed, pts in zip(seeds, points):
        lines = script_lines(seed, pts)
        spans.append((len(statements), len(statements) + len(lines)))
        statements += lines
    results = run_dfdx(args.dfdx, statements)
    jobs = [(s, c, p, results[a:b]) for s, c, p, (a, b) in zip(seeds, cases, points, spans)]
    with Pool(max(1, args.jobs)) as pool:
        records = pool.map(check_case, jobs, chunksize=16)
    if args.report:
        with open(args.report, "w") as f:
            for r in records:
                f.write(json.dumps(r) + "\n")
    failed, mine, theirs = summarise(records, time.monotonic() - start, sys.stdout)
    if failed or (args.require_length and mine > theirs):
        sys.exit(1)


if __name__ == "__main__":
    main()
