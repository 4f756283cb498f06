// Substitution and inlining: bottom-up rebuilds with a memo over the DAG.
#include "calculus/substitute.hpp"

#include <algorithm>
#include <unordered_set>

#include "calculus/diff.hpp"
#include "expr/construct.hpp"
#include "expr/rewriter.hpp"

namespace dfdx {

std::vector<std::string> FunctionBody::call_params(std::size_t nargs) const {
    if (nargs < params.size()) return {};
    std::vector<std::string> out = params;
    if (nargs == params.size()) return out;
    for (const std::string& name : free_symbols(body)) {
        if (out.size() == nargs) break;
        if (std::find(params.begin(), params.end(), name) == params.end()) out.push_back(name);
    }
    if (out.size() != nargs) return {};
    return out;
}

Expr substitute(const Expr& e, const Bindings& values) {
    if (values.empty()) return e;
    auto leaf = [&values](const Expr& x, auto& self) -> Expr {
        if (x.kind() == Kind::Symbol) {
            auto it = values.find(x->name);
            return it == values.end() ? x : it->second;
        }
        return self.children(x);
    };
    detail::Rewriter<decltype(leaf)> r(leaf);
    return r(e);
}

namespace {

// Names of the unknown-function calls in e.
std::vector<std::string> calls_in(const Expr& e) {
    std::vector<std::string> out;
    std::vector<const Node*> stack{e.get()};
    std::unordered_set<const Node*> seen;
    while (!stack.empty()) {
        const Node* n = stack.back();
        stack.pop_back();
        if (!seen.insert(n).second) continue;
        if ((n->kind == Kind::Apply || n->kind == Kind::Deriv) &&
            std::find(out.begin(), out.end(), n->name) == out.end()) {
            out.push_back(n->name);
        }
        for (const Expr& a : n->args) stack.push_back(a.get());
    }
    return out;
}

// The definitions e reaches through its calls, each after the ones its body calls, found
// without recursion (a chain of 16,000 definitions is 16,000 levels deep; issue 16).
std::vector<std::string> call_order(const Expr& e, const FunctionBodies& bodies) {
    struct Frame {
        std::string name;
        std::vector<std::string> calls;
        std::size_t next = 0;
    };
    std::vector<std::string> order;
    std::map<std::string, bool> state;  // false: in progress, true: done
    std::vector<Frame> path{{"", calls_in(e)}};
    while (!path.empty()) {
        Frame& top = path.back();
        if (top.next == top.calls.size()) {
            if (!top.name.empty()) {
                state[top.name] = true;
                order.push_back(top.name);
            }
            path.pop_back();
            continue;
        }
        const std::string callee = top.calls[top.next++];
        auto it = bodies.find(callee);
        if (it == bodies.end() || state.count(callee)) continue;  // unknown, done, or a cycle
        state[callee] = false;
        path.push_back({callee, calls_in(it->second.body)});
    }
    return order;
}

// e with its calls replaced by the bodies in `inlined` (bodies whose calls are inlined).
Expr inline_with(const Expr& e, const FunctionBodies& bodies,
                 const std::map<std::string, Expr>& inlined) {
    auto leaf = [&](const Expr& x, auto& self) -> Expr {
        Expr y = self.children(x);
        if (y.kind() != Kind::Apply && y.kind() != Kind::Deriv) return y;
        auto it = bodies.find(y->name);
        auto done = inlined.find(y->name);
        if (it == bodies.end() || done == inlined.end()) return y;
        const std::vector<std::string> params = it->second.call_params(y->args.size());
        if (params.empty() && !y->args.empty()) return y;
        Expr body = done->second;
        if (y.kind() == Kind::Deriv) {
            for (std::size_t i = 0; i < y->orders.size(); ++i) {
                body = diff(body, params[i], y->orders[i]);
            }
        }
        Bindings b;
        for (std::size_t i = 0; i < params.size(); ++i) b[params[i]] = y->args[i];
        return substitute(body, b);
    };
    detail::Rewriter<decltype(leaf)> r(leaf);
    return r(e);
}

}  // namespace

Expr inline_calls(const Expr& e, const FunctionBodies& bodies) {
    if (bodies.empty()) return e;
    // Each body reached is inlined once, callees first, so no call recurses.
    std::map<std::string, Expr> inlined;
    for (const std::string& name : call_order(e, bodies)) {
        inlined.emplace(name, inline_with(bodies.at(name).body, bodies, inlined));
    }
    return inline_with(e, bodies, inlined);
}

}  // namespace dfdx
