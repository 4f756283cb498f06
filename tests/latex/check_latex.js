#!/usr/bin/env node
// Renders every LaTeX string dfdx prints with KaTeX (strict: rejects anything that is not
// standard TeX math) and fails on any rejected one. The strings come from the R"tex(...)tex"
// literals of tests/test_print_formats.cpp and from `dfdx --format latex` run on every
// statement of the transcripts. When pdflatex is installed, the same strings are also
// compiled as one amsmath document.
//
// Usage: check_latex.js DFDX SOURCE_DIR [TRANSCRIPT.txt...]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const katex = require('katex');

// Commands KaTeX accepts but LaTeX does not define: dfdx must never print them.
const KATEX_ONLY = /\\(Alpha|Beta|Epsilon|Zeta|Eta|Iota|Kappa|Mu|Nu|Omicron|Rho|Tau|Chi|omicron)(?![A-Za-z])/;
// Statements whose output is not a formula (tables, plots, help, derivation steps).
const NOT_FORMULAS = new Set(['table', 'plot', 'help', 'explain', 'backprop', 'sensitivity', 'check',
                              'set', 'save', 'load', 'clear', 'quit', 'exit']);

function fromTestSource(file) {
    const text = fs.readFileSync(file, 'utf8');
    const out = [];
    for (const m of text.matchAll(/R"tex\(([\s\S]*?)\)tex"/g)) out.push({ latex: m[1], where: path.basename(file) });
    return out;
}

function statementsOf(file) {
    const out = [];
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line.startsWith('> ')) continue;
        const stmt = line.slice(2);
        const word = stmt.trim().split(/[\s(]/)[0];
        if (!NOT_FORMULAS.has(word)) out.push(stmt);
    }
    return out;
}

// The formulas dfdx prints for a transcript's statements, run as one session.
function fromTranscript(dfdx, file) {
    const stmts = statementsOf(file);
    const p = spawnSync(dfdx, ['--format', 'latex', '--echo', '--color', 'never'],
                        { input: stmts.join('\n') + '\n', encoding: 'utf8', timeout: 120000 });
    if (p.error) throw p.error;
    const out = [];
    let current = null;
    for (const line of p.stdout.split('\n')) {
        if (line.startsWith('> ')) current = line.slice(2);
        else if (line.trim() !== '') out.push({ latex: line, where: `${path.basename(file)}: ${current}` });
    }
    return out;
}

function katexError(latex) {
    // pdflatex reads math as ASCII: α or − would need extra packages (KaTeX takes them).
    const nonAscii = latex.match(/[^\x20-\x7e]/);
    if (nonAscii) return `has a character pdflatex does not take in math: ${nonAscii[0]}`;
    if (KATEX_ONLY.test(latex)) return 'uses a command that only KaTeX knows: ' + latex.match(KATEX_ONLY)[0];
    try {
        katex.renderToString(latex, { displayMode: true, throwOnError: true, strict: 'error' });
        return null;
    } catch (e) {
        return e.message;
    }
}

// Compiles every formula with pdflatex when it is installed; returns the failures.
function pdflatexFailures(items) {
    const which = spawnSync('sh', ['-c', 'command -v pdflatex'], { encoding: 'utf8' });
    if (which.status !== 0) return null;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdx-latex-'));
    const failures = [];
    // One document per formula would be slow; one document with \errorstopmode per batch
    // finds the first bad one, so compile all and, on failure, bisect to name it.
    const compile = (batch) => {
        const body = batch.map((it) => `\\[ ${it.latex} \\]`).join('\n');
        fs.writeFileSync(path.join(dir, 'f.tex'),
                         `\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n${body}\n\\end{document}\n`);
        const p = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'f.tex'],
                            { cwd: dir, encoding: 'utf8', timeout: 120000 });
        return p.status === 0;
    };
    const bisect = (batch) => {
        if (compile(batch)) return;
        if (batch.length === 1) return failures.push(batch[0]);
        const mid = batch.length >> 1;
        bisect(batch.slice(0, mid));
        bisect(batch.slice(mid));
    };
    bisect(items);
    fs.rmSync(dir, { recursive: true, force: true });
    return failures;
}

function main() {
    const [dfdx, sourceDir, ...transcripts] = process.argv.slice(2);
    if (!dfdx || !sourceDir) {
        console.error('usage: check_latex.js DFDX SOURCE_DIR [TRANSCRIPT.txt...]');
        process.exit(2);
    }
    let items = fromTestSource(path.join(sourceDir, 'tests', 'test_print_formats.cpp'));
    const fromTable = items.length;
    for (const t of transcripts) items = items.concat(fromTranscript(dfdx, t));
    if (fromTable < 50 || items.length === fromTable) {
        console.error(`too few formulas found (${fromTable} in the table, ${items.length - fromTable} from dfdx)`);
        process.exit(1);
    }
    const failed = new Set();
    for (const it of items) {
        const err = katexError(it.latex);
        if (err) {
            failed.add(it);
            console.log(`KaTeX rejects (${it.where}): ${it.latex}\n    ${err}`);
        }
    }
    const tex = pdflatexFailures(items);
    if (tex === null) {
        console.log('pdflatex not installed: checked with KaTeX only');
    } else {
        for (const it of tex) {
            failed.add(it);
            console.log(`pdflatex rejects (${it.where}): ${it.latex}`);
        }
        console.log(`pdflatex compiled ${items.length - tex.length} of ${items.length} formulas`);
    }
    console.log(`${items.length - failed.size} passed, ${failed.size} failed`);
    process.exit(failed.size ? 1 : 0);
}

main();
