// Substitution and inlining: bottom-up rebuilds with a memo over the DAG.
#include "dfdx/substitute.hpp"

#include <algorithm>

#include "dfdx/construct.hpp"
#include "dfdx/diff.hpp"
#include "rewriter.hpp"

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

Expr inline_calls(const Expr& e, const FunctionBodies& bodies) {
    if (bodies.empty()) return e;
    auto leaf = [&bodies](const Expr& x, auto& self) -> Expr {
        Expr y = self.children(x);
        if (y.kind() != Kind::Apply && y.kind() != Kind::Deriv) return y;
        auto it = bodies.find(y->name);
        if (it == bodies.end()) return y;
        const FunctionBody& f = it->second;
        const std::vector<std::string> params = f.call_params(y->args.size());
        if (params.empty() && !y->args.empty()) return y;
        // The body may itself call other definitions: inline those first.
        Expr body = inline_calls(f.body, bodies);
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

}  // namespace dfdx
