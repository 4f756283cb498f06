// Numeric evaluation in double precision, with domain errors that name the function
// and the point, never a silent NaN.
#pragma once

#include <map>
#include <string>

#include "expr/expr.hpp"

namespace dfdx {

using Point = std::map<std::string, double>;

/// The value of a scalar expression at a point. Throws Error(Domain / DivisionByZero /
/// NotReal) where it is undefined, and Error(UnknownFunction) for unknown functions or
/// symbols without a value.
double evaluate(const Expr& e, const Point& point = {});

/// Real power with the conventions of the exact arithmetic: odd roots of negative
/// numbers are real, even roots of them are an error.
double real_pow(double base, const Expr& exponent_expr, double exponent);

}  // namespace dfdx
