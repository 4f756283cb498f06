// libdfdx's public API (include/dfdx/dfdx.hpp), as a program using the library sees it.
#include <dfdx/dfdx.hpp>

#include <doctest/doctest.h>

#include <thread>

using dfdx::api::Error;
using dfdx::api::Expression;
using dfdx::api::Format;

TEST_CASE("api: parse, differentiate, simplify and print") {
    Expression f = Expression::parse("x^2");
    CHECK(f.derivative("x").simplified().to_string() == "2*x");
    CHECK(Expression::parse("sin(x)^2").derivative("x").simplified().to_string() == "sin(2*x)");
    Expression g = Expression::parse("x^2 sin(x)");
    Expression dg = g.derivative("x").simplified();
    CHECK(dg.to_string() == "x^2*cos(x) + 2*x*sin(x)");
    CHECK(dg.to_string(Format::Unicode) == "x²·cos(x) + 2x·sin(x)");
    CHECK(dg.to_string(Format::Latex) == "x^{2} \\cos\\left(x\\right) + 2 x \\sin\\left(x\\right)");
    CHECK(Expression::parse("d/dx x^3").simplified().to_string() == "3*x^2");
    CHECK(f.derivative("x", 2).to_string() == "2");
    CHECK(f.derivative("y").to_string() == "0");
    CHECK(Expression::parse("x*y + z").variables() == std::vector<std::string>{"x", "y", "z"});
    CHECK(Expression::parse("x + x") == Expression::parse("2 x"));
}

TEST_CASE("api: values at a point, exact and decimal") {
    Expression f = Expression::parse("x^2 + y");
    dfdx::api::Value v = f.evaluate({{"x", "1/2"}, {"y", "1"}});
    CHECK(v.exact == "5/4");
    CHECK(v.decimal == "1.25");
    dfdx::api::Value s = Expression::parse("sqrt(x)").evaluate({{"x", "2"}}, 20);
    CHECK(s.exact == "sqrt(2)");
    CHECK(s.decimal == "1.4142135623730950488");
    CHECK(f.substitute({{"y", "0"}}).to_string() == "x^2");
    CHECK_THROWS_AS((void)f.evaluate({{"x", "1"}}), Error);  // y has no value
    CHECK_THROWS_AS((void)Expression::parse("ln(x)").evaluate({{"x", "0"}}), Error);
    CHECK_THROWS_AS((void)f.evaluate({{"x", "1"}, {"y", "1"}}, 0), std::invalid_argument);
}

TEST_CASE("api: errors carry a message and a column") {
    try {
        (void)Expression::parse("x + * 2");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.line() == 1);
        CHECK(e.column() == 5);
        CHECK(std::string(e.what()).size() > 0);
    }
    CHECK_THROWS_AS((void)Expression::parse("sin(x").derivative("x"), Error);
    CHECK_THROWS_AS((void)Expression::parse("x").derivative("sin"), Error);
}

TEST_CASE("api: a session keeps definitions and reports each statement") {
    dfdx::api::Session s;
    dfdx::api::Output a = s.run("f(x) = x^3\nd/dx f(x)");
    CHECK(a.ok());
    CHECK(a.results.back() == "3*x^2");
    dfdx::api::Output b = s.run("f'(2); 1 +; f(2)");
    CHECK(b.results == std::vector<std::string>{"12", "8"});
    REQUIRE(b.errors.size() == 1);
    CHECK(b.errors[0].column() > 1);
    s.set_format(Format::Latex);
    CHECK(s.run("d/dx x^2").results == std::vector<std::string>{"2 x"});
    CHECK(s.script().find("f(x) = x^3") != std::string::npos);
    CHECK(!s.run("save /nonexistent/x.dfdx").notes.empty());
    CHECK_THROWS_AS(s.set_precision(0), std::invalid_argument);
}

TEST_CASE("api: calls from several threads are serialised") {
    std::vector<std::thread> threads;
    std::vector<std::string> out(4);
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([i, &out] {
            dfdx::api::Session s;
            std::string last;
            for (int k = 0; k < 50; ++k)
                last = s.run("d/dx x^" + std::to_string(i + 2)).results.at(0);
            out[i] = last + " " +
                     Expression::parse("x^" + std::to_string(i + 2))
                         .derivative("x")
                         .simplified()
                         .to_string();
        });
    }
    for (auto& t : threads) t.join();
    CHECK(out[0] == "2*x 2*x");
    CHECK(out[3] == "5*x^4 5*x^4");
}
