// Unit tests of Rational's inline 64-bit representation: every operation agrees with GMP's
// mpq_class across the 64-bit boundary, and each value has one representation and hash.
#include <doctest/doctest.h>

#include <climits>
#include <string>
#include <vector>

#include "expr/rational.hpp"

using dfdx::Rational;

namespace {

// Values around the edges of the inline range, as strings GMP reads exactly.
std::vector<std::string> edge_values() {
    return {"0",
            "1",
            "-1",
            "2",
            "-3/7",
            "22/7",
            "9223372036854775807",
            "-9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "1/9223372036854775807",
            "-1/9223372036854775807",
            "1/9223372036854775808",
            "3037000499",
            "3037000500",
            "-3037000500/3037000499",
            "4611686018427387904",
            "-4611686018427387904",
            "9223372036854775806/9223372036854775807",
            "18446744073709551616",
            "123456789012345678901234567890/7"};
}

mpq_class gmp(const std::string& s) {
    mpq_class q(s);
    q.canonicalize();
    return q;
}

// The inline representation is used exactly when numerator and denominator fit in 64
// bits (with -2^63 kept in GMP so negation never overflows).
bool should_be_small(const mpq_class& q) {
    return q.get_num().fits_slong_p() && q.get_den().fits_slong_p() && q.get_num() != LONG_MIN;
}

void check_same(const Rational& r, const mpq_class& q) {
    CHECK(r.get_str() == q.get_str());
    CHECK(r.is_small() == should_be_small(q));
    CHECK(r == Rational(q));
    CHECK(dfdx::hash_rational(r) == dfdx::hash_rational(Rational(q)));
    CHECK(r.get_d() == q.get_d());
}

}  // namespace

TEST_CASE("arithmetic on inline and GMP rationals agrees with mpq_class at the 64-bit edges") {
    const auto values = edge_values();
    for (const std::string& a : values) {
        for (const std::string& b : values) {
            CAPTURE(a);
            CAPTURE(b);
            const mpq_class qa = gmp(a), qb = gmp(b);
            const Rational ra(qa), rb(qb);
            check_same(ra + rb, mpq_class(qa + qb));
            check_same(ra - rb, mpq_class(qa - qb));
            check_same(ra * rb, mpq_class(qa * qb));
            if (qb != 0) check_same(ra / rb, mpq_class(qa / qb));
            CHECK(cmp(ra, rb) == cmp(qa, qb));
            CHECK((ra < rb) == (qa < qb));
            CHECK((ra == rb) == (qa == qb));
        }
    }
}

TEST_CASE("a value has one representation whichever way it was built") {
    CHECK(Rational(1, 2).is_small());
    CHECK(Rational(mpz_class("18446744073709551616"), mpz_class("36893488147419103232")) ==
          Rational(1, 2));
    CHECK(
        Rational(mpz_class("18446744073709551616"), mpz_class("36893488147419103232")).is_small());
    CHECK(Rational(6, -4) == Rational(-3, 2));
    CHECK(Rational(LONG_MIN) == Rational(mpz_class(LONG_MIN)));
    CHECK_FALSE(Rational(LONG_MIN).is_small());
    CHECK(Rational(9223372036854775807L) + Rational(1) - Rational(1) ==
          Rational(9223372036854775807L));
    CHECK((Rational(9223372036854775807L) + Rational(1) - Rational(1)).is_small());
    CHECK(dfdx::hash_rational(Rational(5, 10)) == dfdx::hash_rational(Rational(mpq_class(1, 2))));
}

TEST_CASE("the mpq_class interface dfdx uses works on both representations") {
    for (const std::string& s : edge_values()) {
        CAPTURE(s);
        const mpq_class q = gmp(s);
        const Rational r(q);
        CHECK(r.get_num() == q.get_num());
        CHECK(r.get_den() == q.get_den());
        CHECK(r.to_mpq() == q);
        CHECK(dfdx::is_integer(r) == (q.get_den() == 1));
        CHECK(dfdx::bit_size(r) ==
              mpz_sizeinbase(q.get_num_mpz_t(), 2) + mpz_sizeinbase(q.get_den_mpz_t(), 2));
        CHECK(abs(r) == Rational(mpq_class(abs(q))));
        CHECK(sgn(r) == sgn(q));
        CHECK((-r).get_str() == mpq_class(-q).get_str());
        Rational copy = r;
        copy *= Rational(2);
        CHECK(copy.get_str() == mpq_class(q * 2).get_str());
    }
}

TEST_CASE("get_d truncates toward zero as GMP's mpq_get_d does, on the inline fast path too") {
    // A fixed generator: the same million fractions every run.
    std::uint64_t state = 0x9e3779b97f4a7c15ull;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    int checked = 0;
    for (int i = 0; i < 1'000'000; ++i) {
        // Numerators and denominators of every size up to 2^53, and some past it.
        const int nbits = 1 + static_cast<int>(next() % 56),
                  dbits = 1 + static_cast<int>(next() % 56);
        long long n = static_cast<long long>(next() >> (64 - nbits));
        long long d = static_cast<long long>(next() >> (64 - dbits)) | 1;
        if (next() & 1) n = -n;
        mpq_class q(static_cast<long>(n), static_cast<unsigned long>(d));
        q.canonicalize();
        const Rational r(q);
        if (r.get_d() != q.get_d()) {
            CAPTURE(q.get_str());
            CHECK(r.get_d() == q.get_d());
            break;
        }
        ++checked;
    }
    CHECK(checked == 1'000'000);
}
