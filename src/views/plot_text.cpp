// Plots as terminal text: curves on a braille canvas (2x4 dots per cell, one line style
// per curve, and one colour per curve where colour is on), value ticks on a left axis,
// x ticks on a bottom axis, and a legend.
#include <algorithm>
#include <cmath>

#include "views/plot.hpp"

namespace dfdx {

namespace {

constexpr int kStyles = 4;

/// ANSI foreground colours, near the SVG palette's first six (blue, red, green, purple,
/// orange, cyan) among the eight every colour terminal has. The line styles still tell
/// the curves apart where colour is off or a terminal shows these alike.
constexpr const char* kColours[] = {"\033[34m", "\033[31m", "\033[32m",
                                    "\033[35m", "\033[33m", "\033[36m"};
constexpr std::size_t kColourCount = sizeof kColours / sizeof kColours[0];
constexpr const char* kReset = "\033[0m";

const char* colour(int curve) { return kColours[static_cast<std::size_t>(curve) % kColourCount]; }

/// Whether the t-th pixel along a curve is drawn: solid, dashed, dotted, dash-dot.
bool style_on(int style, long t) {
    switch (style % kStyles) {
        case 0: return true;
        case 1: return t % 10 < 6;
        case 2: return t % 3 == 0;
        default: return t % 12 < 6 || t % 12 == 9;
    }
}

/// A grid of braille cells; pixel (px, py) is dot (px % 2, py % 4) of cell (px / 2, py / 4).
/// A cell has one colour: that of the curve that set its last dot (a terminal cell is one
/// character), so where curves cross, the one drawn later shows.
class Canvas {
public:
    Canvas(int cols, int rows)
        : cols_(cols),
          rows_(rows),
          bits_(static_cast<std::size_t>(cols * rows), 0),
          owner_(static_cast<std::size_t>(cols * rows), -1) {}

    void set(int px, int py, int curve = -1) {
        if (px < 0 || py < 0 || px >= 2 * cols_ || py >= 4 * rows_) return;
        static constexpr unsigned char kDot[2][4] = {{0x01, 0x02, 0x04, 0x40},
                                                     {0x08, 0x10, 0x20, 0x80}};
        const auto cell = static_cast<std::size_t>((py / 4) * cols_ + px / 2);
        bits_[cell] |= kDot[px % 2][py % 4];
        owner_[cell] = curve;
    }

    /// Row r as text: a space for an empty cell, else U+2800 plus the dot bits; with
    /// `color`, each run of cells of one curve in that curve's colour.
    [[nodiscard]] std::string row(int r, bool color = false) const {
        std::string s;
        int open = -1;  // the curve whose colour is on
        for (int c = 0; c < cols_; ++c) {
            const auto cell = static_cast<std::size_t>(r * cols_ + c);
            const unsigned b = bits_[cell];
            const int want = color && b != 0 ? owner_[cell] : -1;
            if (want != open) {
                if (open >= 0) s += kReset;
                if (want >= 0) s += colour(want);
                open = want;
            }
            if (b == 0) {
                s += ' ';
            } else {
                s += static_cast<char>(0xE2);
                s += static_cast<char>(0xA0 | (b >> 6));
                s += static_cast<char>(0x80 | (b & 0x3F));
            }
        }
        if (open >= 0) s += kReset;
        return s;
    }

private:
    int cols_, rows_;
    std::vector<unsigned char> bits_;
    std::vector<int> owner_;  ///< the curve of each cell, -1 for none
};

/// Draws the straight line between two pixels, counting pixels along the curve for its style.
void draw_line(Canvas& canvas, int x0, int y0, int x1, int y1, int style, long& t, bool first) {
    const int dx = std::abs(x1 - x0), dy = -std::abs(y1 - y0);
    const int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
    int err = dx + dy;
    if (first && style_on(style, t++)) canvas.set(x0, y0, style);
    while (x0 != x1 || y0 != y1) {
        const int e2 = 2 * err;
        if (e2 >= dy) err += dy, x0 += sx;
        if (e2 <= dx) err += dx, y0 += sy;
        if (style_on(style, t++)) canvas.set(x0, y0, style);
    }
}

void draw_curve(Canvas& canvas, const PlotCurve& c, const PlotFrame& f, int pw, int ph, int style) {
    auto px = [&](double x) {
        return static_cast<int>(std::lround((x - f.x_lo) / (f.x_hi - f.x_lo) * (pw - 1)));
    };
    auto py = [&](double y) {
        return static_cast<int>(std::lround((f.y_hi - y) / (f.y_hi - f.y_lo) * (ph - 1)));
    };
    long t = 0;
    for (const auto& run : c.runs) {
        int x0 = px(run[0].x), y0 = py(run[0].y);
        draw_line(canvas, x0, y0, x0, y0, style, t, true);
        for (std::size_t i = 1; i < run.size(); ++i) {
            const int x1 = px(run[i].x), y1 = py(run[i].y);
            draw_line(canvas, x0, y0, x1, y1, style, t, false);
            x0 = x1, y0 = y1;
        }
    }
}

/// A short horizontal sample of a line style, for the legend.
std::string style_sample(int style) {
    Canvas c(6, 1);
    long t = 0;
    draw_line(c, 0, 1, 11, 1, style, t, true);
    return c.row(0);
}

std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
}

/// s cut to `room` columns, with an ellipsis when cut.
std::string shortened(const std::string& s, std::size_t room) {
    if (columns(s) <= room) return s;
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool starts = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (starts && ++n == room) break;
        out += s[i];
    }
    return out + "…";
}

void rtrim(std::string& s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
}

/// The x tick labels, each centred under its column where it fits without overlap.
std::string x_labels(const PlotFrame& f, int left, int cols, int width) {
    std::string line;
    int used = 0;  // columns of `line` so far
    for (double v : f.x_ticks) {
        const int col =
            left +
            static_cast<int>(std::lround((v - f.x_lo) / (f.x_hi - f.x_lo) * (2 * cols - 1))) / 2;
        const std::string text = tick_label(v);
        const int len = static_cast<int>(text.size());
        const int start = std::max(col - len / 2, 0);
        if (start < used + (used ? 1 : 0) || start + len > width) continue;
        line.append(static_cast<std::size_t>(start - used), ' ');
        line += text;
        used = start + len;
    }
    return line;
}

/// The legend: each curve's line style and label (both in its colour with `color`),
/// wrapped to the width.
std::vector<std::string> legend_lines(const Plot& plot, int left, int width, bool color) {
    std::vector<std::string> lines;
    std::string legend(static_cast<std::size_t>(left), ' ');
    std::size_t used = static_cast<std::size_t>(left);
    const std::size_t room = static_cast<std::size_t>(std::max(width - left - 6, 8));
    for (std::size_t j = 0; j < plot.curves.size(); ++j) {
        const int style = static_cast<int>(j);
        std::string item = style_sample(style) + " " + shortened(plot.curves[j].label, room);
        const std::size_t len = columns(item);  // measured before colour codes go in
        if (color) item = colour(style) + item + kReset;
        if (used > static_cast<std::size_t>(left) &&
            used + 3 + len > static_cast<std::size_t>(width)) {
            lines.push_back(legend);
            legend.assign(static_cast<std::size_t>(left), ' ');
            used = static_cast<std::size_t>(left);
        }
        if (used > static_cast<std::size_t>(left)) legend += "   ", used += 3;
        legend += item;
        used += len;
    }
    lines.push_back(legend);
    return lines;
}

}  // namespace

std::vector<std::string> render_text(Plot& plot, int width, bool color) {
    PlotFrame& f = plot.frame;
    std::vector<std::string> y_text;
    std::size_t label_width = 0;
    for (double v : f.y_ticks) {
        y_text.push_back(tick_label(v));
        label_width = std::max(label_width, y_text.back().size());
    }
    const int left = static_cast<int>(label_width) + 2;  // labels, a space, the axis
    const int cols = width - left - 2;
    const int rows = std::clamp(cols / 4, 5, 20);
    const int pw = 2 * cols, ph = 4 * rows;
    f.x_ticks = nice_ticks(f.x_lo, f.x_hi, std::max(cols / 10, 2));
    trace_plot(plot, ph);

    Canvas canvas(cols, rows);
    for (std::size_t j = 0; j < plot.curves.size(); ++j) {
        draw_curve(canvas, plot.curves[j], f, pw, ph, static_cast<int>(j));
    }
    std::vector<std::string> row_label(static_cast<std::size_t>(rows));
    for (std::size_t i = 0; i < f.y_ticks.size(); ++i) {
        const double py = (f.y_hi - f.y_ticks[i]) / (f.y_hi - f.y_lo) * (ph - 1);
        row_label[static_cast<std::size_t>(
            std::clamp(static_cast<int>(std::lround(py)) / 4, 0, rows - 1))] = y_text[i];
    }
    std::vector<std::string> lines;
    for (int r = 0; r < rows; ++r) {
        const std::string& label = row_label[static_cast<std::size_t>(r)];
        std::string line(label_width - label.size(), ' ');
        line += label + (label.empty() ? " │" : " ┤") + canvas.row(r, color);
        rtrim(line);
        lines.push_back(line);
    }
    std::string axis(label_width + 1, ' ');
    axis += "└";
    std::vector<bool> tick_col(static_cast<std::size_t>(cols), false);
    for (double v : f.x_ticks) {
        const long px = std::lround((v - f.x_lo) / (f.x_hi - f.x_lo) * (pw - 1));
        tick_col[static_cast<std::size_t>(std::clamp<long>(px / 2, 0, cols - 1))] = true;
    }
    for (int c = 0; c < cols; ++c) axis += tick_col[static_cast<std::size_t>(c)] ? "┬" : "─";
    lines.push_back(axis);
    lines.push_back(x_labels(f, left, cols, width));
    for (std::string& l : legend_lines(plot, left, width, color)) lines.push_back(std::move(l));
    return lines;
}

}  // namespace dfdx
