// Domain checks of the originals of a statement's derivatives at a point: a compiled
// double pass answers quickly; a NaN or infinity there is confirmed exactly.
#include "numbers/domain_guard.hpp"

#include <algorithm>
#include <cmath>

#include <unordered_map>
#include <unordered_set>

#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "numbers/eval.hpp"

namespace dfdx {

namespace {

/// The values of its base that a power with this exponent is undefined at.
enum class Excluded { Nothing, Zero, Negative, NonPositive };

Excluded excluded_by(const Rational& k) {
    if (is_integer(k)) return k >= 0 ? Excluded::Nothing : Excluded::Zero;
    if (k.get_den() % 2 == 0) return k > 0 ? Excluded::Negative : Excluded::NonPositive;
    return k > 0 ? Excluded::Nothing : Excluded::Zero;
}

/// Whether being undefined on `wide` includes being undefined on `narrow`.
bool includes(Excluded wide, Excluded narrow) {
    return narrow == Excluded::Nothing || wide == narrow || wide == Excluded::NonPositive;
}

/// Every distinct node of root's DAG, once (walk_dag, never stopping early).
template <class Visit>
void each_node(const Expr& root, Visit&& visit) {
    walk_dag(root, [&](const Node& n) {
        visit(n);
        return true;
    });
}

/// Whether `value` is undefined wherever one of `originals` is: every node of an original
/// that is undefined somewhere (a power that excludes values of its base, a function with a
/// domain) has a node in `value` undefined on at least the same set (the same node, or a
/// power of the same base: (1+x^2)^-1 in d/dx sin(x)/(1+x^2)). Evaluating the value then
/// fails wherever the guard would, and the guard can be skipped.
bool value_fails_first(const std::vector<Expr>& originals, const Expr& value) {
    std::unordered_set<const Node*> nodes;
    std::unordered_map<const Node*, std::vector<Excluded>> powers;  // base -> exclusions
    each_node(value, [&](const Node& n) {
        nodes.insert(&n);
        if (n.kind == Kind::Pow && is_number(n.args[1]))
            powers[n.args[0].get()].push_back(excluded_by(n.args[1]->num));
    });
    bool covered = true;
    for (const Expr& original : originals) {
        each_node(original, [&](const Node& n) {
            if (!covered || nodes.count(&n)) return;
            switch (n.kind) {
                case Kind::Number:
                case Kind::Symbol:
                case Kind::Constant:
                case Kind::Add:
                case Kind::Mul:
                case Kind::Vector: return;
                case Kind::Func: covered = defined_everywhere(n.id); return;
                case Kind::Apply:
                case Kind::Deriv: covered = false; return;
                case Kind::Pow: break;
            }
            const Expr& base = n.args[0];
            if (!is_number(n.args[1])) {
                covered = is_number(base) && base->num > 0;  // 2^x
                return;
            }
            const Excluded need = excluded_by(n.args[1]->num);
            if (need == Excluded::Nothing) return;
            auto it = powers.find(base.get());
            covered =
                it != powers.end() && std::any_of(it->second.begin(), it->second.end(),
                                                  [&](Excluded e) { return includes(e, need); });
        });
    }
    return covered;
}

}  // namespace

DomainGuard::DomainGuard(std::vector<Expr> originals, const Expr& value)
    : originals_(std::move(originals)) {
    if (value_fails_first(originals_, value)) {
        originals_.clear();
        return;
    }
    std::vector<std::string> vars;
    for (const Expr& e : originals_) {
        for (const std::string& n : free_symbols(e)) {
            if (std::find(vars.begin(), vars.end(), n) == vars.end()) vars.push_back(n);
        }
    }
    try {
        program_ = std::make_shared<const Compiled>(originals_, std::move(vars));
    } catch (const Error&) {
        program_ = nullptr;  // unknown functions, vectors: the exact check alone
    }
}

void DomainGuard::check(const Bindings& point) const {
    if (originals_.empty()) return;
    constexpr std::size_t kSmall = 16;  // nearly every statement: no allocation
    const std::size_t nvars = program_ ? program_->variables().size() : 0;
    const std::size_t nout = program_ ? program_->output_count() : 0;
    if (program_ && nvars <= kSmall && nout <= kSmall) {
        double at[kSmall], out[kSmall];
        std::size_t k = 0;
        for (const std::string& v : program_->variables()) {
            auto it = point.find(v);
            if (it == point.end() || !is_number(it->second)) break;
            at[k++] = it->second->num.get_d();
        }
        if (k == nvars) {
            program_->evaluate(std::span<const double>(at, nvars), std::span<double>(out, nout));
            bool finite = true;
            for (std::size_t j = 0; j < nout; ++j) finite &= std::isfinite(out[j]);
            if (finite) return;
        }
    }
    check_exactly(point);
}

void DomainGuard::check_exactly(const Bindings& point) const {
    for (const Expr& original : originals_) {
        Expr v = substitute(original, point);  // exact: throws where a fold is undefined
        if (!is_constant_value(v)) continue;
        try {
            (void)evaluate(v);
        } catch (const Error& e) {
            const ErrorCode c = e.code();
            if (c == ErrorCode::Domain || c == ErrorCode::DivisionByZero || c == ErrorCode::NotReal)
                throw;
        }
    }
}

}  // namespace dfdx
