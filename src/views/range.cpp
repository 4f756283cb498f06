// The range commands' shared part: their expressions (read by resolve.hpp's
// read_range_term) checked and labelled, checked ranges, and evenly spaced points (exact
// when the numbers are rational).
#include "views/range.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "numbers/compiled.hpp"
#include "numbers/eval.hpp"
#include "print/notation.hpp"
#include "print/print.hpp"
#include "resolve/resolve.hpp"

namespace dfdx {

namespace {

/// A number for messages: exact when rational, else a decimal.
std::string show_number(const std::optional<Rational>& exact, double value) {
    return exact ? to_string(*exact) : format_decimal(value, 15);
}

/// The value of a range bound: resolved, expanded, numeric and finite.
double number_of(const Syntax& s, const std::string& what, const ViewContext& view,
                 std::vector<std::string>& notes, std::optional<Rational>& exact) {
    try {
        ResolveContext ctx{view.environment(), nullptr, {}, &notes};
        Expr e = view.environment().expand(resolve(s, ctx));
        if (e.kind() == Kind::Vector)
            throw Error(ErrorCode::Type, what + " must be a number, not a vector");
        std::vector<std::string> names = free_symbols(e);
        if (!names.empty() || has_unknown_calls(e)) {
            throw Error(ErrorCode::Type, what + " must be a number, but " +
                                             (names.empty() ? "it calls an unknown function"
                                                            : names[0] + " has no value"));
        }
        if (is_number(e)) exact = e->num;
        double v = evaluate(e);
        if (!std::isfinite(v)) throw Error(ErrorCode::Limit, what + " is too large");
        return v;
    } catch (Error& err) {
        err.set_span_if_empty(s.span);
        throw;
    }
}

std::string with_commas(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

[[noreturn]] void too_many(std::uint64_t n, std::uint64_t limit, const std::string& what,
                           bool huge) {
    throw Error(ErrorCode::Limit, what + " would have " +
                                      (huge ? "more than " + with_commas(limit) : with_commas(n)) +
                                      " points, past the limit of " + with_commas(limit) +
                                      " (use a larger step or fewer points)");
}

bool fits(const mpz_class& z) {
    return z.fits_slong_p() && z >= -(mpz_class(1) << 62) && z <= (mpz_class(1) << 62);
}

/// The variable of a plot written without `for`: the one name its expressions leave free,
/// `x` when they leave none. Bare function names are applied to `x` for the count.
std::string free_variable(const Statement& st, const Environment& env) {
    std::vector<std::string> names;
    for (const SyntaxPtr& s : st.exprs) {
        try {
            ResolveContext ctx{env, nullptr, {}, nullptr};
            for (const std::string& n :
                 free_symbols(read_range_term(*s, "x", ctx, Format::Plain).value)) {
                if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
            }
        } catch (Error& err) {
            err.set_span_if_empty(s->span);
            throw;
        }
    }
    if (names.size() <= 1) return names.empty() ? "x" : names[0];
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + names[i];
    throw Error(ErrorCode::Type,
                st.name + " of several variables (" + list + "): say which one runs, as in '" +
                    st.name + " ... for " + names[0] + " in [0, 1]'",
                st.span);
}

}  // namespace

RangeExprs resolve_range_exprs(const Statement& st, const ViewContext& view,
                               std::vector<std::string>& notes) {
    const Environment& env = view.environment();
    RangeExprs out;
    // `plot EXPR` without `for`: the range is the default one of its free variable.
    out.var = st.var.empty() ? free_variable(st, env) : st.var;
    const std::string& var = out.var;
    if (auto v = env.value(var)) {
        throw Error(ErrorCode::BoundVariable,
                    var + " is bound to " + print(*v) +
                        ", so it cannot be the variable of the range; "
                        "unbind it with 'clear " +
                        var + "'",
                    st.span);
    }
    check_variable(var, env, st.span);
    Format format = notation(view.settings.format).label_style();
    out.var_label = print_name(var, format);
    for (const SyntaxPtr& s : st.exprs) {
        try {
            ResolveContext ctx{env, nullptr, {}, &notes};
            RangeTerm term = read_range_term(*s, var, ctx, format);
            const Expr& e = term.value;
            if (e.kind() == Kind::Vector) {
                throw Error(ErrorCode::Type,
                            st.name + " needs expressions with one value, not a vector");
            }
            for (const std::string& n : free_symbols(e)) {
                if (n != var) {
                    throw Error(ErrorCode::UnknownFunction,
                                n + " has no value: every name but " + var +
                                    " needs one (bind it first, as in " + n + " = 2)");
                }
            }
            Compiled check(e, var);  // unknown functions fail here, with this span
            out.labels.push_back(term.label.empty() ? print(e, {format, {var}}) : term.label);
            out.exprs.push_back(e);
            out.spans.push_back(s->span);
        } catch (Error& err) {
            err.set_span_if_empty(s->span);
            throw;
        }
    }
    return out;
}

Range resolve_range(const Statement& st, const ViewContext& view, std::vector<std::string>& notes) {
    Range r;
    r.var = st.var;
    if (!st.lo) {  // no `for`: the default range (decision 67)
        r.lo = default_range_lo, r.hi = default_range_hi;
        r.lo_exact = Rational(static_cast<long>(r.lo)),
        r.hi_exact = Rational(static_cast<long>(r.hi));
        return r;
    }
    r.lo = number_of(*st.lo, "the start of the range", view, notes, r.lo_exact);
    r.hi = number_of(*st.hi, "the end of the range", view, notes, r.hi_exact);
    const std::string shown =
        "[" + show_number(r.lo_exact, r.lo) + ", " + show_number(r.hi_exact, r.hi) + "]";
    const Span ends{st.lo->span.begin, st.hi->span.end};
    if (r.lo == r.hi)
        throw Error(ErrorCode::Type, "the range " + shown + " is empty: its ends are equal", ends);
    if (r.lo > r.hi) {
        throw Error(ErrorCode::Type,
                    "the range " + shown + " runs backwards: its start is past its end", ends);
    }
    if (!std::isfinite(r.hi - r.lo)) {
        throw Error(ErrorCode::Limit, "the range " + shown + " is too wide for floating point",
                    ends);
    }
    if (st.step) {
        r.step = number_of(*st.step, "the step", view, notes, r.step_exact);
        if (*r.step <= 0) {
            throw Error(ErrorCode::Type,
                        "the step must be positive, not " + show_number(r.step_exact, *r.step),
                        st.step->span);
        }
    }
    if (st.points) {
        std::optional<Rational> n;
        number_of(*st.points, "the number of points", view, notes, n);
        if (!n || !is_integer(*n) || *n < 2) {
            throw Error(ErrorCode::Type,
                        "the number of points must be a whole number of at least 2",
                        st.points->span);
        }
        const mpz_class& z = n->get_num();
        r.points = z.fits_ulong_p() ? z.get_ui() : UINT64_MAX;
    }
    return r;
}

Grid::Grid(const Range& r, std::uint64_t default_points, std::uint64_t limit,
           const std::string& what)
    : lo_(r.lo), hi_(r.hi) {
    std::optional<Rational> step_exact;
    if (r.step) {
        step_ = *r.step;
        if (r.lo_exact && r.hi_exact && r.step_exact) {
            step_exact = *r.step_exact;
            Rational q = (*r.hi_exact - *r.lo_exact) / *r.step_exact;
            mpz_class n = q.get_num() / q.get_den() + 1;  // floor: q > 0
            if (n > limit)
                too_many(n.fits_ulong_p() ? n.get_ui() : 0, limit, what, !n.fits_ulong_p());
            count_ = n.get_ui();
        } else {
            const double q = (r.hi - r.lo) / step_;
            if (!(q < static_cast<double>(limit))) too_many(0, limit, what, true);
            count_ = static_cast<std::uint64_t>(std::floor(q + 1e-9 * std::max(1.0, q))) + 1;
        }
    } else {
        count_ = r.points.value_or(default_points);
        ends_at_hi_ = true;
        if (count_ > limit) too_many(count_, limit, what, count_ == UINT64_MAX);
        step_ = (r.hi - r.lo) / static_cast<double>(count_ - 1);
        if (r.lo_exact && r.hi_exact)
            step_exact = (*r.hi_exact - *r.lo_exact) / Rational(count_ - 1);
    }
    if (!r.lo_exact || !step_exact) return;
    // Exact points: (num + k*step_num) / den with machine integers, when they fit.
    const mpz_class lo_den = r.lo_exact->get_den(), step_den = step_exact->get_den();
    mpz_class den = 0;
    mpz_lcm(den.get_mpz_t(), lo_den.get_mpz_t(), step_den.get_mpz_t());
    mpz_class a = r.lo_exact->get_num() * (den / lo_den);
    mpz_class h = step_exact->get_num() * (den / step_den);
    mpz_class last = a + h * mpz_class(std::to_string(count_ - 1));
    if (!fits(den) || !fits(a) || !fits(h) || !fits(last)) return;
    exact_ = true;
    den_ = den.get_si();
    num_ = a.get_si();
    step_num_ = h.get_si();
    // A terminating decimal when den divides a power of ten that keeps the digits in range.
    std::int64_t d = den_;
    int twos = 0, fives = 0;
    while (d % 2 == 0) d /= 2, ++twos;
    while (d % 5 == 0) d /= 5, ++fives;
    const int m = std::max(twos, fives);
    if (d != 1 || m > 17) return;
    std::int64_t p10 = 1;
    for (int i = 0; i < m; ++i) p10 *= 10;
    const std::int64_t scale = p10 / den_;
    const mpz_class bound = mpz_class(1) << 62;
    if (abs(a) * scale > bound || abs(last) * scale > bound) return;
    decimals_ = m;
    to_decimal_ = scale;
}

double Grid::x(std::uint64_t k) const {
    if (exact_) {
        const std::int64_t v = num_ + static_cast<std::int64_t>(k) * step_num_;
        return static_cast<double>(v) / static_cast<double>(den_);
    }
    if (k + 1 == count_ && ends_at_hi_) return hi_;
    return lo_ + static_cast<double>(k) * step_;
}

std::string Grid::exact_text(std::uint64_t k) const {
    if (!exact_) return {};
    const std::int64_t v = num_ + static_cast<std::int64_t>(k) * step_num_;
    if (decimals_ < 0) {
        if (den_ > max_fraction_den) return {};
        const std::int64_t g = std::gcd(v < 0 ? -v : v, den_);
        const std::int64_t p = v / g, q = den_ / g;
        return q == 1 ? std::to_string(p) : std::to_string(p) + "/" + std::to_string(q);
    }
    const std::int64_t scaled = v * to_decimal_;
    std::string digits = std::to_string(scaled < 0 ? -scaled : scaled);
    if (decimals_ == 0) return (scaled < 0 ? "-" : "") + digits;
    if (digits.size() <= static_cast<std::size_t>(decimals_)) {
        digits.insert(0, static_cast<std::size_t>(decimals_) + 1 - digits.size(), '0');
    }
    std::string whole = digits.substr(0, digits.size() - decimals_);
    std::string frac = digits.substr(digits.size() - decimals_);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    std::string out = (scaled < 0 ? "-" : "") + whole;
    return frac.empty() ? out : out + "." + frac;
}

}  // namespace dfdx
