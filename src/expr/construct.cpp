// Canonical constructors: sums and products collect like terms and factors, numbers fold
// exactly, and only rewrites valid on the whole domain of the input are made.
#include "expr/construct.hpp"

#include <algorithm>

#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "expr/node_table.hpp"
#include "expr/small_node_map.hpp"

namespace dfdx {

using detail::intern;

namespace {

Expr make_node(Kind kind, Rational num, std::vector<Expr> args, std::vector<Rational> coeffs = {}) {
    Node n;
    n.kind = kind;
    n.num = std::move(num);
    n.args = std::move(args);
    n.coeffs = std::move(coeffs);
    return intern(std::move(n));
}

/// The id of exp, looked up once.
std::uint32_t exp_id() {
    static const std::uint32_t id = function_id("exp");
    return id;
}

/// std::stable_sort, without its buffer allocation for the short lists sums and products
/// mostly are (insertion sort is stable and fastest there).
template <class It, class Less>
void stable_sort_small(It first, It last, Less less) {
    if (last - first > 24) {
        std::stable_sort(first, last, less);
        return;
    }
    for (It i = first + (first != last); i < last; ++i) {
        if (!less(*i, *(i - 1))) continue;
        auto v = std::move(*i);
        It j = i;
        do {
            *j = std::move(*(j - 1));
            --j;
        } while (j != first && less(v, *(j - 1)));
        *j = std::move(v);
    }
}

Expr raw_pow(const Expr& base, const Expr& exp) {
    return make_node(Kind::Pow, Rational(0), {base, exp});
}

// c * e for a rational c, keeping the canonical forms.
Expr scale(const Expr& e, const Rational& c) {
    if (c == 1) return e;
    if (c == 0) return num(0);
    switch (e.kind()) {
        case Kind::Number: return num(c * e->num);
        case Kind::Mul: {
            Rational k = c * e->num;
            if (k == 1 && e->args.size() == 1) return e->args[0];
            return make_node(Kind::Mul, k, e->args);
        }
        case Kind::Add: {
            std::vector<Rational> coeffs;
            for (const Rational& q : e->coeffs) coeffs.push_back(c * q);
            return make_node(Kind::Add, c * e->num, e->args, std::move(coeffs));
        }
        case Kind::Vector: {
            std::vector<Expr> out;
            for (const Expr& a : e->args) out.push_back(scale(a, c));
            return vector(std::move(out));
        }
        case Kind::Symbol:
        case Kind::Constant:
        case Kind::Pow:
        case Kind::Func:
        case Kind::Apply:
        case Kind::Deriv: return make_node(Kind::Mul, c, {e});
    }
    return e;
}

[[noreturn]] void vector_error(const char* what) {
    throw Error(ErrorCode::Type, std::string("cannot ") + what);
}

Expr add_vectors(std::span<const Expr> terms) {
    std::size_t n = 0;
    for (const Expr& t : terms) {
        if (t.kind() != Kind::Vector) vector_error("add a vector and a scalar");
        if (n && t->args.size() != n) vector_error("add vectors of different lengths");
        n = t->args.size();
    }
    std::vector<Expr> out;
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<Expr> column;
        for (const Expr& t : terms) column.push_back(t->args[i]);
        out.push_back(add(column));
    }
    return vector(std::move(out));
}

// A numeric power a^e with a, e rational.
Expr number_pow(const Rational& a, const Rational& e) {
    if (is_integer(e)) {
        auto small = to_long(e);
        if (small) {
            if (auto r = pow_integer(a, *small)) return num(*r);
        } else if (a == 0 && e < 0) {
            throw Error(ErrorCode::DivisionByZero, "division by zero");
        } else if (a == 0 || a == 1) {
            return num(a);
        } else if (a == -1) {
            return num(e.get_num() % 2 == 0 ? 1 : -1);
        }
        return raw_pow(num(a), num(e));
    }
    if (a == 0) {
        if (e < 0) throw Error(ErrorCode::DivisionByZero, "division by zero");
        return num(0);
    }
    if (a == 1) return num(1);
    mpz_class p = e.get_num(), q = e.get_den();
    if (a < 0 && q % 2 == 0) {
        throw Error(ErrorCode::NotReal,
                    (e == Rational(1, 2) ? std::string("sqrt of ") : to_string(e) + " power of ") +
                        to_string(a) + " is not real");
    }
    if (!q.fits_ulong_p()) return raw_pow(num(a), num(e));
    if (auto root = exact_root(a, q.get_ui())) return number_pow(*root, Rational(p));
    // a^(p/q) = a^n * a^(r/q) with 0 < r < q; an odd root of a negative base is real.
    mpz_class n, r;
    mpz_fdiv_qr(n.get_mpz_t(), r.get_mpz_t(), p.get_mpz_t(), q.get_mpz_t());
    Rational sign = (a < 0 && r % 2 != 0) ? -1 : 1;
    Rational base = a < 0 ? Rational(-a) : a;
    Expr whole = number_pow(a, Rational(n));
    Rational frac(r, q);
    return mul(mul(num(sign), whole), raw_pow(num(base), num(frac)));
}

bool even_denominator(const Expr& e) {
    return e.kind() == Kind::Number && e->num.get_den() % 2 == 0;
}

}  // namespace

Expr num(const Rational& value) {
    if (value.is_small() && value.small_den() == 1) {
        if (Expr e = detail::small_integer(value.small_num())) return e;
    }
    Node n;
    n.kind = Kind::Number;
    n.num = value;
    return intern(std::move(n));
}
Expr num(long value) {
    if (Expr e = detail::small_integer(value)) return e;
    return num(Rational(value));
}

Expr sym(const std::string& name) {
    Node n;
    n.kind = Kind::Symbol;
    n.name = name;
    return intern(std::move(n));
}

Expr constant(ConstantId id) {
    Node n;
    n.kind = Kind::Constant;
    n.id = static_cast<std::uint32_t>(id);
    return intern(std::move(n));
}

std::pair<Rational, Expr> split_coefficient(const Expr& term) {
    if (term.kind() == Kind::Number) return {term->num, num(1)};
    if (term.kind() == Kind::Mul && term->num != 1) {
        if (term->args.size() == 1) return {term->num, term->args[0]};
        return {term->num, make_node(Kind::Mul, Rational(1), term->args)};
    }
    return {Rational(1), term};
}

std::pair<Expr, Expr> split_power(const Expr& factor) {
    if (factor.kind() == Kind::Pow) return {factor->args[0], factor->args[1]};
    static const Expr one = num(1);  // a permanent small-integer node
    return {factor, one};
}

namespace {

/// Whether a sum being built may keep a long sum whole as one of its terms (add), or
/// opens every nested sum (flatten_sums).
enum class Nesting { Allowed, Flat };

struct SumItem {
    Expr rest;
    Rational c;
    std::size_t source;  ///< index of the term of add() it came from
};

/// The long sum nested in `s` (an arg of kind Add), or null: there is at most one.
const Node* nested_sum(const Node& s) {
    // compare() orders by kind first, so the Add args sit together after the leaves.
    auto it = std::lower_bound(s.args.begin(), s.args.end(), Kind::Add,
                               [](const Expr& a, Kind k) { return a.kind() < k; });
    return it != s.args.end() && it->kind() == Kind::Add ? it->get() : nullptr;
}

/// compare(a, b) < 0, with its two cheap steps inline (a binary search runs mostly on them).
bool less_fast(const Expr& a, const Expr& b) {
    if (a == b) return false;
    if (a->kind != b->kind) return a->kind < b->kind;
    if (a->hash != b->hash) return a->hash < b->hash;
    return compare(a, b) < 0;
}

/// True when `rest` is a term of the long sum `s` or of the sums nested in it.
bool has_term(const Node* s, const Expr& rest) {
    for (; s; s = nested_sum(*s)) {
        if (std::binary_search(s->args.begin(), s->args.end(), rest, less_fast)) return true;
    }
    return false;
}

/// All the terms of `s` times c, nested sums opened, into items; its constant into k.
void open_sum(const Expr& s, const Rational& c, std::size_t source, Rational& k,
              std::vector<SumItem>& items) {
    const bool one = c == 1;
    Rational constant = for_each_term(s, [&](const Expr& t, const Rational& ct) {
        check_interrupt();  // sums of 100,000 terms are collected without new nodes
        items.push_back({t, one ? ct : c * ct, source});
    });
    k += one ? constant : c * constant;
}

/// constant + the items' sum as a node: sorted, like terms merged, zero terms dropped.
Expr collect(std::vector<SumItem>& items, const Rational& constant) {
    stable_sort_small(items.begin(), items.end(), [](const SumItem& a, const SumItem& b) {
        check_interrupt();
        return compare(a.rest, b.rest) < 0;
    });
    std::vector<Expr> args;
    std::vector<Rational> coeffs;
    args.reserve(items.size());
    coeffs.reserve(items.size());
    for (std::size_t i = 0; i < items.size();) {
        Rational c = items[i].c;
        std::size_t j = i + 1;
        while (j < items.size() && items[j].rest == items[i].rest) c += items[j++].c;
        if (c != 0) {
            args.push_back(items[i].rest);
            coeffs.push_back(c);
        }
        i = j;
    }
    if (args.empty()) return num(constant);
    if (constant == 0 && args.size() == 1) return scale(args[0], coeffs[0]);
    return make_node(Kind::Add, constant, std::move(args), std::move(coeffs));
}

/// The long sum `s` with the layers nested in it that are no longer than the layers
/// outside them opened into one, so layers at least double inward and a sum grown a term
/// at a time is nested O(log n) deep, like a binary counter. `s` itself when none is.
/// Nothing is looked up: the layers are disjoint already.
Expr merge_layers(const Expr& s) {
    const Node* inner = nested_sum(*s);
    if (!inner || inner->args.size() > s->args.size()) return s;
    std::vector<SumItem> items;
    Rational k(0), c(1);
    Expr open = s;
    do {
        k += c * open->num;
        Rational inner_c;
        Expr next;
        for (std::size_t i = 0; i < open->args.size(); ++i) {
            Rational ci = c * open->coeffs[i];
            if (open->args[i].kind() == Kind::Add) {
                next = open->args[i];
                inner_c = std::move(ci);
            } else {
                items.push_back({open->args[i], std::move(ci), 0});
            }
        }
        open = std::move(next);
        c = std::move(inner_c);
    } while (open && open->args.size() <= items.size() + 1);  // + 1: the nested sum's place
    if (open) items.push_back({std::move(open), std::move(c), 0});
    return collect(items, k);  // nothing merges: the layers are disjoint
}

// Sums are flattened and like terms collected, with one exception that keeps repeated
// growth linear: a long sum (more than long_sum_terms terms) that shares no term with the
// others stays whole, as one term. e = e^2 + e, repeated n times, would otherwise copy
// ever longer lists of terms (n^2/2 in all), and so would its derivative. A sum holds
// at most one such nested sum, and none of its terms is a term of the nested one, so
// opening them all (for_each_term) gives the same terms as the flat form would have.
//
/// constant + the sum of scales[k] * terms[k] (scales null: all 1), no term a vector.
/// rebuild gives a sum's new terms with their coefficients here, so no term is built
/// scaled only to be split again.
Expr sum_of(std::span<const Expr> terms, const Rational* scales, Rational constant,
            Nesting nesting = Nesting::Allowed) {
    auto scaled = [scales](std::size_t k, const Rational& c) { return scales ? scales[k] * c : c; };
    std::vector<SumItem> items;
    items.reserve(terms.size() + 2);
    struct Long {
        Expr sum;
        Rational c;
        std::size_t source;
    };
    std::vector<Long> longs;
    for (std::size_t k = 0; k < terms.size(); ++k) {
        const Expr& t = terms[k];
        switch (t.kind()) {
            case Kind::Number: constant += scaled(k, t->num); break;
            case Kind::Add:
                if (t->args.size() > long_sum_terms) {
                    longs.push_back({t, scaled(k, Rational(1)), k});
                    break;
                }
                constant += scaled(k, t->num);
                for (std::size_t i = 0; i < t->args.size(); ++i) {
                    check_interrupt();
                    if (t->args[i].kind() == Kind::Add)
                        longs.push_back({t->args[i], scaled(k, t->coeffs[i]), k});
                    else
                        items.push_back({t->args[i], scaled(k, t->coeffs[i]), k});
                }
                break;
            default: {
                auto [c, rest] = split_coefficient(t);
                items.push_back({std::move(rest), scaled(k, c), k});
            }
        }
    }
    if (!longs.empty()) {
        // One long sum stays whole when no other term is like one of its terms. The terms
        // of the sum it came from are not (that sum was built so), so only the rest are
        // looked up: one binary search per nesting level each.
        bool keep =
            nesting == Nesting::Allowed && longs.size() == 1 &&
            std::none_of(items.begin(), items.end(), [&](const SumItem& it) {
                return it.source != longs[0].source && has_term(longs[0].sum.get(), it.rest);
            });
        if (keep) {
            items.push_back({merge_layers(longs[0].sum), longs[0].c, terms.size()});
        } else {
            for (const Long& l : longs) open_sum(l.sum, l.c, l.source, constant, items);
        }
    }
    return collect(items, constant);
}

}  // namespace

Expr add(std::span<const Expr> terms) {
    for (const Expr& t : terms) {
        if (t.kind() == Kind::Vector) return add_vectors(terms);
    }
    return sum_of(terms, nullptr, Rational(0));
}

Expr flatten_sums(const Expr& e) {
    // Bottom up, each shared node once: every sum is rebuilt flat from its flattened
    // terms; any other node is rebuilt as usual, and a sum that comes out of that with a
    // nested sum (a product scaled into one) is opened too. (Its own walk, not
    // rewriter.hpp's: the rewriter is built on these constructors.)
    detail::SmallNodeMap<Expr> memo;
    auto flat = [&memo](auto& self, const Expr& x) -> Expr {
        if (const Expr* done = memo.find(x.get())) return *done;
        std::vector<Expr> kids;
        kids.reserve(x->args.size());
        bool changed = false;
        for (const Expr& a : x->args) {
            kids.push_back(self(self, a));
            changed |= !(kids.back() == a);
        }
        Expr r;
        if (x.kind() == Kind::Add) {
            r = !changed && !nested_sum(*x) ? x
                                            : sum_of(kids, x->coeffs.data(), x->num, Nesting::Flat);
        } else {
            r = changed ? rebuild(x, std::move(kids)) : x;
            if (r.kind() == Kind::Add && nested_sum(*r)) {
                r = sum_of(r->args, r->coeffs.data(), r->num, Nesting::Flat);
            }
        }
        // Keys are nodes of the input, which the caller holds: no address is reused meanwhile.
        memo.insert(x.get(), r);
        return r;
    };
    return flat(flat, e);
}

Expr add(const Expr& a, const Expr& b) {
    Expr terms[] = {a, b};
    return add(terms);
}
Expr neg(const Expr& a) { return scale(a, Rational(-1)); }
Expr sub(const Expr& a, const Expr& b) { return add(a, neg(b)); }

Expr mul(std::span<const Expr> factors) {
    Rational coef(1);
    struct Item {
        Expr base, exp, factor;  // factor = base^exp as given, reused when nothing merges
    };
    std::vector<Item> items;
    items.reserve(factors.size() + 4);
    auto push = [&items](const Expr& f) {
        auto [b, x] = split_power(f);
        // exp(c*u) is the like factor exp(u)^c, so exp(-x)*exp(x) = 1 as x^-1*x is.
        if (f.kind() == Kind::Func && f->id == exp_id() && f->args[0].kind() == Kind::Mul) {
            auto [c, u] = split_coefficient(f->args[0]);
            if (c != 1) {
                b = func(f->id, {u});
                x = num(c);
            }
        }
        items.push_back({b, x, f});
    };
    const Expr* vec = nullptr;
    for (const Expr& f : factors) {
        switch (f.kind()) {
            case Kind::Number: coef *= f->num; break;
            case Kind::Mul:
                coef *= f->num;
                for (const Expr& a : f->args) push(a);
                break;
            case Kind::Vector:
                if (vec) vector_error("multiply two vectors (use a sum of products)");
                vec = &f;
                break;
            default: push(f);
        }
    }
    if (vec) {
        std::vector<Expr> rest;
        for (const Expr& f : factors) {
            if (&f != vec) rest.push_back(f);
        }
        Expr s = mul(rest);
        std::vector<Expr> out;
        for (const Expr& a : (*vec)->args) out.push_back(mul(s, a));
        return vector(std::move(out));
    }
    if (coef == 0) return num(0);
    stable_sort_small(items.begin(), items.end(),
                      [](const Item& a, const Item& b) { return compare(a.base, b.base) < 0; });
    std::vector<Expr> out;
    out.reserve(items.size() + 1);
    bool refold = false;
    bool rebased = false;  ///< a merged power came out with another base: (x^a)^b*(x^a)^c = x^-2
    for (std::size_t i = 0; i < items.size();) {
        const Expr& base = items[i].base;
        std::size_t j = i + 1;
        while (j < items.size() && items[j].base == base) ++j;
        // A factor that merges with nothing is already canonical: keep it as it is.
        Expr p;
        if (j == i + 1) {
            p = items[i].factor;
        } else {
            std::vector<Expr> exps;
            for (std::size_t k = i; k < j; ++k) exps.push_back(items[k].exp);
            p = pow(base, add(exps));
            rebased |= p.kind() == Kind::Pow && !(p->args[0] == base);
        }
        i = j;
        switch (p.kind()) {
            case Kind::Number: coef *= p->num; break;
            case Kind::Mul:
                coef *= p->num;
                for (const Expr& a : p->args) out.push_back(a);
                refold = true;
                break;
            default: out.push_back(p);
        }
    }
    if (coef == 0) return num(0);
    if (refold) {
        out.push_back(num(coef));
        // Numeric roots can split into a coefficient and a new factor; fold once more.
        Rational c2(1);
        std::vector<Expr> again;
        for (const Expr& o : out) {
            if (o.kind() == Kind::Number)
                c2 *= o->num;
            else
                again.push_back(o);
        }
        coef = c2;
        out = std::move(again);
    }
    auto base_of = [](const Expr& f) -> const Expr& {
        return f.kind() == Kind::Pow ? f->args[0] : f;
    };
    stable_sort_small(out.begin(), out.end(), [&](const Expr& a, const Expr& b) {
        return compare(base_of(a), base_of(b)) < 0;
    });
    // A merged power that came out a product ((2*x)^(1/3)*(2*x)^(2/3) = 2*x) or a power of
    // another base can bring a base back that another factor has (x here): collect once
    // more. (Found by the canonical checks, decision 56.)
    if ((refold || rebased) &&
        std::adjacent_find(out.begin(), out.end(), [&](const Expr& a, const Expr& b) {
            return base_of(a) == base_of(b);
        }) != out.end()) {
        out.push_back(num(coef));
        return mul(out);
    }
    if (out.empty()) return num(coef);
    if (out.size() == 1) {
        if (coef == 1) return out[0];
        if (out[0].kind() == Kind::Add) return scale(out[0], coef);
    }
    return make_node(Kind::Mul, coef, std::move(out));
}

Expr mul(const Expr& a, const Expr& b) {
    Expr f[] = {a, b};
    return mul(f);
}

Expr div(const Expr& a, const Expr& b) { return mul(a, pow(b, num(-1))); }

Expr pow(const Expr& base, const Expr& exp) {
    if (base.kind() == Kind::Vector || exp.kind() == Kind::Vector) {
        vector_error("raise a vector to a power, or a number to a vector");
    }
    if (base.kind() == Kind::Constant && base->id == static_cast<std::uint32_t>(ConstantId::E)) {
        return func(exp_id(), {exp});
    }
    if (exp.kind() != Kind::Number) {
        if (is_one(base)) return base;
        return raw_pow(base, exp);
    }
    const Rational& e = exp->num;
    if (e == 0) return num(1);
    if (e == 1) return base;
    switch (base.kind()) {
        case Kind::Number: return number_pow(base->num, e);
        case Kind::Pow: {
            const Expr& inner = base->args[1];
            if (is_integer(e) || even_denominator(inner)) {
                return pow(base->args[0], mul(inner, exp));
            }
            return raw_pow(base, exp);
        }
        case Kind::Mul: {
            if (is_integer(e)) {
                std::vector<Expr> fs{number_pow(base->num, e)};
                for (const Expr& a : base->args) fs.push_back(pow(a, exp));
                return mul(fs);
            }
            if (base->num > 0 && base->num != 1) {
                auto root = exact_root(base->num, e.get_den().get_ui());
                if (root) {
                    // (Mul{1, u} is never built, not even for a moment.)
                    Expr rest = base->args.size() == 1
                                    ? base->args[0]
                                    : make_node(Kind::Mul, Rational(1), base->args);
                    return mul(number_pow(*root, Rational(e.get_num())), pow(rest, exp));
                }
            }
            return raw_pow(base, exp);
        }
        case Kind::Func:
            if (base->id == exp_id()) return func(base->id, {mul(base->args[0], exp)});
            return raw_pow(base, exp);
        case Kind::Symbol:
        case Kind::Constant:
        case Kind::Add:
        case Kind::Apply:
        case Kind::Deriv:
        case Kind::Vector: return raw_pow(base, exp);
    }
    return raw_pow(base, exp);
}

Expr sqrt(const Expr& a) { return pow(a, num(Rational(1, 2))); }

Expr func(std::uint32_t id, std::vector<Expr> args) {
    for (const Expr& a : args) {
        if (a.kind() == Kind::Vector) {
            vector_error(("apply " + std::string(function_info(id).name) + " to a vector").c_str());
        }
    }
    if (auto folded = fold_function(id, args)) return *folded;
    Node n;
    n.kind = Kind::Func;
    n.id = id;
    n.args = std::move(args);
    return intern(std::move(n));
}

Expr apply(const std::string& name, std::vector<Expr> args) {
    Node n;
    n.kind = Kind::Apply;
    n.name = name;
    n.args = std::move(args);
    return intern(std::move(n));
}

Expr deriv(const std::string& name, std::vector<Expr> args, std::vector<std::uint32_t> orders) {
    if (std::all_of(orders.begin(), orders.end(), [](std::uint32_t o) { return o == 0; })) {
        return apply(name, std::move(args));
    }
    Node n;
    n.kind = Kind::Deriv;
    n.name = name;
    n.args = std::move(args);
    n.orders = std::move(orders);
    return intern(std::move(n));
}

Expr vector(std::vector<Expr> elements) {
    Node n;
    n.kind = Kind::Vector;
    n.args = std::move(elements);
    return intern(std::move(n));
}

Expr rebuild(const Expr& e, std::vector<Expr> args) {
    switch (e.kind()) {
        case Kind::Number:
        case Kind::Symbol:
        case Kind::Constant: return e;
        case Kind::Add: {
            bool vectors = std::any_of(args.begin(), args.end(),
                                       [](const Expr& a) { return a.kind() == Kind::Vector; });
            if (!vectors) return sum_of(args, e->coeffs.data(), e->num);
            std::vector<Expr> terms;
            terms.reserve(args.size() + 1);
            terms.push_back(num(e->num));
            for (std::size_t i = 0; i < args.size(); ++i)
                terms.push_back(scale(args[i], e->coeffs[i]));
            return add(terms);
        }
        case Kind::Mul: {
            args.push_back(num(e->num));
            return mul(args);
        }
        case Kind::Pow: return pow(args[0], args[1]);
        case Kind::Func: return func(e->id, std::move(args));
        case Kind::Apply: return apply(e->name, std::move(args));
        case Kind::Deriv: return deriv(e->name, std::move(args), e->orders);
        case Kind::Vector: return vector(std::move(args));
    }
    return e;
}

}  // namespace dfdx
