// TAB completion without a terminal: dfdx::complete() on a line, a cursor and a session.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "expr/functions.hpp"
#include "session/completion.hpp"
#include "session/help.hpp"
#include "text/parser.hpp"

namespace {

using Strings = std::vector<std::string>;

struct Quiet : dfdx::Sink {
    void result(const std::string&) override {}
    void error(const dfdx::Error& e) override { FAIL("setup failed: " << e.what()); }
    void request(const dfdx::Request&) override {}
};

/// A session with `setup` run in it.
dfdx::Session session_with(const std::string& setup) {
    dfdx::Session s;
    Quiet q;
    if (!setup.empty()) s.run(setup, q);
    return s;
}

dfdx::Completion at_end(const std::string& line, const dfdx::Session& s) {
    return dfdx::complete(line, line.size(), s);
}

std::string show(const Strings& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : " ") + x;
    return "{" + s + "}";
}

bool has(const Strings& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

struct Row {
    const char* setup;
    const char* line;
    std::size_t start;
    Strings first;  ///< the leading candidates, in this order
};

}  // namespace

TEST_CASE("the word before the cursor is completed, best candidates first") {
    const Row rows[] = {
        {"", "si", 0, {"sin(", "sinh(", "sign(", "sigmoid(", "simplify("}},
        {"", "d/dx si", 5, {"sin(", "sinh(", "sign(", "sigmoid(", "simplify("}},
        {"", "2si", 1, {"sin("}},
        {"", "x + co", 4, {"cos(", "cot(", "cosh(", "coth("}},
        {"", "ex", 0, {"exp(", "expand(", "explain", "exit"}},
        {"f(x) = x^2", "f", 0, {"f(", "factorial(", "factor(", "funcs"}},
        {"f(x) = x^2", "3 + f", 4, {"f("}},
        {"alpha = 3", "1 + al", 4, {"alpha"}},
        {"", "ta", 0, {"tan(", "tanh(", "taylor(", "table"}},
        {"", "gr", 0, {"grad("}},
        {"", "p", 0, {"pow(", "plot", "pi"}},
        {"", "g(w, b) = w + b*w", 16, {"w"}},
        {"", "d/d", 0, {"d/dx", "d/dy", "d/dz", "d/dt"}},
        {"", "∂/∂", 0, {"∂/∂x", "∂/∂y"}},
        {"", "d^2/d", 0, {"d^2/dx^2", "d^2/dy^2"}},
        {"", "explain d/d", 8, {"d/dx"}},
        {"f(u, v) = u v", "df/d", 0, {"df/du", "df/dv"}},
        {"f(u, v) = u v", "d/d", 0, {"d/dx", "d/dy", "d/dz", "d/dt", "d/du", "d/dv"}},
        {"", "d/dx w^2 + d/dw", 11, {"d/dw"}},
        {"", "set f", 4, {"format"}},
        {"", "set ", 4, {"format", "precision"}},
        {"", "set format u", 11, {"unicode"}},
        {"", "help d/", 5, {"d/dx"}},
        {"", "help ex", 5, {"expand", "explain", "exp"}},
        {"a = 1; b = 2", "clear a ", 8, {"b"}},
        {"", "1; si", 3, {"sin("}},
    };
    for (const Row& r : rows) {
        CAPTURE(std::string(r.line));
        dfdx::Session s = session_with(r.setup);
        dfdx::Completion c = at_end(r.line, s);
        CHECK(c.start == r.start);
        CHECK_FALSE(c.files);
        REQUIRE(c.candidates.size() >= r.first.size());
        Strings lead(c.candidates.begin(),
                     c.candidates.begin() + static_cast<long>(r.first.size()));
        CHECK(show(lead) == show(r.first));
    }
}

TEST_CASE("every candidate extends the word and none is repeated") {
    dfdx::Session s = session_with("f(x, y) = x y; a = 3; sine = 2");
    for (const char* line : {"", "s", "d", "f", "a", "d/d", "help ", "set ", "x + ", "df/d"}) {
        CAPTURE(std::string(line));
        dfdx::Completion c = at_end(line, s);
        std::string word = std::string(line).substr(c.start);
        Strings seen;
        for (const std::string& cand : c.candidates) {
            CHECK(cand.compare(0, word.size(), word) == 0);
            CHECK_FALSE(has(seen, cand));
            seen.push_back(cand);
        }
    }
}

TEST_CASE("every built-in function and every command can be completed") {
    dfdx::Session s;
    dfdx::Completion all = at_end("", s);
    for (const dfdx::FunctionInfo& f : dfdx::all_functions())
        CHECK(has(all.candidates, std::string(f.name) + "("));
    for (const std::string& w : dfdx::command_words()) CHECK(has(all.candidates, w));
    for (const char* form : {"diff(", "grad(", "hessian(", "jacobian(", "taylor(", "simplify(",
                             "expand(", "factor(", "together(", "cancel(", "approx("}) {
        CHECK(has(all.candidates, form));
    }
}

TEST_CASE("commands are offered only where a statement starts") {
    dfdx::Session s;
    CHECK(has(at_end("fu", s).candidates, "funcs"));
    CHECK(has(at_end("1; fu", s).candidates, "funcs"));
    CHECK_FALSE(has(at_end("x + fu", s).candidates, "funcs"));
    CHECK_FALSE(has(at_end("d/dx ex", s).candidates, "explain"));
}

TEST_CASE("the session's names are completed: functions with a bracket, values without") {
    dfdx::Session s = session_with("loss(w, b) = (w + b)^2; rate = 1/10");
    CHECK(show(at_end("lo", s).candidates) == "{loss( log( log10( log2( load}");
    CHECK(show(at_end("ra", s).candidates) == "{rate}");
    CHECK(show(at_end("dloss/d", s).candidates) == "{dloss/dw dloss/db}");
}

TEST_CASE("file names are left to the caller after save, load and to") {
    dfdx::Session s;
    const std::pair<const char*, std::size_t> rows[] = {
        {"save ses", 5},
        {"load ", 5},
        {"load dir/sub/fi", 5},
        {"table x for x in [0, 1] step 1 to out", 34},
    };
    for (const auto& [line, start] : rows) {
        CAPTURE(std::string(line));
        dfdx::Completion c = at_end(line, s);
        CHECK(c.files);
        CHECK(c.start == start);
        CHECK(c.candidates.empty());
    }
}

TEST_CASE("nothing is offered in a comment, after a command that takes no words, or for no match") {
    dfdx::Session s;
    CHECK(at_end("x + 1 # si", s).candidates.empty());
    CHECK(at_end("vars ", s).candidates.empty());
    CHECK(at_end("set precision ", s).candidates.empty());
    CHECK(at_end("qqq", s).candidates.empty());
}

TEST_CASE("the cursor may be inside the line: only the text before it counts") {
    dfdx::Session s;
    dfdx::Completion c = dfdx::complete("si(x) + 1", 2, s);
    CHECK(c.start == 0);
    CHECK(c.candidates.front() == "sin(");
    CHECK(dfdx::complete("abc", 99, s).start == 0);  // past the end: the end
}
