// Unit tests of intern.cpp, the unique table: equal contents are one node, nodes are
// freed when the last handle goes, small integers are permanent, and the depth and size
// limits hold.
#include <doctest/doctest.h>

#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "expr/functions.hpp"

using namespace dfdx;

TEST_CASE("intern: the same contents built twice are the same node") {
    const Expr a = add(sym("x"), num(1));
    const Expr b = add(num(1), sym("x"));
    CHECK(a == b);
    CHECK(a.get() == b.get());
    CHECK(sym("x") == sym("x"));
    CHECK_FALSE(sym("x") == sym("y"));
    CHECK(num(Rational(1, 3)) == num(Rational(2, 6)));
    CHECK(func(function_id("sin"), {sym("x")}) == func(function_id("sin"), {sym("x")}));
}

TEST_CASE("intern: a node found again is not built again") {
    const Expr keep = mul(sym("intern_a"), sym("intern_b"));
    const std::uint64_t before = nodes_built();
    const Expr again = mul(sym("intern_b"), sym("intern_a"));
    CHECK(again == keep);
    CHECK(nodes_built() == before);
    const Expr fresh = mul(sym("intern_a"), sym("intern_c"));
    CHECK(nodes_built() > before);
}

TEST_CASE("intern: nodes are freed with their last handle, small integers never") {
    const std::size_t before = live_nodes();
    {
        Expr e = sym("intern_z");
        for (int i = 0; i < 50; ++i) e = add(mul(e, e), sym("intern_z"));
        CHECK(live_nodes() > before);
    }
    CHECK(live_nodes() == before);
    const Node* five = num(5).get();
    CHECK(num(5).get() == five);  // permanent: the same node after every handle went
    CHECK(num(-32).get() == num(-32).get());
}

TEST_CASE("intern: depth and the structural flags are filled in") {
    const Expr x = sym("x");
    CHECK(x->depth == 1);
    CHECK(x->has_symbols);
    CHECK_FALSE(num(3)->has_symbols);
    const Expr s = func(function_id("sin"), {add(x, num(1))});
    CHECK(s->depth == 3);
    CHECK(s->has_symbols);
    CHECK_FALSE(s->has_calls);
    const Expr f = add(apply("f", {x}), num(2));
    CHECK(f->has_calls);
    CHECK(f->hash == add(num(2), apply("f", {x}))->hash);
}

TEST_CASE("intern: an expression deeper than the limit is an error, not a crash") {
    Expr e = sym("x");
    bool limited = false;
    try {
        for (std::uint32_t i = 0; i <= max_depth; ++i) e = func(function_id("sin"), {e});
    } catch (const Error& err) {
        limited = err.code() == ErrorCode::Limit;
    }
    CHECK(limited);
    CHECK(e->depth <= max_depth);
}
