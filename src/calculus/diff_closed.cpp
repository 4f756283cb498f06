// Closed forms of n-th derivatives: linear over sums and constant factors; x^k by the
// falling factorial; exp, sin and cos of a linear argument by a^n and the period of 4.
#include "calculus/diff_closed.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "expr/construct.hpp"
#include "expr/functions.hpp"
#include "expr/rational.hpp"

namespace dfdx::detail {

namespace {

// k (k-1) ... (k-n+1) for k >= n, or nullopt when it would pass max_number_bits (the
// stepping then meets the same limit, as before).
std::optional<Rational> falling_factorial(unsigned long k, unsigned long long n) {
    const double k1 = static_cast<double>(k) + 1, rest1 = static_cast<double>(k - n) + 1;
    const double bits = (std::lgamma(k1) - std::lgamma(rest1)) / std::log(2.0);
    if (bits > static_cast<double>(max_number_bits) / 2) return std::nullopt;
    mpz_class binomial, factorial;
    mpz_bin_uiui(binomial.get_mpz_t(), k, static_cast<unsigned long>(n));
    mpz_fac_ui(factorial.get_mpz_t(), static_cast<unsigned long>(n));
    return Rational(mpz_class(binomial * factorial));
}

// d^n/dvar^n var^k for a non-negative integer k.
std::optional<Expr> monomial(const Expr& base, const Expr& exponent, unsigned long long n) {
    if (!is_number(exponent) || exponent->num < 0 || exponent->num.get_den() != 1)
        return std::nullopt;
    mpz_class k = exponent->num.get_num();
    if (!k.fits_ulong_p()) return std::nullopt;
    if (k < static_cast<unsigned long>(std::min<unsigned long long>(n, ~0ul))) return num(0);
    auto c = falling_factorial(k.get_ui(), n);
    if (!c) return std::nullopt;
    mpz_class rest = k - static_cast<unsigned long>(n);
    return mul(num(*c), pow(base, num(Rational(rest))));
}

// The slope a of u = a*var + b (b free of var); nullopt when u is not of that form. The
// closed forms need no more than this, so they do not call diff.
std::optional<Rational> slope(const Expr& u, const std::string& var) {
    if (!has_symbol(u, var)) return Rational(0);
    auto is_var = [&](const Expr& t) { return t.kind() == Kind::Symbol && t->name == var; };
    if (is_var(u)) return Rational(1);
    if (u.kind() == Kind::Mul && u->args.size() == 1) {
        auto inner = slope(u->args[0], var);
        return inner ? std::optional<Rational>(u->num * *inner) : std::nullopt;
    }
    if (u.kind() != Kind::Add) return std::nullopt;
    Rational a(0);
    for (std::size_t i = 0; i < u->args.size(); ++i) {
        if (is_var(u->args[i]))
            a += u->coeffs[i];
        else if (has_symbol(u->args[i], var))
            return std::nullopt;
    }
    return a;
}

// exp, sin, cos of a*var + b with a rational a.
std::optional<Expr> periodic(const Expr& e, const std::string& var, unsigned long long n) {
    const std::string_view name = function_info(e->id).name;
    if (e->args.size() != 1 || (name != "exp" && name != "sin" && name != "cos"))
        return std::nullopt;
    const Expr& u = e->args[0];
    const std::optional<Rational> a = slope(u, var);
    if (!a || *a == 0) return std::nullopt;
    Expr scale = pow(num(*a), num(Rational(n)));
    if (name == "exp") return mul(scale, e);
    // sin: sin, cos, -sin, -cos; cos: cos, -sin, -cos, sin.
    unsigned step = static_cast<unsigned>(n % 4) + (name == "cos" ? 1 : 0);
    Expr base = func(function_id(step % 2 == 0 ? "sin" : "cos"), {u});
    Expr sign = num(step % 4 >= 2 ? -1 : 1);
    Expr factors[] = {sign, scale, base};
    return mul(factors);
}

}  // namespace

std::optional<Expr> closed_nth_derivative(const Expr& e, const std::string& var,
                                          unsigned long long n) {
    if (!has_symbol(e, var))
        return has_unknown_calls(e) ? std::nullopt : std::optional<Expr>(num(0));
    switch (e.kind()) {
        case Kind::Symbol: return num(n == 1 ? 1 : 0);
        case Kind::Add: {
            std::vector<Expr> terms;
            for (std::size_t i = 0; i < e->args.size(); ++i) {
                auto d = closed_nth_derivative(e->args[i], var, n);
                if (!d) return std::nullopt;
                if (!is_zero(*d)) terms.push_back(mul(num(e->coeffs[i]), *d));
            }
            return add(terms);
        }
        case Kind::Mul: {
            std::vector<Expr> factors{num(e->num)};
            std::optional<Expr> d;
            for (const Expr& f : e->args) {
                if (!has_symbol(f, var)) {
                    factors.push_back(f);
                } else if (d) {
                    return std::nullopt;  // a product of two factors in var: stepped
                } else if (!(d = closed_nth_derivative(f, var, n))) {
                    return std::nullopt;
                }
            }
            factors.push_back(*d);
            return mul(factors);
        }
        case Kind::Pow:
            if (e->args[0].kind() != Kind::Symbol || e->args[0]->name != var) return std::nullopt;
            return monomial(e->args[0], e->args[1], n);
        case Kind::Func: return periodic(e, var, n);
        case Kind::Number:
        case Kind::Constant:
        case Kind::Apply:
        case Kind::Deriv:
        case Kind::Vector: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace dfdx::detail
