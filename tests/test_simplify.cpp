// Unit tests of simplify.cpp: expand multiplies out, simplify picks the shorter of the
// forms dfdx knows, and neither changes the value.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "calculus/simplify.hpp"
#include "numbers/eval.hpp"
#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "support.hpp"
#include "text/parser.hpp"

using namespace dfdx;

namespace {

Expr read(std::string_view text) { return test_support::read(std::string(text)); }

}  // namespace

TEST_CASE("expand multiplies out products and integer powers of sums") {
    struct Row {
        std::string_view text;
        std::string_view expanded;
    };
    const Row rows[] = {
        {"(x + 1)^3", "x^3 + 3*x^2 + 3*x + 1"}, {"(x + y)*(x - y)", "x^2 - y^2"},
        {"2*(x + 1)^2 - 2x^2", "4*x + 2"},      {"x*(x + 1) - x^2", "x"},
        {"sin(x*(x + 1))", "sin(x^2 + x)"},     {"(x + 1)^-2", "1/(x^2 + 2*x + 1)"},
        {"(a + b)^2", "a^2 + 2*a*b + b^2"},     {"x", "x"},
        {"(x + 1)^(1/2)", "sqrt(x + 1)"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(print(expand(read(r.text))) == r.expanded);
        CHECK(print(read("expand(" + std::string(r.text) + ")")) == r.expanded);
    }
}

TEST_CASE("expansion keeps exact coefficients of any size") {
    const Expr e = expand(read("(x + 1)^100"));
    REQUIRE(e->kind == Kind::Add);
    CHECK(e->args.size() == 100);  // x^100 ... x, plus the constant 1 kept apart
    const std::string text = print(e);
    CHECK(text.rfind("x^100 + 100*x^99 + 4950*x^98", 0) == 0);
    CHECK(text.find("100891344545564193334812497256*x^50") != std::string::npos);  // C(100, 50)
}

TEST_CASE("expansion past the term limit is a Limit error") {
    try {
        (void)expand(read("(a + b + c + d + e1 + f + g + h)^40"));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::Limit);
    }
}

TEST_CASE("simplify returns an equal value, never longer than the input") {
    const std::string_view texts[] = {
        "(x + 1)^2 - x^2",
        "(x + 1)^5",
        "x*(y + z) - x*y",
        "(x^2 - 1)/(x - 1)",
        "sin(x)^2 + cos(x)^2",
        "exp(x)*exp(-x)",
        "2*(x + y) - 2*y",
        "sqrt(x^2)",
        "2*sin(x)*cos(x)*x",
        "cos(x)^2 - sin(x)^2",
        "cosh(x)^2 + sinh(x)^2",
        "4*sinh(x)*cosh(x)",
        "1/cos(x)^2",
        "-2/sin(x)",
        "3/sqrt(4*x^2 + 8)",
        "x/(2*sqrt(x^2/9 + 1))",
        "2*(12*x + 24)^(3/2)",
        "sqrt(x)*sqrt(x + 2)/sqrt(y)",
    };
    for (std::string_view t : texts) {
        CAPTURE(t);
        const Expr e = read(t);
        const Expr s = simplify(e);
        CHECK(print(s).size() <= print(e).size());
        for (double x : {0.3, 1.7, 2.9}) {
            const Point p{{"x", x}, {"y", 0.4}, {"z", -1.3}};
            CHECK(evaluate(s, p) == doctest::Approx(evaluate(e, p)).epsilon(1e-12));
        }
    }
    CHECK(print(simplify(read("(x + 1)^2 - x^2"))) == "2*x + 1");
    CHECK(print(simplify(read("x*(y + z) - x*y"))) == "x*z");
    CHECK(print(simplify(read("(x + 1)^5"))) == "(x + 1)^5");
    CHECK(print(simplify(read("sqrt(x^2)"))) == "sqrt(x^2)");  // not |x|, not x
    CHECK(print(read("simplify(exp(x)*exp(-x))")) == "1");
}

// The textbook simplifier, through the session as a user sees it. Each row would print
// the unsimplified derivative (the right column of issue 12's table) without it.
TEST_CASE("derivatives print in the textbook's form") {
    struct Row {
        std::string input, output;
    };
    const Row rows[] = {
        {"d/dx x/(x^2+4)", "(4 - x^2)/(x^2 + 4)^2"},
        {"d/dx (x^2-4)/(x-2)", "1"},
        {"d/dx x^3 exp(-x)", "x^2*(3 - x)*exp(-x)"},
        {"d/dx x/sqrt(x^2+4)", "4/(x^2 + 4)^(3/2)"},
        {"d/dx atan(x/a)", "a/(a^2 + x^2)"},
        {"d/dx x^2 sin(x)", "x^2*cos(x) + 2*x*sin(x)"},  // factoring out x is no shorter
        {"d/dx tan(x)", "sec(x)^2"},
        {"d/dx tanh(x)", "sech(x)^2"},
        {"d/dx ln(abs(x))", "1/x"},
        {"d/dx x^3/3 + x^2 + x", "(x + 1)^2"},
        {"d/dx (x+1)/(x-1)", "-2/(x - 1)^2"},
        {"grad(x/(x+y))", "[y/(x + y)^2, -x/(x + y)^2]"},
        {"d/dx (2x+1)^3 (x-1)^2",
         "2*(2*x + 1)^2*(5*x - 2)*(x - 1)"},              // (2x - 2) and (x - 1) seen as one
        {"d/dx cos(x)/(1 + sin(x))", "-1/(sin(x) + 1)"},  // sin^2 + cos^2 = 1 before the gcd
        {"d/dx cos(x)/(1 - sin(x))", "1/(1 - sin(x))"},   // -1/(sin(x) - 1), the minus moved
        {"d/dx sinh(x)/(1 + cosh(x))", "1/(cosh(x) + 1)"},
        {"d/dx (1 + 1/x)^2", "-2*(x + 1)/x^3"},  // a sum with a fraction goes over one denominator
        {"q = d/dx x/(x^2+4)", "q = (4 - x^2)/(x^2 + 4)^2"},  // a bound value's echo too
    };
    Session session;
    for (const Row& r : rows) {
        CAPTURE(r.input);
        CHECK(test_support::run(session, r.input) == std::vector<std::string>{r.output});
    }
}

TEST_CASE("simplify applies the identities in the shortening direction only") {
    struct Row {
        std::string input, output;
    };
    const Row rows[] = {
        {"simplify(sin(x)^2 + cos(x)^2)", "1"},
        {"simplify(3 sin(x)^2 y + 3 y cos(x)^2)", "3*y"},
        {"simplify(cosh(x)^2 - sinh(x)^2)", "1"},
        {"simplify(1 + tan(x)^2)", "sec(x)^2"},
        {"simplify(1 - tanh(x)^2)", "sech(x)^2"},
        {"simplify(sin(x)/cos(x))", "tan(x)"},
        {"simplify(cos(x)/sin(x))", "cot(x)"},
        {"simplify(exp(2 ln(x)))", "x^2"},
        {"simplify(sign(x)/abs(x))", "1/x"},
        {"simplify(ln(x^2))", "ln(x^2)"},      // 2 ln(x) is wrong for x < 0
        {"simplify(sqrt(x^2))", "sqrt(x^2)"},  // x is wrong for x < 0
        {"simplify(2 sin(x) cos(x))", "sin(2*x)"},
        {"simplify(4 cos(x) sin(x))", "2*sin(2*x)"},
        {"simplify(-2 sin(x^2) cos(x^2))", "-sin(2*x^2)"},
        {"simplify(3 sin(x) cos(x))", "3*cos(x)*sin(x)"},  // 3*sin(2*x)/2 is no shorter
        {"simplify(2 sinh(x) cosh(x))", "sinh(2*x)"},
        {"simplify(cos(x)^2 - sin(x)^2)", "cos(2*x)"},
        {"simplify(y sin(x)^2 - y cos(x)^2)", "-y*cos(2*x)"},
        {"simplify(cosh(x)^2 + sinh(x)^2)", "cosh(2*x)"},
        {"simplify(1/cos(x))", "sec(x)"},
        {"simplify(-1/(sin(x)^2 cosh(x)))", "-csc(x)^2*sech(x)"},
        {"simplify(x/cos(x))", "x/cos(x)"},  // x*sec(x) is no shorter
        {"simplify(exp(-x^2 - y^2) - 2 x^2 exp(-x^2 - y^2))", "(1 - 2*x^2)*exp(-x^2 - y^2)"},
        {"simplify(x exp(y) - x y)", "x*(exp(y) - y)"},  // as long, fewer operations
        {"simplify(1/(2 sqrt(1 - x^2/4)))", "1/sqrt(4 - x^2)"},
        {"simplify(-2/sqrt(4x - 4x^2))", "-1/sqrt(x - x^2)"},
        {"simplify(1/(2 sqrt(x) sqrt(1 - x)))",
         "1/(2*sqrt(x - x^2))"},  // both real: x*(1 - x) >= 0
        {"simplify(sqrt(x + 1) sqrt(x - 1))", "sqrt(x^2 - 1)"},
        {"simplify(3 (12 x^2 + 24)^(3/2))", "24*(3*x^2 + 6)^(3/2)"},
        {"simplify(x^2 cos(x) + 2 x sin(x))", "x^2*cos(x) + 2*x*sin(x)"},  // x still inside
    };
    Session session;
    for (const Row& r : rows) {
        CAPTURE(r.input);
        CHECK(test_support::run(session, r.input) == std::vector<std::string>{r.output});
    }
}

TEST_CASE("factor, together, cancel and expand print their own form") {
    struct Row {
        std::string input, output;
    };
    const Row rows[] = {
        {"factor(x^2 - 1)", "(x - 1)*(x + 1)"},
        {"factor(2x^2 + 4x + 2)", "2*(x + 1)^2"},
        {"factor((x^2 - 1)/(x^2 + 2x + 1))", "(x - 1)/(x + 1)"},
        {"together(1/x + 1/y)", "(x + y)/(x*y)"},
        {"cancel((x^2 - 1)/(x - 1))", "x + 1"},
        {"expand((x + 1)^2)", "x^2 + 2*x + 1"},
        {"(x + 1)^2", "(x + 1)^2"},
        {"x^2 + 2x + 1", "x^2 + 2*x + 1"},  // typed in: printed as written
        {"f(x) = x^2 + 2x + 1", "f(x) = x^2 + 2*x + 1"},
        {"f(x)", "(x + 1)^2"},  // computed: the textbook form
    };
    Session session;
    for (const Row& r : rows) {
        CAPTURE(r.input);
        CHECK(test_support::run(session, r.input) == std::vector<std::string>{r.output});
    }
}
