// Name resolution: syntax trees to expressions. Decides call versus product, reads the
// implicit products of definition bodies, checks arities, and evaluates the derivative
// forms and special functions (diff, grad, hessian, jacobian, taylor, simplify, expand).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calculus/diff.hpp"
#include "calculus/substitute.hpp"
#include "expr/expr.hpp"
#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "text/syntax.hpp"

namespace dfdx {

struct ResolveContext {
    const Environment& env;
    /// Inside a definition body: its parameters and its name.
    const std::vector<std::string>* params = nullptr;
    std::string defining;
    /// Notes for the user ("did you mean sin?"), appended as they arise.
    std::vector<std::string>* notes = nullptr;
    /// The session's derivatives already taken; none when null.
    DerivativeMemo* memo = nullptr;
    /// Names given a value after `at`: variables of the statement, so `x (1+y)^3 at x=2`
    /// reads x as a factor, not as an unknown function.
    std::vector<std::string> point_names = {};
    /// Where set, every expression the statement differentiates is added: its derivative
    /// at a point where it is undefined is an error (SPEC §5).
    std::vector<Expr>* differentiated = nullptr;
};

/// The expression `s` stands for. User functions inside definition bodies stay as calls
/// (so later redefinitions are seen); everywhere else they are inlined. Errors carry
/// the span of the innermost syntax node that caused them.
Expr resolve(const Syntax& s, ResolveContext& ctx);

/// The expression of `s` with calls of user functions kept as calls, as a definition body
/// reads them (so a view can name compositions); `ctx.params` is ignored.
Expr resolve_keeping_calls(const Syntax& s, ResolveContext& ctx);

/// A defined function named by itself, as in `grad(f)` or `backprop f at ...`.
struct NamedFunction {
    std::string name;
    std::vector<std::string> params;
    Expr body;  ///< every definition inlined
};

/// The defined function `s` names when it is a bare name of one; nullopt for anything
/// else (another name, a call, an expression).
std::optional<NamedFunction> function_of(const Syntax& s, const Environment& env);

/// A derivative form as the views need it: the operand with calls of user functions kept
/// as calls (so compositions can be named), and the variables in order.
struct DerivativeForm {
    Expr operand;               ///< user-function calls kept (Kind::Apply)
    std::vector<DiffVar> vars;  ///< checked: each may be differentiated in
    std::string function;       ///< `∂f/∂x`: the name f; empty for d/dx EXPR and diff(...)
};

/// Reads `d/dx EXPR`, `d^2/dx^2 EXPR`, `∂/∂x EXPR`, `∂f/∂x` or `diff(EXPR, x[, n]...)` with
/// the rules of evaluation (the same messages for an undefined f or a bad order).
/// `command` names the statement in the error for anything else.
DerivativeForm read_derivative_form(const Syntax& s, ResolveContext& ctx,
                                    const std::string& command);

/// The values of an `at` point, the names in the order given. Each name must be a
/// variable (not bound, not a function or a built-in); each value is resolved with every
/// definition inlined and may be symbolic. Plain evaluation and the views read points
/// with these rules; a view that needs numbers checks them itself.
struct PointValues {
    std::vector<std::string> names;
    Bindings values;
};
PointValues read_point(const std::vector<Assignment>& at, ResolveContext& ctx);

/// An expression of a table or plot. A bare name of a one-argument function (user or
/// built-in) means that function of the range variable: `plot f, f'` is
/// `plot f(x), f'(x)`.
struct RangeTerm {
    Expr value;         ///< every definition inlined
    std::string label;  ///< `f(x)`, `f'(x)` for a user function called on plain names, else empty
};
RangeTerm read_range_term(const Syntax& s, const std::string& var, ResolveContext& ctx,
                          Format format);

/// Derivative of a resolved expression in each variable in turn, after checking that
/// each variable may be differentiated in (not a function, not a bound name).
Expr differentiate(const Expr& e, const std::vector<DiffVar>& vars, const Environment& env,
                   DerivativeMemo* memo = nullptr);

/// Checks that `name` can be a variable of differentiation or of a point.
void check_variable(const std::string& name, const Environment& env, Span span);

/// The names of `s` in the order its text shows them, a bound name standing for the
/// names of its own text (Environment::appearance), each once.
void names_in_order(const Syntax& s, const Environment& env, std::vector<std::string>& out);

/// `names` ordered as they appear in `seen`; those not seen follow in their own order.
std::vector<std::string> in_text_order(const std::vector<std::string>& names,
                                       const std::vector<std::string>& seen);

/// Whether `name` is one of the explicit rewrites simplify, expand, factor, together and
/// cancel, whose results the session prints as they are (not simplified again).
bool is_rewrite_form(const std::string& name);

/// Whether `name` is reserved (a built-in, a constant, a special form or a command).
bool is_reserved_name(const std::string& name);

}  // namespace dfdx
