// Help text: commands and forms written here, functions read from the function table.
#include "dfdx/help.hpp"

#include <algorithm>

#include "dfdx/error.hpp"
#include "dfdx/functions.hpp"

namespace dfdx {

namespace {

std::vector<HelpTopic> build_topics() {
    std::vector<HelpTopic> t = {
        {"d/dx", "d/dx EXPR, d^2/dx^2 EXPR, d^2/dx dy EXPR, ∂/∂x EXPR",
         "derivative of everything to its right (up to 'at', ';' or a closing bracket)", "d/dx x^2 sin(x)"},
        {"df/dx", "df/dx, ∂f/∂x, d^2f/dx^2", "derivative of a defined function or bound name f",
         "f(x, y) = x y; ∂f/∂x"},
        {"'", "f'(x), f''(2)", "derivative of a one-parameter function, applied", "f(x) = x^3; f''(2)"},
        {"diff", "diff(EXPR, x), diff(EXPR, x, n), diff(EXPR, x, y)", "derivative, function form",
         "diff(x^2 y^3, x, y)"},
        {"grad", "grad(EXPR), grad(f), grad(EXPR, x, y)",
         "gradient: a function's parameters in order, else the free names alphabetically",
         "grad(x^2 + y^2) at x=1, y=2"},
        {"hessian", "hessian(EXPR), hessian(f), hessian(EXPR, x, y)", "matrix of second derivatives",
         "hessian(x^2 y)"},
        {"jacobian", "jacobian([e1, e2], [x, y])", "matrix of first derivatives of a vector",
         "jacobian([x y, x + y], [x, y])"},
        {"taylor", "taylor(EXPR, x, a, n)", "Taylor polynomial of order n about x = a",
         "taylor(exp(x), x, 0, 3)"},
        {"simplify", "simplify(EXPR)", "the shortest equivalent form dfdx knows", "simplify((x+1)^2 - x^2)"},
        {"expand", "expand(EXPR)", "multiply out products and integer powers of sums", "expand((x+1)^3)"},
        {"approx", "approx(EXPR)", "a decimal value, even when exact", "approx(1/3)"},
        {"at", "EXPR at x=1, y=2", "substitute values; names left free stay symbolic", "d/dx x y at x=1"},
        {"explain", "explain d/dx EXPR", "the derivation step by step: rule at each node, chain products",
         "explain d/dx sin(x^2)"},
        {"backprop", "backprop EXPR at x=..., ...",
         "computation graph with forward values and adjoints from one reverse pass, then the gradient",
         "backprop (x + y) z at x=1, y=2, z=3"},
        {"sensitivity", "sensitivity f at w=-2, x=5, b=3 [by h]",
         "each variable nudged by one unit (or h): new value, change and partial derivative",
         "f(w, x, b) = wx + b; sensitivity f at w=-2, x=5, b=3"},
        {"check", "check d/dx EXPR at x=...", "symbolic derivative against a central finite difference",
         "check d/dx sin(x) at x=1"},
        {"table", "table EXPR, ... for x in [a, b] step h | with n points [to FILE.csv]",
         "values at evenly spaced points, aligned, or written as CSV", "table sin(x), cos(x) for x in [0, 1] step 0.25"},
        {"plot", "plot EXPR, ... for x in [a, b] [to FILE.svg]", "curves in the terminal (braille) or as SVG",
         "plot sin(x), cos(x) for x in [-pi, pi]"},
        {"vars", "vars", "list the bound names", "a = 3; vars"},
        {"funcs", "funcs", "list the defined functions", "f(x) = x^2; funcs"},
        {"clear", "clear NAME..., clear", "remove definitions (all of them without names)", "clear a"},
        {"set", "set format plain|unicode|latex, set precision N", "change a setting; 'set' shows them",
         "set format unicode"},
        {"save", "save FILE", "write the definitions and settings as a dfdx script", "save session.dfdx"},
        {"load", "load FILE", "run a dfdx script", "load session.dfdx"},
        {"quit", "quit, exit, Ctrl-D", "leave dfdx", "quit"},
    };
    for (const FunctionInfo& f : all_functions()) {
        t.push_back({std::string(f.name), std::string(f.usage), std::string(f.summary), std::string(f.example)});
    }
    return t;
}

std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

const std::vector<HelpTopic>& help_topics() {
    static const std::vector<HelpTopic> topics = build_topics();
    return topics;
}

std::vector<std::string> help_lines(const std::string& raw) {
    std::string topic = raw;
    while (!topic.empty() && topic.back() == ' ') topic.pop_back();
    const auto& topics = help_topics();
    if (topic.empty()) {
        std::vector<std::string> out = {"dfdx: symbolic derivatives at the prompt. 'help TOPIC' for one of:"};
        std::string line = " ";
        for (const HelpTopic& t : topics) {
            if (line.size() + t.name.size() + 1 > 78) {
                out.push_back(line);
                line = " ";
            }
            line += " " + t.name;
        }
        out.push_back(line);
        out.push_back("Example: d/dx x^2 sin(x)    f(x, y) = x y    grad(f) at x=1, y=2");
        return out;
    }
    if (topic == "∂/∂x" || topic == "d/dy" || topic == "derivative") topic = "d/dx";
    for (const HelpTopic& t : topics) {
        if (t.name == topic) {
            return {"usage: " + t.usage, "  " + t.summary, "example: " + t.example};
        }
    }
    std::string best;
    std::size_t best_d = 3;
    for (const HelpTopic& t : topics) {
        std::size_t d = distance(t.name, topic);
        if (d < best_d) best_d = d, best = t.name;
    }
    throw Error(ErrorCode::Parse, "no help topic " + topic + (best.empty() ? "" : "; did you mean " + best + "?"));
}

}  // namespace dfdx
