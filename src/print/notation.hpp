// A notation per output format: how each format spells the pieces of a result that are not
// the expression tree itself (partials, products, lists, equations, function names,
// decimals, the arrows and labels of explain, backprop, sensitivity and check). Call sites
// ask the notation instead of testing the format, so a new format is one more notation
// here (and its enum value in print.hpp), not an edit in every view.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dfdx {

/// The output formats, in the order of notations(), which spells each.
enum class Format { Plain, Unicode, Latex, Json };

class Notation {
public:
    virtual ~Notation() = default;

    /// The word of `--format` and `set format`: "plain", "unicode", "latex", "json".
    [[nodiscard]] virtual const char* name() const = 0;
    /// The printer's layout of expressions in this notation: Plain, Unicode or Latex
    /// (JSON's "result" is plain text; its LaTeX form is asked for separately).
    [[nodiscard]] virtual Format style() const = 0;
    /// Typeset by TeX: text is never cut to a width, tables are `tabular`, a derivation is
    /// an `aligned` block, words are `\text{...}`.
    [[nodiscard]] virtual bool typeset() const { return false; }
    /// Labels of plots and tables, which are drawn, not typeset: plain or unicode.
    [[nodiscard]] virtual Format label_style() const { return Format::Plain; }

    /// A variable or constant name: `alpha`, `α`, `\alpha`.
    [[nodiscard]] virtual std::string symbol(std::string_view name) const {
        return std::string(name);
    }
    /// A built-in function's name before its brackets: `sin`, `\sin`, `\operatorname{sigmoid}`.
    [[nodiscard]] virtual std::string function(std::string_view name) const {
        return std::string(name);
    }
    /// A user function's name: `f`, `\operatorname{loss}`.
    [[nodiscard]] virtual std::string user_function(std::string_view name) const {
        return symbol(name);
    }
    /// Round brackets: `(s)`, `\left(s\right)`.
    [[nodiscard]] virtual std::string paren(const std::string& s) const { return "(" + s + ")"; }
    /// A vector or list of items already joined by ", ": `[s]`, `\left[s\right]`.
    [[nodiscard]] virtual std::string list(const std::string& items) const {
        return "[" + items + "]";
    }
    /// An equation: `a = b`.
    [[nodiscard]] virtual std::string equation(const std::string& a, const std::string& b) const {
        return a + " = " + b;
    }
    /// A power of two texts already printed as operands: `b^x`, `{b}^{x}`.
    [[nodiscard]] virtual std::string power(const std::string& base, const std::string& exp) const {
        return base + "^" + exp;
    }
    /// The exponent of a derivative's order: "" for 1, else `^2`, `²`, `^{2}`.
    [[nodiscard]] virtual std::string order(unsigned long long n) const;
    /// A decimal as format_decimal writes it ("-1.5e-10"): `-1.5e-10`, `−1.5×10⁻¹⁰`,
    /// `-1.5 \times 10^{-10}`.
    [[nodiscard]] virtual std::string decimal(const std::string& text) const { return text; }

    /// `∂f/∂x`; an empty f gives `∂/∂x`.
    [[nodiscard]] virtual std::string partial(const std::string& f, const std::string& x) const;
    /// A derivative of any order in several variables: `∂^2f/∂x∂y` (already spelled names).
    [[nodiscard]] virtual std::string derivative(
        const std::string& f, const std::vector<std::pair<std::string, unsigned long long>>& vars,
        unsigned long long total) const;
    /// The product sign between the factors of a chain: ` · `, ` \cdot `.
    [[nodiscard]] virtual std::string chain_times() const { return " · "; }
    /// The product sign between the operands of a backprop operation: `*`, `·`, ` \cdot `.
    [[nodiscard]] virtual std::string times() const { return "*"; }
    /// A word among formulas: `word`, `\text{word}`.
    [[nodiscard]] virtual std::string word(const std::string& text) const { return text; }
    /// Stands for what is too long to print: `(text)`, `\text{text}`.
    [[nodiscard]] virtual std::string placeholder(const std::string& text) const {
        return "(" + text + ")";
    }
    /// A numbered name: `v1`, `v_{1}`.
    [[nodiscard]] virtual std::string subscript(const std::string& base,
                                                const std::string& index) const {
        return base + index;
    }
    /// Rows left out: `...`, `\dots`.
    [[nodiscard]] virtual std::string ellipsis() const { return "..."; }
    /// A partial marked as holding the stages fixed: `∂f/∂x|direct`.
    [[nodiscard]] virtual std::string marked(const std::string& partial,
                                             const std::string& mark) const {
        return partial + "|" + mark;
    }
    /// The gradient line of backprop: `grad(x, y) = [1, 2]`.
    [[nodiscard]] virtual std::string gradient(const std::string& names,
                                               const std::string& values) const {
        return equation("grad" + paren(names), list(values));
    }
};

/// The notation of a format.
const Notation& notation(Format format);

/// Every format's notation, in the order help and errors list them.
const std::vector<const Notation*>& notations();

}  // namespace dfdx
