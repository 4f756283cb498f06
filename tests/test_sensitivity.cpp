// Unit tests of sensitivity.cpp: the chapter's table, exact values, nudges by h, and the
// summary of where the change and the partial derivative agree.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "expr/error.hpp"
#include "session/session.hpp"

#include "support.hpp"

namespace {

using test_support::run;

}  // namespace

TEST_CASE("sensitivity prints the chapter's table for f = wx + b at w=-2, x=5, b=3") {
    dfdx::Session s;
    run(s, "f(w, x, b) = wx + b");
    CHECK(run(s, "sensitivity f at w=-2, x=5, b=3") ==
          std::vector<std::string>{
              "       w  x  b  f(w, x, b)  change  partial derivative",
              "base  -2  5  3          -7",
              "w+1   -1  5  3          -2       5  ∂f/∂w = 5",
              "x+1   -2  6  3          -9      -2  ∂f/∂x = -2",
              "b+1   -2  5  4          -6       1  ∂f/∂b = 1",
              "each change equals its partial derivative: linear along every nudge",
          });
}

TEST_CASE("sensitivity of the chapter's composite starts from the value 10") {
    dfdx::Session s;
    run(s, "g(x, y) = xy");
    run(s, "h(g) = gz");
    run(s, "f(h) = h + b");
    auto lines = run(s, "sensitivity f(h(g(x, y), z)) at x=1, y=2, z=3, b=4");
    REQUIRE(lines.size() == 7);
    CHECK(lines[0] == "      x  y  z  b  f(h(g(x, y), z))  change  partial derivative");
    CHECK(lines[1] == "base  1  2  3  4                10");
    CHECK(lines[2] == "x+1   2  2  3  4                16       6  ∂f/∂x = 6");
}

TEST_CASE("sensitivity shows where a curved function's change and partial differ") {
    dfdx::Session s;
    CHECK(run(s, "sensitivity x^2 at x=3") ==
          std::vector<std::string>{
              "      x  x^2  change  partial derivative",
              "base  3    9",
              "x+1   4   16       7  ∂/∂x = 6",
              "for x the change differs from the partial derivative: the value curves",
          });
}

TEST_CASE("sensitivity by h divides the change by h, exactly") {
    dfdx::Session s;
    auto lines = run(s, "sensitivity x^2 + y at x=3, y=1 by 0.001");
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].find("change/h") != std::string::npos);
    CHECK(lines[2].find("x+1/1000") == 0);
    CHECK(lines[2].find("6001/1000") != std::string::npos);
    CHECK(lines[3].find("y+1/1000") == 0);
    CHECK(lines[4].find("for x the change/h differs") == 0);
}

TEST_CASE("sensitivity marks values undefined after a nudge") {
    dfdx::Session s;
    auto lines = run(s, "sensitivity 1/(x - 1) at x=0");
    REQUIRE(lines.size() == 4);
    CHECK(lines[2] == "x+1   1      undef   undef  ∂/∂x = -1");
    CHECK(lines[3] == "the value is undefined after nudging x");
}

TEST_CASE("sensitivity needs a value for every variable and a nonzero nudge") {
    dfdx::Session s;
    run(s, "f(w, x, b) = wx + b");
    CHECK(
        run(s, "sensitivity f at w=1, x=2") ==
        std::vector<std::string>{"error: sensitivity needs a value for b (add b=... after 'at')"});
    CHECK(run(s, "sensitivity x at x=1 by 0") ==
          std::vector<std::string>{"error: the nudge after 'by' must not be 0"});
    CHECK(run(s, "sensitivity [x] at x=1") ==
          std::vector<std::string>{"error: sensitivity needs a scalar expression, not a vector"});
}
