// Structural order and read-only queries over expressions.
#include "expr/expr.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "expr/small_node_map.hpp"

namespace dfdx {

namespace {

template <class T>
int cmp3(const T& a, const T& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

// Full structural comparison; reached only when two different nodes share a hash.
int deep_compare(const Node& a, const Node& b) {
    if (int c = cmp3(a.kind, b.kind)) return c;
    if (int c = cmp3(a.id, b.id)) return c;
    if (int c = a.name.compare(b.name)) return c < 0 ? -1 : 1;
    if (int c = cmp(a.num, b.num)) return c < 0 ? -1 : 1;
    if (int c = cmp3(a.args.size(), b.args.size())) return c;
    for (std::size_t i = 0; i < a.args.size(); ++i) {
        if (int c = compare(a.args[i], b.args[i])) return c;
    }
    if (int c = cmp3(a.coeffs.size(), b.coeffs.size())) return c;
    for (std::size_t i = 0; i < a.coeffs.size(); ++i) {
        if (int c = cmp(a.coeffs[i], b.coeffs[i])) return c < 0 ? -1 : 1;
    }
    return cmp3(a.orders, b.orders);
}

}  // namespace

int compare(const Expr& a, const Expr& b) {
    if (a == b) return 0;
    if (int c = cmp3(a->kind, b->kind)) return c;
    if (int c = cmp3(a->hash, b->hash)) return c;
    return deep_compare(*a, *b);
}

bool is_number(const Expr& e, long value) { return e->kind == Kind::Number && e->num == value; }

bool has_symbol(const Expr& e, const std::string& name) {
    if (!e->has_symbols) return false;
    bool found = false;
    walk_dag(e, [&](const Node& n) {
        found = n.kind == Kind::Symbol && n.name == name;
        return !found;
    });
    return found;
}

bool has_unknown_calls(const Expr& e) { return e->has_calls; }

bool is_constant_value(const Expr& e) { return !e->has_symbols && !e->has_calls; }

std::vector<std::string> free_symbols(const Expr& e) {
    if (!e->has_symbols) return {};
    std::set<std::string> names;
    walk_dag(e, [&](const Node& n) {
        if (n.kind == Kind::Symbol) names.insert(n.name);
        return true;
    });
    return {names.begin(), names.end()};
}

std::optional<std::string> variable_and_function(const Expr& e) {
    if (!e->has_symbols || !e->has_calls) return std::nullopt;
    std::set<std::string> symbols, calls;
    walk_dag(e, [&](const Node& n) {
        if (n.kind == Kind::Symbol) symbols.insert(n.name);
        if (n.kind == Kind::Apply) calls.insert(n.name);
        return true;
    });
    for (const std::string& c : calls) {
        if (symbols.count(c)) return c;
    }
    return std::nullopt;
}

Expr unknown_call_at_point(const Expr& e) {
    if (!e->has_calls) return {};
    Expr found;
    walk_dag(e, [&](const Node& n) {
        if (n.kind != Kind::Apply && n.kind != Kind::Deriv) return true;
        for (const Expr& a : n.args) {
            if (!is_constant_value(a)) return true;
        }
        found = Expr(&n);
        return false;
    });
    return found;
}

std::size_t dag_size(const Expr& e) {
    std::size_t count = 0;
    walk_dag(e, [&](const Node&) { return ++count != 0; });
    return count;
}

}  // namespace dfdx
