// Unit tests of decimal.cpp, decimal_fast.cpp and the interval files (issue 14): decimals
// are the exact value correctly rounded (every expected value checked with mpmath at 80+
// digits), printed as %g, from either pass; domain errors keep their wording.
#include <doctest/doctest.h>

#include <string>

#include "calculus/substitute.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "numbers/decimal.hpp"
#include "support.hpp"

using namespace dfdx;
using test_support::read;

namespace {

struct Row {
    std::string text;
    int digits;
    std::string decimal;
};

std::string code_of(const std::string& text) {
    try {
        (void)decimal_text(read(text), 15);
    } catch (const Error& e) {
        return std::string(code_name(e.code())) + ": " + e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("decimals are the exact value correctly rounded, for any size of value") {
    const Row rows[] = {
        // Past a double's range: the fast pass took the logarithm of 0 as an int (UBSan).
        {"exp(-1000)", 15, "5.07595889754946e-435"},
        {"1/3^(10^6)", 15, "5.56263209915713e-477122"},
        {"sin(10^30)", 15, "-0.0901169019121381"},
        {"sin(10^100)", 20, "-0.37237612366127668826"},
        {"ln(10^400)", 15, "921.034037197618"},
        {"exp(10^-20) - 1", 15, "1e-20"},
        {"atan2(1, -1)", 15, "2.35619449019234"},
        {"acot(-2)", 15, "-0.463647609000806"},
        {"coth(2)", 15, "1.03731472072755"},
        {"(-8)^(1/3) + sin(1)", 15, "-1.1585290151921"},
        {"2^sqrt(2)", 30, "2.66514414269022518865029724987"},
        {"sigmoid(-800)", 15, "3.66787458417769e-348"},
        {"softplus(1/2)", 15, "0.974076984180107"},
        {"tan(355/226)", 15, "-7497258.18532559"},
        {"pi", 50, "3.1415926535897932384626433832795028841971693993751"},
        {"sqrt(2)", 50, "1.4142135623730950488016887242096980785696718753769"},
        {"1/3", 17, "0.33333333333333333"},
        {"2/3", 1, "0.7"},
        {"0", 15, "0"},
    };
    DecimalEvaluator d;
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CAPTURE(r.digits);
        CHECK(d.text(read(r.text), r.digits) == r.decimal);
    }
}

TEST_CASE("exact rationals round half to even, even on a decimal tie no interval settles") {
    const Row rows[] = {
        {"3/(2*10^36)", 1, "2e-36"}, {"25", 1, "2e+01"},   {"35", 1, "4e+01"},
        {"1/8", 2, "0.12"},          {"-1/8", 2, "-0.12"}, {"99999", 3, "1e+05"},
        {"9.5", 1, "1e+01"},         {"123", 3, "123"},    {"-2/3*10^-7", 3, "-6.67e-08"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(decimal_text(read(r.text), r.digits) == r.decimal);
    }
}

TEST_CASE("the long-double pass either answers with the right digits or leaves it to MPFR") {
    const Row rows[] = {
        {"sin(1)", 15, "0.841470984807897"},
        {"exp(1/2)*cos(1/3)/(1 + 1/4)", 15, "1.24637649382796"},
        {"sin(10^30)", 15, ""},        // 10^30 is not a long double: MPFR's
        {"exp(1/10^20) - 1", 15, ""},  // cancellation: MPFR's
        {"sin(1)", 30, ""},            // past a long double's digits
        {"123456789012345678901234567890/7", 15,
         "1.76366841446208e+28"},  // a big rational's top bits
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(detail::fast_decimal(read(r.text), r.digits) == r.decimal);
    }
}

TEST_CASE("format_digits prints as printf's %g does") {
    struct Format {
        bool negative;
        std::string digits;
        long exponent;
        int precision;
        std::string text;
    };
    const Format rows[] = {
        {false, "841470984807897", 0, 15, "0.841470984807897"},
        {false, "100000000000000", -19, 15, "1e-20"},
        {true, "250", 1, 15, "-2.5"},
        {false, "150000", 21, 15, "1.5e+20"},
        {false, "123", 3, 3, "123"},
        {false, "123", 4, 3, "1.23e+03"},
        {false, "1", -4, 15, "1e-05"},
        {false, "1", -3, 15, "0.0001"},
        {false, "507595889754946", -434, 15, "5.07595889754946e-435"},
    };
    for (const Format& r : rows) {
        CAPTURE(r.text);
        CHECK(format_digits(r.negative, r.digits, r.exponent, r.precision) == r.text);
    }
}

TEST_CASE("domain errors through intervals keep the function table's wording") {
    CHECK(code_of("ln(cos(2))") == "domain: ln is undefined at -0.416146836547142");
    CHECK(code_of("asin(1 + sin(1))") == "domain: asin is undefined at 1.8414709848079");
    CHECK(code_of("sqrt(cos(2))") ==
          "not-real: a fractional power of the negative number -0.416146836547142 is not real");
    CHECK(code_of("1/(sin(1) - sin(1) + ln(1))").rfind("division-by-zero", 0) == 0);
    CHECK(code_of("exp(10^30)") == "limit: the value is too large for a decimal");
}

TEST_CASE("a zero that no precision confirms is an error for approx and exact for at") {
    Session s;
    CHECK(test_support::run(s, "approx(sin(1)^2 + cos(1)^2 - 1)", true) ==
          std::vector<std::string>{"error: limit"});
    CHECK(test_support::run(s, "sin(1)^2 + cos(1)^2 - 1") ==
          std::vector<std::string>{"cos(1)^2 + sin(1)^2 - 1"});
}

TEST_CASE("decimal_value is the exact value rounded once to a double") {
    CHECK(decimal_value(read("1/3")) == 1.0 / 3.0);
    CHECK(decimal_value(read("sin(1)")) == 0.8414709848078965);
    CHECK(decimal_value(read("exp(10^-20) - 1")) == 1e-20);
}

TEST_CASE(
    "a decimal at a point without substituting is the substituted value's decimal, or nothing") {
    // Many points of one cached expression (the `points` workload) skip the exact
    // substitution; whatever the exact path would print exactly must not come out of it.
    const char* answered[] = {
        "sin(x)*exp(x)/(1 + x^2)", "-2*x*exp(x)*sin(x)/(x^2 + 1)^2 + cos(x)*exp(x)/(x^2 + 1)",
        "tanh(3*x - y) + atan(x*y)", "exp(-x^2/2)*cos(y)", "ln(x^2 + 1)*sigmoid(y)"};
    for (const char* text : answered) {
        CAPTURE(text);
        const Expr e = read(text);
        int decided = 0;
        for (int i = 1; i <= 200; ++i) {
            const Bindings point{{"x", num(Rational(i * 37 % 1000 - 500, 97))},
                                 {"y", num(Rational(i, 13))}};
            const std::string quick = detail::fast_decimal_at(e, point, 15);
            if (quick.empty()) continue;
            ++decided;
            CHECK(quick == decimal_text(substitute(e, point), 15));
        }
        CHECK(decided > 150);
    }
    // Values that the exact path prints exactly, or that are errors there: left to it.
    const std::pair<const char*, Rational> declined[] = {
        {"x/3", 1},
        {"cos(x)/3", 0},
        {"(x - 1)*sin(x) + 1/3", 1},
        {"sqrt(x)/4", 2},
        {"sin(pi*x)", Rational(1, 2)},
        {"ln(x)", -1},
        {"asin(x) + x", Rational(1, 2)},
        {"exp(x)*x", 0},
        {"1/(x - 2) + sin(x)", 2},
    };
    for (const auto& [text, x] : declined) {
        CAPTURE(text);
        CHECK(detail::fast_decimal_at(read(text), {{"x", num(x)}}, 15).empty());
    }
    CHECK(detail::fast_decimal_at(read("sin(x) + y"), {{"x", num(1)}}, 15)
              .empty());  // y has no value
}
