// Unit tests of check.cpp: central differences of each order against known derivatives,
// the verdict, and the printed comparison.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "expr/error.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"
#include "views/check.hpp"

#include "support.hpp"

namespace {

using test_support::read;

using test_support::run;

}  // namespace

TEST_CASE("central differences approach known derivatives of each order") {
    struct Row {
        const char* expr;
        std::vector<dfdx::DiffVar> vars;
        dfdx::Point at;
        double exact;
        double tolerance;  // relative
    };
    const std::vector<Row> rows = {
        {"sin(x)", {{"x", 1, {}}}, {{"x", 1}}, std::cos(1.0), 1e-9},
        {"x^3", {{"x", 2, {}}}, {{"x", 2}}, 12, 1e-6},
        {"exp(x)", {{"x", 3, {}}}, {{"x", 0.5}}, std::exp(0.5), 1e-4},
        {"exp(x)", {{"x", 4, {}}}, {{"x", 1}}, std::exp(1.0), 1e-3},
        {"x^2 y^3", {{"x", 1, {}}, {"y", 1, {}}}, {{"x", 1}, {"y", 2}}, 24, 1e-7},
        {"ln(x)", {{"x", 1, {}}}, {{"x", 1e-9}}, 1e9, 1e-6},
        {"1e10 x^3", {{"x", 1, {}}}, {{"x", 1e5}}, 3e20, 1e-9},
    };
    for (const Row& r : rows) {
        CAPTURE(r.expr);
        dfdx::FiniteDifference fd = dfdx::central_difference(read(r.expr), r.vars, r.at);
        CHECK(dfdx::relative_difference(fd.value, r.exact) < r.tolerance);
        CHECK(dfdx::verdict(r.exact, fd) == dfdx::Verdict::Agree);
    }
}

TEST_CASE("check disagrees where the derivative does not exist") {
    dfdx::FiniteDifference fd =
        dfdx::central_difference(read("sign(x)"), {{"x", 1, {}}}, {{"x", 0}});
    CHECK(dfdx::verdict(0, fd) == dfdx::Verdict::Disagree);
    CHECK(dfdx::verdict(2, dfdx::central_difference(read("x^2"), {{"x", 1, {}}}, {{"x", 3}})) ==
          dfdx::Verdict::Disagree);
}

TEST_CASE("check stops past order 4 and where the differences leave the domain") {
    CHECK_THROWS_AS(dfdx::central_difference(read("exp(x)"), {{"x", 5, {}}}, {{"x", 1}}),
                    dfdx::Error);
    CHECK_THROWS_AS(dfdx::central_difference(read("sqrt(x)"), {{"x", 1, {}}}, {{"x", 0}}),
                    dfdx::Error);
}

TEST_CASE("check prints both values, their relative difference and the verdict") {
    dfdx::Session s;
    CHECK(run(s, "check d/dx x^3 at x=2") == std::vector<std::string>{
                                                 "symbolic:             3*x^2 = 12",
                                                 "central difference:   12 (h = 1.53e-05)",
                                                 "relative difference:  0",
                                                 "verdict:              agree",
                                             });
    auto lines = run(s, "check d/dx sin(x) at x=1");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "symbolic:             cos(x) = 0.54030230586814");
    CHECK(lines[3] == "verdict:              agree");
    lines = run(s, "check d/dx sign(x) at x=0");
    REQUIRE(lines.size() == 4);
    CHECK(lines[3] == "verdict:              disagree");
    CHECK(run(s, "check d/dx x + y at x=1") ==
          std::vector<std::string>{"error: check needs a value for y (add y=... after 'at')"});
}
