// Unit tests of backprop.cpp: the reverse pass agrees with the symbolic gradient, shared
// nodes are visited once, domain errors are errors, and the view prints the graph.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "calculus/diff.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"
#include "views/backprop.hpp"

#include "support.hpp"

namespace {

using test_support::read;

using test_support::run;

bool close(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

struct Row {
    const char* expr;
    dfdx::Point point;
};

}  // namespace

TEST_CASE("backprop agrees with the symbolic gradient evaluated at the point") {
    const std::vector<Row> rows = {
        {"x^2 sin(x)", {{"x", 0.7}}},
        {"w*x + b", {{"w", -2}, {"x", 5}, {"b", 3}}},
        {"x*y*z + b", {{"x", 1}, {"y", 2}, {"z", 3}, {"b", 4}}},
        {"((3*a + 4*b + 3) - (12*a*b + 12*b^3 + b - a))^2/2 + 10/((3*a + 4*b + 3) - (12*a*b + "
         "12*b^3 + b - a))^2",
         {{"a", -4}, {"b", 2}}},
        {"x^y + y^x", {{"x", 1.5}, {"y", 2.5}}},
        {"exp(-x^2/2)/sqrt(2 pi)", {{"x", 0.3}}},
        {"atan2(y, x) + ln(x^2 + y^2)", {{"x", -1}, {"y", 2}}},
        {"sigmoid(w1*x1 + w2*x2 + b)",
         {{"w1", 0.5}, {"x1", -1}, {"w2", 2}, {"x2", 0.25}, {"b", 0.1}}},
        {"sin(sin(sin(x)))*cos(x)", {{"x", 2}}},
        {"cbrt(x)", {{"x", -8}}},
        {"x*0 + y", {{"x", 1}, {"y", 2}}},
        {"abs(x - y) + relu(x) + softplus(y)", {{"x", 3}, {"y", -1}}},
    };
    for (const Row& r : rows) {
        CAPTURE(r.expr);
        dfdx::Expr e = read(r.expr);
        std::vector<std::string> vars = dfdx::free_symbols(e);
        dfdx::Graph g = dfdx::backprop(e, r.point);
        CHECK(close(g.value(), dfdx::evaluate(e, r.point)));
        std::vector<double> grad = g.gradient(vars);
        for (std::size_t i = 0; i < vars.size(); ++i) {
            CAPTURE(vars[i]);
            CHECK(close(grad[i], dfdx::evaluate(dfdx::diff(e, vars[i]), r.point)));
        }
    }
}

TEST_CASE("backprop visits each shared node once and lists inputs before their users") {
    dfdx::Expr e = read("sin(x^2) + cos(x^2) + x^2");
    dfdx::Graph g = dfdx::backprop(e, {{"x", 1.25}});
    CHECK(g.nodes.size() == dfdx::dag_size(e));
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        for (std::size_t in : g.nodes[i].inputs) CHECK(in < i);
    }
    CHECK(g.nodes.back().expr == e);
    CHECK(g.nodes.back().adjoint == 1);
}

TEST_CASE("backprop gives 0 for a variable the expression does not contain") {
    dfdx::Graph g = dfdx::backprop(read("x^2"), {{"x", 3}, {"y", 1}});
    CHECK(g.gradient({"x", "y"}) == std::vector<double>{6, 0});
}

TEST_CASE("backprop reports undefined values and local derivatives as errors") {
    struct Bad {
        const char* expr;
        dfdx::Point point;
        dfdx::ErrorCode code;
    };
    const std::vector<Bad> rows = {
        {"ln(x)", {{"x", -1}}, dfdx::ErrorCode::Domain},
        {"sqrt(x)", {{"x", 0}}, dfdx::ErrorCode::DivisionByZero},
        {"1/x", {{"x", 0}}, dfdx::ErrorCode::DivisionByZero},
        {"x + y", {{"x", 0}}, dfdx::ErrorCode::UnknownFunction},
        {"q(x)", {{"x", 0}}, dfdx::ErrorCode::UnknownFunction},
        {"[x, x]", {{"x", 0}}, dfdx::ErrorCode::Type},
    };
    for (const Bad& r : rows) {
        CAPTURE(r.expr);
        try {
            dfdx::backprop(read(r.expr), r.point);
            FAIL("no error");
        } catch (const dfdx::Error& e) {
            CHECK(dfdx::code_name(e.code()) == std::string(dfdx::code_name(r.code)));
        }
    }
}

TEST_CASE("backprop prints micrograd's example: value 24.7041, gradient 138.8338 and 645.5773") {
    dfdx::Session s;
    auto lines = run(s,
                     "backprop ((3*a + 4*b + 3) - (12*a*b + 12*b^3 + b - a))^2/2 + "
                     "10/((3*a + 4*b + 3) - (12*a*b + 12*b^3 + b - a))^2 at a=-4, b=2");
    REQUIRE(lines.size() >= 4);
    CHECK(lines[0] == "node  operation                        value  ∂out/∂node");
    CHECK(lines[1] == "a     input                               -4    138.8338");
    CHECK(lines[2] == "b     input                                2    645.5773");
    CHECK(lines[lines.size() - 3].find("24.7041") != std::string::npos);
    CHECK(lines[lines.size() - 2] == "value = 24.7040816326531");
    CHECK(lines.back() == "grad(a, b) = [138.833819241983, 645.577259475219]");
}

TEST_CASE("backprop of a function name follows its parameters, as grad(f) does") {
    dfdx::Session s;
    run(s, "f(w, x, b) = wx + b");
    auto lines = run(s, "backprop f at w=-2, x=5, b=3");
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "grad(w, x, b) = [5, -2, 1]");
    CHECK(run(s, "grad(f) at w=-2, x=5, b=3") == std::vector<std::string>{"[5, -2, 1]"});
}

TEST_CASE("backprop elides the middle of a long graph") {
    std::string sum = "x0";
    for (int i = 1; i < 100; ++i)
        sum += " + " + std::to_string(i + 1) + "*x" + std::to_string(i) + "^2";
    std::string point = "x0=1";
    for (int i = 1; i < 100; ++i) point += ", x" + std::to_string(i) + "=1";
    dfdx::Session s;
    auto lines = run(s, "backprop " + sum + " at " + point);
    CHECK(lines.size() < 60);
    bool elided = false;
    for (const auto& l : lines) elided |= l.find("more nodes") != std::string::npos;
    CHECK(elided);
}

TEST_CASE("backprop needs a value for every free name") {
    dfdx::Session s;
    CHECK(run(s, "backprop x + y at x=1") ==
          std::vector<std::string>{"error: backprop needs a value for y (add y=... after 'at')"});
}
