// The canonical forms' invariants (canonical.hpp), read off the constructors of
// construct.cpp: each rule is a case a constructor folds, sorts or collects.
#include "expr/canonical.hpp"

#include <algorithm>
#include <vector>

#include "expr/construct.hpp"
#include "expr/functions.hpp"

namespace dfdx {

namespace {

bool fail(std::string* why, const std::string& rule) {
    if (why) *why = rule;
    return false;
}

const Expr& base_of(const Expr& f) { return f.kind() == Kind::Pow ? f->args[0] : f; }

bool is_exp(const Expr& x);

/// The base under which mul collects a factor: x for x^k, and exp(u) for exp(c*u).
Expr merge_base(const Expr& f) {
    if (f.kind() == Kind::Pow) return f->args[0];
    if (is_exp(f) && f->args[0].kind() == Kind::Mul) {
        auto [c, u] = split_coefficient(f->args[0]);
        if (c != 1) return func(f->id, {u});
    }
    return f;
}

bool is_e(const Expr& x) {
    return x.kind() == Kind::Constant && x->id == static_cast<std::uint32_t>(ConstantId::E);
}

bool is_exp(const Expr& x) {
    static const std::uint32_t exp = function_id("exp");
    return x.kind() == Kind::Func && x->id == exp;
}

/// True when `t` is a term of the long sum `s` at any of its layers (the nested sums
/// are sorted like any sum, so one binary search a layer).
bool has_term(const Expr& s, const Expr& t) {
    const auto less = [](const Expr& a, const Expr& b) { return compare(a, b) < 0; };
    for (const Node* layer = s.get(); layer;) {
        if (std::binary_search(layer->args.begin(), layer->args.end(), t, less)) return true;
        const Node* inner = nullptr;
        for (const Expr& a : layer->args) {
            if (a.kind() == Kind::Add) inner = a.get();
        }
        layer = inner;
    }
    return false;
}

bool no_payload(const Node& n) { return n.args.empty() && n.coeffs.empty() && n.orders.empty(); }

bool add_canonical(const Node& n, std::string* why) {
    if (n.coeffs.size() != n.args.size()) return fail(why, "a sum has one coefficient per term");
    if (n.args.empty()) return fail(why, "a sum of no terms is its constant");
    if (n.num == 0 && n.args.size() == 1) return fail(why, "a sum of one term is that term scaled");
    const Expr* nested = nullptr;
    for (std::size_t i = 0; i < n.args.size(); ++i) {
        const Expr& t = n.args[i];
        if (n.coeffs[i] == 0) return fail(why, "a sum keeps no term with coefficient 0");
        if (i > 0 && compare(n.args[i - 1], t) >= 0) {
            return fail(why, "a sum's terms are sorted and like terms collected");
        }
        switch (t.kind()) {
            case Kind::Number: return fail(why, "a sum's numbers are folded into its constant");
            case Kind::Vector: return fail(why, "a sum of vectors is a vector of sums");
            case Kind::Mul:
                if (t->num != 1) return fail(why, "a sum's term carries no coefficient of its own");
                break;
            case Kind::Add:
                if (nested) return fail(why, "a sum holds at most one nested sum");
                nested = &t;
                break;
            case Kind::Symbol:
            case Kind::Constant:
            case Kind::Pow:
            case Kind::Func:
            case Kind::Apply:
            case Kind::Deriv: break;
        }
    }
    if (!nested) return true;
    // Decision 21: a long sum kept whole, disjoint from the other terms.
    if ((*nested)->args.size() <= long_sum_terms) return fail(why, "only a long sum stays nested");
    for (const Expr& t : n.args) {
        if (&t != nested && has_term(*nested, t)) {
            return fail(why, "a nested sum shares no term with the sum around it");
        }
    }
    return true;
}

bool mul_canonical(const Node& n, std::string* why) {
    if (!n.coeffs.empty() || !n.orders.empty()) return fail(why, "a product has only factors");
    if (n.args.empty()) return fail(why, "a product of no factors is its coefficient");
    if (n.num == 0) return fail(why, "a product with coefficient 0 is 0");
    if (n.args.size() == 1) {
        if (n.num == 1) return fail(why, "a product of one factor is that factor");
        if (n.args[0].kind() == Kind::Add) return fail(why, "a number times a sum is distributed");
    }
    std::vector<Expr> merged;
    merged.reserve(n.args.size());
    for (std::size_t i = 0; i < n.args.size(); ++i) {
        const Expr& f = n.args[i];
        if (f.kind() == Kind::Number) return fail(why, "a product's numbers are its coefficient");
        if (f.kind() == Kind::Mul) return fail(why, "products are flattened");
        if (f.kind() == Kind::Vector) return fail(why, "a product with a vector is a vector");
        if (i > 0 && compare(base_of(n.args[i - 1]), base_of(f)) > 0) {
            return fail(why, "a product's factors are sorted by base");
        }
        merged.push_back(merge_base(f));
    }
    // Like factors are those mul merges: equal bases, exp(c*u) counting as exp(u)^c. (So
    // exp(2*x)*exp(2*x)^y keeps two factors of one printed base: mul merges neither.)
    std::sort(merged.begin(), merged.end(),
              [](const Expr& a, const Expr& b) { return compare(a, b) < 0; });
    if (std::adjacent_find(merged.begin(), merged.end()) != merged.end()) {
        return fail(why, "a product's like factors are collected");
    }
    return true;
}

bool pow_canonical(const Node& n, std::string* why) {
    if (n.args.size() != 2 || !n.coeffs.empty()) {
        return fail(why, "a power has a base and an exponent");
    }
    const Expr& b = n.args[0];
    const Expr& x = n.args[1];
    if (b.kind() == Kind::Vector || x.kind() == Kind::Vector) {
        return fail(why, "no powers of vectors");
    }
    if (is_e(b)) return fail(why, "e^u is exp(u)");
    if (x.kind() != Kind::Number) {
        if (is_one(b)) return fail(why, "1^u is 1");
        return true;
    }
    const Rational& k = x->num;
    if (k == 0 || k == 1) return fail(why, "u^0 and u^1 are folded");
    switch (b.kind()) {
        case Kind::Number: {
            const Rational& a = b->num;
            if (a == 0 || a == 1) return fail(why, "powers of 0 and 1 are folded");
            if (is_integer(k)) {
                // Left only when the value is past max_number_bits.
                if (a == -1) return fail(why, "powers of -1 are folded");
                return true;
            }
            if (!k.get_den().fits_ulong_p()) return true;
            if (a < 0) return fail(why, "a root of a negative number keeps its sign outside");
            if (k < 0 || k > 1) return fail(why, "a number's root has an exponent in (0, 1)");
            if (exact_root(a, k.get_den().get_ui())) return fail(why, "exact roots are folded");
            return true;
        }
        case Kind::Pow: {
            const Expr& inner = b->args[1];
            if (is_integer(k)) return fail(why, "(u^a)^n is u^(a*n)");
            if (inner.kind() == Kind::Number && inner->num.get_den() % 2 == 0) {
                return fail(why, "(u^(p/2q))^k is u^(p*k/2q)");
            }
            return true;
        }
        case Kind::Mul:
            if (is_integer(k)) return fail(why, "an integer power of a product is distributed");
            if (b->num > 0 && b->num != 1 && k.get_den().fits_ulong_p() &&
                exact_root(b->num, k.get_den().get_ui())) {
                return fail(why, "an exact root of a product's coefficient is taken out");
            }
            return true;
        case Kind::Func:
            if (is_exp(b)) return fail(why, "exp(u)^k is exp(k*u)");
            return true;
        case Kind::Symbol:
        case Kind::Constant:
        case Kind::Add:
        case Kind::Apply:
        case Kind::Deriv:
        case Kind::Vector: return true;
    }
    return true;
}

bool func_canonical(const Node& n, std::string* why) {
    const auto functions = all_functions();
    if (n.id >= functions.size()) return fail(why, "a call names a built-in");
    const FunctionInfo& f = functions[n.id];
    if (!f.partial) return fail(why, std::string(f.name) + " is an alias, never a call");
    const auto count = static_cast<int>(n.args.size());
    if (count < f.min_args || count > f.max_args) {
        return fail(why, std::string(f.name) + " has its arity");
    }
    for (const Expr& a : n.args) {
        if (a.kind() == Kind::Vector) return fail(why, "a built-in of a vector is refused");
    }
    // func() folds before it interns: a call that still folds was not built by it. (The
    // fold of a canonical call builds nothing and throws nothing.)
    try {
        if (fold_function(n.id, n.args)) {
            return fail(why, std::string(f.name) + " at this argument is folded");
        }
    } catch (...) {
        return fail(why, std::string(f.name) + " is undefined at this argument");
    }
    return true;
}

}  // namespace

bool is_canonical(const Node& n, std::string* why) {
    switch (n.kind) {
        case Kind::Number:
            if (!no_payload(n) || !n.name.empty()) return fail(why, "a number is only its value");
            return true;
        case Kind::Symbol:
            if (n.name.empty() || !no_payload(n)) return fail(why, "a symbol is only a name");
            return true;
        case Kind::Constant:
            if (n.id > static_cast<std::uint32_t>(ConstantId::E) || !no_payload(n)) {
                return fail(why, "a constant is pi or e");
            }
            return true;
        case Kind::Add: return add_canonical(n, why);
        case Kind::Mul: return mul_canonical(n, why);
        case Kind::Pow: return pow_canonical(n, why);
        case Kind::Func: return func_canonical(n, why);
        case Kind::Apply:
            if (n.name.empty() || !n.orders.empty()) {
                return fail(why, "a call of an unknown function has a name");
            }
            return true;
        case Kind::Deriv:
            if (n.name.empty() || n.orders.size() != n.args.size()) {
                return fail(why, "a derivative has a name and one order per argument");
            }
            if (std::all_of(n.orders.begin(), n.orders.end(),
                            [](std::uint32_t o) { return o == 0; })) {
                return fail(why, "a derivative of order 0 is the call");
            }
            return true;
        case Kind::Vector: return true;
    }
    return fail(why, "an unknown kind");
}

}  // namespace dfdx
