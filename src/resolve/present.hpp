// How a value is shown: exact when it is a rational or a short closed form, else a
// correctly rounded decimal when it is a number, symbolic otherwise; and the textbook form
// of a computed result, remembered by value.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "expr/expr.hpp"
#include "numbers/decimal.hpp"
#include "resolve/settings.hpp"

namespace dfdx {

class Presenter {
public:
    /// A value as results are printed: exact when rational or a short closed form
    /// (`sqrt(2)/2`, `pi/6`), else a correctly rounded decimal when numeric, symbolic
    /// otherwise. `force_decimal` (approx, values at points) turns closed forms to decimals
    /// and refuses a value that is not a number.
    [[nodiscard]] std::string show(const Expr& e, const Settings& settings,
                                   bool force_decimal = false,
                                   const std::vector<std::string>& leading = {}) const;

    /// The textbook form of a result about to be printed (calculus/simplify.hpp),
    /// remembered by value: a script that prints one derivative many times simplifies it once.
    [[nodiscard]] Expr textbook(const Expr& e) const;

private:
    mutable std::unordered_map<Expr, Expr, ExprHash> simplified_;
    mutable DecimalEvaluator decimals_;  ///< MPFR scratch kept warm between decimals
};

}  // namespace dfdx
