// Reverse-mode differentiation over the expression DAG: one forward pass for the values,
// one reverse pass for the adjoints ∂output/∂node, each shared node once.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "expr/expr.hpp"
#include "numbers/eval.hpp"

namespace dfdx {

/// One node of a computation graph with its forward value and adjoint.
struct GraphNode {
    Expr expr;
    std::vector<std::size_t> inputs;  ///< graph indices of expr->args, in the same order
    double value = 0;
    double adjoint = 0;   ///< ∂output/∂this node
    bool active = false;  ///< depends on some symbol
};

/// The computation graph of a scalar expression, in evaluation order (inputs before the
/// nodes that use them, the output last).
struct Graph {
    std::vector<GraphNode> nodes;
    std::unordered_map<const Node*, std::size_t> index;

    /// The adjoints of the named symbols: the gradient in that order (0 for a name the
    /// expression does not contain).
    [[nodiscard]] std::vector<double> gradient(const std::vector<std::string>& vars) const;
    [[nodiscard]] double value() const { return nodes.back().value; }
};

/// Values and adjoints of `e` at `point` in doubles. Throws Error(Domain / DivisionByZero /
/// NotReal) where a value or a local derivative is undefined, Error(UnknownFunction) for
/// unknown functions or symbols without a value, Error(Type) for vectors.
Graph backprop(const Expr& e, const Point& point);

}  // namespace dfdx
