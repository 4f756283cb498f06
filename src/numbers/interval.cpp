// Interval arithmetic over MPFR with outward rounding: every result encloses the exact
// value of the operation on every point of its operands. Powers follow the exact rules
// of construct.cpp (odd roots of negative numbers are real, even ones are an error).
#include "numbers/interval.hpp"

#include <algorithm>

#include "expr/error.hpp"

namespace dfdx::detail {

IntervalPool::~IntervalPool() {
    for (Interval* i : items_) delete i;
}

Interval& IntervalPool::take() {
    if (used_ == items_.size()) items_.push_back(new Interval(prec_));
    Interval& i = *items_[used_++];
    i.set_prec(prec_);
    return i;
}

namespace {

// An exact rational as MPFR's mpq (no copy for a big value).
class AsMpq {
public:
    explicit AsMpq(const Rational& q) {
        if (q.big_value()) {
            ptr_ = q.big_value()->get_mpq_t();
        } else {
            tmp_ = q.to_mpq();
            ptr_ = tmp_.get_mpq_t();
        }
    }
    mpq_srcptr get() const { return ptr_; }

private:
    mpq_class tmp_;
    mpq_srcptr ptr_;
};

}  // namespace

void set_rational(Interval& out, const Rational& q) {
    if (q.is_small() && q.small_den() == 1) {
        mpfr_set_si(out.lo, q.small_num(), MPFR_RNDD);
        mpfr_set_si(out.hi, q.small_num(), MPFR_RNDU);
        return;
    }
    AsMpq m(q);
    mpfr_set_q(out.lo, m.get(), MPFR_RNDD);
    mpfr_set_q(out.hi, m.get(), MPFR_RNDU);
}

void set_pi(Interval& out) {
    mpfr_const_pi(out.lo, MPFR_RNDD);
    mpfr_const_pi(out.hi, MPFR_RNDU);
}

void set_e(Interval& out) {
    mpfr_set_ui(out.lo, 1, MPFR_RNDN);
    mpfr_exp(out.lo, out.lo, MPFR_RNDD);
    mpfr_set_ui(out.hi, 1, MPFR_RNDN);
    mpfr_exp(out.hi, out.hi, MPFR_RNDU);
}

void copy(Interval& out, const Interval& a) {
    if (&out == &a) return;
    mpfr_set(out.lo, a.lo, MPFR_RNDD);
    mpfr_set(out.hi, a.hi, MPFR_RNDU);
}

void scale(Interval& out, const Interval& a, const Rational& c) {
    if (c == 1) return copy(out, a);
    if (c.is_small() && c.small_den() == 1) {
        const long k = c.small_num();
        if (k >= 0) {
            mpfr_mul_si(out.lo, a.lo, k, MPFR_RNDD);
            mpfr_mul_si(out.hi, a.hi, k, MPFR_RNDU);
        } else {
            mpfr_swap(out.lo, out.hi);  // harmless when out is a; else the values are scratch
            if (&out != &a) {
                mpfr_mul_si(out.lo, a.hi, k, MPFR_RNDD);
                mpfr_mul_si(out.hi, a.lo, k, MPFR_RNDU);
            } else {
                mpfr_mul_si(out.lo, out.lo, k, MPFR_RNDD);
                mpfr_mul_si(out.hi, out.hi, k, MPFR_RNDU);
            }
        }
        return;
    }
    AsMpq m(c);
    if (sgn(c) >= 0) {
        mpfr_mul_q(out.lo, a.lo, m.get(), MPFR_RNDD);
        mpfr_mul_q(out.hi, a.hi, m.get(), MPFR_RNDU);
    } else if (&out != &a) {
        mpfr_mul_q(out.lo, a.hi, m.get(), MPFR_RNDD);
        mpfr_mul_q(out.hi, a.lo, m.get(), MPFR_RNDU);
    } else {
        mpfr_swap(out.lo, out.hi);
        mpfr_mul_q(out.lo, out.lo, m.get(), MPFR_RNDD);
        mpfr_mul_q(out.hi, out.hi, m.get(), MPFR_RNDU);
    }
}

void add_scaled(Interval& acc, const Interval& a, const Rational& c, IntervalPool& pool) {
    if (c == 1) {
        mpfr_add(acc.lo, acc.lo, a.lo, MPFR_RNDD);
        mpfr_add(acc.hi, acc.hi, a.hi, MPFR_RNDU);
        return;
    }
    Interval& t = pool.take();
    scale(t, a, c);
    mpfr_add(acc.lo, acc.lo, t.lo, MPFR_RNDD);
    mpfr_add(acc.hi, acc.hi, t.hi, MPFR_RNDU);
}

void mul(Interval& out, const Interval& a, const Interval& b, IntervalPool& pool) {
    if (!mpfr_signbit(a.lo) && !mpfr_signbit(b.lo)) {  // both at or above 0
        mpfr_mul(out.lo, a.lo, b.lo, MPFR_RNDD);
        mpfr_mul(out.hi, a.hi, b.hi, MPFR_RNDU);
        return;
    }
    Interval& lo = pool.take();
    Interval& hi = pool.take();
    const mpfr_srcptr as[] = {a.lo, a.hi}, bs[] = {b.lo, b.hi};
    bool first = true;
    for (mpfr_srcptr x : as) {
        for (mpfr_srcptr y : bs) {
            mpfr_mul(lo.lo, x, y, MPFR_RNDD);
            mpfr_mul(hi.hi, x, y, MPFR_RNDU);
            if (first || mpfr_less_p(lo.lo, lo.hi)) mpfr_set(lo.hi, lo.lo, MPFR_RNDD);
            if (first || mpfr_greater_p(hi.hi, hi.lo)) mpfr_set(hi.lo, hi.hi, MPFR_RNDU);
            first = false;
        }
    }
    mpfr_set(out.lo, lo.hi, MPFR_RNDD);
    mpfr_set(out.hi, hi.lo, MPFR_RNDU);
}

void reciprocal(Interval& out, const Interval& a) {
    if (a.zero()) throw Error(ErrorCode::DivisionByZero, "division by zero");
    if (a.straddles()) throw Undecided{};
    // 1/x falls on each side of 0: [1/hi, 1/lo]; a temporary keeps aliasing safe.
    mpfr_t t;
    mpfr_init2(t, mpfr_get_prec(out.lo));
    mpfr_ui_div(t, 1, a.hi, MPFR_RNDD);
    mpfr_ui_div(out.hi, 1, a.lo, MPFR_RNDU);
    mpfr_swap(out.lo, t);
    mpfr_clear(t);
}

void absolute(Interval& out, const Interval& a) {
    if (!mpfr_signbit(a.lo)) return copy(out, a);
    if (mpfr_sgn(a.hi) <= 0) {  // [-hi, -lo]: negation is exact, so a may be out
        mpfr_neg(out.lo, a.lo, MPFR_RNDN);
        mpfr_neg(out.hi, a.hi, MPFR_RNDN);
        mpfr_swap(out.lo, out.hi);
        return;
    }
    if (mpfr_cmpabs(a.lo, a.hi) > 0)
        mpfr_neg(out.hi, a.lo, MPFR_RNDU);
    else
        mpfr_set(out.hi, a.hi, MPFR_RNDU);
    mpfr_set_zero(out.lo, 1);
}

namespace {

// a^n for n > 0 at the ends of a (a monotone piece).
void pow_positive(Interval& out, const Interval& a, long n, IntervalPool& pool) {
    const bool even = n % 2 == 0;
    if (!even || !mpfr_signbit(a.lo)) {  // increasing here
        mpfr_pow_si(out.lo, a.lo, n, MPFR_RNDD);
        mpfr_pow_si(out.hi, a.hi, n, MPFR_RNDU);
        return;
    }
    Interval& m = pool.take();
    absolute(m, a);
    mpfr_pow_si(out.lo, m.lo, n, MPFR_RNDD);
    mpfr_pow_si(out.hi, m.hi, n, MPFR_RNDU);
}

[[noreturn]] void too_large() {
    throw Error(ErrorCode::Limit, "the value is too large for a decimal");
}

}  // namespace

void pow_integer(Interval& out, const Interval& a, const Rational& n, IntervalPool& pool) {
    auto k = to_long(n);
    if (!k) too_large();
    if (*k == 0) {
        set_rational(out, Rational(1));
        return;
    }
    if (*k > 0) return pow_positive(out, a, *k, pool);
    if (a.zero()) throw Error(ErrorCode::DivisionByZero, "division by zero");
    if (a.straddles()) throw Undecided{};
    Interval& p = pool.take();
    pow_positive(p, a, -*k, pool);
    reciprocal(out, p);
}

void pow_rational(Interval& out, const Interval& a, const Rational& e, IntervalPool& pool) {
    if (is_integer(e)) return pow_integer(out, a, e, pool);
    auto q = to_long(Rational(e.get_den()));
    if (!q) too_large();
    const bool odd_root = *q % 2 != 0;
    if (!odd_root && a.negative()) {
        throw Error(ErrorCode::NotReal, "a fractional power of the negative number " +
                                            midpoint_text(a, 15) + " is not real");
    }
    if (!odd_root && mpfr_signbit(a.lo)) {
        if (!a.zero()) throw Undecided{};
    }
    if (a.zero()) {
        if (e < 0) throw Error(ErrorCode::DivisionByZero, "division by zero");
        mpfr_set_zero(out.lo, 1);
        mpfr_set_zero(out.hi, 1);
        return;
    }
    // The q-th root is increasing on its domain, then the integer power p.
    Interval& r = pool.take();
    mpfr_rootn_ui(r.lo, a.lo, static_cast<unsigned long>(*q), MPFR_RNDD);
    mpfr_rootn_ui(r.hi, a.hi, static_cast<unsigned long>(*q), MPFR_RNDU);
    pow_integer(out, r, Rational(e.get_num()), pool);
}

void pow_general(Interval& out, const Interval& a, const Interval& b, IntervalPool& pool) {
    if (a.zero()) {
        if (b.positive()) {
            mpfr_set_zero(out.lo, 1);
            mpfr_set_zero(out.hi, 1);
            return;
        }
        if (b.negative()) throw Error(ErrorCode::DivisionByZero, "division by zero");
        throw Undecided{};
    }
    if (a.negative()) {
        throw Error(ErrorCode::NotReal, "a fractional power of the negative number " +
                                            midpoint_text(a, 15) + " is not real");
    }
    if (!a.positive()) throw Undecided{};
    // a^b = exp(b ln a); ln and exp are increasing.
    Interval& l = pool.take();
    mpfr_log(l.lo, a.lo, MPFR_RNDD);
    mpfr_log(l.hi, a.hi, MPFR_RNDU);
    Interval& p = pool.take();
    mul(p, l, b, pool);
    mpfr_exp(out.lo, p.lo, MPFR_RNDD);
    mpfr_exp(out.hi, p.hi, MPFR_RNDU);
}

std::string midpoint_text(const Interval& a, int digits) {
    if (a.zero()) return "0";
    mpfr_t m;
    mpfr_init2(m, mpfr_get_prec(a.lo) + 1);
    mpfr_add(m, a.lo, a.hi, MPFR_RNDN);
    mpfr_div_2ui(m, m, 1, MPFR_RNDN);
    char buf[64];
    mpfr_snprintf(buf, sizeof buf, "%.*Rg", digits, m);
    mpfr_clear(m);
    return buf;
}

}  // namespace dfdx::detail
