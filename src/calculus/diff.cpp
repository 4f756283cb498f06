// Differentiation over the DAG with a per-call memo keyed by node.
#include "calculus/diff.hpp"

#include <algorithm>
#include <unordered_map>

#include "calculus/diff_closed.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "expr/functions.hpp"

namespace dfdx {

namespace {

class Differentiator {
public:
    explicit Differentiator(const std::string& var) : var_(var) {}

    Expr operator()(const Expr& e) {
        auto it = memo_.find(e.get());
        if (it != memo_.end()) return it->second;
        Expr d = derive(e);
        memo_.emplace(e.get(), d);
        keep_.push_back(e);  // keeps the key node alive while it is in the memo
        return d;
    }

private:
    Expr derive(const Expr& e) {
        switch (e.kind()) {
            case Kind::Number:
            case Kind::Constant: return num(0);
            case Kind::Symbol: return num(e->name == var_ ? 1 : 0);
            case Kind::Add: {
                std::vector<Expr> terms;
                for (std::size_t i = 0; i < e->args.size(); ++i) {
                    Expr d = (*this)(e->args[i]);
                    if (!is_zero(d))
                        terms.push_back(e->coeffs[i] == 1 ? d : mul(num(e->coeffs[i]), d));
                }
                return add(terms);
            }
            case Kind::Mul: return product_rule(e);
            case Kind::Pow: return power_rule(e->args[0], e->args[1]);
            case Kind::Func: {
                const FunctionInfo& info = function_info(e->id);
                std::vector<Expr> terms;
                for (std::size_t i = 0; i < e->args.size(); ++i) {
                    Expr d = (*this)(e->args[i]);
                    if (!is_zero(d)) terms.push_back(mul(info.partial(e->args, i), d));
                }
                return add(terms);
            }
            case Kind::Apply:
            case Kind::Deriv: return abstract_chain(e);
            case Kind::Vector: {
                std::vector<Expr> out;
                for (const Expr& a : e->args) out.push_back((*this)(a));
                return vector(std::move(out));
            }
        }
        return num(0);
    }

    Expr product_rule(const Expr& e) {
        const auto& fs = e->args;
        std::vector<Expr> terms;
        for (std::size_t i = 0; i < fs.size(); ++i) {
            Expr d = (*this)(fs[i]);
            if (is_zero(d)) continue;
            std::vector<Expr> factors{num(e->num), d};
            for (std::size_t j = 0; j < fs.size(); ++j) {
                if (j != i) factors.push_back(fs[j]);
            }
            terms.push_back(mul(factors));
        }
        return add(terms);
    }

    Expr power_rule(const Expr& base, const Expr& exp) {
        Expr db = (*this)(base);
        Expr de = (*this)(exp);
        if (is_zero(de)) {
            if (is_zero(db)) return num(0);
            // d(u^n) = n u^(n-1) u'
            Expr factors[] = {exp, pow(base, sub(exp, num(1))), db};
            return mul(factors);
        }
        Expr whole = pow(base, exp);
        Expr ln_base = func(function_id("ln"), {base});
        if (is_zero(db)) {
            Expr factors[] = {whole, ln_base, de};
            return mul(factors);
        }
        // d(u^v) = u^v (v' ln u + v u'/u)
        Expr inner = add(mul(de, ln_base), mul(exp, div(db, base)));
        return mul(whole, inner);
    }

    Expr abstract_chain(const Expr& e) {
        std::vector<Expr> terms;
        for (std::size_t i = 0; i < e->args.size(); ++i) {
            Expr d = (*this)(e->args[i]);
            if (is_zero(d)) continue;
            std::vector<std::uint32_t> orders = e->orders;
            orders.resize(e->args.size(), 0);
            ++orders[i];
            terms.push_back(mul(deriv(e->name, e->args, std::move(orders)), d));
        }
        return add(terms);
    }

    const std::string& var_;
    std::unordered_map<const Node*, Expr> memo_;
    std::vector<Expr> keep_;
};

}  // namespace

Expr diff(const Expr& e, const std::string& var) {
    Differentiator d(var);
    return d(e);
}

Expr diff(const Expr& e, const std::string& var, unsigned long long n) {
    // Sums of polynomials and of exp, sin, cos of linear arguments: one step at any order
    // (issue 16). The rest is stepped, a cost quadratic in n (docs/performance.md).
    if (n >= 2) {
        if (auto closed = detail::closed_nth_derivative(e, var, n)) return *closed;
    }
    std::unordered_map<const Node*, unsigned long long> seen;  // result -> step
    std::vector<Expr> history;
    const std::uint64_t built_before = nodes_built();
    std::size_t bound = 0;  // the size limit, computed when first needed
    Expr cur = e;
    for (unsigned long long k = 0; k < n; ++k) {
        if (is_zero(cur)) return cur;
        if (history.size() < 64) {
            auto [it, inserted] = seen.emplace(cur.get(), k);
            history.push_back(cur);
            if (!inserted) {
                unsigned long long period = k - it->second;
                return history[it->second + (n - it->second) % period];
            }
        }
        // Past the limit, only orders that the first 64 derivatives settle (0 or a cycle)
        // are answered; the others fail at once instead of after a million steps.
        // The probe stops early when the derivatives grow (x^x doubles each step), as no
        // cycle can follow and 64 steps of doubling never finish.
        if (k >= max_derivative_order ||
            (n > max_derivative_order && (k >= 64 || dag_size(cur) > 4 * dag_size(e) + 64))) {
            throw Error(ErrorCode::Limit, "derivative order past the limit of " +
                                              std::to_string(max_derivative_order));
        }
        cur = diff(cur, var);
        // Sizes are measured only once the steps have built many nodes: most high orders
        // stay small (the 100th derivative of 1/(1 + x^2) has 255 nodes) and cost no walk.
        if (k >= 1 && nodes_built() - built_before > max_derivative_nodes) {
            if (bound == 0) bound = std::max(max_derivative_nodes, 16 * dag_size(e));
            if (std::size_t size = dag_size(cur); size > bound) {
                throw Error(ErrorCode::Limit,
                            "the derivative of order " + std::to_string(k + 1) + " has " +
                                std::to_string(size) + " distinct nodes, past the limit of " +
                                std::to_string(bound) + " for repeated derivatives");
            }
        }
    }
    return cur;
}

Expr DerivativeMemo::diff(const Expr& e, const std::string& var, unsigned long long n) {
    for (const Entry& m : entries_) {
        if (m.e == e && m.n == n && m.var == var) return m.result;
    }
    Expr d = dfdx::diff(e, var, n);
    if (capacity_ == 0) return d;
    if (entries_.size() < capacity_) {
        entries_.push_back({e, var, n, d});
    } else {
        entries_[next_] = {e, var, n, d};
        next_ = (next_ + 1) % capacity_;
    }
    return d;
}

}  // namespace dfdx
