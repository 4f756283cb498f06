// What resolve.hpp reads for the views (a named function, a derivative form, a point, a
// table's expression), and that a view reads a statement with the rules plain evaluation
// uses: the same message for the same mistake.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "calculus/substitute.hpp"
#include "expr/error.hpp"
#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"

#include "support.hpp"

namespace {

using test_support::run;

/// The first statement of `text`, parsed.
dfdx::Statement statement(const std::string& text) {
    auto parsed = dfdx::parse_chunk(text);
    REQUIRE(parsed.size() == 1);
    REQUIRE_FALSE(parsed[0].error.has_value());
    return std::move(parsed[0].statement);
}

}  // namespace

TEST_CASE("function_of names a defined function only by its bare name") {
    dfdx::Session s;
    run(s, "h(t) = t^2; f(a, b) = a h(b)");
    const dfdx::Environment& env = s.environment();
    auto f = dfdx::function_of(*dfdx::parse_expression("f"), env);
    REQUIRE(f.has_value());
    CHECK(f->name == "f");
    CHECK(f->params == std::vector<std::string>{"a", "b"});
    CHECK(dfdx::print(f->body) == "a*b^2");  // h inlined
    CHECK_FALSE(dfdx::function_of(*dfdx::parse_expression("f(1, 2)"), env).has_value());
    CHECK_FALSE(dfdx::function_of(*dfdx::parse_expression("x"), env).has_value());
    CHECK_FALSE(dfdx::function_of(*dfdx::parse_expression("sin"), env).has_value());
}

TEST_CASE("read_derivative_form keeps calls of user functions and reads diff's orders") {
    dfdx::Session s;
    run(s, "g(t) = t^3");
    std::vector<std::string> notes;
    dfdx::ResolveContext ctx{s.environment(), nullptr, {}, &notes};

    auto form = [&](const char* text, const char* command) {
        return dfdx::read_derivative_form(*dfdx::parse_expression(text), ctx, command);
    };
    dfdx::DerivativeForm d = form("d/dx g(x^2)", "explain");
    CHECK(dfdx::print(d.operand) == "g(x^2)");
    REQUIRE(d.vars.size() == 1);
    CHECK(d.vars[0].name == "x");
    CHECK(d.function.empty());

    dfdx::DerivativeForm c = form("diff(x^3 y, x, 2, y)", "check");
    REQUIRE(c.vars.size() == 2);
    CHECK(c.vars[0].order == 2);
    CHECK(c.vars[1].name == "y");
    CHECK(c.vars[1].order == 1);

    dfdx::DerivativeForm of = form("dg/dt", "explain");
    CHECK(of.function == "g");
    CHECK(dfdx::print(of.operand) == "t^3");

    CHECK_THROWS_WITH_AS(form("x^2", "check"),
                         "check needs a derivative here, as in 'check d/dx EXPR', 'check ∂f/∂x' or "
                         "'check diff(EXPR, x)'",
                         dfdx::Error);
}

TEST_CASE("read_point keeps the order given and may leave values symbolic") {
    dfdx::Session s;
    run(s, "a = 5");
    std::vector<std::string> notes;
    dfdx::ResolveContext ctx{s.environment(), nullptr, {}, &notes};
    dfdx::Statement st = statement("x + y at y=a + z, x=1");
    dfdx::PointValues p = dfdx::read_point(st.at, ctx);
    CHECK(p.names == std::vector<std::string>{"y", "x"});
    CHECK(dfdx::print(p.values.at("y")) == "z + 5");
    CHECK(dfdx::print(p.values.at("x")) == "1");
}

TEST_CASE("read_range_term applies a bare one-argument function to the range variable") {
    dfdx::Session s;
    run(s, "g(t) = t^2");
    std::vector<std::string> notes;
    dfdx::ResolveContext ctx{s.environment(), nullptr, {}, &notes};
    dfdx::Statement st = statement("table g, g', sin, g(x) + 1 for x in [0, 1]");
    REQUIRE(st.exprs.size() == 4);
    dfdx::RangeTerm g = dfdx::read_range_term(*st.exprs[0], "x", ctx, dfdx::Format::Plain);
    CHECK(dfdx::print(g.value) == "x^2");
    CHECK(g.label == "g(x)");
    CHECK(dfdx::read_range_term(*st.exprs[1], "x", ctx, dfdx::Format::Plain).label == "g'(x)");
    dfdx::RangeTerm sine = dfdx::read_range_term(*st.exprs[2], "x", ctx, dfdx::Format::Plain);
    CHECK(dfdx::print(sine.value) == "sin(x)");
    CHECK(sine.label.empty());  // labelled by its printed value
    CHECK(dfdx::read_range_term(*st.exprs[3], "x", ctx, dfdx::Format::Plain).label.empty());
}

TEST_CASE("a view reads its point and its diff(...) as evaluation does, with the same messages") {
    dfdx::Session s;
    run(s, "x = 2");
    const std::string bound = run(s, "x^2 at x=3")[0];
    CHECK(bound.find("so it takes no other value here") != std::string::npos);
    for (const char* view : {"backprop y x^2 at x=3, y=1", "check d/dy x y at x=3, y=1",
                             "explain d/dy x y at x=3, y=1", "sensitivity x y at x=3, y=1"}) {
        CAPTURE(view);
        CHECK(run(s, view) == std::vector<std::string>{bound});
    }
    dfdx::Session t;
    const std::string order = run(t, "diff(y^3, y, 10^30)")[0];
    CHECK(order == "error: derivative order past the limit");
    CHECK(run(t, "check diff(y^3, y, 10^30) at y=1") == std::vector<std::string>{order});
    CHECK(run(t, "explain diff(y^3, y, 1/2)") ==
          std::vector<std::string>{"error: expected a whole number as the order"});
}
