// Unit tests of interval.cpp and interval_functions.cpp: MPFR intervals that always hold
// the exact value (outward rounding), and the built-ins on them with the function
// table's domain rules: inside, outside (an error) or undecided (more precision).
#include <doctest/doctest.h>

#include <string>

#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "numbers/interval.hpp"

using namespace dfdx;
using namespace dfdx::detail;

namespace {

bool contains(const Interval& a, double v) {
    return mpfr_cmp_d(a.lo, v) <= 0 && mpfr_cmp_d(a.hi, v) >= 0;
}

void set(Interval& a, double lo, double hi) {
    mpfr_set_d(a.lo, lo, MPFR_RNDD);
    mpfr_set_d(a.hi, hi, MPFR_RNDU);
}

/// "inside", "Undecided" or the error code name of f(a).
std::string outcome(const char* f, const Interval& a) {
    Interval out(a.prec());
    IntervalPool pool(a.prec());
    const Interval* args[1] = {&a};
    try {
        apply_function(out, function_id(f), args, 1, pool);
    } catch (const Undecided&) {
        return "Undecided";
    } catch (const Error& e) {
        return code_name(e.code());
    }
    return "inside";
}

}  // namespace

TEST_CASE("interval: a rational that does not fit is held between two neighbours") {
    Interval third(64);
    set_rational(third, Rational(1, 3));
    CHECK(mpfr_cmp(third.lo, third.hi) < 0);
    CHECK(mpfr_cmp_d(third.lo, 0.33333333333) > 0);
    CHECK(mpfr_cmp_d(third.hi, 0.33333333334) < 0);
    Interval half(64);
    set_rational(half, Rational(1, 2));
    CHECK(mpfr_cmp(half.lo, half.hi) == 0);  // exact: a point
    CHECK(half.positive());
    CHECK_FALSE(half.straddles());
}

TEST_CASE("interval: pi and e are bracketed") {
    Interval pi(128), e(128);
    set_pi(pi);
    set_e(e);
    CHECK(mpfr_cmp_d(pi.lo, 3.1415926535) > 0);
    CHECK(mpfr_cmp_d(pi.hi, 3.1415926536) < 0);
    CHECK(mpfr_cmp_d(e.lo, 2.7182818284) > 0);
    CHECK(mpfr_cmp_d(e.hi, 2.7182818285) < 0);
    CHECK(midpoint_text(pi, 10).rfind("3.14159265", 0) == 0);
}

TEST_CASE("interval: arithmetic keeps the exact value inside") {
    IntervalPool pool(64);
    Interval a(64), b(64), out(64);
    set(a, -1, 2);
    set(b, 3, 4);
    mul(out, a, b, pool);
    CHECK(mpfr_cmp_d(out.lo, -4) == 0);
    CHECK(mpfr_cmp_d(out.hi, 8) == 0);
    scale(out, b, Rational(-1, 2));
    CHECK(mpfr_cmp_d(out.lo, -2) == 0);
    CHECK(mpfr_cmp_d(out.hi, -1.5) == 0);
    absolute(out, a);
    CHECK(mpfr_cmp_d(out.lo, 0) == 0);
    CHECK(mpfr_cmp_d(out.hi, 2) == 0);
    Interval acc(64);
    set(acc, 1, 1);
    add_scaled(acc, b, Rational(2), pool);
    CHECK(mpfr_cmp_d(acc.lo, 7) == 0);
    CHECK(mpfr_cmp_d(acc.hi, 9) == 0);
    pow_integer(out, a, Rational(2), pool);  // [-1, 2]^2 = [0, 4], not [-2, 4]
    CHECK(mpfr_cmp_d(out.lo, 0) == 0);
    CHECK(mpfr_cmp_d(out.hi, 4) == 0);
}

TEST_CASE("interval: 1/0 is an error, 1/[maybe 0] undecided") {
    Interval zero(64), around(64), out(64);
    set(zero, 0, 0);
    CHECK(zero.zero());
    bool division = false;
    try {
        reciprocal(out, zero);
    } catch (const Error& e) {
        division = e.code() == ErrorCode::DivisionByZero;
    }
    CHECK(division);
    set(around, -0.5, 0.5);
    CHECK(around.straddles());
    CHECK_THROWS_AS(reciprocal(out, around), Undecided);
    Interval two(64);
    set(two, 2, 4);
    reciprocal(out, two);
    CHECK(mpfr_cmp_d(out.lo, 0.25) == 0);
    CHECK(mpfr_cmp_d(out.hi, 0.5) == 0);
}

TEST_CASE("interval: built-ins follow the table's domains") {
    Interval a(64);
    set(a, 0.5, 2);
    CHECK(outcome("ln", a) == "inside");
    CHECK(outcome("asin", a) == "Undecided");  // partly outside [-1, 1]
    CHECK(outcome("acosh", a) == "Undecided");
    set(a, -2, -0.5);
    CHECK(outcome("ln", a) == "domain");
    CHECK(outcome("sin", a) == "inside");
    set(a, 2, 3);
    CHECK(outcome("asin", a) == "domain");
    CHECK(outcome("acoth", a) == "inside");
    set(a, -1, 1);
    CHECK(outcome("atanh", a) == "Undecided");
    set(a, 0, 0);
    CHECK(outcome("cot", a) == "domain");
}

TEST_CASE("interval: a monotone built-in maps the ends outward") {
    Interval a(64), out(64);
    IntervalPool pool(64);
    set(a, 0, 1);
    const Interval* args[1] = {&a};
    apply_function(out, function_id("exp"), args, 1, pool);
    CHECK(mpfr_cmp_d(out.lo, 1) <= 0);
    CHECK(contains(out, 2.718281828459045));
    apply_function(out, function_id("atan"), args, 1, pool);
    CHECK(contains(out, 0));
    CHECK(contains(out, 0.7853981633974483));
}
