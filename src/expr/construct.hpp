// The canonical constructors: the only way to build expressions. Each returns the
// canonical form, so equal mathematics built two ways is the same node. One exception:
// a sum may keep a long sum (more than 8 terms) it was built from whole, as one of its
// terms (see add), so a long sum built in two ways can be two nodes; for_each_term
// reads both as the same terms, and print prints them alike.
//
//   valid (canonical)            built from                 never built
//   x^3                          x*x^2                      Mul{x, x^2}
//   2*x + 1                      x + 1 + x                  Add{x, 1, x}
//   a + b + c                    (a + b) + c                Add{Add{a, b}, c}
//   2*x + 2*y                    2*(x + y)                  Mul{2, x + y}
//   sqrt(x^2)                    (x^2)^(1/2)                x  (only valid for x >= 0)
//   x^6                          (x^2)^3                    Pow{x^2, 3}
//   exp(x)                       e^x                        Pow{e, x}
#pragma once

#include <span>
#include <string>
#include <vector>

#include "expr/expr.hpp"

namespace dfdx {

/// A sum with more terms than this may stay whole as one term of a longer sum (add).
inline constexpr std::size_t long_sum_terms = 8;

Expr num(const Rational& value);
Expr num(long value);
Expr sym(const std::string& name);
Expr constant(ConstantId id);

Expr add(std::span<const Expr> terms);
Expr add(const Expr& a, const Expr& b);
Expr sub(const Expr& a, const Expr& b);
Expr neg(const Expr& a);
Expr mul(std::span<const Expr> factors);
Expr mul(const Expr& a, const Expr& b);
Expr div(const Expr& a, const Expr& b);
/// base^exp. Folds exact numbers (within max_number_bits; larger powers stay symbolic),
/// throws Error(DivisionByZero) for 0^negative and Error(NotReal) for even roots of
/// negative numbers.
Expr pow(const Expr& base, const Expr& exp);
Expr sqrt(const Expr& a);

/// A built-in function by its id (functions.hpp), with exact values folded
/// (sin(0) = 0) and domain errors for exact arguments (ln(0)).
Expr func(std::uint32_t id, std::vector<Expr> args);
/// An unknown function, kept abstract.
Expr apply(const std::string& name, std::vector<Expr> args);
/// The derivative of an unknown function: `orders[i]` derivatives in argument i.
Expr deriv(const std::string& name, std::vector<Expr> args, std::vector<std::uint32_t> orders);
Expr vector(std::vector<Expr> elements);

/// Rebuilds `e` with new children through the constructors above.
Expr rebuild(const Expr& e, std::vector<Expr> args);

/// Calls f(term, coefficient) for each term of the sum e, with the long sums nested in it
/// opened (add keeps a long sum whole as one term of a longer one), and returns the
/// constant of them all: the terms the flat form of e would have. Anything else is one
/// term with coefficient 1.
template <class F>
Rational for_each_term(const Expr& e, F&& f);

/// e with every nested long sum opened: the one form of e whatever order it was built
/// in, and the form its printed text reads back as.
Expr flatten_sums(const Expr& e);

/// Splits a term into its rational coefficient and the rest (2*x*y -> 2, x*y).
std::pair<Rational, Expr> split_coefficient(const Expr& term);
/// Splits a factor into base and exponent (x^2 -> x, 2; x -> x, 1).
std::pair<Expr, Expr> split_power(const Expr& factor);

namespace detail {
template <class F>
void each_term(const Node& s, const Rational* c, Rational& constant, F& f) {
    constant += c ? *c * s.num : s.num;
    for (std::size_t i = 0; i < s.args.size(); ++i) {
        const Expr& a = s.args[i];
        if (a.kind() == Kind::Add) {
            const Rational ci = c ? *c * s.coeffs[i] : s.coeffs[i];
            each_term(*a, &ci, constant, f);
        } else if (c) {
            f(a, *c * s.coeffs[i]);
        } else {
            f(a, s.coeffs[i]);  // the common case: no copy of the coefficient
        }
    }
}
}  // namespace detail

template <class F>
Rational for_each_term(const Expr& e, F&& f) {
    Rational constant(0);
    if (e.kind() != Kind::Add) {
        f(e, Rational(1));
        return constant;
    }
    detail::each_term(*e, nullptr, constant, f);
    return constant;
}

}  // namespace dfdx
