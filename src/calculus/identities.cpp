// The shortening identities of identities.hpp: in a product sin/cos -> tan, sinh/cosh ->
// tanh, cos/sin -> cot, sign(u)*abs(u)^k -> u^k (k odd); in exp, exp(k*ln(u) + r) ->
// u^k*exp(r); in a sum, pairs of terms c*R*f(u)^2 and c'*R*g(u)^2 that are one term.
#include "calculus/identities.hpp"

#include <array>
#include <optional>

#include "calculus/simplify.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "expr/rewriter.hpp"

namespace dfdx::detail {

namespace {

bool is_call(const Expr& e, std::string_view name) {
    return e.kind() == Kind::Func && e->id == function_id(name) && e->args.size() == 1;
}

Expr call(std::string_view name, const Expr& u) { return func(function_id(name), {u}); }

/// A factor's integer exponent, if it has one.
std::optional<long> int_exponent(const Expr& exp) {
    if (!is_number(exp) || !is_integer(exp->num)) return std::nullopt;
    return to_long(exp->num);
}

// f(u)^a * g(u)^b with a > 0 > b: (f/g)(u)^m times the rest, m = min(a, -b).
struct Quotient {
    const char* top;
    const char* bottom;
    const char* result;
};
constexpr Quotient kQuotients[] = {{"sin", "cos", "tan"},
                                   {"cos", "sin", "cot"},
                                   {"sinh", "cosh", "tanh"},
                                   {"cosh", "sinh", "coth"}};

// One rewrite of the factors of a product; false when none applies.
bool product_step(std::vector<Expr>& factors) {
    auto find = [&](std::string_view name, const Expr& u) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < factors.size(); ++i) {
            auto [b, k] = split_power(factors[i]);
            if (is_call(b, name) && b->args[0] == u && int_exponent(k)) return i;
        }
        return std::nullopt;
    };
    for (std::size_t i = 0; i < factors.size(); ++i) {
        auto [b, k] = split_power(factors[i]);
        auto a = int_exponent(k);
        if (b.kind() != Kind::Func || b->args.size() != 1 || !a || *a <= 0) continue;
        const Expr& u = b->args[0];
        if (is_call(b, "sign") && *a == 1) {
            auto j = find("abs", u);
            long kj = j ? *int_exponent(split_power(factors[*j]).second) : 0;
            if (j && kj % 2 != 0) {  // sign(u)*abs(u)^k = u^k for odd k, wherever defined
                factors[i] = pow(u, num(kj));
                factors[*j] = num(1);
                return true;
            }
        }
        for (const Quotient& q : kQuotients) {
            if (!is_call(b, q.top)) continue;
            auto j = find(q.bottom, u);
            long bexp = j ? *int_exponent(split_power(factors[*j]).second) : 0;
            if (bexp >= 0) continue;
            long m = std::min(*a, -bexp);
            factors[i] = mul(pow(b, num(*a - m)), pow(call(q.result, u), num(m)));
            factors[*j] = pow(call(q.bottom, u), num(bexp + m));
            return true;
        }
    }
    return false;
}

// 2*sin(u)*cos(u) = sin(2*u) and 2*sinh(u)*cosh(u) = sinh(2*u), when the coefficient is
// even: one pair of factors (of any positive powers) made one call; false when none.
bool double_angle_step(std::vector<Expr>& factors, Rational& c) {
    static constexpr std::array<std::array<const char*, 2>, 2> kPairs2{
        {{"sin", "cos"}, {"sinh", "cosh"}}};
    if (c.get_num() % 2 != 0) return false;
    for (const auto& [f, g] : kPairs2) {
        for (std::size_t i = 0; i < factors.size(); ++i) {
            auto [b, k] = split_power(factors[i]);
            auto a = int_exponent(k);
            if (!is_call(b, f) || !a || *a <= 0) continue;
            const Expr& u = b->args[0];
            for (std::size_t j = 0; j < factors.size(); ++j) {
                auto [bj, kj] = split_power(factors[j]);
                auto aj = int_exponent(kj);
                if (!is_call(bj, g) || bj->args[0] != u || !aj || *aj <= 0) continue;
                factors[i] = mul(pow(b, num(*a - 1)), call(f, mul(num(2), u)));
                factors[j] = pow(bj, num(*aj - 1));
                c = c / Rational(2);
                return true;
            }
        }
    }
    return false;
}

// c/(cos(u)^n*sinh(v)^m) = c*sec(u)^n*csch(v)^m when every factor is such a reciprocal and
// c is 1/k: the quotient's "1/" goes (1/cos(x) -> sec(x)).
bool reciprocal_rule(std::vector<Expr>& factors, const Rational& c) {
    static constexpr std::array<std::array<const char*, 2>, 4> kRecip{
        {{"cos", "sec"}, {"sin", "csc"}, {"cosh", "sech"}, {"sinh", "csch"}}};
    if (abs(c.get_num()) != 1 || factors.empty()) return false;
    std::vector<Expr> out;
    for (const Expr& fac : factors) {
        auto [b, k] = split_power(fac);
        auto a = int_exponent(k);
        if (b.kind() != Kind::Func || b->args.size() != 1 || !a || *a >= 0) return false;
        const char* to = nullptr;
        for (const auto& [from, r] : kRecip) {
            if (is_call(b, from)) to = r;
        }
        if (!to) return false;
        out.push_back(pow(call(to, b->args[0]), num(-*a)));
    }
    factors = std::move(out);
    return true;
}

/// The largest square dividing z > 0 by primes below 1000, as its root: 12 -> 2.
mpz_class square_root_part(const mpz_class& z) {
    mpz_class root = 1, rest = z;
    for (unsigned long p = 2; p < 1000 && p * p <= rest; ++p) {
        while (mpz_divisible_ui_p(rest.get_mpz_t(), p * p) != 0) {
            rest /= p * p;
            root *= p;
        }
    }
    if (mpz_perfect_square_p(rest.get_mpz_t()) != 0) root *= sqrt(rest);
    return root;
}

// c*sqrt(q^2*v)^n = c*q^n*sqrt(v)^n for a rational q > 0 and odd n: the square part of a
// root's rational content comes out (1/(2*sqrt(1 - x^2/4)) -> 1/sqrt(4 - x^2),
// -2/sqrt(4*x - 4*x^2) -> -1/sqrt(x - x^2)); false when no root has one.
bool root_content_step(std::vector<Expr>& factors, Rational& c) {
    for (Expr& f : factors) {
        auto [b, k] = split_power(f);
        if (b.kind() != Kind::Add || !is_number(k) || k->num.get_den() != 2) continue;
        mpz_class g = 0, l = 1;
        Rational k0 = for_each_term(b, [&](const Expr&, const Rational& kt) {
            mpz_gcd(g.get_mpz_t(), g.get_mpz_t(), kt.get_num().get_mpz_t());
            mpz_lcm(l.get_mpz_t(), l.get_mpz_t(), kt.get_den().get_mpz_t());
        });
        mpz_gcd(g.get_mpz_t(), g.get_mpz_t(), k0.get_num().get_mpz_t());
        mpz_lcm(l.get_mpz_t(), l.get_mpz_t(), k0.get_den().get_mpz_t());
        if (g == 0) continue;
        Rational q(square_root_part(g), square_root_part(l));
        if (q == 1) continue;
        mpz_class n = k->num.get_num();
        if (abs(n) > 3) continue;
        Rational qn = 1;
        for (long i = 0; i < abs(n); ++i) qn *= q;
        c = n > 0 ? c * qn : c / qn;
        f = pow(mul(num(Rational(1) / (q * q)), b), k);
        return true;
    }
    return false;
}

// sqrt(a)^n*sqrt(b)^n = sqrt(a*b)^n (n = 1 or -1), equal wherever both roots are real:
// 1/(sqrt(x)*sqrt(1 - x)) -> 1/sqrt(x - x^2); false when no two roots pair up.
bool root_product_step(std::vector<Expr>& factors) {
    auto half = [](const Expr& k) { return is_number(k) && abs(k->num) == Rational(1, 2); };
    for (std::size_t i = 0; i < factors.size(); ++i) {
        auto [a, ka] = split_power(factors[i]);
        if (!half(ka) || is_number(a)) continue;
        for (std::size_t j = i + 1; j < factors.size(); ++j) {
            auto [b, kb] = split_power(factors[j]);
            if (!(kb == ka) || is_number(b)) continue;
            Expr base = mul(a, b);
            try {
                if (dag_size(base) < 40) base = expand(base);
            } catch (const Error& err) {
                if (err.code() != ErrorCode::Limit) throw;
            }
            factors[i] = pow(base, ka);
            factors[j] = num(1);
            return true;
        }
    }
    return false;
}

Expr product_rules(const Expr& e) {
    std::vector<Expr> factors(e->args.begin(), e->args.end());
    Rational c = e->num;
    bool changed = false;
    for (int step = 0; step < 16 && product_step(factors); ++step) changed = true;
    for (int step = 0; step < 8 && double_angle_step(factors, c); ++step) changed = true;
    for (int step = 0; step < 4 && root_content_step(factors, c); ++step) changed = true;
    if (!changed) return e;
    factors.push_back(num(c));
    return mul(factors);
}

// exp(k*ln(u) + r) = u^k * exp(r): equal wherever ln(u) is defined (u > 0).
Expr exp_rule(const Expr& e) {
    if (!is_call(e, "exp")) return e;
    std::vector<Expr> rest;
    std::vector<Expr> powers;
    Rational c = for_each_term(e->args[0], [&](const Expr& term, const Rational& k0) {
        auto [k1, t] = split_coefficient(term);
        Rational k = k0 * k1;
        if (is_call(t, "ln")) {
            powers.push_back(pow(t->args[0], num(k)));
        } else {
            rest.push_back(mul(num(k), t));
        }
    });
    if (powers.empty()) return e;
    rest.push_back(num(c));
    powers.push_back(call("exp", add(rest)));
    return mul(powers);
}

// c_f*R*f(u)^2 + c_g*R*g(u)^2 with c_g = ratio*c_f is sign*c_f*R*result (g "" is 1).
struct Pair {
    const char* f;
    const char* g;
    int ratio;
    const char* result;  ///< squared; "" for 1
    int sign;
    bool doubled = false;  ///< result(2*u), not squared: cos(u)^2 - sin(u)^2 = cos(2*u)
};
constexpr Pair kPairs[] = {{"sin", "cos", 1, "", 1},
                           {"cosh", "sinh", -1, "", 1},
                           {"tan", "", 1, "sec", 1},
                           {"cot", "", 1, "csc", 1},
                           {"tanh", "", -1, "sech", -1},
                           {"coth", "", -1, "csch", 1},
                           {"sin", "", -1, "cos", -1},
                           {"cos", "", -1, "sin", -1},
                           {"sinh", "", 1, "cosh", 1},
                           {"cosh", "", -1, "sinh", 1},
                           {"cos", "sin", -1, "cos", 1, true},
                           {"sin", "cos", -1, "cos", -1, true},
                           {"cosh", "sinh", 1, "cosh", 1, true}};

// One Pythagorean pair of terms made one term; false when there is none.
bool sum_step(std::vector<std::pair<Expr, Rational>>& terms) {
    auto find = [&](const Expr& t, std::size_t skip) -> std::optional<std::size_t> {
        for (std::size_t j = 0; j < terms.size(); ++j) {
            if (j != skip && terms[j].first == t) return j;
        }
        return std::nullopt;
    };
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const Expr& r = terms[i].first;
        std::vector<Expr> fs = r.kind() == Kind::Mul ? r->args : std::vector<Expr>{r};
        for (const Expr& fac : fs) {
            auto [b, k] = split_power(fac);
            auto n = int_exponent(k);
            if (b.kind() != Kind::Func || b->args.size() != 1 || !n || *n < 2) continue;
            const Expr& u = b->args[0];
            for (const Pair& p : kPairs) {
                if (!is_call(b, p.f)) continue;
                Expr rest = div(r, pow(b, num(2)));
                Expr other = *p.g ? mul(rest, pow(call(p.g, u), num(2))) : rest;
                auto j = find(other, i);
                if (!j || terms[*j].second != terms[i].second * Rational(p.ratio)) continue;
                Expr result = p.doubled   ? mul(rest, call(p.result, mul(num(2), u)))
                              : *p.result ? mul(rest, pow(call(p.result, u), num(2)))
                                          : rest;
                terms[i] = {result, terms[i].second * Rational(p.sign)};
                terms.erase(terms.begin() + static_cast<long>(*j));
                return true;
            }
        }
    }
    return false;
}

Expr sum_rules(const Expr& e) {
    std::vector<std::pair<Expr, Rational>> terms;
    Rational c =
        for_each_term(e, [&](const Expr& t, const Rational& k) { terms.emplace_back(t, k); });
    if (c != 0) terms.emplace_back(num(1), c);
    if (terms.size() > 40) return e;
    bool changed = false;
    for (auto& [t, k] : terms) {  // a sum's terms keep their coefficients apart
        if (t.kind() != Kind::Mul) continue;
        std::vector<Expr> fs = t->args;
        bool doubled = false;
        for (int step = 0; step < 8 && double_angle_step(fs, k); ++step) doubled = true;
        for (int step = 0; step < 4 && root_content_step(fs, k); ++step) doubled = true;
        if (doubled) t = mul(fs);
        changed = changed || doubled;
    }
    for (int step = 0; step < 20 && sum_step(terms); ++step) changed = true;
    if (!changed) return e;
    std::vector<Expr> out;
    for (const auto& [t, k] : terms) out.push_back(mul(num(k), t));
    return add(out);
}

// The reciprocal rule on whole quotients, after the others (which may still combine
// cos(x)*cos(x)^(-2)): a power inside a product is not a quotient of its own.
Expr reciprocals(const Expr& e) {
    auto leaf = [](const Expr& x, auto& self) -> Expr {
        std::vector<Expr> factors{x};
        switch (x.kind()) {
            case Kind::Mul: {
                factors = x->args;
                if (reciprocal_rule(factors, x->num)) return mul(mul(factors), num(x->num));
                std::vector<Expr> args;
                for (const Expr& a : x->args) {
                    args.push_back(a.kind() == Kind::Pow
                                       ? rebuild(a, {self(a->args[0]), self(a->args[1])})
                                       : self(a));
                }
                return rebuild(x, std::move(args));
            }
            case Kind::Pow:
                return reciprocal_rule(factors, Rational(1)) ? factors[0] : self.children(x);
            default: return self.children(x);
        }
    };
    detail::Rewriter<decltype(leaf)> rw(leaf);
    return rw(e);
}

}  // namespace

Expr apply_identities(const Expr& e) {
    auto leaf = [](const Expr& x, auto& self) -> Expr {
        Expr r = self.children(x);
        switch (r.kind()) {
            case Kind::Mul: return product_rules(r);
            case Kind::Add: return sum_rules(r);

            case Kind::Func: return exp_rule(r);
            default: return r;
        }
    };
    detail::Rewriter<decltype(leaf)> rw(leaf);
    return rw(e);
}

Expr apply_reciprocals(const Expr& e) { return reciprocals(e); }

Expr apply_root_products(const Expr& e) {
    auto leaf = [](const Expr& x, auto& self) -> Expr {
        Expr r = self.children(x);
        if (r.kind() != Kind::Mul) return r;
        std::vector<Expr> factors = r->args;
        bool changed = false;
        for (int step = 0; step < 4 && root_product_step(factors); ++step) changed = true;
        return changed ? mul(mul(factors), num(r->num)) : r;
    };
    detail::Rewriter<decltype(leaf)> rw(leaf);
    return rw(e);
}

}  // namespace dfdx::detail
