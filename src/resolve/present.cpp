// How values are shown (present.hpp).
#include "resolve/present.hpp"

#include <algorithm>

#include "calculus/simplify.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "expr/names.hpp"
#include "print/notation.hpp"
#include "print/print.hpp"

namespace dfdx {

namespace {

/// A number written exactly in few symbols: rationals, roots of small whole numbers, pi
/// and e, and their sums and products (`sqrt(2)/2`, `2 - sqrt(3)`, `pi/6`). Roots of
/// fractions (`sqrt(53/100)`, from points like x=0.53) read better as decimals. A power
/// of a number to a whole exponent only survives construction when it is too large to
/// expand (`3^(-1000000)`): that one prints as a decimal.
bool closed_form(const Expr& e, int depth = 0) {
    switch (e.kind()) {
        case Kind::Number:
        case Kind::Constant: return true;
        case Kind::Pow: {
            const Expr& b = e->args[0];
            const Expr& x = e->args[1];
            return b.kind() == Kind::Number && x.kind() == Kind::Number && !is_integer(x->num) &&
                   is_integer(b->num) && bit_size(b->num) <= 32 && bit_size(x->num) <= 16;
        }
        case Kind::Mul:
        case Kind::Add:
            if (depth > 1 || e->args.size() > 4) return false;
            return std::all_of(e->args.begin(), e->args.end(),
                               [&](const Expr& a) { return closed_form(a, depth + 1); });
        case Kind::Symbol:
        case Kind::Func:
        case Kind::Apply:
        case Kind::Deriv:
        case Kind::Vector: return false;
    }
    return false;
}

/// Printed exactly rather than as a decimal: rationals, and closed forms of a few symbols.
bool shown_exactly(const Expr& e) {
    constexpr std::size_t kShort = 32;  // characters of the plain form
    return is_number(e) || (closed_form(e) && print(e).size() <= kShort);
}

}  // namespace

std::string Presenter::show(const Expr& e, const Settings& settings, bool force_decimal,
                            const std::vector<std::string>& leading) const {
    PrintOptions opt{settings.format, leading};
    if (e.kind() == Kind::Vector) {
        if (!force_decimal && std::all_of(e->args.begin(), e->args.end(), [](const Expr& a) {
                return !is_constant_value(a) || shown_exactly(a) || a.kind() == Kind::Vector;
            })) {
            bool nested_numeric = false;
            for (const Expr& a : e->args) {
                if (a.kind() == Kind::Vector) {
                    for (const Expr& b : a->args)
                        nested_numeric |= is_constant_value(b) && !shown_exactly(b);
                }
            }
            if (!nested_numeric) return print(e, opt);
        }
        std::vector<std::string> parts;
        for (const Expr& a : e->args) parts.push_back(show(a, settings, force_decimal, leading));
        return notation(settings.format).list(join(parts, ", "));
    }
    if (shown_exactly(e) && !force_decimal) return print(e, opt);
    if (is_constant_value(e)) {
        try {
            return notation(settings.format).decimal(decimals_.text(e, settings.precision));
        } catch (const Error& err) {
            // Past a decimal's reach (10^10^10^10, or a zero no precision can confirm):
            // the exact value, unless a decimal was asked for.
            if (force_decimal || err.code() != ErrorCode::Limit) throw;
            return print(e, opt);
        }
    }
    if (force_decimal) {
        auto names = free_symbols(e);
        throw Error(ErrorCode::Type,
                    "approx needs a number, but " +
                        (names.empty() ? std::string("an unknown function") : names[0]) +
                        " has no value (give one with 'at')");
    }
    return print(e, opt);
}

Expr Presenter::textbook(const Expr& e) const {
    if (e->args.empty() || is_constant_value(e)) return e;  // numbers print as numbers
    if (auto it = simplified_.find(e); it != simplified_.end()) return it->second;
    Expr r = simplify(e);
    if (simplified_.size() > 256) simplified_.clear();
    simplified_.emplace(e, r);
    return r;
}

}  // namespace dfdx
