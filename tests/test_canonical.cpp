// Unit tests of canonical.cpp: every node the constructors build is in canonical form
// (a few hundred expressions, each node of each), and the checker rejects the forms
// construct.hpp says are never built, made by hand as nodes that are not interned.
#include <doctest/doctest.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "calculus/diff.hpp"
#include "expr/canonical.hpp"
#include "expr/construct.hpp"
#include "expr/functions.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;

namespace {

/// The first node of e's DAG that is not canonical, with the rule it breaks; "" if none.
std::string first_broken(const Expr& e) {
    std::string why;
    walk_dag(e, [&](const Node& n) { return is_canonical(n, &why); });
    return why;
}

Node node(Kind kind, std::vector<Expr> args, Rational number = Rational(0),
          std::vector<Rational> coeffs = {}) {
    Node n;
    n.kind = kind;
    n.num = std::move(number);
    n.args = std::move(args);
    n.coeffs = std::move(coeffs);
    return n;
}

/// The rule a hand-made node breaks ("" when the checker accepts it).
std::string broken(const Node& n) {
    std::string why;
    return is_canonical(n, &why) ? "" : why;
}

const Expr x = sym("x"), y = sym("y");

}  // namespace

TEST_CASE("canonical: every node of a few hundred built expressions is canonical") {
    const char* seeds[] = {
        "x",           "2*x + 1",       "x^2",        "sqrt(x)",     "x^(1/3)",   "exp(x)",
        "ln(x)",       "sin(x)*cos(y)", "2^(1/2)",    "12^(1/2)",    "(x + y)^2", "1/(x - 1)",
        "e^(2*x)",     "atan2(y, x)",   "abs(x - y)", "-x",          "3/4",       "pi",
        "(2*x)^(1/2)", "x*y^-1",        "sin(pi/6)",  "(x^2)^(1/2)", "8^(2/3)*x", "f(x) + x",
    };
    std::vector<Expr> parts;
    for (const char* s : seeds) parts.push_back(read(s));
    std::size_t checked = 0;
    auto check = [&](const Expr& e) {
        INFO(checked);
        CHECK(first_broken(e) == "");
        ++checked;
    };
    for (const Expr& a : parts) {
        check(a);
        check(diff(a, "x"));
        for (const Expr& b : parts) {
            check(add(a, b));
            check(mul(a, b));
            check(sub(a, b));
        }
        check(pow(a, num(Rational(1, 2))));
        check(pow(a, num(-2)));
        check(func(function_id("exp"), {mul(num(3), a)}));
    }
    CHECK(checked > 1500);
}

TEST_CASE("canonical: long sums nested in longer ones keep their invariant") {
    // e = e^2 + e nests long sums (decision 21); so does a sum grown a term at a time.
    Expr e = x;
    for (int i = 0; i < 6; ++i) e = add(pow(e, num(2)), e);
    CHECK(first_broken(e) == "");
    CHECK(first_broken(diff(e, "x")) == "");
    Expr s = num(0);
    for (int i = 0; i < 200; ++i) s = add(s, pow(x, num(i + 1)));
    CHECK(first_broken(s) == "");
    CHECK(first_broken(flatten_sums(s)) == "");
    CHECK(first_broken(add(s, mul(num(-1), pow(x, num(7))))) == "");
}

TEST_CASE("canonical: the checker accepts the leaves and rejects bad ones") {
    CHECK(broken(*num(Rational(2, 3))) == "");
    CHECK(broken(*x) == "");
    CHECK(broken(*constant(ConstantId::Pi)) == "");
    Node c = node(Kind::Constant, {});
    c.id = 7;
    CHECK(broken(c) == "a constant is pi or e");
    CHECK(broken(node(Kind::Symbol, {})) == "a symbol is only a name");
    CHECK(broken(node(Kind::Number, {x})) == "a number is only its value");
}

TEST_CASE("canonical: the checker rejects sums that add never builds") {
    CHECK(broken(node(Kind::Add, {x, y}, 1, {1, 1})) == "");
    CHECK(broken(node(Kind::Add, {y, x}, 0, {1, 1})) ==
          "a sum's terms are sorted and like terms collected");
    CHECK(broken(node(Kind::Add, {x, x}, 0, {1, 1})) ==
          "a sum's terms are sorted and like terms collected");
    CHECK(broken(node(Kind::Add, {x, y}, 0, {0, 1})) == "a sum keeps no term with coefficient 0");
    CHECK(broken(node(Kind::Add, {x}, 0, {2})) == "a sum of one term is that term scaled");
    CHECK(broken(node(Kind::Add, {x, y}, 0, {1})) == "a sum has one coefficient per term");
    CHECK(broken(node(Kind::Add, {num(1), x}, 0, {1, 1})) ==
          "a sum's numbers are folded into its constant");
    CHECK(broken(node(Kind::Add, {x, mul(num(2), y)}, 0, {1, 1})) ==
          "a sum's term carries no coefficient of its own");
    // Add{Add{a, b}, c}: only a long sum may stay nested.
    const Expr short_sum = add(y, sym("z"));
    CHECK(broken(node(Kind::Add, {x, short_sum}, 0, {1, 1})) == "only a long sum stays nested");
    std::vector<Expr> powers;
    for (int i = 1; i <= 10; ++i) powers.push_back(pow(y, num(i)));
    const Expr long_sum = add(powers);
    REQUIRE(long_sum->args.size() == 10);
    CHECK(broken(node(Kind::Add, {x, long_sum}, 0, {1, 1})) == "");
    CHECK(broken(node(Kind::Add, {long_sum, pow(y, num(3))}, 0, {1, 1})) ==
          "a nested sum shares no term with the sum around it");
}

TEST_CASE("canonical: the checker rejects products and powers that mul and pow never build") {
    CHECK(broken(node(Kind::Mul, {x, y}, 2)) == "");
    CHECK(broken(node(Kind::Mul, {y, x}, 1)) == "a product's factors are sorted by base");
    CHECK(broken(node(Kind::Mul, {x, pow(x, num(2))}, 1)) ==
          "a product's like factors are collected");
    const Expr exp_x = func(function_id("exp"), {x});
    const Expr exp_2x = func(function_id("exp"), {mul(num(2), x)});
    CHECK(broken(node(Kind::Mul, {exp_2x, exp_x}, 1)) == "a product's like factors are collected");
    CHECK(broken(node(Kind::Mul, {exp_2x, pow(exp_2x, y)}, 1)) == "");
    CHECK(broken(node(Kind::Mul, {x}, 1)) == "a product of one factor is that factor");
    CHECK(broken(node(Kind::Mul, {x, y}, 0)) == "a product with coefficient 0 is 0");
    CHECK(broken(node(Kind::Mul, {add(x, y)}, 2)) == "a number times a sum is distributed");
    CHECK(broken(node(Kind::Mul, {num(3), x}, 1)) == "a product's numbers are its coefficient");

    CHECK(broken(node(Kind::Pow, {x, num(3)})) == "");
    CHECK(broken(node(Kind::Pow, {x, num(1)})) == "u^0 and u^1 are folded");
    CHECK(broken(node(Kind::Pow, {pow(x, num(2)), num(3)})) == "(u^a)^n is u^(a*n)");
    CHECK(broken(node(Kind::Pow, {constant(ConstantId::E), x})) == "e^u is exp(u)");
    CHECK(broken(node(Kind::Pow, {num(4), num(Rational(1, 2))})) == "exact roots are folded");
    CHECK(broken(node(Kind::Pow, {num(2), num(Rational(1, 2))})) == "");
    CHECK(broken(node(Kind::Pow, {num(2), num(Rational(3, 2))})) ==
          "a number's root has an exponent in (0, 1)");
    CHECK(broken(node(Kind::Pow, {num(-2), num(Rational(1, 3))})) ==
          "a root of a negative number keeps its sign outside");
    CHECK(broken(node(Kind::Pow, {mul(num(2), x), num(3)})) ==
          "an integer power of a product is distributed");
    CHECK(broken(node(Kind::Pow, {func(function_id("exp"), {x}), num(2)})) ==
          "exp(u)^k is exp(k*u)");
    CHECK(broken(node(Kind::Pow, {num(1), x})) == "1^u is 1");
}

TEST_CASE("canonical: the checker rejects calls that func never builds") {
    Node sin0 = node(Kind::Func, {num(0)});
    sin0.id = function_id("sin");
    CHECK(broken(sin0) == "sin at this argument is folded");
    Node ln0 = node(Kind::Func, {num(0)});
    ln0.id = function_id("ln");
    CHECK(broken(ln0) == "ln is undefined at this argument");
    Node sqrt_x = node(Kind::Func, {x});
    sqrt_x.id = function_id("sqrt");
    CHECK(broken(sqrt_x) == "sqrt is an alias, never a call");
    Node sin2 = node(Kind::Func, {x, y});
    sin2.id = function_id("sin");
    CHECK(broken(sin2) == "sin has its arity");
    Node sin_x = node(Kind::Func, {x});
    sin_x.id = function_id("sin");
    CHECK(broken(sin_x) == "");
    Node d = node(Kind::Deriv, {x});
    d.name = "f";
    d.orders = {0};
    CHECK(broken(d) == "a derivative of order 0 is the call");
}

TEST_CASE("canonical: a merged power with another base is collected with its like factors") {
    // (x^(1/3))^(3/5) * (x^(1/3))^(-33/5) merge to (x^(1/3))^-6 = x^-2, which is a like
    // factor of x: the product is x^-1, not x*x^-2 (a form the checks found).
    const Expr cube_root = pow(x, num(Rational(1, 3)));
    const Expr a = pow(cube_root, num(Rational(3, 5)));
    const Expr b = pow(cube_root, num(Rational(-33, 5)));
    REQUIRE(a.kind() == Kind::Pow);
    REQUIRE(b.kind() == Kind::Pow);
    const Expr factors[] = {x, a, b};
    CHECK(mul(factors) == pow(x, num(-1)));
    CHECK(mul(mul(num(3), x), mul(a, b)) == mul(num(3), pow(x, num(-1))));
    // (2*x)^(1/3) * (2*x)^(2/3) is 2*x, whose x meets the other x.
    const Expr two_x = mul(num(2), x);
    const Expr more[] = {x, pow(two_x, num(Rational(1, 3))), pow(two_x, num(Rational(2, 3)))};
    CHECK(first_broken(mul(more)) == "");
}
