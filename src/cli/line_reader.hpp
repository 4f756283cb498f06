// The Readline adapter: prompts, persistent history, and TAB completion through the
// pure dfdx::complete().
#pragma once

#include <optional>
#include <string>

#include "dfdx/session.hpp"
#include "options.hpp"

namespace dfdx::cli {

class LineReader {
public:
    LineReader(const Options& options, const Session& session, bool color);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// One line from the user; nullopt at end of input (Ctrl-D).
    std::optional<std::string> read(bool first_line);
    /// Adds a complete statement to the history (and the history file).
    void remember(const std::string& statement);

private:
    std::string history_path_;
    std::string prompt_, continuation_;
    std::string last_;
};

/// The history file: --history-file, else $XDG_STATE_HOME/dfdx/history, else
/// ~/.local/state/dfdx/history. Empty when history is off.
std::string history_path(const Options& options);

}  // namespace dfdx::cli
