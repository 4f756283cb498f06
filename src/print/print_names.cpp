// Names, built-in operators and decimals as the unicode and latex printers spell them.
// LaTeX output keeps to commands that both pdflatex (with amsmath) and KaTeX know.
#include "print/print_names.hpp"

#include "expr/functions.hpp"

#include <algorithm>
#include <array>

#include "expr/names.hpp"

namespace dfdx::print_detail {

namespace {

const char* const kSuperscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Greek names whose capital is a TeX command; the other capitals look like Latin
/// letters and TeX has no command for them (\Alpha is KaTeX only).
bool tex_has_capital(std::string_view name) {
    static constexpr std::array<std::string_view, 11> kCapitals = {
        "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"};
    return std::find(kCapitals.begin(), kCapitals.end(), name) != kCapitals.end();
}

/// A Greek name in TeX, or empty when `name` is not one.
std::string latex_greek(std::string_view name) {
    std::string_view letter = greek_letter(name);
    if (letter.empty()) return {};
    if (name == "omicron") return "o";
    bool capital = name[0] >= 'A' && name[0] <= 'Z';
    if (!capital || tex_has_capital(name)) return "\\" + std::string(name);
    // The Latin twin of the capital: Alpha -> A, Beta -> B, Eta -> H, Chi -> X, ...
    static constexpr std::array<std::pair<std::string_view, char>, 13> kTwins = {{
        {"Alpha", 'A'},
        {"Beta", 'B'},
        {"Epsilon", 'E'},
        {"Zeta", 'Z'},
        {"Eta", 'H'},
        {"Iota", 'I'},
        {"Kappa", 'K'},
        {"Mu", 'M'},
        {"Nu", 'N'},
        {"Omicron", 'O'},
        {"Rho", 'P'},
        {"Tau", 'T'},
        {"Chi", 'X'},
    }};
    for (const auto& [n, c] : kTwins) {
        if (n == name) return std::string("\\mathrm{") + c + "}";
    }
    return "\\" + std::string(name);
}

std::string escape_underscores(std::string_view name) {
    std::string out;
    for (char c : name) out += c == '_' ? std::string("\\_") : std::string(1, c);
    return out;
}

/// A name with no subscript part: a letter, a Greek letter, or an italic word.
std::string latex_word(std::string_view name) {
    if (std::string g = latex_greek(name); !g.empty()) return g;
    if (name.size() == 1) return std::string(name);
    return "\\mathit{" + escape_underscores(name) + "}";
}

}  // namespace

std::string latex_symbol(std::string_view name) {
    if (std::string g = latex_greek(name); !g.empty()) return g;
    // x_1, alpha_max: one underscore between two non-empty parts makes a subscript.
    std::size_t us = name.find('_');
    if (us != std::string_view::npos) {
        std::string_view head = name.substr(0, us), tail = name.substr(us + 1);
        if (!head.empty() && !tail.empty() && tail.find('_') == std::string_view::npos) {
            std::string sub = latex_greek(tail);
            if (sub.empty())
                sub = tail.size() == 1 || std::all_of(tail.begin(), tail.end(), is_digit)
                          ? std::string(tail)
                          : "\\mathrm{" + std::string(tail) + "}";
            return latex_word(head) + "_{" + sub + "}";
        }
        return "\\mathit{" + escape_underscores(name) + "}";
    }
    // x1, alpha12: trailing digits make a subscript.
    std::size_t end = name.size();
    while (end > 0 && is_digit(name[end - 1])) --end;
    if (end > 0 && end < name.size()) {
        return latex_word(name.substr(0, end)) + "_{" + std::string(name.substr(end)) + "}";
    }
    return latex_word(name);
}

std::string latex_function_name(std::string_view name) {
    if (std::string g = latex_greek(name); !g.empty()) return g;
    if (name.size() == 1) return std::string(name);
    return "\\operatorname{" + escape_underscores(name) + "}";
}

std::string latex_builtin(std::string_view name) {
    if (auto id = find_function(name); id && !function_info(*id).latex.empty()) {
        return std::string(function_info(*id).latex);
    }
    return "\\operatorname{" + escape_underscores(name) + "}";
}

std::string superscript(std::string_view digits) {
    std::string out;
    for (char ch : digits) {
        if (ch == '-')
            out += "⁻";
        else if (is_digit(ch))
            out += kSuperscripts[ch - '0'];
    }
    return out;
}

}  // namespace dfdx::print_detail
