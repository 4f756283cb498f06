// Unit tests of expr.cpp: the structural order and the queries every stage uses.
#include <doctest/doctest.h>

#include <vector>

#include "expr/construct.hpp"
#include "expr/functions.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;

TEST_CASE("expr: compare is a total order by structure") {
    const std::vector<Expr> es = {read("x"),      read("y"),     read("2"),     read("x^2"),
                                  read("sin(x)"), read("x + y"), read("2*x*y"), read("f(x)"),
                                  read("pi"),     read("1/3")};
    for (const Expr& a : es) {
        CHECK(compare(a, a) == 0);
        for (const Expr& b : es) {
            CHECK(compare(a, b) == -compare(b, a));
            if (!(a == b)) CHECK(compare(a, b) != 0);
            for (const Expr& c : es) {
                if (compare(a, b) < 0 && compare(b, c) < 0) CHECK(compare(a, c) < 0);
            }
        }
    }
    // Kinds first: numbers before symbols before sums.
    CHECK(compare(num(7), sym("a")) < 0);
    CHECK(compare(sym("a"), read("a + b")) < 0);
}

TEST_CASE("expr: symbols, calls and constant values") {
    const Expr e = read("x*sin(y) + f(z)");
    CHECK(has_symbol(e, "x"));
    CHECK(has_symbol(e, "y"));
    CHECK_FALSE(has_symbol(e, "f"));
    CHECK(has_unknown_calls(e));
    CHECK_FALSE(has_unknown_calls(read("x + 1")));
    CHECK(free_symbols(e) == std::vector<std::string>{"x", "y", "z"});
    CHECK(free_symbols(read("b + a + b*a")) == std::vector<std::string>{"a", "b"});
    CHECK(is_constant_value(read("sqrt(2) + pi")));
    CHECK_FALSE(is_constant_value(read("x + 1")));
    CHECK_FALSE(is_constant_value(read("f(2)")));
    CHECK(is_number(num(3), 3));
    CHECK_FALSE(is_number(num(Rational(3, 2)), 3));
    CHECK(is_zero(read("x - x")));
    CHECK(is_one(read("x/x")));
}

TEST_CASE("expr: a name used as a variable and as a function is found") {
    // (Read as text, `h + h(x)` is h + h*x: the expression is built here.)
    const Expr x = sym("x");
    CHECK(variable_and_function(add(sym("h"), apply("h", {x}))) == std::optional<std::string>("h"));
    CHECK_FALSE(variable_and_function(add(x, apply("h", {x}))));
}

TEST_CASE("expr: an unknown call at a point") {
    CHECK(unknown_call_at_point(read("f(2) + x")) == read("f(2)"));
    CHECK(unknown_call_at_point(read("f(g(1))")) == read("g(1)"));
    CHECK_FALSE(unknown_call_at_point(read("f(x) + 2")));
}

TEST_CASE("expr: dag_size counts shared nodes once") {
    CHECK(dag_size(sym("x")) == 1);
    const Expr s = read("sin(x)");
    const Expr e = mul(add(s, num(1)), add(s, num(2)));
    // e, the two sums, sin(x), x (the numbers are coefficients, not nodes)
    CHECK(dag_size(e) == 5);
    CHECK(dag_size(vector({e, e})) == dag_size(e) + 1);
}
