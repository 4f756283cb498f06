// TAB completion as a pure function of the line and the session, so tests call it
// without a terminal; the Readline adapter in src/cli is a few lines around it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dfdx/session.hpp"

namespace dfdx {

struct Completion {
    std::size_t start = 0;               ///< byte offset where the completed word begins
    std::vector<std::string> candidates; ///< full replacements for line[start, cursor)
    bool files = false;                  ///< the word is a file name (save, load, to)
};

/// Candidates for the word ending at `cursor`: built-in and defined functions (with
/// "(" appended), bound names, parameters, commands at the start of a statement,
/// settings after `set`, topics after `help`, derivative forms, and file names after
/// `save`/`load`/`to` (reported via `files`, listed by the caller).
Completion complete(std::string_view line, std::size_t cursor, const Session& session);

}  // namespace dfdx
