// The Greek alphabet, both cases, by name.
#include "expr/names.hpp"

#include <array>

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
    {U'α', "alpha", "α", "Alpha", "Α"},       {U'β', "beta", "β", "Beta", "Β"},
    {U'γ', "gamma", "γ", "Gamma", "Γ"},       {U'δ', "delta", "δ", "Delta", "Δ"},
    {U'ε', "epsilon", "ε", "Epsilon", "Ε"},   {U'ζ', "zeta", "ζ", "Zeta", "Ζ"},
    {U'η', "eta", "η", "Eta", "Η"},           {U'θ', "theta", "θ", "Theta", "Θ"},
    {U'ι', "iota", "ι", "Iota", "Ι"},         {U'κ', "kappa", "κ", "Kappa", "Κ"},
    {U'λ', "lambda", "λ", "Lambda", "Λ"},     {U'μ', "mu", "μ", "Mu", "Μ"},
    {U'ν', "nu", "ν", "Nu", "Ν"},             {U'ξ', "xi", "ξ", "Xi", "Ξ"},
    {U'ο', "omicron", "ο", "Omicron", "Ο"},   {U'π', "pi", "π", "Pi", "Π"},
    {U'ρ', "rho", "ρ", "Rho", "Ρ"},           {U'σ', "sigma", "σ", "Sigma", "Σ"},
    {U'τ', "tau", "τ", "Tau", "Τ"},           {U'υ', "upsilon", "υ", "Upsilon", "Υ"},
    {U'φ', "phi", "φ", "Phi", "Φ"},           {U'χ', "chi", "χ", "Chi", "Χ"},
    {U'ψ', "psi", "ψ", "Psi", "Ψ"},           {U'ω', "omega", "ω", "Omega", "Ω"},
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

}  // namespace dfdx
