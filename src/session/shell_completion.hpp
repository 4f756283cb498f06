// Completion scripts for bash, zsh and fish, generated from the vocabulary of the REPL's
// TAB completion (completion.hpp) and the CLI's own option definitions, so the shell and
// the prompt offer the same words and no second list is kept by hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dfdx {

enum class Shell { Bash, Zsh, Fish };

/// "bash", "zsh" or "fish"; nullopt for anything else.
std::optional<Shell> parse_shell(std::string_view name);

/// One command-line option as the shells need it. The CLI fills these from its option
/// parser, so the option list lives in one place too.
struct ShellOption {
    std::vector<std::string> shorts;  ///< without the dash: "e"
    std::vector<std::string> longs;   ///< without the dashes: "eval"
    std::string description;
    enum class Value { None, Word, File, Statement } value = Value::None;
    std::vector<std::string> choices;  ///< Word: the values it accepts, if a fixed set
    bool optional_value = false;       ///< -i [FILE]
};

/// The script for `shell`. Positional arguments are files; -e statements complete
/// command words at their start, built-in functions and constants anywhere, settings after
/// `set`, formats after `set format` and topics after `help`.
std::string shell_completion_script(Shell shell, const std::vector<ShellOption>& options);

}  // namespace dfdx
