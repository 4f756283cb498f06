// Numeric evaluation in double precision, with domain errors that name the function
// and the point, never a silent NaN.
#pragma once

#include <map>
#include <string>

#include "expr/expr.hpp"
#include "expr/functions.hpp"

namespace dfdx {

using Point = std::map<std::string, double>;

/// The value of a scalar expression at a point. Throws Error(Domain / DivisionByZero /
/// NotReal) where it is undefined, and Error(UnknownFunction) for unknown functions or
/// symbols without a value.
double evaluate(const Expr& e, const Point& point = {});

/// Real power with the conventions of the exact arithmetic: odd roots of negative
/// numbers are real, even roots of them are an error.
double real_pow(double base, const Expr& exponent_expr, double exponent);

/// The error for a node that has no number as its value: an unknown call (Apply, Deriv;
/// Error(UnknownFunction)) or a vector (Error(Type)). Every evaluator says the same.
[[noreturn]] void no_numeric_value(const Expr& e);

/// The value of a node without children at a point: a number, a symbol's value, pi or e;
/// Error(UnknownFunction) for a symbol without one or an unknown call, Error(Type) for a
/// vector.
double leaf_value(const Expr& e, const Point& point);

/// The value of the node e from its children's values, `arg(i)` giving args[i]'s: the
/// one rule per kind that evaluate() and backprop's forward pass share (powers by
/// real_pow, built-ins by eval_function and so by the function table's domains).
template <class Arg>
double node_value(const Expr& e, const Point& point, Arg&& arg) {
    switch (e.kind()) {
        case Kind::Add: {
            double s = to_double(e->num);
            for (std::size_t i = 0; i < e->args.size(); ++i) s += to_double(e->coeffs[i]) * arg(i);
            return s;
        }
        case Kind::Mul: {
            double p = to_double(e->num);
            for (std::size_t i = 0; i < e->args.size(); ++i) p *= arg(i);
            return p;
        }
        case Kind::Pow: {
            const double base = arg(0);
            return real_pow(base, e->args[1], arg(1));
        }
        case Kind::Func: {
            double x[2] = {0, 0};
            for (std::size_t i = 0; i < e->args.size() && i < 2; ++i) x[i] = arg(i);
            return eval_function(e->id, std::span<const double>(x, e->args.size()));
        }
        case Kind::Number:
        case Kind::Symbol:
        case Kind::Constant:
        case Kind::Apply:
        case Kind::Deriv:
        case Kind::Vector: break;
    }
    return leaf_value(e, point);
}

}  // namespace dfdx
