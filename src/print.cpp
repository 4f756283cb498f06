// The printer: presentation order, minimal parentheses, negative powers as division,
// in plain ASCII (which parses back), unicode or LaTeX.
#include "dfdx/print.hpp"

#include <algorithm>
#include <unordered_map>

#include "dfdx/construct.hpp"
#include "dfdx/error.hpp"
#include "dfdx/functions.hpp"
#include "dfdx/names.hpp"

namespace dfdx {

namespace {

/// Longest text a result may print as; a longer one is an Error(Limit).
constexpr std::size_t kMaxOutput = 4'000'000;

enum Prec { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kAtom = 5 };

struct Out {
    std::string s;
    int prec = kAtom;
};

const char* kSuperscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

bool negative_exponent(const Expr& exp) {
    if (exp.kind() == Kind::Number) return exp->num < 0;
    return exp.kind() == Kind::Mul && exp->num < 0;
}

class Printer {
public:
    explicit Printer(const PrintOptions& o) : opt_(o) {}

    Out expr(const Expr& e) {
        auto it = memo_.find(e.get());
        if (it != memo_.end()) return it->second;
        Out o = compute(e);
        if (o.s.size() > kMaxOutput) {
            throw Error(ErrorCode::Limit, "the result is longer than the output limit of " +
                                              std::to_string(kMaxOutput) + " characters (" +
                                              std::to_string(dag_size(e)) + " distinct nodes)");
        }
        memo_.emplace(e.get(), o);
        keep_.push_back(e);
        return o;
    }

private:
    bool plain() const { return opt_.format == Format::Plain; }
    bool latex() const { return opt_.format == Format::Latex; }

    std::string paren(const std::string& s) const {
        return latex() ? "\\left(" + s + "\\right)" : "(" + s + ")";
    }
    std::string at_least(const Expr& e, int prec) {
        Out o = expr(e);
        return o.prec < prec ? paren(o.s) : o.s;
    }

    Out compute(const Expr& e) {
        switch (e.kind()) {
            case Kind::Number: return number(e->num);
            case Kind::Symbol: return {print_name(e->name, opt_.format), kAtom};
            case Kind::Constant:
                if (e->id == static_cast<std::uint32_t>(ConstantId::Pi)) {
                    return {plain() ? "pi" : (latex() ? "\\pi" : "π"), kAtom};
                }
                return {"e", kAtom};
            case Kind::Add: return sum(e);
            case Kind::Mul: return product(e->num, e->args);
            case Kind::Pow: {
                if (negative_exponent(e->args[1])) return product(Rational(1), {e});
                return power(e->args[0], e->args[1]);
            }
            case Kind::Func: return call(function_name(e->id), e->args);
            case Kind::Apply: return call(print_name(e->name, opt_.format), e->args);
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
        }
        int prec = q < 0 ? kUnary : (is_integer(q) ? kAtom : kProduct);
        return {s, prec};
    }

    std::string function_name(std::uint32_t id) {
        std::string n(function_info(id).name);
        if (!latex()) return n;
        static const char* known[] = {"sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh",
                                      "tanh", "coth", "exp", "ln"};
        for (const char* k : known) {
            if (n == k) return std::string("\\") + k;
        }
        if (n == "asin") return "\\arcsin";
        if (n == "acos") return "\\arccos";
        if (n == "atan") return "\\arctan";
        if (n == "log10") return "\\log_{10}";
        if (n == "log2") return "\\log_{2}";
        return "\\operatorname{" + n + "}";
    }

    Out call(const std::string& name, const std::vector<Expr>& args) {
        std::string s;
        for (std::size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + expr(args[i]).s;
        if (latex() && name == "\\operatorname{abs}") return {"\\left|" + s + "\\right|", kAtom};
        return {name + paren(s), kAtom};
    }

    Out derivative(const Expr& e) {
        std::string name = print_name(e->name, opt_.format);
        std::uint32_t total = 0;
        for (auto o : e->orders) total += o;
        std::string head = name;
        if (e->args.size() == 1) {
            for (std::uint32_t i = 0; i < total; ++i) head += latex() ? "'" : "'";
        } else {
            std::string idx;
            for (std::size_t i = 0; i < e->orders.size(); ++i) {
                for (std::uint32_t k = 0; k < e->orders[i]; ++k) {
                    idx += (idx.empty() ? "" : ",") + std::to_string(i + 1);
                }
            }
            head += latex() ? "_{" + idx + "}" : "'[" + idx + "]";
        }
        std::string s;
        for (std::size_t i = 0; i < e->args.size(); ++i) s += (i ? ", " : "") + expr(e->args[i]).s;
        return {head + paren(s), kAtom};
    }

    Out vec(const Expr& e) {
        bool matrix = !e->args.empty() && std::all_of(e->args.begin(), e->args.end(), [](const Expr& r) {
            return r.kind() == Kind::Vector;
        });
        std::string s;
        if (latex()) {
            std::string env = matrix ? "bmatrix" : "pmatrix";
            s = "\\begin{" + env + "} ";
            for (std::size_t i = 0; i < e->args.size(); ++i) {
                if (i) s += " \\\\ ";
                if (matrix) {
                    const Expr& row = e->args[i];
                    for (std::size_t j = 0; j < row->args.size(); ++j) {
                        s += (j ? " & " : "") + expr(row->args[j]).s;
                    }
                } else {
                    s += expr(e->args[i]).s;
                }
            }
            return {s + " \\end{" + env + "}", kAtom};
        }
        for (std::size_t i = 0; i < e->args.size(); ++i) s += (i ? ", " : "") + expr(e->args[i]).s;
        return {"[" + s + "]", kAtom};
    }

    // --- presentation order ---------------------------------------------------------

    std::pair<int, std::string> var_rank(const std::string& name) const {
        auto it = std::find(opt_.leading_vars.begin(), opt_.leading_vars.end(), name);
        if (it != opt_.leading_vars.end()) return {static_cast<int>(it - opt_.leading_vars.begin()), ""};
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
            if (i == a.vars.size() || b.vars[j].first < a.vars[i].first) return b.vars[j].second < 0;
            if (a.vars[i].second != b.vars[j].second) return a.vars[i].second > b.vars[j].second;
            ++i, ++j;
        }
        return a.text < b.text;
    }

    // Presentation order of factors: constants, symbols, symbols to symbolic powers,
    // functions, numbers to powers (2^x), compound powers, sums.
    int factor_class(const Expr& f) {
        auto [b, x] = split_power(f);
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
            std::string text;
            TermKey key;
        };
        std::vector<Term> terms;
        for (std::size_t i = 0; i < e->args.size(); ++i) {
            const Expr& rest = e->args[i];
            const Rational& c = e->coeffs[i];
            std::vector<Expr> fs = rest.kind() == Kind::Mul ? rest->args : std::vector<Expr>{rest};
            Out o = product(abs(c), fs);
            terms.push_back({c < 0, o.s, term_key(rest, o.s)});
        }
        std::stable_sort(terms.begin(), terms.end(),
                         [](const Term& a, const Term& b) { return term_before(a.key, b.key); });
        if (e->num != 0) {
            Out c = number(abs(e->num));
            terms.push_back({e->num < 0, c.s, {}});
        }
        // Two terms read better positive first: 1 - sigmoid(x), not -sigmoid(x) + 1.
        if (terms.size() == 2 && terms[0].negative && !terms[1].negative) std::swap(terms[0], terms[1]);
        std::string s = terms[0].negative ? "-" + terms[0].text : terms[0].text;
        for (std::size_t i = 1; i < terms.size(); ++i) {
            s += terms[i].negative ? " - " : " + ";
            s += terms[i].text;
        }
        return {s, kSum};
    }

    std::string join_product(const std::vector<std::string>& parts, const std::vector<int>& kinds) {
        // kinds: 0 number, 1 name-like (starts with a letter), 2 other
        std::string s;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i) {
                if (plain()) s += "*";
                else if (latex()) s += (kinds[i] == 0) ? " \\cdot " : " ";
                else s += (kinds[i - 1] == 0 && kinds[i] != 0) ? "" : "·";
            }
            s += parts[i];
        }
        return s;
    }

    Out product(const Rational& c, const std::vector<Expr>& factors) {
        std::vector<std::string> top, bottom;
        std::vector<int> top_kind, bottom_kind;
        Rational p(abs(c.get_num())), q(c.get_den());
        if (p != 1) top.push_back(p.get_str()), top_kind.push_back(0);
        if (q != 1) bottom.push_back(q.get_str()), bottom_kind.push_back(0);
        for (const Expr& f : ordered_factors(factors)) {
            auto [b, x] = split_power(f);
            bool down = negative_exponent(x);
            Expr shown = down ? pow(b, neg(x)) : f;
            std::string s = at_least(shown, down && !latex() ? kPower : kProduct);
            (down ? bottom : top).push_back(s);
            (down ? bottom_kind : top_kind).push_back(1);
        }
        std::string num_s = top.empty() ? "1" : join_product(top, top_kind);
        std::string sign = c < 0 ? "-" : "";
        if (bottom.empty()) {
            int prec = top.size() > 1 ? kProduct : expr_prec_of_single(factors, p);
            return {sign + num_s, c < 0 ? kUnary : prec};
        }
        std::string den_s = join_product(bottom, bottom_kind);
        if (latex()) return {sign + "\\frac{" + num_s + "}{" + den_s + "}", c < 0 ? kUnary : kProduct};
        if (bottom.size() > 1) den_s = paren(den_s);
        return {sign + num_s + "/" + den_s, c < 0 ? kUnary : kProduct};
    }

    int expr_prec_of_single(const std::vector<Expr>& factors, const Rational& p) {
        if (factors.empty()) return kAtom;
        if (p != 1) return kProduct;
        return expr(factors[0]).prec;
    }

    std::string superscript(const Rational& n) {
        std::string s = n.get_str();
        std::string out;
        for (char ch : s) {
            if (ch == '-') out += "⁻";
            else out += kSuperscripts[ch - '0'];
        }
        return out;
    }

    Out power(const Expr& base, const Expr& exp) {
        if (is_number(exp) && exp->num == Rational(1, 2)) {
            if (latex()) return {"\\sqrt{" + expr(base).s + "}", kAtom};
            if (!plain()) {
                Out b = expr(base);
                return {"√" + (b.prec == kAtom ? b.s : paren(b.s)), kAtom};
            }
            return {"sqrt(" + expr(base).s + ")", kAtom};
        }
        Out b = expr(base);
        bool base_paren = b.prec < kAtom || (base.kind() == Kind::Number && (base->num < 0 || !is_integer(base->num)));
        std::string bs = base_paren ? paren(b.s) : b.s;
        if (latex()) {
            return {(base_paren ? bs : "{" + bs + "}") + "^{" + expr(exp).s + "}", kPower};
        }
        if (!plain() && is_number(exp) && is_integer(exp->num)) return {bs + superscript(exp->num), kPower};
        Out x = expr(exp);
        bool exp_paren = x.prec <= kPower || (exp.kind() == Kind::Number && !is_integer(exp->num));
        return {bs + "^" + (exp_paren ? paren(x.s) : x.s), kPower};
    }

    const PrintOptions& opt_;
    std::unordered_map<const Node*, Out> memo_;
    std::vector<Expr> keep_;
};

}  // namespace

std::string print_name(const std::string& name, Format format) {
    if (format == Format::Plain) return name;
    std::string_view letter = greek_letter(name);
    if (letter.empty()) return name;
    if (format == Format::Unicode) return std::string(letter);
    return "\\" + name;
}

std::string print(const Expr& e, const PrintOptions& options) {
    Printer p(options);
    return p.expr(e).s;
}

bool parse_format(const std::string& text, Format& out) {
    if (text == "plain") out = Format::Plain;
    else if (text == "unicode") out = Format::Unicode;
    else if (text == "latex") out = Format::Latex;
    else return false;
    return true;
}

const char* format_name(Format f) {
    switch (f) {
        case Format::Plain: return "plain";
        case Format::Unicode: return "unicode";
        case Format::Latex: return "latex";
    }
    return "plain";
}

}  // namespace dfdx
