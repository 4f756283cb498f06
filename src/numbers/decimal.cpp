// Correctly rounded decimals: the long-double pass first, then MPFR intervals over the
// DAG with the working precision doubled until both ends round to the same digits.
#include "numbers/decimal.hpp"

#include <algorithm>
#include <cmath>

#include "expr/error.hpp"
#include "expr/small_node_map.hpp"
#include "numbers/eval.hpp"
#include "numbers/interval.hpp"

namespace dfdx {

using detail::Interval;
using detail::IntervalPool;

namespace {

constexpr mpfr_prec_t kStartBits = 64;

// Bits that hold `digits` decimal digits, with room for the rounding decision, in whole
// limbs: two for 15 digits, since what the long-double pass leaves is mostly values that
// cancel (a derivative near a zero), which 64 bits would not settle either.
mpfr_prec_t bits_for(int digits) {
    auto b = static_cast<mpfr_prec_t>(std::ceil(digits * 3.3219280948873623)) + 24;
    return std::max(kStartBits, (b + 63) / 64 * 64);
}

// One pass over the DAG at one working precision; each shared node once.
class IntervalWalk {
public:
    explicit IntervalWalk(IntervalPool& pool) : pool_(pool) {}

    const Interval& operator()(const Expr& e) {
        if (Interval* const* done = memo_.find(e.get())) return **done;
        Interval& out = pool_.take();
        compute(out, e);
        memo_.insert(e.get(), &out);
        return out;
    }

private:
    void compute(Interval& out, const Expr& e) {
        switch (e.kind()) {
            case Kind::Number: return detail::set_rational(out, e->num);
            case Kind::Constant:
                return e->id == static_cast<std::uint32_t>(ConstantId::Pi) ? detail::set_pi(out)
                                                                           : detail::set_e(out);
            case Kind::Add: {
                detail::set_rational(out, e->num);
                for (std::size_t i = 0; i < e->args.size(); ++i) {
                    detail::add_scaled(out, (*this)(e->args[i]), e->coeffs[i], pool_);
                }
                return;
            }
            case Kind::Mul: {
                detail::copy(out, (*this)(e->args[0]));
                for (std::size_t i = 1; i < e->args.size(); ++i)
                    detail::mul(out, out, (*this)(e->args[i]), pool_);
                return detail::scale(out, out, e->num);
            }
            case Kind::Pow: {
                const Expr& x = e->args[1];
                if (x.kind() == Kind::Number)
                    return detail::pow_rational(out, (*this)(e->args[0]), x->num, pool_);
                return detail::pow_general(out, (*this)(e->args[0]), (*this)(x), pool_);
            }
            case Kind::Func: {
                const Interval* args[2] = {nullptr, nullptr};
                for (std::size_t i = 0; i < e->args.size() && i < 2; ++i)
                    args[i] = &(*this)(e->args[i]);
                return detail::apply_function(out, e->id, args,
                                              std::min<std::size_t>(e->args.size(), 2), pool_);
            }
            case Kind::Symbol: throw Error(ErrorCode::UnknownFunction, e->name + " has no value");
            case Kind::Apply:
            case Kind::Deriv:
            case Kind::Vector: no_numeric_value(e);
        }
    }

    IntervalPool& pool_;
    detail::SmallNodeMap<Interval*> memo_;
};

// The largest exact number in e, in bits: the cap grows by it so exact arguments fit.
std::size_t largest_number_bits(const Expr& e) {
    std::size_t most = 0;
    std::vector<const Node*> stack{e.get()};
    detail::SmallNodeMap<bool> seen;
    while (!stack.empty()) {
        const Node* n = stack.back();
        stack.pop_back();
        if (seen.find(n)) continue;
        seen.insert(n, true);
        if (n->kind == Kind::Number) most = std::max(most, bit_size(n->num));
        for (const Rational& c : n->coeffs) most = std::max(most, bit_size(c));
        for (const Expr& a : n->args) stack.push_back(a.get());
    }
    return most;
}

[[noreturn]] void too_large() {
    throw Error(ErrorCode::Limit, "the value is too large for a decimal");
}

mpz_class power_of_ten(long k) {
    mpz_class p;
    mpz_ui_pow_ui(p.get_mpz_t(), 10, static_cast<unsigned long>(k));
    return p;
}

// An exact rational rounded half to even with integers: no interval can settle a value
// that is itself a tie (3/2 10^-36 to one digit).
std::string rational_text(const Rational& q, int digits) {
    const mpz_class num = abs(q.get_num()), den = q.get_den();
    // x = floor(log10 |q|), from the sizes, then made exact: 10^x <= |q| < 10^(x+1).
    long x = static_cast<long>(mpz_sizeinbase(num.get_mpz_t(), 10)) -
             static_cast<long>(mpz_sizeinbase(den.get_mpz_t(), 10));
    auto at_least = [&](long k) {  // |q| >= 10^k
        return k >= 0 ? num >= den * power_of_ten(k) : num * power_of_ten(-k) >= den;
    };
    while (!at_least(x)) --x;
    while (at_least(x + 1)) ++x;
    const long k = digits - 1 - x;  // |q| 10^k has `digits` digits before the point
    mpz_class n = k >= 0 ? num * power_of_ten(k) : num, d = k >= 0 ? den : den * power_of_ten(-k);
    mpz_class whole, rest;
    mpz_fdiv_qr(whole.get_mpz_t(), rest.get_mpz_t(), n.get_mpz_t(), d.get_mpz_t());
    const int half = cmp(mpz_class(2 * rest), d);
    if (half > 0 || (half == 0 && mpz_odd_p(whole.get_mpz_t()))) ++whole;
    if (whole == power_of_ten(digits)) {
        whole /= 10;
        ++x;
    }
    return format_digits(sgn(q) < 0, whole.get_str(), x + 1, digits);
}

}  // namespace

struct DecimalEvaluator::Impl {
    IntervalPool pool{kStartBits};
    std::string lo_digits, hi_digits;

    Impl() {
        mpfr_set_emin(mpfr_get_emin_min());
        mpfr_set_emax(mpfr_get_emax_max());
    }

    /// Runs `decide` on the interval of e at rising precision until it answers.
    template <class Decide>
    void refine(const Expr& e, mpfr_prec_t start, Decide decide) {
        const long cap = working_bits_cap + static_cast<long>(largest_number_bits(e));
        bool near_zero = false;
        for (mpfr_prec_t p = start;; p = std::min<long>(2 * p, cap)) {
            pool.reset(p);
            try {
                IntervalWalk walk(pool);
                const Interval& v = walk(e);
                if (mpfr_nan_p(v.lo) || mpfr_nan_p(v.hi) || mpfr_inf_p(v.lo) || mpfr_inf_p(v.hi))
                    too_large();
                if (decide(v)) return;
                near_zero = v.straddles();
            } catch (const detail::Undecided&) {
                near_zero = false;
            }
            if (p >= cap) break;
        }
        if (near_zero) {
            throw Error(ErrorCode::Limit,
                        "cannot tell whether the value is exactly 0: it is 0 to " +
                            std::to_string(cap) + " bits of working precision (the cap)");
        }
        throw Error(ErrorCode::Limit, "the value could not be decided within the cap of " +
                                          std::to_string(cap) + " bits of working precision");
    }

    bool rounds(const Interval& v, int digits, std::string& out) {
        if (v.zero()) {
            out = "0";
            return true;
        }
        if (v.straddles()) return false;
        const auto n = static_cast<std::size_t>(digits);
        lo_digits.resize(std::max<std::size_t>(n + 2, 8));
        hi_digits.resize(lo_digits.size());
        mpfr_exp_t elo = 0, ehi = 0;
        mpfr_get_str(lo_digits.data(), &elo, 10, n, v.lo, MPFR_RNDN);
        mpfr_get_str(hi_digits.data(), &ehi, 10, n, v.hi, MPFR_RNDN);
        if (elo != ehi ||
            std::string_view(lo_digits.c_str()) != std::string_view(hi_digits.c_str()))
            return false;
        const bool negative = lo_digits[0] == '-';
        std::string_view d(lo_digits.c_str() + negative);
        out = format_digits(negative, d, elo, digits);
        return true;
    }
};

DecimalEvaluator::DecimalEvaluator() : impl_(std::make_unique<Impl>()) {}
DecimalEvaluator::~DecimalEvaluator() = default;
DecimalEvaluator::DecimalEvaluator(DecimalEvaluator&&) noexcept = default;
DecimalEvaluator& DecimalEvaluator::operator=(DecimalEvaluator&&) noexcept = default;

std::string DecimalEvaluator::text(const Expr& e, int digits) {
    digits = std::clamp(digits, 1, max_precision);
    if (is_zero(e)) return "0";
    if (e.kind() == Kind::Number) return rational_text(e->num, digits);
    std::string out = detail::fast_decimal(e, digits);
    if (!out.empty()) return out;
    impl_->refine(e, bits_for(digits),
                  [&](const Interval& v) { return impl_->rounds(v, digits, out); });
    return out;
}

double DecimalEvaluator::value(const Expr& e) {
    double out = 0;
    if (is_zero(e) || detail::fast_double(e, out)) return out;
    impl_->refine(e, kStartBits, [&](const Interval& v) {
        if (v.zero()) return out = 0, true;
        const double lo = mpfr_get_d(v.lo, MPFR_RNDN), hi = mpfr_get_d(v.hi, MPFR_RNDN);
        out = lo;
        return lo == hi && (!v.straddles() || lo == 0);
    });
    return out;
}

std::string decimal_text(const Expr& e, int digits) {
    DecimalEvaluator d;
    return d.text(e, digits);
}

double decimal_value(const Expr& e) {
    DecimalEvaluator d;
    return d.value(e);
}

std::string format_digits(bool negative, std::string_view digits, long exponent, int precision) {
    while (digits.size() > 1 && digits.back() == '0') digits.remove_suffix(1);
    std::string s = negative ? "-" : "";
    const long x = exponent - 1;  // the decimal exponent of the first digit
    if (x < -4 || x >= precision) {
        s += digits[0];
        if (digits.size() > 1) {
            s += '.';
            s += digits.substr(1);
        }
        const long ax = x < 0 ? -x : x;
        s += x < 0 ? "e-" : "e+";
        if (ax < 10) s += '0';
        s += std::to_string(ax);
        return s;
    }
    if (x < 0) {
        s += "0.";
        s.append(static_cast<std::size_t>(-x - 1), '0');
        s += digits;
        return s;
    }
    const auto whole = static_cast<std::size_t>(x + 1);
    if (digits.size() <= whole) {
        s += digits;
        s.append(whole - digits.size(), '0');
        return s;
    }
    s += digits.substr(0, whole);
    s += '.';
    s += digits.substr(whole);
    return s;
}

}  // namespace dfdx
