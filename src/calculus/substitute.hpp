// Simultaneous substitution of symbols by expressions, rebuilt canonically.
#pragma once

#include <map>
#include <string>

#include "expr/expr.hpp"

namespace dfdx {

using Bindings = std::map<std::string, Expr>;

/// e with every symbol named in `values` replaced at once (no capture: the values are
/// not substituted into each other). Exact numbers fold, so domain errors surface here.
Expr substitute(const Expr& e, const Bindings& values);

/// e with every unknown-function call named in `bodies` replaced by the body with its
/// parameters bound to the call's arguments. Used to inline user definitions.
struct FunctionBody {
    std::vector<std::string> params;
    Expr body;
    /// The names that `nargs` arguments bind: the parameters, then (for the chapter's
    /// `h(g) = gz` called as `h(g(x, y), z)`) the body's free names in alphabetical
    /// order. Empty when nargs is more than that.
    [[nodiscard]] std::vector<std::string> call_params(std::size_t nargs) const;
};
using FunctionBodies = std::map<std::string, FunctionBody>;
Expr inline_calls(const Expr& e, const FunctionBodies& bodies);

}  // namespace dfdx
