"""The textbook corpus (exercises.txt) and what compare.py and check_answers.py share:
reading the corpus, reading each tool's printed output into SymPy, the true derivative,
the sample points, and the value check.

Readings of dfdx syntax (the corpus and dfdx's own output):

  mode "opaque"   sigmoid, softplus, relu, step stay single functions (for sizes: dfdx
                  and the textbook answer written in dfdx's vocabulary);
  mode "peer"     they become their definitions written with functions every peer has:
                  sigmoid(u) = 1/(1 + exp(-u)), softplus(u) = ln(1 + exp(u)),
                  relu(u) = (u + abs(u))/2, step(u) = (1 + sign(u))/2
                  (the peers' input, and the textbook's size next to a peer's answer);
  mode "value"    the same definitions with Max and Heaviside, for values.

  roots "principal": u^(p/q) is SymPy's principal power (sizes; the peers' meaning);
  roots "real":      an odd root of a negative number is real, as dfdx means it (values).
"""
import math
import os
import random
import re
import sys

import sympy as sp

# ---------------------------------------------------------------------------- corpus


class Exercise:
    def __init__(self, number, line, section, expr, var, answer):
        self.number = number      # 1-based position in the corpus
        self.line = line          # line number in the file
        self.section = section
        self.expr = expr
        self.var = var
        self.answer = answer

    def __repr__(self):
        return f"{self.expr} | {self.var} | {self.answer}"


def read_exercises(path):
    exercises = []
    section = ""
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            text = raw.strip()
            if text.startswith("##"):
                section = text.lstrip("#").strip()
                continue
            text = text.split("#", 1)[0].strip()
            if not text:
                continue
            parts = [p.strip() for p in text.split("|")]
            if len(parts) != 3 or not all(parts):
                raise ValueError(f"{path}:{lineno}: expected 'EXPRESSION | VARIABLE | ANSWER'")
            exercises.append(Exercise(len(exercises) + 1, lineno, section, *parts))
    return exercises


# ---------------------------------------------------------------------------- parsing

# The reader of dfdx's plain syntax is the oracle's (tests/oracle/dfdx_sympy.py), given
# each tool's functions, constants and meaning of a^b.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "oracle"))
from dfdx_sympy import FUNCTIONS as DFDX_FUNCTIONS, ParseError, real_power  # noqa: E402
from dfdx_sympy import Parser as _Reader  # noqa: E402


def principal_power(base, exponent):
    return sp.Pow(base, exponent)


def Parser(text, functions, constants, power, symbols):
    """A reader of `text` with these functions, constants and powers (see dfdx_sympy)."""
    return _Reader(text, symbols, functions, constants, power)


def _log(a, b=None):
    return sp.log(a) if b is None else sp.log(a) / sp.log(b)


# The functions every tool spells as dfdx does, with the oracle's SymPy meanings.
COMMON = {name: DFDX_FUNCTIONS[name] for name in (
    "sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan", "acot", "asec", "acsc",
    "atan2", "sinh", "cosh", "tanh", "coth", "sech", "csch", "asinh", "acosh", "atanh",
    "acoth", "asech", "acsch", "exp", "sqrt", "abs")}

OPAQUE = {name: sp.Function(name) for name in ("sigmoid", "softplus", "relu", "step")}

PEER_DEFINITIONS = {
    "sigmoid": lambda u: 1 / (1 + sp.exp(-u)),
    "softplus": lambda u: sp.log(1 + sp.exp(u)),
    "relu": lambda u: (u + sp.Abs(u)) / 2,
    "step": lambda u: (1 + sp.sign(u)) / 2,
}

VALUE_DEFINITIONS = {
    "sigmoid": lambda u: 1 / (1 + sp.exp(-u)),
    "softplus": lambda u: sp.log(1 + sp.exp(u)),
    "relu": lambda u: sp.Max(0, u),
    "step": sp.Heaviside,
}


def parse_dfdx(text, symbols, mode="opaque", roots="principal"):
    """dfdx syntax (the corpus and dfdx's plain output) into SymPy."""
    power = real_power if roots == "real" else principal_power
    functions = dict(COMMON)
    functions.update({
        "ln": sp.log, "log": _log,
        "log10": lambda a: sp.log(a) / sp.log(10), "log2": lambda a: sp.log(a) / sp.log(2),
        "cbrt": lambda a: power(a, sp.Rational(1, 3)), "pow": power, "sign": sp.sign,
    })
    functions.update({"opaque": OPAQUE, "peer": PEER_DEFINITIONS, "value": VALUE_DEFINITIONS}[mode])
    return Parser(text, functions, {"pi": sp.pi, "e": sp.E}, power, symbols).parse()


# ginsh writes the derivative of csgn and step (0 away from 0) as D[0](csgn)(u).
GINSH_ZERO_DERIVATIVE = re.compile(r"D\[\d+\]\((?:csgn|step|abs)\)")


def parse_ginsh(text, symbols):
    functions = dict(COMMON)
    functions.update({
        "log": sp.log, "csgn": sp.sign, "conjugate": lambda u: u,   # real symbols
        "step": sp.Heaviside, "zeroed": lambda *a: sp.Integer(0),
    })
    text = GINSH_ZERO_DERIVATIVE.sub("zeroed", text)
    constants = {"Pi": sp.pi, "I": sp.I, "Euler": sp.EulerGamma, "Catalan": sp.Catalan}
    return Parser(text, functions, constants, principal_power, symbols).parse()


def _maxima_noun_diff(expr, *rest):
    # 'diff(signum(u), x, 1): the derivative of signum, 0 away from 0.
    if expr.has(sp.sign):
        return sp.Integer(0)
    raise ParseError("Maxima left a derivative unevaluated")


def parse_maxima(text, symbols):
    functions = dict(COMMON)
    functions.update({"log": sp.log, "signum": sp.sign, "noun_diff": _maxima_noun_diff,
                      "realpart": sp.re, "imagpart": sp.im})
    text = text.replace("'diff", "noun_diff")
    constants = {"%e": sp.E, "%pi": sp.pi, "%i": sp.I}
    return Parser(text, functions, constants, principal_power, symbols).parse()


# ---------------------------------------------------------------------------- printing for peers

def _rewrite_for_ginsh(expr):
    """GiNaC has no sec, csc, cot, their inverses, nor the reciprocal hyperbolics."""
    rules = [
        (sp.sec, lambda u: 1 / sp.cos(u)), (sp.csc, lambda u: 1 / sp.sin(u)),
        (sp.cot, lambda u: 1 / sp.tan(u)), (sp.coth, lambda u: 1 / sp.tanh(u)),
        (sp.sech, lambda u: 1 / sp.cosh(u)), (sp.csch, lambda u: 1 / sp.sinh(u)),
        (sp.acot, lambda u: sp.atan(1 / u)), (sp.asec, lambda u: sp.acos(1 / u)),
        (sp.acsc, lambda u: sp.asin(1 / u)), (sp.acoth, lambda u: sp.atanh(1 / u)),
        (sp.asech, lambda u: sp.acosh(1 / u)), (sp.acsch, lambda u: sp.asinh(1 / u)),
    ]
    for f, g in rules:
        expr = expr.replace(f, g)
    return expr


def _rename(text, names):
    return re.sub(r"\b[A-Za-z_][A-Za-z_0-9]*\b", lambda m: names.get(m.group(0), m.group(0)), text)


def to_ginsh(expr):
    text = sp.sstr(_rewrite_for_ginsh(expr)).replace("**", "^")
    return _rename(text, {"pi": "Pi", "E": "exp(1)", "Abs": "abs", "sign": "csgn"})


def to_maxima(expr):
    text = sp.sstr(expr).replace("**", "^")
    return _rename(text, {"pi": "%pi", "E": "%e", "Abs": "abs", "sign": "signum"})


# ---------------------------------------------------------------------------- values

def value(expr, point):
    """The complex value of expr at point (30 digits), or None where it is undefined."""
    try:
        v = expr.evalf(30, subs=point)
        if v.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            return None
        c = complex(v)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, AttributeError, RecursionError):
        return None
    if not (math.isfinite(c.real) and math.isfinite(c.imag)) or abs(c) > 1e100:
        return None
    return c


def real_value(expr, point):
    c = value(expr, point)
    if c is None or abs(c.imag) > 1e-15 * max(1.0, abs(c.real)):
        return None
    return c.real


BOXES = [(0.1, 0.9), (1.1, 2.9), (-2.9, -0.1), (-2.0, 2.0)]


def sample_points(exercise, f_value, f_real, truth, symbols, wanted=6, tries=40):
    """Points (two-decimal rationals) where the exercise is real under both readings of
    roots, the two readings agree, and the true derivative is real and finite."""
    rng = random.Random(1000 + exercise.number)
    names = sorted(str(s) for s in (f_value.free_symbols | f_real.free_symbols | {symbols[exercise.var]}))
    points = []
    for i in range(tries):
        lo, hi = BOXES[i % len(BOXES)]
        point = {symbols.setdefault(n, sp.Symbol(n, real=True)):
                 sp.Rational(round(rng.uniform(lo, hi) * 100), 100) for n in names}
        if any(v == 0 for v in point.values()):
            continue
        a, b, t = real_value(f_value, point), real_value(f_real, point), real_value(truth, point)
        if a is None or b is None or t is None or abs(a - b) > 1e-12 * max(1.0, abs(a)):
            continue
        points.append((point, t))
        if len(points) >= wanted:
            break
    return points


def agrees(expr, points, tolerance=1e-8):
    """(True, None) if expr equals the true derivative at every point, else (False, why)."""
    for point, t in points:
        v = value(expr, point)
        where = ", ".join(f"{k}={float(x):g}" for k, x in point.items())
        if v is None:
            return False, f"undefined at {where}"
        if abs(v - t) > tolerance * max(1.0, abs(t)):
            return False, f"{complex(v):.10g} != {t:.10g} at {where}"
    return True, None


def ops(expr):
    return int(sp.count_ops(expr, visual=False))
