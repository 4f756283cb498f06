#!/usr/bin/env python3
"""The stages of src/ only include downward, and no files include each other in a loop.

The stages and what each may use are read from src/CMakeLists.txt (`dfdx_stage(NAME
DEPENDS ...)`), the one place they are written; `cli` (the executable) may use them all.
Exits 1 naming every include that runs upward or sideways into a stage not listed, and
every cycle of units (a unit is a .cpp with its .hpp). `--self-test` checks that an
upward include and a cycle, planted in a copy of the tree, are both caught.
"""
import os
import re
import shutil
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
STAGE = re.compile(r'dfdx_stage\((\w+)([^)]*)\)')


def stages(src):
    allowed = {}
    text = open(os.path.join(src, 'CMakeLists.txt')).read()
    for name, rest in STAGE.findall(text):
        if name == 'name':  # the function's own definition
            continue
        deps = rest.split('DEPENDS')[1].split('LIBRARIES')[0].split() if 'DEPENDS' in rest else []
        allowed[name] = set(deps)
    allowed['cli'] = set(allowed)
    return allowed


def units(src):
    """{unit: set of units it includes}, a unit being 'stage/name'."""
    graph = {}
    for stage in sorted(os.listdir(src)):
        folder = os.path.join(src, stage)
        if not os.path.isdir(folder):
            continue
        for f in sorted(os.listdir(folder)):
            if not f.endswith(('.cpp', '.hpp')):
                continue
            unit = stage + '/' + f.rsplit('.', 1)[0]
            deps = graph.setdefault(unit, set())
            for inc in INCLUDE.findall(open(os.path.join(folder, f)).read()):
                target = inc if '/' in inc else stage + '/' + inc
                target = target.rsplit('.', 1)[0]
                if target != unit:
                    deps.add(target)
    return graph


def cycles(graph):
    """Strongly connected components of more than one unit (Tarjan, iterative)."""
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter[0]; counter[0] += 1
        stack.append(root); on.add(root)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is not None:
                if nxt not in graph:
                    continue
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]; counter[0] += 1
                    stack.append(nxt); on.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                elif nxt in on:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop(); on.discard(w); comp.append(w)
                    if w == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def check(src):
    allowed = stages(src)
    graph = units(src)
    problems = []
    for unit, deps in sorted(graph.items()):
        stage = unit.split('/')[0]
        if stage not in allowed:
            problems.append(f'{unit}: folder src/{stage} is not a stage of src/CMakeLists.txt')
            continue
        for d in sorted(deps):
            target = d.split('/')[0]
            if target != stage and target not in allowed[stage]:
                problems.append(f'{unit} includes {d}: {stage} may use only '
                                f'{", ".join(sorted(allowed[stage])) or "itself"}')
    for comp in cycles(graph):
        problems.append('cycle: ' + ' -> '.join(comp))
    return problems, len(graph)


def self_test(src):
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, 'src')
        shutil.copytree(src, copy)
        problems, _ = check(copy)
        assert not problems, problems
        with open(os.path.join(copy, 'expr', 'expr.cpp'), 'a') as f:
            f.write('\n#include "session/session.hpp"\n')
        problems, _ = check(copy)
        assert any('expr/expr includes session/session' in p for p in problems), problems
        shutil.rmtree(copy)
        shutil.copytree(src, copy)
        with open(os.path.join(copy, 'expr', 'rational.hpp'), 'a') as f:
            f.write('\n#include "expr/construct.hpp"\n')
        problems, _ = check(copy)
        assert any(p.startswith('cycle:') and 'expr/rational' in p for p in problems), problems
    print('self-test: an upward include and a cycle are both caught')


def main():
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src')
    if '--self-test' in sys.argv:
        self_test(src)
    problems, count = check(src)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f'{count} units in {len(stages(src))} stages: every include runs downward, no cycle')
    return 0


if __name__ == '__main__':
    sys.exit(main())
