// Rendering errors and notes for people: FILE:LINE:COL: error: MESSAGE, the source line,
// and a caret under the column, in colour when asked.
#pragma once

#include <string>
#include <string_view>

#include "expr/error.hpp"

namespace dfdx::cli {

struct Location {
    std::size_t line = 1;    ///< 1-based
    std::size_t column = 1;  ///< 1-based, in characters
    std::string text;        ///< the source line (an excerpt of a very long one)
    std::size_t caret = 1;   ///< 1-based character position of the caret in `text`
};

/// Where `offset` falls in `chunk`, whose first line is line `first_line` of its file.
Location locate(std::string_view chunk, std::size_t first_line, Span span);

/// The full message: "NAME:LINE:COL: error: MESSAGE\n  LINE\n  ^\n". `name` may be empty
/// (interactive), then the prefix is just "error: ".
std::string render_error(const std::string& name, const Location& where, const Error& e,
                         bool color);
std::string render_note(const std::string& text, bool color);

}  // namespace dfdx::cli
