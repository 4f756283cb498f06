// Symbolic differentiation: the sum, product and power rules and the chain rule, written
// once for every built-in through the function table; unknown functions stay abstract.
#pragma once

#include <string>

#include "dfdx/expr.hpp"

namespace dfdx {

/// Largest derivative order computed step by step (orders past it are an Error(Limit)
/// unless the derivatives reach 0 or repeat first).
inline constexpr unsigned long long max_derivative_order = 1'000'000;

/// ∂e/∂var. Shared subexpressions are differentiated once.
Expr diff(const Expr& e, const std::string& var);

/// The n-th derivative in var. Stops at once when a derivative is 0, and jumps ahead
/// when the derivatives repeat (sin, exp), so huge orders answer at once.
Expr diff(const Expr& e, const std::string& var, unsigned long long n);

}  // namespace dfdx
