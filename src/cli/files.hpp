// Small file and terminal helpers for the CLI.
#pragma once

#include <string>

namespace dfdx::cli {

/// Writes `content` to a temporary file beside the file `path` names (its symbolic links
/// followed), fsyncs it and renames it over that file, so a crash never leaves half a
/// file. An existing file keeps its mode; a new one gets 0666 less the umask. A path
/// naming a device, FIFO, socket or directory is refused. On failure returns false and
/// says why (strerror text, or what the path names).
bool write_file_atomically(const std::string& path, const std::string& content, std::string& why);

/// Why `path` cannot be read as a script (strerror text: "Is a directory", "No such
/// file or directory"), or empty when it can.
std::string unreadable(const std::string& path);

/// True once a write to stdout has failed (the reason is kept for finish_stdout).
bool stdout_failed();

/// Flushes stdout and closes its descriptor. When any write failed, prints
/// `dfdx: write error: REASON` on stderr and returns 1; otherwise returns `status`.
/// Nothing may write to stdout after it.
int finish_stdout(int status);

/// Width of the terminal on stdout, or 80 when it is not a terminal.
int terminal_columns();

}  // namespace dfdx::cli
