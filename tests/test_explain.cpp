// Unit tests of explain.cpp and explain_tree.cpp: the chapter's chain through named
// functions, the rule at each node, cutting large trees, and the result d/dx prints.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "expr/error.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"
#include "views/explain.hpp"

#include "support.hpp"

namespace {

using test_support::read;

std::vector<std::string> run(dfdx::Session& s, const std::string& text) {
    return test_support::run(s, text, /*codes=*/true);
}

void chapter_definitions(dfdx::Session& s) {
    run(s, "g(x, y) = xy");
    run(s, "h(g) = gz");
    run(s, "f(h) = h + b");
}

}  // namespace

TEST_CASE("explain writes the chapter's chain through g, h and f") {
    dfdx::Session s;
    chapter_definitions(s);
    CHECK(run(s, "explain d/dx f(h(g(x, y), z))") ==
          std::vector<std::string>{
              "g = g(x, y) = x*y",
              "h = h(g, z) = g*z",
              "f = f(h) = h + b",
              "∂g/∂x = y",
              "∂h/∂g = z",
              "∂f/∂h = 1",
              "∂f/∂x = ∂g/∂x · ∂h/∂g · ∂f/∂h = y · z · 1 = y*z",
          });
}

TEST_CASE("explain adds the value at a point after the chain") {
    dfdx::Session s;
    chapter_definitions(s);
    auto lines = run(s, "explain d/dx f(h(g(x, y), z)) at x=1, y=2, z=3, b=4");
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "at x=1, y=2, z=3, b=4: ∂f/∂x = 6");
}

TEST_CASE(
    "explain marks the direct partial when a variable also reaches the output through others") {
    dfdx::Session s;
    run(s, "u(x) = sin(x)");
    run(s, "v(t) = t^2");
    auto lines = run(s, "explain d/dx v(u(x)) + x");
    REQUIRE(lines.size() >= 2);
    CHECK(lines[lines.size() - 2] ==
          "∂f/∂x = ∂u/∂x · ∂v/∂u · ∂f/∂v + ∂f/∂x|direct = cos(x) · 2*u · 1 + 1 = 2*u*cos(x) + 1 = "
          "2*cos(x)*sin(x) + 1");
    CHECK(lines.back() == "simplified: ∂f/∂x = sin(2*x) + 1");
}

TEST_CASE("explain ends with the result exactly as d/dx prints it") {
    const std::vector<std::string> operands = {
        "x^2 sin(x)",
        "sin(x)/x",
        "x^x",
        "exp(-x^2/2)/sqrt(2 pi)",
        "f(h(g(x, y), z))",
        "g(x, x)",
        "h(g(x, y), z)^2 + x",
        "atan2(x, 1 + x^2)",
        "q(x^2)",
        "3",
        "y",
        "[x, x^2]",
        "ln(sigmoid(x))",
    };
    const std::vector<std::string> forms = {"d/dx ", "d^2/dx^2 ", "∂/∂x "};
    for (const std::string& form : forms) {
        for (const std::string& op : operands) {
            CAPTURE(form + op);
            dfdx::Session s;
            chapter_definitions(s);
            auto direct = run(s, form + op);
            REQUIRE(direct.size() == 1);
            auto lines = run(s, "explain " + form + op);
            REQUIRE(!lines.empty());
            const std::string tail = " = " + direct[0];
            CHECK(lines.back().size() >= tail.size());
            CHECK(lines.back().compare(lines.back().size() - tail.size(), tail.size(), tail) == 0);
        }
    }
}

TEST_CASE("explain accepts diff(...) and ∂f/∂x and rejects what is not a derivative") {
    dfdx::Session s;
    run(s, "f(w, x, b) = wx + b");
    auto lines = run(s, "explain ∂f/∂w");
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "∂f/∂w = x");
    lines = run(s, "explain diff(x^2 y^3, x, y)");
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "∂^2/∂x∂y x^2*y^3 = 6*x*y^2");
    CHECK(run(s, "explain x^2") == std::vector<std::string>{"error: parse"});
    CHECK(run(s, "explain d/dpi x") == std::vector<std::string>{"error: type"});
}

TEST_CASE("the rule tree names the rule at each node") {
    struct Row {
        const char* expr;
        const char* rule;
        std::size_t children;
    };
    const std::vector<Row> rows = {
        {"x^2 sin(x)", "product", 2},
        {"sin(x)/x", "quotient", 2},
        {"sin(x^2)", "chain through sin", 1},
        {"x^x", "general power", 2},
        {"2^x", "exponential", 1},
        {"y sin(x)", "constant multiple", 1},
        {"x^2 + x", "sum", 2},
        {"3x^2 + 1", "sum", 1},
        {"1/x", "reciprocal", 1},
        {"sqrt(x)", "square root", 1},
        {"x^3", "power", 1},
        {"q(x, y)", "chain through q", 1},
        {"x", "variable", 0},
    };
    for (const Row& r : rows) {
        CAPTURE(r.expr);
        auto tree = dfdx::rule_rows(read(r.expr), "x");
        REQUIRE(!tree.empty());
        CHECK(tree[0].rule == r.rule);
        CHECK(tree[0].locals.size() == r.children);
    }
}

TEST_CASE("the rule tree shows a shared subexpression once") {
    auto tree = dfdx::rule_rows(read("sin(x^2) + cos(x^2)"), "x");
    std::size_t expanded = 0, shared = 0;
    for (const auto& r : tree) {
        if (r.node && r.rule == "power") ++expanded;
        if (r.rule == "shared, as above") ++shared;
    }
    CHECK(expanded == 1);
    CHECK(shared == 1);
}

TEST_CASE("the rule tree of a large expression is cut to its row limit") {
    std::string sum = "sin(x)";
    for (int k = 2; k <= 200; ++k)
        sum += " + sin(" + std::to_string(k) + "x^" + std::to_string(k) + ")";
    auto tree = dfdx::rule_rows(read(sum), "x");
    CHECK(tree.size() <= dfdx::explain_max_rows);
    CHECK(std::any_of(tree.begin(), tree.end(), [](const dfdx::RuleRow& r) { return r.more > 0; }));

    std::string deep = "x";
    for (int k = 0; k < 60; ++k) deep = "sin(" + deep + ")";
    tree = dfdx::rule_rows(read(deep), "x");
    CHECK(tree.size() <= dfdx::explain_max_rows);
    CHECK(std::any_of(tree.begin(), tree.end(), [](const dfdx::RuleRow& r) { return r.cut; }));
}

TEST_CASE("explain writes the chain in unicode and LaTeX notation") {
    dfdx::Session s;
    chapter_definitions(s);
    run(s, "set format unicode");
    auto lines = run(s, "explain d/dx f(h(g(x, y), z))");
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "∂f/∂x = ∂g/∂x · ∂h/∂g · ∂f/∂h = y · z · 1 = y·z");
    run(s, "set format latex");
    lines = run(s, "explain d/dx f(h(g(x, y), z))");
    REQUIRE(!lines.empty());
    CHECK(lines.back() ==
          "\\frac{\\partial f}{\\partial x} = \\frac{\\partial g}{\\partial x} \\cdot "
          "\\frac{\\partial h}{\\partial g}"
          " \\cdot \\frac{\\partial f}{\\partial h} = y \\cdot z \\cdot 1 = y z");
    lines = run(s, "explain d/dx x^2");
    REQUIRE(lines.size() >= 3);
    CHECK(lines.front() == "\\begin{aligned}");
}
