// Rewrites beyond the canonical form: expand, and the textbook simplifier (simplify,
// together, cancel, factor) in src/textbook.cpp.
#pragma once

#include "expr/expr.hpp"

namespace dfdx {

/// Most terms an expansion may produce before it stops with Error(Limit).
inline constexpr std::size_t max_expand_terms = 200'000;

/// Products of sums multiplied out, integer powers of sums expanded, inside functions too.
Expr expand(const Expr& e);

/// Largest expression (distinct nodes) the simplifier works on; a larger one is returned
/// as it is (docs/decisions.md). Textbook-sized results are far below it.
inline constexpr std::size_t simplify_max_nodes = 400;

/// The textbook form: of the equal forms dfdx finds (as given, with the identities of
/// identities.hpp, common factors taken out, over one denominator with the GCD cancelled,
/// factored, expanded), the one that prints shortest; the earliest of equal length.
/// Equal to e wherever e is defined.
Expr simplify(const Expr& e);

/// Over one common denominator, the GCD cancelled; the numerator expanded, the
/// denominator factored.
Expr together(const Expr& e);

/// Numerator and denominator expanded, their GCD cancelled.
Expr cancel(const Expr& e);

/// Numerator and denominator factored over the rationals: factor(x^2 - 1) is (x - 1)*(x + 1).
Expr factor(const Expr& e);

}  // namespace dfdx
