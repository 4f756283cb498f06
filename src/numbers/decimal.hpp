// Decimals that can be trusted: the value of a constant expression correctly rounded to
// a number of significant digits. A long-double pass with an error bound answers most
// questions at the default precision; the rest go to MPFR intervals whose working
// precision doubles until the rounding is certain (Ziv's strategy), up to a cap.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "expr/expr.hpp"

namespace dfdx {

/// Most significant digits a decimal may have (`set precision`, `--precision`).
inline constexpr int max_precision = 10000;

/// The working precision, in bits, past which the evaluator stops raising it; the largest
/// exact number in the expression is added, so every exact argument fits (sin(10^30)).
inline constexpr long working_bits_cap = 1L << 18;

/// Evaluates constant expressions to correctly rounded decimals. Keeps its MPFR scratch
/// between calls, so a decimal allocates nothing once warm; not thread-safe.
class DecimalEvaluator {
public:
    DecimalEvaluator();
    ~DecimalEvaluator();
    DecimalEvaluator(const DecimalEvaluator&) = delete;
    DecimalEvaluator& operator=(const DecimalEvaluator&) = delete;
    DecimalEvaluator(DecimalEvaluator&&) noexcept;
    DecimalEvaluator& operator=(DecimalEvaluator&&) noexcept;

    /// e correctly rounded to `digits` significant digits and printed as printf's %g
    /// ("0.5", "1e-20", "5.07595889754946e-435"); "0" exactly when the value is 0.
    /// Throws the function table's domain errors (Domain, DivisionByZero, NotReal), and
    /// Error(Limit) when the value overflows or the cap is reached before the rounding
    /// is certain.
    std::string text(const Expr& e, int digits);
    /// e correctly rounded to a double (for comparisons; infinite past a double's range).
    double value(const Expr& e);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// text() with a one-off evaluator.
std::string decimal_text(const Expr& e, int digits);
/// value() with a one-off evaluator.
double decimal_value(const Expr& e);

/// A decimal 0.DIGITS x 10^exponent (as mpfr_get_str gives it) printed as %g with
/// `precision` significant digits: trailing zeros dropped, scientific notation below
/// 1e-4 and from 10^precision on ("1e-05", "1.5e+20").
std::string format_digits(bool negative, std::string_view digits, long exponent, int precision);

namespace detail {
/// The long-double pass alone: the decimal when its error bound decides the rounding
/// (digits <= 17), else empty. Exposed for tests.
std::string fast_decimal(const Expr& e, int digits);
/// The decimal of `e` at `point` without substituting it (many points of one cached
/// expression): empty unless every name is a number there and the exact value is surely
/// no rational or closed form (nothing folds: no function at a special value, no root,
/// no pi or e), and the bound decides the rounding. Equal to decimal_text(substitute(e,
/// point)) whenever it answers.
std::string fast_decimal_at(const Expr& e, const std::map<std::string, Expr>& point, int digits);
/// The same for the nearest double; false when undecided.
bool fast_double(const Expr& e, double& out);
}  // namespace detail

}  // namespace dfdx
