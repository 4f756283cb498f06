// Unit tests of functions.cpp, the table of built-ins: lookups and aliases, the shape of
// each row, exact folds, and the domain rules that every evaluator reads from it (eval,
// compiled and the exact folds agree on where each function is undefined).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "numbers/compiled.hpp"
#include "numbers/eval.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;

namespace {

template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return std::string(code_name(e.code())) + ": " + e.what();
    }
    return "";
}

double at(const char* name, double x) {
    const double args[1] = {x};
    return eval_function(function_id(name), std::span<const double>(args, 1));
}

}  // namespace

TEST_CASE("functions: names and the aliases of other tools find the same row") {
    REQUIRE(find_function("sin"));
    CHECK(function_info(*find_function("sin")).name == "sin");
    CHECK(find_function("arcsin") == find_function("asin"));
    CHECK(find_function("tg") == find_function("tan"));
    CHECK(find_function("choose") == find_function("binomial"));
    CHECK_FALSE(find_function("sine"));
    CHECK_FALSE(find_function(""));
    CHECK(function_id("ln") == *find_function("ln"));
}

TEST_CASE("functions: every row is a true function with a rule and a value, or an alias") {
    for (const FunctionInfo& f : all_functions()) {
        INFO(f.name);
        CHECK(f.min_args >= 1);
        CHECK(f.min_args <= f.max_args);
        CHECK(static_cast<bool>(f.build));
        CHECK(!f.usage.empty());
        CHECK(!f.summary.empty());
        // An alias (sqrt, log, pow, cbrt) rewrites itself and has neither.
        CHECK(!f.partial == !f.numeric);
        if (f.max_args > 1) CHECK(function_domain(function_id(f.name)) == FunctionDomain::All);
    }
}

TEST_CASE("functions: the domains of the table, for rationals and doubles alike") {
    CHECK(function_domain(function_id("ln")) == FunctionDomain::Positive);
    CHECK(function_domain(function_id("asin")) == FunctionDomain::UnitClosed);
    CHECK(function_domain(function_id("acoth")) == FunctionDomain::OutsideUnitOpen);
    CHECK(function_domain(function_id("sin")) == FunctionDomain::All);
    const FunctionDomain all[] = {
        FunctionDomain::All,        FunctionDomain::Positive,        FunctionDomain::NonZero,
        FunctionDomain::UnitClosed, FunctionDomain::OutsideUnit,     FunctionDomain::AtLeastOne,
        FunctionDomain::UnitOpen,   FunctionDomain::OutsideUnitOpen, FunctionDomain::UnitHalfOpen,
    };
    for (FunctionDomain d : all) {
        for (int k = -12; k <= 12; ++k) {
            const Rational q(k, 4);
            INFO(static_cast<int>(d), " at ", k, "/4");
            CHECK(in_domain(d, q) == in_domain(d, k / 4.0));
        }
        CHECK(in_domain(d, std::nan("")) == (d == FunctionDomain::All));
    }
}

TEST_CASE("functions: eval, compiled and the exact folds agree on where a built-in is undefined") {
    const double points[] = {-2, -1, -0.5, 0, 0.5, 1, 2};
    const Expr x = sym("x");
    for (const FunctionInfo& f : all_functions()) {
        if (!f.numeric || f.max_args != 1) continue;
        const std::uint32_t id = function_id(f.name);
        const Compiled program(func(id, {x}), "x");
        for (double p : points) {
            INFO(f.name, " at ", p);
            bool eval_fails = false;
            try {
                evaluate(func(id, {x}), {{"x", p}});
            } catch (const Error&) {
                eval_fails = true;
            }
            CHECK(eval_fails == std::isnan(program(p)));
            if (!in_domain(function_domain(id), p)) {
                CHECK(eval_fails);
                // The exact fold refuses the same point (p is a multiple of 1/2).
                bool fold_fails = false;
                try {
                    func(id, {num(Rational(static_cast<long>(p * 2), 2))});
                } catch (const Error&) {
                    fold_fails = true;
                }
                CHECK(fold_fails);
            }
        }
    }
}

TEST_CASE("functions: numeric values and the errors that name the function and point") {
    CHECK(at("ln", 1) == 0);
    CHECK(at("sigmoid", 0) == 0.5);
    CHECK(at("acot", 0) == doctest::Approx(M_PI / 2));
    CHECK(at("relu", -3) == 0);
    CHECK(error_of([] { at("ln", 0); }) == "domain: ln is undefined at 0");
    CHECK(error_of([] { at("ln", -2); }) == "domain: ln is undefined at -2");
    CHECK(error_of([] { at("acosh", 0.5); }) == "domain: acosh is undefined at 0.5");
    CHECK(error_of([] { at("cot", 0); }) == "domain: cot is undefined at 0");
    CHECK(error_of([] { at("exp", 1000); }) == "limit: exp(1000) is too large for a decimal");
    CHECK(error_of([] { at("factorial", 0.5); }) == "domain: factorial is undefined at 0.5");
}

TEST_CASE("functions: exact values fold, undefined exact points are errors") {
    CHECK(read("sin(0)") == num(0));
    CHECK(read("cos(pi)") == num(-1));
    CHECK(read("ln(e)") == num(1));
    CHECK(read("log2(1)") == num(0));
    CHECK(read("sigmoid(0)") == num(Rational(1, 2)));
    CHECK(read("abs(-3/4)") == num(Rational(3, 4)));
    CHECK(read("atan2(0, 3)") == num(0));
    CHECK(read("factorial(5)") == num(120));
    CHECK(read("binomial(5, 7)") == num(0));
    CHECK(read("binomial(10, 3)") == num(120));
    CHECK(read("sin(x)").kind() == Kind::Func);
    CHECK(error_of([] { read("ln(0)"); }) == "domain: ln is undefined at 0");
    CHECK(error_of([] { read("asin(2)"); }) == "domain: asin is undefined at 2");
    CHECK(error_of([] { read("tan(pi/2)"); }).rfind("domain: tan is undefined at", 0) == 0);
    CHECK(error_of([] { read("factorial(-1)"); }) ==
          "domain: factorial is defined for whole numbers only, not -1");
    CHECK(error_of([] {
              read("factorial(pi)");
          }).rfind("domain: factorial is defined for whole numbers only", 0) == 0);
}

TEST_CASE("functions: the derivative rules are the table's partials") {
    const Expr x = sym("x");
    CHECK(function_info(function_id("sin")).partial(std::vector<Expr>{x}, 0) ==
          func(function_id("cos"), {x}));
    CHECK(function_info(function_id("ln")).partial(std::vector<Expr>{x}, 0) == pow(x, num(-1)));
    CHECK(error_of([&] {
              function_info(function_id("factorial")).partial(std::vector<Expr>{x}, 0);
          }).rfind("type: factorial and binomial are defined for whole numbers only", 0) == 0);
}

TEST_CASE("functions: names one edit away are offered for a misspelling") {
    const auto sni = similar_function_names("sni");
    CHECK(std::find(sni.begin(), sni.end(), "sin") != sni.end());
    CHECK(similar_function_names("sin").size() < all_functions().size());
    CHECK(similar_function_names("qqqqqq").empty());
}
