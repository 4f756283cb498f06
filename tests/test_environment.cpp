// Unit tests of environment.cpp: defining, binding, replacing and clearing names, the
// cycle check with its path, the definition order, and expansion.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "expr/construct.hpp"
#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "text/parser.hpp"

using namespace dfdx;

namespace {

// Reads text as a definition body with these parameters would be read.
Expr body(const Environment& env, std::string_view text, std::vector<std::string> params = {}) {
    ResolveContext ctx{env};
    ctx.params = &params;
    ctx.defining = "_";
    return resolve(*parse_expression(text), ctx);
}

Expr read(const Environment& env, std::string_view text) {
    ResolveContext ctx{env};
    return env.expand(resolve(*parse_expression(text), ctx));
}

}  // namespace

TEST_CASE("functions and bound names are defined, replaced and cleared") {
    Environment env;
    env.define("f", {{"x"}, pow(sym("x"), num(2))});
    env.bind("a", num(3));
    CHECK(env.is_function("f"));
    CHECK(env.is_value("a"));
    CHECK_FALSE(env.is_value("f"));
    CHECK(*env.value("a") == num(3));
    CHECK(env.function("f")->params == std::vector<std::string>{"x"});
    CHECK(env.function("g") == nullptr);
    CHECK_FALSE(env.value("b").has_value());
    CHECK(env.order() == std::vector<std::string>{"f", "a"});

    env.bind("f", num(1));  // a binding replaces a function of the same name
    CHECK_FALSE(env.is_function("f"));
    CHECK(env.order() == std::vector<std::string>{"a", "f"});
    env.define("a", {{"t"}, sym("t")});
    CHECK_FALSE(env.is_value("a"));
    CHECK(env.order() == std::vector<std::string>{"f", "a"});

    CHECK(env.clear("f"));
    CHECK_FALSE(env.clear("f"));
    CHECK(env.order() == std::vector<std::string>{"a"});
    env.clear_all();
    CHECK(env.order().empty());
    CHECK(env.functions().empty());
    CHECK(env.values().empty());
}

TEST_CASE("expansion inlines functions and substitutes bound names until nothing changes") {
    Environment env;
    env.define("g", {{"x", "y"}, body(env, "xy", {"x", "y"})});
    env.define("h", {{"g"}, body(env, "gz", {"g"})});
    env.define("f", {{"h"}, body(env, "h + b", {"h"})});
    CHECK(print(read(env, "f(h(g(x, y), z))")) == "x*y*z + b");
    env.bind("b", num(4));
    CHECK(print(read(env, "f(h(g(1, 2), 3))")) == "10");
    // Redefining g changes every function that calls it.
    env.define("g", {{"x", "y"}, body(env, "x + y", {"x", "y"})});
    CHECK(print(read(env, "f(h(g(1, 2), 3))")) == "13");
}

TEST_CASE("the cycle check names the path") {
    Environment env;
    env.define("q", {{"x"}, body(env, "p(x) + 1", {"x"})});  // p unknown for now
    CHECK(env.cycle("p", body(env, "q(x)", {"x"})) == std::optional<std::string>("p -> q -> p"));
    CHECK(env.cycle("r", body(env, "r(x) + 1", {"x"})) == std::optional<std::string>("r -> r"));
    CHECK_FALSE(env.cycle("p", body(env, "x + 1", {"x"})).has_value());
    env.define("a1", {{"x"}, body(env, "q(x)", {"x"})});
    env.define("a2", {{"x"}, body(env, "a1(x) + a1(x^2)", {"x"})});
    CHECK(env.cycle("p", body(env, "a2(x)", {"x"})) ==
          std::optional<std::string>("p -> a2 -> a1 -> q -> p"));
    // A derivative of a call refers to the function too.
    CHECK(env.cycle("p", body(env, "q'(x)", {"x"})).has_value());
}

TEST_CASE("the cycle check is linear in a long chain of definitions") {
    Environment env;
    env.define("f0", {{"x"}, sym("x")});
    for (int i = 1; i < 2000; ++i) {
        const std::string prev = "f" + std::to_string(i - 1);
        env.define("f" + std::to_string(i),
                   {{"x"}, add(apply(prev, {sym("x")}), apply(prev, {sym("x")}))});
    }
    CHECK_FALSE(env.cycle("g", apply("f1999", {sym("x")})).has_value());
    CHECK(env.cycle("f0", apply("f1999", {sym("x")})).has_value());
}
