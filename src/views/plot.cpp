// The plot command and the geometry shared by its renderers: sampling, the frame and
// its ticks, undefined regions, and tracing curves into runs that skip gaps and jumps.
#include "views/plot.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "expr/error.hpp"
#include "views/commands.hpp"

namespace dfdx {

namespace {

constexpr int kBisections = 60;

/// The value range to show: all of it, unless a tail runs far past the bulk of the values
/// (a pole), in which case that side stops a little past the bulk.
std::pair<double, double> shown_range(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    const double p5 = v[n / 20], p95 = v[n - 1 - n / 20];
    double spread = p95 - p5;
    if (spread == 0) spread = std::max(std::fabs(p5), 1.0);
    double lo = v.front(), hi = v.back();
    if (hi > p95 + 20 * spread) hi = p95 + spread;
    if (lo < p5 - 20 * spread) lo = p5 - spread;
    if (hi - lo <= 1e-12 * std::max(std::fabs(lo), std::fabs(hi))) {
        const double pad = std::max(std::fabs(lo) * 0.1, 1.0);
        lo -= pad;
        hi += pad;
    }
    return {lo, hi};
}

double nice_step(double span, int count) {
    const double raw = span / std::max(count, 1);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / mag;
    return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

bool finite(double v) { return std::isfinite(v); }

/// Bisects [a, b] where f(a) is defined and f(b) is not: the last defined point found.
PlotPoint domain_edge(const Compiled& f, double a, double fa, double b) {
    for (int i = 0; i < kBisections; ++i) {
        const double m = a + (b - a) / 2;
        const double fm = f(m);
        if (finite(fm))
            a = m, fa = fm;
        else
            b = m;
    }
    return {a, fa};
}

/// Whether f jumps between a and b (both defined, more than `tolerance` apart): halving
/// towards the larger change never brings it under the tolerance. On a jump, `left` and
/// `right` are the points on either side of it.
bool is_jump(const Compiled& f, PlotPoint a, PlotPoint b, double tolerance, PlotPoint& left,
             PlotPoint& right) {
    for (int i = 0; i < kBisections; ++i) {
        const double m = a.x + (b.x - a.x) / 2;
        if (m <= a.x || m >= b.x) break;
        const double fm = f(m);
        if (!finite(fm)) {
            left = domain_edge(f, a.x, a.y, m);
            right = b;
            return true;
        }
        if (std::fabs(fm - a.y) > std::fabs(b.y - fm))
            b = {m, fm};
        else
            a = {m, fm};
        if (std::fabs(b.y - a.y) <= tolerance) return false;
    }
    left = a;
    right = b;
    return true;
}

/// The point of segment a-a+d at parameter t, on the frame's edge `edge` (0 x_lo, 1 x_hi,
/// 2 y_lo, 3 y_hi): that coordinate is the edge's own value, not a + t*d, which loses
/// every digit when a is a pole's 1e21 and the frame ends at 30.
PlotPoint on_edge(const PlotFrame& f, PlotPoint a, double dx, double dy, double t, int edge) {
    switch (edge) {
        case 0: return {f.x_lo, a.y + t * dy};
        case 1: return {f.x_hi, a.y + t * dy};
        case 2: return {a.x + t * dx, f.y_lo};
        default: return {a.x + t * dx, f.y_hi};
    }
}

/// The part of segment p-q inside the frame (Liang-Barsky), if any.
bool clip(const PlotFrame& f, PlotPoint& p, PlotPoint& q) {
    // Both ends past one edge: nothing to draw. Said first, because near a pole rounding
    // puts the crossing at t = 1 exactly, which would keep a sliver (decision 68).
    if ((p.x < f.x_lo && q.x < f.x_lo) || (p.x > f.x_hi && q.x > f.x_hi) ||
        (p.y < f.y_lo && q.y < f.y_lo) || (p.y > f.y_hi && q.y > f.y_hi)) {
        return false;
    }
    double t0 = 0, t1 = 1;
    int edge0 = -1, edge1 = -1;
    const double dx = q.x - p.x, dy = q.y - p.y;
    const double ps[4] = {-dx, dx, -dy, dy};
    const double qs[4] = {p.x - f.x_lo, f.x_hi - p.x, p.y - f.y_lo, f.y_hi - p.y};
    for (int i = 0; i < 4; ++i) {
        if (ps[i] == 0) {
            if (qs[i] < 0) return false;
            continue;
        }
        const double t = qs[i] / ps[i];
        if (ps[i] < 0 && t > t0)
            t0 = t, edge0 = i;
        else if (ps[i] > 0 && t < t1)
            t1 = t, edge1 = i;
        if (t0 > t1) return false;
    }
    const PlotPoint a = p;
    if (edge0 >= 0) p = on_edge(f, a, dx, dy, t0, edge0);
    if (edge1 >= 0) q = on_edge(f, a, dx, dy, t1, edge1);  // an end inside stays exactly as it was
    return true;
}

/// Splits `run` into the pieces inside the frame.
void clip_run(const PlotFrame& f, const std::vector<PlotPoint>& run,
              std::vector<std::vector<PlotPoint>>& out) {
    auto inside = [&](PlotPoint p) {
        return p.x >= f.x_lo && p.x <= f.x_hi && p.y >= f.y_lo && p.y <= f.y_hi;
    };
    if (run.size() == 1) {
        if (inside(run[0])) out.push_back(run);
        return;
    }
    std::vector<PlotPoint> piece;
    for (std::size_t i = 0; i + 1 < run.size(); ++i) {
        PlotPoint p = run[i], q = run[i + 1];
        if (!clip(f, p, q)) continue;
        if (piece.empty() || piece.back().x != p.x || piece.back().y != p.y) {
            if (!piece.empty()) out.push_back(std::move(piece));
            piece = {p};
        }
        piece.push_back(q);
        if (q.x != run[i + 1].x || q.y != run[i + 1].y)
            out.push_back(std::move(piece)), piece.clear();
    }
    if (!piece.empty()) out.push_back(std::move(piece));
}

/// Whether the segment p-q is wholly above or wholly below the frame (so not drawn).
bool same_side_outside(const PlotFrame& f, PlotPoint p, PlotPoint q) {
    return (p.y > f.y_hi && q.y > f.y_hi) || (p.y < f.y_lo && q.y < f.y_lo);
}

/// The runs of one curve before clipping.
std::vector<std::vector<PlotPoint>> trace_curve(const PlotCurve& c, const std::vector<double>& xs,
                                                const PlotFrame& f, double tolerance) {
    std::vector<std::vector<PlotPoint>> runs;
    std::vector<PlotPoint> run;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const PlotPoint p{xs[i], c.ys[i]};
        const bool prev_defined = i > 0 && finite(c.ys[i - 1]);
        if (!finite(p.y)) {
            if (prev_defined) run.push_back(domain_edge(c.code, xs[i - 1], c.ys[i - 1], p.x));
            if (!run.empty()) runs.push_back(std::move(run)), run.clear();
            continue;
        }
        if (i > 0 && !prev_defined) {
            const PlotPoint edge = domain_edge(c.code, p.x, p.y, xs[i - 1]);
            if (edge.x != p.x) run.push_back(edge);
        }
        if (!run.empty() && std::fabs(p.y - run.back().y) > tolerance &&
            !same_side_outside(f, run.back(), p)) {
            PlotPoint left, right;
            if (is_jump(c.code, run.back(), p, tolerance, left, right)) {
                run.push_back(left);
                runs.push_back(std::move(run));
                run = {right};
            }
        }
        run.push_back(p);
    }
    if (!run.empty()) runs.push_back(std::move(run));
    return runs;
}

std::string short_number(double v) { return format_decimal(std::fabs(v) < 1e-12 ? 0 : v, 4); }

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int count) {
    if (!(hi > lo)) return {};
    return ticks_every(lo, hi, nice_step(hi - lo, count));
}

std::vector<double> ticks_every(double lo, double hi, double step) {
    std::vector<double> ticks;
    for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k += 1) {
        const double v = k * step;
        ticks.push_back(std::fabs(v) < step * 1e-9 ? 0 : v);
    }
    return ticks;
}

std::string tick_label(double v) { return format_decimal(v, 6); }

Plot sample_plot(const RangeExprs& ex, const std::string& var, const Grid& grid, int y_ticks) {
    Plot plot;
    plot.var = var;
    plot.xs.resize(grid.size());
    for (std::uint64_t k = 0; k < grid.size(); ++k) plot.xs[k] = grid.x(k);
    std::vector<double> all;
    for (std::size_t j = 0; j < ex.exprs.size(); ++j) {
        PlotCurve c{
            ex.labels[j], Compiled(ex.exprs[j], var), std::vector<double>(plot.xs.size()), {}};
        c.code.evaluate_many(plot.xs, c.ys);
        const std::size_t before = all.size();
        for (double y : c.ys) {
            if (finite(y)) all.push_back(y);
        }
        if (all.size() == before) {
            throw Error(ErrorCode::Domain,
                        c.label + " is undefined (or not real) everywhere on [" +
                            short_number(plot.xs.front()) + ", " + short_number(plot.xs.back()) +
                            "]",
                        j < ex.spans.size() ? ex.spans[j] : Span{});
        }
        plot.curves.push_back(std::move(c));
    }
    PlotFrame& f = plot.frame;
    f.x_lo = plot.xs.front();
    f.x_hi = plot.xs.back();
    auto [lo, hi] = shown_range(std::move(all));
    const double step = nice_step(hi - lo, y_ticks);
    f.y_lo = std::floor(lo / step + 1e-9) * step;
    f.y_hi = std::ceil(hi / step - 1e-9) * step;
    f.y_ticks = ticks_every(f.y_lo, f.y_hi, step);
    return plot;
}

std::vector<std::string> undefined_regions(const Plot& plot) {
    std::vector<std::string> notes;
    const std::vector<double>& xs = plot.xs;
    for (const PlotCurve& c : plot.curves) {
        std::vector<std::string> parts;
        std::size_t count = 0;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            if (finite(c.ys[i]) || (i > 0 && !finite(c.ys[i - 1]))) continue;
            std::size_t j = i;
            while (j + 1 < xs.size() && !finite(c.ys[j + 1])) ++j;
            ++count;
            if (parts.size() == 3) continue;
            double a = i > 0 ? domain_edge(c.code, xs[i - 1], c.ys[i - 1], xs[i]).x : xs[i];
            double b =
                j + 1 < xs.size() ? domain_edge(c.code, xs[j + 1], c.ys[j + 1], xs[j]).x : xs[j];
            const std::string sa = short_number(a), sb = short_number(b);
            parts.push_back(sa == sb ? "at " + plot.var + " = " + sa
                                     : "for " + plot.var + " in [" + sa + ", " + sb + "]");
        }
        if (parts.empty()) continue;
        std::string text = c.label + " is undefined";
        for (std::size_t k = 0; k < parts.size(); ++k) {
            text += (k == 0 ? " " : k + 1 == parts.size() ? " and " : ", ") + parts[k];
        }
        if (count > parts.size())
            text += " and " + std::to_string(count - parts.size()) + " more places";
        notes.push_back(text + " (left blank)");
    }
    return notes;
}

void trace_plot(Plot& plot, double pixels_y) {
    const PlotFrame& f = plot.frame;
    const double tolerance = (f.y_hi - f.y_lo) / std::max(pixels_y, 1.0);
    for (PlotCurve& c : plot.curves) {
        c.runs.clear();
        for (const auto& run : trace_curve(c, plot.xs, f, tolerance)) clip_run(f, run, c.runs);
    }
}

PlotFormat plot_format(const std::string& file) {
    const std::size_t dot = file.find_last_of("./");
    std::string ext =
        dot == std::string::npos || file[dot] != '.' ? std::string() : file.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "svg") return PlotFormat::Svg;
    if (ext == "png") return PlotFormat::Png;
    if (ext == "pdf") return PlotFormat::Pdf;
    throw Error(ErrorCode::Io, "plot writes .svg, .png or .pdf files, and " + file +
                                   (ext.empty() ? " has no extension" : " ends in ." + ext));
}

std::vector<std::string> run_plot(const Statement& st, const ViewContext& view,
                                  std::vector<std::string>& notes, std::string& file,
                                  const PlotTerminal& term) {
    const bool to_file = !st.file.empty();
    const PlotFormat format = to_file ? plot_format(st.file) : PlotFormat::Svg;  // before any work
    RangeExprs ex = resolve_range_exprs(st, view, notes);
    Range range = resolve_range(st, view, notes);
    range.var = ex.var;
    Grid grid(range, 2001, max_plot_points, "the plot");
    if (!to_file && term.width < 30) {
        throw Error(ErrorCode::Limit, "a plot needs at least 30 columns, and the terminal has " +
                                          std::to_string(term.width));
    }
    Plot plot = sample_plot(ex, range.var, grid, to_file ? 8 : 5);
    for (std::string& n : undefined_regions(plot)) notes.push_back(std::move(n));
    if (to_file) {
        file = format == PlotFormat::Png   ? render_png(plot, 800, 500)
               : format == PlotFormat::Pdf ? render_pdf(plot, 800, 500)
                                           : render_svg(plot, 800, 500);
        const std::size_t n = plot.curves.size();
        return {"wrote a plot of " + std::to_string(n) + (n == 1 ? " curve" : " curves") + " to " +
                st.file};
    }
    return render_text(plot, term.width, term.color);
}

}  // namespace dfdx
