// Unit tests of print_names.cpp: names and operators in LaTeX, Unicode superscripts.
#include <doctest/doctest.h>

#include "print/print_names.hpp"

using namespace dfdx::print_detail;

TEST_CASE("print_names: variables in LaTeX") {
    CHECK(latex_symbol("x") == "x");
    CHECK(latex_symbol("alpha") == "\\alpha");
    CHECK(latex_symbol("x1") == "x_{1}");
    CHECK(latex_symbol("alpha2") == "\\alpha_{2}");
    CHECK(latex_symbol("rate") == "\\mathit{rate}");
}

TEST_CASE("print_names: functions in LaTeX") {
    CHECK(latex_function_name("f") == "f");
    CHECK(latex_function_name("phi") == "\\phi");
    CHECK(latex_function_name("loss") == "\\operatorname{loss}");
    CHECK(latex_builtin("sin") == "\\sin");
    CHECK(latex_builtin("atan") == "\\arctan");
    CHECK(latex_builtin("log10") == "\\log_{10}");
    CHECK(latex_builtin("sigmoid") == "\\operatorname{sigmoid}");
}

TEST_CASE("print_names: superscript digits") {
    CHECK(superscript("2") == "\u00b2");
    CHECK(superscript("-12") == "\u207b\u00b9\u00b2");
    CHECK(superscript("30") == "\u00b3\u2070");
    CHECK(superscript("").empty());
}
