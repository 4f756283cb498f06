// The compiled evaluator against the reference evaluator: the same values where
// evaluate() succeeds, NaN exactly where it throws; shared nodes computed once.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "expr/error.hpp"
#include "numbers/compiled.hpp"
#include "numbers/eval.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "text/parser.hpp"

using namespace dfdx;

namespace {

Expr read(const std::string& text) {
    Environment env;
    std::vector<std::string> notes;
    ResolveContext ctx{env, nullptr, {}, &notes};
    return env.expand(resolve(*parse_expression(text), ctx));
}

// The reference value, NaN where evaluate() reports the point as undefined.
double reference(const Expr& e, const Point& p) {
    try {
        return evaluate(e, p);
    } catch (const Error& err) {
        // Undefined (ln(0), 1/0, sqrt(-1)) or too large for a double (exp(1000)).
        CHECK_MESSAGE((err.code() == ErrorCode::Domain || err.code() == ErrorCode::DivisionByZero ||
                       err.code() == ErrorCode::NotReal || err.code() == ErrorCode::Limit),
                      std::string(err.what()) << " (" << std::string(code_name(err.code())) << ")");
        return std::nan("");
    }
}

bool agree(double want, double got) {
    if (std::isnan(want) || std::isnan(got)) return std::isnan(want) && std::isnan(got);
    if (std::isinf(want) || std::isinf(got)) return want == got;
    return std::fabs(want - got) <= 1e-12 * std::max(1.0, std::fabs(want));
}

const std::vector<std::string> kExpressions = {
    "3",
    "pi",
    "x",
    "-x",
    "2x + 1",
    "x^2",
    "x^3 - 2x^2 + x - 7",
    "x^4",
    "x^5",
    "x^-2",
    "1/x",
    "1/(x - 1)",
    "(x^2 + 1)/(x^2 - 4)",
    "sqrt(x)",
    "1/sqrt(x)",
    "cbrt(x)",
    "x^(2/3)",
    "x^(-1/3)",
    "x^(3/2)",
    "x^(5/7)",
    "(-x)^(1/2)",
    "x^x",
    "2^x",
    "pi^x",
    "e^x",
    "x^pi",
    "sin(x)",
    "cos(x)",
    "tan(x)",
    "cot(x)",
    "sec(x)",
    "csc(x)",
    "asin(x)",
    "acos(x)",
    "atan(x)",
    "acot(x)",
    "asec(x)",
    "acsc(x)",
    "atan2(x, 1)",
    "atan2(1, x)",
    "atan2(x, x^2)",
    "sinh(x)",
    "cosh(x)",
    "tanh(x)",
    "coth(x)",
    "sech(x)",
    "csch(x)",
    "asinh(x)",
    "acosh(x)",
    "atanh(x)",
    "acoth(x)",
    "asech(x)",
    "acsch(x)",
    "exp(x)",
    "exp(x^2)",
    "ln(x)",
    "log(x, 2)",
    "log10(x)",
    "log2(x)",
    "ln(x - 2)",
    "abs(x)",
    "sign(x)",
    "step(x)",
    "relu(x)",
    "sigmoid(x)",
    "softplus(x)",
    "sin(x)^2 + cos(x)^2",
    "sin(x)*exp(x)/(1 + x^2)",
    "d/dx sin(x)*exp(x)/(1 + x^2)",
    "d^2/dx^2 sin(x)*exp(x)/(1 + x^2)",
    "d/dx x^x",
    "d/dx tan(x)",
    "d/dx asin(x)",
    "d/dx ln(sqrt(x))",
    "sin(sin(sin(sin(x))))",
    "d^3/dx^3 sin(sin(sin(sin(x))))",
    "step(ln(x))",
    "relu(sqrt(x) - 1)",
    "sign(1/x)",
    "exp(1000 x)",
    "x^1000",
    "1/(1/x)",
    "sqrt(x - 1) + sqrt(1 - x)",
    "abs(ln(x))",
    "sin(pi/4) x",
    "ln(2) + x",
    "2 sqrt(2) x",
    "exp(sin(x)) - exp(sin(x))^2",
};

std::vector<double> points() {
    std::vector<double> ps = {0,     1,      -1,   0.5, -0.5, 2,        -2,   1e-300,   -1e-300,
                              1e300, -1e300, 1e-8, 710, -710, M_PI / 2, M_PI, 1.0000001};
    for (double x = -3.7; x < 3.7; x += 0.31) ps.push_back(x);
    return ps;
}

}  // namespace

TEST_CASE("compiled code agrees with evaluate() on many expressions and points") {
    const std::vector<double> ps = points();
    for (const std::string& text : kExpressions) {
        Expr e = read(text);
        Compiled code(e, "x");
        std::vector<double> many(ps.size());
        code.evaluate_many(ps, many);
        for (std::size_t i = 0; i < ps.size(); ++i) {
            const double want = reference(e, {{"x", ps[i]}});
            const double got = code(ps[i]);
            CHECK_MESSAGE(agree(want, got), text << " at x=" << ps[i] << ": evaluate " << want
                                                 << ", compiled " << got);
            // The block evaluator runs the same kernels: bit for bit the same values.
            CHECK_MESSAGE((many[i] == got || (std::isnan(many[i]) && std::isnan(got))),
                          text << " at x=" << ps[i]);
        }
    }
}

TEST_CASE("blocks longer than the register block give the same values as single points") {
    Expr e = read("d/dx sin(x)*exp(x)/(1 + x^2)");
    Compiled code(e, "x");
    std::vector<double> xs;
    for (int i = 0; i < 1000; ++i) xs.push_back(-5 + i * 0.01);
    std::vector<double> out(xs.size());
    code.evaluate_many(xs, out);
    for (std::size_t i = 0; i < xs.size(); ++i) CHECK(out[i] == code(xs[i]));
}

TEST_CASE("a shared node is one instruction") {
    // Var x, sin, square, add: sin(x) once although it appears twice.
    CHECK(Compiled(read("sin(x) + sin(x)^2"), "x").instruction_count() == 4);
    // Constant subexpressions fold away: sqrt(2)*pi*x is one scaling of x.
    CHECK(Compiled(read("sqrt(2)*pi*x"), "x").instruction_count() == 2);
}

TEST_CASE("several outputs share their common subexpressions") {
    Expr f = read("sin(x)*exp(x)");
    Expr df = read("d/dx sin(x)*exp(x)");
    std::vector<Expr> both = {f, df};
    Compiled code(both, {"x"});
    Compiled alone_f(f, "x"), alone_df(df, "x");
    CHECK(code.output_count() == 2);
    CHECK(code.instruction_count() < alone_f.instruction_count() + alone_df.instruction_count());
    std::vector<double> xs = {-1, 0, 0.5, 2};
    std::vector<double> out(8);
    code.evaluate_many(xs, out);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        CHECK(out[i] == doctest::Approx(alone_f(xs[i])));
        CHECK(out[4 + i] == doctest::Approx(alone_df(xs[i])));
    }
}

TEST_CASE("registers are reused once values are dead") {
    std::string text = "sin(x)";
    for (int k = 2; k <= 60; ++k) text += " + sin(" + std::to_string(k) + "x)";
    Compiled code(read(text), "x");
    CHECK(code.instruction_count() > 100);
    CHECK(code.register_count() <= 4);
    CHECK(code(0.3) == doctest::Approx(evaluate(read(text), {{"x", 0.3}})));
}

TEST_CASE("a program of several variables takes a point in their order") {
    Expr e = read("x*y + sin(y) - x^2/y");
    Compiled code(std::span<const Expr>(&e, 1), {"x", "y"});
    const double p[2] = {1.5, -0.25};
    CHECK(code(p) == doctest::Approx(evaluate(e, {{"x", 1.5}, {"y", -0.25}})));
    const double ys[3] = {1, 2, 0};
    const double xs[3] = {3, 4, 5};
    const double* columns[2] = {xs, ys};
    std::vector<double> out(3);
    code.evaluate_columns(columns, 3, out);
    CHECK(out[0] == doctest::Approx(3 + std::sin(1.0) - 9));
    CHECK(std::isnan(out[2]));  // division by y = 0
}

TEST_CASE("a constant output is its value at every point") {
    Compiled code(read("2 + 1/2"), "x");
    std::vector<double> xs = {1, 2, 3}, out(3);
    code.evaluate_many(xs, out);
    CHECK(out == std::vector<double>{2.5, 2.5, 2.5});
}

TEST_CASE("what cannot be compiled is an error with a code") {
    struct Row {
        const char* text;
        ErrorCode code;
    };
    const Row rows[] = {
        {"f(x) + 1", ErrorCode::UnknownFunction},
        {"d/dx f(x)", ErrorCode::UnknownFunction},
        {"x + y", ErrorCode::UnknownFunction},
        {"[x, 1]", ErrorCode::Type},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        try {
            Compiled code(read(row.text), "x");
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.code() == row.code);
        }
    }
}
