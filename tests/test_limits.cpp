// Limits and hostile input: each ends the statement with a clear error or answers at once,
// the session goes on, and the deepest allowed expressions do not overflow the stack.
// The limits are listed in docs/errors.md.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "calculus/diff.hpp"
#include "calculus/simplify.hpp"
#include "calculus/substitute.hpp"
#include "expr/construct.hpp"
#include "expr/functions.hpp"
#include "numbers/eval.hpp"
#include "print/print.hpp"
#include "session/session.hpp"
#include "support.hpp"
#include "text/parser.hpp"

using namespace dfdx;

namespace {

/// What one statement did: its result lines or its error.
struct Outcome {
    std::vector<std::string> lines;
    std::optional<Error> error;
};

class Capture : public Sink {
public:
    void result(const std::string& line) override { last.lines.push_back(line); }
    void error(const Error& e) override { last.error = e; }
    void request(const Request&) override {}
    Outcome last;
};

Outcome run(Session& session, const std::string& input) {
    Capture sink;
    session.run(input, sink);
    return sink.last;
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

/// The session still answers after whatever came before.
void check_alive(Session& session) {
    Outcome o = run(session, "d/dx x^2 at x=3");
    REQUIRE_FALSE(o.error);
    CHECK(o.lines == std::vector<std::string>{"6"});
}

struct LimitRow {
    std::string name;
    std::string input;
    ErrorCode code;
    std::string message;  ///< a part of the message that names the limit
};

}  // namespace

TEST_CASE("each limit ends the statement with an error that names it, and the session goes on") {
    const std::vector<LimitRow> rows = {
        {"100,000 nested brackets", repeat("(", 100000) + "x" + repeat(")", 100000),
         ErrorCode::Limit, "nesting deeper than the limit of 500 levels"},
        {"100,000 open brackets", repeat("(", 100000), ErrorCode::Limit,
         "nesting deeper than the limit"},
        {"100,000 nested vectors", repeat("[", 100000) + "x" + repeat("]", 100000),
         ErrorCode::Limit, "nesting deeper than the limit"},
        {"100,000 nested calls", repeat("sin(", 100000) + "x" + repeat(")", 100000),
         ErrorCode::Limit, "nesting deeper than the limit"},
        {"100,000 signs", repeat("-", 100000) + "x", ErrorCode::Limit,
         "nesting deeper than the limit"},
        {"a power tower of 100,000", repeat("x^", 100000) + "x", ErrorCode::Limit,
         "nesting deeper than the limit"},
        {"a 10 MB line", repeat("x+", 5 << 20) + "x", ErrorCode::Limit,
         "input longer than the limit of 4194304 bytes"},
        {"a literal with a huge exponent", "1e-99999999999", ErrorCode::Limit, "limit"},
        {"a literal past the bit limit", "1e999999999", ErrorCode::Limit,
         "past the limit of 1048576 bits"},
        {"a million-digit literal", repeat("7", 1000000), ErrorCode::Limit,
         "past the limit of 1048576 bits"},
        {"an expansion of half a million terms", "expand((x+y+z)^1000)", ErrorCode::Limit,
         "expansion past the limit of 200000 terms"},
        {"an expansion of a huge power", "expand((x+1)^100000)", ErrorCode::Limit,
         "past the limit of exponent 10000"},
        {"an expansion printed past the output limit", "expand((x+1)^10000)", ErrorCode::Limit,
         "longer than the output limit of 4000000 characters"},
        {"an order past the derivative limit", "diff(x*exp(x), x, 2000000)", ErrorCode::Limit,
         "derivative order past the limit of 1000000"},
        {"an order past the limit for x^x", "diff(x^x, x, 10^18)", ErrorCode::Limit,
         "derivative order past the limit of 1000000"},
        // Bug: diff(x^x, x, 200) ran for hours (order 25 took 6 minutes and 6.8 GB): the
        // derivatives of x^x double at each order and no limit stopped them.
        {"x^x differentiated 200 times", "diff(x^x, x, 200)", ErrorCode::Limit,
         "the derivative of order 18 has 63568 distinct nodes, past the limit of 50000 for "
         "repeated derivatives"},
        {"the same through d^n/dx^n", "d^40/dx^40 x^x", ErrorCode::Limit,
         "past the limit of 50000 for repeated"},
    };
    Session session;
    for (const LimitRow& row : rows) {
        CAPTURE(row.name);
        Outcome o = run(session, row.input);
        REQUIRE(o.error);
        CHECK(o.error->code() == row.code);
        CHECK(std::string(o.error->what()).find(row.message) != std::string::npos);
        check_alive(session);
    }
}

TEST_CASE("huge numbers and orders answer at once") {
    struct Row {
        std::string input, output;
    };
    const std::vector<Row> rows = {
        {"10^10^10^10", "10^(10^10000000000)"},
        {"x^(10^100)", "x^1" + std::string(100, '0')},
        {"d/dx x^(10^100)", "1" + std::string(100, '0') + "*x^" + std::string(100, '9')},
        {"2^(2^30)", "4.19715743293478e+323228496"},  // kept unexpanded, printed by MPFR (issue 14)
        {"x*2^(2^30)", "x*2^1073741824"},
        {"diff(sin(x), x, 10^18)", "sin(x)"},
        {"diff(exp(2x), x, 3)", "8*exp(2*x)"},
        {"diff(x^5, x, 10^18)", "0"},
        {"diff(x^5, x, 5)", "120"},
    };
    Session session;
    for (const Row& row : rows) {
        CAPTURE(row.input);
        Outcome o = run(session, row.input);
        REQUIRE_FALSE(o.error);
        CHECK(o.lines == std::vector<std::string>{row.output});
    }
}

TEST_CASE("bad bytes are errors at their place, and the session goes on") {
    struct Row {
        std::string input;
        ErrorCode code;
        std::size_t column;  ///< byte offset of the error
        std::string message;
    };
    const std::vector<Row> rows = {
        {"x + \xff\xfe", ErrorCode::InvalidUtf8, 4, "invalid UTF-8"},
        {"\xc3\x28 + 1", ErrorCode::InvalidUtf8, 0, "invalid UTF-8"},
        {"\xed\xa0\x80", ErrorCode::InvalidUtf8, 0, "invalid UTF-8"},      // a UTF-16 surrogate
        {"\xf4\x90\x80\x80", ErrorCode::InvalidUtf8, 0, "invalid UTF-8"},  // past U+10FFFF
        {"sin(\xe2\x88", ErrorCode::InvalidUtf8, 4, "invalid UTF-8"},      // a cut sequence
        {std::string("x ") + '\0' + " y", ErrorCode::UnexpectedChar, 2, "U+0000"},
        {std::string(1, '\0'), ErrorCode::UnexpectedChar, 0, "U+0000"},
        {"x \x1b[31m", ErrorCode::UnexpectedChar, 2, "U+001B"},
    };
    Session session;
    for (const Row& row : rows) {
        CAPTURE(row.input);
        Outcome o = run(session, row.input);
        REQUIRE(o.error);
        CHECK(o.error->code() == row.code);
        CHECK(o.error->span().begin == row.column);
        CHECK(std::string(o.error->what()).find(row.message) != std::string::npos);
        check_alive(session);
    }
}

TEST_CASE("a timeout ends a slow statement, and the next one runs") {
    // diff(x^x, x, 200) takes over a second to reach the derivative size limit (the
    // derivatives of x^x double at each order); a 0.3 s deadline stops it first.
    Session session;
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    set_deadline(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() + 300'000'000);
    Outcome o = run(session, "diff(x^x, x, 200)");
    set_deadline(0);
    REQUIRE(o.error);
    CHECK(o.error->code() == ErrorCode::Timeout);
    CHECK(std::string(o.error->what()).find("--timeout") != std::string::npos);
    check_alive(session);
}

TEST_CASE(
    "a cancelled statement's nodes are freed later, and nodes built again meanwhile survive") {
    // Bug: freeing the 135,751-term expansion after a timeout took longer than the
    // computation left to do, so the error came 0.2-0.5 s after the deadline.
    Session session;
    const std::size_t before = live_nodes();
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    set_deadline(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() + 200'000'000);
    Outcome o = run(session, "expand((x + y + z + w + 1)^40)");
    set_deadline(0);
    REQUIRE(o.error);
    CHECK(o.error->code() == ErrorCode::Timeout);
    // A queued node that is built again before the queue is freed stays alive.
    Expr again = test_support::read("x*y + 2*z");
    CHECK(live_nodes() <= before + 16);  // live_nodes() frees the queue first
    CHECK(print(again) == "x*y + 2*z");
    CHECK(print(diff(again, "x")) == "y");
    check_alive(session);
}

TEST_CASE("an expression deeper than max_depth is refused, and what fits is walked") {
    // Bound names nest past the parser's limit: a = x*(1 + a) adds two levels; 100 of
    // them per statement take a from depth 1 to 2999.
    Session session;
    REQUIRE_FALSE(run(session, "a = x").error);
    const std::string hundred = "a = " + repeat("x*(1 + ", 100) + "a" + repeat(")", 100);
    for (int i = 0; i < 14; ++i) REQUIRE_FALSE(run(session, hundred).error);
    REQUIRE_FALSE(run(session, "a = " + repeat("x*(1 + ", 99) + "a" + repeat(")", 99)).error);
    // d/dx of the 2999-deep a: its text passes the output limit; at a point it is a number.
    Outcome d = run(session, "d/dx a");
    REQUIRE(d.error);
    CHECK(d.error->code() == ErrorCode::Limit);
    CHECK(std::string(d.error->what()).find("output limit") != std::string::npos);
    Outcome at = run(session, "d/dx a at x=0");
    REQUIRE_FALSE(at.error);
    CHECK(at.lines == std::vector<std::string>{"1"});
    Outcome shown = run(session, "a");
    REQUIRE_FALSE(shown.error);
    CHECK(shown.lines[0].size() > 2 * max_depth);
    REQUIRE_FALSE(run(session, "a at x=1/2").error);
    // One more level is 3001 deep.
    Outcome deeper = run(session, "a = x*(1 + a)");
    REQUIRE(deeper.error);
    CHECK(deeper.error->code() == ErrorCode::Limit);
    CHECK(std::string(deeper.error->what()).find("deeper than the limit of 3000 levels") !=
          std::string::npos);
    check_alive(session);
}

TEST_CASE("the deepest allowed expressions are walked without overflowing the stack") {
    const Expr x = sym("x");
    const std::uint32_t sin_id = function_id("sin");
    // sin(sin(...(x))) 2999 deep (its derivative, cos(...) times the inner ones, is 3000
    // deep) and x*(1 + x*(1 + ...)) 2999 deep.
    Expr chain = x;
    for (std::uint32_t level = 1; level < max_depth - 1; ++level) chain = func(sin_id, {chain});
    Expr nest = x;
    while (nest->depth + 2 < max_depth) nest = mul(x, add(num(1), nest));
    CHECK(chain->depth == max_depth - 1);
    CHECK(nest->depth == max_depth - 1);
    const Expr deepest = func(sin_id, {chain});
    CHECK(deepest->depth == max_depth);
    CHECK_THROWS_AS(func(sin_id, {deepest}), Error);
    CHECK(print(deepest).size() == 5 * max_depth - 4);
    CHECK_THROWS_AS(parse_expression(print(chain)), Error);  // deeper than the parser's nesting
    CHECK(expand(chain) == chain);

    for (const Expr& e : {chain, nest}) {
        Expr d = diff(e, "x");
        CHECK(d->depth <= max_depth);
        CHECK(std::isfinite(evaluate(d, {{"x", 0.5}})));
        CHECK(std::isfinite(evaluate(e, {{"x", 0.5}})));
        for (Format f : {Format::Plain, Format::Unicode, Format::Latex})
            CHECK(print(e, {f, {}}).size() > max_depth);
        Expr y = substitute(e, {{"x", sym("y")}});
        CHECK(compare(y, e) != 0);
        CHECK(free_symbols(y) == std::vector<std::string>{"y"});
        CHECK(free_symbols(d) == std::vector<std::string>{"x"});
        // The derivative repeats each level's argument: past the output limit.
        CHECK_THROWS_AS(print(d), Error);
    }
}

TEST_CASE("a power tower 490 levels deep parses, differentiates and prints") {
    Session session;
    Outcome o = run(session, "t = " + repeat("x^", 490) + "x");
    REQUIRE_FALSE(o.error);
    Outcome d = run(session, "d/dx t at x=1");
    REQUIRE_FALSE(d.error);
    CHECK(d.lines == std::vector<std::string>{"1"});
    Outcome shown = run(session, "d/dx t");
    REQUIRE_FALSE(shown.error);
    CHECK(shown.lines.size() == 1);
}

TEST_CASE("a script of 100,000 definitions runs, and every definition is there") {
    // Bug: each new definition scanned the list of all earlier names (quadratic: 100,000
    // definitions took minutes). Only a redefinition scans it now.
    Session session;
    std::string script;
    for (int i = 0; i < 100000; ++i)
        script += "f" + std::to_string(i) + "(x) = x^2 + " + std::to_string(i) + "\n";
    Outcome o = run(session, script);
    CHECK_FALSE(o.error);
    CHECK(session.environment().order().size() == 100000);
    Outcome call = run(session, "f99999(3) + df7/dx");
    REQUIRE_FALSE(call.error);
    CHECK(call.lines == std::vector<std::string>{"2*x + 100008"});
}

TEST_CASE("intermediate expressions are freed: a long session does not grow") {
    Session session;
    run(session, "d/dx x^3 sin(x) at x=1");
    const std::size_t before = live_nodes();
    auto statements = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            std::string k = std::to_string(i), small = std::to_string(i % 20);
            run(session, "d/dx x^" + small + " sin(x) + " + k + "/x at x=" + k);
            run(session, "expand((x + " + k + ")^3) + diff(x^x, x, 3)");
        }
    };
    // The session's derivative memo keeps its last few derivatives (the same shapes at
    // i = 999 and i = 1999), so between the two halves nothing may grow.
    statements(0, 1000);
    const std::size_t half = live_nodes();
    statements(1000, 2000);
    CHECK(live_nodes() <= half + 16);
    run(session, "clear all");  // forgets the memo too: back to where the session started
    CHECK(live_nodes() <= before + 16);
}

TEST_CASE("expand by the multinomial theorem answers big powers at once") {
    // Bug: (x+1)^n was multiplied out one factor at a time (expand((x+1)^2000) took 72 s,
    // expand((x+y+z)^1000) ran for minutes before the term limit stopped it).
    struct Row {
        std::string input, output;
    };
    const std::vector<Row> rows = {
        {"expand((x+1)^3)", "x^3 + 3*x^2 + 3*x + 1"},
        {"expand((2x+3y-1)^2)", "4*x^2 + 12*x*y + 9*y^2 - 4*x - 6*y + 1"},
        {"expand((x+1)^-2)", "1/(x^2 + 2*x + 1)"},
        {"expand((x+x^2)^2)", "x^4 + 2*x^3 + x^2"},
        {"expand((x+1)^2000) - expand((x+1)^1999 (x+1))", "0"},
        {"expand((1+x+x^2)^300) at x=1", "3^300"},
    };
    Session session;
    for (const Row& row : rows) {
        CAPTURE(row.input);
        Outcome o = run(session, row.input);
        REQUIRE_FALSE(o.error);
        CHECK(o.lines == run(session, row.output).lines);
    }
}
