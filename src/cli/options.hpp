// Command-line options (CLI11), parsed into a plain struct.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace dfdx::cli {

/// A file or a -e statement, in command-line order.
struct Input {
    bool statement = false;
    std::string text;
};

struct Options {
    std::vector<std::string> files;
    std::vector<std::string> statements;  ///< -e
    std::vector<Input> inputs;            ///< files and -e statements in command-line order
    std::string interactive_file;         ///< -i FILE
    bool interactive = false;             ///< -i given (with or without FILE): stay interactive
    bool quiet = false;
    std::string format = "plain";
    int precision = 15;
    std::string color = "auto";
    bool stop_on_error = false;
    bool echo = false;
    std::string history_file;
    bool no_history = false;
    double timeout = 0;  ///< seconds per statement; 0 = none
};

/// Parses argv. Returns an exit code when the program should stop now (--help,
/// --version, bad options), after printing what CLI11 prints.
std::optional<int> parse_options(int argc, char** argv, Options& out);

}  // namespace dfdx::cli
