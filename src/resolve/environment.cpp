// Definitions and bound names, cycle detection, and expansion of both into an expression.
#include "resolve/environment.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace dfdx {

namespace {

// Names of unknown-function calls and symbols in e.
void referenced(const Expr& e, std::set<std::string>& calls, std::set<std::string>& symbols) {
    walk_dag(e, [&](const Node& n) {
        if (n.kind == Kind::Apply || n.kind == Kind::Deriv) calls.insert(n.name);
        if (n.kind == Kind::Symbol) symbols.insert(n.name);
        return true;
    });
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

std::vector<std::string> Environment::callees_of(const Expr& body) {
    std::set<std::string> calls, symbols;
    referenced(body, calls, symbols);
    return {calls.begin(), calls.end()};
}

std::optional<std::string> Environment::cycle(const std::string& name, const Expr& body) const {
    // A new body can only close a cycle through `name` itself: one of its callees must
    // already reach `name`. Search backwards from `name` through the callers index, so
    // the cost is the number of functions that call `name`, not the number reachable
    // from the body (a chain of N definitions stays linear; issue 16).
    std::vector<std::string> callees = callees_of(body);
    if (std::binary_search(callees.begin(), callees.end(), name)) return name + " -> " + name;
    std::unordered_map<std::string, std::string> toward;  // caller -> its callee nearer `name`
    std::vector<std::string> queue{name};
    for (std::size_t i = 0; i < queue.size(); ++i) {
        auto it = callers_.find(queue[i]);
        if (it == callers_.end()) continue;
        for (const std::string& caller : it->second) {
            if (caller == name || !toward.emplace(caller, queue[i]).second) continue;
            queue.push_back(caller);
        }
    }
    for (const std::string& c : callees) {
        if (!toward.count(c)) continue;
        std::string text = name;
        for (std::string at = c; at != name; at = toward.at(at)) text += " -> " + at;
        return text + " -> " + name;
    }
    return std::nullopt;
}

void Environment::forget_calls(const std::string& name) {
    auto it = callees_.find(name);
    if (it == callees_.end()) return;
    for (const std::string& c : it->second) {
        auto callers = callers_.find(c);
        if (callers == callers_.end()) continue;
        callers->second.erase(name);
        if (callers->second.empty()) callers_.erase(callers);
    }
    callees_.erase(it);
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
    forget_calls(name);
    std::vector<std::string> calls = callees_of(f.body);
    for (const std::string& c : calls) callers_[c].insert(name);
    callees_[name] = std::move(calls);
    functions_[name] = std::move(f);
    // Only a redefinition scans the order: 100,000 new names stay linear.
    if (known)
        touch(name);
    else
        order_.push_back(name);
}

void Environment::bind(const std::string& name, Expr value, std::vector<std::string> appearance) {
    changed();
    bool known = is_function(name) || is_value(name);
    functions_.erase(name);
    forget_calls(name);
    values_[name] = std::move(value);
    appearance_[name] = std::move(appearance);
    if (known)
        touch(name);
    else
        order_.push_back(name);
}

const std::vector<std::string>& Environment::appearance(const std::string& name) const {
    static const std::vector<std::string> none;
    auto it = appearance_.find(name);
    return it == appearance_.end() ? none : it->second;
}

bool Environment::clear(const std::string& name) {
    changed();
    appearance_.erase(name);
    forget_calls(name);
    bool found = functions_.erase(name) + values_.erase(name) > 0;
    order_.erase(std::remove(order_.begin(), order_.end(), name), order_.end());
    return found;
}

void Environment::clear_all() {
    changed();
    functions_.clear();
    callees_.clear();
    callers_.clear();
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
