// Unit tests of views/range.cpp: evenly spaced points, exact when the range is rational,
// and the limit on how many a table or plot may have.
#include <doctest/doctest.h>

#include <string>

#include "expr/error.hpp"
#include "views/range.hpp"

using namespace dfdx;

namespace {

Range range(Rational lo, Rational hi) {
    Range r;
    r.var = "x";
    r.lo = lo.get_d();
    r.hi = hi.get_d();
    r.lo_exact = lo;
    r.hi_exact = hi;
    return r;
}

}  // namespace

TEST_CASE("range: a rational step gives exact points, ending at the last one within range") {
    Range r = range(Rational(0), Rational(1));
    r.step = 0.25;
    r.step_exact = Rational(1, 4);
    Grid g(r, 100, 1000, "table");
    REQUIRE(g.size() == 5);
    CHECK(g.exact());
    CHECK(g.terminating());
    CHECK(g.exact_text(1) == "0.25");
    CHECK(g.x(4) == 1.0);
}

TEST_CASE("range: thirds are written as fractions, and the points hit the end exactly") {
    Range r = range(Rational(0), Rational(1));
    r.points = 4;
    Grid g(r, 100, 1000, "table");
    REQUIRE(g.size() == 4);
    CHECK(g.exact());
    CHECK_FALSE(g.terminating());
    CHECK(g.exact_text(1) == "1/3");
    CHECK(g.x(3) == 1.0);
    CHECK(g.x(1) == doctest::Approx(1.0 / 3));
}

TEST_CASE("range: without a step or a number of points, the default number is used") {
    Grid g(range(Rational(-1), Rational(1)), 11, 1000, "plot");
    CHECK(g.size() == 11);
    CHECK(g.exact_text(5) == "0");
}

TEST_CASE("range: more points than the limit is an error naming the command") {
    Range r = range(Rational(0), Rational(1));
    r.step = 1e-9;
    r.step_exact = Rational(1, 1000000000);
    CHECK_THROWS_AS(Grid(r, 100, 1000, "table"), Error);
    try {
        Grid(r, 100, 1000, "table");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("table would have") == 0);
        CHECK(e.code() == ErrorCode::Limit);
    }
}
