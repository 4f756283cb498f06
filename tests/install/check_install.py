#!/usr/bin/env python3
"""What `cmake --install` and cpack produce, checked as a user would meet it.

    check_install.py --cmake CMAKE --build BUILD --source SOURCE --prefix PREFIX PART

PART is one of
  setup       install BUILD into PREFIX (a fresh directory)
  cli         the installed dfdx runs, is stripped; docs and completions are in place
  man         `man -l` renders the installed page
  completion  the bash script loads and completes options, commands, functions and
              the words after `set format`; the zsh and fish ones parse, when those
              shells are here
  library     examples/ builds against the installed CMake package and dfdx.pc, runs
  package     cpack builds the .deb files; dpkg-deb shows their depends and contents,
              and the program in the package is stripped

Exits 0 when all is well, 1 naming what is wrong, 77 (ctest's skip) when a tool the
check needs is missing.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def run(cmd, **kw):
    kw.setdefault('capture_output', True)
    kw.setdefault('text', True)
    return subprocess.run(cmd, **kw)


def must(cmd, **kw):
    r = run(cmd, **kw)
    if r.returncode != 0:
        sys.exit(f'FAIL: {" ".join(cmd)} exited {r.returncode}\n{r.stdout}\n{r.stderr}')
    return r.stdout


def skip(why):
    print(f'SKIP: {why}')
    sys.exit(SKIP)


def stripped(path):
    """True when the ELF file has no symbol table and no debugging information."""
    sections = must(['readelf', '-S', '-W', path])
    return '.debug_info' not in sections and '.symtab' not in sections


def libdir(a):
    """PREFIX/lib, or PREFIX/lib/<multiarch> when configured for /usr: where libdfdx is."""
    for root, _, files in os.walk(a.prefix):
        if 'libdfdx.so' in files:
            return root
    sys.exit(f'FAIL: no libdfdx.so under {a.prefix}')


def setup(a):
    shutil.rmtree(a.prefix, ignore_errors=True)
    must([a.cmake, '--install', a.build, '--prefix', a.prefix])
    print(f'installed into {a.prefix}')


def cli(a):
    exe = os.path.join(a.prefix, 'bin', 'dfdx')
    out = must([exe, '-e', 'd/dx x^2']).strip()
    if out != '2*x':
        sys.exit(f"FAIL: installed dfdx -e 'd/dx x^2' printed {out!r}, not '2*x'")
    if not stripped(exe):
        sys.exit(f'FAIL: {exe} is not stripped')
    built = os.path.join(a.build, 'dfdx')
    print(f'installed binary {os.path.getsize(exe)} bytes, stripped; build/dfdx {os.path.getsize(built)} bytes')
    expected = [
        'share/man/man1/dfdx.1',
        'share/bash-completion/completions/dfdx',
        'share/zsh/vendor-completions/_dfdx',
        'share/fish/vendor_completions.d/dfdx.fish',
        'share/doc/dfdx/README.md',
        'share/doc/dfdx/CHANGELOG.md',
        'share/doc/dfdx/LICENSE',
        'share/doc/dfdx/guide.md',
        'share/doc/dfdx/library.md',
        'include/dfdx/dfdx.hpp',
    ]
    lib_dir = os.path.relpath(libdir(a), a.prefix)
    expected += [f'{lib_dir}/{p}' for p in ('cmake/dfdx/dfdxConfig.cmake', 'cmake/dfdx/dfdxConfigVersion.cmake',
                                              'pkgconfig/dfdx.pc', 'libdfdx.so')]
    missing = [p for p in expected if not os.path.exists(os.path.join(a.prefix, p))]
    if missing:
        sys.exit(f'FAIL: not installed: {", ".join(missing)}')
    lib = os.path.realpath(os.path.join(libdir(a), 'libdfdx.so'))
    if not stripped(lib):
        sys.exit(f'FAIL: {lib} is not stripped')
    # Only the public API is exported: no internal dfdx:: name but dfdx::api.
    symbols = must(['nm', '-D', '--defined-only', '-C', lib])
    leaked = [l for l in symbols.splitlines() if 'dfdx::' in l and 'dfdx::api::' not in l]
    if leaked:
        sys.exit('FAIL: libdfdx exports internal symbols:\n' + '\n'.join(leaked[:10]))
    print('cli: runs, stripped, every file in place; libdfdx exports only dfdx::api')


def man(a):
    if not shutil.which('man'):
        skip('man is not installed (Debian: man-db)')
    page = os.path.join(a.prefix, 'share', 'man', 'man1', 'dfdx.1')
    env = dict(os.environ, MANPAGER='cat', PAGER='cat', MANWIDTH='80', LC_ALL='C.UTF-8')
    r = run(['man', '-l', page], env=env)
    if r.returncode != 0 or 'dfdx' not in r.stdout or 'SYNOPSIS' not in r.stdout:
        sys.exit(f'FAIL: man -l {page} exited {r.returncode}\n{r.stdout[:500]}\n{r.stderr}')
    if r.stderr.strip():
        sys.exit(f'FAIL: man -l {page} warned:\n{r.stderr}')
    print(f'man: {len(r.stdout.splitlines())} lines rendered')


BASH_CHECK = r'''
source "$1" || exit 1
complete -p dfdx | grep -q -- '-F _dfdx' || { echo "complete -p dfdx: $(complete -p dfdx)"; exit 1; }
expect() {  # expect WANTED WORDS... : completing the last word offers WANTED
    local want=$1; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _dfdx
    local c
    for c in "${COMPREPLY[@]}"; do [[ $c == "$want" ]] && return 0; done
    echo "completing [$*] offered [${COMPREPLY[*]}], not [$want]"
    exit 1
}
expect --format dfdx --fo
expect --stop-on-error dfdx --st
expect unicode dfdx --format u
expect always dfdx --color al
expect 'sin(' dfdx -e si
expect explain dfdx -e ex
expect 'd/dx sin(' dfdx -e "'d/dx si"
expect 'd/dx sinh(' dfdx --eval "d/dx si"
expect 'set format latex' dfdx -e "'set format la"
expect 'set precision' dfdx -e "set pr"
expect 'help taylor' dfdx -e "help tay"
expect 'x = 1; plot' dfdx -e "x = 1; pl"
# File names after a flag, after a file option and as a script (the script itself is a file).
expect "$1" dfdx -q "${1%fx}"
expect "$1" dfdx --history-file "${1%fx}"
expect "$1" dfdx "${1%fx}"
# After an operator a command word would make no statement: only functions.
COMP_WORDS=(dfdx -e "x + ex"); COMP_CWORD=2; _dfdx
[[ " ${COMPREPLY[*]} " == *" x + explain "* ]] && { echo "offered a command mid-expression"; exit 1; }
echo "bash: ok"
'''


def completion(a):
    share = os.path.join(a.prefix, 'share')
    bash_script = os.path.join(share, 'bash-completion', 'completions', 'dfdx')
    if not shutil.which('bash'):
        skip('bash is not installed')
    with tempfile.NamedTemporaryFile('w', suffix='.bash', delete=False) as f:
        f.write(BASH_CHECK)
    try:
        r = run(['bash', '--norc', '--noprofile', f.name, bash_script])
    finally:
        os.unlink(f.name)
    if r.returncode != 0:
        sys.exit(f'FAIL: bash completion\n{r.stdout}{r.stderr}')
    print(r.stdout.strip())
    # The same words as the REPL: the script names every built-in function of --help's
    # table, read back from the generated script rather than a list here.
    text = open(bash_script).read()
    for word in ("'sin('", "'explain'", "'precision'", "'unicode'", "'taylor'"):
        if word not in text:
            sys.exit(f'FAIL: {word} missing from the bash script')
    for shell, path in (('zsh', os.path.join(share, 'zsh', 'vendor-completions', '_dfdx')),
                        ('fish', os.path.join(share, 'fish', 'vendor_completions.d', 'dfdx.fish'))):
        if shutil.which(shell):
            r = run([shell, '-n', path])
            if r.returncode != 0:
                sys.exit(f'FAIL: {shell} -n {path}\n{r.stderr}')
            print(f'{shell}: parses')
            if shell == 'fish':
                # fish completes without a terminal: `complete -C LINE` lists the candidates.
                for line, want in (('dfdx --fo', '--format'), ("dfdx -e 'd/dx si", 'd/dx sin('),
                                   ("dfdx -e 'set format u", 'set format unicode'), ('dfdx --color a', 'always')):
                    r = run(['fish', '--no-config', '-c', f'source {path}; complete -C "{line}"'])
                    offered = [l.split('\t')[0] for l in r.stdout.splitlines()]
                    if want not in offered:
                        sys.exit(f'FAIL: fish completing [{line}] offered {offered}, not {want!r}\n{r.stderr}')
                print('fish: completes options, values and -e statements')
        else:
            print(f'{shell}: not installed, its script not parsed')


def library(a):
    cxx = shutil.which(os.environ.get('CXX', 'c++')) or shutil.which('g++')
    if not cxx:
        skip('no C++ compiler')
    work = tempfile.mkdtemp(prefix='dfdx-example-')
    try:
        build = os.path.join(work, 'cmake')
        must([a.cmake, '-S', os.path.join(a.source, 'examples'), '-B', build,
              f'-DCMAKE_PREFIX_PATH={a.prefix}', '-DCMAKE_BUILD_TYPE=Release'])
        must([a.cmake, '--build', build])
        exe = os.path.join(build, 'derivative')
        check_example([exe], 'find_package(dfdx)')
        if shutil.which('pkg-config'):
            env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(libdir(a), 'pkgconfig'))
            flags = must(['pkg-config', '--cflags', '--libs', 'dfdx'], env=env).split()
            exe2 = os.path.join(work, 'derivative-pc')
            pc_libdir = must(['pkg-config', '--variable=libdir', 'dfdx'], env=env).strip()
            must([cxx, '-std=c++17', '-O1', os.path.join(a.source, 'examples', 'derivative.cpp'), '-o', exe2]
                 + flags + [f'-Wl,-rpath,{pc_libdir}'])
            check_example([exe2], 'pkg-config dfdx')
        else:
            print('pkg-config: not installed, that build not tried')
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_example(exe, how):
    out = must(exe + ['x^2 sin(x)', 'x', 'pi/2'])
    want = ['d/dx x^2*sin(x) = x^2*cos(x) + 2*x*sin(x)', 'at x=pi/2: pi ~ 3.14159265358979']
    for w in want:
        if w not in out:
            sys.exit(f'FAIL: the example built with {how} printed\n{out}\nwithout {w!r}')
    r = run(exe + ['x +', 'x'])
    if r.returncode != 1 or 'column' not in r.stderr:
        sys.exit(f'FAIL: the example ({how}) on bad input: exit {r.returncode}, {r.stderr!r}')
    print(f'library: the example built with {how} prints {out.splitlines()[0]!r}')


def package(a):
    for tool in ('cpack', 'dpkg-deb', 'readelf'):
        if not shutil.which(tool) and not (tool == 'cpack' and os.path.exists(cpack_of(a.cmake))):
            skip(f'{tool} is not installed')
    out = tempfile.mkdtemp(prefix='dfdx-deb-')
    try:
        cpack = cpack_of(a.cmake) if os.path.exists(cpack_of(a.cmake)) else 'cpack'
        must([cpack, '-G', 'DEB', '--config', os.path.join(a.build, 'CPackConfig.cmake'), '-B', out])
        debs = {f.split('_')[0]: os.path.join(out, f) for f in os.listdir(out) if f.endswith('.deb')}
        if set(debs) != {'dfdx', 'libdfdx0', 'libdfdx-dev'}:
            sys.exit(f'FAIL: cpack made {sorted(debs)}')
        info = must(['dpkg-deb', '-I', debs['dfdx']])
        fields = dict(l.strip().split(': ', 1) for l in info.splitlines() if ': ' in l and l.startswith(' ') and not l.startswith('  '))
        depends = fields.get('Depends', '')
        for want in ('libc6', 'libflint17'):
            if want not in depends:
                sys.exit(f'FAIL: dfdx Depends {depends!r} lacks {want}\n{info}')
        # The rest follows what the packaged binary loads: a library it links statically
        # (GMP, MPFR, Readline and libstdc++ when their archives are there) is no dependency.
        tree = os.path.join(out, 'tree')
        must(['dpkg-deb', '-x', debs['dfdx'], tree])
        exe = os.path.join(tree, 'usr', 'bin', 'dfdx')
        needed = ' '.join(l.split()[-1] for l in must(['readelf', '-d', exe]).splitlines() if '(NEEDED)' in l)
        for lib, pkg in (('libgmp.so', 'libgmp10'), ('libmpfr.so', 'libmpfr6'),
                         ('libreadline.so', 'libreadline8'), ('libstdc++.so', 'libstdc++6')):
            if (lib in needed) != (pkg in depends):
                sys.exit(f'FAIL: dfdx Depends {depends!r} but the binary needs [{needed}] ({pkg})')
        if fields.get('Section') != 'math' or fields.get('Package') != 'dfdx' or not fields.get('Maintainer'):
            sys.exit(f'FAIL: dfdx control fields:\n{info}')
        listing = must(['dpkg-deb', '-c', debs['dfdx']])
        for path in ('./usr/bin/dfdx', './usr/share/man/man1/dfdx.1', './usr/share/bash-completion/completions/dfdx',
                     './usr/share/zsh/vendor-completions/_dfdx', './usr/share/fish/vendor_completions.d/dfdx.fish',
                     './usr/share/doc/dfdx/README.md'):
            if path not in listing:
                sys.exit(f'FAIL: {path} is not in the dfdx package:\n{listing}')
        if not stripped(exe):
            sys.exit('FAIL: the packaged dfdx is not stripped')
        if shutil.which('file') and 'not stripped' in must(['file', exe]):
            sys.exit('FAIL: file says the packaged dfdx is not stripped')
        dev = must(['dpkg-deb', '-I', debs['libdfdx-dev']])
        if 'libdfdx0 (= ' not in dev:
            sys.exit(f'FAIL: libdfdx-dev does not depend on libdfdx0:\n{dev}')
        lib = must(['dpkg-deb', '-I', debs['libdfdx0']])
        if 'libgmp10' not in lib or 'libstdc++6' not in lib:
            sys.exit(f'FAIL: libdfdx0 depends:\n{lib}')
        sizes = ', '.join(f'{os.path.basename(p)} {os.path.getsize(p)} bytes' for p in sorted(debs.values()))
        print(f'package: {sizes}; the binary needs [{needed}]; dfdx Depends: {depends}')
    finally:
        shutil.rmtree(out, ignore_errors=True)


def cpack_of(cmake):
    return os.path.join(os.path.dirname(cmake), 'cpack')


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--cmake', required=True)
    p.add_argument('--build', required=True)
    p.add_argument('--source', required=True)
    p.add_argument('--prefix', required=True)
    p.add_argument('part', choices=['setup', 'cli', 'man', 'completion', 'library', 'package'])
    a = p.parse_args()
    {'setup': setup, 'cli': cli, 'man': man, 'completion': completion, 'library': library,
     'package': package}[a.part](a)


if __name__ == '__main__':
    main()
