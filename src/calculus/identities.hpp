// Private: the identities the textbook simplifier applies in the shortening direction
// (Pythagorean, quotients, exp/ln, sign/abs), each valid wherever its left side is defined.
#pragma once

#include "expr/expr.hpp"

namespace dfdx::detail {

/// e with the identities applied everywhere in it, bottom-up.
Expr apply_identities(const Expr& e);

/// e with each quotient of cos, sin, cosh, sinh powers written with sec, csc, sech, csch
/// (1/cos(x) -> sec(x)); a candidate form of its own, since it hides a denominator.
Expr apply_reciprocals(const Expr& e);

/// e with products of square roots of the same sign of power made one root
/// (sqrt(x)*sqrt(1 - x) -> sqrt(x - x^2)); a candidate form of its own.
Expr apply_root_products(const Expr& e);

}  // namespace dfdx::detail
