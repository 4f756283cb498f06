// Plots as PNG and PDF, drawn by cairo on the SVG's layout (plot_layout.hpp). Cairo is
// loaded with dlopen on the first picture, as FLINT is (calculus/flint_api.cpp): linking
// it would make the loader map cairo and its dozen libraries at every start of dfdx,
// and most sessions never write a picture. The bytes come back to the caller, which
// hands them to the CLI's file writer: the core still does no I/O.
#include <cmath>
#include <cstdio>
#include <mutex>
#include <string>

#include "expr/error.hpp"
#include "views/plot.hpp"
#include "views/plot_layout.hpp"

#ifdef DFDX_HAVE_CAIRO
#include <cairo-pdf.h>
#include <cairo.h>
#include <dlfcn.h>
#endif

namespace dfdx {

#ifdef DFDX_HAVE_CAIRO

namespace {

// clang-format off
#define DFDX_CAIRO_FUNCTIONS(X) \
    X(cairo_image_surface_create) \
    X(cairo_pdf_surface_create_for_stream) \
    X(cairo_surface_write_to_png_stream) \
    X(cairo_surface_finish) \
    X(cairo_surface_status) \
    X(cairo_surface_destroy) \
    X(cairo_create) \
    X(cairo_destroy) \
    X(cairo_status) \
    X(cairo_status_to_string) \
    X(cairo_save) \
    X(cairo_restore) \
    X(cairo_set_source_rgb) \
    X(cairo_set_line_width) \
    X(cairo_set_line_join) \
    X(cairo_set_line_cap) \
    X(cairo_set_dash) \
    X(cairo_move_to) \
    X(cairo_line_to) \
    X(cairo_rectangle) \
    X(cairo_stroke) \
    X(cairo_fill) \
    X(cairo_clip) \
    X(cairo_paint) \
    X(cairo_new_path) \
    X(cairo_select_font_face) \
    X(cairo_set_font_size) \
    X(cairo_text_extents) \
    X(cairo_show_text)
// clang-format on

/// The cairo functions the renderer calls, as pointers into the library loaded at run time.
struct Api {
#define DFDX_CAIRO_MEMBER(name) decltype(&::name) name = nullptr;
    DFDX_CAIRO_FUNCTIONS(DFDX_CAIRO_MEMBER)
#undef DFDX_CAIRO_MEMBER
};

Api* load() {
    static Api table;
    void* lib = dlopen("libcairo.so.2", RTLD_LAZY | RTLD_LOCAL);
    if (!lib) return nullptr;
    bool ok = true;
#define DFDX_CAIRO_FIND(name)                                               \
    table.name = reinterpret_cast<decltype(table.name)>(dlsym(lib, #name)); \
    ok = ok && table.name != nullptr;
    DFDX_CAIRO_FUNCTIONS(DFDX_CAIRO_FIND)
#undef DFDX_CAIRO_FIND
    return ok ? &table : nullptr;  // the library stays loaded for the life of the process
}

/// The loaded library; Error(Io) saying what to install when it cannot be loaded.
const Api& api(const char* format) {
    static std::once_flag once;
    static Api* table = nullptr;
    std::call_once(once, [] { table = load(); });
    if (!table) {
        throw Error(ErrorCode::Io,
                    std::string(format) +
                        " plots need the cairo library (Debian: libcairo2), which cannot be "
                        "loaded; .svg needs nothing");
    }
    return *table;
}

/// A colour "#rrggbb" as cairo's source.
void set_colour(const Api& c, cairo_t* cr, const char* hex) {
    unsigned r = 0, g = 0, b = 0;
    std::sscanf(hex, "#%2x%2x%2x", &r, &g, &b);
    c.cairo_set_source_rgb(cr, r / 255.0, g / 255.0, b / 255.0);
}

void line(const Api& c, cairo_t* cr, double x1, double y1, double x2, double y2) {
    c.cairo_move_to(cr, x1, y1);
    c.cairo_line_to(cr, x2, y2);
    c.cairo_stroke(cr);
}

/// Text with its baseline at y, placed by `anchor`: 0 starts at x, 0.5 centres, 1 ends there.
void text(const Api& c, cairo_t* cr, double x, double y, const std::string& s, double anchor) {
    cairo_text_extents_t ext;
    c.cairo_text_extents(cr, s.c_str(), &ext);
    c.cairo_move_to(cr, x - anchor * ext.x_advance, y);
    c.cairo_show_text(cr, s.c_str());
}

/// Whole-pixel lines fall between pixels; a half-pixel offset keeps them one pixel wide.
double crisp(double v) { return std::floor(v) + 0.5; }

/// As the SVG's axes(): grid, zero lines, frame, tick marks and labels.
void axes(const Api& c, cairo_t* cr, const Mapping& m) {
    const PlotFrame& f = m.f;
    const double bottom = m.top + m.height, right = m.left + m.width;
    c.cairo_set_line_width(cr, 1);
    set_colour(c, cr, "#e8e8e8");
    for (double v : f.x_ticks) line(c, cr, crisp(m.x(v)), m.top, crisp(m.x(v)), bottom);
    for (double v : f.y_ticks) line(c, cr, m.left, crisp(m.y(v)), right, crisp(m.y(v)));
    set_colour(c, cr, "#a0a0a0");
    if (f.y_lo < 0 && f.y_hi > 0) line(c, cr, m.left, crisp(m.y(0)), right, crisp(m.y(0)));
    if (f.x_lo < 0 && f.x_hi > 0) line(c, cr, crisp(m.x(0)), m.top, crisp(m.x(0)), bottom);
    set_colour(c, cr, "#333333");
    c.cairo_rectangle(cr, crisp(m.left), crisp(m.top), std::round(m.width), std::round(m.height));
    c.cairo_stroke(cr);
    for (double v : f.x_ticks) line(c, cr, crisp(m.x(v)), bottom, crisp(m.x(v)), bottom + 5);
    for (double v : f.y_ticks) line(c, cr, m.left - 5, crisp(m.y(v)), m.left, crisp(m.y(v)));
    for (double v : f.x_ticks) text(c, cr, m.x(v), bottom + 19, tick_label(v), 0.5);
    for (double v : f.y_ticks) text(c, cr, m.left - 8, m.y(v) + 4, tick_label(v), 1);
}

/// Curve j's pen: its colour, dashed once the colours come round again.
void pen(const Api& c, cairo_t* cr, std::size_t j, double width) {
    set_colour(c, cr, kPlotColours[j % kPlotColourCount]);
    c.cairo_set_line_width(cr, width);
    static const double dash[] = {6, 3};
    c.cairo_set_dash(cr, dash, j >= kPlotColourCount ? 2 : 0, 0);
}

void curves(const Api& c, cairo_t* cr, const Plot& plot, const Mapping& m) {
    c.cairo_save(cr);
    c.cairo_rectangle(cr, m.left, m.top, m.width, m.height);
    c.cairo_clip(cr);
    c.cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    c.cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (std::size_t j = 0; j < plot.curves.size(); ++j) {
        pen(c, cr, j, 1.75);
        for (const auto& run : plot.curves[j].runs) {
            c.cairo_move_to(cr, m.x(run[0].x), m.y(run[0].y));
            for (std::size_t i = 1; i < run.size(); ++i)
                c.cairo_line_to(cr, m.x(run[i].x), m.y(run[i].y));
            if (run.size() == 1)
                c.cairo_line_to(cr, m.x(run[0].x), m.y(run[0].y));  // a dot (round cap)
            c.cairo_stroke(cr);
        }
    }
    c.cairo_restore(cr);
}

/// As the SVG's legend(): one row of items under the x labels, wrapping at the width.
void legend(const Api& c, cairo_t* cr, const Plot& plot, const Mapping& m, double width) {
    double x = m.left, y = m.top + m.height + 42;
    for (std::size_t j = 0; j < plot.curves.size(); ++j) {
        const std::string label = legend_label(plot.curves[j].label);
        cairo_text_extents_t ext;
        c.cairo_text_extents(cr, label.c_str(), &ext);
        const double item = 30 + ext.x_advance;
        if (x > m.left && x + item > width) x = m.left, y += 18;
        pen(c, cr, j, 2);
        line(c, cr, x, y - 4, x + 24, y - 4);
        c.cairo_set_dash(cr, nullptr, 0, 0);
        set_colour(c, cr, "#333333");
        text(c, cr, x + 30, y, label, 0);
        x += item + 16;
    }
}

/// Draws the plot on a fresh page of `surface`.
void draw(const Api& c, cairo_surface_t* surface, Plot& plot, int width, int height) {
    const Mapping m = lay_out(plot, width, height);
    cairo_t* cr = c.cairo_create(surface);
    c.cairo_set_source_rgb(cr, 1, 1, 1);
    c.cairo_paint(cr);
    c.cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    c.cairo_set_font_size(cr, 12);
    axes(c, cr, m);
    curves(c, cr, plot, m);
    legend(c, cr, plot, m, width);
    const cairo_status_t status = c.cairo_status(cr);
    c.cairo_destroy(cr);
    if (status != CAIRO_STATUS_SUCCESS) {
        throw Error(ErrorCode::Io, std::string("cairo could not draw the plot: ") +
                                       c.cairo_status_to_string(status));
    }
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

/// Finishes `surface`, destroys it, and throws on a cairo error.
void finish(const Api& c, cairo_surface_t* surface, cairo_status_t status) {
    c.cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = c.cairo_surface_status(surface);
    c.cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        throw Error(ErrorCode::Io, std::string("cairo could not write the plot: ") +
                                       c.cairo_status_to_string(status));
    }
}

}  // namespace

std::string render_png(Plot& plot, int width, int height) {
    const Api& c = api("PNG");
    cairo_surface_t* surface = c.cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    std::string bytes;
    try {
        draw(c, surface, plot, width, height);
    } catch (...) {
        c.cairo_surface_destroy(surface);
        throw;
    }
    finish(c, surface, c.cairo_surface_write_to_png_stream(surface, append, &bytes));
    return bytes;
}

std::string render_pdf(Plot& plot, int width, int height) {
    const Api& c = api("PDF");
    std::string bytes;
    // The page is width x height points; the PDF is written as the surface finishes.
    cairo_surface_t* surface = c.cairo_pdf_surface_create_for_stream(append, &bytes, width, height);
    try {
        draw(c, surface, plot, width, height);
    } catch (...) {
        c.cairo_surface_destroy(surface);
        throw;
    }
    finish(c, surface, CAIRO_STATUS_SUCCESS);
    return bytes;
}

#else  // built without cairo's headers (libcairo2-dev)

std::string render_png(Plot&, int, int) {
    throw Error(
        ErrorCode::Io,
        "this dfdx was built without cairo (libcairo2-dev), so it writes no PNG; .svg works");
}

std::string render_pdf(Plot&, int, int) {
    throw Error(
        ErrorCode::Io,
        "this dfdx was built without cairo (libcairo2-dev), so it writes no PDF; .svg works");
}

#endif

}  // namespace dfdx
