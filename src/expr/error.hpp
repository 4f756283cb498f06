// Structured errors of the core: a code that tests assert, a span into the statement's
// source, and a message. The core throws these and never prints them.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace dfdx {

/// A half-open byte range [begin, end) in the source text of one chunk.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    [[nodiscard]] bool empty() const { return begin == end; }
};

enum class ErrorCode {
    Parse,            ///< the text does not follow the grammar
    UnexpectedChar,   ///< a character that starts no token
    InvalidUtf8,      ///< bytes that are not UTF-8
    Arity,            ///< wrong number of arguments
    Cycle,            ///< a definition refers to itself
    NotAFunction,     ///< a name used as a function that is not one
    IsAFunction,      ///< a function name used where a variable is needed
    BoundVariable,    ///< differentiating with respect to a bound name
    UnknownFunction,  ///< evaluating an unknown function at a point
    Domain,           ///< a function outside its domain (ln at 0)
    DivisionByZero,
    NotReal,      ///< an even root of a negative number
    Limit,        ///< a documented size, depth or order limit
    Type,         ///< vectors where scalars are needed, and the like
    Interrupted,  ///< Ctrl-C
    Timeout,      ///< --timeout
    Io,           ///< a file could not be read or written (CLI)
};

/// Short lower-case name of a code ("parse", "arity"), used in tests and docs.
const char* code_name(ErrorCode code);

/// The one exception type of dfdx. `span` is empty when no place is known.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string message, Span span = {})
        : std::runtime_error(std::move(message)), code_(code), span_(span) {}
    [[nodiscard]] ErrorCode code() const { return code_; }
    [[nodiscard]] Span span() const { return span_; }
    /// Attaches a place to an error raised where none was known.
    void set_span_if_empty(Span s) {
        if (span_.empty()) span_ = s;
    }

private:
    ErrorCode code_;
    Span span_;
};

}  // namespace dfdx
