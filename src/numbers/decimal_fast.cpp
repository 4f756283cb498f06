// The fast pass of the decimal evaluator: long double (64-bit significand) with a
// running bound on the absolute error. sin, cos and exp use kernels of their own (below,
// within 4 units in the last place); ln is assumed within 4 units and the other libm
// calls within 16 (glibc documents at most 1 to 4); a trigonometric argument reduction
// loses at most |x| 2^-62. When the bound decides the rounding, that is the answer;
// anything in doubt (domain edges, exact zeros, huge or tiny numbers) goes to MPFR.
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "calculus/substitute.hpp"
#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "numbers/decimal.hpp"

namespace dfdx::detail {

namespace {

using LD = long double;
constexpr LD kU = 0x1p-64L;           // unit roundoff of long double
constexpr LD kLibm = 16 * 2 * kU;     // 16 ulps, relative to the result
constexpr LD kLibmCore = 4 * 2 * kU;  // 4 ulps: the sin, cos, exp kernels; logl (glibc: 1 or 2)
constexpr LD kSlack = 1.01L;

struct Bail {};
struct Approx {
    LD v, e;  ///< |exact - v| <= e (no initializers: the memo's slots stay uninitialized)
};

// The top 64 bits of z > 0 as an integer t, with z = t 2^shift (1 + d), 0 <= d < 2^-63.
std::uint64_t top_bits(mpz_srcptr z, long& shift) {
    const std::size_t n = mpz_size(z);
    const std::uint64_t hi = mpz_getlimbn(z, static_cast<mp_size_t>(n - 1));
    if (n == 1) {
        shift = 0;
        return hi;
    }
    const int lz = __builtin_clzll(hi);
    const std::uint64_t lo = mpz_getlimbn(z, static_cast<mp_size_t>(n - 2));
    shift = static_cast<long>(64 * (n - 1)) - lz;
    return lz ? (hi << lz) | (lo >> (64 - lz)) : hi;
}

LD number(const Rational& q, LD& err) {
    if (q.is_small()) {
        const LD v = static_cast<LD>(q.small_num()) / static_cast<LD>(q.small_den());
        err = q.small_den() == 1 ? 0 : std::fabs(v) * kU;
        return v;
    }
    // A big rational from its top 64 bits above and below: each truncated by less than
    // 2 units, the quotient rounded once.
    const mpq_class& b = *q.big_value();
    if (mpz_sizeinbase(b.get_num_mpz_t(), 2) > 16000 ||
        mpz_sizeinbase(b.get_den_mpz_t(), 2) > 16000)
        throw Bail{};
    long sn = 0, sd = 0;
    const std::uint64_t n = top_bits(b.get_num_mpz_t(), sn), d = top_bits(b.get_den_mpz_t(), sd);
    LD v = std::ldexp(static_cast<LD>(n) / static_cast<LD>(d), static_cast<int>(sn - sd));
    if (sgn(q) < 0) v = -v;
    err = std::fabs(v) * 6 * kU;
    return v;
}

std::uint32_t id_of(const char* name) { return function_id(name); }

// Kernels of our own for sin, cos and exp on a reduced argument: Taylor polynomials by
// Horner's rule, four times faster than glibc's long-double ones. The truncation is
// below 2^-80 of the result; the roundings stay under 3 units of the result (terms fall
// by at least a factor 6 and alternate), inside the 4 units the pass assumes for them.
constexpr std::array<LD, 12> taylor(int first) {
    std::array<LD, 12> c{};
    LD f = 1;  // 1/first!
    for (int i = 2; i <= first; ++i) f /= i;
    for (std::size_t k = 0; k < c.size(); ++k) {
        c[k] = (k % 2 ? -f : f);
        const int n = first + 2 * static_cast<int>(k);
        f /= static_cast<LD>((n + 1) * (n + 2));
    }
    return c;
}
constexpr auto kSin = taylor(1), kCos = taylor(0);

// sin(r) and cos(r) for |r| <= pi/4 (z = r^2 <= 0.62: the 12th term is below 2^-80).
LD sin_kernel(LD r) {
    const LD z = r * r;
    LD p = kSin[11];
    for (int k = 10; k >= 0; --k) p = p * z + kSin[static_cast<std::size_t>(k)];
    return r * p;
}
LD cos_kernel(LD r) {
    const LD z = r * r;
    LD p = kCos[11];
    for (int k = 10; k >= 0; --k) p = p * z + kCos[static_cast<std::size_t>(k)];
    return p;
}

// exp(x) = 2^k exp(r), r = x - k ln 2 in [-0.35, 0.35] (ln 2 in two parts, the first of
// 32 bits: k*L1 is exact and x - k*L1 exact by Sterbenz's lemma), exp(r) to degree 21.
LD exp_own(LD x) {
    constexpr LD kLn2a = 0xb17217f8p-32L, kLn2b = -0xb8c21950d87131a0p-98L;
    if (!(std::fabs(x) < 11000)) return expl(x);
    const LD y = x * 1.44269504088896340735992468100189214L;
    const LD k = static_cast<LD>(static_cast<long long>(y + (y < 0 ? -0.5L : 0.5L)));
    const LD r = (x - k * kLn2a) - k * kLn2b;
    LD p = 1;
    for (int n = 21; n >= 1; --n) p = p * r / n + 1;  // 1 + r(1 + r/2(1 + r/3(...)))
    return std::ldexp(p, static_cast<int>(k));
}

// sin, cos or tan (0, 1, 2) of x. For pi/4 < |x| < 2^28 the reduction is done here, by
// pi/2 in three parts (the first two of 32 bits, so k*P1 and k*P2 are exact and x - k*P1
// is exact by Sterbenz's lemma): glibc's long-double functions would reduce with their
// general (Payne-Hanek) path, twice as slow. The reduced argument is off by a few units
// of its own last place, inside the |x| 2^-62 the pass allows for the reduction.
LD circular(int which, LD x) {
    constexpr LD kPiHalf1 = 0xc90fdaa2p-31L, kPiHalf2 = 0x85a308d3p-65L,
                 kPiHalf3 = 0x98cc51701b839a25p-132L;
    const LD ax = std::fabs(x);
    if (ax >= 0x1p28L) return which == 0 ? sinl(x) : which == 1 ? cosl(x) : tanl(x);
    LD k = 0, r = x;
    if (ax > 0.785L) {
        const LD y = x * 0.636619772367581343075535053490057448L;  // any integer near y will do
        k = static_cast<LD>(static_cast<long long>(y + (y < 0 ? -0.5L : 0.5L)));
        r = ((x - k * kPiHalf1) - k * kPiHalf2) - k * kPiHalf3;
    }
    const int q = static_cast<int>(static_cast<long long>(k) & 3);
    switch (which) {
        case 0:
            return q == 0   ? sin_kernel(r)
                   : q == 1 ? cos_kernel(r)
                   : q == 2 ? -sin_kernel(r)
                            : -cos_kernel(r);
        case 1:
            return q == 0   ? cos_kernel(r)
                   : q == 1 ? -sin_kernel(r)
                   : q == 2 ? -cos_kernel(r)
                            : sin_kernel(r);
        default: return q % 2 == 0 ? sin_kernel(r) / cos_kernel(r) : -cos_kernel(r) / sin_kernel(r);
    }
}

// f(x) and a bound on |f'| near x, for the functions this pass knows.
bool call(std::uint32_t id, LD x, LD& f, LD& d) {
    static const std::uint32_t sin = id_of("sin"), cos = id_of("cos"), tan = id_of("tan"),
                               exp = id_of("exp"), ln = id_of("ln"), atan = id_of("atan"),
                               sinh = id_of("sinh"), cosh = id_of("cosh"), tanh = id_of("tanh"),
                               asin = id_of("asin"), acos = id_of("acos"), log10 = id_of("log10"),
                               log2 = id_of("log2"), asinh = id_of("asinh"),
                               sigmoid = id_of("sigmoid");
    // Outside the table's domain the exact path reports the error.
    if (!in_domain(function_domain(id), static_cast<double>(x))) return false;
    if (id == sin)
        f = circular(0, x), d = 1;
    else if (id == cos)
        f = circular(1, x), d = 1;
    else if (id == tan)
        f = circular(2, x), d = 1 + f * f;
    else if (id == exp)
        f = exp_own(x), d = f;
    else if (id == ln)
        f = logl(x), d = 1 / x;
    else if (id == log10)
        f = log10l(x), d = 1 / (x * 2.302585092994045684L);
    else if (id == log2)
        f = log2l(x), d = 1 / (x * 0.693147180559945309L);
    else if (id == atan)
        f = atanl(x), d = 1 / (1 + x * x);
    else if (id == sinh)
        f = sinhl(x), d = coshl(x);
    else if (id == cosh)
        f = coshl(x), d = std::fabs(sinhl(x)) + kU;
    else if (id == tanh)
        f = tanhl(x), d = 1;
    else if (id == asinh)
        f = asinhl(x), d = 1 / sqrtl(1 + x * x);
    else if ((id == asin || id == acos) && std::fabs(x) < 1) {  // not at +-1: no slope bound
        f = id == asin ? asinl(x) : acosl(x);
        d = 1 / sqrtl(1 - x * x);
    } else if (id == sigmoid)
        f = 1 / (1 + expl(-x)), d = 0.25L;
    else
        return false;
    return std::isfinite(f) && std::isfinite(d);
}

// |f'| <= d on the whole real line (sin, cos, tanh: 1; sigmoid: 1/4).
bool bounded_slope(std::uint32_t id) {
    static const std::uint32_t sin = id_of("sin"), cos = id_of("cos"), tanh = id_of("tanh"),
                               sigmoid = id_of("sigmoid");
    return id == sin || id == cos || id == tanh || id == sigmoid;
}

bool core_function(std::uint32_t id) {
    static const std::uint32_t sin = id_of("sin"), cos = id_of("cos"), exp = id_of("exp"),
                               ln = id_of("ln");
    return id == sin || id == cos || id == exp || id == ln;
}

bool trigonometric(std::uint32_t id) {
    static const std::uint32_t sin = id_of("sin"), cos = id_of("cos"), tan = id_of("tan");
    return id == sin || id == cos || id == tan;
}

class FastWalk {
public:
    FastWalk() = default;
    /// A walk of an expression at a point: its names take the point's numbers. Anything
    /// that the exact substitution would fold or keep exact (a function at a special value,
    /// a root, pi or e) is left to it (Bail), so a decimal comes out only where the exact
    /// value is not a rational or a closed form.
    explicit FastWalk(const Bindings& point) : point_(&point) {}

    Approx operator()(const Expr& e) {
        // A node held by one handle has one parent here: only shared nodes are memoized.
        const bool shared = e->refs > 1;
        if (shared) {
            if (const Approx* done = memo_.find(e.get())) return *done;
        }
        Approx a = compute(e);
        // Zeros, cancellations and values near the ends of the range go to MPFR.
        // (Written so that a NaN fails every test.)
        const LD m = std::fabs(a.v);
        if (!(a.e <= m * 1e-6L) || !(m > 1e-4900L) || !(m < 1e4900L)) throw Bail{};
        if (shared) memo_.insert(e.get(), a);
        return a;
    }

private:
    Approx compute(const Expr& e) {
        switch (e.kind()) {
            case Kind::Number: {
                Approx a{0, 0};
                a.v = number(e->num, a.e);
                return a;
            }
            case Kind::Constant: {
                if (point_) throw Bail{};  // sin(pi*x) may fold at the point
                const bool pi = e->id == static_cast<std::uint32_t>(ConstantId::Pi);
                const LD v = pi ? 3.14159265358979323846264338327950288L
                                : 2.71828182845904523536028747135266250L;
                return {v, v * kU};
            }
            case Kind::Add: return sum(e);
            case Kind::Mul: return product(e);
            case Kind::Pow: return power(e);
            case Kind::Func:
                if (point_) no_fold_at_point(e);
                saw_function_ = true;
                return function(e);
            case Kind::Symbol: return symbol(e);
            case Kind::Apply:
            case Kind::Deriv:
            case Kind::Vector: throw Bail{};
        }
        throw Bail{};
    }

    Approx symbol(const Expr& e) {
        if (!point_) throw Bail{};
        auto it = point_->find(e->name);
        if (it == point_->end() || !is_number(it->second)) throw Bail{};
        Approx a{0, 0};
        a.v = number(it->second->num, a.e);
        return a;
    }

    /// Bails when the call folds at the point (sin(0), exp(0), asin(1/2), ln(-1) an error),
    /// or when its arguments are not numbers there.
    void no_fold_at_point(const Expr& e) const {
        std::vector<Expr> args;
        for (const Expr& a : e->args) {
            if (a.kind() == Kind::Symbol) {
                auto it = point_->find(a->name);
                if (it == point_->end()) throw Bail{};
                args.push_back(it->second);
            } else {
                args.push_back(substitute(a, *point_));
            }
            if (!is_number(args.back())) throw Bail{};
        }
        try {
            if (fold_function(e->id, args)) throw Bail{};
        } catch (const Error&) {
            throw Bail{};
        }
    }

    Approx sum(const Expr& e) {
        LD ce = 0;
        LD s = number(e->num, ce);
        LD mass = std::fabs(s), err = ce;
        for (std::size_t i = 0; i < e->args.size(); ++i) {
            LD ke = 0;
            const LD k = number(e->coeffs[i], ke);
            const Approx t = (*this)(e->args[i]);
            const LD term = k * t.v;
            err += std::fabs(k) * t.e + std::fabs(t.v) * ke + std::fabs(term) * kU;
            s += term;
            mass += std::fabs(term);
        }
        err += static_cast<LD>(e->args.size() + 1) * kU * mass;
        return {s, err * kSlack};
    }

    Approx product(const Expr& e) {
        LD ce = 0;
        LD p = number(e->num, ce);
        LD rel = p == 0 ? 0 : ce / std::fabs(p);
        for (const Expr& a : e->args) {
            const Approx f = (*this)(a);
            if (f.v == 0) throw Bail{};
            p *= f.v;
            rel += f.e / std::fabs(f.v) + kU;
        }
        if (rel > 1e-6L) throw Bail{};
        return {p, std::fabs(p) * rel * (1 + rel) * kSlack};
    }

    // b^n by squaring, for |n| <= 64: each rounding is amplified by the powers after it,
    // (|n| + 1) units of rounding in all.
    static Approx integer_power(const Approx& b, LD rb, long n) {
        if (n > 64 || n < -64) throw Bail{};
        unsigned long m = static_cast<unsigned long>(n < 0 ? -n : n);
        LD r = 1, p = b.v;
        for (; m; m >>= 1) {
            if (m & 1) r *= p;
            if (m > 1) p *= p;
        }
        if (n < 0) r = 1 / r;
        const LD k = std::fabs(static_cast<LD>(n));
        const LD rel = k * rb * (1 + k * rb) + (k + 2) * kU;
        if (rel > 1e-6L) throw Bail{};
        return {r, std::fabs(r) * rel * kSlack};
    }

    Approx power(const Expr& e) {
        const Expr& x = e->args[1];
        if (point_ && !(x.kind() == Kind::Number && is_integer(x->num)))
            throw Bail{};  // roots stay exact
        const Approx b = (*this)(e->args[0]);
        if (b.v == 0) throw Bail{};
        const LD rb = b.e / std::fabs(b.v);
        LD y = 0, ye = 0, base = b.v;
        bool negate = false;
        if (x.kind() == Kind::Number) {
            if (auto n = to_long(x->num)) return integer_power(b, rb, *n);
            y = number(x->num, ye);
            if (b.v < 0) {
                // Odd roots of negative numbers only, as the exact rules; the rest to MPFR.
                if (x->num.get_den() % 2 == 0) throw Bail{};
                base = -b.v;
                negate = x->num.get_num() % 2 != 0;
            }
        } else {
            const Approx ya = (*this)(x);
            y = ya.v, ye = ya.e;
        }
        if (base - b.e <= 0) throw Bail{};
        const LD v = powl(base, y);
        const LD rel =
            std::fabs(y) * rb * (1 + std::fabs(y) * rb) + std::fabs(logl(base)) * ye + kLibm;
        if (rel > 1e-6L) throw Bail{};
        return {negate ? -v : v, std::fabs(v) * rel * kSlack};
    }

    Approx function(const Expr& e) {
        if (e->args.size() != 1) throw Bail{};
        const Approx a = (*this)((e->args[0]));
        LD f = 0, d = 0;
        if (!call(e->id, a.v, f, d)) throw Bail{};
        LD slope = d;
        static const std::uint32_t exp = id_of("exp");
        if (e->id == exp) {
            // exp' = exp grows by a factor e^err at most, and e^t <= 1 + 2t for t <= 1.
            slope = d * (1 + 2 * a.e) * (1 + 4 * kLibm);
        } else if (a.e > 0 && !bounded_slope(e->id)) {
            // No pole or domain edge inside: the slope changes by less than 1% over the interval.
            LD f1 = 0, d1 = 0, f2 = 0, d2 = 0;
            if (!call(e->id, a.v - a.e, f1, d1) || !call(e->id, a.v + a.e, f2, d2)) throw Bail{};
            const LD lo = std::fmin(d, std::fmin(d1, d2));
            slope = std::fmax(d, std::fmax(d1, d2));
            if (slope > lo * kSlack + 1e-30L) throw Bail{};
        }
        LD err = slope * a.e * kSlack + std::fabs(f) * (core_function(e->id) ? kLibmCore : kLibm);
        if (trigonometric(e->id)) err += std::fabs(a.v) * 0x1p-62L * (1 + f * f);
        return {f, err};
    }

    // The shared nodes seen, in a line: few in the values printed (a map past 16).
    struct Memo {
        const Approx* find(const Node* n) const {
            for (std::size_t i = 0; i < count; ++i) {
                if (nodes[i] == n) return &values[i];
            }
            auto it = more.find(n);
            return it == more.end() ? nullptr : &it->second;
        }
        void insert(const Node* n, const Approx& a) {
            if (count < nodes.size()) {
                nodes[count] = n;
                values[count++] = a;
            } else {
                more.emplace(n, a);
            }
        }
        std::array<const Node*, 16> nodes;  // left uninitialized: only [0, count) is read
        std::array<Approx, 16> values;
        std::size_t count = 0;
        std::unordered_map<const Node*, Approx> more;
    } memo_;
    const Bindings* point_ = nullptr;

public:
    bool saw_function_ = false;  ///< without one, a value at a point is rational: printed exactly
};

// 10^k for 0 <= k <= 27, all exact in a 64-bit significand.
LD pow10(int k) {
    static const auto table = [] {
        std::array<LD, 28> t{};
        t[0] = 1;
        for (std::size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
        return t;
    }();
    return table[static_cast<std::size_t>(k)];
}

}  // namespace

namespace {

// The decimal of `a` with `digits` significant digits when its bound decides them.
std::string decided(const Approx& a, int digits) {
    if (a.v == 0) return {};
    const LD m = std::fabs(a.v);
    if (!std::isfinite(m)) return {};
    const LD err = a.e + m * 4 * kU;
    // The decimal exponent, possibly off by one: the range check below catches that.
    // In long double: m may be past a double's range (10^-4000 is 0 there, and the
    // logarithm of 0 is no int).
    const int x = static_cast<int>(std::floor(std::log10(m)));
    const int k = digits - 1 - x;
    if (k > 27 || k < -27) return {};
    const LD scale = pow10(k < 0 ? -k : 0), up = pow10(k > 0 ? k : 0);
    // The value times 10^k lies in [s_lo, s_hi]; its nearest integer has `digits` digits.
    const LD s_lo = (m - err) * up / scale * (1 - 4 * kU),
             s_hi = (m + err) * up / scale * (1 + 4 * kU);
    const LD first = pow10(digits - 1), past = pow10(digits);
    if (s_lo < first || s_hi + 0.5L >= past) return {};
    const LD n_lo = std::floor(s_lo + 0.5L), n_hi = std::floor(s_hi + 0.5L);
    if (n_lo != n_hi || s_lo + 0.5L == n_lo) return {};
    char d[24];
    const auto end = std::to_chars(d, d + sizeof d, static_cast<unsigned long long>(n_lo)).ptr;
    return format_digits(a.v < 0, std::string_view(d, static_cast<std::size_t>(end - d)), x + 1,
                         digits);
}

}  // namespace

std::string fast_decimal(const Expr& e, int digits) {
    if (digits > 17) return {};
    try {
        FastWalk walk;
        return decided(walk(e), digits);
    } catch (const Bail&) {
        return {};
    }
}

std::string fast_decimal_at(const Expr& e, const Bindings& point, int digits) {
    if (digits > 17) return {};
    try {
        FastWalk walk(point);
        const Approx a = walk(e);
        return walk.saw_function_ ? decided(a, digits) : std::string();
    } catch (const Bail&) {
        return {};
    }
}

bool fast_double(const Expr& e, double& out) {
    try {
        FastWalk walk;
        const Approx a = walk(e);
        const LD err = a.e + std::fabs(a.v) * 4 * kU;
        const double lo = static_cast<double>(a.v - err), hi = static_cast<double>(a.v + err);
        if (lo != hi || a.v == 0) return false;
        out = lo;
        return true;
    } catch (const Bail&) {
        return false;
    }
}

}  // namespace dfdx::detail
