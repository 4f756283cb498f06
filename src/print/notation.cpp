// The four notations (notation.hpp). Plain is the base: unicode and LaTeX override the
// spellings they write differently, and JSON writes its text fields in plain.
#include "print/notation.hpp"

#include "expr/names.hpp"
#include "print/print_names.hpp"

namespace dfdx {

namespace {

using print_detail::latex_builtin;
using print_detail::latex_function_name;
using print_detail::latex_symbol;
using print_detail::superscript;

/// format_decimal's text split into mantissa and exponent, the exponent without its '+'
/// and leading zeros ("1.5e-010" -> "1.5", "-10"); the exponent is empty when there is none.
std::pair<std::string, std::string> split_decimal(const std::string& text) {
    std::string mantissa = text, exponent;
    if (std::size_t e = text.find_first_of("eE"); e != std::string::npos) {
        mantissa = text.substr(0, e);
        exponent = text.substr(e + 1);
        if (!exponent.empty() && exponent[0] == '+') exponent.erase(0, 1);
        std::size_t zeros = !exponent.empty() && exponent[0] == '-' ? 1 : 0;
        while (exponent.size() > zeros + 1 && exponent[zeros] == '0') exponent.erase(zeros, 1);
    }
    return {mantissa, exponent};
}

class PlainNotation : public Notation {
public:
    const char* name() const override { return "plain"; }
    Format style() const override { return Format::Plain; }
};

class UnicodeNotation : public Notation {
public:
    const char* name() const override { return "unicode"; }
    Format style() const override { return Format::Unicode; }
    Format label_style() const override { return Format::Unicode; }
    std::string symbol(std::string_view name) const override {
        std::string_view letter = greek_letter(name);
        return letter.empty() ? std::string(name) : std::string(letter);
    }
    std::string order(unsigned long long n) const override {
        return n == 1 ? std::string() : superscript(std::to_string(n));
    }
    std::string decimal(const std::string& text) const override {
        auto [mantissa, exponent] = split_decimal(text);
        if (!mantissa.empty() && mantissa[0] == '-') mantissa = "−" + mantissa.substr(1);
        return exponent.empty() ? mantissa : mantissa + "×10" + superscript(exponent);
    }
    std::string times() const override { return "·"; }
};

class LatexNotation : public Notation {
public:
    const char* name() const override { return "latex"; }
    Format style() const override { return Format::Latex; }
    bool typeset() const override { return true; }
    std::string symbol(std::string_view name) const override { return latex_symbol(name); }
    // One spelling with the printer: \sin, \arctan, \operatorname{sigmoid}.
    std::string function(std::string_view name) const override { return latex_builtin(name); }
    std::string user_function(std::string_view name) const override {
        return latex_function_name(name);
    }
    std::string paren(const std::string& s) const override { return "\\left(" + s + "\\right)"; }
    std::string list(const std::string& items) const override {
        return "\\left[" + items + "\\right]";
    }
    std::string power(const std::string& base, const std::string& exp) const override {
        return "{" + base + "}^{" + exp + "}";
    }
    std::string order(unsigned long long n) const override {
        return n == 1 ? std::string() : "^{" + std::to_string(n) + "}";
    }
    std::string decimal(const std::string& text) const override {
        auto [mantissa, exponent] = split_decimal(text);
        return exponent.empty() ? mantissa : mantissa + " \\times 10^{" + exponent + "}";
    }
    std::string partial(const std::string& f, const std::string& x) const override {
        return "\\frac{\\partial" + (f.empty() ? "" : " " + f) + "}{\\partial " + x + "}";
    }
    std::string derivative(const std::string& f,
                           const std::vector<std::pair<std::string, unsigned long long>>& vars,
                           unsigned long long total) const override {
        std::string den;
        for (const auto& [x, n] : vars)
            den += (den.empty() ? "" : " ") + ("\\partial " + x + order(n));
        return "\\frac{\\partial" + order(total) + (f.empty() ? "" : " " + f) + "}{" + den + "}";
    }
    std::string chain_times() const override { return " \\cdot "; }
    std::string times() const override { return " \\cdot "; }
    std::string word(const std::string& text) const override { return "\\text{" + text + "}"; }
    std::string placeholder(const std::string& text) const override { return word(text); }
    std::string subscript(const std::string& base, const std::string& index) const override {
        return base + "_{" + index + "}";
    }
    std::string ellipsis() const override { return "\\dots"; }
    std::string marked(const std::string& partial, const std::string& mark) const override {
        return partial + "\\Big|_{" + word(mark) + "}";
    }
    std::string gradient(const std::string& names, const std::string& values) const override {
        return equation("\\nabla_{" + names + "}", list(values));
    }
};

// JSON objects carry plain text ("result", "lines") beside the LaTeX form ("latex"); the
// object itself is built where results are rendered (src/cli/json_output.cpp).
class JsonNotation : public PlainNotation {
public:
    const char* name() const override { return "json"; }
};

}  // namespace

std::string Notation::order(unsigned long long n) const {
    return n == 1 ? std::string() : "^" + std::to_string(n);
}

std::string Notation::partial(const std::string& f, const std::string& x) const {
    return "∂" + f + "/∂" + x;
}

std::string Notation::derivative(
    const std::string& f, const std::vector<std::pair<std::string, unsigned long long>>& vars,
    unsigned long long total) const {
    std::string den;
    for (const auto& [x, n] : vars) den += "∂" + x + order(n);
    return "∂" + order(total) + f + "/" + den;
}

const std::vector<const Notation*>& notations() {
    static const PlainNotation plain;
    static const UnicodeNotation unicode;
    static const LatexNotation latex;
    static const JsonNotation json;
    static const std::vector<const Notation*> all{&plain, &unicode, &latex, &json};
    return all;
}

const Notation& notation(Format format) { return *notations()[static_cast<std::size_t>(format)]; }

}  // namespace dfdx
