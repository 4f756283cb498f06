// Unit tests of domain_guard.cpp: a derivative at a point where the expression
// differentiated is undefined is an error (SPEC §5), and the guard steps aside only when
// evaluating the derivative fails there anyway.
#include <doctest/doctest.h>

#include <string>

#include "calculus/diff.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "numbers/domain_guard.hpp"
#include "numbers/eval.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;

namespace {

struct Row {
    const char* original;
    const char* var;
    Rational x, y;
    bool undefined;  ///< the original is undefined at (x, y)
    bool skipped;    ///< the derivative alone already fails wherever the original does
};

}  // namespace

TEST_CASE("the guard refuses points where the original is undefined, and only those") {
    const Row rows[] = {
        {"ln(x)", "x", -1, 0, true, false},  // 1/x is defined at -1
        {"ln(x)", "x", 2, 0, false, false},
        {"x + 1/y", "x", 1, 0, true, false},  // the derivative 1 is defined everywhere
        {"sqrt(x)", "x", -1, 0, true, true},  // 1/(2 sqrt(x)) fails there too
        {"sin(x)*exp(x)/(1 + x^2)", "x", 3, 0, false, true},
        {"(x^2 - 4)/(x - 2)", "x", 2, 0, true, true},  // (x - 2)^-2 in the derivative
        {"asin(x)", "x", 2, 0, true, false},
        {"x*y", "x", 5, 7, false, true},
        {"abs(x)^(1/3)", "x", 0, 0, false, true},
    };
    for (const Row& r : rows) {
        CAPTURE(r.original);
        CAPTURE(to_string(r.x));
        const Expr e = read(r.original);
        const DomainGuard guard({e}, diff(e, r.var));
        CHECK(guard.empty() == r.skipped);
        const Bindings point{{"x", num(r.x)}, {"y", num(r.y)}};
        if (r.undefined && !r.skipped) {
            CHECK_THROWS_AS(guard.check(point), Error);
        } else {
            CHECK_NOTHROW(guard.check(point));
        }
        if (r.undefined && r.skipped) {  // then the derivative itself fails there
            CHECK_THROWS_AS((void)evaluate(substitute(diff(e, r.var), point)), Error);
        }
    }
}

TEST_CASE("a point that leaves names free is checked where it can be") {
    const Expr e = read("ln(x) + y");
    const DomainGuard guard({e}, diff(e, "x"));
    CHECK_NOTHROW(guard.check({{"x", num(2)}}));
    CHECK_THROWS_AS(guard.check({{"x", num(-2)}}), Error);
}
