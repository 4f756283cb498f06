#!/usr/bin/env python3
"""How close each tool's derivative is to the textbook's answer (issue 12, item 5).

    python3 bench/textbook/compare.py [--dfdx build/dfdx] [--verbose]
    python3 bench/textbook/compare.py --check-dfdx [--dfdx build/dfdx]

For every exercise of bench/textbook/exercises.txt (EXPRESSION | VARIABLE | ANSWER) it
gets the derivative from

  dfdx     `diff(EXPRESSION, VARIABLE)`, every exercise in one process (`--echo`);
  SymPy    `simplify(diff(E, v))`, over real symbols, with a per-exercise time limit;
  ginsh    `normal(diff(E, v))` after `real_symbols`, one process (address
           randomisation off, so that GiNaC's term order is the same every run);
  Maxima   `ratsimp(diff(E, v))` with `display2d:false`, one batch run;

reads each printed answer back into SymPy and counts its operations with SymPy's
`count_ops`, next to the textbook answer's. The peers have no sigmoid, softplus, relu or
step: they get the definitions (sigmoid(u) = 1/(1 + exp(-u)), softplus(u) = ln(1 + exp(u)),
relu(u) = (u + abs(u))/2, step(u) = (1 + sign(u))/2), and their answers are measured
against the textbook answer written with the same definitions. GiNaC also lacks sec, csc,
cot, their inverses and the reciprocal hyperbolics: ginsh gets 1/cos(u), acos(1/u), ...

Every answer is also checked against the true derivative (SymPy's diff of the exercise) at
3 to 6 sample points, to 1e-8 relative at 30 digits. An answer that is missing (error,
time-out, unreadable) or wrong counts as longer than the textbook's; in the median size
ratio a missing answer counts as infinitely long (the mean is over the answers given).
The size ratio is max(ops(tool), 1) / max(ops(textbook), 1).

--check-dfdx runs dfdx alone and exits 1 if any dfdx answer is missing or not equal to the
true derivative (lengths are reported, never a failure).
"""
import argparse
import multiprocessing
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import sympy as sp

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import corpus  # noqa: E402

TOOLS = ["dfdx", "sympy", "ginsh", "maxima"]
TITLES = {"dfdx": "dfdx", "sympy": "SymPy `simplify(diff)`", "ginsh": "ginsh `normal(diff)`",
          "maxima": "Maxima `ratsimp(diff)`"}
MARK = 7770000


# ---------------------------------------------------------------------------- running the tools

class Answer:
    """What a tool printed for one exercise: text, or None with a note."""

    def __init__(self, text=None, note=None):
        self.text = text
        self.note = note


def run_dfdx(binary, exercises, timeout):
    statements = [f"diff({ex.expr}, {ex.var})" for ex in exercises]
    cmd = [binary, "--echo", "--format", "plain", "--no-history", "--timeout", "10"]
    try:
        proc = subprocess.run(cmd, input="\n".join(statements) + "\n", capture_output=True,
                              text=True, timeout=timeout)
        stdout, stderr = proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        stderr = "dfdx timed out"
    blocks = []
    for line in stdout.splitlines():
        if line.startswith("> "):
            blocks.append([])
        elif blocks and line.strip():
            blocks[-1].append(line.strip())
    errors = {}   # statement line -> first line of its error message ("<stdin>:LINE:COL: error: ...")
    for line in stderr.splitlines():
        m = re.match(r"<stdin>:(\d+):(?:\d+:)?\s*(.*)", line)
        if m:
            errors.setdefault(int(m.group(1)), m.group(2))
    answers = []
    for i, ex in enumerate(exercises):
        if i >= len(blocks):
            answers.append(Answer(note="dfdx stopped before this statement: " + stderr.strip()[-300:]))
        elif len(blocks[i]) == 1:
            answers.append(Answer(blocks[i][0]))
        elif not blocks[i]:
            answers.append(Answer(note="dfdx error: " + errors.get(i + 1, "(nothing on stderr)")))
        else:
            answers.append(Answer(note="dfdx printed several lines: " + " / ".join(blocks[i])))
    return answers


QUESTION = re.compile(r"\?\s*$")   # Maxima asking "Is x positive, negative or zero?"
MAX_LINES = 100000


def _stream(cmd, script, timeout, stop_on_question):
    """Runs cmd with script on stdin; returns (stdout, problem). Stops the process after
    `timeout` seconds, on runaway output, or (Maxima) when it asks a question: in batch
    mode with no terminal it would ask again forever."""
    with tempfile.TemporaryFile("w+") as f:
        f.write(script)
        f.seek(0)
        try:
            proc = subprocess.Popen(cmd, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    text=True)
        except OSError as err:
            return "", f"could not run: {err}"
        expired = threading.Event()

        def stop():
            expired.set()
            proc.kill()
        timer = threading.Timer(timeout, stop)
        timer.start()
        lines, problem = [], None
        try:
            for line in proc.stdout:
                if stop_on_question and QUESTION.search(line) and not line.startswith(("@@", "print(")):
                    problem = "asked a question: " + line.strip()
                    break
                lines.append(line)
                if len(lines) > MAX_LINES:
                    problem = "printed too much"
                    break
        finally:
            timer.cancel()
            if proc.poll() is None:
                proc.kill()
            proc.wait()
        if problem is None and expired.is_set():
            problem = f"stopped after {timeout} s"
        return "".join(lines), problem


def _run_restartable(count, script, cmd, parse, timeout, stop_on_question, name):
    """Runs every exercise in one process; when the process has to be stopped on one
    exercise, that one is noted and a new process takes the rest.
    parse(stdout) -> ({index: Answer}, index the process was working on, or None)."""
    answers = {}
    remaining = list(range(count))
    while remaining:
        stdout, problem = _stream(cmd, script(remaining), timeout, stop_on_question)
        found, working_on = parse(stdout)
        for i in remaining:
            if i in found:
                answers[i] = found[i]
        if problem is None or working_on not in remaining:
            for i in remaining:
                answers.setdefault(i, Answer(note=f"{name} {problem or 'printed nothing'}"))
            break
        answers[working_on] = Answer(note=f"{name} {problem}")
        remaining = remaining[remaining.index(working_on) + 1:]
    return [answers[i] for i in range(count)]


def run_ginsh(peer_inputs, exercises, timeout):
    if not shutil.which("ginsh"):
        return [Answer(note="ginsh not found") for _ in exercises]

    def script(indices):
        lines = ["real_symbols;"]
        for i in indices:
            lines.append(f"{MARK + i};")
            lines.append(f"normal(diff({corpus.to_ginsh(peer_inputs[i])}, {exercises[i].var}));")
        return "\n".join(lines) + "\n"

    def parse(stdout):
        found, current = {}, None
        for line in stdout.splitlines():
            s = line.strip()
            if s.isdigit() and MARK <= int(s) < MARK + len(exercises):
                current = int(s) - MARK
                found[current] = []
            elif current is not None and s:
                found[current].append(s)
        answers = {}
        for i, got in found.items():
            if len(got) == 1:
                answers[i] = Answer(got[0])
            else:
                answers[i] = Answer(note="ginsh error" if not got else "ginsh printed several lines")
        return answers, current   # the marker comes first: the last one seen is in progress

    # GiNaC orders terms by hash values that depend on where objects land in memory, so
    # ginsh prints the same result in different orders from run to run (and count_ops of
    # the reading differs by one now and then); with address randomisation off it is stable.
    cmd = ["ginsh"]
    if shutil.which("setarch"):
        norandom = ["setarch", platform.machine(), "-R", "ginsh"]
        if _stream(norandom, "1+1;\n", 30, False)[0].strip() == "2":
            cmd = norandom
    return _run_restartable(len(exercises), script, cmd, parse, timeout, False, "ginsh")


def run_maxima(peer_inputs, exercises, timeout):
    if not shutil.which("maxima"):
        return [Answer(note="maxima not found") for _ in exercises]
    with tempfile.NamedTemporaryFile("w", suffix=".mac", delete=False) as f:
        path = f.name

    def script(indices):
        # `maxima -b FILE` runs the batch file; stdin stays empty, so a question is seen
        # (and the process stopped) instead of taking the next line as its answer.
        lines = ["display2d:false$", "linel:100000$"]
        for i in indices:
            lines.append(f'print("@@", {i}, string(errcatch(ratsimp(diff({corpus.to_maxima(peer_inputs[i])}, '
                         f'{exercises[i].var})))))$')
        with open(path, "w") as g:
            g.write("\n".join(lines) + "\n")
        return ""

    def parse(stdout):
        answers, last = {}, None
        for line in stdout.splitlines():
            if not line.startswith("@@ "):
                continue
            _, num, rest = line.split(" ", 2)
            i, got = int(num), rest.strip()
            last = i
            if got in ("[]", ""):
                answers[i] = Answer(note="maxima error")
            elif got.startswith("[") and got.endswith("]"):
                answers[i] = Answer(got[1:-1])
            else:
                answers[i] = Answer(note="maxima printed " + got[:100])
        return answers, last   # resolved below: Maxima prints when done

    def parse_in_progress(stdout):
        answers, last = parse(stdout)
        pending = [i for i in range(len(exercises)) if i not in answers and (last is None or i > last)]
        return answers, (pending[0] if pending else None)

    try:
        return _run_restartable(len(exercises), script, ["maxima", "--very-quiet", "-b", path],
                                parse_in_progress, timeout, True, "maxima")
    finally:
        os.unlink(path)


# ---------------------------------------------------------------------------- one exercise

class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def _worker_init():
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def analyse(task):
    """Sizes and correctness of every tool's answer to one exercise."""
    ex, answers, tools, timeout = task
    symbols = {}
    f_value = corpus.parse_dfdx(ex.expr, symbols, "value", "principal")
    f_real = corpus.parse_dfdx(ex.expr, symbols, "value", "real")
    f_peer = corpus.parse_dfdx(ex.expr, symbols, "peer", "principal")
    var = symbols.setdefault(ex.var, sp.Symbol(ex.var, real=True))
    truth = sp.diff(f_value, var)
    points = corpus.sample_points(ex, f_value, f_real, truth, symbols)
    textbook = {
        "opaque": corpus.ops(corpus.parse_dfdx(ex.answer, symbols, "opaque", "principal")),
        "peer": corpus.ops(corpus.parse_dfdx(ex.answer, symbols, "peer", "principal")),
    }
    textbook_ok, _ = corpus.agrees(corpus.parse_dfdx(ex.answer, symbols, "value", "real"), points)
    out = {"points": len(points), "textbook_ops": textbook, "textbook_ok": textbook_ok}

    for tool in tools:
        r = {"text": None, "status": "failed", "note": None, "ops": None,
             "textbook_ops": textbook["opaque" if tool == "dfdx" else "peer"]}
        out[tool] = r
        try:
            if tool == "sympy":
                signal.alarm(timeout)
                try:
                    expr = sp.simplify(sp.diff(f_peer, var))
                finally:
                    signal.alarm(0)
                r["text"] = sp.sstr(expr)
                size_expr = value_expr = expr
            else:
                a = answers[tool]
                r["text"], r["note"] = a.text, a.note
                if a.text is None:
                    continue
                if tool == "dfdx":
                    size_expr = corpus.parse_dfdx(a.text, symbols, "opaque", "principal")
                    value_expr = corpus.parse_dfdx(a.text, symbols, "value", "real")
                elif tool == "ginsh":
                    size_expr = value_expr = corpus.parse_ginsh(a.text, symbols)
                else:
                    size_expr = value_expr = corpus.parse_maxima(a.text, symbols)
        except Timeout:
            r["status"], r["note"] = "timeout", f"simplify took more than {timeout} s"
            continue
        except corpus.ParseError as err:
            r["note"] = f"unreadable ({err})"
            continue
        except Exception as err:  # a peer's own failure (SymPy raising) is counted, not fatal
            r["note"] = f"{type(err).__name__}: {err}"[:200]
            continue
        r["ops"] = corpus.ops(size_expr)
        ok, why = corpus.agrees(value_expr, points)
        r["status"] = "ok" if ok else "wrong"
        if not ok:
            r["note"] = why
    return out


# ---------------------------------------------------------------------------- report

def ratio(r):
    if r["ops"] is None:
        return float("inf")
    return max(r["ops"], 1) / max(r["textbook_ops"], 1)


def no_longer(r):
    return r["status"] == "ok" and r["ops"] <= r["textbook_ops"]


def versions(binary, tools):
    def dpkg(pkg):
        try:
            return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True,
                                  text=True, timeout=10).stdout.strip() or "?"
        except (OSError, subprocess.TimeoutExpired):
            return "?"
    v = {}
    if "dfdx" in tools:
        try:
            v["dfdx"] = subprocess.run([binary, "--version"], capture_output=True, text=True,
                                       timeout=10).stdout.strip()
        except OSError:
            v["dfdx"] = "dfdx ?"
    if "sympy" in tools:
        v["sympy"] = f"SymPy {sp.__version__}"
    if "ginsh" in tools:
        v["ginsh"] = f"ginsh (ginac-tools {dpkg('ginac-tools')})"
    if "maxima" in tools:
        v["maxima"] = f"Maxima {dpkg('maxima')}"
    return v


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dfdx", default=os.path.join(ROOT, "build", "dfdx"), help="dfdx binary (default build/dfdx)")
    ap.add_argument("--corpus", default=os.path.join(HERE, "exercises.txt"))
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS))
    ap.add_argument("--timeout", type=int, default=20, help="seconds for SymPy's simplify of one exercise (default 20)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the SymPy work (default 2)")
    ap.add_argument("--verbose", action="store_true",
                    help="list every exercise where dfdx is longer than the textbook, and every missing or wrong answer")
    ap.add_argument("--longer", default="dfdx",
                    help="with --verbose: the tools whose longer-than-textbook answers are listed (default dfdx)")
    ap.add_argument("--update-doc", metavar="FILE",
                    help="also write the tables between the table markers of FILE (docs/textbook.md)")
    ap.add_argument("--check-dfdx", action="store_true",
                    help="run dfdx only; exit 1 if any answer is missing or not the true derivative")
    ap.add_argument("--at-least", type=float, metavar="SHARE",
                    help="with --check-dfdx: also exit 1 unless this share of the answers (0.95) is no "
                         "longer than the textbook's")
    args = ap.parse_args()

    started = time.time()
    tools = ["dfdx"] if args.check_dfdx else [t.strip() for t in args.tools.split(",") if t.strip()]
    for t in tools:
        if t not in TOOLS:
            ap.error(f"unknown tool {t}")
    if "dfdx" in tools and not os.access(args.dfdx, os.X_OK):
        ap.error(f"no dfdx binary at {args.dfdx} (build it, or give --dfdx)")
    exercises = corpus.read_exercises(args.corpus)

    peer_inputs = [corpus.parse_dfdx(ex.expr, {}, "peer", "principal") for ex in exercises]
    answers = [{} for _ in exercises]
    runners = {
        "dfdx": lambda: run_dfdx(args.dfdx, exercises, 300),
        "ginsh": lambda: run_ginsh(peer_inputs, exercises, 120),
        "maxima": lambda: run_maxima(peer_inputs, exercises, 120),
    }
    for tool in tools:
        if tool in runners:
            for i, a in enumerate(runners[tool]()):
                answers[i][tool] = a

    tasks = [(ex, answers[i], tools, args.timeout) for i, ex in enumerate(exercises)]
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs, initializer=_worker_init) as pool:
            results = pool.map(analyse, tasks, chunksize=1)
    else:
        signal.signal(signal.SIGALRM, _alarm)
        results = [analyse(t) for t in tasks]
    elapsed = time.time() - started

    n = len(exercises)
    bad_textbook = [ex for ex, res in zip(exercises, results) if not res["textbook_ok"] or res["points"] < 3]
    v = versions(args.dfdx, tools)

    summary = [f"Textbook corpus: {n} exercises ({os.path.relpath(args.corpus, ROOT)}); "
               + "; ".join(v[t] for t in tools) + f"; {elapsed:.0f} s"]
    if bad_textbook:
        summary.append(f"WARNING: {len(bad_textbook)} textbook answers disagree with SymPy or have too few "
                       "sample points (run check_answers.py): " + "; ".join(map(str, bad_textbook)))
    table = ["| tool | no longer than the textbook | median size ratio | mean size ratio | wrong | no answer |",
             "|---|---|---|---|---|---|"]
    for tool in tools:
        rs = [res[tool] for res in results]
        k = sum(no_longer(r) for r in rs)
        med = statistics.median(ratio(r) for r in rs)
        answered = [ratio(r) for r in rs if r["ops"] is not None]
        mean = statistics.mean(answered) if answered else float("inf")
        wrong = sum(r["status"] == "wrong" for r in rs)
        missing = [r for r in rs if r["status"] in ("failed", "timeout")]
        timeouts = sum(r["status"] == "timeout" for r in rs)
        miss = f"{len(missing)}" + (f" ({timeouts} time-outs)" if timeouts else "")
        table.append(f"| {TITLES[tool]} | {k} / {n} = {100.0 * k / n:.1f}% | {med:.2f} | {mean:.2f} | {wrong} | {miss} |")
    sections = []
    for ex in exercises:
        if ex.section not in sections:
            sections.append(ex.section)
    by_section = ["| section | exercises | " + " | ".join(TITLES[t].split(" ")[0] for t in tools) + " |",
                  "|---|---|" + "---|" * len(tools)]
    for sec in sections:
        idx = [i for i, ex in enumerate(exercises) if ex.section == sec]
        by_section.append(f"| {sec} | {len(idx)} | " + " | ".join(
            str(sum(no_longer(results[i][t]) for i in idx)) for t in tools) + " |")
    print("\n".join(summary + [""] + table + ["", "No longer than the textbook, by section:", ""] + by_section))

    if args.update_doc:
        command = "python3 bench/textbook/compare.py " + " ".join(
            a for a in sys.argv[1:] if not a.startswith("--update-doc") and a != args.update_doc)
        block = [f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()} "
                 f"Linux, {os.cpu_count()} cores, Python {platform.python_version()}, with",
                 "", "```", command.strip(), "```", "", summary[0].replace("Textbook corpus: ", "") + ".", ""]
        block += summary[1:] + table + ["", "No longer than the textbook, by section:", ""] + by_section
        with open(args.update_doc, encoding="utf-8") as f:
            doc = f.read()
        start, end = "<!-- table:start -->", "<!-- table:end -->"
        if start not in doc or end not in doc:
            sys.exit(f"{args.update_doc} has no {start} ... {end} block")
        head, rest = doc.split(start, 1)
        _, tail = rest.split(end, 1)
        with open(args.update_doc, "w", encoding="utf-8") as f:
            f.write(head + start + "\n" + "\n".join(block) + "\n" + end + tail)
        print(f"\nwrote the table into {args.update_doc}")

    if args.verbose:
        for tool in tools:
            trouble = [(ex, res[tool]) for ex, res in zip(exercises, results) if res[tool]["status"] != "ok"]
            if trouble:
                print(f"\n{tool}: {len(trouble)} answers missing or wrong")
                for ex, r in trouble:
                    print(f"  line {ex.line}: {ex.expr} | {ex.var}: {r['status']}: {r['note']}"
                          + (f"\n      printed: {r['text']}" if r["text"] else ""))
        for tool in [t.strip() for t in args.longer.split(",") if t.strip() in tools]:
            longer = [(ex, res[tool]) for ex, res in zip(exercises, results)
                      if res[tool]["status"] == "ok" and not no_longer(res[tool])]
            print(f"\n{tool} longer than the textbook: {len(longer)} exercises "
                  f"(line: input | variable; {tool} [ops]; textbook [ops])")
            for ex, r in longer:
                print(f"  line {ex.line} [{ex.section}]: {ex.expr} | {ex.var}\n"
                      f"      {tool:<8} [{r['ops']:>2}]  {r['text']}\n"
                      f"      textbook [{r['textbook_ops']:>2}]  {ex.answer}")

    if args.check_dfdx:
        rs = [res["dfdx"] for res in results]
        ok = sum(r["status"] == "ok" for r in rs)
        print(f"\ndfdx: {ok} of {n} answers equal the true derivative; "
              f"{sum(r['status'] == 'wrong' for r in rs)} wrong, "
              f"{sum(r['status'] in ('failed', 'timeout') for r in rs)} missing")
        short = sum(r["status"] == "ok" and no_longer(r) for r in rs)
        print(f"dfdx: {short} of {n} answers no longer than the textbook's")
        if args.at_least is not None and short < args.at_least * n:
            print(f"dfdx: fewer than {args.at_least:.0%} of the answers are no longer than the textbook's")
            return 1
        if ok != n:
            if not args.verbose:
                for ex, r in zip(exercises, rs):
                    if r["status"] != "ok":
                        print(f"  line {ex.line}: {ex.expr} | {ex.var}: {r['status']}: {r['note']}"
                              + (f"\n      printed: {r['text']}" if r["text"] else ""))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
