#!/usr/bin/env python3
"""Issue 14's differential test: seeded random exact inputs (huge, tiny, near-cancelling,
near domain edges, trigonometry of huge arguments) through the real dfdx binary as
`approx(...)`, at several precisions, against mpmath at 60+ digits. Every printed digit
must be right: dfdx's decimal must equal the exact value correctly rounded (half to even)
to the precision, and be printed in %g style with no more digits than that.

usage: differential.py DFDX [--count N] [--seed S] [--precisions 15,30,100]
"""
import argparse
import decimal
import random
import re
import subprocess
import sys

import mpmath
from mpmath import mp, mpf

# (name, mpmath function, domain) for one-argument built-ins. The domain draws an exact
# argument, as (dfdx text, mpmath value at the working precision).
def _sigmoid(x): return 1 / (1 + mp.exp(-x))
def _softplus(x): return mp.log1p(mp.exp(x))
def _cbrt(x): return mp.sign(x) * mp.cbrt(abs(x))

FUNCTIONS = {
    "sin": mp.sin, "cos": mp.cos, "tan": mp.tan, "cot": mp.cot, "sec": mp.sec, "csc": mp.csc,
    "asin": mp.asin, "acos": mp.acos, "atan": mp.atan, "acot": lambda x: mp.atan(1 / x),
    "asec": lambda x: mp.acos(1 / x), "acsc": lambda x: mp.asin(1 / x),
    "sinh": mp.sinh, "cosh": mp.cosh, "tanh": mp.tanh, "coth": mp.coth, "sech": mp.sech,
    "csch": mp.csch, "asinh": mp.asinh, "acosh": mp.acosh, "atanh": mp.atanh,
    "acoth": lambda x: mp.atanh(1 / x), "asech": lambda x: mp.acosh(1 / x),
    "acsch": lambda x: mp.asinh(1 / x), "exp": mp.exp, "ln": mp.log, "log10": mp.log10,
    "log2": lambda x: mp.log(x, 2), "sqrt": mp.sqrt, "cbrt": _cbrt, "abs": abs,
    "sigmoid": _sigmoid, "softplus": _softplus,
}

# Where each function is defined, as a test on the exact argument (a Fraction-like pair).
DOMAINS = {
    "asin": lambda v: abs(v) <= 1, "acos": lambda v: abs(v) <= 1, "asec": lambda v: abs(v) >= 1,
    "acsc": lambda v: abs(v) >= 1, "acosh": lambda v: v >= 1, "atanh": lambda v: abs(v) < 1,
    "acoth": lambda v: abs(v) > 1, "asech": lambda v: 0 < v <= 1, "ln": lambda v: v > 0,
    "log10": lambda v: v > 0, "log2": lambda v: v > 0, "sqrt": lambda v: v >= 0,
    "cot": lambda v: v != 0, "csc": lambda v: v != 0, "coth": lambda v: v != 0,
    "csch": lambda v: v != 0, "acsch": lambda v: v != 0, "acot": lambda v: v != 0,
}

from fractions import Fraction


class Exact:
    """An exact input: its dfdx text and a function giving its mpmath value."""

    def __init__(self, text, value, q=None):
        self.text, self.value, self.q = text, value, q  # q: the Fraction when rational


def rational(rng, digits_num=None, digits_den=None):
    """A rational whose decimal never terminates (a denominator coprime to 10, not 1), so
    no exact tie can arise."""
    dn = digits_num or rng.randint(1, 12)
    dd = digits_den or rng.randint(1, 6)
    while True:
        den = rng.randrange(3, 10 ** dd + 4)
        if den % 2 and den % 5:
            break
    num = rng.randrange(1, 10 ** dn) * rng.choice((1, -1))
    q = Fraction(num, den)
    return Exact(f"({q.numerator}/{q.denominator})", lambda q=q: mpf(q.numerator) / q.denominator, q)


def scaled(rng, e):
    """q * 10^k for a power of ten of any size the tests reach."""
    k = rng.choice((rng.randint(-30, 30), rng.randint(-400, 400)))
    q = e.q * Fraction(10) ** k
    return Exact(f"({e.text}*10^({k}))", lambda q=q: mpf(q.numerator) / q.denominator, q)


def in_domain(rng, name):
    ok = DOMAINS.get(name, lambda v: True)
    for _ in range(50):
        shape = rng.random()
        if shape < 0.5:
            e = rational(rng, rng.randint(1, 4), rng.randint(1, 4))
        elif shape < 0.7:
            e = scaled(rng, rational(rng, 3, 2))
        elif shape < 0.85:
            # Near an edge: 1 +- 10^-k, and its negation.
            k = rng.randint(1, 40)
            q = 1 + rng.choice((1, -1)) * Fraction(1, 10 ** k)
            q *= rng.choice((1, -1))
            e = Exact(f"({q.numerator}/{q.denominator})", lambda q=q: mpf(q.numerator) / q.denominator, q)
        else:
            k = rng.randint(1, 40)
            q = Fraction(rng.randint(1, 99), 3 * 10 ** k) * rng.choice((1, -1))
            e = Exact(f"({q.numerator}/{q.denominator})", lambda q=q: mpf(q.numerator) / q.denominator, q)
        big = abs(e.q) > 10 ** 6 or (e.q != 0 and abs(e.q) < Fraction(1, 10 ** 60))
        if name in ("exp", "sinh", "cosh", "softplus", "sigmoid", "tanh", "coth", "sech", "csch") and big:
            continue  # exp(10^400) is past any range; exp(tiny) is in the cancelling cases
        if name in ("sin", "cos", "tan", "cot", "sec", "csc") and abs(e.q) > 10 ** 60:
            continue
        if ok(e.q):
            return e
    return None


def case(rng):
    """One random input as (dfdx text, mpmath thunk)."""
    r = rng.random()
    if r < 0.45:
        name = rng.choice(sorted(FUNCTIONS))
        e = in_domain(rng, name)
        if e is None:
            return None
        f = FUNCTIONS[name]
        return f"{name}({e.text})", lambda: f(e.value())
    if r < 0.55:
        e = rng.choice((rational(rng), scaled(rng, rational(rng, 4, 3))))
        return e.text, e.value
    if r < 0.65:
        # Cancellation: f(x) - its first terms at a tiny x.
        k = rng.randint(5, 60)
        x = Fraction(rng.randint(1, 9), 10 ** k) * rng.choice((1, -1))
        xs = f"({x.numerator}/{x.denominator})"
        X = lambda: mpf(x.numerator) / x.denominator
        which = rng.randrange(4)
        if which == 0:
            return f"exp({xs}) - 1", lambda: mp.expm1(X())
        if which == 1:
            return f"sin({xs}) - {xs}", lambda: mp.sin(X()) - X()
        if which == 2:
            return f"1 - cos({xs})", lambda: 2 * mp.sin(X() / 2) ** 2
        return f"ln(1 + {xs})", lambda: mp.log1p(X())
    if r < 0.75:
        # Huge and tiny: exp(+-N), 1/3^N, ln of a huge number.
        which = rng.randrange(4)
        n = rng.randint(100, 20000)
        if which == 0:
            return f"exp({-n})", lambda: mp.exp(-n)
        if which == 1:
            return f"exp({n})", lambda: mp.exp(n)
        if which == 2:
            m = rng.randint(1000, 10 ** 6)
            return f"1/3^{m}", lambda: mpf(3) ** (-m)
        k = rng.randint(100, 2000)
        return f"ln(10^{k} + 1)", lambda: mp.log(mpf(10) ** k + 1)
    if r < 0.85:
        # Trigonometry of huge exact arguments.
        k = rng.randint(15, 60)
        a = rng.randrange(10 ** (k - 1), 10 ** k)
        name = rng.choice(("sin", "cos", "tan"))
        return f"{name}({a})", lambda: FUNCTIONS[name](mpf(a))
    if r < 0.93:
        # Powers: rational bases to rational and computed exponents, odd roots of negatives.
        b = rational(rng, 3, 2)
        p, q = rng.randint(-9, 9), rng.choice((3, 5, 7, 2, 4))
        if b.q < 0 and q % 2 == 0:
            b = Exact(b.text.replace("(-", "("), lambda b=b: -b.value(), -b.q)
        ex = Fraction(p, q)
        if ex.denominator == 1 or b.q == 0:
            return None
        def val(b=b, ex=ex):
            v = abs(b.value()) ** (mpf(ex.numerator) / ex.denominator)
            return -v if b.q < 0 and ex.numerator % 2 else v
        return f"{b.text}^({ex.numerator}/{ex.denominator})", val
    # Sums of two functions: scaled, possibly nearly cancelling.
    a, b = in_domain(rng, "sin"), in_domain(rng, "atan")
    if a is None or b is None:
        return None
    return f"3*sin({a.text}) - 2*atan({b.text})", lambda: 3 * mp.sin(a.value()) - 2 * mp.atan(b.value())


EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def rounded(v, ctx):
    """v (an mpf) rounded once to ctx's digits: v = y 10^E with y in [1, 10) at the working
    precision, and y converted to a Decimal exactly before the one rounding (a decimal
    string of v would round twice, wrong next to a tie)."""
    if v == 0:
        return decimal.Decimal(0)
    e = int(mp.floor(mp.log10(abs(v))))
    y = v / mpf(10) ** e
    sign, man, exp, _ = y._mpf_
    exact = decimal.Decimal(man * 5 ** -exp).scaleb(exp, EXACT) if exp < 0 else decimal.Decimal(man << exp)
    exact = ctx.plus(exact.copy_negate() if sign else exact)
    return exact.scaleb(e, ctx)


def reference(thunk, digits):
    """The exact value correctly rounded to `digits`, as a Decimal: mpmath at digits + 40,
    checked at twice that, so cancellation inside the thunk cannot go unnoticed."""
    ctx = decimal.Context(prec=digits, rounding=decimal.ROUND_HALF_EVEN, Emax=10 ** 9, Emin=-(10 ** 9))
    dps = max(60, digits + 40)
    last = None
    for _ in range(5):
        with mp.workdps(dps):
            v = thunk()
            d = rounded(v, ctx)
        if last is not None and d == last:
            return d
        last, dps = d, dps * 2
    raise RuntimeError("mpmath did not settle")


def run_dfdx(dfdx, statements, digits):
    script = f"set precision {digits}\n" + "".join(f"approx({s})\n" for s in statements)
    p = subprocess.run([dfdx, "--echo", "-"], input=script, capture_output=True, text=True, timeout=600)
    results, current = {}, None
    for line in p.stdout.splitlines():
        if line.startswith("> "):
            current = line[2:]
            continue
        if current is not None:
            results.setdefault(current, line)
    errors = {}
    lines = script.splitlines()
    for m in re.finditer(r"^<stdin>:(\d+):\d+: error: (.*)$", p.stderr, re.M):
        errors[lines[int(m.group(1)) - 1]] = m.group(2)
    return results, errors


GRAMMAR = re.compile(r"^-?\d(\.\d+)?(e[+-]\d{2,})?$|^-?0\.0{0,3}\d+$|^-?\d+(\.\d+)?$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dfdx")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--precisions", default="15,30,100")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = {}
    while len(cases) < args.count:
        c = case(rng)
        if c is not None:
            cases.setdefault(c[0], c[1])
    statements = list(cases)
    failures = 0
    for digits in (int(p) for p in args.precisions.split(",")):
        results, errors = run_dfdx(args.dfdx, statements, digits)
        for s in statements:
            key = f"approx({s})"
            want = reference(cases[s], digits)
            got = results.get(key)
            bad = None
            if got is None:
                bad = f"error: {errors.get(key, 'no output')}"
            elif not GRAMMAR.match(got) or len(got.lstrip("-").split("e")[0].replace(".", "").lstrip("0")) > digits:
                bad = "not %g-style with at most the precision's digits"
            elif decimal.Decimal(got) != want:
                bad = "wrong digits"
            if bad:
                failures += 1
                if failures <= 30:
                    print(f"FAIL precision {digits}: {key}\n  dfdx:  {got}\n  right: {want}\n  ({bad})")
        print(f"precision {digits}: {len(statements)} inputs checked")
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
