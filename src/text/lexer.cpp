// UTF-8 aware lexing with spans; see docs/grammar.md for the tokens.
#include "text/lexer.hpp"

#include <algorithm>

#include "expr/names.hpp"
#include "text/utf8.hpp"

namespace dfdx {

namespace {

// Decodes one UTF-8 code point at s[i]; returns its length, or 0 when invalid.
/// About the number of tokens in s, never fewer for formulas, in one cheap pass: a token
/// starts where a run of letters, of digits or of points starts, or at any other byte
/// but a blank (runs inside one token, as in 1.5e3, only overestimate).
std::size_t token_bound(std::string_view s) {
    std::size_t n = 0;
    int prev = 0;  // 1 letters, 2 digits, 3 points, 0 anything else
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const int cls = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') ? 1
                        : (c >= '0' && c <= '9')                                       ? 2
                        : c == '.'                                                     ? 3
                                                                                       : 0;
        if (cls ? cls != prev : (c != ' ' && c != '\t')) ++n;
        prev = cls;
    }
    return n;
}

bool ascii_letter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool digit(char32_t c) { return c >= '0' && c <= '9'; }

int superscript_digit(char32_t c) {
    switch (c) {
        case U'⁰': return 0;
        case U'¹': return 1;
        case U'²': return 2;
        case U'³': return 3;
        case U'⁴': return 4;
        case U'⁵': return 5;
        case U'⁶': return 6;
        case U'⁷': return 7;
        case U'⁸': return 8;
        case U'⁹': return 9;
        default: return -1;
    }
}

class Lexer {
public:
    explicit Lexer(std::string_view s) : s_(s) {}

    std::vector<Token> run() {
        // No regrowth: a statement gets a token per byte; a long chunk a count from one
        // quick pass (a regrown list of 72-byte tokens would touch as many new pages).
        out_.reserve((s_.size() <= 4096 ? s_.size() : token_bound(s_)) + 1);
        while (i_ < s_.size()) step();
        push(Tok::End, i_, i_);
        return std::move(out_);
    }

private:
    void push(Tok k, std::size_t b, std::size_t e) {
        Token& t = out_.emplace_back();
        t.kind = k;
        t.span = {b, e};
    }
    void push(Tok k, std::size_t b, std::size_t e, std::string text) {
        push(k, b, e);
        out_.back().text = std::move(text);
    }
    void error(std::size_t b, std::size_t e, ErrorCode code, std::string msg) {
        Token t{Tok::Error, {b, e}, std::move(msg)};
        t.error = code;
        out_.push_back(std::move(t));
    }

    void step() {
        const std::size_t b = i_;
        char c = s_[i_];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i_;
            return;
        }
        if (c == '\n') {
            push(Tok::Newline, b, ++i_);
            return;
        }
        if (c == '#') {
            while (i_ < s_.size() && s_[i_] != '\n') ++i_;
            return;
        }
        if (c == '\\') {
            std::size_t j = i_ + 1;
            while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t' || s_[j] == '\r')) ++j;
            // A comment may follow the backslash, as needs_continuation() allows.
            if (j < s_.size() && s_[j] == '#') j = std::min(s_.find('\n', j), s_.size());
            if (j == s_.size() || s_[j] == '\n') {
                i_ = j < s_.size() ? j + 1 : j;
                return;
            }
        }
        // ASCII operators and brackets, most of a formula's tokens, need no decoding.
        switch (c) {
            case '+': return push(Tok::Plus, b, ++i_);
            case '-': return push(Tok::Minus, b, ++i_);
            case '*':  // `**` is a power, as in Python and SymPy
                if (i_ + 1 < s_.size() && s_[i_ + 1] == '*') return push(Tok::Caret, b, i_ += 2);
                return push(Tok::Star, b, ++i_);
            case '/': return push(Tok::Slash, b, ++i_);
            case '^': return push(Tok::Caret, b, ++i_);
            case '(': return push(Tok::LParen, b, ++i_);
            case ')': return push(Tok::RParen, b, ++i_);
            case ',': return push(Tok::Comma, b, ++i_);
            case '=': return push(Tok::Equals, b, ++i_);
            case '|': return push(Tok::Bar, b, ++i_);
            case '!': return push(Tok::Bang, b, ++i_);
            case ':':  // `:=` defines, as in Maxima
                if (i_ + 1 < s_.size() && s_[i_ + 1] == '=') return push(Tok::Equals, b, i_ += 2);
                break;
            default: break;
        }
        if (digit(static_cast<unsigned char>(c)) ||
            (c == '.' && i_ + 1 < s_.size() && digit(static_cast<unsigned char>(s_[i_ + 1])))) {
            number();
            return;
        }
        char32_t cp = 0;
        std::size_t n = decode_utf8(s_, i_, cp);
        if (n == 0) {
            error(b, b + 1, ErrorCode::InvalidUtf8, "invalid UTF-8 byte in the input");
            ++i_;
            return;
        }
        if (ascii_letter(cp) || greek_name(cp)) {
            ident();
            return;
        }
        int sup = superscript_digit(cp);
        if (sup >= 0 || cp == U'⁻') {
            superscript();
            return;
        }
        i_ += n;
        switch (cp) {
            case '+': return push(Tok::Plus, b, i_);
            case '-':
            case U'−': return push(Tok::Minus, b, i_);
            case '*':
            case U'·':
            case U'×':
            case U'⋅': return push(Tok::Star, b, i_);
            case '/':
            case U'÷': return push(Tok::Slash, b, i_);
            case '^': return push(Tok::Caret, b, i_);
            case '(': return push(Tok::LParen, b, i_);
            case ')': return push(Tok::RParen, b, i_);
            case '[': return push(Tok::LBracket, b, i_);
            case ']': return push(Tok::RBracket, b, i_);
            case ',': return push(Tok::Comma, b, i_);
            case ';': return push(Tok::Semicolon, b, i_);
            case '=': return push(Tok::Equals, b, i_);
            case '\'':
            case U'′': return push(Tok::Prime, b, i_);
            case U'∂': return push(Tok::Partial, b, i_);
            case U'√': return push(Tok::Sqrt, b, i_);
            default: break;
        }
        std::string shown;
        if (cp < 0x20 || cp == 0x7F) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
            shown = buf;
        } else {
            shown = "'" + std::string(s_.substr(b, n)) + "'";
        }
        error(b, i_, ErrorCode::UnexpectedChar, "unexpected character " + shown);
    }

    void number() {
        const std::size_t b = i_;
        while (i_ < s_.size() && digit(static_cast<unsigned char>(s_[i_]))) ++i_;
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            while (i_ < s_.size() && digit(static_cast<unsigned char>(s_[i_]))) ++i_;
            // A second point ("1.2.3") is a malformed number, not the product 1.2*.3.
            if (i_ < s_.size() && s_[i_] == '.') {
                while (i_ < s_.size() &&
                       (s_[i_] == '.' || digit(static_cast<unsigned char>(s_[i_]))))
                    ++i_;
                error(b, i_, ErrorCode::Parse,
                      "malformed number " + std::string(s_.substr(b, i_ - b)));
                return;
            }
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            std::size_t j = i_ + 1;
            if (j < s_.size() && (s_[j] == '+' || s_[j] == '-')) ++j;
            if (j < s_.size() && digit(static_cast<unsigned char>(s_[j]))) {
                i_ = j;
                while (i_ < s_.size() && digit(static_cast<unsigned char>(s_[i_]))) ++i_;
            }
        }
        push(Tok::Number, b, i_, std::string(s_.substr(b, i_ - b)));
    }

    void ident() {
        const std::size_t b = i_;
        // ASCII names (nearly all of them) are copied in one go.
        while (i_ < s_.size() && (ascii_letter(static_cast<unsigned char>(s_[i_])) ||
                                  digit(static_cast<unsigned char>(s_[i_])))) {
            ++i_;
        }
        std::string name(s_.substr(b, i_ - b));
        while (i_ < s_.size()) {
            char32_t cp = 0;
            std::size_t n = decode_utf8(s_, i_, cp);
            if (n == 0) break;
            if (ascii_letter(cp) || digit(cp)) {
                name += static_cast<char>(cp);
            } else if (auto g = greek_name(cp)) {
                name += *g;
            } else {
                break;
            }
            i_ += n;
        }
        push(Tok::Ident, b, i_, std::move(name));
    }

    void superscript() {
        const std::size_t b = i_;
        std::string digits;
        bool minus = false;
        while (i_ < s_.size()) {
            char32_t cp = 0;
            std::size_t n = decode_utf8(s_, i_, cp);
            if (n == 0) break;
            int d = superscript_digit(cp);
            if (cp == U'⁻' && digits.empty() && !minus) {
                minus = true;
            } else if (d >= 0) {
                digits += static_cast<char>('0' + d);
            } else {
                break;
            }
            i_ += n;
        }
        push(Tok::Caret, b, b);
        if (minus) push(Tok::Minus, b, i_);
        if (digits.empty()) {
            error(b, i_, ErrorCode::Parse, "expected a superscript digit after '⁻'");
            return;
        }
        push(Tok::Number, b, i_, digits);
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::vector<Token> out_;
};

}  // namespace

std::vector<Token> lex(std::string_view source) { return Lexer(source).run(); }

long bracket_depth(std::string_view text, long depth) {
    // Plain formulas (ASCII letters, digits, operators; no comment, quote or odd byte) have
    // a bracket token for each bracket byte: count bytes rather than lex the text again.
    bool plain = true;
    long d = depth;
    for (char c : text) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  std::string_view(" \t+-*/^,.=;_'()[]").find(c) != std::string_view::npos;
        if (!ok) {
            plain = false;
            break;
        }
        if (c == '(' || c == '[') ++d;
        if (c == ')' || c == ']') d = d > 0 ? d - 1 : 0;
    }
    if (plain) return d;
    d = depth;
    for (const Token& t : lex(text)) {
        if (t.kind == Tok::LParen || t.kind == Tok::LBracket) ++d;
        if (t.kind == Tok::RParen || t.kind == Tok::RBracket) d = d > 0 ? d - 1 : 0;
    }
    return d;
}

bool brackets_open(std::string_view source) {
    if (source.size() > max_input_bytes) return false;  // the parser reports the limit
    return bracket_depth(source, 0) > 0;
}

bool needs_continuation(std::string_view source) {
    if (source.size() > max_input_bytes) return false;
    if (brackets_open(source)) return true;
    // A trailing backslash (before any comment) continues the statement.
    std::size_t end = source.size();
    while (end > 0 && (source[end - 1] == '\n' || source[end - 1] == ' ' ||
                       source[end - 1] == '\t' || source[end - 1] == '\r')) {
        --end;
    }
    std::size_t line_start = source.rfind('\n', end == 0 ? 0 : end - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::string_view last = source.substr(line_start, end - line_start);
    std::size_t hash = last.find('#');
    if (hash != std::string_view::npos) {
        last = last.substr(0, hash);
        while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
    }
    return !last.empty() && last.back() == '\\';
}

const char* token_name(Tok kind) {
    switch (kind) {
        case Tok::Number: return "a number";
        case Tok::Ident: return "a name";
        case Tok::Plus: return "'+'";
        case Tok::Minus: return "'-'";
        case Tok::Star: return "'*'";
        case Tok::Slash: return "'/'";
        case Tok::Caret: return "'^'";
        case Tok::LParen: return "'('";
        case Tok::RParen: return "')'";
        case Tok::LBracket: return "'['";
        case Tok::RBracket: return "']'";
        case Tok::Comma: return "','";
        case Tok::Semicolon: return "';'";
        case Tok::Newline: return "the end of the line";
        case Tok::Equals: return "'='";
        case Tok::Prime: return "'''";
        case Tok::Partial: return "'∂'";
        case Tok::Sqrt: return "'√'";
        case Tok::Bar: return "'|'";
        case Tok::Bang: return "'!'";
        case Tok::Error: return "an invalid character";
        case Tok::End: return "the end of the input";
    }
    return "a token";
}

}  // namespace dfdx
