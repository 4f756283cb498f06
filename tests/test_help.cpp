// Help: topics from the same tables as the parser and completion, usage and example
// for each, and the closest topic suggested for a misspelling.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "expr/functions.hpp"
#include "resolve/resolve.hpp"
#include "session/help.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"

namespace {

using Strings = std::vector<std::string>;

std::string joined(const Strings& lines) {
    std::string s;
    for (const std::string& l : lines) s += l + "\n";
    return s;
}

struct Collect : dfdx::Sink {
    Strings out, errors;
    void result(const std::string& line) override { out.push_back(line); }
    void error(const dfdx::Error& e) override { errors.emplace_back(e.what()); }
    void request(const dfdx::Request&) override {}
};

}  // namespace

TEST_CASE("help TOPIC gives a usage line, a summary and an example") {
    const std::pair<const char*, const char*> rows[] = {
        {"sin", "usage: sin(x)"},
        {"d/dx", "usage: d/dx EXPR, d^2/dx^2 EXPR, d^2/dx dy EXPR, ∂/∂x EXPR"},
        {"explain", "usage: explain d/dx EXPR"},
        {"at", "usage: EXPR at x=1, y=2"},
        {"atan2", "usage: atan2(y, x)"},
        {"log", "usage: log(x), log(x, b)"},
        {"∂/∂x", "usage: d/dx EXPR, d^2/dx^2 EXPR, d^2/dx dy EXPR, ∂/∂x EXPR"},
        {"d/dy", "usage: d/dx EXPR, d^2/dx^2 EXPR, d^2/dx dy EXPR, ∂/∂x EXPR"},
        {"exit", "usage: quit, exit, Ctrl-D"},
        {"  grad  ", "usage: grad(EXPR), grad(f), grad(EXPR, x, y)"},
    };
    for (const auto& [topic, usage] : rows) {
        CAPTURE(topic);
        Strings lines = dfdx::help_lines(topic);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0] == usage);
        CHECK(lines[2].rfind("example: ", 0) == 0);
    }
}

TEST_CASE("every example in help runs without an error") {
    for (const dfdx::HelpTopic& t : dfdx::help_topics()) {
        if (t.name == "save" || t.name == "load" || t.name == "quit" || t.name == "plot" ||
            t.name == "table") {
            continue;  // these touch files or end the session
        }
        CAPTURE(t.name);
        CAPTURE(t.example);
        dfdx::Session s;
        Collect c;
        s.run(t.example, c);
        CHECK(joined(c.errors) == "");
        CHECK_FALSE(c.out.empty());
    }
}

TEST_CASE("help alone lists every topic, grouped by kind") {
    std::string all = joined(dfdx::help_lines(""));
    CHECK(all.find("derivatives: d/dx") != std::string::npos);
    CHECK(all.find("commands: explain") != std::string::npos);
    CHECK(all.find("functions: sin cos") != std::string::npos);
    for (const dfdx::HelpTopic& t : dfdx::help_topics()) {
        CAPTURE(t.name);
        CHECK(all.find(" " + t.name) != std::string::npos);
    }
    for (const std::string& line : dfdx::help_lines("")) CHECK(line.size() <= 82);  // bytes: ∂ is 3
}

TEST_CASE("the topics come from the same tables as the parser") {
    for (const dfdx::FunctionInfo& f : dfdx::all_functions()) {
        const dfdx::HelpTopic* t = dfdx::find_help_topic(std::string(f.name));
        REQUIRE(t != nullptr);
        CHECK(t->usage == f.usage);
        CHECK(t->kind == dfdx::HelpTopic::Kind::Function);
    }
    for (const std::string& w : dfdx::command_words()) {
        CAPTURE(w);
        CHECK(dfdx::find_help_topic(w) != nullptr);
    }
    for (const dfdx::HelpTopic& t : dfdx::help_topics()) {
        // Every call-like form in help is a name the resolver reserves.
        if (t.usage.rfind(t.name + "(", 0) == 0) CHECK(dfdx::is_reserved_name(t.name));
    }
}

TEST_CASE("a misspelt topic suggests the closest one") {
    const std::pair<const char*, const char*> rows[] = {
        {"sni", "sin"},        {"cso", "cos"},        {"expalin", "explain"},
        {"hesian", "hessian"}, {"sigmod", "sigmoid"}, {"backporp", "backprop"},
        {"hess", "hessian"},   {"tayl", "taylor"},
    };
    for (const auto& [typo, topic] : rows) {
        CAPTURE(std::string(typo));
        CHECK(dfdx::closest_topic(typo) == topic);
        try {
            dfdx::help_lines(typo);
            FAIL("no error");
        } catch (const dfdx::Error& e) {
            CHECK(e.code() == dfdx::ErrorCode::Parse);
            CHECK(std::string(e.what()) ==
                  std::string("no help topic ") + typo + "; did you mean " + topic + "?");
        }
    }
}

TEST_CASE("nothing is suggested when nothing is close") {
    for (const char* far : {"foo", "zzzzzz", "q", "integrate"}) {
        CAPTURE(std::string(far));
        CHECK(dfdx::closest_topic(far).empty());
        CHECK_THROWS_WITH(dfdx::help_lines(far), (std::string("no help topic ") + far).c_str());
    }
}

TEST_CASE("help runs as a statement in a session") {
    dfdx::Session s;
    Collect c;
    s.run("help sin", c);
    CHECK(c.out == dfdx::help_lines("sin"));
    s.run("help sni", c);
    CHECK(c.errors == Strings{"no help topic sni; did you mean sin?"});
}

// Bug: "sni(x)" got no "did you mean sin?" note, because the function table's edit
// distance counted swapped neighbours as two edits (SPEC §2: one edit away).
TEST_CASE("an unknown function with two letters swapped suggests the built-in") {
    const std::pair<const char*, const char*> rows[] = {
        {"sni", "sin"},   {"cso", "cos"},  {"exp", ""}, {"epx", "exp"},
        {"tnah", "tanh"}, {"sinn", "sin"}, {"nis", ""}};
    for (const auto& [name, suggestion] : rows) {
        CAPTURE(std::string(name));
        auto similar = dfdx::similar_function_names(name);
        CHECK((similar.empty() ? std::string() : similar.front()) == suggestion);
    }
    dfdx::Session s;
    struct Notes : Collect {
        Strings notes;
        void note(const std::string& text) override { notes.push_back(text); }
    } c;
    s.run("sni(x)", c);
    CHECK(c.notes == Strings{"sni is not a known function (kept symbolic); did you mean sin?"});
}
