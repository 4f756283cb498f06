// expand: distribute products over sums; simplify: pick the shortest equivalent form.
#include "dfdx/simplify.hpp"

#include <unordered_map>

#include "dfdx/construct.hpp"
#include "dfdx/error.hpp"
#include "dfdx/print.hpp"

namespace dfdx {

namespace {

std::vector<Expr> summands(const Expr& e) {
    std::vector<Expr> out;
    if (e.kind() != Kind::Add) {
        out.push_back(e);
        return out;
    }
    if (e->num != 0) out.push_back(num(e->num));
    for (std::size_t i = 0; i < e->args.size(); ++i) out.push_back(mul(num(e->coeffs[i]), e->args[i]));
    return out;
}

// (sum of terms) * factor, multiplied out.
std::vector<Expr> distribute(const std::vector<Expr>& terms, const Expr& factor) {
    std::vector<Expr> parts = summands(factor);
    if (terms.size() * parts.size() > max_expand_terms) {
        throw Error(ErrorCode::Limit, "expansion past the limit of " + std::to_string(max_expand_terms) +
                                          " terms");
    }
    std::vector<Expr> out;
    out.reserve(terms.size() * parts.size());
    for (const Expr& t : terms) {
        for (const Expr& p : parts) out.push_back(mul(t, p));
    }
    // Collect like terms as we go so that powers stay small.
    Expr collected = add(out);
    return summands(collected);
}

class Expander {
public:
    Expr operator()(const Expr& e) {
        auto it = memo_.find(e.get());
        if (it != memo_.end()) return it->second;
        Expr r = compute(e);
        memo_.emplace(e.get(), r);
        keep_.push_back(e);
        return r;
    }

private:
    Expr compute(const Expr& e) {
        std::vector<Expr> args;
        for (const Expr& a : e->args) args.push_back((*this)(a));
        Expr r = e->args.empty() ? e : rebuild(e, args);
        if (r.kind() == Kind::Mul) {
            std::vector<Expr> terms{num(r->num)};
            for (const Expr& f : r->args) terms = distribute(terms, expand_power(f));
            return add(terms);
        }
        if (r.kind() == Kind::Pow) return expand_power(r);
        return r;
    }

    Expr expand_power(const Expr& f) {
        if (f.kind() != Kind::Pow || f->args[0].kind() != Kind::Add || !is_number(f->args[1]) ||
            !is_integer(f->args[1]->num)) {
            return f;
        }
        const Rational& n = f->args[1]->num;
        auto count = to_long(abs(n));
        if (!count || *count > 10000) {
            throw Error(ErrorCode::Limit, "expansion of a power past the limit of exponent 10000");
        }
        std::vector<Expr> terms{num(1)};
        for (long k = 0; k < *count; ++k) terms = distribute(terms, f->args[0]);
        Expr s = add(terms);
        return n < 0 ? pow(s, num(-1)) : s;
    }

    std::unordered_map<const Node*, Expr> memo_;
    std::vector<Expr> keep_;
};

}  // namespace

Expr expand(const Expr& e) {
    Expander x;
    return x(e);
}

Expr simplify(const Expr& e) {
    Expr best = e;
    std::size_t best_len = print(e).size();
    try {
        Expr x = expand(e);
        std::size_t len = print(x).size();
        if (len < best_len) best = x;
    } catch (const Error& err) {
        if (err.code() != ErrorCode::Limit) throw;
    }
    return best;
}

}  // namespace dfdx
