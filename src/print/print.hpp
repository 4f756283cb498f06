// Printing expressions as text: plain (parses back to the same node), unicode, latex.
// Presentation order (descending degree, constants last) is decided here, not in the DAG.
#pragma once

#include <string>
#include <vector>

#include "expr/expr.hpp"
#include "print/notation.hpp"

namespace dfdx {

struct PrintOptions {
    Format format = Format::Plain;
    /// Variables to present first, in this order (a definition's parameters); the rest
    /// follow alphabetically.
    std::vector<std::string> leading_vars;
};

std::string print(const Expr& e, const PrintOptions& options = {});

/// A symbol or function name in the given format (alpha -> α -> \alpha).
std::string print_name(const std::string& name, Format format);

/// A decimal as format_decimal writes it ("-1.5e-10"), in the given format:
/// plain unchanged, unicode "−1.5×10⁻¹⁰", latex "-1.5 \\times 10^{-10}".
std::string print_decimal(const std::string& text, Format format);

/// Parses a format's name ("plain", "unicode", "latex", "json").
bool parse_format(const std::string& text, Format& out);
const char* format_name(Format f);
/// The formats' names for a message: "plain, unicode, latex or json".
std::string format_choices();

}  // namespace dfdx
