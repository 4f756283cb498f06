// Unit tests of error.cpp: each code has its own short name (tests and docs use them),
// and a place is attached to an error only when it has none.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "expr/error.hpp"

using namespace dfdx;

TEST_CASE("error: every code has its own lower-case name") {
    std::set<std::string> names;
    for (int c = static_cast<int>(ErrorCode::Parse); c <= static_cast<int>(ErrorCode::Io); ++c) {
        const std::string name = code_name(static_cast<ErrorCode>(c));
        INFO(c);
        CHECK(name != "error");
        for (char ch : name)
            CHECK(((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'));
        names.insert(name);
    }
    CHECK(names.size() == static_cast<std::size_t>(ErrorCode::Io) + 1);
    CHECK(std::string(code_name(ErrorCode::DivisionByZero)) == "division-by-zero");
    CHECK(std::string(code_name(ErrorCode::Domain)) == "domain");
}

TEST_CASE("error: the first place attached stays") {
    Error e(ErrorCode::Domain, "ln is undefined at 0");
    CHECK(e.span().empty());
    CHECK(std::string(e.what()) == "ln is undefined at 0");
    e.set_span_if_empty({3, 8});
    CHECK(e.span().begin == 3);
    CHECK(e.span().end == 8);
    e.set_span_if_empty({0, 1});
    CHECK(e.span().begin == 3);
    const Error placed(ErrorCode::Parse, "expected ')'", {5, 6});
    CHECK(placed.code() == ErrorCode::Parse);
    CHECK_FALSE(placed.span().empty());
}
