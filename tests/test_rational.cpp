// Unit tests of rational.cpp: exact literals, limited powers and roots, decimal output.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "expr/error.hpp"
#include "expr/rational.hpp"

using dfdx::Rational;

namespace {

std::string literal(const char* text) { return dfdx::to_string(dfdx::parse_decimal(text)); }

}  // namespace

TEST_CASE("decimal literals are read as exact rationals") {
    struct Row {
        const char* text;
        const char* value;
    };
    const Row rows[] = {
        {"3", "3"},
        {"2.5", "5/2"},
        {".5", "1/2"},
        {"0.1", "1/10"},
        {"1e-3", "1/1000"},
        {"1E3", "1000"},
        {"2e+2", "200"},
        {"1.5e-2", "3/200"},
        {"0", "0"},
        {"0.000", "0"},
        {"007", "7"},
        {"1.", "1"},
        {"12.50", "25/2"},
        {"0e999", "0"},
        {"123456789012345678901234567890", "123456789012345678901234567890"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(literal(r.text) == r.value);
    }
}

TEST_CASE("literals whose exponent passes the limit are a Limit error, not a long computation") {
    for (const char* text :
         {"1e999999999999999999", "1e99999999", "1e-99999999", "5.5e400000000"}) {
        CAPTURE(text);
        try {
            (void)dfdx::parse_decimal(text);
            FAIL("no error");
        } catch (const dfdx::Error& e) {
            CHECK(e.code() == dfdx::ErrorCode::Limit);
        }
    }
}

TEST_CASE("integer powers are exact until the bit limit, then nullopt") {
    CHECK(*dfdx::pow_integer(Rational(2), 10) == 1024);
    CHECK(*dfdx::pow_integer(Rational(2, 3), -2) == Rational(9, 4));
    CHECK(*dfdx::pow_integer(Rational(-1), 1000000001) == -1);
    CHECK(*dfdx::pow_integer(Rational(1), 999999999) == 1);
    CHECK(*dfdx::pow_integer(Rational(0), 5) == 0);
    CHECK(*dfdx::pow_integer(Rational(7), 0) == 1);
    CHECK_FALSE(dfdx::pow_integer(Rational(10), 10000000000L).has_value());
    CHECK_FALSE(dfdx::pow_integer(Rational(3), 1L << 21).has_value());
    try {
        (void)dfdx::pow_integer(Rational(0), -1);
        FAIL("no error");
    } catch (const dfdx::Error& e) {
        CHECK(e.code() == dfdx::ErrorCode::DivisionByZero);
    }
}

TEST_CASE("exact roots are rational or nullopt; odd roots of negatives are real") {
    struct Row {
        Rational q;
        unsigned long n;
        std::optional<Rational> root;
    };
    const Row rows[] = {
        {Rational(4), 2, Rational(2)},       {Rational(9, 4), 2, Rational(3, 2)},
        {Rational(-8), 3, Rational(-2)},     {Rational(-27, 8), 3, Rational(-3, 2)},
        {Rational(8), 2, std::nullopt},      {Rational(-4), 2, std::nullopt},
        {Rational(2), 3, std::nullopt},      {Rational(0), 2, Rational(0)},
        {Rational(5, 7), 1, Rational(5, 7)}, {Rational(1, 8), 2, std::nullopt},
    };
    for (const Row& r : rows) {
        CAPTURE(r.q.get_str());
        CAPTURE(r.n);
        CHECK(dfdx::exact_root(r.q, r.n) == r.root);
    }
}

TEST_CASE("rationals print in lowest terms with the sign on the numerator") {
    Rational q(6, -4);
    CHECK(dfdx::to_string(q) == "-3/2");
    CHECK(dfdx::to_string(Rational(0)) == "0");
    CHECK_FALSE(dfdx::is_integer(Rational(1, 2)));
    CHECK(dfdx::is_integer(Rational(4)));
    CHECK(dfdx::to_long(Rational(-12)) == -12L);
    CHECK_FALSE(dfdx::to_long(Rational(1, 2)).has_value());
    CHECK_FALSE(dfdx::to_long(dfdx::parse_decimal("1e30")).has_value());
}

TEST_CASE("decimals print with the requested significant digits") {
    struct Row {
        double value;
        int digits;
        const char* text;
    };
    const Row rows[] = {
        {0.8414709848078965, 15, "0.841470984807897"},
        {1.0 / 3, 15, "0.333333333333333"},
        {-2.5, 15, "-2.5"},
        {1e20, 15, "1e+20"},
        {3.14159265358979, 3, "3.14"},
        {0.0, 15, "0"},
        {-0.0, 15, "0"},
        {1.4142135623730951, 17, "1.4142135623730951"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(dfdx::format_decimal(r.value, r.digits) == r.text);
    }
}

TEST_CASE("the hash of a rational depends only on its value") {
    Rational a(10, 4), b(5, 2);
    CHECK(dfdx::hash_rational(a) == dfdx::hash_rational(b));
    CHECK(dfdx::hash_rational(Rational(1, 2)) != dfdx::hash_rational(Rational(-1, 2)));
    CHECK(dfdx::bit_size(Rational(3, 4)) == 2 + 3);
}
