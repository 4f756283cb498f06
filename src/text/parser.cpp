// Recursive descent over the token stream of one statement. Each function parses exactly
// the production written above it.
#include "text/parser.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

#include "expr/functions.hpp"
#include "text/utf8.hpp"

namespace dfdx {

namespace {

const std::set<std::string> kAlwaysStop = {"at"};

class Parser {
public:
    Parser(std::string_view src, const std::vector<Token>& toks, std::size_t begin, std::size_t end,
           ParseCache* cache = nullptr)
        : src_(src), toks_(toks), pos_(begin), end_(end), cache_(cache) {}

    // statement = command | definition | binding | expr [ "at" assignments ]
    Statement statement() {
        Statement st;
        st.span = {toks_[pos_].span.begin, toks_[end_ - 1].span.end};
        if (body_skipped_) {  // the cached body, then its point
            st.kind = StatementKind::Expr;
            st.span.begin = cache_->offset;
            st.expr = cached_body();
            if (!accept_word("at")) unexpected("'at'");
            st.at = assignments();
            finish();
            return st;
        }
        if (at_end()) return st;
        if (peek().kind == Tok::Ident && peek(1).kind != Tok::Equals) {
            if (const CommandInfo* c = find_command(peek().text)) return command(std::move(st), *c);
        }
        if (looks_like_definition()) return definition(std::move(st));
        if (peek().kind == Tok::Ident && peek(1).kind == Tok::Equals) return binding(std::move(st));
        st.kind = StatementKind::Expr;
        st.expr = cached_body();
        if (!st.expr) {
            const std::size_t begin = peek().span.begin;
            st.expr = expr();
            if (cache_ && is_word("at")) {
                const std::size_t end = toks_[pos_ - 1].span.end;
                *cache_ = {begin, std::string(src_.substr(begin, end - begin)), st.expr};
            }
        }
        if (accept_word("at")) st.at = assignments();
        finish();
        return st;
    }

    /// The cache's expression when the statement starts with its text at its offset,
    /// whole tokens followed by `at`; the parser then stands on the `at`. When the chunk's
    /// lexing skipped that text (`body_skipped`), the statement's first token is the `at`.
    std::shared_ptr<const Syntax> cached_body() {
        if (body_skipped_) return cache_->body;
        if (!cache_ || !cache_->body) return nullptr;
        const std::size_t begin = peek().span.begin, end = begin + cache_->text.size();
        if (begin != cache_->offset || src_.substr(begin, cache_->text.size()) != cache_->text)
            return nullptr;
        std::size_t k = pos_;
        while (k < end_ && toks_[k].span.end <= end) ++k;
        if (k == pos_ || toks_[k - 1].span.end != end || k == end_) return nullptr;
        if (toks_[k].kind != Tok::Ident || toks_[k].text != "at") return nullptr;
        pos_ = k;
        return cache_->body;
    }

    SyntaxPtr whole_expression() {
        SyntaxPtr e = expr();
        finish();
        return e;
    }

private:
    // --- token access ---------------------------------------------------------------
    const Token& peek(std::size_t k = 0) const {
        std::size_t i = pos_ + k;
        return i < end_ ? toks_[i] : toks_[end_];
    }
    bool at_end() const { return pos_ >= end_; }
    const Token& next() {
        const Token& t = peek();
        if (!at_end()) ++pos_;
        return t;
    }
    bool accept(Tok k) {
        if (peek().kind != k) return false;
        next();
        return true;
    }
    bool is_word(const std::string& w, std::size_t k = 0) const {
        return peek(k).kind == Tok::Ident && peek(k).text == w;
    }
    bool accept_word(const std::string& w) {
        if (!is_word(w)) return false;
        next();
        return true;
    }
    bool is_stop_word(const Token& t) const {
        return t.kind == Tok::Ident && (kAlwaysStop.count(t.text) || stops_.count(t.text));
    }

    [[noreturn]] void fail(const std::string& msg, Span span) const {
        throw Error(ErrorCode::Parse, msg, span);
    }
    [[noreturn]] void unexpected(const std::string& wanted) const {
        const Token& t = peek();
        if (t.kind == Tok::Error) throw Error(t.error, t.text, t.span);
        std::string got = t.kind == Tok::Ident    ? "'" + t.text + "'"
                          : t.kind == Tok::Number ? "'" + t.text + "'"
                          : at_end()              ? "the end of the statement"
                                                  : token_name(t.kind);
        fail("expected " + wanted + ", found " + got, t.span);
    }
    void expect(Tok k, const std::string& wanted) {
        if (!accept(k)) unexpected(wanted);
    }
    void finish() {
        if (!at_end()) {
            if (peek().kind == Tok::RParen || peek().kind == Tok::RBracket) {
                fail(std::string("unmatched ") + token_name(peek().kind), peek().span);
            }
            if (peek().kind == Tok::Equals) {
                fail("unexpected '=': definitions are NAME = EXPR or NAME(PARAMS) = EXPR",
                     peek().span);
            }
            unexpected("an operator or the end of the statement");
        }
    }
    SyntaxPtr node(SyntaxKind k, Span span) {
        auto n = std::make_unique<Syntax>();
        n->kind = k;
        n->span = span;
        return n;
    }
    std::size_t last_end() const { return pos_ > 0 ? toks_[pos_ - 1].span.end : 0; }

    struct Depth {
        explicit Depth(Parser& p) : p_(p) {
            if (++p_.depth_ > max_nesting) {
                throw Error(
                    ErrorCode::Limit,
                    "nesting deeper than the limit of " + std::to_string(max_nesting) + " levels",
                    p_.peek().span);
            }
        }
        ~Depth() { --p_.depth_; }
        Parser& p_;
    };

    // --- statements -----------------------------------------------------------------

    bool looks_like_definition() const {
        if (peek().kind != Tok::Ident || peek(1).kind != Tok::LParen) return false;
        std::size_t k = 2;
        if (peek(k).kind == Tok::RParen) return peek(k + 1).kind == Tok::Equals;
        while (true) {
            if (peek(k).kind != Tok::Ident) return false;
            ++k;
            if (peek(k).kind == Tok::RParen) return peek(k + 1).kind == Tok::Equals;
            if (peek(k).kind != Tok::Comma) return false;
            ++k;
        }
    }

    // definition = NAME "(" NAME { "," NAME } ")" "=" expr
    Statement definition(Statement st) {
        st.kind = StatementKind::Define;
        st.name = peek().text;
        st.name_span = next().span;
        expect(Tok::LParen, "'('");
        while (peek().kind == Tok::Ident) {
            std::string p = next().text;
            if (std::find(st.params.begin(), st.params.end(), p) != st.params.end()) {
                fail("the parameter " + p + " appears twice", toks_[pos_ - 1].span);
            }
            st.params.push_back(p);
            if (!accept(Tok::Comma)) break;
        }
        expect(Tok::RParen, "')'");
        expect(Tok::Equals, "'='");
        if (at_end()) unexpected("an expression after '='");
        st.expr = expr();
        finish();
        return st;
    }

    // binding = NAME "=" expr
    Statement binding(Statement st) {
        st.kind = StatementKind::Bind;
        st.name = peek().text;
        st.name_span = next().span;
        expect(Tok::Equals, "'='");
        if (at_end()) unexpected("an expression after '='");
        st.expr = expr();
        finish();
        return st;
    }

    // assignments = NAME "=" expr { "," NAME "=" expr }
    std::vector<Assignment> assignments() {
        std::vector<Assignment> out;
        in_point_ = true;  // `NAME =` ends a value: `at x=1 y=2` is a missing comma
        do {
            if (peek().kind != Tok::Ident) unexpected("a name to give a value, as in 'at x=1'");
            Assignment a;
            a.name = peek().text;
            a.name_span = next().span;
            for (const Assignment& b : out) {
                if (b.name == a.name) fail(a.name + " is given twice", a.name_span);
            }
            expect(Tok::Equals, "'=' after " + a.name);
            a.value = expr();
            out.push_back(std::move(a));
            if (peek().kind == Tok::Ident && peek(1).kind == Tok::Equals) {
                fail("separate the names with commas, as in 'at x=1, y=2'", peek().span);
            }
        } while (accept(Tok::Comma));
        in_point_ = false;
        return out;
    }

    std::string rest_text() {
        std::string s(src_.substr(peek().span.begin, toks_[end_ - 1].span.end - peek().span.begin));
        pos_ = end_;
        return s;
    }

    // command = WORD ...   (the forms are listed in docs/grammar.md; each command's grammar
    // is its row of the command table)
    Statement command(Statement st, const CommandInfo& info) {
        st.kind = StatementKind::Command;
        st.command = &info;
        st.name = peek().text;
        st.name_span = next().span;
        switch (info.grammar) {
            case CommandGrammar::Expression:
                if (info.nudge) stops_ = {"by"};
                st.expr = expr();
                if (accept_word("at")) {
                    st.at = assignments();
                } else if (!info.missing_at.empty()) {
                    unexpected(std::string(info.missing_at));
                }
                if (info.nudge && accept_word("by")) st.by = expr();
                break;
            case CommandGrammar::Range: range_command(st); break;
            case CommandGrammar::Words:
                if (!at_end()) words(st);
                break;
        }
        finish();
        return st;
    }

    // words = the rest of the statement, split at blanks and commas
    void words(Statement& st) {
        st.rest = rest_text();
        std::string word;
        for (char c : st.rest + " ") {
            if (c == ' ' || c == '\t' || c == ',') {
                if (!word.empty()) st.words.push_back(word);
                word.clear();
            } else {
                word += c;
            }
        }
    }

    // range_command = ("table" | "plot") expr { "," expr } "for" NAME "in" "[" expr "," expr "]"
    //                 [ "step" expr | "with" expr "points" ] [ "to" FILE ]
    // A plot may leave out the range (views/range.hpp: the default one): then `to` ends
    // its expressions, so a plot of a name `to` needs its `for`.
    void range_command(Statement& st) {
        const bool plot = st.command->id == CommandId::Plot;
        stops_ = plot ? std::set<std::string>{"for", "to"} : std::set<std::string>{"for"};
        bare_primes_ = true;
        do {
            st.exprs.push_back(expr());
        } while (accept(Tok::Comma));
        bare_primes_ = false;
        stops_ = {"for", "to", "step", "with", "points"};
        if (plot && !is_word("for")) {
            if (accept_word("to")) {
                if (at_end()) unexpected("a file name after 'to'");
                st.file = rest_text();
            }
            if (!at_end())
                unexpected("'for' and a range, as in 'plot ... for x in [0, 1]', or 'to FILE'");
            return;
        }
        if (!accept_word("for"))
            unexpected("'for' and a range, as in '" + st.name + " ... for x in [0, 1]'");
        if (peek().kind != Tok::Ident) unexpected("the variable of the range");
        st.var = next().text;
        if (!accept_word("in")) unexpected("'in'");
        expect(Tok::LBracket, "'[' to open the range");
        st.lo = expr();
        expect(Tok::Comma, "',' between the ends of the range");
        st.hi = expr();
        expect(Tok::RBracket, "']' to close the range");
        if (accept_word("step")) {
            st.step = expr();
        } else if (accept_word("with")) {
            st.points = expr();
            if (!accept_word("points")) unexpected("'points'");
        }
        if (accept_word("to")) {
            if (at_end()) unexpected("a file name after 'to'");
            st.file = rest_text();
        }
    }

    // --- expressions ----------------------------------------------------------------

    // expr = product { ("+" | "-") product }
    SyntaxPtr expr() {
        Depth guard(*this);
        std::size_t b = peek().span.begin;
        SyntaxPtr first = unary();
        if (!sum_continues()) return first;
        SyntaxPtr sum = node(SyntaxKind::Sum, {});
        sum->kids.reserve(4);  // most sums are short: one allocation, not one per doubling
        sum->kids.push_back(std::move(first));
        sum->negated.push_back(false);
        while (sum_continues()) {
            bool minus = next().kind == Tok::Minus;
            sum->kids.push_back(unary());
            sum->negated.push_back(minus);
        }
        sum->span = {b, last_end()};
        return sum;
    }

    /// A `+` or `-` goes on with the sum, except in the operand of a `d/dx` at its own
    /// level when another derivative form follows: `d/dx x^2 + d/dx x^3` is two terms.
    bool sum_continues() const {
        if (peek().kind != Tok::Plus && peek().kind != Tok::Minus) return false;
        return depth_ != derivative_operand_depth_ || !derivative_at(1);
    }

    // The first term of a sum may carry a sign; unary = ("-" | "+") unary | product
    SyntaxPtr unary() {
        if (peek().kind == Tok::Minus || peek().kind == Tok::Plus) {
            Depth guard(*this);
            const Token& t = next();
            bool minus = t.kind == Tok::Minus;
            SyntaxPtr operand = unary();
            if (!minus) return operand;
            SyntaxPtr n = node(SyntaxKind::Neg, {t.span.begin, last_end()});
            n->kids.push_back(std::move(operand));
            return n;
        }
        return product();
    }

    bool starts_operand(const Token& t) const {
        switch (t.kind) {
            case Tok::Number:
            case Tok::LParen:
            case Tok::Sqrt:
            case Tok::Partial: return true;
            case Tok::Bar: return abs_open_ == 0;  // inside |...| a bar closes
            case Tok::Ident:
                return !is_stop_word(t) &&
                       !(in_point_ && &t == &peek() && peek(1).kind == Tok::Equals);
            default: return false;
        }
    }

    // product = power { ("*" | "/") signed_power | power }     (juxtaposition multiplies)
    SyntaxPtr product() {
        std::size_t b = peek().span.begin;
        SyntaxPtr first = power();
        if (peek().kind != Tok::Star && peek().kind != Tok::Slash && !starts_operand(peek()))
            return first;
        SyntaxPtr prod = node(SyntaxKind::Product, {});
        prod->kids.reserve(4);
        prod->kids.push_back(std::move(first));
        prod->negated.push_back(false);
        while (true) {
            if (peek().kind == Tok::Star || peek().kind == Tok::Slash) {
                bool divide = next().kind == Tok::Slash;
                prod->kids.push_back(signed_power());
                prod->negated.push_back(divide);
            } else if (starts_operand(peek())) {
                prod->kids.push_back(power());
                prod->negated.push_back(false);
            } else {
                break;
            }
        }
        prod->span = {b, last_end()};
        return prod;
    }

    // signed_power = ("-" | "+") signed_power | power      (x * -y, 2^-1)
    SyntaxPtr signed_power() {
        if (peek().kind == Tok::Minus || peek().kind == Tok::Plus) {
            Depth guard(*this);
            const Token& t = next();
            bool minus = t.kind == Tok::Minus;
            SyntaxPtr operand = signed_power();
            if (!minus) return operand;
            SyntaxPtr n = node(SyntaxKind::Neg, {t.span.begin, last_end()});
            n->kids.push_back(std::move(operand));
            return n;
        }
        return power();
    }

    // power = postfix [ "^" signed_power ]        (right-associative)
    SyntaxPtr power() {
        std::size_t b = peek().span.begin;
        SyntaxPtr base = postfix(primary(), b);
        if (!accept(Tok::Caret)) return base;
        Depth guard(*this);
        if (at_end()) unexpected("an exponent after '^'");
        SyntaxPtr p = node(SyntaxKind::Power, {});
        p->kids.reserve(2);
        p->kids.push_back(std::move(base));
        p->kids.push_back(signed_power());
        p->span = {b, last_end()};
        return p;
    }

    // postfix = primary { "!" }        (n! is factorial(n))
    SyntaxPtr postfix(SyntaxPtr e, std::size_t b) {
        while (peek().kind == Tok::Bang) {
            next();
            SyntaxPtr c = node(SyntaxKind::Call, {b, last_end()});
            c->text = "factorial";
            c->kids.push_back(std::move(e));
            e = std::move(c);
        }
        return e;
    }

    // args = [ expr { "," expr } ]
    /// Arguments up to `close`; the error names the bracket opened at offset `open` (its
    /// line and column are worked out only then: counting them costs a scan of the chunk).
    std::vector<SyntaxPtr> args(Tok close, std::size_t open) {
        std::vector<SyntaxPtr> out;
        if (accept(close)) return out;
        do {
            out.push_back(expr());
        } while (accept(Tok::Comma));
        if (!accept(close)) {
            unexpected(close == Tok::RBracket ? "']' to close '[' at " + column_of(open)
                                              : "')' to close '(' at " + column_of(open));
        }
        return out;
    }

    // primary = NUMBER | NAME | NAME "(" args ")" | NAME primes [ "[" ints "]" ] "(" args ")"
    //         | "(" expr ")" | "[" args "]" | "√" power | derivative
    SyntaxPtr primary() {
        const Token& t = peek();
        switch (t.kind) {
            case Tok::Number: {
                next();
                SyntaxPtr n = node(SyntaxKind::Number, t.span);
                n->text = t.text;
                return n;
            }
            case Tok::LParen: {
                next();
                if (peek().kind == Tok::RParen) unexpected("an expression inside '()'");
                const int bars = std::exchange(abs_open_, 0);
                SyntaxPtr inner = expr();
                abs_open_ = bars;
                if (!accept(Tok::RParen)) {
                    if (at_end() || peek().kind == Tok::Newline) {
                        fail("expected ')' to close '(' at " + column_of(t.span.begin),
                             peek().span);
                    }
                    unexpected("')' to close '(' at " + column_of(t.span.begin));
                }
                return inner;
            }
            case Tok::LBracket: {
                next();
                SyntaxPtr v = node(SyntaxKind::Vector, {});
                v->kids = args(Tok::RBracket, t.span.begin);
                v->span = {t.span.begin, last_end()};
                return v;
            }
            case Tok::Sqrt: {
                next();
                SyntaxPtr c = node(SyntaxKind::Call, {});
                c->text = "sqrt";
                c->kids.push_back(power());
                c->span = {t.span.begin, last_end()};
                return c;
            }
            case Tok::Bar: {  // |x| is abs(x)
                next();
                ++abs_open_;
                SyntaxPtr inner = expr();
                --abs_open_;
                if (!accept(Tok::Bar)) unexpected("'|' to close '|' at " + column_of(t.span.begin));
                SyntaxPtr c = node(SyntaxKind::Call, {t.span.begin, last_end()});
                c->text = "abs";
                c->kids.push_back(std::move(inner));
                return c;
            }
            case Tok::Partial: return derivative();
            case Tok::Ident: {
                if (is_stop_word(t)) unexpected("an expression");
                if (auto d = try_derivative()) return d;
                if (auto f = builtin_without_brackets()) return f;
                return name_or_call();
            }
            case Tok::Error: throw Error(t.error, t.text, t.span);
            default: unexpected("an expression");
        }
    }

    std::string column_of(std::size_t offset) const {
        const TextPosition at = position_of(src_, offset);
        return std::to_string(at.line) + ":" + std::to_string(at.column);
    }

    // --- built-ins written the textbook way ---------------------------------------------
    // bare_call = FUNC [ "^" NUMBER ] ( "(" args ")" | simple_arg )
    // simple_arg = [ NUMBER ] [ NAME [ "^" signed_power ] ]     sin 2x cos x = sin(2x)*cos(x)

    bool is_unary_builtin(const Token& t) const {
        if (t.kind != Tok::Ident || is_stop_word(t)) return false;
        auto id = find_function(t.text);
        return id && function_info(*id).min_args == 1;
    }
    bool starts_simple_arg(std::size_t k) const {
        const Token& t = peek(k);
        if (t.kind == Tok::Number || (t.kind == Tok::Bar && abs_open_ == 0)) return true;
        return t.kind == Tok::Ident && !is_stop_word(t) && !is_unary_builtin(t) &&
               !derivative_at(k) && !(in_point_ && peek(k + 1).kind == Tok::Equals);
    }

    /// `sin x`, `ln x`, `sqrt 2x`, `sin^2(x)`; nullptr when the built-in is not written
    /// that way (brackets right after the name are an ordinary call).
    SyntaxPtr builtin_without_brackets() {
        if (!is_unary_builtin(peek())) return nullptr;
        if (peek(1).kind == Tok::Caret) return builtin_power();
        if (!starts_simple_arg(1)) return nullptr;
        const Token& f = next();
        return bare_call(f);
    }

    SyntaxPtr builtin_power() {
        const Token& f = next();
        next();  // '^'
        if (peek().kind == Tok::Minus && peek(1).kind == Tok::Number && peek(1).text == "1") {
            std::string inverse =
                find_function("a" + f.text) ? "a" + f.text + "(x)" : "its inverse";
            fail("write " + inverse + " or 1/" + f.text + "(x): " + f.text +
                     "^-1(x) could mean either",
                 {f.span.begin, peek(1).span.end});
        }
        if (peek().kind != Tok::Number) {
            fail(f.text + " is a built-in function: call it, as in " + f.text + "(x)^2", f.span);
        }
        SyntaxPtr exponent = node(SyntaxKind::Number, peek().span);
        exponent->text = next().text;
        SyntaxPtr call;
        if (peek().kind == Tok::LParen) {
            std::size_t open = next().span.begin;
            call = node(SyntaxKind::Call, {});
            call->text = f.text;
            call->kids = args(Tok::RParen, open);
            call->span = {f.span.begin, last_end()};
        } else if (starts_simple_arg(0)) {
            call = bare_call(f);
        } else {
            unexpected("'(' after " + f.text + "^" + exponent->text);
        }
        SyntaxPtr p = node(SyntaxKind::Power, {f.span.begin, last_end()});
        p->kids.push_back(std::move(call));
        p->kids.push_back(std::move(exponent));
        return p;
    }

    SyntaxPtr bare_call(const Token& f) {
        const std::size_t b = peek().span.begin;
        SyntaxPtr arg;
        if (peek().kind == Tok::Bar) return bar_call(f);
        if (peek().kind == Tok::Number) arg = power();
        if (starts_simple_arg(0) && peek().kind == Tok::Ident) {
            SyntaxPtr name = power();
            if (arg) {
                SyntaxPtr prod = node(SyntaxKind::Product, {b, last_end()});
                prod->kids.push_back(std::move(arg));
                prod->kids.push_back(std::move(name));
                prod->negated = {false, false};
                arg = std::move(prod);
            } else {
                arg = std::move(name);
            }
        }
        const std::string text(src_.substr(b, last_end() - b));
        const bool call_inside =
            arg->kind == SyntaxKind::Call || arg->kind == SyntaxKind::PrimeCall ||
            (arg->kind == SyntaxKind::Product && arg->kids.back()->kind == SyntaxKind::Call);
        if (call_inside || (starts_operand(peek()) && !is_unary_builtin(peek()))) {
            const std::string more = call_inside ? "..." : next_operand_text();
            fail("brackets needed: write " + f.text + "(" + text + " " + more + ") or " + f.text +
                     "(" + text + ")*" + more + " (without brackets " + f.text +
                     " takes a number and one name)",
                 {f.span.begin, peek().span.end});
        }
        SyntaxPtr c = node(SyntaxKind::Call, {f.span.begin, last_end()});
        c->text = f.text;
        c->kids.push_back(std::move(arg));
        return c;
    }

    /// `ln |x|`: a built-in applied to a bar-bracketed argument.
    SyntaxPtr bar_call(const Token& f) {
        SyntaxPtr c = node(SyntaxKind::Call, {});
        c->text = f.text;
        c->kids.push_back(power());
        c->span = {f.span.begin, last_end()};
        return c;
    }

    /// The text of the operand that starts here, for a message (the parser is failing).
    std::string next_operand_text() {
        const std::size_t b = peek().span.begin;
        try {
            power();
        } catch (const Error&) {
            return "...";
        }
        return std::string(src_.substr(b, last_end() - b));
    }

    SyntaxPtr name_or_call() {
        const Token& t = next();
        std::vector<unsigned> primes;
        std::size_t prime_count = 0;
        while (peek().kind == Tok::Prime) {
            next();
            ++prime_count;
        }
        if (prime_count && peek().kind == Tok::LBracket) {
            next();
            do {
                if (peek().kind != Tok::Number) unexpected("an argument index");
                primes.push_back(static_cast<unsigned>(std::stoul(next().text)));
            } while (accept(Tok::Comma));
            expect(Tok::RBracket, "']'");
        } else {
            primes.assign(prime_count, 1);
        }
        if (peek().kind == Tok::LParen) {
            std::size_t open = next().span.begin;
            SyntaxPtr c = node(primes.empty() ? SyntaxKind::Call : SyntaxKind::PrimeCall, {});
            c->text = t.text;
            c->primes = std::move(primes);
            c->kids = args(Tok::RParen, open);
            c->span = {t.span.begin, last_end()};
            return c;
        }
        if (!primes.empty() && !bare_primes_)
            unexpected("'(' after " + t.text + "' (write " + t.text + "'(x))");
        // In table and plot, `f'` alone is a Name with primes: run_table and run_plot
        // apply it to the range variable.
        SyntaxPtr n = node(SyntaxKind::Name, {t.span.begin, last_end()});
        n->text = t.text;
        n->primes = std::move(primes);
        return n;
    }

    // --- derivative forms -------------------------------------------------------------
    // derivative = D [ "^" NUMBER ] [ NAME ] "/" dvar { dvar } [ operand ]
    //   D = "d" | "∂";  dvar = ("d" NAME | "∂" NAME) [ "^" NUMBER ]
    //   without NAME the operand is the whole expression to the right

    bool is_dvar(std::size_t k) const {
        const Token& t = peek(k);
        if (t.kind == Tok::Partial) return peek(k + 1).kind == Tok::Ident;
        return t.kind == Tok::Ident && t.text.size() > 1 && t.text[0] == 'd';
    }

    /// Whether a derivative form (d/dx, d^2/dx^2, df/dx, d2/dx2, ∂/∂x) starts at peek(k).
    bool derivative_at(std::size_t k) const {
        const Token& t = peek(k);
        if (t.kind == Tok::Partial) return true;
        if (t.kind != Tok::Ident || t.text.empty() || t.text[0] != 'd') return false;
        if (t.text == "d") {
            if (peek(k + 1).kind == Tok::Slash && is_dvar(k + 2)) return true;
            if (peek(k + 1).kind == Tok::Caret && peek(k + 2).kind == Tok::Number) {
                std::size_t j = k + 3;
                if (peek(j).kind == Tok::Ident && peek(j + 1).kind == Tok::Slash) ++j;
                return peek(j).kind == Tok::Slash && is_dvar(j + 1);
            }
            return false;
        }
        return peek(k + 1).kind == Tok::Slash && is_dvar(k + 2);
    }

    SyntaxPtr try_derivative() { return derivative_at(0) ? derivative() : nullptr; }

    /// `dxdy` in `d^2/dxdy`: the variables of a word of d-letter pairs, or none.
    static std::vector<std::string> split_dvars(const std::string& word) {
        std::vector<std::string> out;
        if (word.size() < 4 || word.size() % 2) return out;
        for (std::size_t i = 0; i < word.size(); i += 2) {
            const char c = word[i + 1];
            if (word[i] != 'd' || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return {};
            out.emplace_back(1, c);
        }
        return out;
    }

    /// `x2` in `d2/dx2`: the name and the order written after it.
    static std::pair<std::string, std::string> trailing_digits(const std::string& name) {
        std::size_t k = name.size();
        while (k > 0 && name[k - 1] >= '0' && name[k - 1] <= '9') --k;
        if (k == 0 || k == name.size()) return {name, ""};
        return {name.substr(0, k), name.substr(k)};
    }

    SyntaxPtr derivative() {
        const Token& head = next();
        std::size_t b = head.span.begin;
        unsigned long long order = 1;
        bool explicit_order = false;
        std::string of;
        if (head.kind == Tok::Ident && head.text.size() > 1) of = head.text.substr(1);
        // d2/dx2, the calculator spelling of d^2/dx^2
        const bool numbered =
            !of.empty() && of.find_first_not_of("0123456789") == std::string::npos;
        if (numbered) {
            order = parse_order(Token{Tok::Number, head.span, of});
            explicit_order = true;
            of.clear();
        }
        if (!numbered && accept(Tok::Caret)) {
            order = parse_order(next());
            explicit_order = true;
        }
        if (of.empty() && peek().kind == Tok::Ident && peek(1).kind == Tok::Slash) of = next().text;
        expect(Tok::Slash, "'/'");
        std::vector<DiffVar> vars;
        unsigned long long total = 0;
        while (total < order && is_dvar(0)) {
            DiffVar v;
            const Token& d = next();
            if (d.kind == Tok::Partial) {
                v.name = next().text;
            } else {
                v.name = d.text.substr(1);
                auto pieces = split_dvars(d.text);
                if (!pieces.empty() && order - total >= pieces.size() &&
                    !(peek().kind == Tok::Caret)) {
                    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
                        vars.push_back({pieces[i], 1, d.span});
                        ++total;
                    }
                    v.name = pieces.back();
                } else if (numbered) {
                    auto [name, digits] = trailing_digits(v.name);
                    if (!digits.empty()) {
                        v.name = name;
                        v.order = parse_order(Token{Tok::Number, d.span, digits});
                    }
                }
            }
            v.span = {d.span.begin, last_end()};
            if (peek().kind == Tok::Caret && peek(1).kind == Tok::Number) {
                next();
                v.order = parse_order(next());
                v.span.end = last_end();
            }
            total += v.order;
            vars.push_back(v);
        }
        if (vars.empty()) unexpected("the variable, as in d/dx");
        if (explicit_order && total != order) {
            fail("the orders of the variables add up to " + std::to_string(total) + ", not " +
                     std::to_string(order),
                 {b, last_end()});
        }
        if (!of.empty()) {
            SyntaxPtr n = node(SyntaxKind::DerivativeOf, {b, last_end()});
            n->text = of;
            n->vars = std::move(vars);
            if (peek().kind == Tok::LParen) {  // df/dx(3): the derivative applied, as f'(3)
                std::size_t open = next().span.begin;
                n->kids = args(Tok::RParen, open);
                if (n->kids.empty()) unexpected("an argument inside '()'");
                n->span.end = last_end();
            }
            return n;
        }
        SyntaxPtr n = node(SyntaxKind::Derivative, {});
        n->vars = std::move(vars);
        if (at_end() || !starts_operand(peek())) {
            if (!(peek().kind == Tok::Minus || peek().kind == Tok::LBracket)) {
                unexpected("an expression to differentiate after d/d" + n->vars.back().name);
            }
        }
        const int outer = std::exchange(derivative_operand_depth_, depth_ + 1);
        n->kids.push_back(expr());
        derivative_operand_depth_ = outer;
        n->span = {b, last_end()};
        return n;
    }

    unsigned long long parse_order(const Token& t) {
        if (t.kind != Tok::Number || t.text.find_first_not_of("0123456789") != std::string::npos ||
            t.text.size() > 18) {
            fail("expected a whole number as the order of the derivative", t.span);
        }
        return std::stoull(t.text);
    }

public:
    bool body_skipped_ = false;  ///< the cached body was not lexed: token 0 is its `at`

private:
    std::string_view src_;
    const std::vector<Token>& toks_;
    std::size_t pos_, end_;
    ParseCache* cache_;
    int depth_ = 0;
    std::set<std::string> stops_;
    bool bare_primes_ = false;           ///< table/plot expressions: `f'` may stand alone
    int abs_open_ = 0;                   ///< bars `|` open at this bracket level
    bool in_point_ = false;              ///< reading `at x=1, ...`: `NAME =` starts the next name
    int derivative_operand_depth_ = -1;  ///< depth of the innermost d/dx operand's sum
};

/// The length of the cached body when `source` starts with it and then spaces and the
/// word `at`; else 0.
std::size_t cached_prefix(std::string_view source, const ParseCache* cache) {
    if (!cache || !cache->body || cache->offset != 0 || !source.starts_with(cache->text)) return 0;
    std::size_t i = cache->text.size();
    const std::size_t spaces = i;
    while (i < source.size() && (source[i] == ' ' || source[i] == '\t')) ++i;
    if (i == spaces || source.substr(i, 2) != "at") return 0;
    if (i + 2 < source.size()) {
        const unsigned char c = static_cast<unsigned char>(source[i + 2]);
        if (std::isalnum(c) || c == '_' || c >= 0x80) return 0;  // `atx` is a name
    }
    return cache->text.size();
}

}  // namespace

void parse_statements(std::string_view source, const std::function<bool(ParsedStatement&)>& each,
                      ParseCache* cache) {
    if (source.size() > max_input_bytes) {
        ParsedStatement ps;
        ps.span = {0, std::min<std::size_t>(source.size(), 80)};
        ps.error =
            Error(ErrorCode::Limit,
                  "input longer than the limit of " + std::to_string(max_input_bytes) + " bytes",
                  ps.span);
        each(ps);
        return;
    }
    // A chunk that starts with the cached expression's text and then ` at` (a script asking
    // for one derivative at many points) is lexed from the `at` on: the text is the body.
    const std::size_t skipped = cached_prefix(source, cache);
    std::vector<Token> toks = lex(source.substr(skipped));
    if (skipped) {
        for (Token& t : toks) t.span = {t.span.begin + skipped, t.span.end + skipped};
    }
    std::size_t begin = 0;
    int depth = 0;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        Tok k = toks[i].kind;
        if (k == Tok::LParen || k == Tok::LBracket) ++depth;
        if ((k == Tok::RParen || k == Tok::RBracket) && depth > 0) --depth;
        bool boundary = k == Tok::End || k == Tok::Semicolon || (k == Tok::Newline && depth == 0);
        if (!boundary) continue;
        const std::size_t first = begin;
        begin = i + 1;
        if (k != Tok::End) depth = 0;
        if (first == i) continue;
        // Newlines inside brackets are spaces: a statement that has some is parsed from a
        // copy without them; the others (nearly all) in place, the boundary token made End.
        bool inner_newline = false;
        for (std::size_t j = first; j < i; ++j) inner_newline |= toks[j].kind == Tok::Newline;
        std::vector<Token> stmt;
        const std::vector<Token>* parsed = &toks;
        std::size_t from = first, to = i;
        if (inner_newline) {
            for (std::size_t j = first; j < i; ++j) {
                if (toks[j].kind != Tok::Newline) stmt.push_back(std::move(toks[j]));
            }
            if (stmt.empty()) continue;
            parsed = &stmt;
            from = 0;
            to = stmt.size();
            stmt.emplace_back();
        }
        const std::vector<Token>& ts = *parsed;
        const bool body_skipped = skipped && first == 0;
        Span span{body_skipped ? 0 : ts[from].span.begin, ts[to - 1].span.end};
        Token& end = inner_newline ? stmt.back() : toks[i];
        end = Token{Tok::End, {span.end, span.end}, {}};
        ParsedStatement ps;
        ps.span = span;
        try {
            Parser p(source, ts, from, to, cache);
            p.body_skipped_ = body_skipped;
            ps.statement = p.statement();
        } catch (const Error& e) {
            ps.error = e;
        }
        if (!each(ps)) return;
    }
}

std::vector<ParsedStatement> parse_chunk(std::string_view source) {
    std::vector<ParsedStatement> out;
    parse_statements(source, [&out](ParsedStatement& ps) {
        out.push_back(std::move(ps));
        return true;
    });
    return out;
}

SyntaxPtr parse_expression(std::string_view source) {
    if (source.size() > max_input_bytes) {
        throw Error(ErrorCode::Limit,
                    "input longer than the limit of " + std::to_string(max_input_bytes) + " bytes");
    }
    std::vector<Token> toks = lex(source);
    std::vector<Token> kept;
    for (const Token& t : toks) {
        if (t.kind != Tok::Newline) kept.push_back(t);
    }
    Parser p(source, kept, 0, kept.size() - 1);
    return p.whole_expression();
}

}  // namespace dfdx
