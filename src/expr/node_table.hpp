// Private: the unique table that interns nodes. Only construct.cpp creates nodes.
#pragma once

#include "expr/expr.hpp"

namespace dfdx::detail {

/// Returns the interned node equal to `proto` (same kind, payload and child pointers),
/// creating it when new. Fills in hash and depth.
Expr intern(Node&& proto);

/// The permanent node of a small integer (-32..64), or an empty handle outside that range:
/// a lookup without building a prototype node.
Expr small_integer(std::int64_t value);

}  // namespace dfdx::detail
