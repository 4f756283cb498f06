// Private: the unique table that interns nodes. Only construct.cpp creates nodes.
#pragma once

#include "dfdx/expr.hpp"

namespace dfdx::detail {

/// Returns the interned node equal to `proto` (same kind, payload and child pointers),
/// creating it when new. Fills in hash and depth.
Expr intern(Node&& proto);

}  // namespace dfdx::detail
