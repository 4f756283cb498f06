// TAB completion as a pure function of the line and the session, so tests call it
// without a terminal; the Readline adapter in src/cli is a few lines around it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "session/session.hpp"

namespace dfdx {

struct Completion {
    std::size_t start = 0;                ///< byte offset where the completed word begins
    std::vector<std::string> candidates;  ///< full replacements for line[start, cursor), best first
    bool files = false;  ///< the word is a file name (save, load, to): the caller lists files
};

/// Candidates for the word ending at `cursor`, most likely first and without duplicates:
/// parameters of the definition being typed, the session's own names (functions get "("
/// appended), built-in functions in the order of the function table, the special forms,
/// commands at the start of a statement, then constants. Derivative forms (`d/dx`,
/// `d^2/dx^2`, `df/dx`, `∂/∂x`) when the word is one. Settings after `set`, formats after
/// `set format`, topics after `help`, defined names after `clear`; after `save`, `load`
/// and `to` the word is a file name, which the caller lists (`files` is set).
///
///     complete("d/dx si", 7, s)      -> start 5, {"sin(", "sinh(", "sign(", "sigmoid(",
///     "simplify("} complete("d/d", 3, s)          -> start 0, {"d/dx", "d/dy", "d/dz", "d/dt",
///     ...} complete("set f", 5, s)        -> start 4, {"format"} complete("save ses", 8, s)     ->
///     start 5, files
Completion complete(std::string_view line, std::size_t cursor, const Session& session);

/// The fixed words complete() draws on, for completion outside the REPL (the shell
/// scripts of shell_completion.hpp): built from the same tables, so the two never differ.
struct CompletionVocabulary {
    std::vector<std::string> commands;   ///< words that start a statement
    std::vector<std::string> functions;  ///< built-ins and call-form special forms, without "("
    std::vector<std::string> settings;   ///< after `set`
    std::vector<std::string> formats;    ///< after `set format`
    std::vector<std::string> topics;     ///< after `help`
    std::vector<std::string> constants;  ///< pi
};
CompletionVocabulary completion_vocabulary();

}  // namespace dfdx
