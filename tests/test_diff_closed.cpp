// n-th derivatives in closed form (issue 16): the same node as stepping one derivative
// at a time, and huge orders at once.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "calculus/diff.hpp"
#include "expr/construct.hpp"
#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "support.hpp"
#include "text/parser.hpp"

using namespace dfdx;

namespace {

Expr read(std::string_view text) { return test_support::read(std::string(text)); }

Expr stepped(Expr e, unsigned n) {
    for (unsigned k = 0; k < n; ++k) e = diff(e, "x");
    return e;
}

}  // namespace

TEST_CASE("closed-form n-th derivatives are the node stepping builds") {
    for (const char* text :
         {"exp(2x)", "exp(-x/3 + y)", "3*sin(2x + 1)", "cos(x/2)", "y*cos(5x - 2)",
          "x^7 + 3x^2 - x + 4", "x^3*y + exp(x) + sin(x)", "2*x^10/7", "exp(k*x)"}) {
        for (unsigned n : {2u, 3u, 4u, 5u, 8u, 11u}) {
            CAPTURE(text);
            CAPTURE(n);
            CHECK(diff(read(text), "x", n) == stepped(read(text), n));
        }
    }
}

TEST_CASE("huge orders of exp, sin, cos and polynomials answer at once") {
    // Regression (issue 16): diff(exp(2x), x, 10^6) stepped a million times (over 120 s).
    CHECK(diff(read("exp(2x)"), "x", 1'000'000) ==
          mul(pow(num(2), num(1'000'000)), read("exp(2x)")));
    CHECK(print(diff(read("sin(3x)"), "x", 1'000'000'000'000'000'002ull)) ==
          "-sin(3*x)*3^1000000000000000002");
    CHECK(print(diff(read("x^(10^12)"), "x", 3)) ==
          "999999999997000000000002000000000000*x^999999999997");
    CHECK(is_zero(diff(read("x^5 + 3x"), "x", 1'000'000'000'000ull)));
}

TEST_CASE("other n-th derivatives are still stepped") {
    CHECK(print(diff(read("x*exp(x)"), "x", 3)) == "x*exp(x) + 3*exp(x)");
    CHECK(print(diff(read("exp(x^2)"), "x", 2)) == print(stepped(read("exp(x^2)"), 2)));
}
