// Unit tests of exact_values.cpp (issue 14): closed forms of the circular functions at
// multiples of pi/12 and of their inverses, logarithms of exact powers, exp of ln.
#include <doctest/doctest.h>

#include <string>

#include "print/print.hpp"
#include "support.hpp"

using test_support::read;

namespace {

struct Row {
    std::string text, value;
};

void check_rows(std::initializer_list<Row> rows) {
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(dfdx::print(read(r.text)) == r.value);
    }
}

}  // namespace

TEST_CASE("circular functions are exact at multiples of pi/12") {
    check_rows({
        {"sin(pi/4)", "sqrt(2)/2"},
        {"cos(pi/3)", "1/2"},
        {"tan(pi/12)", "2 - sqrt(3)"},
        {"tan(5pi/12)", "sqrt(3) + 2"},
        {"sin(pi/12)", "sqrt(6)/4 - sqrt(2)/4"},
        {"cos(11pi/12)", "-sqrt(2)/4 - sqrt(6)/4"},
        {"sin(7pi/6)", "-1/2"},
        {"cos(-pi/6)", "sqrt(3)/2"},
        {"tan(2pi/3)", "-sqrt(3)"},
        {"cot(pi/3)", "sqrt(3)/3"},
        {"sec(pi/12)", "sqrt(6) - sqrt(2)"},
        {"csc(5pi/6)", "2"},
        {"sec(pi/4)", "sqrt(2)"},
        {"sin(25pi/12)", "sqrt(6)/4 - sqrt(2)/4"},
        {"cos(pi/3) - 1/2", "0"},
        {"sin(pi/5)", "sin(pi/5)"},
    });
}

TEST_CASE("inverse circular functions are exact at the known values") {
    check_rows({
        {"asin(1/2)", "pi/6"},
        {"asin(-sqrt(2)/2)", "-pi/4"},
        {"acos(-sqrt(3)/2)", "5*pi/6"},
        {"acos(1/2)", "pi/3"},
        {"atan(2 - sqrt(3))", "pi/12"},
        {"atan(-sqrt(3))", "-pi/3"},
        {"acot(-1)", "-pi/4"},
        {"acot(0)", "pi/2"},
        {"asec(2)", "pi/3"},
        {"acsc(sqrt(2))", "pi/4"},
        {"asin(1/3)", "asin(1/3)"},
    });
}

TEST_CASE("logarithms and exponentials of exact powers are exact") {
    check_rows({
        {"ln(e^3)", "3"},
        {"ln(exp(2/3))", "2/3"},
        {"log(8, 2)", "3"},
        {"log(8, 4)", "3/2"},
        {"log(9, 27)", "2/3"},
        {"log(1/8, 2)", "-3"},
        {"log10(1000)", "3"},
        {"log10(1/100)", "-2"},
        {"log2(1/8)", "-3"},
        {"log2(6)", "log2(6)"},
        {"exp(ln(5))", "5"},
        {"exp(3*ln(2))", "8"},
        {"exp(ln(2)/2)", "sqrt(2)"},
        {"ln(8)", "3*ln(2)"},
        {"ln(1/2)", "-ln(2)"},
        {"ln(12)", "ln(12)"},
    });
}
