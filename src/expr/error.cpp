// Names of the error codes, for tests and docs (declared in error.hpp).
#include "expr/error.hpp"

namespace dfdx {

const char* code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::Parse: return "parse";
        case ErrorCode::UnexpectedChar: return "unexpected-char";
        case ErrorCode::InvalidUtf8: return "invalid-utf8";
        case ErrorCode::Arity: return "arity";
        case ErrorCode::Cycle: return "cycle";
        case ErrorCode::NotAFunction: return "not-a-function";
        case ErrorCode::IsAFunction: return "is-a-function";
        case ErrorCode::BoundVariable: return "bound-variable";
        case ErrorCode::UnknownFunction: return "unknown-function";
        case ErrorCode::Domain: return "domain";
        case ErrorCode::DivisionByZero: return "division-by-zero";
        case ErrorCode::NotReal: return "not-real";
        case ErrorCode::Limit: return "limit";
        case ErrorCode::Type: return "type";
        case ErrorCode::Interrupted: return "interrupted";
        case ErrorCode::Timeout: return "timeout";
        case ErrorCode::Io: return "io";
    }
    return "error";
}

}  // namespace dfdx
