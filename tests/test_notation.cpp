// Unit tests of notation.cpp: each format's spellings, one LaTeX spelling of function names
// for the printer and the views, and decimals written in each notation.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "print/notation.hpp"
#include "print/print.hpp"
#include "session/session.hpp"

#include "support.hpp"

namespace {

using dfdx::Format;
using dfdx::notation;
using test_support::read;
using test_support::run;

bool contains(const std::vector<std::string>& lines, const std::string& part) {
    for (const std::string& l : lines) {
        if (l.find(part) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("every format has a notation whose name parses back to the format") {
    for (Format f : {Format::Plain, Format::Unicode, Format::Latex, Format::Json}) {
        Format back = Format::Plain;
        REQUIRE(dfdx::parse_format(notation(f).name(), back));
        CHECK(back == f);
        CHECK(std::string(dfdx::format_name(f)) == notation(f).name());
    }
    Format untouched = Format::Unicode;
    CHECK_FALSE(dfdx::parse_format("markdown", untouched));
    CHECK(untouched == Format::Unicode);
}

TEST_CASE("partial derivatives, products, powers and lists in each notation") {
    const dfdx::Notation& plain = notation(Format::Plain);
    const dfdx::Notation& uni = notation(Format::Unicode);
    const dfdx::Notation& tex = notation(Format::Latex);
    CHECK(plain.partial("f", "x") == "∂f/∂x");
    CHECK(uni.partial("", "x") == "∂/∂x");
    CHECK(tex.partial("f", "x") == "\\frac{\\partial f}{\\partial x}");
    CHECK(plain.derivative("f", {{"x", 2}, {"y", 1}}, 3) == "∂^3f/∂x^2∂y");
    CHECK(uni.derivative("f", {{"x", 2}, {"y", 1}}, 3) == "∂³f/∂x²∂y");
    CHECK(tex.derivative("f", {{"x", 2}}, 2) == "\\frac{\\partial^{2} f}{\\partial x^{2}}");
    CHECK(plain.times() == "*");
    CHECK(uni.times() == "·");
    CHECK(tex.times() == " \\cdot ");
    CHECK(plain.power("v1", "2") == "v1^2");
    CHECK(tex.power("v_{1}", "2") == "{v_{1}}^{2}");
    CHECK(plain.list("1, 2") == "[1, 2]");
    CHECK(tex.list("1, 2") == "\\left[1, 2\\right]");
    CHECK(plain.equation("a", "b") == "a = b");
    CHECK(tex.word("value") == "\\text{value}");
    CHECK(tex.subscript("v", "3") == "v_{3}");
    CHECK(plain.gradient("x, y", "1, 2") == "grad(x, y) = [1, 2]");
    CHECK(tex.gradient("x, y", "1, 2") == "\\nabla_{x, y} = \\left[1, 2\\right]");
    CHECK(uni.symbol("alpha") == "α");
    CHECK(tex.symbol("alpha") == "\\alpha");
}

TEST_CASE("LaTeX spells a function name once: the printer's \\sin, also in backprop") {
    const dfdx::Notation& tex = notation(Format::Latex);
    CHECK(tex.function("sin") == "\\sin");
    CHECK(tex.function("atan") == "\\arctan");
    CHECK(tex.function("sigmoid") == "\\operatorname{sigmoid}");
    CHECK(tex.user_function("loss") == "\\operatorname{loss}");
    CHECK(dfdx::print(read("sin(x)"), {Format::Latex, {}}) == "\\sin\\left(x\\right)");
    dfdx::Session s;
    run(s, "set format latex");
    std::vector<std::string> lines = run(s, "backprop sin(x)*x at x=1");
    CHECK(contains(lines, "\\sin\\left(x\\right)"));
    CHECK_FALSE(contains(lines, "\\operatorname{sin}"));
}

TEST_CASE("decimals in each notation: LaTeX writes the power of ten, not e-13") {
    CHECK(notation(Format::Plain).decimal("-1.5e-10") == "-1.5e-10");
    CHECK(notation(Format::Unicode).decimal("-1.5e-10") == "−1.5×10⁻¹⁰");
    CHECK(notation(Format::Latex).decimal("-1.5e-10") == "-1.5 \\times 10^{-10}");
    CHECK(notation(Format::Latex).decimal("2.5e+07") == "2.5 \\times 10^{7}");
    CHECK(notation(Format::Latex).decimal("0.25") == "0.25");
    dfdx::Session s;
    CHECK(run(s, "approx(1/3*10^(-12))") == std::vector<std::string>{"3.33333333333333e-13"});
    run(s, "set format latex");
    CHECK(run(s, "approx(1/3*10^(-12))") ==
          std::vector<std::string>{"3.33333333333333 \\times 10^{-13}"});
    // A value at a point takes the quick decimal path (decimal.hpp): the same notation.
    CHECK(run(s, "exp(x) - 1 at x=10^(-13)") ==
          std::vector<std::string>{"1.00000000000005 \\times 10^{-13}"});
}

namespace {

/// A sink like --format json's: it asks for every form of a result.
class Forms : public dfdx::Sink {
public:
    std::vector<dfdx::Shown> shown;
    std::vector<std::string> lines;
    int ended = 0;
    bool wants_forms() const override { return true; }
    void value(const dfdx::Shown& s) override { shown.push_back(s); }
    void result(const std::string& line) override { lines.push_back(line); }
    void error(const dfdx::Error&) override {}
    void request(const dfdx::Request&) override {}
    void end() override { ++ended; }
};

}  // namespace

TEST_CASE("a sink that wants every form gets each result's plain, LaTeX and decimal forms") {
    dfdx::Session s;
    s.settings().format = Format::Json;
    Forms sink;
    s.run("f(x) = x^2; f(3)/4; grad(x^2*y) at x=1, y=2; a = sqrt(2); x + 1; help", sink);
    CHECK(sink.ended == 6);  // one end() per statement
    REQUIRE(sink.shown.size() == 5);
    CHECK(sink.shown[0].text == "f(x) = x^2");
    CHECK(sink.shown[0].latex == "f\\left(x\\right) = x^{2}");
    CHECK_FALSE(sink.shown[0].value);
    CHECK(sink.shown[1].text == "9/4");
    CHECK(sink.shown[1].latex == "\\frac{9}{4}");
    REQUIRE(sink.shown[1].value);
    CHECK(sink.shown[1].value->number == "2.25");
    REQUIRE(sink.shown[2].value);
    CHECK(sink.shown[2].value->is_list);
    CHECK(sink.shown[2].value->items.size() == 2);
    CHECK(sink.shown[3].latex == "a = \\sqrt{2}");
    CHECK(sink.shown[3].value->number == "1.4142135623731");
    CHECK(sink.shown[4].text == "x + 1");
    CHECK_FALSE(sink.shown[4].value);
    CHECK_FALSE(sink.lines.empty());  // help prints lines, not a value
}
