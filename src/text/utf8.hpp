// UTF-8 and positions in source text, once for every reader of text: the lexer, the
// parser's messages and the CLI's error locations all count characters and lines here,
// so a column means the same everywhere.
#pragma once

#include <cstddef>
#include <string_view>

namespace dfdx {

/// The code point starting at byte i of s, into cp, and its length in bytes; 0 when the
/// bytes there are not valid UTF-8 (a stray continuation byte, a truncated sequence, an
/// overlong form, a surrogate, past U+10FFFF). i < s.size().
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

/// True for the bytes 10xxxxxx that continue a character.
inline bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Characters in s: the bytes that are not continuation bytes.
std::size_t count_chars(std::string_view s);

/// Where a byte offset falls in a text: its line (counted from first_line), its column
/// in characters from 1, and the offset at which its line starts.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
    std::size_t line_start = 0;
};
/// The position of `offset` (clamped to the text's end) in `text`.
TextPosition position_of(std::string_view text, std::size_t offset, std::size_t first_line = 1);

}  // namespace dfdx
