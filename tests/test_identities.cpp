// Unit tests of identities.cpp: the identities the textbook simplifier applies in the
// shortening direction, each only where its left side is defined.
#include <doctest/doctest.h>

#include "calculus/identities.hpp"
#include "expr/construct.hpp"
#include "support.hpp"

using namespace dfdx;
using namespace dfdx::detail;
using test_support::read;

TEST_CASE("identities: Pythagorean forms collapse") {
    CHECK(apply_identities(read("sin(x)^2 + cos(x)^2")) == num(1));
    CHECK(apply_identities(read("3*sin(x)^2 + 3*cos(x)^2 + y")) == read("3 + y"));
    CHECK(apply_identities(read("cosh(x)^2 - sinh(x)^2")) == num(1));
    CHECK(apply_identities(read("1 - sin(x)^2")) == read("cos(x)^2"));
}

TEST_CASE("identities: inside other expressions, bottom-up") {
    CHECK(apply_identities(read("ln(sin(x)^2 + cos(x)^2 + x)")) == read("ln(1 + x)"));
    CHECK(apply_identities(read("x")) == read("x"));
    CHECK(apply_identities(read("sin(x) + cos(y)^2")) == read("sin(x) + cos(y)^2"));
}

TEST_CASE("identities: exp and ln cancel only where the left side is defined") {
    CHECK(apply_identities(read("exp(ln(x))")) == read("x"));  // ln(x) needs x > 0: valid there
}

TEST_CASE("identities: reciprocals and products of roots are forms of their own") {
    CHECK(apply_reciprocals(read("1/cos(x)")) == read("sec(x)"));
    CHECK(apply_reciprocals(read("x")) == read("x"));
    CHECK(apply_root_products(read("sqrt(x)*sqrt(1 - x)")) == read("sqrt(x - x^2)"));
    CHECK(apply_root_products(read("sqrt(x)")) == read("sqrt(x)"));
}
