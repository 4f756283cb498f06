// Running statements: definitions, bound names, evaluation at points, commands.
#include "session/session.hpp"

#include <algorithm>
#include <cmath>

#include "calculus/simplify.hpp"
#include "expr/construct.hpp"
#include "expr/functions.hpp"
#include "expr/names.hpp"
#include "numbers/decimal.hpp"
#include "numbers/domain_guard.hpp"
#include "numbers/eval.hpp"
#include "print/notation.hpp"
#include "resolve/resolve.hpp"
#include "session/help.hpp"
#include "text/commands.hpp"
#include "text/parser.hpp"
#include "views/commands.hpp"

namespace dfdx {

namespace {

/// Where the statement's text calls `name`, to point an error at it; `fallback` when the
/// call came from a bound name or a function body.
Span call_span(const Syntax& root, const std::string& name, Span fallback) {
    std::vector<const Syntax*> stack{&root};
    while (!stack.empty()) {
        const Syntax* s = stack.back();
        stack.pop_back();
        if ((s->kind == SyntaxKind::Call || s->kind == SyntaxKind::PrimeCall) && s->text == name)
            return s->span;
        for (const auto& k : s->kids) stack.push_back(k.get());
    }
    return fallback;
}

/// Refuses a value that uses one name both as a variable and as an unknown function: no
/// printed form tells `h + h(x)` from `h + h*x` (decisions.md, "Language").
void check_names(const Expr& value, const Syntax& syntax) {
    if (auto n = variable_and_function(value)) {
        throw Error(ErrorCode::NotAFunction,
                    *n + " is used both as a variable and as an unknown function " + *n +
                        "(...); rename one of them",
                    call_span(syntax, *n, syntax.span));
    }
}

bool same_names(const std::vector<std::string>& names, const std::vector<Assignment>& at) {
    if (names.size() != at.size()) return false;
    for (std::size_t i = 0; i < at.size(); ++i) {
        if (names[i] != at[i].name) return false;
    }
    return true;
}

/// An unknown function has no value at a point (SPEC §2): f(2) is an error naming f.
void check_no_unknown_at_point(const Expr& value, const Syntax& syntax) {
    if (Expr c = unknown_call_at_point(value)) {
        throw Error(ErrorCode::UnknownFunction,
                    print(c) + " has no value: " + c->name +
                        " is an unknown function (define it first, as in " + c->name + "(x) = ...)",
                    call_span(syntax, c->name, syntax.span));
    }
}

/// True when the statement computes a result (a derivative, grad, taylor, a call of a
/// defined function): that result prints in textbook form. Expressions typed as they are,
/// and the explicit rewrites (simplify, factor, ...), print as written.
bool computed(const Syntax& s, const Environment& env) {
    if (s.kind == SyntaxKind::Call && is_rewrite_form(s.text)) return false;
    if (s.kind == SyntaxKind::Derivative || s.kind == SyntaxKind::DerivativeOf ||
        s.kind == SyntaxKind::PrimeCall) {
        return true;
    }
    if (s.kind == SyntaxKind::Call &&
        (env.is_function(s.text) || s.text == "diff" || s.text == "grad" || s.text == "hessian" ||
         s.text == "jacobian" || s.text == "taylor")) {
        return true;
    }
    return std::any_of(s.kids.begin(), s.kids.end(),
                       [&](const auto& k) { return computed(*k, env); });
}

}  // namespace

template <class Forms>
void Session::hand_over(Sink& sink, std::string text, Forms forms) const {
    Shown s{std::move(text), {}, {}};
    if (sink.wants_forms()) forms(s);
    sink.value(s);
}

std::optional<ShownValue> Session::decimal_value(const Expr& e) const {
    if (e.kind() == Kind::Vector) {
        ShownValue list{{}, {}, true};
        for (const Expr& a : e->args) {
            std::optional<ShownValue> item = decimal_value(a);
            if (!item) return std::nullopt;
            list.items.push_back(std::move(*item));
        }
        return list;
    }
    if (!is_constant_value(e)) return std::nullopt;
    try {
        return ShownValue{present_.show(e, in_format(Format::Plain), true), {}, false};
    } catch (const Error& err) {
        // Past a decimal's reach (10^10^10^10): no value, not an error; Ctrl-C still stops.
        if (err.code() == ErrorCode::Interrupted || err.code() == ErrorCode::Timeout) throw;
        return std::nullopt;
    }
}

bool Session::run(std::string_view chunk, Sink& sink) {
    bool ok = true;
    auto each = [&](ParsedStatement& ps) {
        if (!sink.keep_going()) return false;
        collect_garbage();  // what a cancelled statement left, before this one's clock starts
        sink.begin(chunk.substr(ps.span.begin, ps.span.end - ps.span.begin));
        if (ps.error) {
            sink.error(*ps.error);
            sink.end();
            ok = false;
            return true;
        }
        try {
            execute(ps.statement, chunk, sink);
        } catch (Error& e) {
            e.set_span_if_empty(ps.span);
            sink.error(e);
            ok = false;
        } catch (const std::bad_alloc&) {
            sink.error(Error(ErrorCode::Limit, "out of memory", ps.span));
            ok = false;
        }
        sink.end();
        return true;
    };
    parse_statements(chunk, each, &parse_cache_);
    return ok;
}

Bindings Session::point_of(const std::vector<Assignment>& at, std::vector<std::string>& notes) {
    ResolveContext ctx{env_, nullptr, {}, &notes, &memo_};
    return read_point(at, ctx).values;
}

void Session::execute(const Statement& st, std::string_view chunk, Sink& sink) {
    std::vector<std::string> notes;
    auto flush_notes = [&] {
        for (const std::string& n : notes) sink.note(n);
        notes.clear();
    };
    switch (st.kind) {
        case StatementKind::Empty: return;
        case StatementKind::Expr: {
            const Syntax* body = st.expr.get();
            bool force = false;
            if (body->kind == SyntaxKind::Call && body->text == "approx") {
                if (body->kids.size() != 1) {
                    throw Error(ErrorCode::Arity,
                                "approx takes 1 argument, not " + std::to_string(body->kids.size()),
                                body->span);
                }
                body = body->kids[0].get();
                force = true;
            }
            std::string_view source =
                chunk.substr(body->span.begin, body->span.end - body->span.begin);
            Expr value;
            std::shared_ptr<const DomainGuard> guard;
            if (resolved_.value && resolved_.version == env_.version() &&
                resolved_.text == source && same_names(resolved_.point_names, st.at)) {
                value = resolved_.value;
                guard = resolved_.guard;
            } else {
                // The names given values are part of the reading (`x(1+y) at x=2` is a product).
                std::vector<std::string> point_names;
                for (const Assignment& a : st.at) point_names.push_back(a.name);
                std::vector<Expr> differentiated;
                ResolveContext ctx{env_, nullptr, {}, &notes, &memo_, point_names, &differentiated};
                value = env_.expand(resolve(*body, ctx));
                if (!st.at.empty() && !differentiated.empty()) {
                    guard = std::make_shared<const DomainGuard>(std::move(differentiated), value);
                    if (guard->empty()) guard = nullptr;
                }
                // Notes ("did you mean sin?") are said each time: such values are not kept.
                if (notes.empty())
                    resolved_ = {std::string(source), std::move(point_names), env_.version(), value,
                                 guard};
            }
            if (!st.at.empty()) {
                // A derivative at a point where the original is undefined is an error
                // (SPEC §5: d/dx ln(x) at x=-1), though the derivative may have a value there.
                Bindings point = point_of(st.at, notes);
                if (guard) guard->check(point);
                // Many points of one expression: its decimal without building the
                // substituted expression, where that is surely the answer (decimal.hpp).
                std::string quick = detail::fast_decimal_at(value, point, settings_.precision);
                if (!quick.empty()) {
                    flush_notes();
                    hand_over(sink, notation(settings_.format).decimal(quick), [&](Shown& s) {
                        s.latex = notation(Format::Latex).decimal(quick);
                        s.value = ShownValue{quick, {}, false};
                    });
                    return;
                }
                value = substitute(value, point);
            }
            if (!st.at.empty() || computed(*body, env_)) value = textbook(value);
            check_names(value, *body);  // both answer at once for values without unknown calls
            check_no_unknown_at_point(value, *body);
            std::string text = show(value, force);
            flush_notes();
            hand_over(sink, std::move(text), [&](Shown& s) {
                s.latex = present_.show(value, in_format(Format::Latex), force);
                s.value = decimal_value(value);
            });
            return;
        }
        case StatementKind::Define: return define(st, sink);
        case StatementKind::Bind: return bind(st, sink);
        case StatementKind::Command: return command(st, sink);
    }
}

void Session::define(const Statement& st, Sink& sink) {
    if (is_reserved_name(st.name)) {
        throw Error(ErrorCode::Type, st.name + " is a built-in name and cannot be redefined",
                    st.name_span);
    }
    for (const std::string& p : st.params) {
        if (is_reserved_name(p)) {
            throw Error(ErrorCode::Type, p + " is a built-in name and cannot be a parameter",
                        st.name_span);
        }
    }
    std::vector<std::string> notes;
    ResolveContext ctx{env_, &st.params, st.name, &notes, &memo_};
    Expr body = resolve(*st.expr, ctx);
    check_names(body, *st.expr);
    if (auto path = env_.cycle(st.name, body)) {
        throw Error(ErrorCode::Cycle, st.name + " would refer to itself: " + *path, st.expr->span);
    }
    env_.define(st.name, {st.params, body});
    for (const std::string& n : notes) sink.note(n);
    std::string head = st.name + "(" + join(st.params, ", ") + ")";
    const Notation& n = notation(settings_.format);
    hand_over(sink, n.equation(head, print(body, {settings_.format, st.params})), [&](Shown& s) {
        std::vector<Expr> params;
        for (const std::string& p : st.params) params.push_back(sym(p));
        s.latex = notation(Format::Latex)
                      .equation(print(apply(st.name, params), {Format::Latex, {}}),
                                print(body, {Format::Latex, st.params}));
    });
}

void Session::bind(const Statement& st, Sink& sink) {
    if (is_reserved_name(st.name)) {
        throw Error(ErrorCode::Type, st.name + " is a built-in name and cannot be bound",
                    st.name_span);
    }
    std::vector<std::string> notes;
    ResolveContext ctx{env_, nullptr, {}, &notes, &memo_};
    Expr value = env_.expand(resolve(*st.expr, ctx));
    check_names(value, *st.expr);
    if (has_symbol(value, st.name)) {
        throw Error(ErrorCode::Cycle, st.name + " would refer to itself", st.expr->span);
    }
    std::vector<std::string> seen;
    names_in_order(*st.expr, env_, seen);
    if (const FunctionBody* f = env_.function(st.name)) {
        notes.push_back(st.name + " was the function " + st.name + "(" + join(f->params, ", ") +
                        "); it is now a bound name");
    }
    env_.bind(st.name, value, in_text_order(free_symbols(value), seen));
    for (const std::string& n : notes) sink.note(n);
    // The value is kept as computed; its echo is printed in textbook form.
    Expr shown = computed(*st.expr, env_) ? textbook(value) : value;
    const Notation& n = notation(settings_.format);
    hand_over(sink, n.equation(st.name, print(shown, {settings_.format, {}})), [&](Shown& s) {
        const Notation& tex = notation(Format::Latex);
        s.latex = tex.equation(tex.symbol(st.name), print(shown, {Format::Latex, {}}));
        s.value = decimal_value(shown);
    });
}

void Session::command(const Statement& st, Sink& sink) {
    const std::string& w = st.name;  // as typed: `exit` is quit's alias
    auto no_args = [&] {
        if (!st.words.empty()) {
            throw Error(ErrorCode::Parse, w + " takes no arguments", st.name_span);
        }
    };
    // A view's notes ("did you mean sin?") come first; a table or plot written to a file
    // is a request to the host, and its lines a one-line summary. `table ... to -` returns
    // its CSV as the lines: standard output, not a file.
    std::vector<std::string> notes;
    std::string file_text;
    auto emit = [&](const std::vector<std::string>& lines) {
        for (const std::string& n : notes) sink.note(n);
        if (!st.file.empty() && st.file != "-")
            sink.request({Request::Kind::WriteFile, st.file, file_text});
        for (const std::string& l : lines) sink.result(l);
    };
    switch (st.command->id) {
        case CommandId::Explain: return emit(run_explain(st, view(), notes));
        case CommandId::Backprop: return emit(run_backprop(st, view(), notes));
        case CommandId::Sensitivity: return emit(run_sensitivity(st, view(), notes));
        case CommandId::Check: return emit(run_check(st, view(), notes));
        case CommandId::Table: return emit(run_table(st, view(), notes, file_text));
        case CommandId::Plot: return emit(run_plot(st, view(), notes, file_text, plot_terminal_));
        case CommandId::Quit:
            no_args();
            sink.request({Request::Kind::Quit, {}, {}});
            return;
        case CommandId::Vars:
            no_args();
            for (const std::string& n : env_.order()) {
                if (env_.is_value(n)) {
                    sink.result(n + " = " + print(*env_.value(n), {settings_.format, {}}));
                }
            }
            return;
        case CommandId::Funcs:
            no_args();
            for (const std::string& n : env_.order()) {
                if (const FunctionBody* f = env_.function(n)) {
                    sink.result(n + "(" + join(f->params, ", ") +
                                ") = " + print(f->body, {settings_.format, f->params}));
                }
            }
            return;
        case CommandId::Clear: return clear(st, sink);
        case CommandId::Set: return set(st, sink);
        case CommandId::Help:
            for (const std::string& line : help_lines(st.rest)) sink.result(line);
            return;
        case CommandId::Save:
        case CommandId::Load:
            if (st.rest.empty()) {
                throw Error(ErrorCode::Parse, w + " needs a file name", st.name_span);
            }
            if (st.command->id == CommandId::Save) {
                sink.request({Request::Kind::Save, st.rest, script()});
            } else {
                sink.request({Request::Kind::Load, st.rest, {}});
            }
            return;
    }
}

void Session::clear(const Statement& st, Sink& sink) {
    if (st.words.empty()) {
        throw Error(ErrorCode::Parse,
                    "clear what? 'clear NAME...' removes names, 'clear all' removes everything",
                    st.name_span);
    }
    const bool all = st.words.size() == 1 && st.words[0] == "all";
    if (all && !env_.is_function("all") && !env_.is_value("all")) {
        const std::vector<std::string> removed = env_.order();
        env_.clear_all();
        memo_.clear();
        resolved_ = {};
        present_ = Presenter();
        sink.result(removed.empty() ? "nothing to clear" : "cleared " + join(removed, ", "));
        return;
    }
    for (const std::string& n : st.words) {
        if (!env_.is_function(n) && !env_.is_value(n)) {
            throw Error(ErrorCode::Type, n + " is not defined", st.name_span);
        }
    }
    for (const std::string& n : st.words) env_.clear(n);
    sink.result("cleared " + join(st.words, ", "));
}

void Session::set(const Statement& st, Sink& sink) {
    if (st.words.empty()) {
        sink.result(std::string("format ") + format_name(settings_.format));
        sink.result("precision " + std::to_string(settings_.precision));
        return;
    }
    if (st.words.size() != 2) {
        throw Error(ErrorCode::Parse, "set takes a setting and a value, as in 'set format unicode'",
                    st.name_span);
    }
    const std::string& key = st.words[0];
    const std::string& value = st.words[1];
    if (key == "format") {
        if (!parse_format(value, settings_.format)) {
            throw Error(ErrorCode::Parse, "format is " + format_choices() + ", not " + value,
                        st.name_span);
        }
    } else if (key == "precision") {
        int p = 0;
        try {
            p = std::stoi(value);
        } catch (...) {
            p = 0;
        }
        if (p < 1 || p > max_precision) {
            throw Error(ErrorCode::Parse,
                        "precision is a whole number from 1 to " + std::to_string(max_precision),
                        st.name_span);
        }
        settings_.precision = p;
    } else {
        throw Error(ErrorCode::Parse, "unknown setting " + key + " (settings: format, precision)",
                    st.name_span);
    }
}

std::string Session::script() const {
    std::string s = "# dfdx session\n";
    s += std::string("set format ") + format_name(settings_.format) + "\n";
    s += "set precision " + std::to_string(settings_.precision) + "\n";
    for (const std::string& n : env_.order()) {
        if (const FunctionBody* f = env_.function(n)) {
            s += n + "(" + join(f->params, ", ") +
                 ") = " + print(f->body, {Format::Plain, f->params}) + "\n";
        } else if (auto v = env_.value(n)) {
            s += n + " = " + print(*v) + "\n";
        }
    }
    return s;
}

}  // namespace dfdx
