// The rule tree of explain: at each node of a built-in expression, the rule that
// differentiates it (sum, product, quotient, power, chain through sin, ...) and its local
// derivatives ∂node/∂child, cut to a readable size.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "expr/construct.hpp"
#include "expr/functions.hpp"
#include "views/explain.hpp"

namespace dfdx {

namespace {

struct Step {
    std::string rule;
    std::vector<Expr> children;
    std::vector<Expr> locals;  ///< one per child
};

class RuleTree {
public:
    explicit RuleTree(const std::string& var) : var_(var) {}

    bool depends(const Expr& e) {
        auto it = depends_.find(e.get());
        if (it != depends_.end()) return it->second;
        bool d = e.kind() == Kind::Symbol ? e->name == var_
                                          : std::any_of(e->args.begin(), e->args.end(),
                                                        [&](const Expr& a) { return depends(a); });
        depends_.emplace(e.get(), d);
        keep_.push_back(e);
        return d;
    }

    const Step& step(const Expr& e) {
        auto it = steps_.find(e.get());
        if (it != steps_.end()) return it->second;
        keep_.push_back(e);
        return steps_.emplace(e.get(), depends(e) ? compute(e) : Step{"constant", {}, {}})
            .first->second;
    }

    // Pre-order rows down to `limit` levels; false when more than `budget` rows.
    bool walk(const Expr& e, std::size_t depth, std::size_t limit,
              std::unordered_set<const Node*>& seen, std::vector<RuleRow>& rows,
              std::size_t budget) {
        if (rows.size() > budget) return false;
        const Step& s = step(e);
        RuleRow row{depth, e, s.rule, s.locals, false, 0};
        if (s.children.empty()) {
            rows.push_back(row);
            return true;
        }
        if (!seen.insert(e.get()).second) {
            row.rule = "shared, as above";
            row.locals.clear();
            rows.push_back(row);
            return true;
        }
        row.cut = depth == limit;
        rows.push_back(row);
        if (row.cut) return true;
        std::size_t shown = std::min(s.children.size(), explain_max_children);
        for (std::size_t i = 0; i < shown; ++i) {
            if (!walk(s.children[i], depth + 1, limit, seen, rows, budget)) return false;
        }
        if (shown < s.children.size())
            rows.push_back({depth + 1, Expr(), "", {}, false, s.children.size() - shown});
        return rows.size() <= budget;
    }

    /// ∂e/∂var assembled from the steps: Σ local_i · ∂child_i/∂var, each node once
    /// (one diff per row would redo the subtrees below it).
    Expr derivative(const Expr& e) {
        auto it = derivs_.find(e.get());
        if (it != derivs_.end()) return it->second;
        keep_.push_back(e);
        Expr d;
        if (!depends(e)) {
            d = num(0);
        } else if (e.kind() == Kind::Symbol) {
            d = num(1);
        } else if (e.kind() == Kind::Vector) {
            std::vector<Expr> elements;
            for (const Expr& a : e->args) elements.push_back(derivative(a));
            d = vector(std::move(elements));
        } else {
            const Step& s = step(e);
            std::vector<Expr> terms;
            for (std::size_t i = 0; i < s.children.size(); ++i)
                terms.push_back(mul(s.locals[i], derivative(s.children[i])));
            d = add(terms);
        }
        return derivs_.emplace(e.get(), d).first->second;
    }

private:
    Step compute(const Expr& e) {
        switch (e.kind()) {
            case Kind::Number:
            case Kind::Constant: return {"constant", {}, {}};
            case Kind::Symbol: return {"variable", {}, {}};
            case Kind::Add: {
                Step s{"sum", {}, {}};
                for (std::size_t i = 0; i < e->args.size(); ++i) {
                    if (depends(e->args[i]))
                        s.children.push_back(e->args[i]), s.locals.push_back(num(e->coeffs[i]));
                }
                return s;
            }
            case Kind::Mul: return product(e);
            case Kind::Pow: return power(e->args[0], e->args[1], e);
            case Kind::Func: {
                const FunctionInfo& info = function_info(e->id);
                Step s{"chain through " + std::string(info.name), {}, {}};
                for (std::size_t i = 0; i < e->args.size(); ++i) {
                    if (depends(e->args[i]))
                        s.children.push_back(e->args[i]),
                            s.locals.push_back(info.partial(e->args, i));
                }
                return s;
            }
            case Kind::Apply:
            case Kind::Deriv: {
                Step s{"chain through " + e->name, {}, {}};
                for (std::size_t i = 0; i < e->args.size(); ++i) {
                    if (!depends(e->args[i])) continue;
                    std::vector<std::uint32_t> orders = e->orders;
                    orders.resize(e->args.size(), 0);
                    ++orders[i];
                    s.children.push_back(e->args[i]);
                    s.locals.push_back(deriv(e->name, e->args, std::move(orders)));
                }
                return s;
            }
            case Kind::Vector: {
                Step s{"each element", {}, {}};
                for (const Expr& a : e->args) {
                    if (depends(a)) s.children.push_back(a), s.locals.push_back(num(1));
                }
                return s;
            }
        }
        return {"constant", {}, {}};
    }

    static bool negative_power(const Expr& factor) {
        Expr x = split_power(factor).second;
        return (x.kind() == Kind::Number && x->num < 0) || (x.kind() == Kind::Mul && x->num < 0);
    }

    // Factors that vary: a quotient when some are divided by, the product rule when
    // several multiply, a constant multiple when one does.
    Step product(const Expr& e) {
        std::vector<Expr> varying, constant{num(e->num)}, over;
        for (const Expr& f : e->args) {
            if (!depends(f))
                constant.push_back(f);
            else if (negative_power(f))
                over.push_back(f);
            else
                varying.push_back(f);
        }
        if (!varying.empty() && !over.empty()) {
            std::vector<Expr> top = constant;
            top.insert(top.end(), varying.begin(), varying.end());
            Expr u = mul(top);
            Expr v = pow(mul(over), num(-1));
            return {"quotient", {u, v}, {pow(v, num(-1)), neg(div(u, pow(v, num(2))))}};
        }
        if (varying.empty()) varying.swap(over);
        if (varying.size() == 1) return {"constant multiple", {varying[0]}, {mul(constant)}};
        Step s{"product", varying, {}};
        for (std::size_t i = 0; i < varying.size(); ++i) {
            std::vector<Expr> others = constant;
            for (std::size_t j = 0; j < varying.size(); ++j) {
                if (j != i) others.push_back(varying[j]);
            }
            s.locals.push_back(mul(others));
        }
        return s;
    }

    Step power(const Expr& base, const Expr& exp, const Expr& whole) {
        bool db = depends(base), dx = depends(exp);
        Expr ln_base = func(function_id("ln"), {base});
        if (db && dx) {
            return {"general power",
                    {base, exp},
                    {mul(exp, pow(base, sub(exp, num(1)))), mul(whole, ln_base)}};
        }
        if (dx) return {"exponential", {exp}, {mul(whole, ln_base)}};
        std::string rule = "power";
        if (is_number(exp) && exp->num == Rational(1, 2)) rule = "square root";
        if (is_number(exp, -1)) rule = "reciprocal";
        return {rule, {base}, {mul(exp, pow(base, sub(exp, num(1))))}};
    }

    const std::string& var_;
    std::unordered_map<const Node*, bool> depends_;
    std::unordered_map<const Node*, Step> steps_;
    std::unordered_map<const Node*, Expr> derivs_;
    std::vector<Expr> keep_;
};

}  // namespace

std::vector<RuleRow> rule_rows(const Expr& e, const std::string& var) {
    RuleTree tree(var);
    std::vector<RuleRow> best;
    // The deepest complete levels that fit: each level deeper, until the rows overflow
    // or nothing is cut any more.
    for (std::size_t limit = 1;; ++limit) {
        std::vector<RuleRow> rows;
        std::unordered_set<const Node*> seen;
        bool fits = tree.walk(e, 0, limit, seen, rows, explain_max_rows);
        if (!fits && !best.empty()) break;
        best = std::move(rows);
        if (!fits) break;
        if (std::none_of(best.begin(), best.end(), [](const RuleRow& r) { return r.cut; })) break;
    }
    for (RuleRow& r : best) {
        if (r.node) r.derivative = tree.derivative(r.node);
    }
    return best;
}

}  // namespace dfdx
