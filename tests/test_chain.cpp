// Unit tests of views/chain.cpp: what the chain-rule views share (reading a point, the
// names of partial derivatives in each notation, cutting text to a width, table cells).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "expr/error.hpp"
#include "support.hpp"
#include "text/parser.hpp"
#include "views/chain.hpp"

using namespace dfdx;
using test_support::read;

namespace {

/// The statement `y at POINT`, parsed: its `at` is the point.
Statement at_point(const std::string& point) {
    auto parsed = parse_chunk("y at " + point);
    REQUIRE(parsed.size() == 1);
    REQUIRE_FALSE(parsed[0].error.has_value());
    return std::move(parsed[0].statement);
}

}  // namespace

TEST_CASE("chain: a point keeps its order and its exact values") {
    Environment env;
    std::vector<std::string> notes;
    Statement st = at_point("y=1/3, x=pi/4");
    chain::ExactPoint p = chain::read_point(st.at, env, notes);
    CHECK(p.names == std::vector<std::string>{"y", "x"});
    CHECK(p.values.at("y") == read("1/3"));
    CHECK(p.values.at("x") == read("pi/4"));
    CHECK(p.text(Format::Plain) == "y=1/3, x=pi/4");
    CHECK(p.numeric().at("x") == doctest::Approx(0.785398163397448));
}

TEST_CASE("chain: a view names the first value the point does not give") {
    Bindings point{{"x", read("1")}};
    CHECK_NOTHROW(chain::require_values(read("x^2"), point, "backprop", Span{}));
    CHECK_THROWS_WITH_AS(chain::require_values(read("x*y"), point, "backprop", Span{}),
                         "backprop needs a value for y (add y=... after 'at')", Error);
}

TEST_CASE("chain: partial derivatives are named in each notation") {
    CHECK(chain::partial("f", "x", Format::Plain) == "∂f/∂x");
    CHECK(chain::partial("", "x", Format::Plain) == "∂/∂x");
    CHECK(chain::partial("f", "x", Format::Latex) == "\\frac{\\partial f}{\\partial x}");
    CHECK(chain::derivative_name("f", {{"x", 1}, {"y", 1}}, Format::Unicode) == "∂²f/∂x∂y");
    CHECK(chain::derivative_name("f", {{"x", 2}}, Format::Plain) == "∂^2f/∂x^2");
}

TEST_CASE("chain: a factor of a derivation is bracketed when it is a sum or negative") {
    CHECK(chain::factor_text(read("x + 1"), Format::Plain) == "(x + 1)");
    CHECK(chain::factor_text(read("-x"), Format::Plain) == "(-x)");
    CHECK(chain::factor_text(read("2*x"), Format::Plain) == "2*x");
}

TEST_CASE("chain: widths count code points, and cut text ends in ...") {
    CHECK(chain::display_width("∂f/∂x") == 5);
    CHECK(chain::ellipsize("abcdefgh", 5) == "ab...");
    CHECK(chain::ellipsize("abc", 5) == "abc");
}

TEST_CASE("chain: table cells and their alignment") {
    CHECK(chain::compact_number(3) == "3");
    CHECK(chain::compact_number(0.5) == "0.5000");
    chain::TextTable t{{"node", "value"}, {{"x", "1"}, {"sin(x)", "0.8415"}}, {false, true}};
    std::vector<std::string> lines = t.render(Format::Plain);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "node     value");
    CHECK(lines[1] == "x            1");
    CHECK(lines[2] == "sin(x)  0.8415");
}
