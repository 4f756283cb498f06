// check: a symbolic derivative against a central finite difference of the expression,
// with the error a central difference is expected to make.
#pragma once

#include <string>
#include <vector>

#include "expr/expr.hpp"
#include "numbers/eval.hpp"
#include "text/syntax.hpp"

namespace dfdx {

/// Highest total order that check compares (finite differences lose digits fast).
inline constexpr unsigned long long check_max_order = 4;

/// A mixed central difference of e in the variables (with their orders) at a point.
struct FiniteDifference {
    double value = 0;
    double rounding = 0;                                ///< estimate of the rounding error in value
    std::vector<std::pair<std::string, double>> steps;  ///< the step h of each variable
    unsigned long long order = 0;
};

/// The central difference: per variable of order n, the points x + (n/2 - j)h for
/// j = 0..n with weights (-1)^j C(n, j), divided by h^n; h a power of two near
/// eps^(1/(order+2)) times max(1, |x|). Throws Error(Limit) past check_max_order and the
/// evaluation's errors where a point leaves the domain.
FiniteDifference central_difference(const Expr& e, const std::vector<DiffVar>& vars,
                                    const Point& at);

/// Relative difference |a - b| / max(|a|, |b|), 0 when both are 0.
double relative_difference(double a, double b);

enum class Verdict {
    Agree,           ///< within the expected truncation error
    WithinRounding,  ///< apart by more, but the difference's rounding error is larger still
    Disagree,
};

/// Whether a symbolic value and a central difference agree within the difference's
/// expected truncation and rounding error.
Verdict verdict(double symbolic, const FiniteDifference& fd);

}  // namespace dfdx
