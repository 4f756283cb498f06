// Help text: the forms are written here, the commands and functions are read from their
// tables, so help, completion and the parser cannot disagree.
#include "session/help.hpp"

#include <algorithm>

#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "expr/names.hpp"
#include "text/commands.hpp"

namespace dfdx {

namespace {

using K = HelpTopic::Kind;

std::vector<HelpTopic> build_topics() {
    std::vector<HelpTopic> t = {
        {K::Form, "d/dx", "d/dx EXPR, d^2/dx^2 EXPR, d^2/dx dy EXPR, ∂/∂x EXPR",
         "derivative of everything to its right (up to 'at', ';' or a closing bracket)",
         "d/dx x^2 sin(x)"},
        {K::Form, "df/dx", "df/dx, ∂f/∂x, d^2f/dx^2",
         "derivative of a defined function or bound name f", "f(x, y) = x y; ∂f/∂x"},
        {K::Form, "'", "f'(x), f''(2)", "derivative of a one-parameter function, applied",
         "f(x) = x^3; f''(2)"},
        {K::Form, "diff", "diff(EXPR, x), diff(EXPR, x, n), diff(EXPR, x, y)",
         "derivative, function form", "diff(x^2 y^3, x, y)"},
        {K::Form, "grad", "grad(EXPR), grad(f), grad(EXPR, x, y)",
         "gradient: a function's parameters in order, else the free names alphabetically",
         "grad(x^2 + y^2) at x=1, y=2"},
        {K::Form, "hessian", "hessian(EXPR), hessian(f), hessian(EXPR, x, y)",
         "matrix of second derivatives", "hessian(x^2 y)"},
        {K::Form, "jacobian", "jacobian([e1, e2], [x, y])",
         "matrix of first derivatives of a vector", "jacobian([x y, x + y], [x, y])"},
        {K::Form, "taylor", "taylor(EXPR, x, a, n)", "Taylor polynomial of order n about x = a",
         "taylor(exp(x), x, 0, 3)"},
        {K::Form, "simplify", "simplify(EXPR)",
         "the textbook form: shortest of the equal forms (common denominator, factors, identities)",
         "simplify(sin(x)^2 + cos(x)^2)"},
        {K::Form, "expand", "expand(EXPR)", "multiply out products and integer powers of sums",
         "expand((x+1)^3)"},
        {K::Form, "factor", "factor(EXPR)", "numerator and denominator factored over the rationals",
         "factor(x^2 - 1)"},
        {K::Form, "together", "together(EXPR)",
         "over one common denominator, common factors cancelled", "together(1/x + 1/y)"},
        {K::Form, "cancel", "cancel(EXPR)",
         "numerator and denominator expanded, their common factors cancelled",
         "cancel((x^2 - 1)/(x - 1))"},
        {K::Form, "approx", "approx(EXPR)", "a decimal value, even when exact", "approx(1/3)"},
        {K::Form, "at", "EXPR at x=1, y=2", "substitute values; names left free stay symbolic",
         "d/dx x y at x=1"},
    };
    for (const CommandInfo& c : all_commands()) {
        t.push_back({K::Command, std::string(c.word), std::string(c.usage), std::string(c.summary),
                     std::string(c.example)});
    }
    for (const FunctionInfo& f : all_functions()) {
        t.push_back({K::Function, std::string(f.name), std::string(f.usage), std::string(f.summary),
                     std::string(f.example)});
    }
    return t;
}

std::string alias(const std::string& name) {
    static const std::vector<std::pair<std::string, std::string>> aliases = {
        {"∂/∂x", "d/dx"},   {"derivative", "d/dx"}, {"d", "d/dx"}, {"d^2/dx^2", "d/dx"},
        {"∂f/∂x", "df/dx"}, {"prime", "'"},         {"f'", "'"},   {"gradient", "grad"},
    };
    for (const auto& [from, to] : aliases) {
        if (from == name) return to;
    }
    if (const CommandInfo* c = find_command(name)) return std::string(c->word);  // exit: quit
    // d/dy, d/dt: the d/dx topic.
    if (name.size() > 3 && name.rfind("d/d", 0) == 0 && name.find('/', 3) == std::string::npos)
        return "d/dx";
    return name;
}

std::string join_names(K kind) {
    std::string s;
    for (const HelpTopic& t : help_topics()) {
        if (t.kind == kind) s += (s.empty() ? "" : " ") + t.name;
    }
    return s;
}

/// `text` folded into lines of at most `width` columns, each starting with `indent`.
void wrap(const std::string& text, const std::string& indent, std::size_t width,
          std::vector<std::string>& out) {
    std::string line = indent;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(pos, end - pos);
        if (line.size() > indent.size() && line.size() + 1 + word.size() > width) {
            out.push_back(line);
            line = indent;
        }
        line += (line.size() > indent.size() ? " " : "") + word;
        pos = end + 1;
    }
    if (line.size() > indent.size()) out.push_back(line);
}

}  // namespace

const std::vector<HelpTopic>& help_topics() {
    static const std::vector<HelpTopic> topics = build_topics();
    return topics;
}

const HelpTopic* find_help_topic(const std::string& name) {
    std::string n = alias(name);
    for (const HelpTopic& t : help_topics()) {
        if (t.name == n) return &t;
    }
    return nullptr;
}

std::string closest_topic(const std::string& name) {
    std::string best;
    std::size_t limit = name.size() <= 2 ? 0 : name.size() <= 4 ? 1 : 2;
    std::size_t best_d = limit + 1;
    for (const HelpTopic& t : help_topics()) {
        std::size_t d = edit_distance(t.name, name);
        if (d < best_d) best_d = d, best = t.name;
    }
    if (!best.empty()) return best;
    std::vector<std::string> extending;
    for (const HelpTopic& t : help_topics()) {
        if (name.size() >= 2 && t.name.rfind(name, 0) == 0) extending.push_back(t.name);
    }
    return extending.size() == 1 ? extending[0] : std::string();
}

std::vector<std::string> help_lines(const std::string& raw) {
    std::size_t b = raw.find_first_not_of(" \t"), e = raw.find_last_not_of(" \t");
    std::string topic = b == std::string::npos ? std::string() : raw.substr(b, e - b + 1);
    if (topic.empty()) {
        std::vector<std::string> out = {
            "dfdx: symbolic derivatives at the prompt. 'help TOPIC' for one of:"};
        wrap("derivatives: " + join_names(K::Form), "  ", 78, out);
        wrap("commands: " + join_names(K::Command), "  ", 78, out);
        wrap("functions: " + join_names(K::Function), "  ", 78, out);
        out.push_back("Example: d/dx x^2 sin(x)    f(x, y) = x y    grad(f) at x=1, y=2");
        out.push_back(
            "TAB completes names, Up recalls earlier lines, Ctrl-C stops a long computation.");
        return out;
    }
    if (const HelpTopic* t = find_help_topic(topic)) {
        return {"usage: " + t->usage, "  " + t->summary, "example: " + t->example};
    }
    std::string best = closest_topic(topic);
    throw Error(ErrorCode::Parse,
                "no help topic " + topic + (best.empty() ? "" : "; did you mean " + best + "?"));
}

}  // namespace dfdx
