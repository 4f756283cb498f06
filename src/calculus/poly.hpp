// The polynomial bridge: an expression as a quotient of two polynomials over FLINT
// (exact multivariate arithmetic, GCD, factoring), and back. Whatever is not a polynomial
// operation (a function call, a symbolic power) becomes a generator; a rational power
// u^(p/q) becomes a power of the generator u^(1/q), reduced with (u^(1/q))^q = u.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "expr/expr.hpp"

namespace dfdx {

/// Sizes past which the bridge declines (returns nullopt) rather than risk a long wait.
inline constexpr std::size_t poly_max_generators = 24;  ///< distinct generators
inline constexpr long poly_max_terms = 400;             ///< terms of any polynomial built
inline constexpr long poly_max_power = 24;              ///< integer power of a sum expanded
inline constexpr long poly_max_factor_terms = 60;       ///< longest polynomial factored
inline constexpr long poly_max_factor_degree = 24;      ///< highest total degree factored

/// A polynomial as content * product of factor^exponent, each factor with integer
/// coefficients, content 1 and a positive leading coefficient.
struct Factored {
    Rational content;
    std::vector<std::pair<Expr, long>> factors;
};

/// e as num/den: both expanded polynomials in the generators, their GCD cancelled, den
/// with integer coefficients and content 1; with the factorisations when asked and
/// within the limits.
struct RationalForm {
    Expr num;
    Expr den;
    std::optional<Factored> num_factors;
    std::optional<Factored> den_factors;
};

/// True when FLINT can be used (it is loaded on the first call).
bool poly_available();

/// The rational form of e, or nullopt when FLINT is missing, e holds a vector, or a size
/// passes the limits above. Equal to e wherever e is defined.
std::optional<RationalForm> rational_form(const Expr& e, bool factor);

}  // namespace dfdx
