// explain d/dx EXPR: compositions of user functions named and multiplied along their
// paths in the chapter's style (∂f/∂x = ∂g/∂x · ∂h/∂g · ∂f/∂h = y · z · 1 = y*z), and
// the rule tree for everything else, ending with the result as d/dx prints it.
#include "views/explain.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "calculus/diff.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "resolve/resolve.hpp"
#include "views/commands.hpp"

namespace dfdx {

namespace {

/// Most named intermediates and chain paths written out; past them, a summary.
constexpr std::size_t kMaxStages = 16;
constexpr std::size_t kMaxPaths = 8;
/// Differentiation steps of a higher derivative explained one by one.
constexpr unsigned long long kMaxSteps = 3;
/// Levels of a rule tree indented; deeper rows give their level as a number.
constexpr std::size_t kMaxIndent = 8;

// One named intermediate: a call of a user function, or the whole expression.
struct Stage {
    std::string name;
    Expr call;   ///< F(args) over the inner stages' names; null for the whole expression
    Expr local;  ///< its value over the inner stages' names and the variables
    Expr full;   ///< its value over the variables only
};

struct Edge {
    std::size_t from;
    std::size_t to;  ///< a stage index, or npos for the variable
    Expr local;      ///< ∂from/∂to
    std::string label;
};

class Composition {
public:
    Composition(const Environment& env, std::set<std::string> taken)
        : env_(env), taken_(std::move(taken)) {}

    /// e with each call of a user function replaced by the name of a new stage.
    Expr name_calls(const Expr& e) {
        auto it = memo_.find(e.get());
        if (it != memo_.end()) return it->second;
        keep_.push_back(e);
        Expr r = compute(e);
        memo_.emplace(e.get(), r);
        return r;
    }

    /// Adds the whole expression as the last stage unless it already is a call.
    void finish(const Expr& root, const std::string& name) {
        if (!stages_.empty() && root == sym(stages_.back().name) && name.empty()) return;
        stages_.push_back({fresh(name.empty() ? "f" : name), Expr(), root, Expr()});
    }

    /// Whether naming failed: derivatives of user functions (f'(x)) are not named.
    [[nodiscard]] bool unsupported() const { return unsupported_; }
    std::vector<Stage>& stages() { return stages_; }

private:
    Expr compute(const Expr& e) {
        if (e.kind() == Kind::Deriv && env_.is_function(e->name)) unsupported_ = true;
        std::vector<Expr> args;
        bool changed = false;
        for (const Expr& a : e->args) {
            args.push_back(name_calls(a));
            changed |= !(args.back() == a);
        }
        const FunctionBody* f = e.kind() == Kind::Apply ? env_.function(e->name) : nullptr;
        if (!f) return changed ? rebuild(e, std::move(args)) : e;
        std::vector<std::string> params = f->call_params(args.size());
        Bindings b;
        for (std::size_t i = 0; i < params.size(); ++i) b[params[i]] = args[i];
        // The body may call other definitions: they become stages of their own.
        Expr local = name_calls(substitute(substitute(f->body, b), env_.values()));
        std::string name = fresh(e->name);
        stages_.push_back({name, apply(e->name, std::move(args)), local, Expr()});
        return sym(name);
    }

    std::string fresh(const std::string& base) {
        std::string name = base;
        for (int k = 2; taken_.count(name); ++k) name = base + "_" + std::to_string(k);
        taken_.insert(name);
        return name;
    }

    const Environment& env_;
    std::set<std::string> taken_;
    std::vector<Stage> stages_;
    std::unordered_map<const Node*, Expr> memo_;
    std::vector<Expr> keep_;
    bool unsupported_ = false;
};

// The chain through named stages for one variable, written out line by line.
class ChainWriter {
public:
    ChainWriter(std::vector<Stage>& stages, const std::string& var, Format f)
        : stages_(stages), var_(var), f_(f), children_(stages.size()) {
        Bindings inner;
        for (Stage& s : stages_) {
            s.full = substitute(s.local, inner);
            inner[s.name] = s.full;
        }
        collect_edges();
    }

    std::vector<std::string> lines(const std::string& result) {
        std::vector<std::string> out;
        for (const Stage& s : stages_) {
            // Written as the definition echoes it: its arguments' names first (h + b).
            std::vector<std::string> leading;
            std::string line = print_name(s.name, f_) + " = ";
            if (s.call) {
                line += chain::brief(s.call, {f_, {}}, 0) + " = ";
                for (const Expr& a : s.call->args) {
                    if (a.kind() == Kind::Symbol) leading.push_back(a->name);
                }
            }
            out.push_back(line + chain::brief(s.local, {f_, leading}, 0));
        }
        std::size_t root = stages_.size() - 1;
        std::size_t paths = count_paths(root);
        std::vector<std::vector<std::size_t>> all;
        if (paths <= kMaxPaths) {
            std::vector<std::size_t> path;
            enumerate(root, path, all);
        }
        std::vector<bool> used(edges_.size(), paths > kMaxPaths);
        for (const auto& p : all) {
            for (std::size_t e : p) used[e] = true;
        }
        direct_mark_ = all.size() > 1 || paths > kMaxPaths;
        for (std::size_t e = 0; e < edges_.size(); ++e) {
            if (used[e])
                out.push_back(label(e) + " = " + chain::brief(edges_[e].local, {f_, {}}, 0));
        }
        std::string head = chain::partial(stages_[root].name, var_, f_) + " = ";
        if (paths == 0) {
            out.push_back(head + result);
        } else if (paths > kMaxPaths) {
            out.push_back(head + "the sum over " + std::to_string(paths) +
                          " paths of the products of the local derivatives = " + result);
        } else {
            out.push_back(head + chain_text(all, result));
        }
        return out;
    }

private:
    static constexpr std::size_t kVar = static_cast<std::size_t>(-1);

    // The output's own partial in x, when x also reaches it through stages, is marked
    // "direct": it holds the stages fixed, unlike the total ∂f/∂x.
    std::string label(std::size_t e) const {
        bool direct = direct_mark_ && edges_[e].to == kVar && edges_[e].from == stages_.size() - 1;
        if (!direct) return edges_[e].label;
        return notation(f_).marked(edges_[e].label, "direct");
    }

    void collect_edges() {
        std::vector<bool> depends(stages_.size(), false);
        for (std::size_t i = 0; i < stages_.size(); ++i) {
            const Expr& local = stages_[i].local;
            for (std::size_t j = 0; j < i; ++j) {
                if (depends[j] && has_symbol(local, stages_[j].name))
                    add_edge(i, j, stages_[j].name);
            }
            if (has_symbol(local, var_)) add_edge(i, kVar, var_);
            depends[i] = !children_[i].empty();
        }
    }

    void add_edge(std::size_t from, std::size_t to, const std::string& wrt) {
        Edge e{from, to, diff(stages_[from].local, wrt),
               chain::partial(stages_[from].name, wrt, f_)};
        children_[from].push_back(edges_.size());
        edges_.push_back(std::move(e));
    }

    std::size_t count_paths(std::size_t stage) {
        if (memo_count_.empty()) memo_count_.assign(stages_.size(), kVar);
        if (memo_count_[stage] != kVar) return memo_count_[stage];
        std::size_t n = 0;
        for (std::size_t e : children_[stage]) {
            n += edges_[e].to == kVar ? 1 : count_paths(edges_[e].to);
            n = std::min(n, kMaxPaths + 1);
        }
        return memo_count_[stage] = n;
    }

    void enumerate(std::size_t stage, std::vector<std::size_t>& path,
                   std::vector<std::vector<std::size_t>>& all) {
        for (std::size_t e : children_[stage]) {
            path.push_back(e);
            if (edges_[e].to == kVar)
                all.emplace_back(path.rbegin(), path.rend());
            else
                enumerate(edges_[e].to, path, all);
            path.pop_back();
        }
    }

    // labels = local values = their product = with the stages expanded = the result
    std::string chain_text(const std::vector<std::vector<std::size_t>>& paths,
                           const std::string& result) {
        const std::string plus = " + ";
        std::string labels, values;
        std::vector<Expr> terms;
        for (const auto& p : paths) {
            std::string l, v;
            std::vector<Expr> factors;
            for (std::size_t e : p) {
                l += (l.empty() ? "" : chain::dot(f_)) + label(e);
                v += (v.empty() ? "" : chain::dot(f_)) + chain::factor_text(edges_[e].local, f_);
                factors.push_back(edges_[e].local);
            }
            labels += (labels.empty() ? "" : plus) + l;
            values += (values.empty() ? "" : plus) + v;
            terms.push_back(mul(factors));
        }
        Expr product = add(terms);
        Bindings names;
        for (const Stage& s : stages_) names[s.name] = s.full;
        std::vector<std::string> steps{labels, values, chain::brief(product, {f_, {}}, 0),
                                       chain::brief(substitute(product, names), {f_, {}}, 0),
                                       result};
        std::string text;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            if (i && steps[i] == steps[i - 1]) continue;
            text += (i ? " = " : "") + steps[i];
        }
        return text;
    }

    std::vector<Stage>& stages_;
    const std::string& var_;
    Format f_;
    std::vector<std::vector<std::size_t>> children_;  ///< per stage: its edges
    std::vector<Edge> edges_;
    std::vector<std::size_t> memo_count_;
    bool direct_mark_ = false;
};

// The names already in use: a stage must not take the name of a variable.
std::set<std::string> names_in_use(const Expr& expanded, const std::vector<DiffVar>& vars) {
    std::set<std::string> taken;
    for (const std::string& n : free_symbols(expanded)) taken.insert(n);
    for (const DiffVar& v : vars) taken.insert(v.name);
    return taken;
}

// The rule tree as aligned columns, or as LaTeX alignment rows.
std::vector<std::string> tree_lines(const Expr& e, const std::string& var, const Expr& derivative,
                                    Format f) {
    std::vector<RuleRow> rows = rule_rows(e, var);
    rows.front().derivative = derivative;  // the root row shows the engine's own form
    PrintOptions opt{f, {}};
    std::vector<std::string> out;
    if (notation(f).typeset()) {
        out.push_back("\\begin{aligned}");
        for (const RuleRow& r : rows) {
            std::string indent;
            for (std::size_t d = 0; d < r.depth; ++d) indent += "\\quad ";
            if (!r.node) {
                out.push_back(indent + "&\\text{... " + std::to_string(r.more) + " more} \\\\");
                continue;
            }
            std::string locals;
            for (const Expr& l : r.locals)
                locals += (locals.empty() ? "" : ",\\ ") + chain::brief(l, opt, 0);
            out.push_back(indent + chain::partial("", var, f) + "\\left[" +
                          chain::brief(r.node, opt, 0) +
                          "\\right] &= " + chain::brief(r.derivative, opt, 0) + " && \\text{" +
                          r.rule + (r.cut ? " ..." : "") + "}" +
                          (locals.empty() ? "" : ";\\ \\text{local } " + locals) + " \\\\");
        }
        out.push_back("\\end{aligned}");
        return out;
    }
    chain::TextTable table;
    table.header = {"node", "rule", "local ∂", chain::partial("", var, f)};
    for (const RuleRow& r : rows) {
        // Deep chains keep their indentation within the terminal and show the level.
        std::string indent(2 * std::min<std::size_t>(r.depth, kMaxIndent), ' ');
        if (r.depth > kMaxIndent) indent += "(" + std::to_string(r.depth) + ") ";
        if (!r.node) {
            table.rows.push_back({indent + "... " + std::to_string(r.more) + " more", "", "", ""});
            continue;
        }
        std::string locals;
        for (const Expr& l : r.locals)
            locals += (locals.empty() ? "" : ", ") + chain::brief(l, opt, 28);
        table.rows.push_back({indent + chain::brief(r.node, opt, 28),
                              r.rule + (r.cut ? " ..." : ""), chain::ellipsize(locals, 28),
                              chain::brief(r.derivative, opt, 36)});
    }
    return table.render(f);
}

// The single differentiation steps of a derivative form, the first few of them.
std::vector<std::string> first_steps(const std::vector<DiffVar>& vars, unsigned long long& total) {
    std::vector<std::string> steps;
    total = 0;
    for (const DiffVar& v : vars) {
        total += v.order;
        for (unsigned long long k = 0; k < v.order && steps.size() < kMaxSteps; ++k)
            steps.push_back(v.name);
    }
    return steps;
}

// The chain through user functions for the first step, when the operand composes some.
bool explain_composition(const DerivativeForm& form, const Expr& expanded, const std::string& var,
                         const std::string& result, const Environment& env, Format f,
                         std::vector<std::string>& out, std::string& name) {
    Composition c(env, names_in_use(expanded, form.vars));
    Expr root = c.name_calls(form.operand);
    if (c.stages().empty() || c.unsupported()) return false;
    c.finish(root, form.function);
    if (c.stages().size() < 2 || c.stages().size() > kMaxStages) return false;
    ChainWriter w(c.stages(), var, f);
    name = chain::partial(c.stages().back().name, var, f);
    for (std::string& line : w.lines(result)) out.push_back(std::move(line));
    return true;
}

// A value as results print, or its size when it is too long to print at all.
std::string shown(const Expr& e, const ViewContext& view) {
    try {
        return view.show(e);
    } catch (const Error& err) {
        if (err.code() != ErrorCode::Limit) throw;
        return chain::brief(e, {view.settings.format, {}}, 0);
    }
}

}  // namespace

std::vector<std::string> explain_lines(const DerivativeForm& form, const ViewContext& view,
                                       const chain::ExactPoint* point) {
    const Environment& env = view.environment();
    const Format f = view.settings.format;
    Expr expanded = env.expand(form.operand);
    Expr result = differentiate(expanded, form.vars, env);
    std::string result_text = shown(result, view);
    Expr simple = view.textbook(result);
    unsigned long long total = 0;
    std::vector<std::string> steps = first_steps(form.vars, total);
    std::vector<std::string> out;
    std::string name = chain::derivative_name(form.function, form.vars, f);
    if (form.function.empty()) {
        const Notation& n = notation(f);
        name += " " + (n.typeset() ? n.list(chain::brief(expanded, {f, {}}, 0))
                                   : chain::brief(expanded, {f, {}}, 40));
    }
    auto value_at_point = [&] {
        if (!(simple == result)) out.push_back("simplified: " + name + " = " + shown(simple, view));
        if (point) {
            out.push_back("at " + point->text(f) + ": " + name + " = " +
                          view.show(substitute(result, point->values)));
        }
        return out;
    };
    Expr cur = expanded;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (i == 0) {
            std::string step_result = total == 1 ? result_text : shown(diff(cur, steps[0]), view);
            std::string chain_name;
            if (explain_composition(form, expanded, steps[0], step_result, env, f, out,
                                    chain_name)) {
                cur = diff(cur, steps[0]);
                if (total == 1) {
                    name = chain_name;
                    return value_at_point();
                }
                continue;
            }
        }
        if (total > 1) {
            out.push_back("step " + std::to_string(i + 1) + ": " + chain::partial("", steps[i], f) +
                          " " + chain::brief(cur, {f, {}}, 60));
        }
        Expr next = diff(cur, steps[i]);
        for (std::string& line : tree_lines(cur, steps[i], next, f)) out.push_back(std::move(line));
        cur = next;
    }
    if (total > steps.size()) {
        out.push_back("... " + std::to_string(total - steps.size()) +
                      " more steps of the same kind");
    }
    out.push_back(name + " = " + result_text);
    return value_at_point();
}

std::vector<std::string> run_explain(const Statement& st, const ViewContext& view,
                                     std::vector<std::string>& notes) {
    const Environment& env = view.environment();
    ResolveContext ctx{env, nullptr, {}, &notes};
    DerivativeForm form = read_derivative_form(*st.expr, ctx, "explain");
    if (st.at.empty()) return explain_lines(form, view, nullptr);
    chain::ExactPoint point = chain::read_point(st.at, env, notes);
    return explain_lines(form, view, &point);
}

}  // namespace dfdx
