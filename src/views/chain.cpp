// Shared pieces of the chain-rule views: points with numeric values, the notation of
// partial derivatives, and aligned text tables.
#include "views/chain.hpp"

#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "resolve/resolve.hpp"

namespace dfdx::chain {

Expr resolve_expanded(const Syntax& s, const Environment& env, std::vector<std::string>& notes) {
    ResolveContext ctx{env, nullptr, {}, &notes};
    return env.expand(resolve(s, ctx));
}

Point ExactPoint::numeric() const {
    Point p;
    for (const auto& [name, value] : values) p[name] = evaluate(value);
    return p;
}

std::string ExactPoint::text(Format format) const {
    std::string s;
    for (const std::string& n : names) {
        s += (s.empty() ? "" : ", ") + print_name(n, format) + "=" +
             print(values.at(n), {format, {}});
    }
    return s;
}

ExactPoint read_point(const std::vector<Assignment>& at, const Environment& env,
                      std::vector<std::string>& notes) {
    ResolveContext ctx{env, nullptr, {}, &notes};
    PointValues read = dfdx::read_point(at, ctx);
    for (const Assignment& a : at) {
        const Expr& v = read.values.at(a.name);
        if (v.kind() == Kind::Vector || !free_symbols(v).empty()) {
            throw Error(ErrorCode::Type, "the value of " + a.name + " must be a number",
                        a.value->span);
        }
        double d = evaluate(v);  // unknown functions and domain errors surface here
        if (!std::isfinite(d)) {
            throw Error(ErrorCode::Limit, "the value of " + a.name + " is too large",
                        a.value->span);
        }
    }
    return {std::move(read.names), std::move(read.values)};
}

void require_values(const Expr& e, const Bindings& point, const std::string& command, Span span) {
    for (const std::string& n : free_symbols(e)) {
        if (!point.count(n)) {
            throw Error(ErrorCode::Type,
                        command + " needs a value for " + n + " (add " + n + "=... after 'at')",
                        span);
        }
    }
}

std::string partial(const std::string& f, const std::string& x, Format format) {
    const Notation& n = notation(format);
    return n.partial(f.empty() ? "" : n.symbol(f), n.symbol(x));
}

std::string derivative_name(const std::string& f, const std::vector<DiffVar>& vars, Format format) {
    unsigned long long total = 0;
    for (const DiffVar& v : vars) total += v.order;
    if (total == 1) return partial(f, vars[0].name, format);
    const Notation& n = notation(format);
    std::vector<std::pair<std::string, unsigned long long>> spelled;
    for (const DiffVar& v : vars) spelled.emplace_back(n.symbol(v.name), v.order);
    return n.derivative(f.empty() ? "" : n.symbol(f), spelled, total);
}

std::string dot(Format format) { return notation(format).chain_times(); }

std::string factor_text(const Expr& e, Format format) {
    std::string s = print(e, {format, {}});
    bool wrap = e.kind() == Kind::Add || (!s.empty() && s[0] == '-');
    if (!wrap) return s;
    return notation(format).paren(s);
}

std::string word(const std::string& text, Format format) { return notation(format).word(text); }

namespace {

/// Most nodes of the tree (shared nodes counted each time) that brief() prints.
constexpr std::size_t kBriefTreeNodes = 20'000;

// Nodes of e as a tree, saturating past the limit: a DAG of 40 nodes can print as
// millions of characters.
std::size_t tree_size(const Expr& e, std::unordered_map<const Node*, std::size_t>& memo) {
    auto it = memo.find(e.get());
    if (it != memo.end()) return it->second;
    std::size_t n = 1;
    for (const Expr& a : e->args) n = std::min(n + tree_size(a, memo), kBriefTreeNodes + 1);
    memo.emplace(e.get(), n);
    return n;
}

}  // namespace

std::string brief(const Expr& e, const PrintOptions& options, std::size_t width) {
    const Notation& n = notation(options.format);
    std::unordered_map<const Node*, std::size_t> memo;
    if (tree_size(e, memo) > kBriefTreeNodes) {
        std::string what = "an expression of " + std::to_string(dag_size(e)) + " distinct nodes";
        return n.placeholder(what);
    }
    std::string s = print(e, options);
    return n.typeset() || width == 0 ? s : ellipsize(s, width);
}

std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string ellipsize(const std::string& s, std::size_t width) {
    if (display_width(s) <= width || width < 4) return s;
    std::string out;
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (cols == width - 3) break;
            ++cols;
        }
        out += s[i];
    }
    return out + "...";
}

std::string compact_number(double v) {
    char buf[64];
    double a = std::fabs(v);
    if (v == std::floor(v) && a < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
    } else if (a >= 1e-3 && a < 1e9) {
        std::snprintf(buf, sizeof buf, "%.4f", v);
    } else {
        std::snprintf(buf, sizeof buf, "%.4e", v);
    }
    std::string s = buf;
    return s == "-0" ? "0" : s;
}

std::vector<std::string> TextTable::render(Format format) const {
    std::vector<std::string> out;
    std::size_t ncols = header.size();
    auto cell = [&](const std::vector<std::string>& row, std::size_t c) -> std::string {
        return c < row.size() ? row[c] : "";
    };
    if (notation(format).typeset()) {
        std::string spec;
        for (std::size_t c = 0; c < ncols; ++c) spec += c < right.size() && right[c] ? "r" : "l";
        out.push_back("\\begin{tabular}{" + spec + "}");
        auto line = [&](const std::vector<std::string>& row) {
            std::string s;
            for (std::size_t c = 0; c < ncols; ++c) {
                std::string v = cell(row, c);
                s += (c ? " & " : "") + (v.empty() ? "" : "$" + v + "$");
            }
            return s + " \\\\";
        };
        out.push_back(line(header) + " \\hline");
        for (const auto& r : rows) out.push_back(line(r));
        out.push_back("\\end{tabular}");
        return out;
    }
    std::vector<std::size_t> width(ncols, 0);
    for (std::size_t c = 0; c < ncols; ++c) width[c] = display_width(header[c]);
    for (const auto& r : rows) {
        for (std::size_t c = 0; c < ncols; ++c)
            width[c] = std::max(width[c], display_width(cell(r, c)));
    }
    auto line = [&](const std::vector<std::string>& row) {
        std::string s;
        for (std::size_t c = 0; c < ncols; ++c) {
            std::string v = cell(row, c);
            std::string pad(width[c] - display_width(v), ' ');
            bool r = c < right.size() && right[c];
            s += (c ? "  " : "") + (r ? pad + v : v + pad);
        }
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s;
    };
    out.push_back(line(header));
    for (const auto& r : rows) out.push_back(line(r));
    return out;
}

}  // namespace dfdx::chain
