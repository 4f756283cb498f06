// The standard workloads of the benchmarks: texts built in code, derivative jobs, points.
#include "workloads.hpp"

#include <stdexcept>

#include "calculus/diff.hpp"
#include "expr/construct.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "text/parser.hpp"

namespace dfdx::bench {

namespace {

std::string join_terms(const std::vector<std::string>& terms) {
    std::string s;
    for (std::size_t i = 0; i < terms.size(); ++i) s += (i ? " + " : "") + terms[i];
    return s;
}

Expr first(const Expr& f) { return diff(f, "x"); }

// Every partial derivative of f, in the order of vars.
Expr gradient(const Expr& f, const std::vector<std::string>& vars) {
    std::vector<Expr> out;
    for (const std::string& v : vars) out.push_back(diff(f, v));
    return vector(std::move(out));
}

// One row of partials per component of the vector f.
Expr jacobian(const Expr& f, const std::vector<std::string>& vars) {
    std::vector<Expr> rows;
    for (const Expr& component : f->args) rows.push_back(gradient(component, vars));
    return vector(std::move(rows));
}

std::vector<std::string> numbered(const std::string& stem, int n) {
    std::vector<std::string> out;
    for (int i = 1; i <= n; ++i) out.push_back(stem + std::to_string(i));
    return out;
}

std::string list(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
    return s;
}

const std::string kRational = "sin(x)*exp(x)/(1 + x^2)";
const std::string kGriewankWalther = "(sin(x1/x2) + x1/x2 - exp(x2))*(x1/x2 - exp(x2))";
const std::string kLighthouse =
    "[nu*tan(omega*t)/(gamma - tan(omega*t)), gamma*nu*tan(omega*t)/(gamma - tan(omega*t))]";
const std::vector<std::string> kLighthouseVars = {"nu", "gamma", "omega", "t"};

std::vector<Workload> make_workloads() {
    const auto g10 = numbered("x", 10);
    Point g10_point;
    for (int i = 1; i <= 10; ++i) g10_point["x" + std::to_string(i)] = 0.5 * i;
    std::vector<Workload> w;
    w.push_back({"x2sinx", "x^2*sin(x)", "d/dx x^2*sin(x)", first, {{"x", 0.5}}});
    w.push_back(
        {"sum300", sum_sin_exp_text(300), "d/dx " + sum_sin_exp_text(300), first, {{"x", 0.5}}});
    w.push_back({"rational", kRational, "d/dx " + kRational + " at x=0.5", first, {{"x", 0.5}}});
    w.push_back({"s3",
                 "expand((x^y + y^z + z^x)^50)",
                 "d/dx expand((x^y + y^z + z^x)^50)",
                 first,
                 {{"x", 0.5}, {"y", 0.75}, {"z", 0.25}}});
    w.push_back({"sin4_d10",
                 "sin(sin(sin(sin(x))))",
                 "diff(sin(sin(sin(sin(x)))), x, 10)",
                 [](const Expr& f) { return diff(f, "x", 10); },
                 {{"x", 0.5}}});
    w.push_back(
        {"mathjs_d1", mathjs_text(), "d/dx " + mathjs_text(), first, {{"x", 0.5}, {"y", 0.75}}});
    w.push_back({"mathjs_d2",
                 mathjs_text(),
                 "d^2/dx^2 " + mathjs_text(),
                 [](const Expr& f) { return diff(f, "x", 2); },
                 {{"x", 0.5}, {"y", 0.75}}});
    w.push_back({"griewank_walther_grad",
                 kGriewankWalther,
                 "grad(" + kGriewankWalther + ")",
                 [](const Expr& f) {
                     return gradient(f, {"x1", "x2"});
                 },
                 {{"x1", 1.5}, {"x2", 0.5}}});
    w.push_back({"griewank10_grad", griewank_function_text(10),
                 "grad(" + griewank_function_text(10) + ")",
                 [g10](const Expr& f) { return gradient(f, g10); }, g10_point});
    w.push_back({"lighthouse_jacobian",
                 kLighthouse,
                 "jacobian(" + kLighthouse + ", [" + list(kLighthouseVars) + "])",
                 [](const Expr& f) { return jacobian(f, kLighthouseVars); },
                 {{"nu", 2.0}, {"gamma", 3.0}, {"omega", 0.1}, {"t", 1.0}}});
    w.push_back(
        {"poly1000", polynomial_text(1000), "d/dx " + polynomial_text(1000), first, {{"x", 0.5}}});
    return w;
}

}  // namespace

std::string sum_sin_exp_text(int n) {
    std::vector<std::string> terms;
    for (int k = 1; k <= n; ++k) {
        std::string ks = std::to_string(k);
        terms.push_back("sin(" + ks + "*x)^" + ks + "*exp(x/" + ks + ")");
    }
    return join_terms(terms);
}

std::string mathjs_text() {
    std::vector<std::string> terms;
    for (int i = 1; i <= 5; ++i) {
        for (int j = 1; j <= 5; ++j) {
            terms.push_back("sin(" + std::to_string(i + j) + "*x^" + std::to_string(i) + " + " +
                            std::to_string(i * j) + "*y^" + std::to_string(j) + ")");
        }
    }
    return join_terms(terms);
}

std::string polynomial_text(int n) {
    std::vector<std::string> terms;
    for (int k = 1; k <= n; ++k)
        terms.push_back("x^" + std::to_string(k) + "/" + std::to_string(k));
    return join_terms(terms);
}

std::string griewank_function_text(int n) {
    std::vector<std::string> squares, cosines;
    for (int i = 1; i <= n; ++i) {
        std::string is = std::to_string(i);
        squares.push_back("x" + is + "^2");
        cosines.push_back("cos(x" + is + "/sqrt(" + is + "))");
    }
    std::string product;
    for (std::size_t i = 0; i < cosines.size(); ++i) product += (i ? "*" : "") + cosines[i];
    return "1 + (" + join_terms(squares) + ")/4000 - " + product;
}

const std::vector<Workload>& workloads() {
    static const std::vector<Workload> all = make_workloads();
    return all;
}

const Workload& workload(const std::string& name) {
    for (const Workload& w : workloads()) {
        if (w.name == name) return w;
    }
    throw std::out_of_range("no workload " + name);
}

Expr build(const std::string& text) {
    Environment env;
    std::vector<std::string> notes;
    ResolveContext ctx{env, nullptr, {}, &notes};
    SyntaxPtr s = parse_expression(text);
    return env.expand(resolve(*s, ctx));
}

Expr nested_squares(int n) {
    Expr e = sym("x");
    const Expr two = num(2);
    for (int i = 0; i < n; ++i) e = add(pow(e, two), e);
    return e;
}

double evaluate_all(const Expr& e, const Point& p) {
    if (e.kind() != Kind::Vector) return evaluate(e, p);
    double s = 0;
    for (const Expr& a : e->args) s += evaluate_all(a, p);
    return s;
}

}  // namespace dfdx::bench
