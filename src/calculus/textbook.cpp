// The textbook simplifier (simplify.hpp): candidate forms of an expression - as given, with
// the identities applied, common factors taken out, over one denominator (factored or
// not), expanded - and the one that prints shortest.
#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "calculus/identities.hpp"
#include "calculus/poly.hpp"
#include "calculus/simplify.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "print/print.hpp"

namespace dfdx {

namespace {

std::size_t ops(const Expr& e);

/// The operations of a product's factor written in a numerator or denominator.
std::size_t factor_ops(const Expr& f, bool& below) {
    auto [b, k] = split_power(f);
    below = is_number(k) && k->num < 0;
    if (!below) return ops(f);
    return k->num == -1 ? ops(b) : ops(pow(b, num(-k->num)));
}

/// The operations of e as SymPy's count_ops counts them in its printed form: each + or -
/// between terms, a leading minus, each * and /, each ^ (a root's fraction a / too), each
/// call; names and integers none.
std::size_t ops(const Expr& e) {
    switch (e.kind()) {
        case Kind::Number: return (e->num < 0 ? 1U : 0U) + (e->num.get_den() != 1 ? 1U : 0U);
        case Kind::Add: {
            std::size_t n = 0, sum = 0, negative = 0;
            Rational c = for_each_term(e, [&](const Expr& t, const Rational& k) {
                ++n;
                negative += k < 0;
                sum += ops(mul(num(abs(k)), t));
            });
            if (c != 0) ++n, negative += c < 0, sum += ops(num(abs(c)));
            return n - 1 + sum + (negative == n ? 1 : 0);
        }
        case Kind::Mul: {
            const Rational& c = e->num;
            std::size_t top = c.get_num() != 1 && c.get_num() != -1, bottom = c.get_den() != 1,
                        sum = c < 0;
            for (const Expr& f : e->args) {
                bool below = false;
                sum += factor_ops(f, below);
                ++(below ? bottom : top);
            }
            return sum + (top > 1 ? top - 1 : 0) + (bottom > 0 ? bottom : 0);
        }
        case Kind::Pow: {
            const Expr& k = e->args[1];
            if (!is_number(k) || k->num > 0) return 1 + ops(e->args[0]) + ops(k);
            return 1 + (k->num == -1 ? ops(e->args[0]) : ops(pow(e->args[0], num(-k->num))));
        }
        default: {
            std::size_t sum = e.kind() == Kind::Vector ? 0 : 1;
            for (const Expr& a : e->args) sum += ops(a);
            return e->args.empty() ? 0 : sum;
        }
    }
}

/// True when e is a product with a sum among its factors, a term of which still has a
/// base of another factor: x*(x*cos(x) + 2*sin(x)) takes x out only partly, and ties with
/// x^2*cos(x) + 2*x*sin(x) (the convention of polynomials written out) on operations.
bool partly_factored(const Expr& e) {
    if (e.kind() != Kind::Mul) return false;
    auto has_base = [&](const Expr& b) {
        for (const Expr& f : e->args) {
            auto [fb, k] = split_power(f);  // a denominator is not taken out of the sum
            if (f.kind() != Kind::Add && fb == b && !(is_number(k) && k->num < 0)) return true;
        }
        return false;
    };
    for (const Expr& s : e->args) {
        if (s.kind() != Kind::Add) continue;
        bool found = false;
        for_each_term(s, [&](const Expr& t, const Rational&) {
            if (t.kind() != Kind::Mul) {
                found = found || has_base(split_power(t).first);
                return;
            }
            for (const Expr& f : t->args) found = found || has_base(split_power(f).first);
        });
        if (found) return true;
    }
    return false;
}

/// The cost of a form (docs/decisions.md): its printed length, then its operations, then
/// the number of bracketed sums that open with a minus (-(cos(x) + sin(x)), not
/// (-cos(x) - sin(x))); ties go to the earlier form.
std::tuple<std::size_t, std::size_t, std::size_t> cost(const Expr& e) {
    std::string text = print(e);
    std::size_t minus = 0;
    for (std::size_t at = text.find("(-"); at != std::string::npos; at = text.find("(-", at + 1))
        ++minus;
    return {text.size(), ops(e) + (partly_factored(e) ? 1 : 0), minus};
}

Expr product(const Factored& f) {
    std::vector<Expr> factors{num(f.content)};
    for (const auto& [p, k] : f.factors) factors.push_back(pow(p, num(k)));
    return mul(factors);
}

/// The factored product, and the same with a negative content moved into one factor of
/// odd power (-(x - 3) as 3 - x).
std::vector<Expr> products(const Factored& f) {
    std::vector<Expr> out{product(f)};
    if (f.content >= 0) return out;
    for (std::size_t i = 0; i < f.factors.size(); ++i) {
        if (f.factors[i].second % 2 == 0 || f.factors[i].first.kind() != Kind::Add) continue;
        Factored g = f;
        g.content = -g.content;
        g.factors[i].first = neg(g.factors[i].first);
        out.push_back(product(g));
    }
    return out;
}

/// The factors common to every term of a sum (bases with numeric exponents, the least
/// power of each, and the coefficients' gcd) taken out: x^2*(3 - x)*exp(-x).
std::vector<Expr> common_factor_forms(const Expr& e) {
    if (e.kind() != Kind::Add) return {};
    std::vector<std::pair<Expr, Rational>> terms;
    Rational c =
        for_each_term(e, [&](const Expr& t, const Rational& k) { terms.emplace_back(t, k); });
    if (c != 0 || terms.size() < 2) return {};
    std::vector<std::pair<Expr, Rational>> common;  // base, least exponent
    auto powers = [](const Expr& t) {
        std::vector<std::pair<Expr, Expr>> out;
        if (t.kind() == Kind::Mul) {
            for (const Expr& f : t->args) out.push_back(split_power(f));
        } else {
            out.push_back(split_power(t));
        }
        return out;
    };
    for (const auto& [b, k] : powers(terms[0].first)) {
        if (is_number(k)) common.emplace_back(b, k->num);
    }
    for (std::size_t i = 1; i < terms.size(); ++i) {
        std::vector<std::pair<Expr, Rational>> kept;
        for (const auto& [b, k] : powers(terms[i].first)) {
            for (const auto& [cb, ck] : common) {
                if (cb == b && is_number(k)) kept.emplace_back(b, ck < k->num ? ck : k->num);
            }
        }
        common = std::move(kept);
    }
    mpz_class g = 0, l = 1;
    for (const auto& [t, k] : terms) {
        mpz_gcd(g.get_mpz_t(), g.get_mpz_t(), k.get_num().get_mpz_t());
        mpz_lcm(l.get_mpz_t(), l.get_mpz_t(), k.get_den().get_mpz_t());
    }
    std::vector<Expr> fs{num(Rational(g, l))};  // g > 0: the terms are not all zero
    for (const auto& [b, k] : common) fs.push_back(pow(b, num(k)));
    Expr out = mul(fs);
    if (is_number(out)) return {};
    std::vector<Expr> inner;  // each term with the common powers' exponents taken off
    Rational content(g, l);
    for (const auto& [t, k] : terms) {
        std::vector<Expr> fs{num(k / content)};
        for (const auto& [b, e] : powers(t)) {
            Expr left = e;
            for (const auto& [cb, ck] : common) {
                if (cb == b) left = num(e->num - ck);
            }
            fs.push_back(pow(b, left));
        }
        inner.push_back(mul(fs));
    }
    Expr sum = add(inner);
    return {mul(out, sum), mul(neg(out), neg(sum))};
}

class Textbook {
public:
    Expr run(const Expr& e) {
        if (e->args.empty()) return e;
        if (auto it = memo_.find(e.get()); it != memo_.end()) return it->second;
        Expr r = e.kind() == Kind::Vector ? rebuild_each(e) : best(e);
        memo_.emplace(e.get(), r);
        keep_.push_back(e);
        return r;
    }

private:
    /// True when the polynomial steps may find something: a sum of three or more terms or
    /// of products with sums, or a denominator or root of a sum, outside calls' arguments.
    bool needs_poly_of(const Expr& e) {
        switch (e.kind()) {
            case Kind::Add: {
                std::size_t n = 0, quotients = 0;
                bool found = false;
                Rational c = for_each_term(e, [&](const Expr& t, const Rational&) {
                    ++n;
                    quotients += has_denominator(t);
                    found = found || needs_poly(t) || has_sum_factor(t);
                });
                return found || n + (c != 0) >= 3 || (quotients >= 1 && n + (c != 0) >= 2);
            }
            case Kind::Mul:
                for (const Expr& a : e->args) {
                    if (needs_poly(a)) return true;
                }
                return false;
            case Kind::Pow: {
                const Expr& k = e->args[1];
                bool simple = is_number(k) && is_integer(k->num) && k->num > 0;
                return (e->args[0].kind() == Kind::Add && !simple) || needs_poly(e->args[0]);
            }
            default: return false;
        }
    }

    // A product with a sum (or a power of one) among its factors: (2*x - 2)*(2*x + 1)^3.
    static bool has_sum_factor(const Expr& t) {
        auto sum = [](const Expr& f) { return split_power(f).first.kind() == Kind::Add; };
        return t.kind() == Kind::Mul ? std::any_of(t->args.begin(), t->args.end(), sum) : sum(t);
    }

    // A term with a factor of negative power: 2/x^3.
    static bool has_denominator(const Expr& t) {
        auto below = [](const Expr& f) {
            const Expr& k = split_power(f).second;
            return is_number(k) && k->num < 0;
        };
        return t.kind() == Kind::Mul ? std::any_of(t->args.begin(), t->args.end(), below)
                                     : below(t);
    }

    bool has_functions(const Expr& e) {
        if (auto it = functions_.find(e.get()); it != functions_.end()) return it->second;
        bool r = e.kind() == Kind::Func || e.kind() == Kind::Apply || e.kind() == Kind::Deriv ||
                 std::any_of(e->args.begin(), e->args.end(),
                             [&](const Expr& a) { return has_functions(a); });
        functions_.emplace(e.get(), r);
        keep_.push_back(e);  // the key stays alive: a freed node's address may come back
        return r;
    }

    bool needs_poly(const Expr& e) {  // memoized: a DAG may be exponentially larger as a tree
        if (auto it = needs_.find(e.get()); it != needs_.end()) return it->second;
        bool r = needs_poly_of(e);
        needs_.emplace(e.get(), r);
        keep_.push_back(e);
        return r;
    }

    Expr rebuild_each(const Expr& e) {
        std::vector<Expr> args;
        for (const Expr& a : e->args) args.push_back(run(a));
        return rebuild(e, args);
    }

    // e with the arguments of its calls (and the bases of its roots) simplified.
    Expr inner(const Expr& e) {
        if (auto it = inner_.find(e.get()); it != inner_.end()) return it->second;
        Expr r = inner_of(e);
        inner_.emplace(e.get(), r);
        keep_.push_back(e);
        return r;
    }

    Expr inner_of(const Expr& e) {
        switch (e.kind()) {
            case Kind::Func:
            case Kind::Apply:
            case Kind::Deriv:
            case Kind::Vector: return rebuild_each(e);
            case Kind::Add:
            case Kind::Mul:
            case Kind::Pow: {
                std::vector<Expr> args;
                for (const Expr& a : e->args) args.push_back(inner(a));
                return rebuild(e, args);
            }
            default: return e;
        }
    }

    Expr best(const Expr& e) {
        if (dag_size(e) > simplify_max_nodes) return e;
        std::vector<Expr> forms{e};
        Expr a = inner(e);
        Expr b = detail::apply_identities(a);
        keep_.push_back(b);  // a key of the memos below
        forms.push_back(b);
        for (const Expr& f : common_factor_forms(b)) forms.push_back(f);
        if (needs_poly(b)) add_rational_forms(b, forms);
        try {  // expanded only without calls: sigmoid(x)*(1 - sigmoid(x)) is the textbook's form
            Expr x = has_functions(b) ? b : expand(b);
            if (x != b) forms.push_back(detail::apply_identities(x));
        } catch (const Error& err) {
            if (err.code() != ErrorCode::Limit) throw;
        }
        for (std::size_t i = 0, n = forms.size(); i < n; ++i) {
            Expr r = detail::apply_reciprocals(forms[i]);
            if (r != forms[i]) forms.push_back(r);
            if (Expr q = detail::apply_root_products(forms[i]); q != forms[i]) forms.push_back(q);
        }
        Expr chosen = forms[0];
        auto least = cost(chosen);
        for (std::size_t i = 1; i < forms.size(); ++i) {
            auto c = cost(forms[i]);
            if (c < least) {
                least = c;
                chosen = forms[i];
            }
        }
        return chosen;
    }

    /// The forms over one denominator; when the identities shorten the expanded numerator
    /// (-sin(x) - sin(x)^2 - cos(x)^2 to -sin(x) - 1), also those of the quotient so
    /// rewritten, whose gcd may then cancel: -1/(sin(x) + 1).
    static void add_rational_forms(const Expr& e, std::vector<Expr>& forms, bool again = true) {
        auto rf = rational_form(e, true);
        if (!rf) return;
        if (Expr n = detail::apply_identities(rf->num); again && n != rf->num) {
            add_rational_forms(div(n, rf->den), forms, false);
        }
        std::vector<Expr> nums{rf->num}, dens{rf->den};
        if (rf->num_factors) {
            for (const Expr& p : products(*rf->num_factors)) nums.push_back(p);
        }
        if (rf->den_factors) dens.push_back(product(*rf->den_factors));
        for (std::size_t i = 0, n = nums.size(); i < n; ++i) {
            for (const Expr& cf : common_factor_forms(nums[i])) nums.push_back(cf);
        }
        if (rf->den_factors && rf->den_factors->content > 0) {  // -1/(sin(x) - 1) as 1/(1 - sin(x))
            Factored g = *rf->den_factors;
            g.content = -g.content;
            std::vector<Expr> alts = products(g);
            for (std::size_t i = 1; i < alts.size(); ++i) dens.push_back(alts[i]);
        }
        if (rf->num_factors) {  // -2*(x + 1)/x^3: as one product, the content is not spread
            Factored f = *rf->num_factors;
            for (const Expr& d : dens) {
                f.factors.emplace_back(d, -1);
                forms.push_back(detail::apply_identities(product(f)));
                f.factors.pop_back();
            }
        }
        for (const Expr& n : nums) {
            for (std::size_t i = 0; i < dens.size(); ++i) {
                Expr top = i < (rf->den_factors ? 2U : 1U) ? n : neg(n);
                forms.push_back(detail::apply_identities(div(top, dens[i])));
            }
        }
    }

    std::unordered_map<const Node*, Expr> memo_;   ///< run's results
    std::unordered_map<const Node*, Expr> inner_;  ///< inner's results
    std::unordered_map<const Node*, bool> needs_, functions_;
    std::vector<Expr> keep_;  ///< the keys of the maps, kept alive
};

}  // namespace

Expr simplify(const Expr& e) {
    Textbook t;
    return t.run(e);
}

Expr together(const Expr& e) {
    auto rf = rational_form(e, true);
    if (!rf) return e;
    return div(rf->num, rf->den_factors ? product(*rf->den_factors) : rf->den);
}

Expr cancel(const Expr& e) {
    auto rf = rational_form(e, false);
    return rf ? div(rf->num, rf->den) : e;
}

Expr factor(const Expr& e) {
    auto rf = rational_form(e, true);
    if (!rf) return e;
    Expr n = rf->num_factors ? product(*rf->num_factors) : rf->num;
    return div(n, rf->den_factors ? product(*rf->den_factors) : rf->den);
}

}  // namespace dfdx
