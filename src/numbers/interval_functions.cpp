// The built-in functions on MPFR intervals: monotone ones at the two ends with outward
// rounding, sin and cos by their Lipschitz bound, the rest through those. The domain
// rules are the function table's (function_domain); a point on an undecided edge asks
// for more precision.
#include <string_view>
#include <vector>

#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "numbers/interval.hpp"

namespace dfdx::detail {

namespace {

using Fn = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);

enum class Shape {
    Up,    ///< increasing: f at lo (down), f at hi (up)
    Down,  ///< decreasing
    Sin,
    Cos,
    Tan,
    Cot,
    Sec,
    Csc,
    Cosh,
    Sech,
    Recip,    ///< f(1/x) for an increasing or decreasing f (acot, asec, ...)
    OneOver,  ///< 1/f(x) for an increasing f (coth, csch)
    Abs,
    Sign,
    Step,
    Relu,
    Sigmoid,
    Softplus,
    Atan2,
};

struct Rule {
    Shape shape = Shape::Up;
    Fn fn = nullptr;
    bool decreasing = false;  ///< for Recip: f itself decreases
};

int log_fn(mpfr_ptr r, mpfr_srcptr x, mpfr_rnd_t d) { return mpfr_log(r, x, d); }

const std::vector<Rule>& rules() {
    static const std::vector<Rule> table = [] {
        std::vector<Rule> t(all_functions().size());
        const std::pair<std::string_view, Rule> rows[] = {
            {"sin", {Shape::Sin}},
            {"cos", {Shape::Cos}},
            {"tan", {Shape::Tan}},
            {"cot", {Shape::Cot}},
            {"sec", {Shape::Sec}},
            {"csc", {Shape::Csc}},
            {"asin", {Shape::Up, mpfr_asin}},
            {"acos", {Shape::Down, mpfr_acos}},
            {"atan", {Shape::Up, mpfr_atan}},
            {"acot", {Shape::Recip, mpfr_atan}},
            {"asec", {Shape::Recip, mpfr_acos, true}},
            {"acsc", {Shape::Recip, mpfr_asin}},
            {"atan2", {Shape::Atan2}},
            {"sinh", {Shape::Up, mpfr_sinh}},
            {"cosh", {Shape::Cosh}},
            {"tanh", {Shape::Up, mpfr_tanh}},
            {"coth", {Shape::OneOver, mpfr_tanh}},
            {"sech", {Shape::Sech}},
            {"csch", {Shape::OneOver, mpfr_sinh}},
            {"asinh", {Shape::Up, mpfr_asinh}},
            {"acosh", {Shape::Up, mpfr_acosh}},
            {"atanh", {Shape::Up, mpfr_atanh}},
            {"acoth", {Shape::Recip, mpfr_atanh}},
            {"asech", {Shape::Recip, mpfr_acosh}},
            {"acsch", {Shape::Recip, mpfr_asinh}},
            {"exp", {Shape::Up, mpfr_exp}},
            {"ln", {Shape::Up, log_fn}},
            {"log10", {Shape::Up, mpfr_log10}},
            {"log2", {Shape::Up, mpfr_log2}},
            {"abs", {Shape::Abs}},
            {"sign", {Shape::Sign}},
            {"step", {Shape::Step}},
            {"sigmoid", {Shape::Sigmoid}},
            {"relu", {Shape::Relu}},
            {"softplus", {Shape::Softplus}},
        };
        for (const auto& [name, rule] : rows) t[function_id(name)] = rule;
        return t;
    }();
    return table;
}

[[noreturn]] void undefined(std::uint32_t id, const Interval& a) {
    throw Error(ErrorCode::Domain,
                std::string(function_info(id).name) + " is undefined at " + midpoint_text(a, 15));
}

int cmp_si(mpfr_srcptr x, long v) { return mpfr_cmp_si(x, v); }

// Whether the whole interval is inside the domain (true), outside (throws), or neither.
void check_domain(std::uint32_t id, const Interval& a) {
    const mpfr_srcptr lo = a.lo, hi = a.hi;
    bool inside = true, outside = false;
    switch (function_domain(id)) {
        case FunctionDomain::All: return;
        case FunctionDomain::Positive: inside = a.positive(), outside = mpfr_sgn(hi) <= 0; break;
        case FunctionDomain::NonZero: inside = !a.straddles(), outside = a.zero(); break;
        case FunctionDomain::UnitClosed:
            inside = cmp_si(lo, -1) >= 0 && cmp_si(hi, 1) <= 0,
            outside = cmp_si(lo, 1) > 0 || cmp_si(hi, -1) < 0;
            break;
        case FunctionDomain::OutsideUnit:
            inside = cmp_si(lo, 1) >= 0 || cmp_si(hi, -1) <= 0,
            outside = cmp_si(lo, -1) > 0 && cmp_si(hi, 1) < 0;
            break;
        case FunctionDomain::AtLeastOne:
            inside = cmp_si(lo, 1) >= 0, outside = cmp_si(hi, 1) < 0;
            break;
        case FunctionDomain::UnitOpen:
            inside = cmp_si(lo, -1) > 0 && cmp_si(hi, 1) < 0,
            outside = cmp_si(lo, 1) >= 0 || cmp_si(hi, -1) <= 0;
            break;
        case FunctionDomain::OutsideUnitOpen:
            inside = cmp_si(lo, 1) > 0 || cmp_si(hi, -1) < 0,
            outside = cmp_si(lo, -1) >= 0 && cmp_si(hi, 1) <= 0;
            break;
        case FunctionDomain::UnitHalfOpen:
            inside = a.positive() && cmp_si(hi, 1) <= 0,
            outside = mpfr_sgn(hi) <= 0 || cmp_si(lo, 1) > 0;
            break;
    }
    if (outside) undefined(id, a);
    if (!inside) throw Undecided{};
}

void monotone(Interval& out, const Interval& a, Fn f, bool decreasing) {
    if (!decreasing) {
        f(out.lo, a.lo, MPFR_RNDD);
        f(out.hi, a.hi, MPFR_RNDU);
        return;
    }
    // [f(hi), f(lo)], through a temporary: out may be a.
    mpfr_t t;
    mpfr_init2(t, mpfr_get_prec(out.lo));
    f(t, a.hi, MPFR_RNDD);
    f(out.hi, a.lo, MPFR_RNDU);
    mpfr_swap(out.lo, t);
    mpfr_clear(t);
}

// sin or cos: f(lo) moved by at most the width (|f'| <= 1), clamped to [-1, 1].
void lipschitz(Interval& out, const Interval& a, Fn f, IntervalPool& pool) {
    Interval& w = pool.take();
    mpfr_sub(w.hi, a.hi, a.lo, MPFR_RNDU);
    f(w.lo, a.lo, MPFR_RNDD);
    f(out.hi, a.lo, MPFR_RNDU);
    mpfr_sub(out.lo, w.lo, w.hi, MPFR_RNDD);
    mpfr_add(out.hi, out.hi, w.hi, MPFR_RNDU);
    if (cmp_si(out.lo, -1) < 0) mpfr_set_si(out.lo, -1, MPFR_RNDD);
    if (cmp_si(out.hi, 1) > 0) mpfr_set_si(out.hi, 1, MPFR_RNDU);
}

void quotient(Interval& out, const Interval& a, const Interval& b, IntervalPool& pool) {
    Interval& r = pool.take();
    reciprocal(r, b);
    mul(out, a, r, pool);
}

void set_number(Interval& out, long v) {
    mpfr_set_si(out.lo, v, MPFR_RNDD);
    mpfr_set_si(out.hi, v, MPFR_RNDU);
}

void sigmoid(Interval& out, const Interval& a, IntervalPool& pool) {
    // 1/(1 + exp(-x)), increasing: each end rounded the way that keeps it outside.
    Interval& t = pool.take();
    mpfr_neg(t.lo, a.hi, MPFR_RNDN);
    mpfr_neg(t.hi, a.lo, MPFR_RNDN);
    mpfr_exp(t.lo, t.lo, MPFR_RNDD);
    mpfr_exp(t.hi, t.hi, MPFR_RNDU);
    mpfr_add_ui(t.lo, t.lo, 1, MPFR_RNDD);
    mpfr_add_ui(t.hi, t.hi, 1, MPFR_RNDU);
    mpfr_ui_div(out.lo, 1, t.hi, MPFR_RNDD);
    mpfr_ui_div(out.hi, 1, t.lo, MPFR_RNDU);
}

void softplus(Interval& out, const Interval& a) {
    mpfr_exp(out.lo, a.lo, MPFR_RNDD);
    mpfr_exp(out.hi, a.hi, MPFR_RNDU);
    mpfr_log1p(out.lo, out.lo, MPFR_RNDD);
    mpfr_log1p(out.hi, out.hi, MPFR_RNDU);
}

// atan2(y, x) in (-pi, pi], through atan of a quotient on each side of the axes.
void atan2(Interval& out, const Interval& y, const Interval& x, IntervalPool& pool) {
    if (x.zero() && y.zero()) return set_number(out, 0);
    Interval& q = pool.take();
    if (x.positive()) {
        quotient(q, y, x, pool);
        return monotone(out, q, mpfr_atan, false);
    }
    if (!y.straddles() || (y.zero() && x.negative())) {
        // pi/2 - atan(x/y) above the axis, -pi/2 - atan(x/y) below; y = 0, x < 0: pi.
        if (y.zero()) return set_pi(out);
        quotient(q, x, y, pool);
        monotone(q, q, mpfr_atan, false);
        Interval& h = pool.take();
        set_pi(h);
        scale(h, h, Rational(y.positive() ? 1 : -1, 2));
        scale(q, q, Rational(-1));
        copy(out, h);
        mpfr_add(out.lo, out.lo, q.lo, MPFR_RNDD);
        mpfr_add(out.hi, out.hi, q.hi, MPFR_RNDU);
        return;
    }
    throw Undecided{};
}

void recip_of(Interval& out, const Interval& a, const Rule& r, std::uint32_t id,
              IntervalPool& pool) {
    if (a.zero() && function_info(id).name == "acot") {
        set_pi(out);
        return scale(out, out, Rational(1, 2));
    }
    Interval& inv = pool.take();
    reciprocal(inv, a);
    monotone(out, inv, r.fn, r.decreasing);
}

void piecewise(Interval& out, const Interval& a, Shape s) {
    switch (s) {
        case Shape::Sign:
            if (a.zero()) return set_number(out, 0);
            if (a.straddles()) throw Undecided{};
            return set_number(out, a.positive() ? 1 : -1);
        case Shape::Step:
            if (a.positive()) return set_number(out, 1);
            if (mpfr_sgn(a.hi) <= 0) return set_number(out, 0);
            throw Undecided{};
        default:  // Relu
            copy(out, a);
            if (mpfr_sgn(out.lo) < 0) mpfr_set_zero(out.lo, 1);
            if (mpfr_sgn(out.hi) < 0) mpfr_set_zero(out.hi, 1);
    }
}

}  // namespace

void apply_function(Interval& out, std::uint32_t id, const Interval* const* args, std::size_t n,
                    IntervalPool& pool) {
    const Rule& r = rules().at(id);
    if (r.shape == Shape::Atan2 && n == 2) return atan2(out, *args[0], *args[1], pool);
    const bool needs_fn = r.shape == Shape::Up || r.shape == Shape::Down ||
                          r.shape == Shape::Recip || r.shape == Shape::OneOver;
    if (needs_fn && r.fn == nullptr) {  // factorial, binomial: whole numbers only, folded exactly
        throw Error(ErrorCode::Domain, std::string(function_info(id).name) +
                                           " has no value here: it takes whole numbers");
    }
    const Interval& a = *args[0];
    check_domain(id, a);
    switch (r.shape) {
        case Shape::Up: return monotone(out, a, r.fn, false);
        case Shape::Down: return monotone(out, a, r.fn, true);
        case Shape::Sin: return lipschitz(out, a, mpfr_sin, pool);
        case Shape::Cos: return lipschitz(out, a, mpfr_cos, pool);
        case Shape::Tan:
        case Shape::Cot:
        case Shape::Sec:
        case Shape::Csc: {
            Interval& s = pool.take();
            Interval& c = pool.take();
            lipschitz(s, a, mpfr_sin, pool);
            lipschitz(c, a, mpfr_cos, pool);
            if (r.shape == Shape::Tan) return quotient(out, s, c, pool);
            if (r.shape == Shape::Cot) return quotient(out, c, s, pool);
            return reciprocal(out, r.shape == Shape::Sec ? c : s);
        }
        case Shape::Cosh:
        case Shape::Sech: {
            Interval& m = pool.take();
            absolute(m, a);
            monotone(m, m, mpfr_cosh, false);
            if (r.shape == Shape::Cosh) return copy(out, m);
            return reciprocal(out, m);
        }
        case Shape::Recip: return recip_of(out, a, r, id, pool);
        case Shape::OneOver: {
            Interval& f = pool.take();
            monotone(f, a, r.fn, false);
            return reciprocal(out, f);
        }
        case Shape::Abs: return absolute(out, a);
        case Shape::Sign:
        case Shape::Step:
        case Shape::Relu: return piecewise(out, a, r.shape);
        case Shape::Sigmoid: return sigmoid(out, a, pool);
        case Shape::Softplus: return softplus(out, a);
        case Shape::Atan2: break;
    }
    throw Error(ErrorCode::Type,
                std::string(function_info(id).name) + " takes another number of arguments");
}

}  // namespace dfdx::detail
