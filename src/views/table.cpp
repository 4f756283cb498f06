// The table command: expressions evaluated by compiled code at evenly spaced points,
// printed as right-aligned columns or written as CSV.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "expr/error.hpp"
#include "numbers/compiled.hpp"
#include "views/commands.hpp"
#include "views/range.hpp"

namespace dfdx {

namespace {

/// How an undefined value shows: `undef` in a printed table, an empty CSV field.
enum class Style { Printed, Csv };

/// A value as decimal text with `digits` significant digits (as format_decimal).
std::string_view format_value(double v, int digits, Style style, char (&buf)[64]) {
    if (std::isnan(v)) return style == Style::Printed ? "undef" : "";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (v == 0) return "0";
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, digits);
    return {buf, static_cast<std::size_t>(res.ptr - buf)};
}

/// The k-th point as text: exact when the grid is (fractions only in printed tables).
std::string_view format_x(const Grid& grid, std::uint64_t k, double x, int digits, Style style,
                          std::string& scratch, char (&buf)[64]) {
    if (style == Style::Printed ? grid.exact() : grid.terminating()) {
        scratch = grid.exact_text(k);
        if (!scratch.empty()) return scratch;
    }
    return format_value(x, digits, style, buf);
}

/// Columns in terminal cells: UTF-8 code points, not bytes.
std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos &&
        (s.empty() || (s.front() != ' ' && s.back() != ' '))) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

/// The values of every expression at every point: values[j * n + i].
struct Evaluated {
    std::vector<double> xs;
    std::vector<double> values;
};

Evaluated evaluate_table(const RangeExprs& ex, const std::string& var, const Grid& grid) {
    Evaluated out;
    const std::size_t n = grid.size();
    out.xs.resize(n);
    for (std::size_t k = 0; k < n; ++k) out.xs[k] = grid.x(k);
    Compiled code(ex.exprs, {var});
    out.values.resize(n * ex.exprs.size());
    code.evaluate_many(out.xs, out.values);
    return out;
}

std::string csv_text(const RangeExprs& ex, const std::string& var, const Grid& grid,
                     const Evaluated& ev, int digits) {
    const std::size_t n = grid.size(), m = ex.exprs.size();
    std::string text = csv_field(var);
    for (const std::string& label : ex.labels) text += "," + csv_field(label);
    text += '\n';
    text.reserve(text.size() + n * (m + 1) * 12);
    char buf[64];
    std::string scratch;
    for (std::size_t i = 0; i < n; ++i) {
        text += format_x(grid, i, ev.xs[i], digits, Style::Csv, scratch, buf);
        for (std::size_t j = 0; j < m; ++j) {
            text += ',';
            text += format_value(ev.values[j * n + i], digits, Style::Csv, buf);
        }
        text += '\n';
    }
    return text;
}

/// CSV text as its lines, for `to -` (standard output, as Unix tools read `-`).
std::vector<std::string> csv_lines(const std::string& csv) {
    std::vector<std::string> lines;
    std::size_t begin = 0;
    for (std::size_t end; (end = csv.find('\n', begin)) != std::string::npos; begin = end + 1) {
        lines.emplace_back(csv, begin, end - begin);
    }
    return lines;
}

std::vector<std::string> printed_lines(const RangeExprs& ex, const Grid& grid, const Evaluated& ev,
                                       int digits) {
    const std::size_t n = grid.size(), m = ex.exprs.size(), cols = m + 1;
    // Every cell once into one buffer, measuring the columns as we go.
    std::string cells;
    std::vector<std::size_t> ends;
    ends.reserve(n * cols);
    std::vector<std::size_t> width(cols);
    width[0] = display_width(ex.var_label);
    for (std::size_t j = 0; j < m; ++j) width[j + 1] = display_width(ex.labels[j]);
    char buf[64];
    std::string scratch;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < cols; ++c) {
            std::string_view s =
                c == 0 ? format_x(grid, i, ev.xs[i], digits, Style::Printed, scratch, buf)
                       : format_value(ev.values[(c - 1) * n + i], digits, Style::Printed, buf);
            cells += s;
            ends.push_back(cells.size());
            width[c] = std::max(width[c], s.size());
        }
    }
    auto line = [&](auto cell_of) {
        std::string l;
        for (std::size_t c = 0; c < cols; ++c) {
            std::string_view s = cell_of(c);
            if (c) l += "  ";
            l.append(width[c] - display_width(s), ' ');
            l += s;
        }
        return l;
    };
    std::vector<std::string> lines;
    lines.reserve(n + 1);
    lines.push_back(line([&](std::size_t c) -> std::string_view {
        return c == 0 ? ex.var_label : ex.labels[c - 1];
    }));
    for (std::size_t i = 0; i < n; ++i) {
        lines.push_back(line([&](std::size_t c) {
            const std::size_t k = i * cols + c, begin = k ? ends[k - 1] : 0;
            return std::string_view(cells).substr(begin, ends[k] - begin);
        }));
    }
    return lines;
}

}  // namespace

std::vector<std::string> run_table(const Statement& st, const ViewContext& view,
                                   std::vector<std::string>& notes, std::string& csv) {
    RangeExprs ex = resolve_range_exprs(st, view, notes);
    Range range = resolve_range(st, view, notes);
    const bool to_file = !st.file.empty();
    Grid grid(range, 11, max_table_rows, "the table");
    if (!to_file && grid.size() > max_printed_rows) {
        throw Error(ErrorCode::Limit, "the table would have " + std::to_string(grid.size()) +
                                          " rows; printed tables stop at " +
                                          std::to_string(max_printed_rows) +
                                          ": write it to a file with 'to FILE.csv' (up to " +
                                          std::to_string(max_table_rows) + " rows)");
    }
    Evaluated ev = evaluate_table(ex, range.var, grid);
    // Tables compute in double precision for speed (docs/decisions.md, issue 14): at most the
    // 17 digits a double holds, whatever the precision setting.
    const int digits = std::min(view.settings.precision, 17);
    if (to_file) {
        csv = csv_text(ex, range.var, grid, ev, digits);
        if (st.file == "-") return csv_lines(csv);  // `to -`: the CSV is the output
        return {"wrote " + std::to_string(grid.size()) + " rows to " + st.file};
    }
    return printed_lines(ex, grid, ev, digits);
}

}  // namespace dfdx
