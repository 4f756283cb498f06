// The REPL's commands, one row each, as functions.hpp is for the built-in functions: the
// parser reads a command's grammar here, the session dispatches on its id, help shows its
// usage, summary and example, completion knows what its arguments are, and a test holds
// the man page's list of commands to it. A new command is a row here and its handler.
#pragma once

#include <string>
#include <string_view>
#include <vector>
namespace dfdx {

/// Every command, in the order of the table (and of `help`'s list).
enum class CommandId {
    Explain,
    Backprop,
    Sensitivity,
    Check,
    Table,
    Plot,
    Vars,
    Funcs,
    Clear,
    Set,
    Save,
    Load,
    Help,
    Quit
};

/// How the parser reads what follows the command word.
enum class CommandGrammar {
    Expression,  ///< EXPR [at POINT] [by EXPR]: see CommandInfo::missing_at and nudge
    Range,       ///< EXPR, ... for x in [a, b] [step h | with n points] [to FILE]
    Words,       ///< the rest of the statement as text and as blank- or comma-separated words
};

/// What TAB offers for a command's arguments.
enum class CommandArgs {
    Nothing,     ///< no arguments (vars, quit)
    Expression,  ///< an expression, as at the start of a statement (and files after `to`)
    Names,       ///< the session's defined names
    Settings,    ///< a setting, then its values
    Topics,      ///< help topics
    Files,       ///< a file name, which the caller lists
};

struct CommandInfo {
    CommandId id;
    std::string_view word;
    std::string_view alias;  ///< a second word for the same command (exit); may be empty
    CommandGrammar grammar;
    /// Expression grammar: the expected text when `at` is missing, as in "'at' and the
    /// point, as in 'check ... at x=1'"; empty when the point is optional.
    std::string_view missing_at;
    bool nudge;  ///< Expression grammar: `by EXPR` may follow the point
    CommandArgs args;
    std::string_view usage;    ///< the syntax line of help
    std::string_view summary;  ///< one line: what it does
    std::string_view example;
};

/// Every command in table order.
const std::vector<CommandInfo>& all_commands();

/// The command `word` starts (its word or its alias); null for any other word.
const CommandInfo* find_command(std::string_view word);

/// The words that start a command statement: each command's word, then its alias.
const std::vector<std::string>& command_words();

}  // namespace dfdx
