// Unit tests of substitute.cpp: simultaneous substitution that folds exactly (so domain
// errors surface here), and the inlining of user functions' bodies.
#include <doctest/doctest.h>

#include "calculus/substitute.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;

TEST_CASE("substitute: values replace symbols and fold exactly") {
    CHECK(substitute(read("x^2 + 1"), {{"x", num(3)}}) == num(10));
    CHECK(substitute(read("x/2 + y"), {{"x", num(1)}}) == read("1/2 + y"));
    CHECK(substitute(read("sin(x)"), {{"x", read("pi")}}) == num(0));
    CHECK(substitute(read("x + y"), {{"z", num(1)}}) == read("x + y"));
    CHECK(substitute(read("x*y"), {}) == read("x*y"));
    // Expressions for symbols, rebuilt canonically.
    CHECK(substitute(read("x^2"), {{"x", read("a + b")}}) == read("(a + b)^2"));
    CHECK(substitute(read("x + y"), {{"x", read("-y")}}) == num(0));
}

TEST_CASE("substitute: all at once, the values not substituted into each other") {
    CHECK(substitute(read("x - y"), {{"x", sym("y")}, {"y", sym("x")}}) == read("y - x"));
    CHECK(substitute(read("x"), {{"x", sym("y")}, {"y", num(2)}}) == sym("y"));
}

TEST_CASE("substitute: a point outside the domain is an error") {
    auto code = [](const Expr& e, const Bindings& b) {
        try {
            substitute(e, b);
        } catch (const Error& err) {
            return err.code();
        }
        return ErrorCode::Io;  // no error
    };
    CHECK(code(read("ln(x)"), {{"x", num(0)}}) == ErrorCode::Domain);
    CHECK(code(read("1/x"), {{"x", num(0)}}) == ErrorCode::DivisionByZero);
    CHECK(code(read("sqrt(x)"), {{"x", num(-4)}}) == ErrorCode::NotReal);
    CHECK(code(read("ln(x)"), {{"x", num(2)}}) == ErrorCode::Io);
}

TEST_CASE("substitute: unknown calls inlined from user definitions") {
    FunctionBodies bodies;
    bodies["f"] = FunctionBody{{"t"}, read("t^2 + 1")};
    CHECK(inline_calls(read("f(x)"), bodies) == read("x^2 + 1"));
    CHECK(inline_calls(read("f(y + 1) - 1"), bodies) == read("(y + 1)^2"));
    CHECK(inline_calls(read("f(f(2))"), bodies) == num(26));
    CHECK(inline_calls(read("g(x) + f(0)"), bodies) == read("g(x) + 1"));
}

TEST_CASE("substitute: the names a call binds") {
    const FunctionBody h{{"g"}, read("g*z")};
    CHECK(h.call_params(1) == std::vector<std::string>{"g"});
    CHECK(h.call_params(2) == std::vector<std::string>{"g", "z"});
    CHECK(h.call_params(3).empty());
}
