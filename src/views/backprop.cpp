// Reverse-mode differentiation over the DAG, and the `backprop EXPR at ...` view: the
// computation graph in evaluation order with values and adjoints, then the gradient.
#include "views/backprop.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>

#include "calculus/diff.hpp"
#include "calculus/substitute.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "print/print.hpp"
#include "views/chain.hpp"
#include "views/commands.hpp"
#include "views/context.hpp"

namespace dfdx {

namespace {

// Inputs before users: an iterative post-order walk, each shared node once.
void topological_order(const Expr& root, Graph& g) {
    struct Frame {
        const Expr* e;
        std::size_t next;
    };
    std::vector<Frame> stack{{&root, 0}};
    while (!stack.empty()) {
        Frame& f = stack.back();
        const Expr& e = *f.e;
        if (f.next < e->args.size()) {
            const Expr& c = e->args[f.next++];
            if (!g.index.count(c.get())) stack.push_back({&c, 0});
            continue;
        }
        GraphNode n{e, {}, 0, 0, false};
        n.inputs.reserve(e->args.size());
        for (const Expr& a : e->args) n.inputs.push_back(g.index.at(a.get()));
        g.index.emplace(e.get(), g.nodes.size());
        g.nodes.push_back(std::move(n));
        stack.pop_back();
    }
}

void check_finite(double v, const char* what) {
    if (!std::isfinite(v))
        throw Error(ErrorCode::Limit, std::string(what) + " is too large for a double");
}

// The forward pass evaluates as evaluate() does, node by node from the graph's values.
double forward_value(const GraphNode& n, const Graph& g, const Point& point) {
    if (n.expr.kind() == Kind::Vector) {
        throw Error(ErrorCode::Type, "backprop needs a scalar expression, not a vector");
    }
    return node_value(n.expr, point, [&](std::size_t i) { return g.nodes[n.inputs[i]].value; });
}

// ∂(u^v)/∂u = v·u^(v-1), written through the forward value so odd roots of negative
// numbers keep their sign.
double power_base_derivative(double u, double v, double value) {
    if (u != 0) return v * value / u;
    if (v > 1 || v == 0) return 0;
    if (v == 1) return 1;
    throw Error(ErrorCode::DivisionByZero, "division by zero (the derivative of a power at 0)");
}

class Reverse {
public:
    explicit Reverse(Graph& g) : g_(g) {}

    void run() {
        g_.nodes.back().adjoint = 1;
        for (std::size_t k = g_.nodes.size(); k-- > 0;) propagate(g_.nodes[k]);
    }

private:
    void add_to(const GraphNode& n, std::size_t i, double local) {
        GraphNode& in = g_.nodes[n.inputs[i]];
        if (!in.active) return;
        check_finite(local, "a local derivative");
        in.adjoint += n.adjoint * local;
    }

    void propagate(const GraphNode& n) {
        const Expr& e = n.expr;
        auto in = [&](std::size_t i) { return g_.nodes[n.inputs[i]].value; };
        auto active = [&](std::size_t i) { return g_.nodes[n.inputs[i]].active; };
        switch (e.kind()) {
            case Kind::Number:
            case Kind::Symbol:
            case Kind::Constant:
            case Kind::Apply:
            case Kind::Deriv:
            case Kind::Vector: return;
            case Kind::Add:
                for (std::size_t i = 0; i < n.inputs.size(); ++i)
                    add_to(n, i, to_double(e->coeffs[i]));
                return;
            case Kind::Mul: {
                // Product of the others from prefix and suffix products: no division by 0.
                std::size_t k = n.inputs.size();
                std::vector<double> suffix(k + 1, 1);
                for (std::size_t i = k; i-- > 0;) suffix[i] = suffix[i + 1] * in(i);
                double prefix = to_double(e->num);
                for (std::size_t i = 0; i < k; ++i) {
                    add_to(n, i, prefix * suffix[i + 1]);
                    prefix *= in(i);
                }
                return;
            }
            case Kind::Pow:
                if (active(0)) add_to(n, 0, power_base_derivative(in(0), in(1), n.value));
                if (active(1)) {
                    // ∂(u^v)/∂v = u^v·ln(u): ln names the point where it is undefined.
                    const double u[1] = {in(0)};
                    add_to(
                        n, 1,
                        n.value * eval_function(function_id("ln"), std::span<const double>(u, 1)));
                }
                return;
            case Kind::Func: func(n); return;
        }
    }

    void func(const GraphNode& n) {
        const Expr& e = n.expr;
        Point at;
        for (std::size_t i = 0; i < n.inputs.size(); ++i)
            at[placeholder(i)] = g_.nodes[n.inputs[i]].value;
        for (std::size_t i = 0; i < n.inputs.size(); ++i) {
            if (g_.nodes[n.inputs[i]].active)
                add_to(n, i, evaluate(local_partial(e->id, i, n.inputs.size()), at));
        }
    }

    static std::string placeholder(std::size_t i) { return "_" + std::to_string(i); }

    // ∂f/∂arg_i of a built-in over placeholder arguments, built once per function.
    const Expr& local_partial(std::uint32_t id, std::size_t i, std::size_t argc) {
        std::uint64_t key = (static_cast<std::uint64_t>(id) << 16) | (i << 8) | argc;
        auto it = partials_.find(key);
        if (it != partials_.end()) return it->second;
        std::vector<Expr> args;
        for (std::size_t j = 0; j < argc; ++j) args.push_back(sym(placeholder(j)));
        return partials_.emplace(key, function_info(id).partial(args, i)).first->second;
    }

    Graph& g_;
    std::unordered_map<std::uint64_t, Expr> partials_;
};

}  // namespace

std::vector<double> Graph::gradient(const std::vector<std::string>& vars) const {
    std::vector<double> out;
    out.reserve(vars.size());
    for (const std::string& v : vars) {
        auto it = index.find(sym(v).get());
        out.push_back(it == index.end() ? 0.0 : nodes[it->second].adjoint);
    }
    return out;
}

Graph backprop(const Expr& e, const Point& point) {
    if (e.kind() == Kind::Vector) {
        throw Error(ErrorCode::Type, "backprop needs a scalar expression, not a vector");
    }
    Graph g;
    topological_order(e, g);
    for (GraphNode& n : g.nodes) {
        n.value = forward_value(n, g, point);
        check_finite(n.value, "a value");
        n.active = n.expr.kind() == Kind::Symbol;
        for (std::size_t i : n.inputs) n.active = n.active || g.nodes[i].active;
    }
    Reverse(g).run();
    return g;
}

namespace {

/// Rows shown before a long graph is elided in the middle.
constexpr std::size_t kMaxRows = 60;
constexpr std::size_t kEdgeRows = 25;

// The operation of each node written over the labels of its inputs.
class GraphText {
public:
    GraphText(const Graph& g, Format f) : g_(g), f_(f), n_(notation(f)), labels_(g.nodes.size()) {
        std::string prefix = node_prefix();
        std::size_t k = 0;
        for (std::size_t i = 0; i < g.nodes.size(); ++i) {
            const Expr& e = g.nodes[i].expr;
            if (e.kind() == Kind::Symbol) {
                labels_[i] = print_name(e->name, f);
            } else if (has_row(i)) {
                std::string n = std::to_string(++k);
                labels_[i] = n_.subscript(prefix, n);
            } else {
                labels_[i] = print(e, {f, {}});
            }
        }
    }

    [[nodiscard]] bool has_row(std::size_t i) const {
        Kind k = g_.nodes[i].expr.kind();
        return k != Kind::Number && k != Kind::Constant;
    }
    [[nodiscard]] const std::string& label(std::size_t i) const { return labels_[i]; }

    [[nodiscard]] std::string operation(std::size_t i) const {
        const GraphNode& n = g_.nodes[i];
        const Expr& e = n.expr;
        switch (e.kind()) {
            case Kind::Number:
            case Kind::Constant:
            case Kind::Symbol: return n_.word("input");
            case Kind::Add: return sum(n);
            case Kind::Mul: {
                std::string s = coefficient(e->num);
                std::vector<std::size_t> order = reading_order(n);
                for (std::size_t k = 0; k < order.size(); ++k)
                    s += (k ? times() : "") + operand(n.inputs[order[k]]);
                return s;
            }
            case Kind::Pow: {
                return n_.power(operand(n.inputs[0]), operand(n.inputs[1]));
            }
            case Kind::Func:
            case Kind::Apply:
            case Kind::Deriv:
            case Kind::Vector: {
                // The printer's spelling of the name: \\sin, \\operatorname{sigmoid}, f.
                std::string name = e.kind() == Kind::Func ? n_.function(function_info(e->id).name)
                                                          : n_.user_function(e->name);
                std::string s;
                for (std::size_t k = 0; k < n.inputs.size(); ++k)
                    s += (k ? ", " : "") + label(n.inputs[k]);
                return name + n_.paren(s);
            }
        }
        return "";
    }

private:
    // Intermediate nodes are v1, v2, ... (a Wengert list), unless a variable is already
    // named like that.
    [[nodiscard]] std::string node_prefix() const {
        for (const char* p : {"v", "u", "t", "n", "node"}) {
            bool clash = false;
            for (const GraphNode& n : g_.nodes) {
                if (n.expr.kind() != Kind::Symbol) continue;
                const std::string& name = n.expr->name;
                clash |= name.size() > std::strlen(p) && name.compare(0, std::strlen(p), p) == 0 &&
                         name.find_first_not_of("0123456789", std::strlen(p)) == std::string::npos;
            }
            if (!clash) return p;
        }
        return "node_";
    }

    // Operands of a sum or product as a reader expects them: named inputs alphabetically,
    // then the numbered nodes in evaluation order (the DAG's own order is structural).
    [[nodiscard]] std::vector<std::size_t> reading_order(const GraphNode& n) const {
        std::vector<std::size_t> order(n.inputs.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        auto key = [&](std::size_t k) {
            const Expr& e = g_.nodes[n.inputs[k]].expr;
            bool named = e.kind() == Kind::Symbol;
            return std::make_tuple(named ? 0 : 1, named ? e->name : std::string(), n.inputs[k]);
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
        return order;
    }

    [[nodiscard]] std::string times() const { return n_.times(); }
    // An input as an operand: negative and fractional numbers in brackets.
    [[nodiscard]] std::string operand(std::size_t i) const {
        const Expr& e = g_.nodes[i].expr;
        bool wrap =
            e.kind() == Kind::Number && (e->num < 0 || !is_integer(e->num)) && !n_.typeset();
        return wrap ? "(" + label(i) + ")" : label(i);
    }
    [[nodiscard]] std::string coefficient(const Rational& c) const {
        if (c == 1) return "";
        if (c == -1) return "-";
        return print(num(c), {f_, {}}) + times();
    }
    [[nodiscard]] std::string sum(const GraphNode& n) const {
        const Expr& e = n.expr;
        std::string s;
        for (std::size_t k : reading_order(n)) {
            const Rational& c = e->coeffs[k];
            std::string term = coefficient(abs(c)) + label(n.inputs[k]);
            if (s.empty())
                s = (c < 0 ? "-" : "") + term;
            else
                s += (c < 0 ? " - " : " + ") + term;
        }
        if (e->num != 0) s += (e->num < 0 ? " - " : " + ") + print(num(abs(e->num)), {f_, {}});
        return s;
    }

    const Graph& g_;
    Format f_;
    const Notation& n_;
    std::vector<std::string> labels_;
};

// Rows in evaluation order, the named inputs first (in the gradient's order).
std::vector<std::size_t> row_order(const Graph& g, const GraphText& text,
                                   const std::vector<std::string>& vars) {
    std::vector<std::size_t> rows;
    std::vector<bool> done(g.nodes.size(), false);
    for (const std::string& v : vars) {
        auto it = g.index.find(sym(v).get());
        if (it != g.index.end() && !done[it->second])
            rows.push_back(it->second), done[it->second] = true;
    }
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        if (g.nodes[i].expr.kind() == Kind::Symbol && !done[i]) rows.push_back(i), done[i] = true;
    }
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        if (text.has_row(i) && !done[i]) rows.push_back(i);
    }
    return rows;
}

std::vector<std::string> graph_lines(const Graph& g, Format f,
                                     const std::vector<std::string>& vars) {
    GraphText text(g, f);
    const Notation& n = notation(f);
    chain::TextTable table;
    table.header = {chain::word("node", f), chain::word("operation", f), chain::word("value", f),
                    n.partial(n.word("out"), n.word("node"))};
    table.right = {false, false, true, true};
    std::vector<std::size_t> shown = row_order(g, text, vars);
    for (std::size_t r = 0; r < shown.size(); ++r) {
        if (shown.size() > kMaxRows && r == kEdgeRows) {
            std::size_t skipped = shown.size() - 2 * kEdgeRows;
            table.rows.push_back(
                {n.ellipsis(), chain::word(std::to_string(skipped) + " more nodes", f), "", ""});
            r = shown.size() - kEdgeRows - 1;
            continue;
        }
        std::size_t i = shown[r];
        std::string op = text.operation(i);
        if (!n.typeset()) op = chain::ellipsize(op, 48);
        table.rows.push_back({text.label(i), op, chain::compact_number(g.nodes[i].value),
                              chain::compact_number(g.nodes[i].adjoint)});
    }
    return table.render(f);
}

std::string names_text(const std::vector<std::string>& vars, Format f) {
    std::string s;
    for (std::size_t i = 0; i < vars.size(); ++i) {
        if (vars.size() > 8 && i == 3) {
            s += ", ...";
            i = vars.size() - 2;
            continue;
        }
        s += (i ? ", " : "") + print_name(vars[i], f);
    }
    return s;
}

}  // namespace

std::vector<std::string> run_backprop(const Statement& st, const ViewContext& view,
                                      std::vector<std::string>& notes) {
    const Environment& env = view.environment();
    const Format f = view.settings.format;
    Expr e;
    std::vector<std::string> vars;
    if (auto fn = function_of(*st.expr, env)) {
        e = fn->body;
        vars = fn->params;
    } else {
        e = chain::resolve_expanded(*st.expr, env, notes);
        vars = free_symbols(e);
    }
    if (e.kind() == Kind::Vector) {
        throw Error(ErrorCode::Type, "backprop needs a scalar expression, not a vector",
                    st.expr->span);
    }
    chain::ExactPoint point = chain::read_point(st.at, env, notes);
    chain::require_values(e, point.values, "backprop", st.expr->span);
    Graph g = backprop(e, point.numeric());
    std::vector<std::string> lines = graph_lines(g, f, vars);
    // The graph's rows show doubles; the value and the gradient are the exact values at
    // the point, as decimals with the digits `approx` gives them.
    std::string value = view.show(substitute(e, point.values), true);
    std::string grad;
    for (const std::string& v : vars) {
        grad += (grad.empty() ? "" : ", ") + view.show(substitute(diff(e, v), point.values), true);
    }
    const Notation& n = notation(f);
    lines.push_back(n.equation(n.word("value"), value));
    lines.push_back(n.gradient(names_text(vars, f), grad));
    return lines;
}

}  // namespace dfdx
