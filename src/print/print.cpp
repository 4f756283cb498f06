// The printer: presentation order, minimal parentheses, negative powers as division,
// in plain ASCII and unicode (both parse back to the same node) or LaTeX.
#include "print/print.hpp"

#include <algorithm>
#include <unordered_map>

#include "expr/construct.hpp"  // split_power, for_each_term: queries; the printer builds no node
#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "expr/names.hpp"
#include "print/notation.hpp"
#include "print/print_names.hpp"

namespace dfdx {

namespace {

using print_detail::superscript;

/// Longest text a result may print as; a longer one is an Error(Limit).
constexpr std::size_t kMaxOutput = 4'000'000;

enum Prec { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kAtom = 5 };

struct Out {
    std::string s;
    int prec = kAtom;
};

bool negative_exponent(const Expr& exp) {
    if (exp.kind() == Kind::Number) return exp->num < 0;
    return exp.kind() == Kind::Mul && exp->num < 0;
}

bool name_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_';
}

/// `s` without a trailing whole-number exponent: "^2" (plain) or superscript digits
/// (unicode); `s` itself when it has none.
std::string_view strip_exponent(std::string_view s) {
    if (std::size_t caret = s.rfind('^'); caret != std::string_view::npos) {
        std::string_view order = s.substr(caret + 1);
        bool digits = !order.empty() && std::all_of(order.begin(), order.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
        return digits ? s.substr(0, caret) : s;
    }
    static const std::string sups[] = {
        superscript("0"), superscript("1"), superscript("2"), superscript("3"), superscript("4"),
        superscript("5"), superscript("6"), superscript("7"), superscript("8"), superscript("9")};
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const std::string& sup : sups) {
            if (s.ends_with(sup)) {
                s.remove_suffix(sup.size());
                stripped = true;
            }
        }
    }
    return s;
}

/// The name `s` ends with ("dx" of "a^dx"); empty when it ends otherwise.
std::string_view last_name(std::string_view s) {
    std::size_t i = s.size();
    while (i > 0 && name_char(s[i - 1])) --i;
    std::string_view name = s.substr(i);
    return !name.empty() && !(name[0] >= '0' && name[0] <= '9') ? name : std::string_view();
}

// `d/dx`, `df/dx` and `d^2/dx^2` (`d²/dx²`) read back as derivatives wherever they stand,
// also inside an exponent (`a^dx/da`), so a quotient whose numerator ends in such a name
// gets its denominator in parentheses: d/(dx), a^dx/(da).
bool reads_as_derivative(const std::string& last_top, const std::string& den) {
    if (den.size() < 2 || den[0] != 'd' || !name_char(den[1])) return false;
    if (last_name(last_top).starts_with('d')) return true;
    // d^2 and d²: a lone d under a whole-number exponent.
    std::string_view head = strip_exponent(last_top);
    return head.size() < last_top.size() && last_name(head) == "d";
}

/// One factor of a product as printed, before it is joined to the others.
struct Part {
    std::string s;
    int prec = kAtom;
};

class Printer {
public:
    explicit Printer(const PrintOptions& o) : opt_(o), n_(notation(o.format)), style_(n_.style()) {}

    Out expr(const Expr& e) {
        auto it = memo_.find(e.get());
        if (it != memo_.end()) return it->second;
        Out o = compute(e);
        if (o.s.size() > kMaxOutput) too_long(e);
        memo_.emplace(e.get(), o);
        keep_.push_back(e);
        return o;
    }

private:
    [[noreturn]] static void too_long(const Expr& e) {
        throw Error(ErrorCode::Limit, "the result is longer than the output limit of " +
                                          std::to_string(kMaxOutput) + " characters (" +
                                          std::to_string(dag_size(e)) + " distinct nodes)");
    }

    // The layout of expressions differs by style (fractions, roots, juxtaposition); the
    // spellings of names and brackets come from the notation.
    bool plain() const { return style_ == Format::Plain; }
    bool unicode() const { return style_ == Format::Unicode; }
    bool latex() const { return style_ == Format::Latex; }
    const char* minus() const { return unicode() ? "−" : "-"; }

    std::string paren(const std::string& s) const { return n_.paren(s); }
    std::string at_least(const Out& o, int prec) const { return o.prec < prec ? paren(o.s) : o.s; }
    std::string args_text(const std::vector<Expr>& args) {
        std::string s;
        for (std::size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + expr(args[i]).s;
        return s;
    }

    Out compute(const Expr& e) {
        switch (e.kind()) {
            case Kind::Number: return number(e->num);
            case Kind::Symbol: return {n_.symbol(e->name), kAtom};
            case Kind::Constant:
                if (e->id == static_cast<std::uint32_t>(ConstantId::Pi)) {
                    return {n_.symbol("pi"), kAtom};
                }
                return {"e", kAtom};
            case Kind::Add: return sum(e);
            case Kind::Mul: return product(e->num, e->args);
            case Kind::Pow: {
                if (negative_exponent(e->args[1])) return product(Rational(1), {e});
                return power(e->args[0], e->args[1]);
            }
            case Kind::Func: return builtin(e);
            case Kind::Apply: return {function_name(e->name) + paren(args_text(e->args)), kAtom};
            case Kind::Deriv: return derivative(e);
            case Kind::Vector: return vec(e);
        }
        return {};
    }

    Out number(const Rational& q) {
        std::string s;
        if (latex() && !is_integer(q)) {
            std::string n = mpz_class(abs(q.get_num())).get_str(), d = q.get_den().get_str();
            s = (q < 0 ? "-" : "") + ("\\frac{" + n + "}{" + d + "}");
        } else {
            s = to_string(q);
            if (q < 0 && unicode()) s = minus() + s.substr(1);
        }
        int prec = q < 0 ? kUnary : (is_integer(q) ? kAtom : kProduct);
        return {s, prec};
    }

    std::string function_name(const std::string& name) const { return n_.user_function(name); }

    Out builtin(const Expr& e) {
        const std::string name(function_info(e->id).name);
        if (!latex()) return {name + paren(args_text(e->args)), kAtom};
        if (name == "abs") return {"\\left|" + args_text(e->args) + "\\right|", kAtom};
        if (name == "exp") return {"e^{" + expr(e->args[0]).s + "}", kPower};
        return {n_.function(name) + paren(args_text(e->args)), kAtom};
    }

    // f'(x), f''(x); several arguments: f'[1,2](x, y), in LaTeX \partial_{1} \partial_{2} f.
    Out derivative(const Expr& e) {
        std::string name = function_name(e->name);
        std::string args = paren(args_text(e->args));
        if (e->args.size() == 1) {
            std::uint32_t n = e->orders[0];
            if (latex() && n > 3) return {name + "^{(" + std::to_string(n) + ")}" + args, kAtom};
            return {name + std::string(n, '\'') + args, kAtom};
        }
        std::string idx;
        for (std::size_t i = 0; i < e->orders.size(); ++i) {
            std::uint32_t n = e->orders[i];
            if (n == 0) continue;
            if (latex()) {
                idx += "\\partial_{" + std::to_string(i + 1) + "}";
                idx += (n > 1 ? "^{" + std::to_string(n) + "}" : std::string()) + " ";
            } else {
                for (std::uint32_t k = 0; k < n; ++k)
                    idx += (idx.empty() ? "" : ",") + std::to_string(i + 1);
            }
        }
        if (latex()) return {idx + name + args, kAtom};
        return {name + "'[" + idx + "]" + args, kAtom};
    }

    Out vec(const Expr& e) {
        bool matrix =
            !e->args.empty() && std::all_of(e->args.begin(), e->args.end(),
                                            [](const Expr& r) { return r.kind() == Kind::Vector; });
        if (latex() && matrix) {
            std::string s = "\\begin{bmatrix} ";
            for (std::size_t i = 0; i < e->args.size(); ++i) {
                const Expr& row = e->args[i];
                if (i) s += " \\\\ ";
                for (std::size_t j = 0; j < row->args.size(); ++j)
                    s += (j ? " & " : "") + expr(row->args[j]).s;
            }
            return {s + " \\end{bmatrix}", kAtom};
        }
        std::string s = args_text(e->args);
        return {n_.list(s), kAtom};
    }

    // --- presentation order ---------------------------------------------------------

    std::pair<int, std::string> var_rank(const std::string& name) const {
        auto it = std::find(opt_.leading_vars.begin(), opt_.leading_vars.end(), name);
        if (it != opt_.leading_vars.end())
            return {static_cast<int>(it - opt_.leading_vars.begin()), ""};
        return {static_cast<int>(opt_.leading_vars.size()), name};
    }

    struct TermKey {
        Rational degree;
        std::vector<std::pair<std::pair<int, std::string>, Rational>> vars;  // sorted by rank
        std::string text;
    };

    TermKey term_key(const Expr& rest, std::string text) {
        TermKey k;
        k.text = std::move(text);
        const std::vector<Expr> single{rest};
        const std::vector<Expr>& fs = rest.kind() == Kind::Mul ? rest->args : single;
        for (const Expr& f : fs) {
            auto [b, x] = split_power(f);
            if (b.kind() == Kind::Symbol && x.kind() == Kind::Number) {
                k.degree += x->num;
                k.vars.emplace_back(var_rank(b->name), x->num);
            }
        }
        std::sort(k.vars.begin(), k.vars.end());
        return k;
    }

    static bool term_before(const TermKey& a, const TermKey& b) {
        if (a.degree != b.degree) return a.degree > b.degree;
        std::size_t i = 0, j = 0;
        while (i < a.vars.size() || j < b.vars.size()) {
            if (j == b.vars.size() || (i < a.vars.size() && a.vars[i].first < b.vars[j].first)) {
                return a.vars[i].second > 0;
            }
            if (i == a.vars.size() || b.vars[j].first < a.vars[i].first)
                return b.vars[j].second < 0;
            if (a.vars[i].second != b.vars[j].second) return a.vars[i].second > b.vars[j].second;
            ++i, ++j;
        }
        return a.text < b.text;
    }

    // Presentation order of factors: constants, symbols, symbols to symbolic powers,
    // polynomial sums, functions, numbers to powers (2^x), compound powers, other sums:
    // x^2*(3 - x)*exp(-x).
    bool is_polynomial(const Expr& e) {  // memoized: a DAG may be exponentially larger as a tree
        if (auto it = polynomial_.find(e.get()); it != polynomial_.end()) return it->second;
        bool r = false;
        switch (e.kind()) {
            case Kind::Number:
            case Kind::Symbol:
            case Kind::Constant: r = true; break;
            case Kind::Pow:
                r = is_number(e->args[1]) && is_integer(e->args[1]->num) &&
                    is_polynomial(e->args[0]);
                break;
            case Kind::Add:
            case Kind::Mul:
                r = std::all_of(e->args.begin(), e->args.end(),
                                [&](const Expr& a) { return is_polynomial(a); });
                break;
            default: break;
        }
        polynomial_.emplace(e.get(), r);
        return r;
    }

    int factor_class(const Expr& f) {
        auto [b, x] = split_power(f);
        if (b.kind() == Kind::Add && is_polynomial(b)) return 3;
        switch (b.kind()) {
            case Kind::Number: return 5;
            case Kind::Constant: return 1;
            case Kind::Symbol: return x.kind() == Kind::Number ? 2 : 3;
            case Kind::Func:
            case Kind::Apply:
            case Kind::Deriv: return 4;
            case Kind::Mul:
            case Kind::Pow:
            case Kind::Vector: return 6;
            case Kind::Add: return 7;
        }
        return 7;
    }

    std::vector<Expr> ordered_factors(const std::vector<Expr>& fs) {
        struct Item {
            int cls;
            std::pair<int, std::string> rank;
            std::string text;
            Expr e;
        };
        std::vector<Item> items;
        for (const Expr& f : fs) {
            auto [b, x] = split_power(f);
            Item it{factor_class(f), {0, ""}, expr(b).s, f};
            if (b.kind() == Kind::Symbol) it.rank = var_rank(b->name);
            if (b.kind() == Kind::Add) {  // (x - 1)*(x + 1): a minus before a plus, in every format
                for (std::size_t at; (at = it.text.find("\u2212")) != std::string::npos;)
                    it.text.replace(at, 3, "-");
                for (char& c : it.text) c = c == '-' ? '+' : c == '+' ? '-' : c;
            }
            items.push_back(std::move(it));
        }
        std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
            return std::tie(a.cls, a.rank, a.text) < std::tie(b.cls, b.rank, b.text);
        });
        std::vector<Expr> out;
        for (auto& it : items) out.push_back(it.e);
        return out;
    }

    // --- sums, products, powers -----------------------------------------------------

    Out sum(const Expr& e) {
        struct Term {
            bool negative;
            TermKey key;  ///< key.text is the term as printed
        };
        std::vector<Term> terms;
        std::size_t length = 0;
        // The terms with long sums nested in e opened.
        const Rational constant = for_each_term(e, [&](const Expr& rest, const Rational& c) {
            check_interrupt();  // a sum of 100,000 terms takes seconds to print
            std::vector<Expr> fs = rest.kind() == Kind::Mul ? rest->args : std::vector<Expr>{rest};
            Out o = product(abs(c), fs);
            length += o.s.size() + 3;
            // Every term is part of the output, so an over-long sum is known before sorting.
            if (length > kMaxOutput) too_long(e);
            terms.push_back({c < 0, term_key(rest, std::move(o.s))});
        });
        std::stable_sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
            check_interrupt();  // sorting 100,000 terms creates no nodes
            return term_before(a.key, b.key);
        });
        if (constant != 0) {
            Out c = number(abs(constant));
            terms.push_back({constant < 0, {{}, {}, c.s}});
        }
        // Two terms read better positive first: 1 - sigmoid(x), not -sigmoid(x) + 1.
        if (terms.size() == 2 && terms[0].negative && !terms[1].negative)
            std::swap(terms[0], terms[1]);
        std::string s = terms[0].negative ? minus() + terms[0].key.text : terms[0].key.text;
        for (std::size_t i = 1; i < terms.size(); ++i) {
            s += terms[i].negative ? std::string(" ") + minus() + " " : " + ";
            s += terms[i].key.text;
        }
        return {s, kSum};
    }

    /// Whether a unicode factor may follow a number with nothing between: 2x, 2sin(x),
    /// 2(x + 1), 2√x, but 2·3^x, and 2·e1 (2e1 would be the number 20).
    static bool juxtaposes_after_number(const std::string& next) {
        if (next.empty() || (next[0] >= '0' && next[0] <= '9') || next[0] == '.') return false;
        if ((next[0] == 'e' || next[0] == 'E') && next.size() > 1) {
            char c = next[1];
            if ((c >= '0' && c <= '9') || c == '+' || c == '-') return false;
        }
        return true;
    }

    /// Joins factors; `first_is_number` when parts[0] is the numeric coefficient.
    /// Factors below `min_prec` are parenthesised.
    std::string join_product(const std::vector<Part>& parts, bool first_is_number,
                             int min_prec) const {
        std::string s;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            std::string p = parts[i].prec < min_prec ? paren(parts[i].s) : parts[i].s;
            if (i) {
                if (plain())
                    s += "*";
                else if (latex())
                    s += (p[0] >= '0' && p[0] <= '9') ? " \\cdot " : " ";
                else
                    s += (i == 1 && first_is_number && juxtaposes_after_number(p)) ? "" : "·";
            }
            s += p;
        }
        return s;
    }

    Out product(const Rational& c, const std::vector<Expr>& factors) {
        std::vector<Part> top, bottom;
        Rational p(abs(c.get_num())), q(c.get_den());
        if (p != 1) top.push_back({p.get_str(), kAtom});
        if (q != 1) bottom.push_back({q.get_str(), kAtom});
        for (const Expr& f : ordered_factors(factors)) {
            auto [b, x] = split_power(f);
            bool down = negative_exponent(x);
            Out o = down ? power(b, x, true) : expr(f);
            (down ? bottom : top).push_back({o.s, o.prec});
        }
        std::string sign = c < 0 ? minus() : "";
        int prec_if_signed = c < 0 ? kUnary : kProduct;
        if (bottom.empty()) {
            if (top.empty()) return {sign + "1", prec_if_signed};
            int prec = top.size() > 1 ? kProduct : top[0].prec;
            return {sign + join_product(top, p != 1, kProduct), c < 0 ? kUnary : prec};
        }
        if (latex()) {
            // \frac groups its parts, so a lone numerator or denominator needs no brackets.
            std::string num_s =
                top.empty() ? "1" : join_product(top, p != 1, top.size() > 1 ? kProduct : 0);
            std::string den_s = join_product(bottom, q != 1, bottom.size() > 1 ? kProduct : 0);
            return {sign + "\\frac{" + num_s + "}{" + den_s + "}", prec_if_signed};
        }
        std::string num_s = top.empty() ? "1" : join_product(top, p != 1, kProduct);
        if (bottom.size() == 2 && q != 1 && bottom[1].prec == kSum) {
            // 2*(x + 1) would read back as 2*x + 2, so the number divides last:
            // 1/(1 - x^2)/2, not 1/(2*(1 - x^2)).
            return {sign + num_s + "/" + paren(bottom[1].s) + "/" + bottom[0].s, prec_if_signed};
        }
        std::string den_s = join_product(bottom, q != 1, kPower);
        if (bottom.size() > 1 || (!top.empty() && reads_as_derivative(top.back().s, den_s))) {
            den_s = paren(den_s);
        }
        return {sign + num_s + "/" + den_s, prec_if_signed};
    }

    Out root(const Expr& base, const Rational& exp) {
        Out b = expr(base);
        if (latex()) {
            std::string index = exp == Rational(1, 2) ? "" : "[" + exp.get_den().get_str() + "]";
            return {"\\sqrt" + index + "{" + b.s + "}", kAtom};
        }
        if (plain()) return {"sqrt(" + b.s + ")", kAtom};
        // √ takes the power after it, so √x² would be √(x²); as a base it needs brackets.
        return {"√" + at_least(b, kAtom), kPower};
    }

    /// base^exp, or base^(-exp) when `negated` (a factor below a fraction bar: x^-2 is
    /// written 1/x^2). The negated exponent is printed from exp's parts, never built: the
    /// printer reads expressions and makes none, so printing cannot fail on a limit.
    Out power(const Expr& base, const Expr& exp, bool negated = false) {
        const bool numeric = is_number(exp);
        const Rational value = numeric ? (negated ? Rational(-exp->num) : exp->num) : Rational(0);
        if (numeric && value == 1) return expr(base);
        if (numeric && value == Rational(1, 2)) return root(base, value);
        if (latex()) return latex_power(base, exp, negated);
        Out b = expr(base);
        bool base_paren = b.prec < kAtom || (base.kind() == Kind::Number &&
                                             (base->num < 0 || !is_integer(base->num)));
        std::string bs = base_paren ? paren(b.s) : b.s;
        if (unicode() && numeric && is_integer(value))
            return {bs + superscript(value.get_str()), kPower};
        Out x = exponent(exp, negated);
        bool exp_paren = x.prec <= kPower || (numeric && !is_integer(value));
        return {bs + "^" + (exp_paren ? paren(x.s) : x.s), kPower};
    }

    /// exp, or -exp when `negated` (exp is then a negative number or a product with a
    /// negative coefficient: negative_exponent).
    Out exponent(const Expr& exp, bool negated) {
        if (!negated) return expr(exp);
        if (is_number(exp)) return number(-exp->num);
        return product(-exp->num, exp->args);
    }

    // x^{2}, \sin^{2}\left(x\right), \left(x + 1\right)^{2}, \sqrt[3]{x}, x^{3/2}.
    Out latex_power(const Expr& base, const Expr& exp, bool negated) {
        std::string xs;
        if (is_number(exp) && !is_integer(exp->num)) {
            const Rational value = negated ? Rational(-exp->num) : exp->num;
            if (value.get_num() == 1) return root(base, value);
            xs = value.get_str();
        } else {
            xs = exponent(exp, negated).s;
        }
        if (base.kind() == Kind::Func) {
            const std::string name(function_info(base->id).name);
            if (name != "abs" && name != "exp") {
                return {n_.function(name) + "^{" + xs + "}" + paren(args_text(base->args)), kAtom};
            }
        }
        Out b = expr(base);
        bool base_paren = b.prec < kAtom || (base.kind() == Kind::Number &&
                                             (base->num < 0 || !is_integer(base->num)));
        return {(base_paren ? paren(b.s) : b.s) + "^{" + xs + "}", kPower};
    }

    const PrintOptions& opt_;
    const Notation& n_;
    const Format style_;  ///< n_.style(), asked once
    std::unordered_map<const Node*, Out> memo_;
    std::unordered_map<const Node*, bool> polynomial_;  ///< is_polynomial's answers
    std::vector<Expr> keep_;
};

}  // namespace

std::string print_name(const std::string& name, Format format) {
    return notation(format).symbol(name);
}

std::string print_decimal(const std::string& text, Format format) {
    return notation(format).decimal(text);
}

std::string print(const Expr& e, const PrintOptions& options) {
    Printer p(options);
    return p.expr(e).s;
}

bool parse_format(const std::string& text, Format& out) {
    const std::vector<const Notation*>& all = notations();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (text == all[i]->name()) {
            out = static_cast<Format>(i);
            return true;
        }
    }
    return false;
}

const char* format_name(Format f) { return notation(f).name(); }

std::string format_choices() {
    const std::vector<const Notation*>& all = notations();
    std::string s;
    for (std::size_t i = 0; i < all.size(); ++i) {
        s += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + std::string(all[i]->name());
    }
    return s;
}

}  // namespace dfdx
