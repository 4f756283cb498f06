// Error locations in characters (not bytes) and the caret line.
#include "cli/diagnostics.hpp"

#include "text/utf8.hpp"

namespace dfdx::cli {

namespace {

// Printable form of a source line: control bytes and invalid UTF-8 shown as '?'.
std::string printable(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char u = static_cast<unsigned char>(s[i]);
        char32_t cp = 0;
        const std::size_t n = decode_utf8(s, i, cp);  // as strict as the lexer
        if (n == 0) {
            out += '?';
            ++i;
        } else if (n == 1 && ((u < 0x20 && u != '\t') || u == 0x7F)) {
            out += '?';
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

}  // namespace

Location locate(std::string_view chunk, std::size_t first_line, Span span) {
    std::size_t begin = std::min(span.begin, chunk.size());
    const TextPosition at = position_of(chunk, begin, first_line);
    const std::size_t line_start = at.line_start;
    std::size_t line_end = chunk.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = chunk.size();
    Location loc;
    loc.line = at.line;
    loc.column = at.column;
    std::string_view text = chunk.substr(line_start, line_end - line_start);
    std::size_t offset = begin - line_start;
    if (text.size() <= 200) {
        loc.text = printable(text);
        loc.caret = loc.column;
        return loc;
    }
    // A huge line: show 80 bytes either side of the error.
    std::size_t from = offset > 80 ? offset - 80 : 0;
    while (from > 0 && continuation_byte(text[from])) --from;
    std::size_t to = std::min(text.size(), offset + 80);
    while (to < text.size() && continuation_byte(text[to])) ++to;
    loc.text = (from > 0 ? "..." : "") + printable(text.substr(from, to - from)) +
               (to < text.size() ? "..." : "");
    loc.caret = (from > 0 ? 3 : 0) + count_chars(text.substr(from, offset - from)) + 1;
    return loc;
}

std::string render_error(const std::string& name, const Location& where, const Error& e,
                         bool color) {
    const char* red = color ? "\033[1;31m" : "";
    const char* bold = color ? "\033[1m" : "";
    const char* green = color ? "\033[1;32m" : "";
    const char* reset = color ? "\033[0m" : "";
    std::string out;
    if (!name.empty()) {
        out += std::string(bold) + name + ":" + std::to_string(where.line) + ":" +
               std::to_string(where.column) + ":" + reset + " ";
    }
    out += std::string(red) + "error:" + reset + " " + bold + e.what() + reset + "\n";
    out += "  " + where.text + "\n";
    out +=
        "  " + std::string(where.caret > 0 ? where.caret - 1 : 0, ' ') + green + "^" + reset + "\n";
    return out;
}

std::string render_note(const std::string& text, bool color) {
    const char* cyan = color ? "\033[1;36m" : "";
    const char* reset = color ? "\033[0m" : "";
    return std::string(cyan) + "note:" + reset + " " + text + "\n";
}

}  // namespace dfdx::cli
