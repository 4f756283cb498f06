// The standard workloads of the benchmarks (issue 8): their source text, the statement a
// user would type, and the derivative work each one measures, built once here.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "expr/expr.hpp"
#include "numbers/eval.hpp"

namespace dfdx::bench {

/// One workload: a function, how it is differentiated, and where it is evaluated.
struct Workload {
    std::string name;
    std::string function;                     ///< the expression to differentiate, in dfdx syntax
    std::string statement;                    ///< the statement a user types for the whole job
    std::function<Expr(const Expr&)> derive;  ///< the derivative work on the built function
    Point point;                              ///< where the derivative is evaluated
};

/// Every workload of the core benchmarks, in a fixed order.
const std::vector<Workload>& workloads();
const Workload& workload(const std::string& name);

/// `sum(sin(k*x)^k * exp(x/k), k=1..n)` written out.
std::string sum_sin_exp_text(int n);
/// The mathjs benchmark `sum(sin((i+j)*x^i + (i*j)*y^j), i, j = 1..5)` written out.
std::string mathjs_text();
/// `sum(x^k/k, k=1..n)` written out.
std::string polynomial_text(int n);
/// The Griewank test function in n variables x1..xn.
std::string griewank_function_text(int n);

/// Parses and resolves an expression in an empty session.
Expr build(const std::string& text);
/// `e = e^2 + e` applied n times to x, with the constructors (the tree doubles at each
/// step; the DAG grows by a node or two).
Expr nested_squares(int n);

/// The value of a scalar or a vector (sum of the elements) at a point, so that every
/// element of a gradient or Jacobian is evaluated.
double evaluate_all(const Expr& e, const Point& p);

}  // namespace dfdx::bench
