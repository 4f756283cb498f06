// The session's definitions: functions (parameters and body) and bound names (values),
// with the rules that keep them acyclic.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "calculus/substitute.hpp"
#include "expr/expr.hpp"

namespace dfdx {

class Environment {
public:
    [[nodiscard]] const FunctionBodies& functions() const { return functions_; }
    [[nodiscard]] const Bindings& values() const { return values_; }
    [[nodiscard]] bool is_function(const std::string& name) const {
        return functions_.count(name) != 0;
    }
    [[nodiscard]] bool is_value(const std::string& name) const { return values_.count(name) != 0; }
    [[nodiscard]] const FunctionBody* function(const std::string& name) const;
    [[nodiscard]] std::optional<Expr> value(const std::string& name) const;

    /// The definition path by which `body` would make `name` refer to itself
    /// ("p -> q -> p"), if any.
    [[nodiscard]] std::optional<std::string> cycle(const std::string& name, const Expr& body) const;

    /// Defines or replaces a function (a bound name of the same name is removed).
    void define(const std::string& name, FunctionBody f);
    /// Binds or rebinds a name (a function of the same name is removed). `appearance`:
    /// the value's free names in the order its text shows them (grad's default order).
    void bind(const std::string& name, Expr value, std::vector<std::string> appearance = {});
    /// The free names of a bound value in the order of its text; empty when not known.
    [[nodiscard]] const std::vector<std::string>& appearance(const std::string& name) const;
    /// Removes a name; false when it was not defined.
    bool clear(const std::string& name);
    void clear_all();

    /// Changes with every definition, binding or clear, and never repeats (a process-wide
    /// counter), so two environments with the same version hold the same names.
    [[nodiscard]] std::uint64_t version() const { return version_; }

    /// Names in the order they were (re)defined, for vars, funcs and save.
    [[nodiscard]] const std::vector<std::string>& order() const { return order_; }

    /// e with every user function inlined and every bound name replaced by its value,
    /// until nothing changes.
    [[nodiscard]] Expr expand(const Expr& e) const;

private:
    void touch(const std::string& name);

    void changed();
    /// Drops `name`'s calls from the callers index.
    void forget_calls(const std::string& name);
    /// Names of the unknown-function calls in `body`, sorted.
    static std::vector<std::string> callees_of(const Expr& body);

    FunctionBodies functions_;
    Bindings values_;
    /// The calls of each function's body, and its inverse: who calls a name (the cycle
    /// check searches backwards from the name being defined).
    std::unordered_map<std::string, std::vector<std::string>> callees_;
    std::unordered_map<std::string, std::set<std::string>> callers_;
    std::unordered_map<std::string, std::vector<std::string>> appearance_;
    std::vector<std::string> order_;
    std::uint64_t version_ = 0;
};

}  // namespace dfdx
