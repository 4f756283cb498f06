// Explicit rewrites beyond the canonical form: expand and simplify.
#pragma once

#include "dfdx/expr.hpp"

namespace dfdx {

/// Most terms an expansion may produce before it stops with Error(Limit).
inline constexpr std::size_t max_expand_terms = 200'000;

/// Products of sums multiplied out, integer powers of sums expanded, inside functions too.
Expr expand(const Expr& e);

/// The shortest of the equivalent forms dfdx knows (canonical, expanded).
Expr simplify(const Expr& e);

}  // namespace dfdx
