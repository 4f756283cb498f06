// Exact values with a closed form: the circular functions at multiples of pi/12, their
// inverses at those values, and logarithms and exponentials of exact powers.
#include "expr/exact_values.hpp"

#include <numeric>

#include "expr/construct.hpp"
#include "expr/functions.hpp"

namespace dfdx::detail {

namespace {

Expr root(long n) { return pow(num(n), num(Rational(1, 2))); }

// The tables live as long as the process (never freed: nodes outlive static destructors).
struct Tables {
    Expr sin[7];  ///< sin(k pi/12), k = 0..6
    Expr tan[6];  ///< tan(k pi/12), k = 0..5
    Expr inv[7];  ///< 1/sin(k pi/12), k = 1..6 (inv[0] unused)
};

const Tables& tables() {
    static const Tables* t = [] {
        auto* n = new Tables;
        const Expr q = num(Rational(1, 4));
        n->sin[0] = num(0);
        n->sin[1] = mul(q, sub(root(6), root(2)));
        n->sin[2] = num(Rational(1, 2));
        n->sin[3] = mul(num(Rational(1, 2)), root(2));
        n->sin[4] = mul(num(Rational(1, 2)), root(3));
        n->sin[5] = mul(q, add(root(6), root(2)));
        n->sin[6] = num(1);
        n->tan[0] = num(0);
        n->tan[1] = sub(num(2), root(3));
        n->tan[2] = mul(num(Rational(1, 3)), root(3));
        n->tan[3] = num(1);
        n->tan[4] = root(3);
        n->tan[5] = add(num(2), root(3));
        n->inv[0] = num(0);
        n->inv[1] = add(root(6), root(2));
        n->inv[2] = num(2);
        n->inv[3] = root(2);
        n->inv[4] = mul(num(Rational(2, 3)), root(3));
        n->inv[5] = sub(root(6), root(2));
        n->inv[6] = num(1);
        return n;
    }();
    return *t;
}

// The angle m pi/12 (m in 0..23) as k pi/12 in [0, pi/2] for sine, with the sign.
std::pair<int, int> sine_place(int m) {
    if (m <= 6) return {m, 1};
    if (m <= 12) return {12 - m, 1};
    if (m <= 18) return {m - 12, -1};
    return {24 - m, -1};
}

Expr signed_value(const Expr& v, int sign) { return sign < 0 ? neg(v) : v; }

// tan(m pi/12) for m not a pole.
Expr tan_at(int m) {
    m %= 12;
    return m <= 5 ? tables().tan[m] : neg(tables().tan[12 - m]);
}

// The ids of the functions folded here, looked up once: folds run at every call built.
struct Ids {
    std::uint32_t sin, cos, tan, cot, sec, csc, asin, acos, atan, acot, asec, acsc, ln, log10, log2,
        exp;
};

const Ids& ids() {
    static const Ids i{
        function_id("sin"),  function_id("cos"),   function_id("tan"),  function_id("cot"),
        function_id("sec"),  function_id("csc"),   function_id("asin"), function_id("acos"),
        function_id("atan"), function_id("acot"),  function_id("asec"), function_id("acsc"),
        function_id("ln"),   function_id("log10"), function_id("log2"), function_id("exp")};
    return i;
}

Expr pi_times(const Rational& c) { return mul(num(c), constant(ConstantId::Pi)); }

// k with v = table[k] (sign +1) or -table[k] (sign -1).
std::optional<std::pair<int, int>> find(const Expr* table, int n, const Expr& v) {
    for (int k = 0; k < n; ++k) {
        if (table[k] == v) return std::pair{k, 1};
        if (neg(table[k]) == v) return std::pair{k, -1};
    }
    return std::nullopt;
}

// The largest n with q = r^n for a positive rational q != 1, and that r.
std::pair<Rational, long> perfect_power(const Rational& q) {
    auto integer_power = [](const mpz_class& z) -> std::pair<mpz_class, long> {
        if (z == 1) return {z, 0};  // 1 is every power: gcd(n, 0) = n below
        if (mpz_sizeinbase(z.get_mpz_t(), 2) > 512 || !mpz_perfect_power_p(z.get_mpz_t()))
            return {z, 1};
        for (long n = static_cast<long>(mpz_sizeinbase(z.get_mpz_t(), 2)); n >= 2; --n) {
            mpz_class r;
            if (mpz_root(r.get_mpz_t(), z.get_mpz_t(), static_cast<unsigned long>(n)))
                return {r, n};
        }
        return {z, 1};
    };
    auto [a, na] = integer_power(q.get_num());
    auto [b, nb] = integer_power(q.get_den());
    const long g = std::gcd(na, nb);
    mpz_class ra, rb;
    mpz_pow_ui(ra.get_mpz_t(), a.get_mpz_t(), static_cast<unsigned long>(na ? na / g : 0));
    mpz_pow_ui(rb.get_mpz_t(), b.get_mpz_t(), static_cast<unsigned long>(nb ? nb / g : 0));
    return {Rational(ra, rb), g};
}

}  // namespace

std::optional<Expr> fold_trig_at_pi(std::uint32_t id, const Rational& c) {
    const Rational t = 12 * c;
    if (!is_integer(t)) return std::nullopt;
    mpz_class r = t.get_num() % 24;
    if (r < 0) r += 24;
    const int m = static_cast<int>(r.get_si());
    if (m % 6 == 0) return std::nullopt;  // whole multiples of pi/2: fold_at_pi's
    const auto [ks, ss] = sine_place(m);
    const auto [kc, sc] = sine_place((m + 6) % 24);
    const Ids& f = ids();
    if (id == f.sin) return signed_value(tables().sin[ks], ss);
    if (id == f.cos) return signed_value(tables().sin[kc], sc);
    if (id == f.csc) return signed_value(tables().inv[ks], ss);
    if (id == f.sec) return signed_value(tables().inv[kc], sc);
    if (id == f.tan) return tan_at(m);
    if (id == f.cot) return tan_at((30 - m) % 24);  // cot(a) = tan(pi/2 - a)
    return std::nullopt;
}

std::optional<Expr> fold_inverse_trig(std::uint32_t id, const Expr& a) {
    if (a->has_symbols || a->has_calls) return std::nullopt;
    const Ids& f = ids();
    const bool asin = id == f.asin, acos = id == f.acos, acsc = id == f.acsc, asec = id == f.asec;
    if (asin || acos || acsc || asec) {
        const Expr v = (acsc || asec) ? pow(a, num(-1)) : a;
        auto hit = find(tables().sin, 7, v);
        if (!hit) return std::nullopt;
        const Rational angle = Rational(hit->first * hit->second, 12);  // asin
        return pi_times((asin || acsc) ? angle : Rational(1, 2) - angle);
    }
    const bool atan = id == f.atan, acot = id == f.acot;
    if (!atan && !acot) return std::nullopt;
    if (acot && is_zero(a)) return pi_times(Rational(1, 2));
    auto hit = find(tables().tan, 6, a);
    if (!hit) return std::nullopt;
    const Rational angle(hit->first * hit->second, 12);
    if (atan) return pi_times(angle);
    // acot(x) = atan(1/x) = sign(x) pi/2 - atan(x).
    return pi_times(Rational(hit->second, 2) - angle);
}

std::optional<Expr> fold_log_exp(std::uint32_t id, const Expr& a) {
    const Ids& f = ids();
    const bool ln = id == f.ln, log10 = id == f.log10, log2 = id == f.log2, exp = id == f.exp;
    if (!ln && !log10 && !log2 && !exp) return std::nullopt;
    if (exp) {
        // exp(c ln(q)) = q^c for a positive rational q.
        Rational c(1);
        Expr l = a;
        if (a.kind() == Kind::Mul && a->args.size() == 1) c = a->num, l = a->args[0];
        if (l.kind() == Kind::Func && l->id == f.ln && l->args[0].kind() == Kind::Number) {
            return pow(l->args[0], num(c));
        }
        return std::nullopt;
    }
    if (ln && a.kind() == Kind::Func && a->id == f.exp && !a->has_symbols && !a->has_calls)
        return a->args[0];
    if (a.kind() != Kind::Number || a->num <= 0 || a->num == 1) return std::nullopt;
    const Rational& q = a->num;
    if (ln) {
        // ln(r^n) = n ln(r), and ln(q) = -ln(1/q) below 1: ln(8)/ln(2) is then 3.
        if (q < 1) return neg(func(id, {num(1 / q)}));
        auto [r, n] = perfect_power(q);
        if (n < 2) return std::nullopt;
        return mul(num(n), func(id, {num(r)}));
    }
    if (log10 || log2) {
        const bool inverted = q < 1;
        auto [r, n] = perfect_power(inverted ? 1 / q : q);
        if (r != (log10 ? 10 : 2)) return std::nullopt;
        return num(inverted ? -n : n);
    }
    return std::nullopt;
}

}  // namespace dfdx::detail
