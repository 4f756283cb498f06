// Plots: the braille grid puts dots where the curve is, gaps stay blank (poles, jumps,
// undefined regions), the layout fits the width, and the SVG has the expected structure.
#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "expr/error.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"
#include "views/plot.hpp"

using namespace dfdx;

namespace {

struct Capture : Sink {
    std::vector<std::string> lines, notes;
    std::vector<Request> requests;
    std::optional<Error> err;
    void result(const std::string& line) override { lines.push_back(line); }
    void note(const std::string& text) override { notes.push_back(text); }
    void error(const Error& e) override { err = e; }
    void request(const Request& r) override { requests.push_back(r); }
};

Capture run(Session& s, const std::string& text) {
    Capture c;
    s.run(text, c);
    if (c.err) FAIL_CHECK(text << ": " << c.err->what());
    return c;
}

Capture run(const std::string& text, int width = 80) {
    Session s;
    s.set_plot_width(width);
    return run(s, text);
}

std::u32string decode(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
        for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += cp;
        i += static_cast<std::size_t>(n);
    }
    return out;
}

/// The braille canvas of a text plot: dots[row][col] holds the cell's dot bits.
struct Cells {
    std::vector<std::vector<unsigned>> dots;
    std::size_t rows() const { return dots.size(); }
    std::size_t cols() const { return dots.empty() ? 0 : dots[0].size(); }
};

Cells canvas_of(const std::vector<std::string>& lines, std::size_t cols) {
    Cells c;
    for (const std::string& line : lines) {
        std::u32string u = decode(line);
        std::size_t axis = u.find_first_of(U"┤│");
        if (axis == std::u32string::npos) break;
        std::vector<unsigned> row(cols, 0);
        for (std::size_t k = 0; k < cols && axis + 1 + k < u.size(); ++k) {
            const char32_t ch = u[axis + 1 + k];
            if (ch >= 0x2800 && ch <= 0x28FF) row[k] = ch - 0x2800;
        }
        c.dots.push_back(row);
    }
    return c;
}

std::size_t canvas_columns(const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
        std::u32string u = decode(line);
        std::size_t corner = u.find(U'└');
        if (corner != std::u32string::npos) return u.size() - corner - 1;
    }
    return 0;
}

RangeExprs exprs_of(const std::vector<std::string>& texts) {
    Environment env;
    RangeExprs ex;
    for (const std::string& t : texts) {
        std::vector<std::string> notes;
        ResolveContext ctx{env, nullptr, {}, &notes};
        ex.exprs.push_back(env.expand(resolve(*parse_expression(t), ctx)));
        ex.labels.push_back(t);
    }
    return ex;
}

Plot sampled(const std::vector<std::string>& texts, double lo, double hi,
             std::uint64_t points = 2001) {
    Range r;
    r.var = "x";
    r.lo = lo;
    r.hi = hi;
    r.points = points;
    Grid g(r, points, max_plot_points, "plot");
    return sample_plot(exprs_of(texts), "x", g, 5);
}

}  // namespace

TEST_CASE("sin on [-pi, pi] puts a dot in the cell of its value in every column") {
    Capture c = run("plot sin(x) for x in [-pi, pi]");
    const std::size_t cols = canvas_columns(c.lines);
    Cells cells = canvas_of(c.lines, cols);
    REQUIRE(cols > 60);
    REQUIRE(cells.rows() >= 10);
    const double ph = 4.0 * static_cast<double>(cells.rows()), pw = 2.0 * static_cast<double>(cols);
    for (std::size_t col = 0; col < cols; ++col) {
        CAPTURE(col);
        // Both pixel columns of this cell: the curve's rows there, and the dots drawn.
        double y_min = 2, y_max = -2;
        for (int dx = 0; dx < 2; ++dx) {
            const double x = -M_PI + 2 * M_PI * (2.0 * static_cast<double>(col) + dx) / (pw - 1);
            y_min = std::min(y_min, std::sin(x));
            y_max = std::max(y_max, std::sin(x));
        }
        const auto row_of = [&](double y) {
            return static_cast<std::size_t>(std::lround((1 - y) / 2 * (ph - 1))) / 4;
        };
        const std::size_t top = row_of(y_max), bottom = row_of(y_min);
        bool dot_in_band = false;
        for (std::size_t r = 0; r < cells.rows(); ++r) {
            const bool near = r + 1 >= top && r <= bottom + 1;
            if (cells.dots[r][col] && !near) FAIL_CHECK("a dot in row " << r << " far from sin");
            if (cells.dots[r][col] && r >= top && r <= bottom) dot_in_band = true;
        }
        CHECK(dot_in_band);
    }
    // The extremes: the top row at x = pi/2 (3/4 across), the bottom row at x = -pi/2.
    CHECK(cells.dots[0][cols * 3 / 4] != 0);
    CHECK(cells.dots[cells.rows() - 1][cols / 4] != 0);
    CHECK(cells.dots[0][cols / 4] == 0);
}

TEST_CASE("two curves get two line styles and a legend") {
    Capture c = run("plot sin(x), cos(x) for x in [-pi, pi]");
    const std::u32string legend = decode(c.lines.back());
    CHECK(legend.find(U"⠒⠒⠒⠒⠒⠒ sin(x)") != std::u32string::npos);
    CHECK(legend.find(U"⠒⠒⠒  ⠒ cos(x)") != std::u32string::npos);
    // Axis labels: the value ticks and the x ticks of [-pi, pi].
    CHECK(c.lines[0].rfind("   1 ┤", 0) == 0);
    CHECK(decode(c.lines[c.lines.size() - 2]).find(U"-3") != std::u32string::npos);
    CHECK(decode(c.lines[c.lines.size() - 2]).find(U"3") != std::u32string::npos);
}

TEST_CASE("every line fits the width") {
    for (int width : {30, 50, 80, 132}) {
        CAPTURE(width);
        Capture c = run("plot sin(x), x^2/10, exp(x)/20 for x in [-pi, pi]", width);
        REQUIRE(c.lines.size() > 8);
        for (const std::string& line : c.lines)
            CHECK(decode(line).size() <= static_cast<std::size_t>(width));
    }
}

TEST_CASE("tan is not joined across its poles") {
    Plot p = sampled({"tan(x)"}, -M_PI, M_PI);
    trace_plot(p, 80);
    REQUIRE(p.curves[0].runs.size() >= 3);
    for (const auto& run : p.curves[0].runs) {
        const double a = run.front().x, b = run.back().x;
        CHECK_FALSE((a < -M_PI / 2 && b > -M_PI / 2));
        CHECK_FALSE((a < M_PI / 2 && b > M_PI / 2));
    }
    // The branches run to the edge of the frame next to the poles.
    double highest_left_of_pole = -1e9;
    for (const auto& run : p.curves[0].runs) {
        for (const PlotPoint& q : run) {
            if (q.x < M_PI / 2 && q.x > 0)
                highest_left_of_pole = std::max(highest_left_of_pole, q.y);
        }
    }
    CHECK(highest_left_of_pole == doctest::Approx(p.frame.y_hi));
    // The frame shows the branches, not the huge values next to the poles.
    CHECK(p.frame.y_hi < 100);
    CHECK(p.frame.y_lo > -100);
}

TEST_CASE("in the terminal, the poles of tan are blank columns") {
    Capture c = run("plot tan(x) for x in [-pi, pi]");
    const std::size_t cols = canvas_columns(c.lines);
    Cells cells = canvas_of(c.lines, cols);
    // In the column of each pole no cell is drawn in the middle rows.
    for (double pole : {-M_PI / 2, M_PI / 2}) {
        const std::size_t col =
            static_cast<std::size_t>(
                std::lround((pole + M_PI) / (2 * M_PI) * (2.0 * static_cast<double>(cols) - 1))) /
            2;
        for (std::size_t r = 2; r + 2 < cells.rows(); ++r) CHECK(cells.dots[r][col] == 0);
    }
}

TEST_CASE("a jump is not joined, a steep continuous rise is") {
    Plot step = sampled({"step(x)"}, -1, 1);
    trace_plot(step, 80);
    CHECK(step.curves[0].runs.size() == 2);
    Plot steep = sampled({"atan(1000 x)"}, -1, 1);
    trace_plot(steep, 80);
    CHECK(steep.curves[0].runs.size() == 1);
}

TEST_CASE("undefined regions are left blank, and a note says where") {
    Plot p = sampled({"sqrt(x)"}, -1, 1);
    trace_plot(p, 80);
    REQUIRE(p.curves[0].runs.size() == 1);
    CHECK(p.curves[0].runs[0].front().x == doctest::Approx(0).epsilon(1e-9));
    Capture c = run("plot sqrt(x), ln(x), 1/x for x in [-1, 1]");
    CHECK(c.notes == std::vector<std::string>{"sqrt(x) is undefined for x in [-1, 0] (left blank)",
                                              "ln(x) is undefined for x in [-1, 0] (left blank)",
                                              "1/x is undefined at x = 0 (left blank)"});
    Capture d = run("plot sqrt(1 - x^2) for x in [-2, 2]");
    CHECK(d.notes ==
          std::vector<std::string>{
              "sqrt(1 - x^2) is undefined for x in [-2, -1] and for x in [1, 2] (left blank)"});
}

TEST_CASE("plot f, f' plots a function and its derivative") {
    Session s;
    run(s, "f(x) = x^3 - 3x");
    Capture c = run(s, "plot f, f' for x in [-2, 2]");
    const std::string legend = c.lines.back();
    CHECK(legend.find("f(x)") != std::string::npos);
    CHECK(legend.find("f'(x)") != std::string::npos);
}

TEST_CASE("bad plots are errors that say why") {
    struct Row {
        const char* text;
        ErrorCode code;
        const char* says;
    };
    const Row rows[] = {
        {"plot sqrt(-1 - x^2) for x in [-1, 1]", ErrorCode::Domain,
         "undefined (or not real) everywhere on [-1, 1]"},
        {"plot ln(x) for x in [-2, -1]", ErrorCode::Domain, "ln(x) is undefined"},
        {"plot x for x in [1, -1]", ErrorCode::Type, "runs backwards"},
        {"plot x for x in [0, 1] with 2000000 points", ErrorCode::Limit,
         "past the limit of 1,000,000"},
        {"plot x y for x in [0, 1]", ErrorCode::UnknownFunction, "y has no value"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        Session s;
        Capture c;
        s.run(row.text, c);
        REQUIRE(c.err.has_value());
        CHECK(c.err->code() == row.code);
        CHECK_MESSAGE(std::string(c.err->what()).find(row.says) != std::string::npos,
                      c.err->what());
    }
    Session narrow;
    narrow.set_plot_width(20);
    Capture c;
    narrow.run("plot x for x in [0, 1]", c);
    REQUIRE(c.err.has_value());
    CHECK(c.err->code() == ErrorCode::Limit);
}

TEST_CASE("a constant curve gets a frame around its value") {
    Plot p = sampled({"3"}, 0, 1);
    CHECK(p.frame.y_lo < 3);
    CHECK(p.frame.y_hi > 3);
}

TEST_CASE("ticks are round numbers inside the range") {
    CHECK(nice_ticks(-M_PI, M_PI, 7) == std::vector<double>{-3, -2, -1, 0, 1, 2, 3});
    CHECK(nice_ticks(0, 1, 5) == std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1});
    CHECK(tick_label(0.6000000000000001) == "0.6");
}

TEST_CASE("plot to FILE writes an SVG with axes, one polyline per piece, and a legend") {
    Capture c = run("plot sin(x), tan(x) for x in [-pi, pi] to p.svg");
    CHECK(c.lines == std::vector<std::string>{"wrote a plot of 2 curves to p.svg"});
    REQUIRE(c.requests.size() == 1);
    const std::string& svg = c.requests[0].content;
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
    CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
    auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (std::size_t at = svg.find(what); at != std::string::npos; at = svg.find(what, at + 1))
            ++n;
        return n;
    };
    // sin is one piece, tan three (split at its two poles).
    CHECK(count("<polyline stroke=\"#1f77b4\"") == 1);
    CHECK(count("<polyline stroke=\"#d62728\"") == 3);
    CHECK(count(">sin(x)</text>") == 1);
    CHECK(count(">tan(x)</text>") == 1);
    CHECK(count("<clipPath") == 1);
    CHECK(count("<title>") == 1);
    CHECK(count("<") == count(">"));
}

TEST_CASE("SVG text is escaped") {
    Plot p = sampled({"x"}, 0, 1);
    p.curves[0].label = "a<b & \"c\"";
    const std::string svg = render_svg(p, 800, 500);
    CHECK(svg.find(">a&lt;b &amp; &quot;c&quot;</text>") != std::string::npos);
    CHECK(svg.find("a<b") == std::string::npos);
}

TEST_CASE("1/x is not joined across its pole, on a sample or between samples") {
    for (double hi : {1.0, 2.0}) {
        CAPTURE(hi);
        Plot p = sampled({"1/x"}, -1, hi);
        trace_plot(p, 80);
        REQUIRE(p.curves[0].runs.size() == 2);  // one piece each side; no sliver at the pole
        for (const auto& run : p.curves[0].runs) {
            CHECK((run.back().x < 0 || run.front().x > 0));
            // The branch leaves through the frame's edge next to the pole.
            const PlotPoint& near = run.back().x < 0 ? run.back() : run.front();
            CHECK((near.y == p.frame.y_lo || near.y == p.frame.y_hi));
        }
    }
}

TEST_CASE("colour: each curve's cells and legend item in its colour, the same text without it") {
    Session s;
    Capture plain = run(s, "plot sin(x), cos(x) for x in [-pi, pi]");
    s.set_plot_color(true);
    Capture coloured = run(s, "plot sin(x), cos(x) for x in [-pi, pi]");
    REQUIRE(plain.lines.size() == coloured.lines.size());
    bool blue = false, red = false;
    for (std::size_t i = 0; i < plain.lines.size(); ++i) {
        std::string stripped;
        const std::string& l = coloured.lines[i];
        for (std::size_t k = 0; k < l.size(); ++k) {
            if (l[k] == '\033') {
                k = l.find('m', k);
                continue;
            }
            stripped += l[k];
        }
        CHECK(stripped == plain.lines[i]);
        blue = blue || l.find("\033[34m") != std::string::npos;
        red = red || l.find("\033[31m") != std::string::npos;
    }
    CHECK(blue);
    CHECK(red);
    CHECK(coloured.lines.back().find("\033[34m⠒⠒⠒⠒⠒⠒ sin(x)\033[0m") != std::string::npos);
}

TEST_CASE("without 'for', a plot runs its one free variable over [-10, 10]") {
    Capture c = run("plot t^2 to p.svg");
    REQUIRE(c.requests.size() == 1);
    CHECK(c.requests[0].content.find("<title>plot of t^2 for t in [-10, 10]</title>") !=
          std::string::npos);
    Capture none = run("plot 3 to q.svg");
    REQUIRE(none.requests.size() == 1);
    CHECK(none.requests[0].content.find("for x in [-10, 10]</title>") != std::string::npos);
    Capture text = run("plot sin");
    CHECK(text.lines.size() > 8);
    Session s;
    Capture two;
    s.run("plot a b", two);
    REQUIRE(two.err.has_value());
    CHECK(std::string(two.err->what()).find("several variables (a, b)") != std::string::npos);
}

TEST_CASE("picture formats by extension, and a clear error for others") {
    CHECK(plot_format("a.svg") == PlotFormat::Svg);
    CHECK(plot_format("dir.x/A.PNG") == PlotFormat::Png);
    CHECK(plot_format("a.b.pdf") == PlotFormat::Pdf);
    for (const char* bad : {"a.txt", "-", "svg", "dir.svg/a", "a."}) {
        CAPTURE(bad);
        try {
            plot_format(bad);
            FAIL_CHECK("no error");
        } catch (const Error& e) {
            CHECK(std::string(e.what()).find(".svg, .png or .pdf") != std::string::npos);
        }
    }
}
