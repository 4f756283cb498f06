// sensitivity f at w=-2, x=5, b=3 [by h]: the chapter's table of the base point and each
// variable nudged, the new value, the change, and the partial derivative beside it.
#include <algorithm>
#include <cmath>

#include "calculus/diff.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "views/chain.hpp"
#include "views/commands.hpp"

namespace dfdx {

namespace {

// What is nudged: the expression, its variables in order, and how to name it.
struct Target {
    Expr expr;
    std::vector<std::string> vars;
    std::string function;  ///< the name used in ∂f/∂x; empty for an expression
    std::string header;    ///< the value column's heading
};

Target read_target(const Statement& st, const ViewContext& view, const chain::ExactPoint& point,
                   std::vector<std::string>& notes) {
    const Environment& env = view.environment();
    const Format f = view.settings.format;
    const Syntax& s = *st.expr;
    Target t;
    if (auto fn = function_of(s, env)) {
        t.expr = fn->body;
        t.vars = fn->params;
        t.function = fn->name;
        t.header = print(dfdx::apply(fn->name,
                                     [&] {
                                         std::vector<Expr> ps;
                                         for (const std::string& p : fn->params)
                                             ps.push_back(sym(p));
                                         return ps;
                                     }()),
                         {f, {}});
        // Free names of the body given a value join the parameters (f(h) = h + b).
        for (const std::string& n : point.names) {
            bool param = std::find(t.vars.begin(), t.vars.end(), n) != t.vars.end();
            if (!param && has_symbol(t.expr, n)) t.vars.push_back(n);
        }
    } else {
        ResolveContext ctx{env, nullptr, {}, &notes};
        Expr kept = resolve_keeping_calls(s, ctx);
        t.expr = env.expand(kept);
        t.vars = point.names;
        if (kept.kind() == Kind::Apply && env.is_function(kept->name)) t.function = kept->name;
        t.header = print(kept, {f, {}});
        if (!notation(f).typeset()) t.header = chain::ellipsize(t.header, 32);
    }
    if (t.expr.kind() == Kind::Vector) {
        throw Error(ErrorCode::Type, "sensitivity needs a scalar expression, not a vector", s.span);
    }
    for (const std::string& v : t.vars) {
        if (!point.values.count(v)) {
            throw Error(ErrorCode::Type,
                        "sensitivity needs a value for " + v + " (add " + v + "=... after 'at')",
                        s.span);
        }
    }
    chain::require_values(t.expr, point.values, "sensitivity", s.span);
    return t;
}

Expr read_nudge(const Statement& st, const Environment& env, std::vector<std::string>& notes) {
    if (!st.by) return num(1);
    Expr h = chain::resolve_expanded(*st.by, env, notes);
    if (h.kind() == Kind::Vector || !free_symbols(h).empty()) {
        throw Error(ErrorCode::Type, "the nudge after 'by' must be a number", st.by->span);
    }
    if (evaluate(h) == 0)
        throw Error(ErrorCode::Type, "the nudge after 'by' must not be 0", st.by->span);
    return h;
}

bool same_number(const Expr& a, const Expr& b) {
    if (a == b) return true;
    double x = evaluate(a), y = evaluate(b);
    return std::fabs(x - y) <= 1e-12 * std::max({1.0, std::fabs(x), std::fabs(y)});
}

bool is_undefined_here(const Error& e) {
    return e.code() == ErrorCode::Domain || e.code() == ErrorCode::DivisionByZero ||
           e.code() == ErrorCode::NotReal;
}

}  // namespace

std::vector<std::string> run_sensitivity(const Statement& st, const ViewContext& view,
                                         std::vector<std::string>& notes) {
    const Environment& env = view.environment();
    const Format f = view.settings.format;
    chain::ExactPoint point = chain::read_point(st.at, env, notes);
    Target t = read_target(st, view, point, notes);
    Expr h = read_nudge(st, env, notes);
    const bool unit = is_one(h);
    const Expr base = substitute(t.expr, point.values);

    chain::TextTable table;
    table.header = {""};
    for (const std::string& v : t.vars) table.header.push_back(print_name(v, f));
    table.header.push_back(t.header);
    table.header.push_back(chain::word("change", f));
    if (!unit) table.header.push_back(chain::word("change/h", f));
    table.header.push_back(chain::word("partial derivative", f));
    table.right.assign(table.header.size(), true);
    table.right.front() = false;
    table.right.back() = false;

    std::vector<std::string> row{chain::word("base", f)};
    for (const std::string& v : t.vars) row.push_back(view.show(point.values.at(v)));
    row.push_back(view.show(base));
    table.rows.push_back(row);

    std::vector<std::string> curved, undefined;
    std::string nudge =
        is_number(h) && h->num < 0 ? "-" + print(neg(h), {f, {}}) : "+" + print(h, {f, {}});
    for (const std::string& v : t.vars) {
        Bindings moved = point.values;
        moved[v] = add(moved[v], h);
        row = {print_name(v, f) + nudge};
        for (const std::string& w : t.vars) row.push_back(view.show(moved.at(w)));
        Expr slope = substitute(diff(t.expr, v), point.values);
        try {
            Expr value = substitute(t.expr, moved);
            Expr change = sub(value, base);
            Expr rate = div(change, h);
            row.push_back(view.show(value));
            row.push_back(view.show(change));
            if (!unit) row.push_back(view.show(rate));
            if (!same_number(rate, slope)) curved.push_back(print_name(v, f));
        } catch (const Error& e) {
            if (!is_undefined_here(e)) throw;
            for (int k = unit ? 2 : 3; k > 0; --k) row.push_back(chain::word("undef", f));
            undefined.push_back(print_name(v, f));
        }
        row.push_back(chain::partial(t.function, v, f) + " = " + view.show(slope));
        table.rows.push_back(row);
    }
    std::vector<std::string> lines = table.render(f);
    auto names = [](const std::vector<std::string>& xs) {
        std::string s;
        for (const std::string& x : xs) s += (s.empty() ? "" : ", ") + x;
        return s;
    };
    std::string per = unit ? "change" : "change/h";
    if (curved.empty() && undefined.empty()) {
        lines.push_back("each " + per + " equals its partial derivative: linear along every nudge");
    }
    if (!curved.empty()) {
        lines.push_back("for " + names(curved) + " the " + per +
                        " differs from the partial derivative: the value curves");
    }
    if (!undefined.empty())
        lines.push_back("the value is undefined after nudging " + names(undefined));
    return lines;
}

}  // namespace dfdx
