// The Greek alphabet, both cases, by name; the edit distance of spellings.
#include "expr/names.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace dfdx {

namespace {

struct Greek {
    char32_t lower;
    std::string_view name;
    std::string_view lower_utf8;
    std::string_view upper_name;
    std::string_view upper_utf8;
};

constexpr std::array<Greek, 24> kGreek = {{
    {U'α', "alpha", "α", "Alpha", "Α"},     {U'β', "beta", "β", "Beta", "Β"},
    {U'γ', "gamma", "γ", "Gamma", "Γ"},     {U'δ', "delta", "δ", "Delta", "Δ"},
    {U'ε', "epsilon", "ε", "Epsilon", "Ε"}, {U'ζ', "zeta", "ζ", "Zeta", "Ζ"},
    {U'η', "eta", "η", "Eta", "Η"},         {U'θ', "theta", "θ", "Theta", "Θ"},
    {U'ι', "iota", "ι", "Iota", "Ι"},       {U'κ', "kappa", "κ", "Kappa", "Κ"},
    {U'λ', "lambda", "λ", "Lambda", "Λ"},   {U'μ', "mu", "μ", "Mu", "Μ"},
    {U'ν', "nu", "ν", "Nu", "Ν"},           {U'ξ', "xi", "ξ", "Xi", "Ξ"},
    {U'ο', "omicron", "ο", "Omicron", "Ο"}, {U'π', "pi", "π", "Pi", "Π"},
    {U'ρ', "rho", "ρ", "Rho", "Ρ"},         {U'σ', "sigma", "σ", "Sigma", "Σ"},
    {U'τ', "tau", "τ", "Tau", "Τ"},         {U'υ', "upsilon", "υ", "Upsilon", "Υ"},
    {U'φ', "phi", "φ", "Phi", "Φ"},         {U'χ', "chi", "χ", "Chi", "Χ"},
    {U'ψ', "psi", "ψ", "Psi", "Ψ"},         {U'ω', "omega", "ω", "Omega", "Ω"},
}};

}  // namespace

std::optional<std::string_view> greek_name(char32_t letter) {
    if (letter < 0x0391 || letter > 0x03C9) return std::nullopt;  // outside Α..ω
    if (letter == U'ς') return "sigma";
    for (const Greek& g : kGreek) {
        if (g.lower == letter) return g.name;
        if (g.lower - 0x20 == letter && letter != 0x03A2) return g.upper_name;
    }
    return std::nullopt;
}

std::string_view greek_letter(std::string_view name) {
    for (const Greek& g : kGreek) {
        if (g.name == name) return g.lower_utf8;
        if (g.upper_name == name) return g.upper_utf8;
    }
    return {};
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
            // Swapped neighbours are one edit: "sni" is one from "sin".
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            }
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) s += sep;
        s += parts[i];
    }
    return s;
}

}  // namespace dfdx
