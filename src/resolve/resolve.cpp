// Resolution of names and calls, and the special forms that take unevaluated arguments.
#include "resolve/resolve.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>

#include "calculus/diff.hpp"
#include "calculus/simplify.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "expr/names.hpp"
#include "print/print.hpp"
#include "text/commands.hpp"
#include "text/parser.hpp"

namespace dfdx {

namespace {

const std::vector<std::string> kSpecialForms = {"diff",     "grad",     "hessian", "jacobian",
                                                "taylor",   "simplify", "expand",  "factor",
                                                "together", "cancel",   "approx"};

bool is_special(const std::string& name) {
    return std::find(kSpecialForms.begin(), kSpecialForms.end(), name) != kSpecialForms.end();
}

/// Operations of other calculus tools that dfdx does not do: an error that says so, not
/// an unknown function echoed back (SPEC §2). A user definition of the name comes first.
const char* not_done(const std::string& name) {
    static const std::unordered_map<std::string, const char*> kNotDone = {
        {"integrate", "dfdx does not integrate"},
        {"integral", "dfdx does not integrate"},
        {"Integrate", "dfdx does not integrate"},
        {"int", "dfdx does not integrate"},
        {"antiderivative", "dfdx does not integrate"},
        {"limit", "dfdx does not take limits"},
        {"lim", "dfdx does not take limits"},
        {"Limit", "dfdx does not take limits"},
        {"solve", "dfdx does not solve equations"},
        {"nsolve", "dfdx does not solve equations"},
        {"fsolve", "dfdx does not solve equations"},
        {"roots", "dfdx does not solve equations"},
        {"Solve", "dfdx does not solve equations"},
        {"dsolve", "dfdx does not solve differential equations"},
        {"series", "dfdx does not expand series; taylor(EXPR, x, a, n) gives a Taylor polynomial"},
        {"sum", "dfdx does not add up sequences; write the terms out with +"},
        {"product", "dfdx does not multiply out sequences; write the factors out with *"},
        {"det", "dfdx does not do matrix algebra"},
        {"inverse", "dfdx does not do matrix algebra"},
        {"transpose", "dfdx does not do matrix algebra"},
        {"eigenvals", "dfdx does not do matrix algebra"},
        {"max", "dfdx has no max; relu(x) is max(0, x)"},
        {"min", "dfdx has no min; -relu(-x) is min(0, x)"},
        {"gamma", "dfdx has no gamma function; n! is the factorial of a whole number"},
        {"floor", "dfdx has no floor: it works with differentiable functions"},
        {"ceil", "dfdx has no ceil: it works with differentiable functions"},
        {"round", "dfdx has no round: it works with differentiable functions"},
        {"mod", "dfdx has no mod: it works with differentiable functions"},
    };
    auto it = kNotDone.find(name);
    return it == kNotDone.end() ? nullptr : it->second;
}

/// Names that conventionally name functions: f(x) reads as a call without a note.
bool function_like(const std::string& n) {
    return n.size() > 1 || n == "f" || n == "g" || n == "h" || n == "u" || n == "v" || n == "F" ||
           n == "G" || n == "H";
}

[[noreturn]] void fail(ErrorCode code, const std::string& msg, Span span) {
    throw Error(code, msg, span);
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Names the statement uses as plain variables (x in `2x(x + 1)`, d/dx's x).
void collect_variables(const Syntax& s, std::set<std::string>& out) {
    if (s.kind == SyntaxKind::Name) out.insert(s.text);
    for (const DiffVar& v : s.vars) out.insert(v.name);
    for (const auto& k : s.kids) collect_variables(*k, out);
}

class Resolver {
public:
    Resolver(ResolveContext& ctx, const Syntax& root) : ctx_(ctx) {
        collect_variables(root, variables_);
        variables_.insert(ctx.point_names.begin(), ctx.point_names.end());
    }

    Expr operator()(const Syntax& s) {
        try {
            return compute(s);
        } catch (Error& e) {
            e.set_span_if_empty(s.span);
            throw;
        }
    }

    /// The variables and orders of `diff(EXPR, x, 2, y)`, after the operand.
    std::vector<DiffVar> diff_vars(const Syntax& call) {
        std::vector<DiffVar> vars;
        for (std::size_t i = 1; i < call.kids.size(); ++i) {
            const Syntax& k = *call.kids[i];
            if (k.kind == SyntaxKind::Name) {
                vars.push_back({k.text, 1, k.span});
            } else {
                if (vars.empty()) {
                    fail(ErrorCode::Parse, "expected a variable before the order", k.span);
                }
                vars.back().order = order_arg(k);
            }
        }
        return vars;
    }

private:
    bool in_body() const { return ctx_.params != nullptr; }
    bool is_param(const std::string& n) const {
        return in_body() &&
               std::find(ctx_.params->begin(), ctx_.params->end(), n) != ctx_.params->end();
    }
    /// Inlines user definitions, except inside definition bodies (late binding).
    Expr settle(const Expr& e) const { return in_body() ? e : ctx_.env.expand(e); }

    Expr compute(const Syntax& s) {
        switch (s.kind) {
            case SyntaxKind::Number: return num(parse_decimal(s.text));
            case SyntaxKind::Name: return name(s.text, s.span);
            case SyntaxKind::Call: return call(s);
            case SyntaxKind::PrimeCall: return prime_call(s);
            case SyntaxKind::Neg: return neg((*this)(*s.kids[0]));
            case SyntaxKind::Sum: {
                std::vector<Expr> terms;
                for (std::size_t i = 0; i < s.kids.size(); ++i) {
                    Expr t = (*this)(*s.kids[i]);
                    terms.push_back(s.negated[i] ? neg(t) : t);
                }
                return add(terms);
            }
            case SyntaxKind::Product: {
                std::vector<Expr> factors;
                for (std::size_t i = 0; i < s.kids.size(); ++i) {
                    Expr f = (*this)(*s.kids[i]);
                    if (s.negated[i]) {
                        if (is_zero(f))
                            fail(ErrorCode::DivisionByZero, "division by zero", s.kids[i]->span);
                        f = pow(f, num(-1));
                    }
                    factors.push_back(f);
                }
                return mul(factors);
            }
            case SyntaxKind::Power: {
                const Syntax& base = *s.kids[0];
                if (base.kind == SyntaxKind::Call && base.kids.size() == 1 &&
                    reads_as_product(base)) {
                    // x (1+y)^3 is x*(1+y)^3: the power binds to the bracket (SPEC §2).
                    return mul(name(base.text, base.span),
                               pow((*this)(*base.kids[0]), (*this)(*s.kids[1])));
                }
                return pow((*this)(base), (*this)(*s.kids[1]));
            }
            case SyntaxKind::Vector: {
                std::vector<Expr> elems;
                for (const auto& k : s.kids) elems.push_back((*this)(*k));
                return vector(std::move(elems));
            }
            case SyntaxKind::Derivative: {
                Expr operand = ctx_.env.expand((*this)(*s.kids[0]));
                note_differentiated(operand);
                return differentiate(operand, s.vars, ctx_.env, ctx_.memo);
            }
            case SyntaxKind::DerivativeOf: return derivative_of(s);
        }
        return num(0);
    }

    void note(const std::string& text) {
        if (ctx_.notes &&
            std::find(ctx_.notes->begin(), ctx_.notes->end(), text) == ctx_.notes->end()) {
            ctx_.notes->push_back(text);
        }
    }
    void note_differentiated(const Expr& e) {
        if (ctx_.differentiated) ctx_.differentiated->push_back(e);
    }

    /// Spellings of constants from other tools: read as meant, or said (SPEC §2).
    std::optional<Expr> foreign_constant(const std::string& n, Span span) {
        if (n == "Pi" || n == "PI") {
            note(n + " is read as pi");
            return constant(ConstantId::Pi);
        }
        if (n == "E") note("E is a variable here; Euler's number is e");
        if (n == "I")
            note("I is a variable here; dfdx works with real numbers (no imaginary unit)");
        if (n == "inf" || n == "oo" || n == "infinity" || n == "Infinity" || n == "Inf") {
            fail(ErrorCode::Type, "dfdx has no infinity: it works with real numbers", span);
        }
        if (n == "nan" || n == "NaN")
            fail(ErrorCode::Type, "dfdx has no NaN: it works with real numbers", span);
        return std::nullopt;
    }

    /// `d/dx xy` is 0: xy is one name. Said when its letters are names of the statement or
    /// the session (SPEC §2).
    void note_one_name(const std::string& n) {
        if (n.size() < 2 || n.size() > 3 || !greek_letter(n).empty()) return;
        if (n.size() == 2 && n[0] == 'd') return;  // dx reads as a differential, not d*x
        bool letter_used = false;
        for (char c : n) {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return;
            const std::string l(1, c);
            letter_used |= variables_.count(l) || ctx_.env.is_value(l) || ctx_.env.is_function(l);
        }
        if (!letter_used) return;
        std::string star, space;
        for (char c : n) {
            star += (star.empty() ? "" : "*") + std::string(1, c);
            space += (space.empty() ? "" : " ") + std::string(1, c);
        }
        note(n + " is one name; write " + star + " or " + space + " for a product");
    }

    /// `d/dx sinx` is 0: sinx is one name. Said when it is a built-in's name followed by
    /// a variable's (SPEC §2).
    void note_function_name(const std::string& n) {
        for (std::size_t k = 2; k < n.size() && k <= 6; ++k) {
            const std::string head = n.substr(0, k), rest = n.substr(k);
            auto id = find_function(head);
            if (!id || function_info(*id).min_args != 1) continue;
            if (variables_.count(rest) || ctx_.env.is_value(rest)) {
                note(n + " is one name; write " + head + "(" + rest + ") for the function");
                return;
            }
        }
    }

    Expr name(const std::string& n, Span span) {
        if (is_param(n)) return sym(n);
        if (n == "pi") return constant(ConstantId::Pi);
        if (n == "e") return constant(ConstantId::E);
        if (auto v = ctx_.env.value(n)) return *v;
        if (auto c = foreign_constant(n, span)) return *c;
        if (ctx_.env.is_function(n)) {
            fail(ErrorCode::IsAFunction, n + " is a function: call it, as in " + n + "(x)", span);
        }
        if (find_function(n) || is_special(n)) {
            fail(ErrorCode::IsAFunction, n + " is a built-in function: call it, as in " + n + "(x)",
                 span);
        }
        if (n == ctx_.defining) {
            fail(ErrorCode::Cycle, n + " refers to itself", span);
        }
        if (in_body() && implicit_product(n)) {
            std::vector<Expr> letters;
            for (char c : n) letters.push_back(name(std::string(1, c), span));
            return mul(letters);
        }
        if (!in_body()) {
            note_function_name(n);
            note_one_name(n);
        }
        return sym(n);
    }

    // Inside a body, `xy` with x or y a parameter reads as x*y (SPEC §3).
    bool implicit_product(const std::string& n) const {
        if (n.size() < 2) return false;
        bool has_param = false;
        for (char c : n) {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
            if (is_param(std::string(1, c))) has_param = true;
        }
        return has_param;
    }

    std::vector<Expr> resolve_args(const Syntax& s) {
        std::vector<Expr> args;
        for (const auto& k : s.kids) args.push_back((*this)(*k));
        return args;
    }

    void check_arity(const std::string& n, std::size_t got, std::size_t lo, std::size_t hi,
                     Span span) {
        if (got >= lo && got <= hi) return;
        std::string want = lo == hi ? plural(lo, "argument")
                                    : std::to_string(lo) + " to " + plural(hi, "argument");
        fail(ErrorCode::Arity, n + " takes " + want + ", not " + std::to_string(got), span);
    }

    // A user function takes its parameters, and may take its free names after them.
    void check_call(const std::string& n, const FunctionBody& f, std::size_t got, Span span) {
        if (got == f.params.size() || (got > f.params.size() && !f.call_params(got).empty()))
            return;
        std::size_t most = f.params.size();
        std::string extra;
        for (const std::string& name : free_symbols(f.body)) {
            if (std::find(f.params.begin(), f.params.end(), name) == f.params.end()) {
                ++most;
                extra += (extra.empty() ? "" : ", ") + name;
            }
        }
        std::string want = plural(f.params.size(), "argument");
        if (most > f.params.size())
            want += " (or up to " + std::to_string(most) + " with its free names " + extra + ")";
        fail(ErrorCode::Arity, n + " takes " + want + ", not " + std::to_string(got), span);
    }

    /// A name that is not a function, followed by brackets: a product (SPEC §2).
    bool reads_as_product(const Syntax& s) const {
        const std::string& n = s.text;
        bool variable =
            variables_.count(n) && !ctx_.env.is_function(n) && !find_function(n) && !is_special(n);
        return is_param(n) || n == "pi" || n == "e" || ctx_.env.is_value(n) || variable;
    }

    Expr call(const Syntax& s) {
        const std::string& n = s.text;
        if (reads_as_product(s)) {
            // A name that is not a function, followed by brackets: a product.
            if (s.kids.size() != 1) {
                fail(ErrorCode::NotAFunction, n + " is not a function", s.span);
            }
            return mul(name(n, s.span), (*this)(*s.kids[0]));
        }
        if (is_special(n)) return special(s);
        if (auto id = find_function(n)) {
            const FunctionInfo& info = function_info(*id);
            check_arity(n, s.kids.size(), info.min_args, info.max_args, s.span);
            return info.build(*id, resolve_args(s));
        }
        if (n == ctx_.defining) fail(ErrorCode::Cycle, n + " refers to itself", s.span);
        std::vector<Expr> args = resolve_args(s);
        if (const FunctionBody* f = ctx_.env.function(n)) {
            check_call(n, *f, args.size(), s.span);
            return settle(apply(n, std::move(args)));
        }
        if (const char* why = not_done(n)) fail(ErrorCode::Type, why, s.span);
        auto similar = similar_function_names(n);
        if (!similar.empty()) {
            note(n + " is not a known function (kept symbolic); did you mean " + similar[0] + "?");
        } else if (args.size() == 1 && !function_like(n)) {
            const std::string arg = print(args[0]);
            note(n + "(" + arg + ") is read as a call of an unknown function " + n + "; write " +
                 n + "*(" + arg + ") for a product");
        }
        return apply(n, std::move(args));
    }

    Expr prime_call(const Syntax& s) {
        const std::string& n = s.text;
        std::vector<Expr> args = resolve_args(s);
        std::vector<std::uint32_t> orders(args.size(), 0);
        for (unsigned i : s.primes) {
            if (i < 1 || i > args.size()) {
                fail(ErrorCode::Arity, n + " has no argument " + std::to_string(i), s.span);
            }
            ++orders[i - 1];
        }
        if (find_function(n) || is_special(n)) {
            // sin'(x): the derivative of a built-in, through its own rule.
            auto id = find_function(n);
            if (!id) fail(ErrorCode::NotAFunction, n + "' is not defined", s.span);
            const FunctionInfo& info = function_info(*id);
            check_arity(n, args.size(), info.min_args, info.max_args, s.span);
            std::vector<Expr> params;
            std::vector<DiffVar> vars;
            for (std::size_t i = 0; i < args.size(); ++i) {
                params.push_back(sym("_" + std::to_string(i)));
                if (orders[i]) vars.push_back({"_" + std::to_string(i), orders[i], s.span});
            }
            Expr body = info.build(*id, params);
            Expr d = body;
            for (const DiffVar& v : vars) d = diff(d, v.name, v.order);
            Bindings b;
            for (std::size_t i = 0; i < args.size(); ++i) b["_" + std::to_string(i)] = args[i];
            return substitute(d, b);
        }
        if (ctx_.env.is_value(n)) fail(ErrorCode::NotAFunction, n + " is not a function", s.span);
        if (n == ctx_.defining) fail(ErrorCode::Cycle, n + " refers to itself", s.span);
        if (const FunctionBody* f = ctx_.env.function(n)) {
            check_call(n, *f, args.size(), s.span);
            // f'(-1) for f(x) = ln(x): undefined where f is (SPEC §5)
            if (!in_body()) note_differentiated(settle(apply(n, args)));
        }
        return settle(deriv(n, std::move(args), std::move(orders)));
    }

    Expr derivative_of(const Syntax& s) {
        const std::string& n = s.text;
        Expr target;
        if (!s.kids.empty()) return derivative_applied(s);
        if (const FunctionBody* f = ctx_.env.function(n)) {
            target = ctx_.env.expand(f->body);
        } else if (auto v = ctx_.env.value(n)) {
            target = ctx_.env.expand(*v);
        } else if (is_param(n)) {
            target = sym(n);
        } else {
            fail(ErrorCode::NotAFunction,
                 n + " is not defined; define it first (" + n + "(x) = ...) or write d/d" +
                     s.vars[0].name + " EXPR",
                 s.span);
        }
        note_differentiated(target);
        return differentiate(target, s.vars, ctx_.env, ctx_.memo);
    }

    // df/dx(3): the derivative of a defined function, applied to the arguments (as f'(3)).
    Expr derivative_applied(const Syntax& s) {
        const std::string& n = s.text;
        const FunctionBody* f = ctx_.env.function(n);
        if (!f) {
            fail(ErrorCode::NotAFunction,
                 n + " is not a function: define it (" + n + "(x) = ...), or write d" + n + "/d" +
                     s.vars[0].name + " at " + s.vars[0].name + "=...",
                 s.span);
        }
        std::vector<Expr> args = resolve_args(s);
        check_call(n, *f, args.size(), s.span);
        const std::vector<std::string> params =
            args.size() == f->params.size() ? f->params : f->call_params(args.size());
        for (const DiffVar& v : s.vars) {
            if (std::find(params.begin(), params.end(), v.name) == params.end()) {
                fail(ErrorCode::Type, n + " has no parameter " + v.name, v.span);
            }
        }
        Expr body = ctx_.env.expand(f->body);
        Expr d = differentiate(body, s.vars, ctx_.env, ctx_.memo);
        Bindings b;
        for (std::size_t i = 0; i < params.size(); ++i) b[params[i]] = args[i];
        note_differentiated(substitute(body, b));
        return substitute(d, b);
    }

    // --- special forms --------------------------------------------------------------

    std::string variable_arg(const Syntax& s) {
        if (s.kind != SyntaxKind::Name) {
            fail(ErrorCode::Parse, "expected a variable name here", s.span);
        }
        check_variable(s.text, ctx_.env, s.span);
        return s.text;
    }

    unsigned long long order_arg(const Syntax& s) {
        Expr v = (*this)(s);
        if (!is_number(v) || !is_integer(v->num) || v->num < 0) {
            fail(ErrorCode::Parse, "expected a whole number as the order", s.span);
        }
        if (!v->num.get_num().fits_ulong_p()) {
            fail(ErrorCode::Limit, "derivative order past the limit", s.span);
        }
        return v->num.get_num().get_ui();
    }

    // The expression and default variables of grad/hessian: a function's parameters,
    // else the free names in the order the text shows them (SPEC §4: `f = w*x + b` gives
    // w, x, b), bound names standing for the names of their own text.
    std::pair<Expr, std::vector<std::string>> target_and_vars(const Syntax& s) {
        const Syntax& first = *s.kids[0];
        if (auto f = function_of(first, ctx_.env)) return {f->body, f->params};
        Expr e = ctx_.env.expand((*this)(first));
        std::vector<std::string> seen;
        names_in_order(first, ctx_.env, seen);
        return {e, in_text_order(free_symbols(e), seen)};
    }

    std::vector<std::string> explicit_vars(const Syntax& s, std::size_t from) {
        std::vector<std::string> vars;
        for (std::size_t i = from; i < s.kids.size(); ++i) vars.push_back(variable_arg(*s.kids[i]));
        return vars;
    }

    Expr special(const Syntax& s) {
        const std::string& n = s.text;
        const std::size_t argc = s.kids.size();
        if (n == "diff") {
            check_arity(n, argc, 2, 64, s.span);
            Expr e = ctx_.env.expand((*this)(*s.kids[0]));
            std::vector<DiffVar> vars = diff_vars(s);
            note_differentiated(e);
            return differentiate(e, vars, ctx_.env, ctx_.memo);
        }
        if (n == "grad" || n == "hessian") {
            check_arity(n, argc, 1, 64, s.span);
            auto [e, vars] = target_and_vars(s);
            note_differentiated(e);
            if (argc == 2 && s.kids[1]->kind == SyntaxKind::Vector) {
                vars = explicit_vars(*s.kids[1], 0);  // grad(e, [x, y]), as jacobian takes them
            } else if (argc > 1) {
                vars = explicit_vars(s, 1);
            }
            for (const std::string& v : vars) check_variable(v, ctx_.env, s.span);
            std::vector<Expr> g;
            for (const std::string& v : vars) g.push_back(diff(e, v));
            if (n == "grad") return vector(std::move(g));
            std::vector<Expr> rows;
            for (const Expr& gi : g) {
                std::vector<Expr> row;
                for (const std::string& v : vars) row.push_back(diff(gi, v));
                rows.push_back(vector(std::move(row)));
            }
            return vector(std::move(rows));
        }
        if (n == "jacobian") {
            check_arity(n, argc, 1, 2, s.span);
            Expr f = ctx_.env.expand((*this)(*s.kids[0]));
            if (f.kind() != Kind::Vector)
                fail(ErrorCode::Type, "jacobian needs a vector of expressions", s.kids[0]->span);
            note_differentiated(f);
            std::vector<std::string> vars = free_symbols(f);
            if (argc == 2) {
                const Syntax& v = *s.kids[1];
                if (v.kind != SyntaxKind::Vector)
                    fail(ErrorCode::Type, "jacobian's variables go in [x, y]", v.span);
                vars = explicit_vars(v, 0);
            }
            std::vector<Expr> rows;
            for (const Expr& fi : f->args) {
                std::vector<Expr> row;
                for (const std::string& v : vars) row.push_back(diff(fi, v));
                rows.push_back(vector(std::move(row)));
            }
            return vector(std::move(rows));
        }
        if (n == "taylor") {
            check_arity(n, argc, 4, 4, s.span);
            Expr e = ctx_.env.expand((*this)(*s.kids[0]));
            std::string x = variable_arg(*s.kids[1]);
            Expr a = (*this)(*s.kids[2]);
            unsigned long long order = order_arg(*s.kids[3]);
            if (order > 1000)
                fail(ErrorCode::Limit, "taylor order past the limit of 1000", s.kids[3]->span);
            std::vector<Expr> terms;
            Expr d = e;
            Rational factorial(1);
            Expr shift = sub(sym(x), a);
            for (unsigned long long k = 0; k <= order; ++k) {
                if (k > 0) {
                    d = diff(d, x);
                    factorial *= static_cast<unsigned long>(k);
                }
                Expr at = substitute(d, {{x, a}});
                Expr factors[] = {num(Rational(1) / factorial), at,
                                  pow(shift, num(static_cast<long>(k)))};
                terms.push_back(mul(factors));
            }
            return add(terms);
        }
        if (is_rewrite_form(n)) {
            check_arity(n, argc, 1, 1, s.span);
            Expr e = ctx_.env.expand((*this)(*s.kids[0]));
            if (n == "simplify") return simplify(e);
            if (n == "expand") return expand(e);
            if (n == "factor") return factor(e);
            return n == "together" ? together(e) : cancel(e);
        }
        // approx: handled by the session for a whole statement.
        fail(ErrorCode::Type, "approx(...) applies to a whole statement, as in approx(pi/4)",
             s.span);
    }

    ResolveContext& ctx_;
    std::set<std::string> variables_;
};

// --- table and plot expressions --------------------------------------------------

bool takes_one_argument(const std::string& name, const Environment& env) {
    if (const FunctionBody* f = env.function(name)) return f->params.size() == 1;
    if (env.is_value(name)) return false;
    auto id = find_function(name);
    return id && function_info(*id).min_args == 1;
}

/// A copy of `s` in which a bare one-argument function name `f` (or `f'`) is the call
/// `f(var)` (or `f'(var)`).
SyntaxPtr apply_bare_names(const Syntax& s, const std::string& var, const Environment& env) {
    auto out = std::make_unique<Syntax>();
    out->kind = s.kind;
    out->span = s.span;
    out->text = s.text;
    out->negated = s.negated;
    out->vars = s.vars;
    out->primes = s.primes;
    for (const SyntaxPtr& k : s.kids) out->kids.push_back(apply_bare_names(*k, var, env));
    if (s.kind == SyntaxKind::Name && (!s.primes.empty() || takes_one_argument(s.text, env))) {
        out->kind = s.primes.empty() ? SyntaxKind::Call : SyntaxKind::PrimeCall;
        auto arg = std::make_unique<Syntax>();
        arg->kind = SyntaxKind::Name;
        arg->span = s.span;
        arg->text = var;
        out->kids.push_back(std::move(arg));
    }
    return out;
}

/// `f(x)`, `f'(x)` for a call of a user function on plain names; empty otherwise.
std::string call_label(const Syntax& s, const Environment& env, Format format) {
    if (s.kind != SyntaxKind::Call && s.kind != SyntaxKind::PrimeCall) return {};
    if (!env.is_function(s.text)) return {};
    std::string args;
    for (const SyntaxPtr& k : s.kids) {
        if (k->kind != SyntaxKind::Name || !k->primes.empty()) return {};
        args += (args.empty() ? "" : ", ") + print_name(k->text, format);
    }
    std::string primes(s.primes.size(), '\'');
    if (s.kids.size() > 1 && !s.primes.empty()) {
        primes += "[";
        for (std::size_t i = 0; i < s.primes.size(); ++i) {
            primes += (i ? "," : "") + std::to_string(s.primes[i]);
        }
        primes += "]";
    }
    return print_name(s.text, format) + primes + "(" + args + ")";
}

}  // namespace

Expr resolve_keeping_calls(const Syntax& s, ResolveContext& ctx) {
    // An (empty) parameter list reads the syntax as a definition body does: calls of user
    // functions stay calls instead of being inlined.
    static const std::vector<std::string> no_params;
    ResolveContext kept = ctx;
    kept.params = &no_params;
    return resolve(s, kept);
}

std::optional<NamedFunction> function_of(const Syntax& s, const Environment& env) {
    if (s.kind != SyntaxKind::Name) return std::nullopt;
    const FunctionBody* f = env.function(s.text);
    if (!f) return std::nullopt;
    return NamedFunction{s.text, f->params, env.expand(f->body)};
}

DerivativeForm read_derivative_form(const Syntax& s, ResolveContext& ctx,
                                    const std::string& command) {
    auto not_a_derivative = [&] {
        throw Error(ErrorCode::Parse,
                    command + " needs a derivative here, as in '" + command + " d/dx EXPR', '" +
                        command + " ∂f/∂x' or '" + command + " diff(EXPR, x)'",
                    s.span);
    };
    DerivativeForm form;
    switch (s.kind) {
        case SyntaxKind::Derivative:
            form.operand = resolve_keeping_calls(*s.kids[0], ctx);
            form.vars = s.vars;
            break;
        case SyntaxKind::DerivativeOf:
            if (const FunctionBody* f = ctx.env.function(s.text)) {
                form.operand = f->body;
            } else if (auto v = ctx.env.value(s.text)) {
                form.operand = *v;
            } else {
                fail(ErrorCode::NotAFunction,
                     s.text + " is not defined; define it first (" + s.text +
                         "(x) = ...) or write d/d" + s.vars[0].name + " EXPR",
                     s.span);
            }
            form.function = s.text;
            form.vars = s.vars;
            break;
        case SyntaxKind::Call: {
            if (s.text != "diff") not_a_derivative();
            if (s.kids.size() < 2) {
                fail(ErrorCode::Arity, "diff takes an expression and at least one variable",
                     s.span);
            }
            form.operand = resolve_keeping_calls(*s.kids[0], ctx);
            Resolver r(ctx, s);
            form.vars = r.diff_vars(s);
            break;
        }
        case SyntaxKind::Number:
        case SyntaxKind::Name:
        case SyntaxKind::PrimeCall:
        case SyntaxKind::Neg:
        case SyntaxKind::Sum:
        case SyntaxKind::Product:
        case SyntaxKind::Power:
        case SyntaxKind::Vector: not_a_derivative();
    }
    for (const DiffVar& v : form.vars) check_variable(v.name, ctx.env, v.span);
    return form;
}

PointValues read_point(const std::vector<Assignment>& at, ResolveContext& ctx) {
    PointValues point;
    for (const Assignment& a : at) {
        if (auto v = ctx.env.value(a.name)) {
            throw Error(ErrorCode::BoundVariable,
                        a.name + " is bound to " + print(*v) +
                            ", so it takes no other value here; 'clear " + a.name +
                            "' makes it a variable again",
                        a.name_span);
        }
        check_variable(a.name, ctx.env, a.name_span);
        // The parser refuses a name given twice, so names and values stay in step.
        point.names.push_back(a.name);
        point.values[a.name] = ctx.env.expand(resolve(*a.value, ctx));
    }
    return point;
}

RangeTerm read_range_term(const Syntax& s, const std::string& var, ResolveContext& ctx,
                          Format format) {
    SyntaxPtr applied = apply_bare_names(s, var, ctx.env);
    return {ctx.env.expand(resolve(*applied, ctx)), call_label(*applied, ctx.env, format)};
}

void names_in_order(const Syntax& s, const Environment& env, std::vector<std::string>& out) {
    auto add_name = [&out](const std::string& n) {
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    };
    if (s.kind == SyntaxKind::Name) {
        if (env.is_value(s.text)) {
            for (const std::string& n : env.appearance(s.text)) add_name(n);
        } else {
            add_name(s.text);
        }
    }
    for (const auto& k : s.kids) names_in_order(*k, env, out);
}

std::vector<std::string> in_text_order(const std::vector<std::string>& names,
                                       const std::vector<std::string>& seen) {
    std::vector<std::string> out;
    for (const std::string& n : seen) {
        if (std::find(names.begin(), names.end(), n) != names.end()) out.push_back(n);
    }
    for (const std::string& n : names) {
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    return out;
}

bool is_rewrite_form(const std::string& name) {
    return name == "simplify" || name == "expand" || name == "factor" || name == "together" ||
           name == "cancel";
}

void check_variable(const std::string& name, const Environment& env, Span span) {
    if (env.is_function(name)) {
        throw Error(ErrorCode::IsAFunction, name + " is a function, not a variable", span);
    }
    if (auto v = env.value(name)) {
        throw Error(ErrorCode::BoundVariable,
                    name + " is bound to " + print(*v) + "; unbind it with 'clear " + name +
                        "', or give it a value after differentiating with '... at " + name + "=" +
                        print(*v) + "'",
                    span);
    }
    if (name == "pi" || name == "e" || find_function(name)) {
        throw Error(ErrorCode::Type, name + " is a constant or a built-in, not a variable", span);
    }
}

Expr differentiate(const Expr& e, const std::vector<DiffVar>& vars, const Environment& env,
                   DerivativeMemo* memo) {
    Expr d = e;
    for (const DiffVar& v : vars) {
        check_variable(v.name, env, v.span);
        d = memo ? memo->diff(d, v.name, v.order) : diff(d, v.name, v.order);
    }
    return d;
}

bool is_reserved_name(const std::string& name) {
    if (name == "pi" || name == "e" || name == "at" || find_function(name) || is_special(name))
        return true;
    return find_command(name) != nullptr;
}

Expr resolve(const Syntax& s, ResolveContext& ctx) {
    Resolver r(ctx, s);
    return r(s);
}

}  // namespace dfdx
