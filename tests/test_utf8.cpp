// Unit tests of utf8.cpp: the one UTF-8 decoder (strict: overlong forms, surrogates and
// truncated sequences are refused) and source positions in characters.
#include <doctest/doctest.h>

#include <string_view>

#include "text/utf8.hpp"

using namespace dfdx;

namespace {

/// The length decode_utf8 gives for the first character of s, and its code point.
std::size_t first(std::string_view s, char32_t& cp) { return decode_utf8(s, 0, cp); }

}  // namespace

TEST_CASE("utf8: valid characters of one to four bytes") {
    char32_t cp = 0;
    CHECK(first("x", cp) == 1);
    CHECK(cp == U'x');
    CHECK(first("\u00e9", cp) == 2);
    CHECK(cp == 0xE9);
    CHECK(first("\u03b1rest", cp) == 2);
    CHECK(cp == 0x3B1);
    CHECK(first("\u2202", cp) == 3);
    CHECK(cp == 0x2202);
    CHECK(first("\U0001D465", cp) == 4);
    CHECK(cp == 0x1D465);
    CHECK(decode_utf8("a\u03b2", 1, cp) == 2);
    CHECK(cp == 0x3B2);
}

TEST_CASE("utf8: invalid bytes decode to nothing") {
    char32_t cp = 0;
    CHECK(first("\x80", cp) == 0);              // a stray continuation byte
    CHECK(first("\xC3", cp) == 0);              // truncated
    CHECK(first("\xE2\x88", cp) == 0);          // truncated
    CHECK(first("\xC3x", cp) == 0);             // not continued
    CHECK(first("\xC0\x80", cp) == 0);          // overlong NUL
    CHECK(first("\xE0\x80\xAF", cp) == 0);      // overlong '/'
    CHECK(first("\xED\xA0\x80", cp) == 0);      // a surrogate
    CHECK(first("\xF4\x90\x80\x80", cp) == 0);  // past U+10FFFF
    CHECK(first("\xFF", cp) == 0);
}

TEST_CASE("utf8: characters are counted, not bytes") {
    CHECK(count_chars("") == 0);
    CHECK(count_chars("abc") == 3);
    CHECK(count_chars("\u03b1\u03b2x") == 3);
    CHECK(count_chars("\u2202/\u2202x") == 4);
    CHECK(continuation_byte('\x80'));
    CHECK_FALSE(continuation_byte('a'));
    CHECK_FALSE(continuation_byte('\xCE'));
}

TEST_CASE("utf8: the line and column of a byte offset") {
    const std::string_view text = "ab\nc\u03b1d\n";
    TextPosition p = position_of(text, 0);
    CHECK(p.line == 1);
    CHECK(p.column == 1);
    CHECK(p.line_start == 0);
    p = position_of(text, text.find('d'));
    CHECK(p.line == 2);
    CHECK(p.column == 3);  // c, alpha (two bytes), then d
    CHECK(p.line_start == 3);
    p = position_of(text, text.find('d'), 10);
    CHECK(p.line == 11);
    p = position_of(text, 1000);  // past the end: the end
    CHECK(p.line == 3);
    CHECK(p.column == 1);
}
