// Private: a bottom-up rebuild of an expression with a memo over its DAG, each shared
// node once. `leaf(e, self)` gives e's result; `self.children(e)` is e rebuilt from its
// children's results (e itself when none changed). Used by substitute and inline_calls.
#pragma once

#include <utility>
#include <vector>

#include "expr/construct.hpp"
#include "expr/small_node_map.hpp"

namespace dfdx::detail {

template <class Leaf>
class Rewriter {
public:
    explicit Rewriter(Leaf leaf) : leaf_(std::move(leaf)) {}
    Expr operator()(const Expr& e) {
        if (const Expr* done = memo_.find(e.get())) return *done;
        // Keys are nodes of the input, which the caller holds: no address is reused meanwhile.
        Expr r = leaf_(e, *this);
        memo_.insert(e.get(), r);
        return r;
    }
    Expr children(const Expr& e) {
        if (e->args.empty()) return e;
        std::vector<Expr> args;
        args.reserve(e->args.size() + 1);  // rebuild adds a product's coefficient
        bool changed = false;
        for (const Expr& a : e->args) {
            args.push_back((*this)(a));
            changed |= !(args.back() == a);
        }
        return changed ? rebuild(e, std::move(args)) : e;
    }

private:
    Leaf leaf_;
    SmallNodeMap<Expr> memo_;
};

}  // namespace dfdx::detail
