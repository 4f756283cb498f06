// Shared pieces of the chain-rule views (explain, backprop, sensitivity, check): points
// with numeric values, the notation of partials, and text tables. Statements are read
// through resolve.hpp (derivative forms, points, named functions), never here.
#pragma once

#include <string>
#include <vector>

#include "calculus/substitute.hpp"
#include "expr/expr.hpp"
#include "numbers/eval.hpp"
#include "print/notation.hpp"
#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "text/syntax.hpp"

namespace dfdx::chain {

/// The expression of `s` with every definition inlined (as plain evaluation reads it).
Expr resolve_expanded(const Syntax& s, const Environment& env, std::vector<std::string>& notes);

/// An `at` point read as plain evaluation reads one (resolve.hpp's read_point), each
/// value then required to be an exact number or a numeric expression (pi/4): the views
/// compute in doubles. Keeps the order of the assignments.
struct ExactPoint {
    std::vector<std::string> names;
    Bindings values;
    [[nodiscard]] Point numeric() const;
    /// "x=1, y=2" in the session's notation.
    [[nodiscard]] std::string text(Format format) const;
};
ExactPoint read_point(const std::vector<Assignment>& at, const Environment& env,
                      std::vector<std::string>& notes);

/// Throws Error(Type) naming the first free symbol of `e` that `point` does not give,
/// as "COMMAND needs a value for NAME".
void require_values(const Expr& e, const Bindings& point, const std::string& command, Span span);

/// `∂f/∂x`, or `\frac{\partial f}{\partial x}` in LaTeX. An empty f gives `∂/∂x`.
std::string partial(const std::string& f, const std::string& x, Format format);
/// The name of a derivative of any order: `∂f/∂x`, `∂²f/∂x∂y` (unicode), `∂^2f/∂x^2`
/// (plain), `\frac{\partial^{2} f}{\partial x^{2}}` (LaTeX). An empty f leaves it out.
std::string derivative_name(const std::string& f, const std::vector<DiffVar>& vars, Format format);
/// The product sign between chain factors: ` · `, or ` \cdot ` in LaTeX.
std::string dot(Format format);
/// e printed for a step of a derivation: wrapped in brackets when it is a sum or starts
/// with a minus sign, so it can stand as a factor.
std::string factor_text(const Expr& e, Format format);

/// A word in a table or a derivation: as it is, or `\text{word}` in LaTeX.
std::string word(const std::string& text, Format format);

/// e printed, cut to `width` columns (0: not cut; LaTeX is never cut); an expression
/// whose printed tree would be huge is named by its size instead of being printed.
std::string brief(const Expr& e, const PrintOptions& options, std::size_t width);

/// Columns on a terminal: UTF-8 code points, not bytes.
std::size_t display_width(const std::string& s);
/// s cut to at most `width` columns, ending in "..." when cut.
std::string ellipsize(const std::string& s, std::size_t width);

/// A number for a table cell: integers as they are, else four decimals (micrograd's
/// style), or scientific notation for very large or small magnitudes.
std::string compact_number(double v);

/// Rows of cells laid out in aligned columns (two spaces apart, numbers right-aligned),
/// or as a LaTeX tabular.
struct TextTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> right;  ///< per column: right-align (numbers)
    [[nodiscard]] std::vector<std::string> render(Format format) const;
};

}  // namespace dfdx::chain
