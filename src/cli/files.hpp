// Small file and terminal helpers for the CLI.
#pragma once

#include <string>

namespace dfdx::cli {

/// Writes `content` to a temporary file beside `path`, then renames it over `path`, so
/// a crash never leaves half a file. On failure returns false and says why.
bool write_file_atomically(const std::string& path, const std::string& content, std::string& why);

/// Width of the terminal on stdout, or 80 when it is not a terminal.
int terminal_columns();

}  // namespace dfdx::cli
