// The polynomial bridge (poly.hpp): expressions to FLINT fmpq_mpoly fractions and back.
#include "calculus/poly.hpp"

#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "calculus/flint_api.hpp"
#include "expr/construct.hpp"

namespace dfdx {

namespace {

using flint::Api;
using flint::Ctx;
using flint::Poly;
using flint::Q;

struct Decline {};  // a size past the limits: the caller keeps its expression

/// A generator: an atom, or the root base^(1/root) of a base whose powers are rational.
struct Gen {
    Expr atom;
    Expr base;
    long root = 0;
};

/// The generators of one expression, found before the context is made.
class Generators {
public:
    void collect(const Expr& e) {
        if (!seen_.insert(e.get()).second) return;  // each node of the DAG once
        switch (e.kind()) {
            case Kind::Number: return;
            case Kind::Add:
                for_each_term(e, [&](const Expr& t, const Rational&) { collect(t); });
                return;
            case Kind::Mul:
                for (const Expr& a : e->args) collect(a);
                return;
            case Kind::Pow: return collect_power(e);
            case Kind::Vector: throw Decline{};
            default: return atom(e);
        }
    }

    [[nodiscard]] const std::vector<Gen>& list() const { return gens_; }
    [[nodiscard]] long index_of_atom(const Expr& e) const { return atoms_.at(e.get()); }
    /// The root generator of base and its order.
    [[nodiscard]] std::pair<long, long> root_of(const Expr& base) const {
        long i = roots_.at(base.get());
        return {i, gens_[static_cast<std::size_t>(i)].root};
    }

private:
    void collect_power(const Expr& e) {
        const Expr& b = e->args[0];
        const Expr& k = e->args[1];
        if (!is_number(k)) return atom(e);
        if (is_integer(k->num)) {
            auto n = to_long(k->num);
            if (!n || *n > poly_max_power || *n < -poly_max_power) return atom(e);
            return collect(b);
        }
        auto q = to_long(Rational(k->num.get_den()));
        if (!q || *q > 12) return atom(e);
        collect(b);
        auto it = roots_.find(b.get());
        if (it == roots_.end()) {
            roots_.emplace(b.get(), static_cast<long>(gens_.size()));
            gens_.push_back({Expr(), b, *q});
        } else {
            long& r = gens_[static_cast<std::size_t>(it->second)].root;
            r = std::lcm(r, *q);
        }
        check();
    }

    void atom(const Expr& e) {
        if (atoms_.emplace(e.get(), static_cast<long>(gens_.size())).second)
            gens_.push_back({e, Expr(), 0});
        check();
    }

    void check() const {
        if (gens_.size() > poly_max_generators) throw Decline{};
    }

    std::vector<Gen> gens_;
    std::unordered_map<const Node*, long> atoms_;
    std::unordered_map<const Node*, long> roots_;
    std::unordered_set<const Node*> seen_;
};

struct Frac {
    Poly num;
    Poly den;
};

class Bridge {
public:
    Bridge(const Api& f, Generators g)
        : f_(f), g_(std::move(g)), ctx_(f, static_cast<long>(g_.list().size())) {}

    Frac convert(const Expr& e);
    void cancel(Frac& q);
    void reduce_roots(Frac& q);
    void normalise(Frac& q);
    Expr to_expr(const Poly& p) const;
    std::optional<Factored> factor(const Poly& p);

private:
    Poly constant(const Rational& r) const {
        Poly p(ctx_);
        Q c(f_, r);
        f_.fmpq_mpoly_set_fmpq(p.get(), c.get(), ctx_.get());
        return p;
    }
    Poly gen_power(long i, unsigned long k) const {
        Poly p(ctx_);
        std::vector<ulong> exps(g_.list().size(), 0);
        exps[static_cast<std::size_t>(i)] = k;
        Q one(f_, Rational(1));
        f_.fmpq_mpoly_push_term_fmpq_ui(p.get(), one.get(), exps.data(), ctx_.get());
        f_.fmpq_mpoly_reduce(p.get(), ctx_.get());
        return p;
    }
    void bound(const Poly& p) const {
        if (p.length() > poly_max_terms) throw Decline{};
        check_interrupt();
    }
    Poly mul(const Poly& a, const Poly& b) const {
        Poly r(ctx_);
        f_.fmpq_mpoly_mul(r.get(), a.get(), b.get(), ctx_.get());
        bound(r);
        return r;
    }
    Poly power(const Poly& a, unsigned long k) const {
        Poly r(ctx_);
        if (!f_.fmpq_mpoly_pow_ui(r.get(), a.get(), k, ctx_.get())) throw Decline{};
        bound(r);
        return r;
    }
    Poly divide(const Poly& a, const Poly& b) const {
        Poly r(ctx_);
        if (!f_.fmpq_mpoly_divides(r.get(), a.get(), b.get(), ctx_.get())) throw Decline{};
        return r;
    }
    Poly gcd(const Poly& a, const Poly& b) const {
        Poly r(ctx_);
        if (!f_.fmpq_mpoly_gcd(r.get(), a.get(), b.get(), ctx_.get())) throw Decline{};
        return r;
    }
    Frac add(const Frac& a, const Frac& b);
    Frac convert_node(const Expr& e);
    Frac convert_power(const Expr& e);
    std::vector<std::pair<Rational, std::vector<ulong>>> terms(const Poly& p) const;
    Poly from_terms(const std::vector<std::pair<Rational, std::vector<ulong>>>& ts) const;
    Rational content(const Poly& p) const;

public:
    const Api& f_;
    Generators g_;
    Ctx ctx_;
    std::vector<Expr> converted_keys_;  ///< the keys of converted_, kept alive
    std::unordered_map<const Node*, Frac>
        converted_;  ///< convert's results; after ctx_, freed before it
};

std::vector<std::pair<Rational, std::vector<ulong>>> Bridge::terms(const Poly& p) const {
    std::vector<std::pair<Rational, std::vector<ulong>>> out;
    for (long i = 0; i < p.length(); ++i) {
        Q c(f_);
        f_.fmpq_mpoly_get_term_coeff_fmpq(c.get(), p.get(), i, ctx_.get());
        std::vector<ulong> exps(g_.list().size(), 0);
        f_.fmpq_mpoly_get_term_exp_ui(exps.data(), p.get(), i, ctx_.get());
        out.emplace_back(c.value(), std::move(exps));
    }
    return out;
}

Poly Bridge::from_terms(const std::vector<std::pair<Rational, std::vector<ulong>>>& ts) const {
    Poly p = constant(Rational(0));
    for (const auto& [c, exps] : ts) {
        Poly t(ctx_);
        Q q(f_, c);
        f_.fmpq_mpoly_push_term_fmpq_ui(t.get(), q.get(), const_cast<ulong*>(exps.data()),
                                        ctx_.get());
        f_.fmpq_mpoly_reduce(t.get(), ctx_.get());
        f_.fmpq_mpoly_add(p.get(), p.get(), t.get(), ctx_.get());
    }
    return p;
}

Frac Bridge::add(const Frac& a, const Frac& b) {
    if (b.num.is_zero()) return a;
    if (a.num.is_zero()) return b;
    Poly g = gcd(a.den, b.den);
    Poly bd = divide(b.den, g);
    Poly ad = divide(a.den, g);
    Poly n(ctx_);
    f_.fmpq_mpoly_add(n.get(), mul(a.num, bd).get(), mul(b.num, ad).get(), ctx_.get());
    bound(n);
    return {n, mul(a.den, bd)};
}

Frac Bridge::convert_power(const Expr& e) {
    const Expr& b = e->args[0];
    const Expr& k = e->args[1];
    if (!is_number(k)) return {gen_power(g_.index_of_atom(e), 1), constant(Rational(1))};
    if (is_integer(k->num)) {
        auto n = to_long(k->num);
        if (!n || *n > poly_max_power || *n < -poly_max_power) {
            return {gen_power(g_.index_of_atom(e), 1), constant(Rational(1))};
        }
        Frac base = convert(b);
        auto m = static_cast<unsigned long>(*n < 0 ? -*n : *n);
        Frac r{power(base.num, m), power(base.den, m)};
        if (*n < 0) std::swap(r.num, r.den);
        if (r.den.is_zero()) throw Decline{};
        return r;
    }
    auto q = to_long(Rational(k->num.get_den()));
    if (!q || *q > 12) return {gen_power(g_.index_of_atom(e), 1), constant(Rational(1))};
    auto [i, root] = g_.root_of(b);
    auto m = to_long(k->num * Rational(root));
    if (!m || *m > 4 * poly_max_power || *m < -4 * poly_max_power) throw Decline{};
    Poly t = gen_power(i, static_cast<unsigned long>(*m < 0 ? -*m : *m));
    if (*m < 0) return {constant(Rational(1)), t};
    return {t, constant(Rational(1))};
}

Frac Bridge::convert(const Expr& e) {
    if (auto it = converted_.find(e.get()); it != converted_.end()) return it->second;
    Frac r = convert_node(e);
    converted_.emplace(e.get(), r);
    converted_keys_.push_back(e);  // alive while the memo is: a freed node's address may come back
    return r;
}

Frac Bridge::convert_node(const Expr& e) {
    switch (e.kind()) {
        case Kind::Number: return {constant(e->num), constant(Rational(1))};
        case Kind::Add: {
            Frac sum{constant(Rational(0)), constant(Rational(1))};
            Rational c = for_each_term(e, [&](const Expr& t, const Rational& k) {
                Frac x = convert(t);
                Poly kp = constant(k);
                sum = add(sum, {mul(x.num, kp), x.den});
            });
            return add(sum, {constant(c), constant(Rational(1))});
        }
        case Kind::Mul: {
            Frac r{constant(e->num), constant(Rational(1))};
            for (const Expr& a : e->args) {
                Frac x = convert(a);
                r = {mul(r.num, x.num), mul(r.den, x.den)};
            }
            return r;
        }
        case Kind::Pow: return convert_power(e);
        case Kind::Vector: throw Decline{};
        default: return {gen_power(g_.index_of_atom(e), 1), constant(Rational(1))};
    }
}

void Bridge::cancel(Frac& q) {
    Poly g = gcd(q.num, q.den);
    if (g.is_zero()) return;
    q.num = divide(q.num, g);
    q.den = divide(q.den, g);
}

// (u^(1/q))^k with k >= q is u^(k div q) * (u^(1/q))^(k mod q), in the numerator, for a
// base u that is a polynomial in the other generators.
void Bridge::reduce_roots(Frac& q) {
    const auto& gens = g_.list();
    for (std::size_t i = 0; i < gens.size(); ++i) {
        if (gens[i].root == 0) continue;
        Frac u = convert(gens[i].base);
        auto den_terms = terms(u.den);
        if (den_terms.size() != 1 || den_terms[0].second != std::vector<ulong>(gens.size(), 0))
            continue;
        Poly base = mul(u.num, constant(Rational(1) / den_terms[0].first));
        auto root = static_cast<ulong>(gens[i].root);
        Poly out = constant(Rational(0));
        bool changed = false;
        for (auto& [c, exps] : terms(q.num)) {
            ulong k = exps[i] / root;
            exps[i] %= root;
            Poly t = from_terms({{c, exps}});
            if (k > 0) {
                t = mul(t, power(base, k));
                changed = true;
            }
            f_.fmpq_mpoly_add(out.get(), out.get(), t.get(), ctx_.get());
            bound(out);
        }
        if (changed) q.num = out;
    }
}

Rational Bridge::content(const Poly& p) const {
    mpz_class num_gcd = 0, den_lcm = 1;
    for (const auto& [c, exps] : terms(p)) {
        mpz_gcd(num_gcd.get_mpz_t(), num_gcd.get_mpz_t(), c.get_num().get_mpz_t());
        mpz_lcm(den_lcm.get_mpz_t(), den_lcm.get_mpz_t(), c.get_den().get_mpz_t());
    }
    if (num_gcd == 0) return Rational(1);
    Rational r(num_gcd, den_lcm);
    auto ts = terms(p);
    if (!ts.empty() && ts[0].first < 0) r = -r;  // leading coefficient positive after dividing
    return r;
}

// den made integer with content 1 and a positive leading coefficient.
void Bridge::normalise(Frac& q) {
    Rational c = content(q.den);
    Poly s = constant(Rational(1) / c);
    q.num = mul(q.num, s);
    q.den = mul(q.den, s);
}

Expr Bridge::to_expr(const Poly& p) const {
    std::vector<Expr> out;
    const auto& gens = g_.list();
    for (const auto& [c, exps] : terms(p)) {
        std::vector<Expr> factors{num(c)};
        for (std::size_t i = 0; i < gens.size(); ++i) {
            if (exps[i] == 0) continue;
            const Gen& g = gens[i];
            auto k = static_cast<long>(exps[i]);
            factors.push_back(g.root ? dfdx::pow(g.base, num(Rational(k) / Rational(g.root)))
                                     : dfdx::pow(g.atom, num(k)));
        }
        out.push_back(dfdx::mul(factors));
    }
    return dfdx::add(out);
}

std::optional<Factored> Bridge::factor(const Poly& p) {
    if (p.length() > poly_max_factor_terms || p.is_zero()) return std::nullopt;
    for (const auto& [c, exps] : terms(p)) {
        if (std::accumulate(exps.begin(), exps.end(), 0UL) >
            static_cast<ulong>(poly_max_factor_degree))
            return std::nullopt;
    }
    fmpq_mpoly_factor_t fac;
    f_.fmpq_mpoly_factor_init(fac, ctx_.get());
    Factored out{Rational(1), {}};
    bool ok = f_.fmpq_mpoly_factor(fac, p.get(), ctx_.get());
    if (ok) {
        mpz_class n, d;
        f_.fmpz_get_mpz(n.get_mpz_t(), fmpq_numref(fac->constant));
        f_.fmpz_get_mpz(d.get_mpz_t(), fmpq_denref(fac->constant));
        out.content = Rational(n, d);
        for (slong i = 0; i < fac->num && ok; ++i) {
            mpz_class e;
            f_.fmpz_get_mpz(e.get_mpz_t(), fac->exp + i);
            Poly fi(ctx_);
            f_.fmpq_mpoly_set(fi.get(), fac->poly + i, ctx_.get());
            Rational c = content(fi);
            fi = mul(fi, constant(Rational(1) / c));
            long ex = e.get_si();
            auto cp = pow_integer(c, ex);
            if (!cp)
                ok = false;
            else
                out.content *= *cp;
            out.factors.emplace_back(to_expr(fi), ex);
        }
    }
    f_.fmpq_mpoly_factor_clear(fac, ctx_.get());
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace

bool poly_available() { return flint::api() != nullptr; }

std::optional<RationalForm> rational_form(const Expr& e, bool factor) {
    const Api* f = flint::api();
    if (!f) return std::nullopt;
    try {
        Generators g;
        g.collect(e);
        Bridge b(*f, std::move(g));
        Frac q = b.convert(e);
        if (q.den.is_zero()) return std::nullopt;
        b.cancel(q);
        b.reduce_roots(q);
        b.cancel(q);
        b.normalise(q);
        RationalForm out{b.to_expr(q.num), b.to_expr(q.den), std::nullopt, std::nullopt};
        if (factor) {
            out.num_factors = b.factor(q.num);
            out.den_factors = b.factor(q.den);
        }
        return out;
    } catch (const Decline&) {
        return std::nullopt;
    }
}

}  // namespace dfdx
