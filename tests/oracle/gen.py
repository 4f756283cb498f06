# Seeded random expressions of depth 4 for the SymPy differential test: each one written
# in dfdx syntax, in SymPy syntax (as a SymPy user would type it), and in a real-valued
# SymPy form that matches dfdx's real odd roots (cbrt(-8) = -2, (-8)^(2/3) = 4).
"""Usage: gen.py [--seed N] [--count N]  prints `dfdx<TAB>sympy` lines."""

import argparse
import random
from dataclasses import dataclass

# Unary built-ins of the list; each has a dfdx name and a SymPy spelling.
UNARY = ["sin", "cos", "tan", "exp", "ln", "sqrt", "atan", "sinh", "cosh", "tanh",
         "sigmoid", "softplus", "asin", "acos", "cbrt"]
# Rational exponents: integers, square roots, odd roots (real for negative bases).
EXPONENTS = [(2, 1), (3, 1), (-1, 1), (-2, 1), (1, 2), (3, 2), (-1, 2), (1, 3),
             (2, 3), (-1, 3), (-2, 3), (4, 3), (2, 5)]
# Inner functions whose values lie in (-1, 1) or (0, 1), to keep asin/acos defined.
BOUNDED = ["sin", "cos", "tanh", "sigmoid"]
# Inner functions that are positive, to keep ln and sqrt defined more often.
POSITIVE = ["exp", "cosh", "sigmoid", "softplus"]


@dataclass
class Node:
    op: str              # "var", "num", a UNARY name, "+", "-", "*", "/", "pow", "rpow"
    args: tuple = ()
    value: str = ""      # the variable name, or the number
    p: int = 1           # rpow: exponent p/q
    q: int = 1


class Generator:
    """One expression per seed: Generator(seed).expression() is reproducible."""

    def __init__(self, seed, variables=("x", "y", "z"), weights=(4, 4, 1)):
        self.rng = random.Random(f"dfdx-oracle-{seed}")
        self.variables = variables
        self.weights = weights

    def leaf(self):
        if self.rng.random() < 0.1:
            return Node("num", value=str(self.rng.randint(2, 5)))
        return Node("var", value=self.rng.choices(self.variables, self.weights)[0])

    def expression(self, depth=4):
        """A tree whose longest path has `depth` nodes (leaves count as one)."""
        if depth <= 1:
            return self.leaf()
        r = self.rng.random()
        if r < 0.45:
            name = self.rng.choice(UNARY)
            return Node(name, (self.argument(name, depth - 1),))
        if r < 0.80:
            op = self.rng.choice("+-*/")
            if op == "*" and self.rng.random() < 0.3:  # x (a)^n, written juxtaposed (to_dfdx)
                p = self.rng.choice([2, 3, -1])
                return Node("*", (self.leaf(), Node("rpow", (self.expression(depth - 1),), p=p, q=1)))
            a, b = self.expression(depth - 1), self.expression(self.rng.randint(1, depth - 1))
            return Node(op, (a, b) if self.rng.random() < 0.5 else (b, a))
        if r < 0.90:
            p, q = self.rng.choice(EXPONENTS)
            return Node("rpow", (self.expression(depth - 1),), p=p, q=q)
        kind = self.rng.random()
        if kind < 0.4:   # a^b with both variable
            return Node("pow", (self.positive(depth - 1), self.expression(self.rng.randint(1, depth - 1))))
        if kind < 0.7:   # 2^a, 3^a
            return Node("pow", (Node("num", value=self.rng.choice(["2", "3"])), self.expression(depth - 1)))
        return Node("pow", (self.leaf_var(), self.expression(depth - 1)))  # x^a

    def leaf_var(self):
        return Node("var", value=self.rng.choices(self.variables, self.weights)[0])

    def argument(self, name, depth):
        """The argument of a unary function, steered into its domain half of the time."""
        if depth >= 2 and self.rng.random() < 0.5:
            if name in ("asin", "acos"):
                return Node(self.rng.choice(BOUNDED), (self.expression(depth - 1),))
            if name in ("ln", "sqrt"):
                return self.positive(depth)
        return self.expression(depth)

    def positive(self, depth):
        if depth >= 2 and self.rng.random() < 0.5:
            return Node(self.rng.choice(POSITIVE), (self.expression(depth - 1),))
        return self.expression(depth)


def to_dfdx(n, names=frozenset()):
    """dfdx plain syntax, parenthesised so that precedence never matters. A number, or a
    variable in `names` (the variables of the statement, SPEC §2), before a power of a
    bracket is written juxtaposed."""
    return _to_dfdx(n, names)


def _to_dfdx(n, names):
    to_dfdx = lambda m: _to_dfdx(m, names)
    match n.op:
        case "var" | "num":
            return n.value
        case "*" if n.args[1].op in ("rpow", "pow") and (
                n.args[0].op == "num" or (n.args[0].op == "var" and n.args[0].value in names)):
            # Juxtaposed, as people write it: `x (1 + y)^3` is x*(1 + y)^3. Issue 13: dfdx
            # read it as (x*(1 + y))^3, a wrong derivative, and no generated shape caught it.
            return f"({to_dfdx(n.args[0])} {to_dfdx(n.args[1])})"
        case "+" | "-" | "*" | "/":
            return f"({to_dfdx(n.args[0])} {n.op} {to_dfdx(n.args[1])})"
        case "pow":
            return f"({to_dfdx(n.args[0])})^({to_dfdx(n.args[1])})"
        case "rpow":
            e = str(n.p) if n.q == 1 else f"({n.p}/{n.q})"
            return f"({to_dfdx(n.args[0])})^{e}"
        case _:
            return f"{n.op}({to_dfdx(n.args[0])})"


SYMPY_UNARY = {"ln": "log", "cbrt": "cbrt"}


def to_sympy(n, real=False):
    """SymPy syntax. real=False: as a SymPy user writes it (x**(2/3), cbrt(x), sigmoid as
    1/(1 + exp(-a))). real=True: odd roots as real roots (rroot(a, p, q)), matching dfdx."""
    s = lambda m: to_sympy(m, real)
    match n.op:
        case "var" | "num":
            return n.value
        case "+" | "-" | "*" | "/":
            return f"({s(n.args[0])} {n.op} {s(n.args[1])})"
        case "pow":
            return f"({s(n.args[0])})**({s(n.args[1])})"
        case "rpow":
            if real and n.q % 2 == 1 and n.q != 1:
                return f"rroot({s(n.args[0])}, {n.p}, {n.q})"
            return f"({s(n.args[0])})**({n.p}/{n.q})" if n.q != 1 else f"({s(n.args[0])})**({n.p})"
        case "sigmoid":
            return f"(1/(1 + exp(-({s(n.args[0])}))))"
        case "softplus":
            return f"log(1 + exp({s(n.args[0])}))"
        case "cbrt" if real:
            return f"rroot({s(n.args[0])}, 1, 3)"
        case _:
            return f"{SYMPY_UNARY.get(n.op, n.op)}({s(n.args[0])})"


def evaluate(n, point):
    """The value of the tree at a point ({name: mpf}) with dfdx's real meanings, or None
    when any subexpression is undefined there (the point is outside the domain)."""
    import mpmath as mp
    args = []
    for a in n.args:
        v = evaluate(a, point)
        if v is None:
            return None
        args.append(v)
    try:
        v = _value(n, args, point, mp)
    except (ZeroDivisionError, ValueError, OverflowError):
        return None
    if v is None or isinstance(v, mp.mpc) or not mp.isfinite(v) or abs(v) > mp.mpf(10) ** 100:
        return None
    return v


def _value(n, a, point, mp):
    match n.op:
        case "var":
            return point[n.value]
        case "num":
            return mp.mpf(n.value)
        case "+": return a[0] + a[1]
        case "-": return a[0] - a[1]
        case "*": return a[0] * a[1]
        case "/": return a[0] / a[1]
        case "pow":
            return a[0] ** a[1] if a[0] > 0 else None
        case "rpow":
            if a[0] == 0 and n.p < 0:
                return None
            if a[0] < 0 and n.q % 2 == 0:
                return None
            root = mp.sign(a[0]) ** (n.p % 2) * abs(a[0]) ** (mp.mpf(n.p) / n.q)
            return root
        case "ln":
            return mp.log(a[0]) if a[0] > 0 else None
        case "sqrt":
            return mp.sqrt(a[0]) if a[0] >= 0 else None
        case "asin" | "acos":
            return getattr(mp, n.op)(a[0]) if -1 <= a[0] <= 1 else None
        case "cbrt":
            return mp.sign(a[0]) * mp.cbrt(abs(a[0]))
        case "sigmoid":
            return 1 / (1 + mp.exp(-a[0]))
        case "softplus":
            return mp.log(1 + mp.exp(a[0]))
        case _:
            return getattr(mp, n.op)(a[0])


def tree(seed):
    """The expression tree for `seed`."""
    return Generator(seed).expression()


def dfdx_text(seed, names=()):
    """The dfdx text of the expression for `seed`, juxtaposing the variables `names`."""
    return to_dfdx(tree(seed), frozenset(names))


def case(seed):
    """(dfdx text, SymPy text, real-valued SymPy text) of the expression for `seed`."""
    t = tree(seed)
    return to_dfdx(t), to_sympy(t), to_sympy(t, real=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=10)
    args = ap.parse_args()
    for seed in range(args.seed, args.seed + args.count):
        d, s, _ = case(seed)
        print(f"{d}\t{s}")


if __name__ == "__main__":
    main()
