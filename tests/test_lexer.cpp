// Unit tests of lexer.cpp: tokens and their spans, Unicode spellings, bad bytes,
// comments and continuation.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "text/lexer.hpp"

using dfdx::Tok;

namespace {

// The tokens of `source` as one line: kinds by a short spelling, with the text of
// numbers and names ("num:2 * id:x"). The closing End token is left out.
std::string tokens(std::string_view source) {
    std::string out;
    for (const dfdx::Token& t : dfdx::lex(source)) {
        if (t.kind == Tok::End) break;
        if (!out.empty()) out += ' ';
        switch (t.kind) {
            case Tok::Number: out += "num:" + t.text; break;
            case Tok::Ident: out += "id:" + t.text; break;
            case Tok::Plus: out += '+'; break;
            case Tok::Minus: out += '-'; break;
            case Tok::Star: out += '*'; break;
            case Tok::Slash: out += '/'; break;
            case Tok::Caret: out += '^'; break;
            case Tok::LParen: out += '('; break;
            case Tok::RParen: out += ')'; break;
            case Tok::LBracket: out += '['; break;
            case Tok::RBracket: out += ']'; break;
            case Tok::Comma: out += ','; break;
            case Tok::Semicolon: out += ';'; break;
            case Tok::Newline: out += "NL"; break;
            case Tok::Equals: out += '='; break;
            case Tok::Prime: out += '\''; break;
            case Tok::Partial: out += "PARTIAL"; break;
            case Tok::Sqrt: out += "SQRT"; break;
            case Tok::Bar: out += '|'; break;
            case Tok::Bang: out += '!'; break;
            case Tok::Error: out += "ERROR"; break;
            case Tok::End: break;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("the lexer splits ASCII input into tokens") {
    struct Row {
        std::string_view source;
        std::string_view tokens;
    };
    const Row rows[] = {
        {"1/3 + 1/6", "num:1 / num:3 + num:1 / num:6"},
        {"2x", "num:2 id:x"},
        {"2.5e-3x", "num:2.5e-3 id:x"},
        {".5", "num:.5"},
        {"1e", "num:1 id:e"},
        {"x_1 + y2", "id:x_1 + id:y2"},
        {"f'(x)", "id:f ' ( id:x )"},
        {"f''(2)", "id:f ' ' ( num:2 )"},
        {"[a, b]; c", "[ id:a , id:b ] ; id:c"},
        {"f(x, y) = x y", "id:f ( id:x , id:y ) = id:x id:y"},
        {"d/dx x^2", "id:d / id:dx id:x ^ num:2"},
        {"a\nb", "id:a NL id:b"},
        {"  \t\r", ""},
        {"x**2", "id:x ^ num:2"},
        {"f(x) := x", "id:f ( id:x ) = id:x"},
        {"|x| + 5!", "| id:x | + num:5 !"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.source);
        CHECK(tokens(r.source) == r.tokens);
    }
}

TEST_CASE("Unicode operators, superscripts and Greek letters become their ASCII tokens") {
    struct Row {
        std::string_view source;
        std::string_view tokens;
    };
    const Row rows[] = {
        {"3·4", "num:3 * num:4"},
        {"3×4", "num:3 * num:4"},
        {"6÷4", "num:6 / num:4"},
        {"5−2", "num:5 - num:2"},
        {"x²", "id:x ^ num:2"},
        {"x³", "id:x ^ num:3"},
        {"x⁻¹", "id:x ^ - num:1"},
        {"x¹⁰", "id:x ^ num:10"},
        {"√x", "SQRT id:x"},
        {"∂/∂x", "PARTIAL / PARTIAL id:x"},
        {"α + alpha", "id:alpha + id:alpha"},
        {"π", "id:pi"},
        {"f′(x)", "id:f ' ( id:x )"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.source);
        CHECK(tokens(r.source) == r.tokens);
    }
}

TEST_CASE("every token carries its byte span") {
    auto toks = dfdx::lex("sin(x²) + αβ");
    REQUIRE(toks.size() == 9);       // ... and End
    CHECK(toks[0].span.begin == 0);  // sin
    CHECK(toks[0].span.end == 3);
    CHECK(toks[2].span.begin == 4);  // x
    CHECK(toks[4].span.begin == 5);  // the 2 of ² spans its two bytes
    CHECK(toks[4].span.end == 7);
    CHECK(toks[5].span.begin == 7);  // )
    CHECK(toks[7].text == "alphabeta");
    CHECK(toks[7].span.begin == 11);
    CHECK(toks[7].span.end == 15);
}

TEST_CASE("comments and backslash-newline are skipped, other newlines are tokens") {
    CHECK(tokens("x + 1 # a comment") == "id:x + num:1");
    CHECK(tokens("# only a comment") == "");
    CHECK(tokens("x + \\\n 1") == "id:x + num:1");
    CHECK(tokens("x + \\   \n 1") == "id:x + num:1");
    CHECK(tokens("x # c\ny") == "id:x NL id:y");
}

TEST_CASE("bad bytes become error tokens with their code, and lexing goes on") {
    struct Row {
        std::string_view source;
        std::size_t error_at;
        dfdx::ErrorCode code;
    };
    const Row rows[] = {
        {"1 + @", 4, dfdx::ErrorCode::UnexpectedChar},
        {"x $ y", 2, dfdx::ErrorCode::UnexpectedChar},
        {"1 + \xff", 4, dfdx::ErrorCode::InvalidUtf8},
        {"\xc3(", 0, dfdx::ErrorCode::InvalidUtf8},
        {"x\xed\xa0\x80", 1, dfdx::ErrorCode::InvalidUtf8},  // a UTF-16 surrogate
        {"\xc0\xaf", 0, dfdx::ErrorCode::InvalidUtf8},       // an overlong '/'
        {std::string_view("1\0"
                          "2",
                          3),
         1, dfdx::ErrorCode::UnexpectedChar},
        {"a \\ b", 2, dfdx::ErrorCode::UnexpectedChar},
        {"x⁻", 1, dfdx::ErrorCode::Parse},
    };
    for (const Row& r : rows) {
        CAPTURE(r.source);
        bool found = false;
        for (const dfdx::Token& t : dfdx::lex(r.source)) {
            if (t.kind != Tok::Error) continue;
            found = true;
            CHECK(t.span.begin == r.error_at);
            CHECK(t.error == r.code);
            CHECK_FALSE(t.text.empty());
            break;
        }
        CHECK(found);
        CHECK(dfdx::lex(r.source).back().kind == Tok::End);
    }
}

TEST_CASE("a NUL byte is named by its code point in the message") {
    auto toks = dfdx::lex(std::string_view("x\0", 2));
    REQUIRE(toks.size() == 3);
    CHECK(toks[1].kind == Tok::Error);
    CHECK(toks[1].text.find("U+0000") != std::string::npos);
}

TEST_CASE("a statement needs continuation while a bracket is open or after a trailing backslash") {
    struct Row {
        std::string_view source;
        bool more;
    };
    const Row rows[] = {
        {"f(x", true},     {"[1, [2", true},   {"f(x)", false},         {"x +", false},
        {"x + \\", true},  {"x + \\  ", true}, {"x + \\ # note", true}, {"(x))(", true},
        {"x)", false},     {"# (", false},     {"a\nb(", true},         {"(\n)", false},
        {"x \\ y", false}, {"", false},
    };
    for (const Row& r : rows) {
        CAPTURE(r.source);
        CHECK(dfdx::needs_continuation(r.source) == r.more);
    }
    CHECK(dfdx::brackets_open("((x)"));
    CHECK_FALSE(dfdx::brackets_open("x \\"));
}

// Bug: "1.2.3" was read as the product 1.2*.3 and printed 9/25; a number with two
// decimal points is an error at the number.
TEST_CASE("a number with two decimal points is one error token") {
    for (std::string_view text : {"1.2.3", "1..5", ".5.5", "x + 3.14.15"}) {
        CAPTURE(text);
        const auto toks = dfdx::lex(text);
        std::size_t errors = 0;
        for (const dfdx::Token& t : toks) errors += t.kind == Tok::Error;
        CHECK(errors == 1);
        CHECK(tokens(text).find("num:") == std::string::npos);
    }
    CHECK(tokens("1.5 .5") == "num:1.5 num:.5");
    CHECK(tokens("2.x") == "num:2. id:x");
}

// Bug: "x = 1 + \ # note" then " 2" was an error at the backslash: needs_continuation()
// allowed a comment after it, the lexer did not.
TEST_CASE("a comment may follow a continuation backslash") {
    CHECK(tokens("x + \\ # note\n 1") == "id:x + num:1");
    CHECK(tokens("x + \\# note") == "id:x +");
    CHECK(dfdx::needs_continuation("x + \\ # note"));
}
