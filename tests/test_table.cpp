// The table command through a session: aligned columns, exact x values, undef, CSV,
// bare function names, and the errors for bad ranges and expressions.
#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "expr/error.hpp"
#include "numbers/eval.hpp"
#include "session/session.hpp"
#include "views/range.hpp"

using namespace dfdx;

namespace {

struct Capture : Sink {
    std::vector<std::string> lines, notes;
    std::vector<Request> requests;
    std::optional<Error> err;
    void result(const std::string& line) override { lines.push_back(line); }
    void note(const std::string& text) override { notes.push_back(text); }
    void error(const Error& e) override { err = e; }
    void request(const Request& r) override { requests.push_back(r); }
};

std::vector<std::string> run(Session& s, const std::string& text) {
    Capture c;
    s.run(text, c);
    if (c.err) FAIL_CHECK(text << ": " << c.err->what());
    return c.lines;
}

std::vector<std::string> run(const std::string& text) {
    Session s;
    return run(s, text);
}

Error error_of(const std::string& text) {
    Session s;
    Capture c;
    s.run(text, c);
    REQUIRE_MESSAGE(c.err.has_value(), text);
    return *c.err;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a table has a header and one right-aligned row per point") {
    CHECK(run("table x^2, sin(x) for x in [0, 1] step 0.25") ==
          Lines{
              "   x     x^2             sin(x)",
              "   0       0                  0",
              "0.25  0.0625  0.247403959254523",
              " 0.5    0.25  0.479425538604203",
              "0.75  0.5625  0.681638760023334",
              "   1       1  0.841470984807897",
          });
}

TEST_CASE("x is exact when the range and step are rational") {
    // The x column is exact; the value column shows the double nearest to it, which at
    // 17 digits is 0.29999999999999999 (0.1 + 0.2 would be 0.30000000000000004).
    Session s;
    run(s, "set precision 17");
    Lines t = run(s, "table x for x in [0, 0.3] step 0.1");
    CHECK(t == Lines{"  x                    x", "  0                    0",
                     "0.1  0.10000000000000001", "0.2  0.20000000000000001",
                     "0.3  0.29999999999999999"});
    // A step that is no terminating decimal shows fractions.
    CHECK(run("table 3x for x in [0, 1] with 4 points") ==
          Lines{"  x  3*x", "  0    0", "1/3    1", "2/3    2", "  1    3"});
    // An irrational range: decimals at the session's precision.
    CHECK(run("table 2x for x in [0, pi] with 2 points") ==
          Lines{"               x               2*x", "               0                 0",
                "3.14159265358979  6.28318530717959"});
}

TEST_CASE("a step that does not divide the range stops before its end") {
    CHECK(run("table x for x in [0, 1] step 0.4") ==
          Lines{"  x    x", "  0    0", "0.4  0.4", "0.8  0.8"});
    CHECK(run("table x for x in [0, pi] step 1").size() == 5);  // 0, 1, 2, 3 and the header
}

TEST_CASE("without a step a table has 11 rows") {
    Lines t = run("table x^2 for x in [0, 10]");
    REQUIRE(t.size() == 12);
    CHECK(t[0] == " x  x^2");
    CHECK(t[1] == " 0    0");
    CHECK(t[11] == "10  100");
}

TEST_CASE("undefined points show undef, overflow shows inf") {
    CHECK(run("table ln(x), 1/x for x in [-1, 1] step 1") ==
          Lines{" x  ln(x)    1/x", "-1  undef     -1", " 0  undef  undef", " 1      0      1"});
    CHECK(run("table x^1000 for x in [1, 10] step 9")[2] == "10     inf");
}

TEST_CASE("a bare function name means the function of the range variable") {
    Session s;
    run(s, "f(x) = x^3 - x");
    CHECK(run(s, "table f, f' for x in [0, 2] step 1") ==
          Lines{"x  f(x)  f'(x)", "0     0     -1", "1     0      2", "2     6     11"});
    CHECK(run(s, "table f(x), f''(x) for x in [0, 1] step 1") ==
          Lines{"x  f(x)  f''(x)", "0     0       0", "1     0       6"});
    CHECK(run(s, "table sin, cos' for x in [0, 1] step 1") ==
          Lines{"x             sin(x)             -sin(x)",
                "0                  0                   0",
                "1  0.841470984807897  -0.841470984807897"});
    CHECK(run(s, "table exp for x in [0, 1] step 1") ==
          Lines{"x            exp(x)", "0                 1", "1  2.71828182845905"});
}

TEST_CASE("f' without parentheses is still an error outside table and plot") {
    Session s;
    Capture c;
    s.run("f(x) = x^2\nf'", c);
    REQUIRE(c.err.has_value());
    CHECK(c.err->code() == ErrorCode::Parse);
}

TEST_CASE("headers follow the session's format and values its precision") {
    Session s;
    run(s, "set format unicode");
    run(s, "set precision 4");
    CHECK(run(s, "table x^2, sqrt(x) for x in [1, 2] step 1") ==
          Lines{"x  x²     √x", "1   1      1", "2   4  1.414"});
}

TEST_CASE("to FILE asks for CSV with a header row, undefined cells empty") {
    Session s;
    Capture c;
    s.run("table x^2, ln(x), atan2(x, 1) for x in [-1, 1] step 1 to t.csv", c);
    REQUIRE_FALSE(c.err.has_value());
    CHECK(c.lines == Lines{"wrote 3 rows to t.csv"});
    REQUIRE(c.requests.size() == 1);
    CHECK(c.requests[0].kind == Request::Kind::WriteFile);
    CHECK(c.requests[0].path == "t.csv");
    CHECK(
        c.requests[0].content ==
        "x,x^2,ln(x),\"atan2(x, 1)\"\n-1,1,,-0.785398163397448\n0,0,,0\n1,1,0,0.785398163397448\n");
    // Fractions of x are written as decimals: CSV readers want numbers.
    Capture d;
    s.run("table x for x in [0, 1] with 4 points to u.csv", d);
    REQUIRE(d.requests.size() == 1);
    CHECK(d.requests[0].content ==
          "x,x\n0,0\n0.333333333333333,0.333333333333333\n"
          "0.666666666666667,0.666666666666667\n1,1\n");
}

TEST_CASE("a million points of a derivative, written as CSV, match evaluate()") {
    Session s;
    Capture c;
    s.run("table d/dx sin(x)*exp(x)/(1 + x^2) for x in [-10, 10] with 1000001 points to big.csv",
          c);
    REQUIRE_FALSE(c.err.has_value());
    CHECK(c.lines == Lines{"wrote 1000001 rows to big.csv"});
    REQUIRE(c.requests.size() == 1);
    std::istringstream in(c.requests[0].content);
    std::string line;
    std::getline(in, line);
    std::size_t rows = 0;
    const Session fresh;
    while (std::getline(in, line)) {
        if (rows % 99991 == 0) {
            const std::size_t comma = line.find(',');
            const double x = std::stod(line.substr(0, comma));
            CHECK(x == doctest::Approx(-10 + rows * 2e-5));
            const double want = std::exp(x) * (std::cos(x) + std::sin(x)) / (1 + x * x) -
                                2 * x * std::sin(x) * std::exp(x) / ((1 + x * x) * (1 + x * x));
            CHECK(std::stod(line.substr(comma + 1)) == doctest::Approx(want).epsilon(1e-12));
        }
        ++rows;
    }
    CHECK(rows == 1000001);
}

TEST_CASE("bad ranges, spacings and expressions are errors that say why") {
    struct Row {
        const char* text;
        ErrorCode code;
        const char* says;
    };
    const Row rows[] = {
        {"table x for x in [1, 0]", ErrorCode::Type, "the range [1, 0] runs backwards"},
        {"table x for x in [1, 1]", ErrorCode::Type, "the range [1, 1] is empty"},
        {"table x for x in [0, 1] step 0", ErrorCode::Type, "the step must be positive, not 0"},
        {"table x for x in [0, 1] step -1/10", ErrorCode::Type,
         "the step must be positive, not -1/10"},
        {"table x for x in [0, 1] with 1 points", ErrorCode::Type, "at least 2"},
        {"table x for x in [0, 1] with 2.5 points", ErrorCode::Type, "whole number"},
        {"table x for x in [0, y]", ErrorCode::Type,
         "the end of the range must be a number, but y has no value"},
        {"table x for x in [ln(0), 1]", ErrorCode::Domain, "ln"},
        {"table x for x in [0, 10^400]", ErrorCode::Limit, "too large"},
        {"table x for x in [0, 1] step 1e-8", ErrorCode::Limit, "past the limit of 10,000,000"},
        {"table x for x in [-1e308, 1e308]", ErrorCode::Limit, "too wide"},
        {"table x for x in [0, 1] with 20000000 points", ErrorCode::Limit,
         "past the limit of 10,000,000"},
        {"table x for x in [0, 1] with 2000000 points", ErrorCode::Limit, "to FILE.csv"},
        {"table x y for x in [0, 1]", ErrorCode::UnknownFunction, "y has no value"},
        {"table g(x) for x in [0, 1]", ErrorCode::UnknownFunction, "unknown function g"},
        {"table g' for x in [0, 1]", ErrorCode::UnknownFunction, "unknown function g"},
        {"table [x, 1] for x in [0, 1]", ErrorCode::Type, "not a vector"},
        {"table sin(x) for pi in [0, 1]", ErrorCode::Type, "pi is a constant"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        Error e = error_of(row.text);
        CHECK(e.code() == row.code);
        CHECK_MESSAGE(std::string(e.what()).find(row.says) != std::string::npos, e.what());
    }
}

TEST_CASE("the range variable may not be a bound name or a function") {
    Session s;
    Capture c;
    s.run("x = 3\ntable x^2 for x in [0, 1]", c);
    REQUIRE(c.err.has_value());
    CHECK(c.err->code() == ErrorCode::BoundVariable);
    CHECK(std::string(c.err->what()).find("clear x") != std::string::npos);
    Capture d;
    s.run("f(t) = t\ntable 1 for f in [0, 1]", d);
    REQUIRE(d.err.has_value());
    CHECK(d.err->code() == ErrorCode::IsAFunction);
}

TEST_CASE("errors in an expression point at that expression") {
    Error e = error_of("table x, x y for x in [0, 1]");
    CHECK(e.span().begin == 9);
    CHECK(e.span().end == 12);
}

TEST_CASE("grid points are exact rationals rounded once") {
    Range r;
    r.var = std::string(
        1, 'x');  // not = "x": GCC 12 warns (-Wrestrict) there under ASan, a known false positive
    r.lo = -1;
    r.hi = 1;
    r.lo_exact = Rational(-1);
    r.hi_exact = Rational(1);
    r.step = 0.1;
    r.step_exact = Rational(1, 10);
    Grid g(r, 11, 100, "test");
    REQUIRE(g.size() == 21);
    CHECK(g.exact());
    CHECK(g.x(13) == 0.3);  // not -1 + 13*0.1 = 0.30000000000000027
    CHECK(g.exact_text(13) == "0.3");
    CHECK(g.exact_text(0) == "-1");
    CHECK(g.exact_text(9) == "-0.1");
    CHECK(g.exact_text(10) == "0");
}
