#!/usr/bin/env python3
"""Checks every hand-written textbook answer of bench/textbook/exercises.txt against SymPy.

    python3 bench/textbook/check_answers.py [--corpus FILE] [--symbolic] [--verbose]

An answer passes when it equals SymPy's diff of the exercise at 3 to 6 sample points
(30 digits, 1e-8 relative) where the exercise is real. With --symbolic it must also pass
simplify(diff - answer) == 0, or the numeric check alone is reported (SymPy cannot prove
every identity, e.g. with abs or odd roots). Exits 1 if any answer is wrong or has fewer
than 3 sample points.
"""
import argparse
import os
import signal
import sys

import sympy as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(HERE, "exercises.txt"))
    ap.add_argument("--symbolic", action="store_true", help="also try simplify(diff - answer) == 0")
    ap.add_argument("--timeout", type=int, default=10, help="seconds per simplify (default 10)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    exercises = corpus.read_exercises(args.corpus)
    signal.signal(signal.SIGALRM, _alarm)
    bad = 0
    proved = numeric_only = 0
    sections = {}
    for ex in exercises:
        sections[ex.section] = sections.get(ex.section, 0) + 1
        symbols = {}
        try:
            f_value = corpus.parse_dfdx(ex.expr, symbols, "value", "principal")
            f_real = corpus.parse_dfdx(ex.expr, symbols, "value", "real")
            answer = corpus.parse_dfdx(ex.answer, symbols, "value", "real")
            answer_principal = corpus.parse_dfdx(ex.answer, symbols, "value", "principal")
        except corpus.ParseError as err:
            print(f"line {ex.line}: cannot read: {err}: {ex}")
            bad += 1
            continue
        var = symbols.setdefault(ex.var, sp.Symbol(ex.var, real=True))
        truth = sp.diff(f_value, var)
        points = corpus.sample_points(ex, f_value, f_real, truth, symbols)
        if len(points) < 3:
            print(f"line {ex.line}: only {len(points)} sample points: {ex}")
            bad += 1
            continue
        ok, why = corpus.agrees(answer, points)
        if not ok:
            print(f"line {ex.line}: WRONG ({why}): {ex}\n    SymPy: {truth}")
            bad += 1
            continue
        if args.symbolic:
            signal.alarm(args.timeout)
            try:
                zero = sp.simplify(truth - answer_principal) == 0
            except Timeout:
                zero = False
            finally:
                signal.alarm(0)
            if zero:
                proved += 1
            else:
                numeric_only += 1
                if args.verbose:
                    print(f"line {ex.line}: numeric agreement only (simplify did not reach 0): {ex}")
        if args.verbose:
            print(f"line {ex.line}: ok at {len(points)} points: {ex}")
    print(f"{len(exercises)} exercises in {len(sections)} sections: "
          + ", ".join(f"{k} {v}" for k, v in sections.items()))
    if args.symbolic:
        print(f"simplify(diff - answer) == 0 for {proved}; numeric agreement only for {numeric_only}")
    print(f"{len(exercises) - bad} answers agree with SymPy, {bad} do not")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
