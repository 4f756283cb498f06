"""A real terminal for dfdx: a private tmux server, keys in, screen text out.

Every wait polls the screen until a condition holds or a timeout passes; nothing
relies on a fixed sleep, so the tests hold on a slow, shared CI machine.
"""
import os
import shlex
import subprocess
import itertools
import time

_ids = itertools.count()

class Timeout(AssertionError):
    pass


class Term:
    def __init__(self, tmpdir, argv, env=None, cwd=None, width=100, height=40):
        self.socket = os.path.join(tmpdir, "tmux%d.sock" % next(_ids))
        conf = os.path.join(tmpdir, "tmux.conf")
        with open(conf, "w") as f:
            # Keep the pane after dfdx exits, so its last words can be read.
            f.write("set -g remain-on-exit on\nset -g default-terminal screen\n"
                    "set -g history-limit 5000\nset -g status off\n")
        inputrc = os.path.join(tmpdir, "inputrc")
        if not os.path.exists(inputrc):
            open(inputrc, "w").close()  # the user's ~/.inputrc must not change the keys
        full_env = {"INPUTRC": inputrc, "TERM": "screen", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        full_env.update(env or {})
        unset = "-u NO_COLOR " if "NO_COLOR" not in full_env else ""
        command = "env %s%s %s" % (unset, " ".join("%s=%s" % (k, shlex.quote(v)) for k, v in full_env.items()),
                                   " ".join(shlex.quote(a) for a in argv))
        if cwd:
            command = "cd %s && exec %s" % (shlex.quote(cwd), command)
        self.tmux("-f", conf, "new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), command)

    def tmux(self, *args, check=True):
        env = dict(os.environ)
        env.pop("TMUX", None)
        env.setdefault("TERM", "xterm")
        return subprocess.run(["tmux", "-S", self.socket] + list(args), env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, check=check).stdout

    def type(self, text):
        """Types text literally (no key names)."""
        self.tmux("send-keys", "-t", "t", "-l", text)

    def keys(self, *names):
        """Presses named keys: Enter, Tab, BTab (shift-Tab), Up, C-c, C-d."""
        self.tmux("send-keys", "-t", "t", *names)

    def paste(self, text):
        """Pastes text as a terminal does, bracketed when the program asked for it."""
        self.tmux("set-buffer", "-b", "p", text)
        self.tmux("paste-buffer", "-p", "-d", "-b", "p", "-t", "t")

    def screen(self, escapes=False):
        args = ["capture-pane", "-p", "-J", "-t", "t", "-S", "-1000"]
        if escapes:
            args.append("-e")
        return self.tmux(*args).rstrip("\n")

    def lines(self):
        return [l.rstrip() for l in self.screen().split("\n")]

    def last_line(self):
        ls = [l for l in self.lines() if l]
        return ls[-1] if ls else ""

    def cursor_row(self):
        return int(self.tmux("display-message", "-p", "-t", "t", "#{cursor_y}").strip())

    def enter_and_wait_for_newline(self, timeout=10.0):
        """Presses Enter and waits until the program has read it (the cursor moved down)."""
        row = self.cursor_row()
        self.keys("Enter")
        deadline = time.monotonic() + timeout
        while self.cursor_row() == row:
            if time.monotonic() > deadline:
                raise Timeout("Enter was not read; the screen:\n" + self.screen())
            time.sleep(0.01)

    def dead(self):
        return self.tmux("display-message", "-p", "-t", "t", "#{pane_dead}").strip() == "1"

    def wait(self, condition, what, timeout=10.0):
        """Polls until condition(screen) is true; returns the screen, or raises Timeout."""
        deadline = time.monotonic() + timeout
        while True:
            s = self.screen()
            if condition(s):
                return s
            if time.monotonic() > deadline:
                raise Timeout("waited %.1fs for %s; the screen:\n%s" % (timeout, what, s))
            time.sleep(0.03)

    def wait_text(self, text, timeout=10.0, count=1):
        return self.wait(lambda s: s.count(text) >= count, repr(text) + (" x%d" % count if count > 1 else ""),
                         timeout)

    def wait_last(self, text, timeout=10.0):
        """Waits until the last non-empty line is `text` (a prompt with what was typed),
        trailing blanks aside."""
        return self.wait(lambda s: self.last_line() == text.rstrip(), "last line " + repr(text), timeout)

    def wait_exit(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while not self.dead():
            if time.monotonic() > deadline:
                raise Timeout("dfdx did not exit; the screen:\n" + self.screen())
            time.sleep(0.03)

    def close(self):
        self.tmux("kill-server", check=False)
