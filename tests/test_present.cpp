// Unit tests of resolve/present.cpp: how a value is shown (exact, closed form, correctly
// rounded decimal, symbolic) and the textbook form of a result, remembered by value.
#include <doctest/doctest.h>

#include <string>

#include "expr/error.hpp"
#include "resolve/present.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;

TEST_CASE("a rational or a short closed form prints exactly, anything else numeric as a decimal") {
    Presenter p;
    Settings s;
    CHECK(p.show(read("1/3"), s) == "1/3");
    CHECK(p.show(read("sqrt(2)/2"), s) == "sqrt(2)/2");
    CHECK(p.show(read("pi/6"), s) == "pi/6");
    CHECK(p.show(read("ln(2)"), s) == "0.693147180559945");
    CHECK(p.show(read("sin(1)"), s) == "0.841470984807897");
    // A root of a fraction reads better as a decimal.
    CHECK(p.show(read("sqrt(53/100)"), s) == "0.728010988928052");
}

TEST_CASE("force_decimal turns closed forms into decimals and refuses symbols") {
    Presenter p;
    Settings s;
    CHECK(p.show(read("sqrt(2)/2"), s, true) == "0.707106781186548");
    CHECK(p.show(read("1/4"), s, true) == "0.25");
    CHECK_THROWS_WITH_AS(p.show(read("x + 1"), s, true),
                         "approx needs a number, but x has no value (give one with 'at')", Error);
}

TEST_CASE("the settings decide the digits and the notation") {
    Presenter p;
    Settings s;
    s.precision = 5;
    CHECK(p.show(read("ln(2)"), s) == "0.69315");
    s.precision = 30;
    CHECK(p.show(read("pi"), s, true) == "3.14159265358979323846264338328");
    s.precision = 15;
    s.format = Format::Unicode;
    CHECK(p.show(read("x^2"), s) == "x²");
    s.format = Format::Latex;
    CHECK(p.show(read("[1/2, ln(2)]"), s) == "\\left[\\frac{1}{2}, 0.693147180559945\\right]");
}

TEST_CASE("a vector prints whole when every element is exact, element by element otherwise") {
    Presenter p;
    Settings s;
    CHECK(p.show(read("[1/2, x]"), s) == "[1/2, x]");
    CHECK(p.show(read("[1/2, ln(2)]"), s) == "[1/2, 0.693147180559945]");
    CHECK(p.show(read("[[1, 2], [3, ln(3)]]"), s) == "[[1, 2], [3, 1.09861228866811]]");
}

TEST_CASE("textbook forms are the simplifier's, and numbers are left alone") {
    Presenter p;
    Expr e = read("x*(x + 1) - x");
    Expr t = p.textbook(e);
    CHECK(t == read("x^2"));
    CHECK(p.textbook(e) == t);  // remembered: the same node again
    Expr n = read("sqrt(8)");
    CHECK(p.textbook(n) == n);
}
