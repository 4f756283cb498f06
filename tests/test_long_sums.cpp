// Unit tests of long sums kept whole inside longer ones (construct.cpp, add): the nesting
// keeps e = e^2 + e linear to build and differentiate, and changes nothing a reader sees:
// like terms still merge across it, and every result opens to the flat form.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "calculus/diff.hpp"
#include "calculus/simplify.hpp"
#include "calculus/substitute.hpp"
#include "expr/construct.hpp"
#include "numbers/eval.hpp"
#include "print/print.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;

namespace {

/// The sum nested directly in s, or null.
const Node* nested(const Node* s) {
    if (s->kind != Kind::Add) return nullptr;
    for (const Expr& a : s->args) {
        if (a.kind() == Kind::Add) return a.get();
    }
    return nullptr;
}

/// How many sums deep the chain of nested sums in e goes (0 for a flat sum).
int nesting_depth(const Expr& e) {
    int depth = 0;
    for (const Node* s = nested(e.get()); s; s = nested(s)) ++depth;
    return depth;
}

/// e = e^2 + e, n times from x.
Expr nested_squares(int n, bool flat) {
    Expr e = sym("x");
    for (int i = 0; i < n; ++i) {
        e = add(pow(e, num(2)), e);
        if (flat) e = flatten_sums(e);
    }
    return e;
}

}  // namespace

TEST_CASE("a sum grown a term at a time nests logarithmically deep") {
    const Expr e = nested_squares(1000, false);
    // The layers at least double inward from 8 terms: log2(1000 / 8) + 1 levels at most.
    CHECK(nesting_depth(e) >= 3);
    CHECK(nesting_depth(e) <= 8);
    CHECK(dag_size(e) < 3 * 1000);
    const Expr d = diff(e, "x");
    CHECK(nesting_depth(d) <= 8);
    CHECK(dag_size(d) < 6 * 1000);
    // The flat form has all 1001 terms in one sum.
    CHECK(nesting_depth(flatten_sums(e)) == 0);
    std::size_t terms = 0;
    CHECK(for_each_term(e, [&](const Expr&, const Rational&) { ++terms; }) == 0);
    CHECK(terms == 1001);
    CHECK(flatten_sums(e)->args.size() == 1001);
}

TEST_CASE("nested and flat sums are the same mathematics") {
    for (int n : {9, 20, 40, 70}) {
        CAPTURE(n);
        const Expr nested_e = nested_squares(n, false);
        const Expr flat_e = nested_squares(n, true);
        CHECK(nesting_depth(nested_e) > 0);
        CHECK(flatten_sums(nested_e) == flat_e);
        // Derivatives built either way open to the same flat form.
        const Expr d = diff(nested_e, "x");
        CHECK(flatten_sums(d) == flatten_sums(diff(flat_e, "x")));
        // Small enough to print: the text does not show the grouping.
        if (n <= 9) {
            CHECK(print(nested_e) == print(flat_e));
            CHECK(print(d) == print(flatten_sums(d)));
            CHECK(read(print(d)) == flatten_sums(d));
        }
        // Values at a point where the tower stays finite (x^2 + x has a fixed point at 0).
        CHECK(evaluate(d, {{"x", -0.5}}) ==
              doctest::Approx(evaluate(flatten_sums(d), {{"x", -0.5}})));
    }
}

TEST_CASE("like terms merge across a nested sum") {
    const Expr s = read("expand((a + b + c)^3)");  // 10 terms
    REQUIRE(s->args.size() == 10);
    const Expr t = add(s, sym("x"));
    REQUIRE(nesting_depth(t) == 1);  // x is no term of s: s stays whole
    CHECK(read(print(t)) == flatten_sums(t));
    CHECK(print(t) == print(flatten_sums(t)));

    // Taking x away again gives s itself; taking s away gives x.
    CHECK(sub(t, sym("x")) == s);
    CHECK(sub(t, s) == sym("x"));
    CHECK(sub(t, t) == num(0));
    CHECK(sub(t, flatten_sums(t)) == num(0));

    // a^3 is a term of s: it merges instead of standing twice.
    const Expr a3 = pow(sym("a"), num(3));
    const Expr u = add(t, mul(num(2), a3));
    CHECK(u == flatten_sums(u));
    CHECK(
        u ==
        read("a^3 + b^3 + c^3 + 3*a^2*b + 3*a^2*c + 3*a*b^2 + 3*b^2*c + 3*a*c^2 + 3*b*c^2 + 6*a*b*c"
             " + x + 2*a^3"));
    CHECK(print(u).find("3*a^3") != std::string::npos);
    // So does a substitution that makes x one of s's terms.
    const Expr v = substitute(t, {{"x", a3}});
    CHECK(v == read("expand((a + b + c)^3) + a^3"));
    CHECK(print(v).find("2*a^3") != std::string::npos);
    // Products of a nested sum multiply out term by term.
    CHECK(expand(mul(t, sym("y"))) == expand(mul(flatten_sums(t), sym("y"))));
}

TEST_CASE("two long sums never nest: their terms are collected together") {
    const Expr s = read("expand((a + b + c)^3)");
    const Expr r = read("expand((p + q + r)^3)");
    const Expr both = add(s, r);
    CHECK(nesting_depth(both) == 0);
    CHECK(both->args.size() == 20);
    CHECK(sub(both, r) == s);
}
