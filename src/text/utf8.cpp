// UTF-8 decoding and source positions (utf8.hpp).
#include "text/utf8.hpp"

#include <algorithm>

namespace dfdx {

std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        unsigned char d = static_cast<unsigned char>(s[i + k]);
        if ((d >> 6) != 0x2) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return n;
}

std::size_t count_chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += !continuation_byte(c);
    return n;
}

TextPosition position_of(std::string_view text, std::size_t offset, std::size_t first_line) {
    offset = std::min(offset, text.size());
    TextPosition p;
    p.line = first_line;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.line_start = i + 1;
        }
    }
    p.column = count_chars(text.substr(p.line_start, offset - p.line_start)) + 1;
    return p;
}

}  // namespace dfdx
