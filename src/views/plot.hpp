// Plots: curves sampled by compiled code, split where they are undefined or jump, clipped
// to a frame with tick marks, and drawn as Unicode braille text or as a standalone SVG.
#pragma once

#include <string>
#include <vector>

#include "numbers/compiled.hpp"
#include "views/range.hpp"

namespace dfdx {

struct PlotPoint {
    double x = 0, y = 0;
};

/// The window of a plot: data ranges and tick values (1, 2 or 5 times a power of ten).
struct PlotFrame {
    double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
    std::vector<double> x_ticks, y_ticks;
};

/// One curve: its label, its samples, and once traced its visible pieces (each a run of
/// points to join), clipped to the frame.
struct PlotCurve {
    std::string label;
    Compiled code;
    std::vector<double> ys;  ///< the value at each sample, NaN where undefined
    std::vector<std::vector<PlotPoint>> runs;
};

struct Plot {
    std::string var;         ///< the range variable
    std::vector<double> xs;  ///< the samples
    std::vector<PlotCurve> curves;
    PlotFrame frame;
};

/// Samples each expression at the points of `grid`. The frame's x range is the grid's;
/// its y range covers the values, leaving out the far tails near poles (so tan shows its
/// branches), rounded out to ticks; about `y_ticks` ticks. Throws Error(Domain) naming a
/// curve that is undefined at every sample.
Plot sample_plot(const RangeExprs& ex, const std::string& var, const Grid& grid, int y_ticks);

/// Notes on where curves are undefined ("ln(x) is undefined for x in [-1, 0]").
std::vector<std::string> undefined_regions(const Plot& plot);

/// Splits each curve into runs for a drawing with `pixels_y` pixels of height: a step of
/// more than a pixel that does not shrink when the interval is halved is a jump, and is
/// not joined; neither are undefined samples. Runs end at the frame (clipped).
void trace_plot(Plot& plot, double pixels_y);

/// Tick values in [lo, hi]: multiples of 1, 2 or 5 times a power of ten, at most about
/// `count` of them.
std::vector<double> nice_ticks(double lo, double hi, int count);
/// The multiples of `step` in [lo, hi].
std::vector<double> ticks_every(double lo, double hi, double step);
/// A tick value as a short label ("0.5", "-3", "1e+06").
std::string tick_label(double v);

/// The plot as lines of text `width` columns wide: braille curves (one line style per
/// curve, and with `color` one ANSI colour per curve, the legend's sample and label in
/// it), a left axis with value ticks, a bottom axis with x ticks, and a legend.
std::vector<std::string> render_text(Plot& plot, int width, bool color = false);

/// The plot as a standalone SVG document `width` by `height` pixels: axes, ticks, grid,
/// one coloured polyline per run, and a legend.
std::string render_svg(Plot& plot, int width, int height);

/// The picture formats a plot is written in, by the file name's extension.
enum class PlotFormat { Svg, Png, Pdf };
/// The format of `file` (.svg, .png, .pdf, in any case); Error(Io) naming the supported
/// extensions for any other name.
PlotFormat plot_format(const std::string& file);

/// The plot as the bytes of a PNG image or a PDF document `width` by `height` pixels
/// (points for PDF), drawn by cairo with the SVG's layout: the same frame, grid, ticks,
/// colours and legend. Cairo is loaded on first use (plot_cairo.cpp): Error(Io) saying
/// so when it is not installed.
std::string render_png(Plot& plot, int width, int height);
std::string render_pdf(Plot& plot, int width, int height);

}  // namespace dfdx
