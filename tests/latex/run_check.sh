#!/bin/sh
# Installs KaTeX from package-lock.json when it is missing, then checks every LaTeX
# formula dfdx prints (see check_latex.js). Usage: run_check.sh DFDX SOURCE_DIR TRANSCRIPTS...
set -e
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$here/node_modules/katex/package.json" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node "$here/check_latex.js" "$@"
