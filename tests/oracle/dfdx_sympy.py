# Reads dfdx's plain output syntax back into SymPy, with dfdx's real-valued meanings:
# cbrt and odd roots are real (x^(2/3) = cbrt(x)^2 for x < 0), sigmoid, softplus, relu,
# step spelled out. Grammar: sum := product (('+'|'-') product)*; product := unary
# (('*'|'/') unary)*; unary := '-' unary | power; power := atom ('^' unary)?.
import re

import sympy as sp

# Names may start with `%` (Maxima's %pi, %e), so that other tools' output reads too.
TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|(%?[A-Za-z_][A-Za-z_0-9]*)|(.))")


def real_power(base, exponent):
    """base^exponent as dfdx means it: a rational exponent with an odd denominator is a
    real root, so negative bases give real values."""
    if isinstance(exponent, sp.Rational) and not isinstance(exponent, sp.Integer) and exponent.q % 2 == 1:
        return sp.sign(base) ** (exponent.p % 2) * sp.Abs(base) ** exponent
    return sp.Pow(base, exponent)


def _log(a, b=None):
    return sp.log(a) if b is None else sp.log(a) / sp.log(b)


FUNCTIONS = {
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "cot": sp.cot, "sec": sp.sec, "csc": sp.csc,
    "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "acot": sp.acot, "asec": sp.asec,
    "acsc": sp.acsc, "atan2": sp.atan2, "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh,
    "coth": sp.coth, "sech": sp.sech, "csch": sp.csch, "asinh": sp.asinh, "acosh": sp.acosh,
    "atanh": sp.atanh, "acoth": sp.acoth, "asech": sp.asech, "acsch": sp.acsch,
    "exp": sp.exp, "ln": sp.log, "log": _log, "log10": lambda a: sp.log(a) / sp.log(10),
    "log2": lambda a: sp.log(a) / sp.log(2), "sqrt": sp.sqrt,
    "cbrt": lambda a: real_power(a, sp.Rational(1, 3)), "pow": real_power,
    "abs": sp.Abs, "sign": sp.sign, "relu": lambda a: sp.Max(0, a),
    "step": sp.Heaviside,
    "sigmoid": lambda a: 1 / (1 + sp.exp(-a)), "softplus": lambda a: sp.log(1 + sp.exp(a)),
}
CONSTANTS = {"pi": sp.pi, "e": sp.E}


class ParseError(ValueError):
    pass


class Parser:
    """The grammar above over `functions` and `constants` (dfdx's by default), with
    `power` building a^b (dfdx's real odd roots by default)."""

    def __init__(self, text, symbols, functions=None, constants=None, power=None):
        self.tokens = []
        for m in TOKEN.finditer(text):
            if m.group(1):
                self.tokens.append(("num", m.group(1)))
            elif m.group(2):
                self.tokens.append(("name", m.group(2)))
            elif m.group(3) and not m.group(3).isspace():
                self.tokens.append(("op", m.group(3)))
        self.pos = 0
        self.symbols = symbols
        self.functions = FUNCTIONS if functions is None else functions
        self.constants = CONSTANTS if constants is None else constants
        self.power_fn = real_power if power is None else power

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", "")

    def take(self, value=None):
        tok = self.peek()
        if value is not None and tok[1] != value:
            raise ParseError(f"expected {value!r}, got {tok[1]!r}")
        self.pos += 1
        return tok

    def parse(self):
        e = self.sum()
        if self.peek()[0] != "end":
            raise ParseError(f"unexpected {self.peek()[1]!r}")
        return e

    def sum(self):
        e = self.product()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            r = self.product()
            e = e + r if op == "+" else e - r
        return e

    def product(self):
        e = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            r = self.unary()
            e = e * r if op == "*" else e / r
        return e

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek() == ("op", "^"):
            self.take()
            return self.power_fn(base, self.unary())
        return base

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return sp.Rational(value)
        if kind == "op" and value == "(":
            e = self.sum()
            self.take(")")
            return e
        if kind == "name":
            if self.peek() == ("op", "("):
                if value not in self.functions:
                    raise ParseError(f"unknown function {value}")
                self.take()
                args = [self.sum()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.sum())
                self.take(")")
                return self.functions[value](*args)
            if value in self.constants:
                return self.constants[value]
            if value.startswith("%"):
                raise ParseError(f"unknown constant {value}")
            return self.symbols.setdefault(value, sp.Symbol(value, real=True))
        raise ParseError(f"unexpected {value!r}")


def parse(text, symbols=None):
    """The SymPy expression for dfdx plain text; `symbols` maps names to SymPy symbols."""
    return Parser(text, {} if symbols is None else symbols).parse()
