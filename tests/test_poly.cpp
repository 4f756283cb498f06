// Unit tests of the polynomial bridge (poly.hpp): expressions as FLINT fractions and back,
// GCDs cancelled, roots reduced, factorisations with integer factors.
#include <doctest/doctest.h>

#include <string>

#include "calculus/poly.hpp"
#include "print/print.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;

TEST_CASE("FLINT is found and loaded on first use") { CHECK(poly_available()); }

TEST_CASE("rational forms put a sum over one denominator with the GCD cancelled") {
    struct Row {
        const char* input;
        const char* num;
        const char* den;
    };
    const Row rows[] = {
        {"(x^2 - 4)/(x - 2)", "x + 2", "1"},
        {"1/x + 1/y", "x + y", "x*y"},
        {"1/(x^2 + 4) - 2*x^2/(x^2 + 4)^2", "4 - x^2", "x^4 + 8*x^2 + 16"},
        {"1/(a*(x^2/a^2 + 1))", "a", "a^2 + x^2"},
        {"x/2 + 1/3", "x/2 + 1/3", "1"},  // a constant denominator is taken in
        {"(x*y - y)/(x^2 - 1)", "y", "x + 1"},
        {"sin(x)/x + sin(x)", "x*sin(x) + sin(x)", "x"},
        {"1/sqrt(x^2 + 4) - x^2/(x^2 + 4)^(3/2)", "4", "(x^2 + 4)^(3/2)"},  // (u^(1/2))^2 = u
        {"sqrt(x)*sqrt(x)", "x", "1"},
        {"exp(-x)*3*x^2 - x^3*exp(-x)", "3*x^2*exp(-x) - x^3*exp(-x)", "1"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.input);
        auto f = rational_form(read(r.input), false);
        REQUIRE(f);
        CHECK(print(f->num) == r.num);
        CHECK(print(f->den) == r.den);
    }
}

TEST_CASE("factorisations have integer factors and the content apart") {
    struct Row {
        std::string input;
        std::string content;
        std::string factors;  // each factor ^exponent, joined by " ; ", in FLINT's order
    };
    const Row rows[] = {
        {"x^2 - 1", "1", "x + 1 ^1 ; x - 1 ^1"},
        {"2*x^2 + 4*x + 2", "2", "x + 1 ^2"},
        {"x^2/2 - 1/2", "1/2", "x + 1 ^1 ; x - 1 ^1"},
        {"3*x^2*exp(-x) - x^3*exp(-x)", "-1", "x ^2 ; exp(-x) ^1 ; x - 3 ^1"},
        {"x^2*y - y^3", "1", "y ^1 ; x + y ^1 ; x - y ^1"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.input);
        auto f = rational_form(read(r.input), true);
        REQUIRE(f);
        REQUIRE(f->num_factors);
        CHECK(to_string(f->num_factors->content) == r.content);
        std::string text;
        for (const auto& [p, k] : f->num_factors->factors) {
            text += (text.empty() ? "" : " ; ") + print(p) + " ^" + std::to_string(k);
        }
        CHECK(text == r.factors);
    }
}

TEST_CASE("the bridge declines what is past its limits rather than wait") {
    auto big = rational_form(read("(x + y + z + 1)^30"), false);  // a power above the limit
    REQUIRE(big);
    CHECK(print(big->num) == "(x + y + z + 1)^30");  // stays one generator, not expanded
    std::string many = "0";
    for (int i = 0; i < 30; ++i) many += " + sin(" + std::to_string(i + 1) + "*x)";
    CHECK_FALSE(rational_form(read(many), false));        // more generators than the limit
    CHECK_FALSE(rational_form(read("[x, 1/x]"), false));  // a vector
}
