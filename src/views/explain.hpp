// explain: a derivative step by step. Compositions of user functions are named and their
// local derivatives multiplied along the paths (the chain rule); built-in expressions get
// an indented tree of the rule at each node with its local derivatives.
#pragma once

#include <string>
#include <vector>

#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "views/chain.hpp"
#include "views/context.hpp"

namespace dfdx {

/// Most rows of a rule tree; deeper levels are cut (marked "...") to stay under it.
inline constexpr std::size_t explain_max_rows = 40;
/// Most children shown under one node of a rule tree; the rest are counted.
inline constexpr std::size_t explain_max_children = 8;

/// One row of a rule tree: the node, the rule that differentiates it, its local
/// derivatives (∂node/∂child, one per child shown below it), and its derivative.
struct RuleRow {
    std::size_t depth = 0;
    Expr node;  ///< null for a "... N more" row
    std::string rule;
    std::vector<Expr> locals;
    bool cut = false;      ///< its children are not shown (too deep)
    std::size_t more = 0;  ///< for a "... N more" row: how many children were left out
    Expr derivative;       ///< ∂node/∂var: the sum of local derivative times child's
};

/// The rows of the rule tree of ∂e/∂var: each node depending on var at most once
/// (shared subexpressions once), variables and constants folded into their parents.
std::vector<RuleRow> rule_rows(const Expr& e, const std::string& var);

/// The lines `explain` prints for the derivative form (user calls kept in its operand):
/// the derivation, ending with the result exactly as `d/dx` prints it, then its value at
/// `point` when one is given.
std::vector<std::string> explain_lines(const DerivativeForm& form, const ViewContext& view,
                                       const chain::ExactPoint* point = nullptr);

}  // namespace dfdx
