// The recursive-descent parser: tokens to statements. One function per production;
// the grammar is in docs/grammar.md.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/commands.hpp"
#include "text/lexer.hpp"
#include "text/syntax.hpp"

namespace dfdx {

/// Deepest nesting of brackets, powers and unary operators the parser accepts.
inline constexpr int max_nesting = 500;

/// The statements of one chunk of input, split at top-level `;` and newlines. Each
/// element is either a parsed statement or the error that stopped it, so one bad
/// statement does not hide the others.
struct ParsedStatement {
    Statement statement;
    std::optional<Error> error;
    Span span;  ///< the statement's source text
};
std::vector<ParsedStatement> parse_chunk(std::string_view source);

/// The expression of the last `EXPR at ...` statement parsed, by its text and its offset
/// in the chunk: a script that asks for one expression at many points, a line each,
/// parses it once. The same text at the same offset parses to the same tree, spans and
/// all, so a hit changes nothing but the time.
struct ParseCache {
    std::size_t offset = 0;
    std::string text;
    std::shared_ptr<const Syntax> body;
};

/// The same, one statement at a time: each is parsed just before `each` gets it, so a
/// long chunk never holds all its syntax trees at once. Stops when `each` returns false.
void parse_statements(std::string_view source, const std::function<bool(ParsedStatement&)>& each,
                      ParseCache* cache = nullptr);

/// Parses a single expression (tests and tools).
SyntaxPtr parse_expression(std::string_view source);

}  // namespace dfdx
