// Plots as standalone SVG: white background, grid and zero lines, a framed plot area
// with ticks and labels, one polyline per visible run of each curve, and a legend.
#include <cmath>
#include <cstdio>

#include "views/plot.hpp"
#include "views/plot_layout.hpp"

namespace dfdx {

namespace {

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string line(double x1, double y1, double x2, double y2) {
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
           num(y2) + "\"/>\n";
}

std::string text(double x, double y, const std::string& s) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\">" + escape(s) + "</text>\n";
}

/// Grid lines, zero lines, the frame, tick marks and tick labels.
std::string axes(const Mapping& m) {
    const PlotFrame& f = m.f;
    const double bottom = m.top + m.height, right = m.left + m.width;
    std::string s = "<g stroke=\"#e8e8e8\" stroke-width=\"1\">\n";
    for (double v : f.x_ticks) s += line(m.x(v), m.top, m.x(v), bottom);
    for (double v : f.y_ticks) s += line(m.left, m.y(v), right, m.y(v));
    s += "</g>\n<g stroke=\"#a0a0a0\" stroke-width=\"1\">\n";
    if (f.y_lo < 0 && f.y_hi > 0) s += line(m.left, m.y(0), right, m.y(0));
    if (f.x_lo < 0 && f.x_hi > 0) s += line(m.x(0), m.top, m.x(0), bottom);
    s += "</g>\n<rect x=\"" + num(m.left) + "\" y=\"" + num(m.top) + "\" width=\"" + num(m.width) +
         "\" height=\"" + num(m.height) + "\" fill=\"none\" stroke=\"#333333\"/>\n";
    s += "<g stroke=\"#333333\">\n";
    for (double v : f.x_ticks) s += line(m.x(v), bottom, m.x(v), bottom + 5);
    for (double v : f.y_ticks) s += line(m.left - 5, m.y(v), m.left, m.y(v));
    s += "</g>\n<g text-anchor=\"middle\" fill=\"#333333\">\n";
    for (double v : f.x_ticks) s += text(m.x(v), bottom + 19, tick_label(v));
    s += "</g>\n<g text-anchor=\"end\" fill=\"#333333\">\n";
    for (double v : f.y_ticks) s += text(m.left - 8, m.y(v) + 4, tick_label(v));
    return s + "</g>\n";
}

std::string stroke(std::size_t j) {
    std::string s = "stroke=\"" + std::string(kPlotColours[j % kPlotColourCount]) + "\"";
    if (j >= kPlotColourCount) s += " stroke-dasharray=\"6 3\"";
    return s;
}

std::string curves(const Plot& plot, const Mapping& m) {
    std::string s = "<clipPath id=\"plot-area\"><rect x=\"" + num(m.left) + "\" y=\"" + num(m.top) +
                    "\" width=\"" + num(m.width) + "\" height=\"" + num(m.height) +
                    "\"/></clipPath>\n";
    s += "<g clip-path=\"url(#plot-area)\" fill=\"none\" stroke-width=\"1.75\" "
         "stroke-linejoin=\"round\" "
         "stroke-linecap=\"round\">\n";
    for (std::size_t j = 0; j < plot.curves.size(); ++j) {
        for (const auto& run : plot.curves[j].runs) {
            s += "<polyline " + stroke(j) + " points=\"";
            for (std::size_t i = 0; i < run.size(); ++i) {
                s += (i ? " " : "") + num(m.x(run[i].x)) + "," + num(m.y(run[i].y));
            }
            if (run.size() == 1) s += " " + num(m.x(run[0].x)) + "," + num(m.y(run[0].y));
            s += "\"/>\n";
        }
    }
    return s + "</g>\n";
}

/// One row of legend items under the x labels, wrapping when the width runs out.
std::string legend(const Plot& plot, const Mapping& m, double width) {
    std::string s = "<g fill=\"#333333\">\n";
    double x = m.left, y = m.top + m.height + 42;
    for (std::size_t j = 0; j < plot.curves.size(); ++j) {
        const std::string label = legend_label(plot.curves[j].label);
        const double item = 34 + 7.0 * static_cast<double>(label.size());
        if (x > m.left && x + item > width) x = m.left, y += 18;
        s += "<line x1=\"" + num(x) + "\" y1=\"" + num(y - 4) + "\" x2=\"" + num(x + 24) +
             "\" y2=\"" + num(y - 4) + "\" " + stroke(j) + " stroke-width=\"2\"/>\n";
        s += text(x + 30, y, label);
        x += item + 16;
    }
    return s + "</g>\n";
}

}  // namespace

std::string render_svg(Plot& plot, int width, int height) {
    const Mapping m = lay_out(plot, width, height);
    std::string title = "plot of ";
    for (std::size_t j = 0; j < plot.curves.size(); ++j)
        title += (j ? ", " : "") + plot.curves[j].label;
    title += " for " + plot.var + " in [" + tick_label(plot.frame.x_lo) + ", " +
             tick_label(plot.frame.x_hi) + "]";
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) +
         " " + std::to_string(height) + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
    s += "<title>" + escape(title) + "</title>\n";
    s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    s += axes(m) + curves(plot, m) + legend(plot, m, width);
    return s + "</svg>\n";
}

}  // namespace dfdx
