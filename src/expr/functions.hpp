// The table of built-in functions: one row per function with its spellings, arity,
// derivative rule, numeric evaluation, exact values and help. The parser, the
// differentiator, the evaluator, completion and help all read this one table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "expr/expr.hpp"

namespace dfdx {

struct FunctionInfo {
    std::string_view name;
    int min_args = 1;
    int max_args = 1;
    /// Builds the call from resolved arguments. Aliases (sqrt, pow, log) rewrite here;
    /// true functions make a Func node.
    Expr (*build)(std::uint32_t id, std::vector<Expr> args) = nullptr;
    /// ∂f/∂args[i] as an expression in the arguments; null for aliases.
    Expr (*partial)(std::span<const Expr> args, std::size_t i) = nullptr;
    /// Numeric value; NaN or infinity means "undefined here".
    double (*numeric)(std::span<const double> x) = nullptr;
    std::string_view usage;
    std::string_view summary;
    std::string_view example;
    /// Its operator in LaTeX (`\sin`, `\arctan`, `\log_{10}`); empty for the rest, which
    /// the printer writes as `\operatorname{name}`.
    std::string_view latex = {};
};

/// Every built-in, aliases included, in the order help lists them.
std::span<const FunctionInfo> all_functions();
const FunctionInfo& function_info(std::uint32_t id);
/// The id of a built-in spelled `name`, if any.
std::optional<std::uint32_t> find_function(std::string_view name);
/// The id of a built-in known to exist (internal use).
std::uint32_t function_id(std::string_view name);

/// Where a one-argument built-in is defined on the reals, apart from the poles of the
/// circular functions. The one source of the domain rules: the exact folds, the double
/// evaluators (eval and backprop's forward pass through eval_function, compiled's loops
/// directly), the intervals and the decimal evaluators all read it, and the `numeric`
/// entries of the table are called only where it holds.
enum class FunctionDomain {
    All,
    Positive,         ///< x > 0 (ln, log10, log2)
    NonZero,          ///< x != 0 (cot, csc, coth, csch, acsch)
    UnitClosed,       ///< |x| <= 1 (asin, acos)
    OutsideUnit,      ///< |x| >= 1 (asec, acsc)
    AtLeastOne,       ///< x >= 1 (acosh)
    UnitOpen,         ///< |x| < 1 (atanh)
    OutsideUnitOpen,  ///< |x| > 1 (acoth)
    UnitHalfOpen,     ///< 0 < x <= 1 (asech)
};
/// The domain of the built-in `id` (All for two-argument ones and aliases).
FunctionDomain function_domain(std::uint32_t id);
/// True when the one-argument built-in `id` has a value at every real number (sin, exp,
/// atan, sigmoid, ...): no domain rule and no pole.
bool defined_everywhere(std::uint32_t id);
/// True when x is in the domain.
bool in_domain(FunctionDomain d, const Rational& x);
/// The same for a double (false for NaN); inline, for the compiled evaluator's loops.
inline bool in_domain(FunctionDomain d, double x) {
    switch (d) {
        case FunctionDomain::All: return true;
        case FunctionDomain::Positive: return x > 0;
        case FunctionDomain::NonZero: return x != 0 && x == x;
        case FunctionDomain::UnitClosed: return x >= -1 && x <= 1;
        case FunctionDomain::OutsideUnit: return x <= -1 || x >= 1;
        case FunctionDomain::AtLeastOne: return x >= 1;
        case FunctionDomain::UnitOpen: return x > -1 && x < 1;
        case FunctionDomain::OutsideUnitOpen: return x < -1 || x > 1;
        case FunctionDomain::UnitHalfOpen: return x > 0 && x <= 1;
    }
    return true;
}

/// Exact values and domain errors for a call with these arguments (sin(0) = 0,
/// ln(0) is an error); nullopt when the call stays as it is.
std::optional<Expr> fold_function(std::uint32_t id, std::span<const Expr> args);

/// The value of a built-in at numbers; throws Error(Domain) naming the function and
/// the point when it is undefined there.
double eval_function(std::uint32_t id, std::span<const double> x);

/// The built-in names closest to `name` (one edit away), for "did you mean" notes.
std::vector<std::string> similar_function_names(std::string_view name);

}  // namespace dfdx
