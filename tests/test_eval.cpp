// Unit tests of eval.cpp and of evaluation at points through the session: exact results
// when rational, decimals otherwise, and domain errors that name the function and point.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <string_view>

#include "expr/construct.hpp"
#include "numbers/eval.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"

using namespace dfdx;

namespace {

Expr read(std::string_view text) {
    Environment env;
    ResolveContext ctx{env};
    return resolve(*parse_expression(text), ctx);
}

// What the session prints for one statement: the result, or "CODE: MESSAGE".
struct Capture : Sink {
    std::string out;
    void result(const std::string& line) override { out += line; }
    void error(const Error& e) override {
        out += std::string(code_name(e.code())) + ": " + e.what();
    }
    void request(const Request&) override {}
};

std::string run(std::string_view statement) {
    Session s;
    Capture c;
    s.run(statement, c);
    return c.out;
}

}  // namespace

TEST_CASE("evaluate gives the double value at a point") {
    struct Row {
        std::string_view text;
        double x;
        double value;
    };
    const Row rows[] = {
        {"x^2 + 1", 3, 10},
        {"sin(x)", 1, std::sin(1.0)},
        {"exp(x) - e^x", 2, 0},
        {"pi*x", 2, 2 * M_PI},
        {"sqrt(x)", 2, std::sqrt(2.0)},
        {"x^(1/3)", -8, -2},  // odd roots of negative numbers are real
        {"x^(2/3)", -8, 4},
        {"abs(x) + sign(x)", -3, 2},
        {"relu(x) + step(x)", -1, 0},
        {"sigmoid(x)", 0, 0.5},
        {"softplus(x)", 1000, 1000},  // no overflow
        {"sigmoid(x)", -1000, 0},
        {"atan2(x, -1)", 0, M_PI},
        {"log(x, 2)", 8, 3},
        {"acot(x)", 0, M_PI / 2},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(evaluate(read(r.text), {{"x", r.x}}) == doctest::Approx(r.value).epsilon(1e-13));
    }
}

TEST_CASE("evaluate raises an error where the expression is undefined, never a NaN") {
    struct Row {
        std::string_view text;
        double x;
        ErrorCode code;
    };
    const Row rows[] = {
        {"ln(x)", 0, ErrorCode::Domain},          {"ln(x)", -1, ErrorCode::Domain},
        {"asin(x)", 2, ErrorCode::Domain},        {"acosh(x)", 0.5, ErrorCode::Domain},
        {"atanh(x)", 1, ErrorCode::Domain},       {"coth(x)", 0, ErrorCode::Domain},
        {"1/x", 0, ErrorCode::DivisionByZero},    {"x^-2", 0, ErrorCode::DivisionByZero},
        {"sqrt(x)", -4, ErrorCode::NotReal},      {"x^x", -0.5, ErrorCode::NotReal},
        {"y + x", 1, ErrorCode::UnknownFunction}, {"f(x)", 1, ErrorCode::UnknownFunction},
        {"[x, 1]", 1, ErrorCode::Type},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CAPTURE(r.x);
        try {
            (void)evaluate(read(r.text), {{"x", r.x}});
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.code() == r.code);
        }
    }
}

TEST_CASE("results at points are exact when rational, decimal otherwise") {
    struct Row {
        std::string_view statement;
        std::string_view printed;
    };
    const Row rows[] = {
        {"1/3 + 1/6", "1/2"},
        {"2.5", "5/2"},
        {"-x^2 at x=3", "-9"},
        {"1/2x at x=4", "2"},
        {"(x+1)(x-1) at x=3", "8"},
        {"x/3 at x=4", "4/3"},
        {"d/dx x y at x=1", "y"},
        {"x + y at x=1", "y + 1"},
        {"x^2 at x=1/2, y=7", "1/4"},
        {"x + y at x=y, y=2", "y + 2"},  // simultaneous, no capture
        {"sin(1)", "0.841470984807897"},
        {"sin(x) at x=1", "0.841470984807897"},
        {"sqrt(2)", "sqrt(2)"},  // a short closed form stays exact (SPEC §5)
        {"approx(sqrt(2))", "1.4142135623731"},
        {"approx(1/3)", "0.333333333333333"},
        {"approx(2)", "2"},
        {"d/dx sigmoid(x) at x=0", "1/4"},
        {"d/dx ln(x) at x=2", "1/2"},
        {"d/dx relu(x) at x=2", "1"},
        {"grad(x^2 + y^2) at x=1, y=2", "[2, 4]"},
        {"log(8, 2)", "3"},
        {"cbrt(-27)", "-3"},
        {"2^100", "1267650600228229401496703205376"},
        {"10^10^10^10", "10^(10^10000000000)"},
        {"sin(pi) + cos(pi)", "-1"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.statement);
        CHECK(run(r.statement) == r.printed);
    }
}

TEST_CASE("domain errors name the function and the point") {
    struct Row {
        std::string_view statement;
        std::string_view error;
    };
    const Row rows[] = {
        {"ln(x) at x=0", "domain: ln is undefined at 0"},
        {"ln(0)", "domain: ln is undefined at 0"},
        {"ln(-1/2)", "domain: ln is undefined at -1/2"},
        {"asin(2)", "domain: asin is undefined at 2"},
        {"ln(x) at x=-1/2", "domain: ln is undefined at -1/2"},
        {"1/0", "division-by-zero: division by zero"},
        {"1/x at x=0", "division-by-zero: division by zero"},
        {"tan(pi/2)", "domain: tan is undefined at pi/2"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.statement);
        CHECK(run(r.statement) == r.error);
    }
    CHECK(run("sqrt(-4)").rfind("not-real: ", 0) == 0);
    CHECK(run("sqrt(-4)").find("-4") != std::string::npos);
    CHECK(run("f(y) at x=1") == "f(y)");  // free names and unknown calls stay symbolic
    // ... but an unknown function has no value at a point (SPEC §2), and the error names it.
    CHECK(run("f(x) at x=2") ==
          "unknown-function: f(2) has no value: f is an unknown function (define it first, as in "
          "f(x) = ...)");
    std::string dg = run("d/dx g(x)^2 at x=1");  // 2*g'(1)*g(1): either call may be named
    CHECK((dg.rfind("unknown-function: g'(1) has no value: g is an unknown function", 0) == 0 ||
           dg.rfind("unknown-function: g(1) has no value: g is an unknown function", 0) == 0));
    CHECK(run("approx(x)").find("x has no value") != std::string::npos);
    CHECK(run("approx(f(2))").rfind("unknown-function: f(2) has no value", 0) == 0);
}

// Bug: exp(1000) said "exp is undefined at 1000"; it is defined, only too large for a
// double. Since issue 14 decimals come from MPFR, whose exponents reach far past a
// double's: exp(1000) is a number, and only a value past MPFR's range is too large.
TEST_CASE("values too large for a decimal say so, and are not called undefined") {
    CHECK(run("exp(1000)") == "1.97007111401705e+434");
    CHECK(run("sinh(-1000)") == "-9.85035557008523e+433");
    CHECK(run("cosh(800)") == "1.36318728605628e+347");
    for (std::string_view s :
         {"approx(exp(10^30))", "approx(sinh(-10^30))", "approx(cosh(10^30))"}) {
        CAPTURE(s);
        const std::string out = run(s);
        CHECK(out.rfind("limit: ", 0) == 0);
        CHECK(out.find("undefined") == std::string::npos);
    }
    CHECK(run("exp(10^30)") ==
          "exp(1000000000000000000000000000000)");  // exact when no decimal can be
    CHECK(run("coth(0)") == "domain: coth is undefined at 0");
}
