// --format json: one JSON object per statement on its own line, for programs and editors
// (docs/formats.md, "JSON"). The only place that knows the JSON library: the core hands
// over text, LaTeX and decimals (session.hpp, Shown), and the object is built here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "session/session.hpp"

namespace dfdx::cli {

/// Where a statement failed, as the text format's FILE:LINE:COL says it.
struct JsonError {
    std::string file;  ///< empty at the prompt and for -e
    std::size_t line = 1;
    std::size_t column = 1;
    std::string message;
};

/// What one statement printed, gathered until it ends.
struct JsonStatement {
    std::string input;
    std::optional<Shown> shown;      ///< its one result (an expression, a definition, a binding)
    std::vector<std::string> lines;  ///< anything else it printed (explain, help, set, ...)
    std::vector<std::string> notes;
    std::optional<JsonError> error;
};

/// The statement as one line of JSON (no newline): {"input", "result", "latex", "value",
/// "notes"} for one result, {"input", "lines", "notes"} otherwise, {"input", "error",
/// "notes"} when it failed.
std::string json_line(const JsonStatement& st);

/// An error that belongs to no statement (a file that cannot be read): {"error": {...}}.
std::string json_error_line(const std::string& message);

}  // namespace dfdx::cli
