// What the range commands (table, plot) share: their expressions resolved in the range
// variable, with labels, and the range [a, b] with its spacing checked and sampled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "expr/expr.hpp"
#include "text/syntax.hpp"
#include "views/context.hpp"

namespace dfdx {

/// Most rows a table writes to a file, and prints.
inline constexpr std::uint64_t max_table_rows = 10'000'000;
inline constexpr std::uint64_t max_printed_rows = 1'000'000;
/// Most points a plot samples.
inline constexpr std::uint64_t max_plot_points = 1'000'000;

/// The expressions of a table or plot, fully expanded, and how to label each.
struct RangeExprs {
    std::string var;  ///< the range variable: the one after `for`, or the one free name
    std::vector<Expr> exprs;
    std::vector<std::string> labels;
    std::string var_label;    ///< the range variable, in the session's format
    std::vector<Span> spans;  ///< where each expression was written
};

/// The range of a plot written without `for`: wide enough to show the shape of most
/// textbook functions around the origin, as graphing calculators do.
inline constexpr double default_range_lo = -10, default_range_hi = 10;

/// Resolves the expressions of `st`; without `for` (a plot), the variable is the one name
/// they leave free, `x` when none, and an error when several. A bare name of a one-argument
/// function (user or built-in) means that function of the range variable: `plot f, f'` is `plot
/// f(x), f'(x)`. Labels are `f(x)`, `f'(x)` for user functions, else the printed expression.
RangeExprs resolve_range_exprs(const Statement& st, const ViewContext& view,
                               std::vector<std::string>& notes);

/// The range [lo, hi] of a table or plot and the spacing asked for.
struct Range {
    std::string var;
    double lo = 0, hi = 0;
    std::optional<Rational> lo_exact, hi_exact;  ///< when the end is a rational number
    std::optional<double> step;                  ///< `step h`
    std::optional<Rational> step_exact;
    std::optional<std::uint64_t> points;  ///< `with n points`
};

/// Resolves and checks the range of `st` (without `for`, the default range; the caller
/// sets `var` from RangeExprs): numeric, finite, lo < hi, a positive step, a
/// whole number of points of at least 2. Errors point at the offending part.
Range resolve_range(const Statement& st, const ViewContext& view, std::vector<std::string>& notes);

/// Evenly spaced points lo, lo + h, ..., exact when the range and step are rational.
class Grid {
public:
    /// The points of `r`: its step or its number of points, else `default_points`.
    /// Throws Error(Limit) naming `what` when there would be more than `limit`.
    Grid(const Range& r, std::uint64_t default_points, std::uint64_t limit,
         const std::string& what);

    [[nodiscard]] std::uint64_t size() const { return count_; }
    /// The k-th point, correctly rounded when exact() (else lo + k*h in floating point).
    [[nodiscard]] double x(std::uint64_t k) const;
    /// Whether the points are (num_ + k*step_num_) / den_ with 64-bit integers.
    [[nodiscard]] bool exact() const { return exact_; }
    /// Whether every point is a terminating decimal (exact_text gives no fractions).
    [[nodiscard]] bool terminating() const { return exact_ && decimals_ >= 0; }
    /// The k-th point as exact text when exact(): a decimal when it terminates ("0.25"),
    /// else a fraction when the common denominator is at most max_fraction_den ("1/3");
    /// else empty.
    [[nodiscard]] std::string exact_text(std::uint64_t k) const;
    static constexpr std::int64_t max_fraction_den = 1000;

private:
    std::uint64_t count_ = 0;
    double lo_ = 0, step_ = 0, hi_ = 0;
    bool exact_ = false;
    bool ends_at_hi_ = false;  ///< the last point is hi (a number of points, not a step)
    std::int64_t num_ = 0, step_num_ = 0, den_ = 1;
    int decimals_ = -1;            ///< digits after the point when den_ divides 10^decimals_
    std::int64_t to_decimal_ = 1;  ///< 10^decimals_ / den_
};

}  // namespace dfdx
