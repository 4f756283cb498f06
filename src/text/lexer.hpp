// The lexer: UTF-8 text to tokens, each with its byte span. Unicode operators and
// superscripts become their ASCII tokens; Greek letters become their spelled names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expr/error.hpp"

namespace dfdx {

enum class Tok {
    Number,
    Ident,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Semicolon,
    Newline,
    Equals,
    Prime,
    Partial,
    Sqrt,
    Bar,
    Bang,
    Error,
    End
};

struct Token {
    Tok kind = Tok::End;
    Span span;
    std::string text;  ///< Number: the literal; Ident: the normalized name; Error: the message
    ErrorCode error = ErrorCode::Parse;  ///< Error tokens only
};

/// Longest chunk of input (a statement with its continuation lines) that is lexed and
/// parsed; a longer one is one Error(Limit). It is above the output limit (print.cpp),
/// so every definition `save` writes loads back.
inline constexpr std::size_t max_input_bytes = 4u << 20;

/// Splits `source` into tokens, ending with Tok::End. Never throws: bad bytes become
/// Tok::Error tokens that the parser reports where they stand. `#` comments and a `\`
/// before a newline are skipped; other newlines are Tok::Newline.
std::vector<Token> lex(std::string_view source);

/// Depth of open brackets after `text`, starting from `depth` (a closing bracket with
/// nothing open is the parser's to report and leaves the depth at 0).
long bracket_depth(std::string_view text, long depth);

/// True when a bracket of `source` is still open.
bool brackets_open(std::string_view source);

/// True when `source` is unfinished: a bracket is still open or the last line ends in `\`.
bool needs_continuation(std::string_view source);

/// Spelling of a token kind for messages ("')'").
const char* token_name(Tok kind);

}  // namespace dfdx
