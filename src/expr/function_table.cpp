// The table of built-in functions (functions.hpp declares what an entry is): each one's
// derivative rule, numeric value, domain and exact values. Its entries build expressions, so
// this file sits above construct.cpp, which reads the table only through functions.hpp.
#include "expr/functions.hpp"

#include <array>
#include <cmath>
#include <unordered_map>

#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "expr/exact_values.hpp"
#include "expr/names.hpp"

namespace dfdx {

namespace {

using Args = std::span<const Expr>;
using Nums = std::span<const double>;

Expr call(std::string_view name, const Expr& a) { return func(function_id(name), {a}); }
Expr half() { return num(Rational(1, 2)); }
Expr sq(const Expr& a) { return pow(a, num(2)); }
Expr inv(const Expr& a) { return pow(a, num(-1)); }
Expr inv_sqrt(const Expr& a) { return pow(a, num(Rational(-1, 2))); }
Expr one_minus_sq(const Expr& u) { return sub(num(1), sq(u)); }
Expr one_plus_sq(const Expr& u) { return add(num(1), sq(u)); }

Expr build_func(std::uint32_t id, std::vector<Expr> args) { return func(id, std::move(args)); }
Expr build_sqrt(std::uint32_t, std::vector<Expr> a) { return sqrt(a[0]); }
Expr build_cbrt(std::uint32_t, std::vector<Expr> a) { return pow(a[0], num(Rational(1, 3))); }
Expr build_pow(std::uint32_t, std::vector<Expr> a) { return pow(a[0], a[1]); }
Expr build_log(std::uint32_t, std::vector<Expr> a) {
    Expr ln = call("ln", a[0]);
    if (a.size() == 1) return ln;
    return div(ln, call("ln", a[1]));
}

double sigmoid(double x) {
    if (x >= 0) return 1 / (1 + std::exp(-x));
    double e = std::exp(x);
    return e / (1 + e);
}
double softplus(double x) {
    return x > 30 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}
double sign(double x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }
double nan() { return std::nan(""); }
bool whole(double x) { return x >= 0 && x == std::floor(x); }
double binomial(double n, double k) {
    if (!whole(n) || !whole(k)) return nan();
    if (k > n) return 0;
    return std::round(std::exp(std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1)));
}
[[noreturn]] Expr whole_numbers_only(Args, std::size_t) {
    throw Error(
        ErrorCode::Type,
        "factorial and binomial are defined for whole numbers only: they have no derivative");
}

#define UNARY(expr)            \
    [](Nums x) -> double {     \
        const double u = x[0]; \
        return (expr);         \
    }
#define PARTIAL(expr)                          \
    [](Args a, std::size_t) -> Expr {          \
        [[maybe_unused]] const Expr& u = a[0]; \
        return (expr);                         \
    }

const std::array kTable = {
    FunctionInfo{"sin", 1, 1, build_func, PARTIAL(call("cos", u)), UNARY(std::sin(u)), "sin(x)",
                 "sine (radians)", "d/dx sin(x^2)", "\\sin"},
    FunctionInfo{"cos", 1, 1, build_func, PARTIAL(neg(call("sin", u))), UNARY(std::cos(u)),
                 "cos(x)", "cosine (radians)", "d/dx cos(2x)", "\\cos"},
    FunctionInfo{"tan", 1, 1, build_func, PARTIAL(one_plus_sq(call("tan", u))), UNARY(std::tan(u)),
                 "tan(x)", "tangent", "d/dx tan(x)", "\\tan"},
    FunctionInfo{"cot", 1, 1, build_func, PARTIAL(neg(one_plus_sq(call("cot", u)))),
                 UNARY(1 / std::tan(u)), "cot(x)", "cotangent, 1/tan(x)", "d/dx cot(x)", "\\cot"},
    FunctionInfo{"sec", 1, 1, build_func, PARTIAL(mul(call("sec", u), call("tan", u))),
                 UNARY(1 / std::cos(u)), "sec(x)", "secant, 1/cos(x)", "d/dx sec(x)", "\\sec"},
    FunctionInfo{"csc", 1, 1, build_func, PARTIAL(neg(mul(call("csc", u), call("cot", u)))),
                 UNARY(1 / std::sin(u)), "csc(x)", "cosecant, 1/sin(x)", "d/dx csc(x)", "\\csc"},
    FunctionInfo{"asin", 1, 1, build_func, PARTIAL(inv_sqrt(one_minus_sq(u))), UNARY(std::asin(u)),
                 "asin(x)", "inverse sine, for -1 <= x <= 1", "d/dx asin(x)", "\\arcsin"},
    FunctionInfo{"acos", 1, 1, build_func, PARTIAL(neg(inv_sqrt(one_minus_sq(u)))),
                 UNARY(std::acos(u)), "acos(x)", "inverse cosine, for -1 <= x <= 1", "d/dx acos(x)",
                 "\\arccos"},
    FunctionInfo{"atan", 1, 1, build_func, PARTIAL(inv(one_plus_sq(u))), UNARY(std::atan(u)),
                 "atan(x)", "inverse tangent", "d/dx atan(x)", "\\arctan"},
    FunctionInfo{"acot", 1, 1, build_func, PARTIAL(neg(inv(one_plus_sq(u)))),
                 UNARY(u == 0 ? M_PI / 2 : std::atan(1 / u)), "acot(x)",
                 "inverse cotangent, atan(1/x)", "d/dx acot(x)"},
    FunctionInfo{"asec", 1, 1, build_func, PARTIAL(inv(mul(sq(u), sqrt(sub(num(1), inv(sq(u))))))),
                 UNARY(std::acos(1 / u)), "asec(x)", "inverse secant, acos(1/x)", "d/dx asec(x)"},
    FunctionInfo{"acsc", 1, 1, build_func,
                 PARTIAL(neg(inv(mul(sq(u), sqrt(sub(num(1), inv(sq(u)))))))),
                 UNARY(std::asin(1 / u)), "acsc(x)", "inverse cosecant, asin(1/x)", "d/dx acsc(x)"},
    FunctionInfo{"atan2", 2, 2, build_func,
                 [](Args a, std::size_t i) -> Expr {
                     Expr r = inv(add(sq(a[0]), sq(a[1])));
                     return i == 0 ? mul(a[1], r) : neg(mul(a[0], r));
                 },
                 [](Nums x) { return std::atan2(x[0], x[1]); }, "atan2(y, x)",
                 "angle of the point (x, y), in (-pi, pi]", "grad(atan2(y, x))"},
    FunctionInfo{"sinh", 1, 1, build_func, PARTIAL(call("cosh", u)), UNARY(std::sinh(u)), "sinh(x)",
                 "hyperbolic sine", "d/dx sinh(x)", "\\sinh"},
    FunctionInfo{"cosh", 1, 1, build_func, PARTIAL(call("sinh", u)), UNARY(std::cosh(u)), "cosh(x)",
                 "hyperbolic cosine", "d/dx cosh(x)", "\\cosh"},
    FunctionInfo{"tanh", 1, 1, build_func, PARTIAL(one_minus_sq(call("tanh", u))),
                 UNARY(std::tanh(u)), "tanh(x)", "hyperbolic tangent", "d/dx tanh(x)", "\\tanh"},
    FunctionInfo{"coth", 1, 1, build_func, PARTIAL(one_minus_sq(call("coth", u))),
                 UNARY(1 / std::tanh(u)), "coth(x)", "hyperbolic cotangent", "d/dx coth(x)",
                 "\\coth"},
    FunctionInfo{"sech", 1, 1, build_func, PARTIAL(neg(mul(call("sech", u), call("tanh", u)))),
                 UNARY(1 / std::cosh(u)), "sech(x)", "hyperbolic secant", "d/dx sech(x)"},
    FunctionInfo{"csch", 1, 1, build_func, PARTIAL(neg(mul(call("csch", u), call("coth", u)))),
                 UNARY(1 / std::sinh(u)), "csch(x)", "hyperbolic cosecant", "d/dx csch(x)"},
    FunctionInfo{"asinh", 1, 1, build_func, PARTIAL(inv_sqrt(add(sq(u), num(1)))),
                 UNARY(std::asinh(u)), "asinh(x)", "inverse hyperbolic sine", "d/dx asinh(x)"},
    FunctionInfo{"acosh", 1, 1, build_func, PARTIAL(inv_sqrt(sub(sq(u), num(1)))),
                 UNARY(std::acosh(u)), "acosh(x)", "inverse hyperbolic cosine, for x >= 1",
                 "d/dx acosh(x)"},
    FunctionInfo{"atanh", 1, 1, build_func, PARTIAL(inv(one_minus_sq(u))), UNARY(std::atanh(u)),
                 "atanh(x)", "inverse hyperbolic tangent, for -1 < x < 1", "d/dx atanh(x)"},
    FunctionInfo{"acoth", 1, 1, build_func, PARTIAL(inv(one_minus_sq(u))), UNARY(std::atanh(1 / u)),
                 "acoth(x)", "inverse hyperbolic cotangent, for |x| > 1", "d/dx acoth(x)"},
    FunctionInfo{"asech", 1, 1, build_func, PARTIAL(neg(inv(mul(u, sqrt(one_minus_sq(u)))))),
                 UNARY(std::acosh(1 / u)), "asech(x)", "inverse hyperbolic secant, for 0 < x <= 1",
                 "d/dx asech(x)"},
    FunctionInfo{"acsch", 1, 1, build_func,
                 PARTIAL(neg(inv(mul(sq(u), sqrt(add(num(1), inv(sq(u)))))))),
                 UNARY(std::asinh(1 / u)), "acsch(x)", "inverse hyperbolic cosecant",
                 "d/dx acsch(x)"},
    FunctionInfo{"exp", 1, 1, build_func, PARTIAL(call("exp", u)), UNARY(std::exp(u)), "exp(x)",
                 "e to the power x", "d/dx exp(x^2)", "\\exp"},
    FunctionInfo{"ln", 1, 1, build_func, PARTIAL(inv(u)), UNARY(std::log(u)), "ln(x)",
                 "natural logarithm, for x > 0", "d/dx ln(x^2 + 1)", "\\ln"},
    FunctionInfo{"log", 1, 2, build_log, nullptr, nullptr, "log(x), log(x, b)",
                 "natural logarithm (as ln), or the base-b logarithm", "log(8, 2)", "\\log"},
    FunctionInfo{"log10", 1, 1, build_func, PARTIAL(inv(mul(u, call("ln", num(10))))),
                 UNARY(std::log10(u)), "log10(x)", "base-10 logarithm", "d/dx log10(x)",
                 "\\log_{10}"},
    FunctionInfo{"log2", 1, 1, build_func, PARTIAL(inv(mul(u, call("ln", num(2))))),
                 UNARY(std::log2(u)), "log2(x)", "base-2 logarithm", "d/dx log2(x)", "\\log_{2}"},
    FunctionInfo{"sqrt", 1, 1, build_sqrt, nullptr, nullptr, "sqrt(x)", "square root, x^(1/2)",
                 "d/dx sqrt(x)"},
    FunctionInfo{"cbrt", 1, 1, build_cbrt, nullptr, nullptr, "cbrt(x)", "real cube root, x^(1/3)",
                 "d/dx cbrt(x)"},
    FunctionInfo{"pow", 2, 2, build_pow, nullptr, nullptr, "pow(a, b)", "a^b", "d/dx pow(x, 3)"},
    FunctionInfo{"abs", 1, 1, build_func, PARTIAL(call("sign", u)), UNARY(std::fabs(u)), "abs(x)",
                 "absolute value; d/dx abs(x) = sign(x), 0 at 0", "d/dx abs(x) at x=-2"},
    FunctionInfo{"sign", 1, 1, build_func, PARTIAL(num(0)), UNARY(sign(u)), "sign(x)",
                 "-1, 0 or 1; its derivative is taken as 0 everywhere", "sign(-3)"},
    FunctionInfo{"step", 1, 1, build_func, PARTIAL(num(0)), UNARY(u > 0 ? 1.0 : 0.0), "step(x)",
                 "Heaviside step: 1 for x > 0, else 0; derivative taken as 0", "step(2)"},
    FunctionInfo{"sigmoid", 1, 1, build_func,
                 PARTIAL(mul(call("sigmoid", u), sub(num(1), call("sigmoid", u)))),
                 UNARY(sigmoid(u)), "sigmoid(x)", "logistic function 1/(1 + exp(-x))",
                 "d/dx sigmoid(x) at x=0"},
    FunctionInfo{"relu", 1, 1, build_func, PARTIAL(call("step", u)), UNARY(u > 0 ? u : 0.0),
                 "relu(x)", "max(0, x); d/dx relu(x) = step(x), 0 at 0", "d/dx relu(x) at x=2"},
    FunctionInfo{"softplus", 1, 1, build_func, PARTIAL(call("sigmoid", u)), UNARY(softplus(u)),
                 "softplus(x)", "ln(1 + exp(x)), a smooth relu", "d/dx softplus(x)"},
    FunctionInfo{"factorial", 1, 1, build_func, whole_numbers_only,
                 UNARY(whole(u) ? std::tgamma(u + 1) : nan()), "factorial(n), n!",
                 "n! = 1*2*...*n of a whole number n, exact", "20!"},
    FunctionInfo{"binomial", 2, 2, build_func, whole_numbers_only,
                 [](Nums x) { return binomial(x[0], x[1]); }, "binomial(n, k)",
                 "n choose k, of whole numbers, exact", "binomial(10, 3)"},
};

// Spellings of other tools and textbooks, read as dfdx's own names (and echoed in them).
const std::unordered_map<std::string_view, std::string_view> kAliases = {
    {"arcsin", "asin"},   {"arccos", "acos"},      {"arctan", "atan"},    {"arccot", "acot"},
    {"arcsec", "asec"},   {"arccsc", "acsc"},      {"arsinh", "asinh"},   {"arcosh", "acosh"},
    {"artanh", "atanh"},  {"arcoth", "acoth"},     {"arsech", "asech"},   {"arcsch", "acsch"},
    {"arcsinh", "asinh"}, {"arccosh", "acosh"},    {"arctanh", "atanh"},  {"arccoth", "acoth"},
    {"arcsech", "asech"}, {"arccsch", "acsch"},    {"tg", "tan"},         {"ctg", "cot"},
    {"cosec", "csc"},     {"logistic", "sigmoid"}, {"fact", "factorial"}, {"choose", "binomial"},
};

#undef UNARY
#undef PARTIAL

bool named(std::uint32_t id, std::string_view n) { return kTable[id].name == n; }

[[noreturn]] void undefined_at(std::uint32_t id, const Rational& x) {
    throw Error(ErrorCode::Domain,
                std::string(kTable[id].name) + " is undefined at " + to_string(x));
}

// c when a is c*pi for a rational c.
std::optional<Rational> pi_multiple(const Expr& a) {
    const auto pi = static_cast<std::uint32_t>(ConstantId::Pi);
    if (a.kind() == Kind::Constant && a->id == pi) return Rational(1);
    if (a.kind() == Kind::Mul && a->args.size() == 1 && a->args[0].kind() == Kind::Constant &&
        a->args[0]->id == pi) {
        return a->num;
    }
    return std::nullopt;
}

// c*pi as the printer writes it in plain text: pi, -pi, 3*pi, pi/2, -3*pi/2. The table
// sits below the printer, so the one message that names such an angle spells it here.
std::string pi_multiple_text(const Rational& c) {
    const mpz_class p = c.get_num(), q = c.get_den();
    std::string s = p < 0 ? "-" : "";
    if (abs(p) != 1) s += mpz_class(abs(p)).get_str() + "*";
    s += "pi";
    if (q != 1) s += "/" + q.get_str();
    return s;
}

// Exact values of the circular functions at whole multiples of pi/2 (sin(pi) = 0, and
// tan(pi/2) is an error rather than 1.6e16).
std::optional<Expr> fold_at_pi(std::uint32_t id, const Rational& c) {
    const Rational t = 2 * c;
    if (!is_integer(t)) return std::nullopt;
    mpz_class r = t.get_num() % 4;
    if (r < 0) r += 4;
    const long k = r.get_si();  // the angle is k*pi/2
    const long sin_k[] = {0, 1, 0, -1}, cos_k[] = {1, 0, -1, 0};
    const std::string_view n = kTable[id].name;
    const long s = sin_k[k], co = cos_k[k];
    const bool undefined =
        ((n == "tan" || n == "sec") && co == 0) || ((n == "cot" || n == "csc") && s == 0);
    if (undefined)
        throw Error(ErrorCode::Domain, std::string(n) + " is undefined at " + pi_multiple_text(c));
    if (n == "sin") return num(s);
    if (n == "cos") return num(co);
    if (n == "tan") return num(s * co);
    if (n == "cot") return num(s * co);
    if (n == "sec") return num(co);
    if (n == "csc") return num(s);
    return std::nullopt;
}

}  // namespace

std::span<const FunctionInfo> all_functions() { return kTable; }

const FunctionInfo& function_info(std::uint32_t id) { return kTable.at(id); }

std::optional<std::uint32_t> find_function(std::string_view name) {
    static const auto index = [] {
        std::unordered_map<std::string_view, std::uint32_t> m;
        for (std::uint32_t i = 0; i < kTable.size(); ++i) m.emplace(kTable[i].name, i);
        return m;
    }();
    auto it = index.find(name);
    if (it == index.end()) {
        auto alias = kAliases.find(name);
        if (alias == kAliases.end()) return std::nullopt;
        it = index.find(alias->second);
    }
    return it->second;
}

std::uint32_t function_id(std::string_view name) { return *find_function(name); }

// n! and binomial(n, k) of whole numbers, exactly; an error for other numbers.
static std::optional<Expr> fold_counting(std::uint32_t id, std::span<const Expr> args) {
    for (const Expr& a : args) {
        // A constant that did not fold to a number (pi, sqrt(2)) is not a whole number.
        if (!is_number(a) && is_constant_value(a)) {
            std::string what =
                a.kind() == Kind::Constant
                    ? ", not " + std::string(a->id == static_cast<std::uint32_t>(ConstantId::Pi)
                                                 ? "pi"
                                                 : "e")
                    : "";
            throw Error(ErrorCode::Domain,
                        std::string(kTable[id].name) + " is defined for whole numbers only" + what);
        }
        if (!is_number(a)) return std::nullopt;
    }
    for (const Expr& a : args) {
        if (!is_integer(a->num) || a->num < 0) {
            throw Error(ErrorCode::Domain, std::string(kTable[id].name) +
                                               " is defined for whole numbers only, not " +
                                               to_string(a->num));
        }
    }
    constexpr unsigned long kMost = 100000;  // 100000! has 456,574 digits
    const mpz_class& n = args[0]->num.get_num();
    if (!n.fits_ulong_p() || n.get_ui() > kMost) {
        throw Error(ErrorCode::Limit, std::string(kTable[id].name) +
                                          " past the limit of n = " + std::to_string(kMost));
    }
    mpz_class r;
    if (args.size() == 1) {
        mpz_fac_ui(r.get_mpz_t(), n.get_ui());
    } else {
        const mpz_class& k = args[1]->num.get_num();
        if (k > n) return num(0);
        mpz_bin_uiui(r.get_mpz_t(), n.get_ui(), k.get_ui());
    }
    return num(Rational(r));
}

FunctionDomain function_domain(std::uint32_t id) {
    using D = FunctionDomain;
    // Read in the evaluators' loops: a plain array after the first call.
    static const auto domains = [] {
        std::vector<D> d(kTable.size(), D::All);
        const std::pair<std::string_view, D> rows[] = {
            {"ln", D::Positive},        {"log10", D::Positive},   {"log2", D::Positive},
            {"cot", D::NonZero},        {"csc", D::NonZero},      {"coth", D::NonZero},
            {"csch", D::NonZero},       {"acsch", D::NonZero},    {"asin", D::UnitClosed},
            {"acos", D::UnitClosed},    {"asec", D::OutsideUnit}, {"acsc", D::OutsideUnit},
            {"acosh", D::AtLeastOne},   {"atanh", D::UnitOpen},   {"acoth", D::OutsideUnitOpen},
            {"asech", D::UnitHalfOpen},
        };
        for (const auto& [name, dom] : rows) d[function_id(name)] = dom;
        return d;
    }();
    return id < domains.size() ? domains[id] : D::All;
}

bool defined_everywhere(std::uint32_t id) {
    const FunctionInfo& f = kTable.at(id);
    // The poles of tan and sec lie inside a domain of All; factorial and binomial take
    // whole numbers only.
    return f.min_args == 1 && f.max_args == 1 && f.partial &&
           function_domain(id) == FunctionDomain::All && !named(id, "tan") && !named(id, "sec") &&
           !named(id, "factorial");
}

bool in_domain(FunctionDomain d, const Rational& x) {
    switch (d) {
        case FunctionDomain::All: return true;
        case FunctionDomain::Positive: return x > 0;
        case FunctionDomain::NonZero: return x != 0;
        case FunctionDomain::UnitClosed: return abs(x) <= 1;
        case FunctionDomain::OutsideUnit: return abs(x) >= 1;
        case FunctionDomain::AtLeastOne: return x >= 1;
        case FunctionDomain::UnitOpen: return abs(x) < 1;
        case FunctionDomain::OutsideUnitOpen: return abs(x) > 1;
        case FunctionDomain::UnitHalfOpen: return x > 0 && x <= 1;
    }
    return true;
}

std::optional<Expr> fold_function(std::uint32_t id, std::span<const Expr> args) {
    if (named(id, "factorial") || named(id, "binomial")) return fold_counting(id, args);
    if (args.size() != 1) {
        if (named(id, "atan2") && is_zero(args[0]) && args[1].kind() == Kind::Number &&
            args[1]->num > 0) {
            return num(0);
        }
        return std::nullopt;
    }
    const Expr& a = args[0];
    if (named(id, "ln") && a.kind() == Kind::Constant &&
        a->id == static_cast<std::uint32_t>(ConstantId::E)) {
        return num(1);
    }
    if (auto c = pi_multiple(a)) {
        if (auto v = fold_at_pi(id, *c)) return v;
        return detail::fold_trig_at_pi(id, *c);
    }
    if (auto v = detail::fold_inverse_trig(id, a)) return v;
    if (auto v = detail::fold_log_exp(id, a)) return v;
    if (a.kind() != Kind::Number) return std::nullopt;
    const Rational& x = a->num;
    const std::string_view n = kTable[id].name;
    if (!in_domain(function_domain(id), x)) undefined_at(id, x);
    // Exact values.
    if (n == "abs") return num(abs(x));
    if (n == "sign") return num(sgn(x));
    if (n == "step") return num(x > 0 ? 1 : 0);
    if (n == "relu") return num(x > 0 ? x : Rational(0));
    if (x == 0) {
        for (auto z : {"sin", "tan", "asin", "atan", "sinh", "tanh", "asinh", "atanh"}) {
            if (n == z) return num(0);
        }
        for (auto o : {"cos", "cosh", "sec", "sech", "exp"}) {
            if (n == o) return num(1);
        }
        if (n == "sigmoid") return half();
    }
    if (x == 1) {
        for (auto z : {"ln", "log10", "log2", "acos", "acosh", "asech"}) {
            if (n == z) return num(0);
        }
    }
    return std::nullopt;
}

double eval_function(std::uint32_t id, std::span<const double> x) {
    const FunctionInfo& info = kTable.at(id);
    // Outside the domain the error is the one a pole gets; the value is never computed.
    double v = x.size() == 1 && !in_domain(function_domain(id), x[0]) ? nan() : info.numeric(x);
    if (!std::isfinite(v)) {
        std::string at;
        bool finite_args = true;
        for (std::size_t i = 0; i < x.size(); ++i) {
            at += (i ? ", " : "") + format_decimal(x[i], 15);
            finite_args = finite_args && std::isfinite(x[i]);
        }
        // exp, sinh and cosh overflow a double far from any pole: that is a size limit.
        const bool grows = info.name == "exp" || info.name == "sinh" || info.name == "cosh";
        if (std::isinf(v) && finite_args && grows && std::fabs(x[0]) > 700) {
            throw Error(ErrorCode::Limit,
                        std::string(info.name) + "(" + at + ") is too large for a decimal");
        }
        throw Error(ErrorCode::Domain, std::string(info.name) + " is undefined at " + at);
    }
    return v;
}

std::vector<std::string> similar_function_names(std::string_view name) {
    std::vector<std::string> out;
    for (const FunctionInfo& f : kTable) {
        if (f.name != name && edit_distance(f.name, name) == 1) out.emplace_back(f.name);
    }
    return out;
}

}  // namespace dfdx
