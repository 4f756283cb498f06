// Unit tests of the reading rules (issue 13): juxtaposition before a bracket, several
// derivative forms in a sum, points, and the notations of other tools. The full table of
// readings is docs/grammar.md, run by tests/reading/check_reading.py.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "calculus/diff.hpp"
#include "expr/construct.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;
using test_support::run;

namespace {

struct Row {
    std::string input;
    std::vector<std::string> output;
};

void check_rows(const std::vector<Row>& rows) {
    for (const Row& r : rows) {
        CAPTURE(r.input);
        Session s;
        CHECK(run(s, r.input) == r.output);
    }
}

}  // namespace

// Bug (issue 13): `^` did not bind to the bracket after a name, so `x (1+y)^3` was
// computed as (x*(1+y))^3: d/dx x (x+1)^2 gave x^2*(2*x + 2) + 2*x*(x + 1)^2.
TEST_CASE("a power binds to the bracket after a name read as a factor") {
    check_rows({
        {"d/dx x (x+1)^2 at x=1", {"8"}},   // 3x^2 + 4x + 1 at 1; the bug gave 16
        {"d/da a (b+1)^2 at b=1", {"4"}},   // (b+1)^2; the bug gave 2a(b+1)^2
        {"x (1+y)^3 at x=2, y=1", {"16"}},  // the bug: x was an unknown function
        {"2(x+1)^2 at x=1", {"8"}},
        {"a = 3; a (x+1)^2 at x=1", {"a = 3", "12"}},
    });
    Environment env;
    ResolveContext ctx{env, nullptr, {}, nullptr, nullptr, {"x"}};
    const Expr juxtaposed = resolve(*parse_expression("x (1+y)^3"), ctx);
    CHECK(juxtaposed == read("x*(1+y)^3"));
    CHECK(diff(juxtaposed, "x") == read("(1+y)^3"));
}

TEST_CASE("each d/dx in a sum applies up to the next derivative form at its level") {
    check_rows({
        {"d/dx x^2 + d/dx x^3", {"3*x^2 + 2*x"}},
        {"d/dx x^2 + 1", {"2*x"}},
        {"d/dx (x^2 + d/dx x^3)", {"8*x"}},
        {"d/dx x^2 - d/dy y^3", {"2*x - 3*y^2"}},
    });
}

TEST_CASE("mistakes in a point are errors, not the last value given") {
    check_rows({
        {"y at y=2, y=3", {"error: y is given twice"}},
        {"x^2 y at x=1 y=2", {"error: separate the names with commas, as in 'at x=1, y=2'"}},
        {"d/dx ln(x) at x=-1", {"error: ln is undefined at -1"}},
        {"d/dx ln(x) at x=2", {"1/2"}},
    });
}

TEST_CASE("notations of other tools are read as meant") {
    check_rows({
        {"x**3 at x=2", {"8"}},
        {"g(x) := x^3", {"g(x) = x^3"}},
        {"|x - 3| at x=1", {"2"}},
        {"20!", {"2432902008176640000"}},
        {"binomial(10, 3)", {"120"}},
        {"d/dx sin x", {"cos(x)"}},
        {"d/dx arctan(x)", {"1/(x^2 + 1)"}},
        {"d2/dx2 x^4", {"12*x^2"}},
        {"d^2/dxdy x^2 y^3", {"6*x*y^2"}},
        {"sin^-1(x)", {"error: write asin(x) or 1/sin(x): sin^-1(x) could mean either"}},
        {"integrate(x^2, x)", {"error: dfdx does not integrate"}},
        {"f(x) = x^2; df/dx(3)", {"f(x) = x^2", "6"}},
    });
}

TEST_CASE("grad takes its variables in the order the text shows them") {
    check_rows({
        {"h = w*x + b; grad(h)", {"h = w*x + b", "[x, w, 1]"}},
        {"grad(x^2 + y^3, [x, y])", {"[2*x, 3*y^2]"}},
    });
}
