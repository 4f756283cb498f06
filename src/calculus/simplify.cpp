// expand: distribute products over sums (the simplifier is in textbook.cpp).
#include "calculus/simplify.hpp"

#include <unordered_map>

#include "expr/construct.hpp"
#include "expr/error.hpp"

namespace dfdx {

namespace {

std::vector<Expr> summands(const Expr& e) {
    std::vector<Expr> out;
    if (e.kind() != Kind::Add) {
        out.push_back(e);
        return out;
    }
    // The terms with long sums nested in e opened; the constant first.
    Rational constant = for_each_term(
        e, [&](const Expr& rest, const Rational& c) { out.push_back(mul(num(c), rest)); });
    if (constant != 0) out.insert(out.begin(), num(constant));
    return out;
}

// (sum of terms) * factor, multiplied out.
std::vector<Expr> distribute(const std::vector<Expr>& terms, const Expr& factor) {
    std::vector<Expr> parts = summands(factor);
    if (terms.size() * parts.size() > max_expand_terms) {
        throw Error(ErrorCode::Limit,
                    "expansion past the limit of " + std::to_string(max_expand_terms) + " terms");
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
        Expr s = *count == 1
                     ? f->args[0]
                     : multinomial(summands(f->args[0]), static_cast<unsigned long>(*count));
        return n < 0 ? pow(s, num(-1)) : s;
    }

    // (p_1 + ... + p_m)^n by the multinomial theorem: each term n!/(k_1!...k_m!) *
    // p_1^k_1...p_m^k_m is built once, so the work is the size of the answer, and an
    // answer past max_expand_terms terms is refused before any work.
    static Expr multinomial(const std::vector<Expr>& parts, unsigned long n) {
        const std::size_t m = parts.size();
        mpz_class count;
        mpz_bin_uiui(count.get_mpz_t(), n + m - 1, m - 1);
        if (count > max_expand_terms) {
            throw Error(ErrorCode::Limit, "expansion past the limit of " +
                                              std::to_string(max_expand_terms) + " terms");
        }
        std::vector<std::vector<Expr>> powers(m,
                                              std::vector<Expr>{num(1)});  // powers[i][k] = p_i^k
        for (std::size_t i = 0; i < m; ++i) {
            for (unsigned long k = 1; k <= n; ++k)
                powers[i].push_back(pow(parts[i], num(static_cast<long>(k))));
        }
        std::vector<Expr> terms;
        // m <= 633 here, since the count is at least m(m+1)/2 for n >= 2: the recursion is shallow.
        auto choose = [&](auto& self, std::size_t i, unsigned long left, const mpz_class& coef,
                          const Expr& product) -> void {
            if (i + 1 == m) {
                Expr factors[] = {num(Rational(coef)), product, powers[i][left]};
                terms.push_back(mul(factors));
                return;
            }
            for (unsigned long k = 0; k <= left; ++k) {
                mpz_class c;
                mpz_bin_uiui(c.get_mpz_t(), left, k);
                self(self, i + 1, left - k, coef * c, mul(product, powers[i][k]));
            }
        };
        choose(choose, 0, n, mpz_class(1), num(1));
        return add(terms);
    }

    std::unordered_map<const Node*, Expr> memo_;
    std::vector<Expr> keep_;
};

}  // namespace

Expr expand(const Expr& e) {
    Expander x;
    return x(e);
}

}  // namespace dfdx
