// The page layout that the picture renderers (plot_svg.cpp, plot_cairo.cpp) share, so an
// SVG, a PNG and a PDF of one plot show the same frame, ticks, colours and legend.
#pragma once

#include <cstddef>
#include <string>

#include "text/utf8.hpp"
#include "views/plot.hpp"

namespace dfdx {

/// The curves' colours, in order; past the last, they come round again dashed.
inline constexpr const char* kPlotColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                               "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};
inline constexpr std::size_t kPlotColourCount = sizeof kPlotColours / sizeof kPlotColours[0];

/// A curve's label as the legend shows it: cut at 89 bytes (never inside a character)
/// and ended with "…" when longer than 90.
inline std::string legend_label(std::string label) {
    if (label.size() <= 90) return label;
    std::size_t cut = 89;
    while (cut > 0 && continuation_byte(label[cut])) --cut;
    return label.substr(0, cut) + "…";
}

/// Where data coordinates land on a page `width` by `height`: margins for the value
/// labels on the left, the x labels and the legend below.
struct Mapping {
    double left, top, width, height;
    const PlotFrame& f;
    Mapping(const PlotFrame& frame, int page_width, int page_height)
        : left(64),
          top(16),
          width(page_width - 64.0 - 24),
          height(page_height - 16.0 - 70),
          f(frame) {}
    [[nodiscard]] double x(double v) const {
        return left + (v - f.x_lo) / (f.x_hi - f.x_lo) * width;
    }
    [[nodiscard]] double y(double v) const {
        return top + (f.y_hi - v) / (f.y_hi - f.y_lo) * height;
    }
};

/// Readies a plot for a page: x ticks for its width, curves traced for its height.
inline Mapping lay_out(Plot& plot, int page_width, int page_height) {
    Mapping m(plot.frame, page_width, page_height);
    plot.frame.x_ticks = nice_ticks(plot.frame.x_lo, plot.frame.x_hi, 10);
    trace_plot(plot, m.height);
    return m;
}

}  // namespace dfdx
