// check d/dx EXPR at x=...: the symbolic derivative at the point against a central finite
// difference, both printed with their relative difference and a verdict.
#include "views/check.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "expr/error.hpp"
#include "numbers/decimal.hpp"
#include "resolve/resolve.hpp"
#include "views/chain.hpp"
#include "views/commands.hpp"

namespace dfdx {

namespace {

double binomial(unsigned long long n, unsigned long long k) {
    double c = 1;
    for (unsigned long long i = 1; i <= k; ++i)
        c = c * static_cast<double>(n - k + i) / static_cast<double>(i);
    return c;
}

// Relative tolerance for the truncation error of a central difference of each order.
double truncation_tolerance(unsigned long long order) {
    static const double tol[] = {1e-12, 1e-6, 1e-5, 1e-4, 1e-3};
    return tol[std::min<unsigned long long>(order, check_max_order)];
}

}  // namespace

namespace {

FiniteDifference difference_with(const Expr& e, const std::vector<DiffVar>& vars, const Point& at,
                                 double shrink) {
    std::map<std::string, unsigned long long> orders;
    FiniteDifference fd;
    for (const DiffVar& v : vars) {
        orders[v.name] += v.order;
        fd.order += v.order;
    }
    if (fd.order > check_max_order) {
        throw Error(ErrorCode::Limit,
                    "check compares derivatives up to order " + std::to_string(check_max_order) +
                        " with finite differences, not " + std::to_string(fd.order));
    }
    const double eps = std::numeric_limits<double>::epsilon();
    struct Axis {
        std::string name;
        unsigned long long n;
        double x, h;
    };
    std::vector<Axis> axes;
    double scale = 1;
    for (const auto& [name, n] : orders) {
        auto it = at.find(name);
        if (it == at.end()) throw Error(ErrorCode::Type, "check needs a value for " + name);
        double x = it->second;
        // A power of two, so x ± h/2 are exact in binary.
        double h =
            std::exp2(std::round(std::log2(std::pow(eps, 1.0 / static_cast<double>(fd.order + 2)) *
                                           std::max(1.0, std::fabs(x)) * shrink)));
        axes.push_back({name, n, x, h});
        fd.steps.emplace_back(name, h);
        scale *= std::pow(h, static_cast<double>(n));
    }
    // Every combination of offsets j_a = 0..n_a, as an odometer.
    std::vector<unsigned long long> j(axes.size(), 0);
    double sum = 0, magnitude = 0;
    for (;;) {
        Point p = at;
        double weight = 1;
        for (std::size_t a = 0; a < axes.size(); ++a) {
            const Axis& ax = axes[a];
            p[ax.name] = ax.x + (static_cast<double>(ax.n) / 2 - static_cast<double>(j[a])) * ax.h;
            weight *= (j[a] % 2 ? -1.0 : 1.0) * binomial(ax.n, j[a]);
        }
        double v = evaluate(e, p);
        sum += weight * v;
        magnitude += std::fabs(weight * v);
        std::size_t a = 0;
        while (a < axes.size() && j[a] == axes[a].n) j[a++] = 0;
        if (a == axes.size()) break;
        ++j[a];
    }
    fd.value = sum / scale;
    fd.rounding = 4 * eps * magnitude / scale;
    return fd;
}

}  // namespace

FiniteDifference central_difference(const Expr& e, const std::vector<DiffVar>& vars,
                                    const Point& at) {
    // Smaller steps until two in a row agree: near the edge of the domain (ln(x) at
    // x=1e-9) the first step is too coarse or leaves the domain altogether.
    std::optional<FiniteDifference> best, last;
    double best_change = std::numeric_limits<double>::infinity();
    std::optional<Error> outside;
    for (double shrink = 1; shrink > 1e-12; shrink /= 8) {
        FiniteDifference fd;
        try {
            fd = difference_with(e, vars, at, shrink);
        } catch (const Error& err) {
            bool undefined = err.code() == ErrorCode::Domain ||
                             err.code() == ErrorCode::DivisionByZero ||
                             err.code() == ErrorCode::NotReal;
            if (!undefined) throw;
            outside = err;
            continue;
        }
        if (last) {
            double change = std::fabs(fd.value - last->value);
            if (change < best_change) best_change = change, best = last;
            double m = std::max(std::fabs(fd.value), std::fabs(last->value));
            // Agreeing within truncation, or apart by no more than rounding noise: the
            // larger step is the less noisy of the two.
            if (change <= truncation_tolerance(fd.order) * m + 10 * (fd.rounding + last->rounding))
                return *last;
        }
        last = fd;
    }
    if (best) return *best;
    if (last) return *last;
    throw Error(outside->code(),
                std::string("the central difference leaves the domain: ") + outside->what());
}

double relative_difference(double a, double b) {
    double m = std::max(std::fabs(a), std::fabs(b));
    return m == 0 ? 0 : std::fabs(a - b) / m;
}

Verdict verdict(double symbolic, const FiniteDifference& fd) {
    double m = std::max(std::fabs(symbolic), std::fabs(fd.value));
    double gap = std::fabs(symbolic - fd.value);
    if (gap <= truncation_tolerance(fd.order) * m) return Verdict::Agree;
    if (gap <= truncation_tolerance(fd.order) * m + 10 * fd.rounding)
        return Verdict::WithinRounding;
    return Verdict::Disagree;
}

namespace {

std::string verdict_text(Verdict v, const FiniteDifference& fd) {
    switch (v) {
        case Verdict::Agree: return "agree";
        case Verdict::WithinRounding:
            return "agree within the rounding error of the difference (about " +
                   format_decimal(10 * fd.rounding, 2) + ")";
        case Verdict::Disagree: return "disagree";
    }
    return "disagree";
}

}  // namespace

std::vector<std::string> run_check(const Statement& st, const ViewContext& view,
                                   std::vector<std::string>& notes) {
    const Environment& env = view.environment();
    const Format f = view.settings.format;
    ResolveContext ctx{env, nullptr, {}, &notes};
    DerivativeForm form = read_derivative_form(*st.expr, ctx, "check");
    Expr e = env.expand(form.operand);
    if (e.kind() == Kind::Vector) {
        throw Error(ErrorCode::Type, "check needs a scalar expression, not a vector",
                    st.expr->span);
    }
    chain::ExactPoint point = chain::read_point(st.at, env, notes);
    chain::require_values(e, point.values, "check", st.expr->span);
    for (const DiffVar& v : form.vars) {
        if (!point.values.count(v.name)) {
            throw Error(
                ErrorCode::Type,
                "check needs a value for " + v.name + " (add " + v.name + "=... after 'at')",
                st.expr->span);
        }
    }
    Expr d = differentiate(e, form.vars, env);
    Expr at = substitute(d, point.values);
    double s = decimal_value(at);  // the exact value rounded once, at any precision
    FiniteDifference fd = central_difference(e, form.vars, point.numeric());

    // The difference is computed in doubles: it has no more digits than a double holds.
    const int digits = std::min(view.settings.precision, 17);
    std::string symbolic = print(d, {f, {}});
    std::string value = view.show(at);
    if (value != symbolic) symbolic += " = " + value;
    std::string steps;
    for (const auto& [name, h] : fd.steps) {
        steps += (steps.empty() ? "" : ", ") +
                 std::string(fd.steps.size() > 1 ? "h_" + name : "h") + " = " +
                 format_decimal(h, 3);
    }
    chain::TextTable table;
    table.header = {"symbolic:", symbolic};
    table.rows = {{"central difference:",
                   format_decimal(fd.value, digits) + (steps.empty() ? "" : " (" + steps + ")")},
                  {"relative difference:", format_decimal(relative_difference(s, fd.value), 2)},
                  {"verdict:", verdict_text(verdict(s, fd), fd)}};
    if (notation(f).typeset()) {  // a list of lines: TeX aligns no columns
        std::vector<std::string> lines{"symbolic: " + symbolic};
        for (const auto& r : table.rows) lines.push_back(r[0] + " " + r[1]);
        return lines;
    }
    return table.render(f);
}

}  // namespace dfdx
