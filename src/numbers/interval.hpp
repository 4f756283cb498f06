// Private: closed intervals of MPFR numbers with outward rounding, the arithmetic that
// keeps the exact value inside them, and the interval forms of the built-in functions.
#pragma once

#include <mpfr.h>

#include <cstdint>
#include <string>
#include <vector>

#include "expr/rational.hpp"

namespace dfdx::detail {

/// Thrown when an interval cannot decide a question (a sign, a domain edge) at the
/// current working precision: the caller raises the precision and tries again.
struct Undecided {};

/// [lo, hi] with lo <= the exact value <= hi, both at one working precision.
class Interval {
public:
    explicit Interval(mpfr_prec_t prec = 64) {
        mpfr_init2(lo, prec);
        mpfr_init2(hi, prec);
    }
    Interval(const Interval&) = delete;
    Interval& operator=(const Interval&) = delete;
    ~Interval() {
        mpfr_clear(lo);
        mpfr_clear(hi);
    }
    /// Sets the precision (the value becomes NaN); free when it is already that.
    void set_prec(mpfr_prec_t prec) {
        if (mpfr_get_prec(lo) != prec) {
            mpfr_set_prec(lo, prec);
            mpfr_set_prec(hi, prec);
        }
    }
    [[nodiscard]] mpfr_prec_t prec() const { return mpfr_get_prec(lo); }
    [[nodiscard]] bool positive() const { return mpfr_sgn(lo) > 0; }
    [[nodiscard]] bool negative() const { return mpfr_sgn(hi) < 0; }
    [[nodiscard]] bool zero() const { return mpfr_zero_p(lo) && mpfr_zero_p(hi); }
    /// Neither sign is certain (0 is inside, or on an edge).
    [[nodiscard]] bool straddles() const { return !positive() && !negative(); }

    mpfr_t lo, hi;
};

/// Scratch intervals at the working precision, reused from one evaluation to the next so
/// a decimal allocates nothing once warm.
class IntervalPool {
public:
    explicit IntervalPool(mpfr_prec_t prec) : prec_(prec) {}
    ~IntervalPool();
    IntervalPool(const IntervalPool&) = delete;
    IntervalPool& operator=(const IntervalPool&) = delete;
    /// A fresh interval at the pool's precision (valid until reset()).
    Interval& take();
    void reset(mpfr_prec_t prec) {
        used_ = 0;
        prec_ = prec;
    }
    [[nodiscard]] mpfr_prec_t prec() const { return prec_; }

private:
    std::vector<Interval*> items_;
    std::size_t used_ = 0;
    mpfr_prec_t prec_;
};

/// The tightest interval of the working precision around q (a point when q fits).
void set_rational(Interval& out, const Rational& q);
/// pi and e, each rounded down and up.
void set_pi(Interval& out);
void set_e(Interval& out);
/// out = a (nothing when they are the same interval).
void copy(Interval& out, const Interval& a);
/// acc += c * a; acc may not be a.
void add_scaled(Interval& acc, const Interval& a, const Rational& c, IntervalPool& pool);
/// out = a * b; out may be a or b.
void mul(Interval& out, const Interval& a, const Interval& b, IntervalPool& pool);
/// out = c * a for an exact rational c; out may be a.
void scale(Interval& out, const Interval& a, const Rational& c);
/// 1/a; throws Error(DivisionByZero) when a is exactly 0, Undecided when it may be.
/// |a|.
void absolute(Interval& out, const Interval& a);
void reciprocal(Interval& out, const Interval& a);
/// a^n for an integer n (|n| beyond a long is a size error).
void pow_integer(Interval& out, const Interval& a, const Rational& n, IntervalPool& pool);
/// a^(p/q), real for odd q; the exponent as an exact rational.
void pow_rational(Interval& out, const Interval& a, const Rational& e, IntervalPool& pool);
/// a^b for a computed exponent: exp(b ln a), with 0^b and negative bases as the exact rules.
void pow_general(Interval& out, const Interval& a, const Interval& b, IntervalPool& pool);
/// A built-in function of functions.hpp; throws its domain errors.
void apply_function(Interval& out, std::uint32_t id, const Interval* const* args, std::size_t n,
                    IntervalPool& pool);

/// The midpoint of a, with `digits` significant digits, for error messages.
std::string midpoint_text(const Interval& a, int digits);

}  // namespace dfdx::detail
