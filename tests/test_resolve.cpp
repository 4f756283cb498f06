// Unit tests of resolve.cpp: syntax to expressions against an environment, the checks
// on names, and the order names are shown in.
#include <doctest/doctest.h>

#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "support.hpp"
#include "text/parser.hpp"

using namespace dfdx;
using test_support::read;

TEST_CASE("resolve: built-ins, aliases and the textbook spellings") {
    CHECK(read("sqrt(x)") == pow(sym("x"), num(Rational(1, 2))));
    CHECK(read("log(8, 2)") == num(3));
    CHECK(read("arctan(x)") == read("atan(x)"));
    CHECK(read("sin x") == read("sin(x)"));
    CHECK(read("2x") == mul(num(2), sym("x")));
    CHECK(read("e^x") == read("exp(x)"));
    CHECK(read("f(x)").kind() == Kind::Apply);
}

TEST_CASE("resolve: errors carry the span of the syntax that caused them") {
    try {
        read("1 + ln(0)");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::Domain);
        CHECK(e.span().begin == 4);
        CHECK_FALSE(e.span().empty());
    }
}

TEST_CASE("resolve: reserved names and rewrite forms") {
    CHECK(is_reserved_name("sin"));
    CHECK(is_reserved_name("pi"));
    CHECK_FALSE(is_reserved_name("x"));
    CHECK_FALSE(is_reserved_name("velocity"));
    CHECK(is_rewrite_form("simplify"));
    CHECK(is_rewrite_form("expand"));
    CHECK_FALSE(is_rewrite_form("diff"));
    Environment env;
    CHECK_NOTHROW(check_variable("x", env, {}));
    CHECK_THROWS_AS(check_variable("pi", env, {}), Error);
}

TEST_CASE("resolve: names in the order of the text") {
    CHECK(in_text_order({"a", "b", "c"}, {"c", "a"}) == std::vector<std::string>{"c", "a", "b"});
    CHECK(in_text_order({"x"}, {}) == std::vector<std::string>{"x"});
    Environment env;
    std::vector<std::string> names;
    names_in_order(*parse_expression("y*sin(x) + y + a"), env, names);
    CHECK(names == std::vector<std::string>{"y", "x", "a"});
}
