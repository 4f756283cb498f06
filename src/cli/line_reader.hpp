// The Readline adapter: prompts, persistent history, Ctrl-C at the prompt, multi-line
// pastes, and TAB completion through the pure dfdx::complete().
#pragma once

#include <cstdio>
#include <deque>
#include <optional>
#include <string>

#include "cli/options.hpp"
#include "session/session.hpp"

namespace dfdx::cli {

class LineReader {
public:
    /// Sets Readline up (name "dfdx", so ~/.inputrc `$if dfdx` works; TAB cycles through
    /// the candidates and lists them) and reads the history file.
    /// Prompts, echo and Readline's control codes go to `terminal` (terminal_output()).
    LineReader(const Options& options, const Session& session, bool color, std::FILE* terminal);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// One line from the user; nullopt at end of input (Ctrl-D). A paste of several
    /// lines comes back one line per call.
    std::optional<std::string> read(bool first_line);
    /// True, once, when Ctrl-C cleared the line during the last read(): the caller drops
    /// the unfinished statement it was collecting.
    bool take_interrupt();
    /// Adds a complete statement to the history and appends it to the history file.
    void remember(const std::string& statement);

private:
    void warn(const std::string& what, int err);

    std::string history_path_;
    std::string prompt_, continuation_;
    std::string last_;
    std::deque<std::string> pending_;  ///< the rest of a multi-line paste
};

/// Where Readline draws: stdout when it is a terminal, else stderr when that is one, else
/// the controlling terminal (/dev/tty); null when there is none. So with `dfdx | tee log`
/// at a terminal, the prompt and echo stay on the screen and only results reach the pipe.
std::FILE* terminal_output();

/// Whether TERM names a terminal without colour or control codes (`dumb`).
bool dumb_terminal();

/// The history file: --history-file, else $XDG_STATE_HOME/dfdx/history, else
/// ~/.local/state/dfdx/history. Empty when history is off (--no-history, no HOME).
std::string history_path(const Options& options);

/// A statement as one history line: continuation lines joined, a trailing `\` dropped.
std::string history_line(const std::string& statement);

}  // namespace dfdx::cli
