// Spellings the printer needs beside the expression tree: names, built-in function
// operators and decimals in LaTeX, and Unicode superscript digits.
#pragma once

#include <string>
#include <string_view>

namespace dfdx::print_detail {

/// A variable name in LaTeX: `x`, `\alpha`, `x_{1}`, `\alpha_{2}`, `\mathit{rate}`.
std::string latex_symbol(std::string_view name);

/// An unknown function's name in LaTeX: `f`, `\phi`, `\operatorname{loss}`.
std::string latex_function_name(std::string_view name);

/// A built-in function's operator in LaTeX: `\sin`, `\arctan`, `\log_{10}`,
/// `\operatorname{sigmoid}`. (abs and exp are written as |x| and e^{x} by the printer.)
std::string latex_builtin(std::string_view name);

/// "-12" in Unicode superscript digits: "⁻¹²".
std::string superscript(std::string_view digits);

}  // namespace dfdx::print_detail
