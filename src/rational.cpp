// Exact rational helpers: literal parsing with limits, powers, roots, formatting.
#include "dfdx/rational.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "dfdx/error.hpp"

namespace dfdx {

namespace {

std::uint64_t hash_mpz(mpz_srcptr z) {
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ static_cast<std::uint64_t>(mpz_sgn(z) + 1);
    const std::size_t n = mpz_size(z);
    for (std::size_t i = 0; i < n; ++i) {
        h ^= static_cast<std::uint64_t>(mpz_getlimbn(z, static_cast<mp_size_t>(i)));
        h *= 0x100000001b3ull;
        h ^= h >> 29;
    }
    return h;
}

}  // namespace

Rational parse_decimal(std::string_view text) {
    std::string mantissa;
    long frac_digits = 0;
    std::size_t i = 0;
    bool after_point = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c == '.') {
            after_point = true;
        } else if (c >= '0' && c <= '9') {
            mantissa += c;
            if (after_point) ++frac_digits;
        } else {
            break;
        }
    }
    long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
        std::string digits(text.substr(i));
        if (digits.size() > 9) {
            throw Error(ErrorCode::Limit, "exponent of the number " + std::string(text) +
                                              " is past the limit of 10^±100000000");
        }
        exponent = std::stol(digits);
        if (negative) exponent = -exponent;
    }
    if (mantissa.empty()) mantissa = "0";
    long power = exponent - frac_digits;
    mpz_class m(mantissa, 10);
    if (m == 0) return Rational(0);
    if (static_cast<double>(std::labs(power)) * 3.33 > static_cast<double>(max_number_bits)) {
        throw Error(ErrorCode::Limit, "the number " + std::string(text) + " is past the limit of " +
                                          std::to_string(max_number_bits) + " bits");
    }
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(std::labs(power)));
    Rational q = power >= 0 ? Rational(m * scale) : Rational(m, scale);
    q.canonicalize();
    return q;
}

bool is_integer(const Rational& q) { return q.get_den() == 1; }

std::size_t bit_size(const Rational& q) {
    return mpz_sizeinbase(q.get_num_mpz_t(), 2) + mpz_sizeinbase(q.get_den_mpz_t(), 2);
}

std::optional<long> to_long(const Rational& q) {
    if (!is_integer(q) || !q.get_num().fits_slong_p()) return std::nullopt;
    return q.get_num().get_si();
}

double to_double(const Rational& q) { return q.get_d(); }

std::optional<Rational> pow_integer(const Rational& base, long exp) {
    if (exp == 0) return Rational(1);
    if (base == 0) {
        if (exp < 0) throw Error(ErrorCode::DivisionByZero, "division by zero");
        return Rational(0);
    }
    if (base == 1) return Rational(1);
    if (base == -1) return Rational((exp % 2 == 0) ? 1 : -1);
    unsigned long e = static_cast<unsigned long>(exp < 0 ? -exp : exp);
    double bits = static_cast<double>(bit_size(base)) * static_cast<double>(e);
    if (bits > static_cast<double>(max_number_bits)) return std::nullopt;
    mpz_class num, den;
    mpz_pow_ui(num.get_mpz_t(), base.get_num_mpz_t(), e);
    mpz_pow_ui(den.get_mpz_t(), base.get_den_mpz_t(), e);
    Rational r = exp > 0 ? Rational(num, den) : Rational(den, num);
    r.canonicalize();
    return r;
}

std::optional<Rational> exact_root(const Rational& q, unsigned long n) {
    if (n == 1) return q;
    if (q < 0 && n % 2 == 0) return std::nullopt;
    mpz_class num = abs(q.get_num()), den = q.get_den();
    mpz_class rn, rd;
    if (!mpz_root(rn.get_mpz_t(), num.get_mpz_t(), n)) return std::nullopt;
    if (!mpz_root(rd.get_mpz_t(), den.get_mpz_t(), n)) return std::nullopt;
    Rational r(rn, rd);
    r.canonicalize();
    if (q < 0) r = -r;
    return r;
}

std::string to_string(const Rational& q) { return q.get_str(10); }

std::string format_decimal(double value, int digits) {
    if (value == 0) return "0";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    return buf;
}

std::uint64_t hash_rational(const Rational& q) {
    return hash_mpz(q.get_num_mpz_t()) * 31 + hash_mpz(q.get_den_mpz_t());
}

}  // namespace dfdx
