// Definitions and bound names, cycle detection, and expansion of both into an expression.
#include "dfdx/environment.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace dfdx {

namespace {

// Names of unknown-function calls and symbols in e.
void referenced(const Expr& e, std::set<std::string>& calls, std::set<std::string>& symbols) {
    std::unordered_set<const Node*> seen;
    std::vector<const Node*> stack{e.get()};
    while (!stack.empty()) {
        const Node* n = stack.back();
        stack.pop_back();
        if (!seen.insert(n).second) continue;
        if (n->kind == Kind::Apply || n->kind == Kind::Deriv) calls.insert(n->name);
        if (n->kind == Kind::Symbol) symbols.insert(n->name);
        for (const Expr& a : n->args) stack.push_back(a.get());
    }
}

}  // namespace

const FunctionBody* Environment::function(const std::string& name) const {
    auto it = functions_.find(name);
    return it == functions_.end() ? nullptr : &it->second;
}

std::optional<Expr> Environment::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Environment::cycle(const std::string& name, const Expr& body) const {
    // Depth-first search from the body's calls through the stored bodies back to `name`.
    struct Frame {
        std::string fn;
        std::vector<std::string> callees;
        std::size_t next = 0;
    };
    auto callees_of = [&](const Expr& e) {
        std::set<std::string> calls, symbols;
        referenced(e, calls, symbols);
        std::vector<std::string> out(calls.begin(), calls.end());
        return out;
    };
    std::vector<Frame> path{{name, callees_of(body)}};
    std::set<std::string> done;
    while (!path.empty()) {
        Frame& top = path.back();
        if (top.next == top.callees.size()) {
            done.insert(top.fn);
            path.pop_back();
            continue;
        }
        std::string callee = top.callees[top.next++];
        if (callee == name) {
            std::string text;
            for (const Frame& f : path) text += f.fn + " -> ";
            return text + name;
        }
        const FunctionBody* f = function(callee);
        if (!f || done.count(callee)) continue;
        path.push_back({callee, callees_of(f->body)});
    }
    return std::nullopt;
}

void Environment::touch(const std::string& name) {
    order_.erase(std::remove(order_.begin(), order_.end(), name), order_.end());
    order_.push_back(name);
}

void Environment::changed() {
    static std::uint64_t versions = 0;
    version_ = ++versions;
}

void Environment::define(const std::string& name, FunctionBody f) {
    changed();
    bool known = is_function(name) || is_value(name);
    values_.erase(name);
    functions_[name] = std::move(f);
    // Only a redefinition scans the order: 100,000 new names stay linear.
    if (known) touch(name); else order_.push_back(name);
}

void Environment::bind(const std::string& name, Expr value, std::vector<std::string> appearance) {
    changed();
    bool known = is_function(name) || is_value(name);
    functions_.erase(name);
    values_[name] = std::move(value);
    appearance_[name] = std::move(appearance);
    if (known) touch(name); else order_.push_back(name);
}

const std::vector<std::string>& Environment::appearance(const std::string& name) const {
    static const std::vector<std::string> none;
    auto it = appearance_.find(name);
    return it == appearance_.end() ? none : it->second;
}

bool Environment::clear(const std::string& name) {
    changed();
    appearance_.erase(name);
    bool found = functions_.erase(name) + values_.erase(name) > 0;
    order_.erase(std::remove(order_.begin(), order_.end(), name), order_.end());
    return found;
}

void Environment::clear_all() {
    changed();
    functions_.clear();
    values_.clear();
    appearance_.clear();
    order_.clear();
}

Expr Environment::expand(const Expr& e) const {
    Expr cur = inline_calls(e, functions_);
    // Bound values are stored resolved, but a name bound later may appear in an
    // earlier value; each pass replaces one level, and definitions are acyclic.
    for (std::size_t pass = 0; pass <= values_.size() + 1; ++pass) {
        Expr next = substitute(cur, values_);
        if (next == cur) break;
        cur = inline_calls(next, functions_);
    }
    return cur;
}

}  // namespace dfdx
