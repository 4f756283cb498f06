// Unit tests of parser.cpp: what each spelling means (read through resolve and the
// plain printer), located parse errors, statement kinds and chunk splitting.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "text/parser.hpp"

namespace {

// The meaning of one expression, read with no definitions, printed in plain notation.
std::string meaning(std::string_view text) {
    dfdx::Environment env;
    dfdx::ResolveContext ctx{env};
    return dfdx::print(dfdx::resolve(*dfdx::parse_expression(text), ctx));
}

// "LINE:COL" (1-based, columns in characters) of a byte offset.
std::string where(std::string_view text, std::size_t offset) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

struct ErrorRow {
    std::string_view text;
    dfdx::ErrorCode code;
    const char* at;
};

void check_error(const ErrorRow& r, bool whole_statement) {
    CAPTURE(r.text);
    try {
        if (whole_statement) {
            auto parsed = dfdx::parse_chunk(r.text);
            REQUIRE(parsed.size() == 1);
            if (parsed[0].error) throw *parsed[0].error;
        } else {
            (void)meaning(r.text);
        }
        FAIL("no error");
    } catch (const dfdx::Error& e) {
        CHECK(dfdx::code_name(e.code()) == std::string(dfdx::code_name(r.code)));
        CHECK(where(r.text, e.span().begin) == r.at);
    }
}

}  // namespace

TEST_CASE("operators bind as the grammar says") {
    struct Row {
        std::string_view text;
        std::string_view meaning;
    };
    const Row rows[] = {
        {"1 + 2*3", "7"},  {"2^3^2", "512"},  // ^ is right-associative
        {"-x^2", "-x^2"},                     // -(x^2)
        {"(-x)^2", "x^2"}, {"2^-1", "1/2"},     {"-2^2", "-4"},
        {"1/2x", "x/2"},  // implicit product binds like *, left to right
        {"1/2*x", "x/2"},  {"6/2/3", "1"},      {"2 - 3 - 4", "-5"},
        {"--x", "x"},      {"x - -y", "x + y"}, {"+x", "x"},
        {"2^-x", "1/2^x"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(meaning(r.text) == r.meaning);
    }
}

TEST_CASE("implicit multiplication: numbers, names, brackets and calls") {
    struct Row {
        std::string_view text;
        std::string_view meaning;
    };
    const Row rows[] = {
        {"2x", "2*x"},
        {"2 x", "2*x"},
        {"x y", "x*y"},
        {"2(x + 1)", "2*x + 2"},
        {"(x + 1)(x - 1) - (x - 1)*(x + 1)", "0"},
        {"3sin(x)", "3*sin(x)"},
        {"x sin(x)", "x*sin(x)"},
        {"2x(x + 1)", "2*x*(x + 1)"},  // x is a variable here, so x(...) is a product
        {"xy", "xy"},                  // outside a definition body a name is a name
        {"2 3", "6"},
        {"[1, 2] 3", "[3, 6]"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(meaning(r.text) == r.meaning);
    }
}

TEST_CASE("numbers are exact and Unicode spellings mean their ASCII forms") {
    struct Row {
        std::string_view text;
        std::string_view meaning;
    };
    const Row rows[] = {
        {"2.5", "5/2"},     {".5 + .25", "3/4"},
        {"1e-3", "1/1000"}, {"1/3 + 1/6", "1/2"},
        {"3·4", "12"},      {"3×4", "12"},
        {"6÷4", "3/2"},     {"5−2", "3"},
        {"x²", "x^2"},      {"x³ x", "x^4"},
        {"x⁻¹", "1/x"},     {"√4", "2"},
        {"√x", "sqrt(x)"},  {"α + alpha", "2*alpha"},
        {"π", "pi"},        {"2π", "2*pi"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(meaning(r.text) == r.meaning);
    }
}

TEST_CASE("derivative spellings") {
    struct Row {
        std::string_view text;
        std::string_view meaning;
    };
    const Row rows[] = {
        {"d/dx x^2 sin(x)", "x^2*cos(x) + 2*x*sin(x)"},
        {"d/dx x^2 + 1", "2*x"},  // applies to everything to its right
        {"(d/dx x^2) + 1", "2*x + 1"},
        {"d^2/dx^2 x^3", "6*x"},
        {"d²/dx² x^3", "6*x"},
        {"d^2/dx dy x^2 y^3", "6*x*y^2"},
        {"∂/∂x x y", "y"},
        {"∂^2/∂x∂y x^2 y^3", "6*x*y^2"},
        {"diff(x^3, x, 2)", "6*x"},
        {"diff(x^2 y^3, x, y)", "6*x*y^2"},
        {"[d/dx x^2, d/dy y]", "[2*x, 1]"},
        {"d/dx d/dx x^3", "6*x"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(meaning(r.text) == r.meaning);
    }
}

TEST_CASE("parse errors name their code and point at the offending token") {
    const ErrorRow rows[] = {
        {"2+*3", dfdx::ErrorCode::Parse, "1:3"},
        {"x + 1)", dfdx::ErrorCode::Parse, "1:6"},
        {"(x + 1", dfdx::ErrorCode::Parse, "1:7"},
        {"f(x", dfdx::ErrorCode::Parse, "1:4"},
        {"[1, 2", dfdx::ErrorCode::Parse, "1:6"},
        {"x^", dfdx::ErrorCode::Parse, "1:3"},
        {"1 +", dfdx::ErrorCode::Parse, "1:4"},
        {")", dfdx::ErrorCode::Parse, "1:1"},
        {"x ^ ^ 2", dfdx::ErrorCode::Parse, "1:5"},
        {"f(,)", dfdx::ErrorCode::Parse, "1:3"},
        {"d/dx", dfdx::ErrorCode::Parse, "1:5"},
        {"diff(x, 2)", dfdx::ErrorCode::Parse, "1:9"},
        {"diff(x^2, x, 1.5)", dfdx::ErrorCode::Parse, "1:14"},
        {"@", dfdx::ErrorCode::UnexpectedChar, "1:1"},
        {"x² + @", dfdx::ErrorCode::UnexpectedChar, "1:6"},  // columns count characters
        {"1 + \xff", dfdx::ErrorCode::InvalidUtf8, "1:5"},
        {"sin(1, 2)", dfdx::ErrorCode::Arity, "1:1"},
        {"sin()", dfdx::ErrorCode::Arity, "1:1"},
        {"taylor(x)", dfdx::ErrorCode::Arity, "1:1"},
        {"(x +\n * 2)", dfdx::ErrorCode::Parse, "2:2"},
    };
    for (const ErrorRow& r : rows) check_error(r, false);
}

TEST_CASE("statement-level errors: definitions, bindings and points") {
    const ErrorRow rows[] = {
        {"f(1) = 2", dfdx::ErrorCode::Parse, "1:6"}, {"3 = 4", dfdx::ErrorCode::Parse, "1:3"},
        {"f(x) =", dfdx::ErrorCode::Parse, "1:7"},   {"f(x, x) = x", dfdx::ErrorCode::Parse, "1:6"},
        {"x at", dfdx::ErrorCode::Parse, "1:5"},     {"x at y", dfdx::ErrorCode::Parse, "1:7"},
        {"x at x=", dfdx::ErrorCode::Parse, "1:8"},  {"= 3", dfdx::ErrorCode::Parse, "1:1"},
    };
    for (const ErrorRow& r : rows) check_error(r, true);
}

TEST_CASE("nesting past the limit is a Limit error, even 100,000 brackets deep") {
    for (std::size_t depth : {std::size_t(dfdx::max_nesting) + 1, std::size_t(100000)}) {
        std::string text = std::string(depth, '(') + "x" + std::string(depth, ')');
        CAPTURE(depth);
        try {
            (void)dfdx::parse_expression(text);
            FAIL("no error");
        } catch (const dfdx::Error& e) {
            CHECK(e.code() == dfdx::ErrorCode::Limit);
        }
    }
    std::string deep_power = "x";
    for (int i = 0; i < 100000; ++i) deep_power += "^x";
    CHECK_THROWS_AS((void)dfdx::parse_expression(deep_power), dfdx::Error);
    std::string ok = std::string(100, '(') + "x" + std::string(100, ')');
    CHECK(meaning(ok) == "x");
}

TEST_CASE("a chunk splits into statements at ';' and newlines, each with its kind and span") {
    const std::string_view src = "a = 3; f(x) = x^2\nx + 1 at x=2, y=3\nvars\n\nexplain d/dx x";
    auto parsed = dfdx::parse_chunk(src);
    REQUIRE(parsed.size() == 5);
    const dfdx::StatementKind kinds[] = {dfdx::StatementKind::Bind, dfdx::StatementKind::Define,
                                         dfdx::StatementKind::Expr, dfdx::StatementKind::Command,
                                         dfdx::StatementKind::Command};
    const std::string_view texts[] = {"a = 3", "f(x) = x^2", "x + 1 at x=2, y=3", "vars",
                                      "explain d/dx x"};
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        CAPTURE(i);
        CHECK_FALSE(parsed[i].error.has_value());
        CHECK(parsed[i].statement.kind == kinds[i]);
        CHECK(src.substr(parsed[i].span.begin, parsed[i].span.end - parsed[i].span.begin) ==
              texts[i]);
    }
    CHECK(parsed[1].statement.name == "f");
    CHECK(parsed[1].statement.params == std::vector<std::string>{"x"});
    CHECK(parsed[2].statement.at.size() == 2);
    CHECK(parsed[2].statement.at[1].name == "y");
    CHECK(parsed[3].statement.command->id == dfdx::CommandId::Vars);
    CHECK(parsed[4].statement.command->id == dfdx::CommandId::Explain);
}

TEST_CASE("one bad statement does not hide the others") {
    auto parsed = dfdx::parse_chunk("1 +; 2; (3");
    REQUIRE(parsed.size() == 3);
    CHECK(parsed[0].error.has_value());
    CHECK_FALSE(parsed[1].error.has_value());
    CHECK(parsed[2].error.has_value());
}

TEST_CASE("newlines inside brackets are spaces; comments and empty statements vanish") {
    auto parsed = dfdx::parse_chunk("f(x,\n  y) = x +\\\n y # sum\n;;\n# nothing\n");
    REQUIRE(parsed.size() == 1);
    CHECK_FALSE(parsed[0].error.has_value());
    CHECK(parsed[0].statement.kind == dfdx::StatementKind::Define);
    CHECK(parsed[0].statement.params == std::vector<std::string>{"x", "y"});
}

namespace {

// Parses one chunk with the cache; returns its one statement (or error).
dfdx::ParsedStatement parse_one(std::string_view chunk, dfdx::ParseCache* cache) {
    std::vector<dfdx::ParsedStatement> out;
    dfdx::parse_statements(
        chunk,
        [&](dfdx::ParsedStatement& ps) {
            out.push_back(std::move(ps));
            return true;
        },
        cache);
    REQUIRE(out.size() == 1);
    return std::move(out[0]);
}

// The meaning of a statement's expression, printed: what resolve reads from the tree.
std::string body_meaning(const dfdx::Statement& st) {
    dfdx::Environment env;
    dfdx::ResolveContext ctx{env};
    return dfdx::print(dfdx::resolve(*st.expr, ctx));
}

}  // namespace

TEST_CASE("the parse cache reuses an expression only where the text parses the same") {
    dfdx::ParseCache cache;
    auto first = parse_one("d/dx sin(x)^2 at x=1", &cache);
    REQUIRE_FALSE(first.error.has_value());
    CHECK(cache.text == "d/dx sin(x)^2");
    CHECK(cache.offset == 0);
    const dfdx::Syntax* kept = cache.body.get();
    CHECK(first.statement.expr.get() == kept);

    // The same text at the same offset: the kept tree, and the new point.
    auto again = parse_one("d/dx sin(x)^2 at x=2.5", &cache);
    REQUIRE_FALSE(again.error.has_value());
    CHECK(again.statement.expr.get() == kept);
    REQUIRE(again.statement.at.size() == 1);
    CHECK(again.statement.at[0].value->text == "2.5");
    auto tight = parse_one("d/dx sin(x)^2at x=3", &cache);  // `at` needs no space before it
    CHECK(tight.statement.expr.get() == kept);
    // A chunk that starts with the kept text and ` at` is lexed from the `at` on; the
    // statement still spans the whole text, and its errors are the full parse's.
    CHECK(again.statement.span.begin == 0);
    CHECK(again.span.begin == 0);
    for (std::string_view text :
         {"d/dx sin(x)^2 at x=", "d/dx sin(x)^2 at =3", "d/dx sin(x)^2 at x=1 y=2",
          "d/dx sin(x)^2 at x=1, x=2", "d/dx sin(x)^2 at x=(1"}) {
        CAPTURE(text);
        dfdx::ParseCache kept_cache = cache;
        auto cached = parse_one(text, &kept_cache), fresh = parse_one(text, nullptr);
        REQUIRE(cached.error.has_value());
        REQUIRE(fresh.error.has_value());
        CHECK(std::string(cached.error->what()) == fresh.error->what());
        CHECK(cached.error->span().begin == fresh.error->span().begin);
    }

    // Texts that start the same but parse otherwise are parsed afresh.
    const std::pair<std::string_view, std::string_view> misses[] = {
        {"d/dx sin(x)^2y at x=1", "2*y*cos(x)*sin(x)"},  // the last token runs on
        {"d/dx sin(x)^2 + x at x=1", "2*cos(x)*sin(x) + 1"},
        {"d/dx sin(x)^20 at x=1", "20*cos(x)*sin(x)^19"},
        {"d/dx sin(x)^2", "2*cos(x)*sin(x)"},  // no `at`
    };
    for (const auto& [text, meant] : misses) {
        CAPTURE(text);
        dfdx::ParseCache fresh = cache;
        auto ps = parse_one(text, &fresh);
        REQUIRE_FALSE(ps.error.has_value());
        CHECK(ps.statement.expr.get() != kept);
        CHECK(body_meaning(ps.statement) == meant);
    }

    // At another offset the spans would differ: parsed afresh, and kept from there.
    auto shifted = parse_one("  d/dx sin(x)^2 at x=1", &cache);
    CHECK(shifted.statement.expr.get() != kept);
    CHECK(shifted.statement.expr->span.begin == 2);
    CHECK(cache.offset == 2);

    // An error after a kept expression is the error the full parse gives, at the same place.
    auto bad_cached = parse_one("  d/dx sin(x)^2 at x=", &cache);
    auto bad_fresh = parse_one("  d/dx sin(x)^2 at x=", nullptr);
    REQUIRE(bad_cached.error.has_value());
    REQUIRE(bad_fresh.error.has_value());
    CHECK(std::string(bad_cached.error->what()) == bad_fresh.error->what());
    CHECK(bad_cached.error->span().begin == bad_fresh.error->span().begin);
}
