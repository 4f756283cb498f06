// The invariants of the canonical forms, stated once and checked (SymEngine's
// is_canonical habit): debug and sanitizer builds define DFDX_CHECK_CANONICAL, and then
// the unique table checks every node it creates, so a constructor that builds a form
// construct.hpp says is never built stops at once instead of breaking equality later.
#pragma once

#include <string>

#include "expr/expr.hpp"

namespace dfdx {

/// True when `n` is in the canonical form of its kind; otherwise false, with the broken
/// rule in *why when why is not null. `n` need not be interned (tests build bad nodes
/// on the stack); its children must be.
///
///   Number    a rational (always in lowest terms); no children
///   Symbol    a name; no children
///   Constant  pi or e
///   Add       num + sum(coeffs[i] * args[i]): one nonzero coefficient per term, at least
///             two parts (a lone term c*t is a product), terms strictly sorted by compare
///             (so like terms are collected), no term a number, a scaled product or a
///             vector; at most one term a sum: a long sum (more than long_sum_terms terms)
///             sharing no term with the others at any of its layers
///   Mul       num * prod(args): num not 0, and not 1 for a single factor, which is not a
///             sum then either (2*(x + y) is 2*x + 2*y); factors sorted by base, like
///             factors collected (x and x^2; exp(u) and exp(2*u)), none a number, product
///             or vector
///   Pow       no exponent 0 or 1; no base e (exp); a base 1 only under a number; no
///             foldable pair of numbers; a power of a power or product or exp only where
///             folding it would not be valid on the whole domain
///   Func      a true built-in (not an alias such as sqrt) with its arity; no exact value
///             left unfolded
///   Apply     a name
///   Deriv     a name and one order per argument, not all 0
///   Vector    its elements, no further rule
bool is_canonical(const Node& n, std::string* why = nullptr);

}  // namespace dfdx
