// Private: closed forms of n-th derivatives (issue 16), so diff(exp(2x), x, 10^6) is one
// step instead of a million.
#pragma once

#include <optional>
#include <string>

#include "expr/expr.hpp"

namespace dfdx::detail {

/// The n-th derivative of e in var (n >= 1) in closed form, when e is built from sums,
/// constant multiples, polynomials in var, and exp, sin, cos of `a*var + b` (a a rational
/// number); nullopt otherwise (the caller steps one derivative at a time).
std::optional<Expr> closed_nth_derivative(const Expr& e, const std::string& var,
                                          unsigned long long n);

}  // namespace dfdx::detail
