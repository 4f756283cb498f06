// Private: exact values with a closed form that the function table's folds add to its
// own (exact_values.cpp): trigonometric values at multiples of pi/12, inverse
// trigonometric values there, and logarithms and exponentials of exact powers.
#pragma once

#include <cstdint>
#include <optional>

#include "expr/expr.hpp"

namespace dfdx::detail {

/// sin, cos, tan, cot, sec, csc at c*pi when 12c is an integer and c*2 is not (those
/// are fold_at_pi's): sin(pi/4) = sqrt(2)/2, tan(pi/12) = 2 - sqrt(3).
std::optional<Expr> fold_trig_at_pi(std::uint32_t id, const Rational& c);

/// asin, acos, atan, acot, asec, acsc at the values above: asin(1/2) = pi/6.
std::optional<Expr> fold_inverse_trig(std::uint32_t id, const Expr& a);

/// ln(e^3) = 3, ln(8) = 3 ln(2) (so log(8, 2) = 3), ln(1/2) = -ln(2), log10(1000) = 3,
/// log2(1/8) = -3, exp(c ln(q)) = q^c.
std::optional<Expr> fold_log_exp(std::uint32_t id, const Expr& a);

}  // namespace dfdx::detail
