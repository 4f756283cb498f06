// Exact rationals: inline 64-bit arithmetic with a GMP fallback, literal parsing with
// limits, powers, roots, formatting, and a hash that depends only on the value.
#include "expr/rational.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <ostream>
#include <utility>

#include "expr/error.hpp"

namespace dfdx {

namespace {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

std::uint64_t uabs(std::int64_t v) {
    return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

// A read-only GMP view of an inline value: no allocation.
class SmallView {
public:
    SmallView(std::int64_t num, std::int64_t den) : n_(uabs(num)), d_(static_cast<mp_limb_t>(den)) {
        mpz_roinit_n(mpq_numref(q_), &n_, num < 0 ? -1 : (num > 0 ? 1 : 0));
        mpz_roinit_n(mpq_denref(q_), &d_, 1);
    }
    SmallView(const SmallView&) = delete;
    SmallView& operator=(const SmallView&) = delete;
    mpq_srcptr get() const { return q_; }

private:
    mp_limb_t n_, d_;
    mpq_t q_;
};

// The numerator and denominator as an inline value when both fit.
bool fits(Int128 num, Int128 den) { return num > kMin && num <= kMax && den > 0 && den <= kMax; }

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

// hash_mpz of a 64-bit integer, without building it.
std::uint64_t hash_small(std::int64_t v) {
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ static_cast<std::uint64_t>((v > 0) - (v < 0) + 1);
    if (v != 0) {
        h ^= uabs(v);
        h *= 0x100000001b3ull;
        h ^= h >> 29;
    }
    return h;
}

std::size_t bits_of(std::uint64_t v) {
    return v == 0 ? 1 : 64 - static_cast<std::size_t>(__builtin_clzll(v));
}

}  // namespace

// --- the Rational class ----------------------------------------------------------------

Rational make_small(std::int64_t num, std::int64_t den) {
    Rational r;
    r.num_ = num;
    r.den_ = den;
    return r;
}

namespace {
Rational make_small(Int128 num, Int128 den) {
    return dfdx::make_small(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
}
}  // namespace

Rational big_result(mpq_class&& q) {
    Rational r;
    if (mpz_fits_slong_p(q.get_num_mpz_t()) && mpz_fits_slong_p(q.get_den_mpz_t()) &&
        q.get_num() != kMin) {
        r.num_ = q.get_num().get_si();
        r.den_ = q.get_den().get_si();
    } else {
        r.big_ = new mpq_class(std::move(q));
    }
    return r;
}

void Rational::assign(const mpq_class& q) { *this = big_result(mpq_class(q)); }

void Rational::set_integer(long long v) {
    if (v == kMin)
        big_ = new mpq_class(static_cast<long>(v));
    else
        num_ = v;
}

void Rational::set_unsigned(unsigned long long v) {
    if (v > static_cast<unsigned long long>(kMax))
        big_ = new mpq_class(static_cast<unsigned long>(v));
    else
        num_ = static_cast<std::int64_t>(v);
}

Rational::Rational(long num, long den) {
    if (den > 0 && num != kMin) {
        std::uint64_t g = std::gcd(uabs(num), static_cast<std::uint64_t>(den));
        num_ = num / static_cast<std::int64_t>(g);
        den_ = den / static_cast<std::int64_t>(g);
        return;
    }
    mpq_class q(num, den);
    q.canonicalize();
    assign(q);
}

Rational::Rational(const mpz_class& z) { *this = big_result(mpq_class(z)); }

Rational::Rational(const mpz_class& num, const mpz_class& den) {
    mpq_class q(num, den);
    q.canonicalize();
    *this = big_result(std::move(q));
}

Rational::Rational(const mpq_class& q) { assign(q); }

Rational::Rational(const Rational& other)
    : num_(other.num_), den_(other.den_), big_(other.big_ ? new mpq_class(*other.big_) : nullptr) {}

Rational::Rational(Rational&& other) noexcept
    : num_(other.num_), den_(other.den_), big_(other.big_) {
    other.big_ = nullptr;
}

Rational& Rational::operator=(const Rational& other) {
    if (this == &other) return *this;
    if (other.big_) {
        if (big_)
            *big_ = *other.big_;
        else
            big_ = new mpq_class(*other.big_);
    } else {
        delete big_;
        big_ = nullptr;
    }
    num_ = other.num_;
    den_ = other.den_;
    return *this;
}

Rational& Rational::operator=(Rational&& other) noexcept {
    std::swap(num_, other.num_);
    std::swap(den_, other.den_);
    std::swap(big_, other.big_);
    return *this;
}

mpz_class Rational::get_num() const {
    return big_ ? big_->get_num() : mpz_class(static_cast<long>(num_));
}
mpz_class Rational::get_den() const {
    return big_ ? big_->get_den() : mpz_class(static_cast<long>(den_));
}

std::string Rational::get_str(int base) const {
    if (big_) return big_->get_str(base);
    if (base != 10) return to_mpq().get_str(base);
    return den_ == 1 ? std::to_string(num_) : std::to_string(num_) + "/" + std::to_string(den_);
}

double Rational::get_d() const {
    if (big_) return big_->get_d();
    constexpr std::uint64_t exact = 1ull << 53;  // integers doubles hold exactly
    if (den_ == 1 && uabs(num_) <= exact) return static_cast<double>(num_);
    if (uabs(num_) <= exact && static_cast<std::uint64_t>(den_) <= exact) {
        // GMP's mpq_get_d truncates toward zero; so must this, or printed digits move.
        // n and d are exact doubles, so q = n/d is rounded once and the remainder
        // n - q*d is exact in one fma: when it has the sign opposite to n's, q was
        // rounded away from zero, and the double next to it toward zero is the truncation.
        const double n = static_cast<double>(num_), d = static_cast<double>(den_);
        const double q = n / d;
        const double r = std::fma(-q, d, n);
        if ((num_ > 0 && r < 0) || (num_ < 0 && r > 0)) return std::nextafter(q, 0.0);
        return q;
    }
    SmallView v(num_, den_);
    return mpq_get_d(v.get());
}

mpq_class Rational::to_mpq() const {
    if (big_) return *big_;
    mpq_class q;
    mpq_set_si(q.get_mpq_t(), num_, static_cast<unsigned long>(den_));
    return q;
}

namespace {

// a (as GMP) without copying a big value: `tmp` holds a small one.
const mpq_class& as_mpq(const Rational& a, mpq_class& tmp) {
    if (!a.is_small()) return *a.big_value();
    tmp = a.to_mpq();
    return tmp;
}

}  // namespace

Rational operator+(const Rational& a, const Rational& b) {
    if (!a.big_ && !b.big_) {
        if (a.den_ == b.den_) {
            Int128 t = static_cast<Int128>(a.num_) + b.num_;
            if (t == 0) return Rational();
            std::uint64_t g = std::gcd(static_cast<std::uint64_t>(t < 0 ? -t : t),
                                       static_cast<std::uint64_t>(a.den_));
            Int128 n = t / static_cast<Int128>(g), d = a.den_ / static_cast<std::int64_t>(g);
            if (fits(n, d)) return make_small(n, d);
        } else {
            // Knuth 4.5.1: with g = gcd(b, d), t = a*(d/g) + c*(b/g) and g2 = gcd(t, g).
            std::uint64_t g =
                std::gcd(static_cast<std::uint64_t>(a.den_), static_cast<std::uint64_t>(b.den_));
            std::int64_t ad = a.den_ / static_cast<std::int64_t>(g),
                         bd = b.den_ / static_cast<std::int64_t>(g);
            Int128 t = static_cast<Int128>(a.num_) * bd + static_cast<Int128>(b.num_) * ad;
            if (t == 0) return Rational();
            UInt128 ut = t < 0 ? static_cast<UInt128>(-t) : static_cast<UInt128>(t);
            std::uint64_t g2 = std::gcd(static_cast<std::uint64_t>(ut % g), g);
            Int128 n = t / static_cast<Int128>(g2);
            Int128 d = static_cast<Int128>(ad) * (b.den_ / static_cast<std::int64_t>(g2));
            if (fits(n, d)) return make_small(n, d);
        }
    }
    mpq_class ta, tb;
    return big_result(mpq_class(as_mpq(a, ta) + as_mpq(b, tb)));
}

Rational operator-(const Rational& a) {
    if (!a.big_) return make_small(-a.num_, a.den_);  // num_ is never INT64_MIN
    return big_result(mpq_class(-*a.big_));
}

Rational operator-(const Rational& a, const Rational& b) { return a + (-b); }

Rational operator*(const Rational& a, const Rational& b) {
    if (!a.big_ && !b.big_) {
        if (a.num_ == 0 || b.num_ == 0) return Rational();
        std::int64_t g1 =
            static_cast<std::int64_t>(std::gcd(uabs(a.num_), static_cast<std::uint64_t>(b.den_)));
        std::int64_t g2 =
            static_cast<std::int64_t>(std::gcd(uabs(b.num_), static_cast<std::uint64_t>(a.den_)));
        std::int64_t n, d;
        if (!__builtin_mul_overflow(a.num_ / g1, b.num_ / g2, &n) &&
            !__builtin_mul_overflow(a.den_ / g2, b.den_ / g1, &d) && n != kMin) {
            return make_small(n, d);
        }
    }
    mpq_class ta, tb;
    return big_result(mpq_class(as_mpq(a, ta) * as_mpq(b, tb)));
}

Rational operator/(const Rational& a, const Rational& b) {
    if (!b.big_ && b.num_ != 0) {
        if (b.num_ < 0) return a * make_small(-b.den_, -b.num_);
        return a * make_small(b.den_, b.num_);
    }
    mpq_class ta, tb;
    return big_result(mpq_class(as_mpq(a, ta) / as_mpq(b, tb)));  // GMP reports a division by zero
}

int cmp(const Rational& a, const Rational& b) {
    if (!a.big_ && !b.big_) {
        if (a.den_ == b.den_) return (a.num_ > b.num_) - (a.num_ < b.num_);
        Int128 l = static_cast<Int128>(a.num_) * b.den_, r = static_cast<Int128>(b.num_) * a.den_;
        return (l > r) - (l < r);
    }
    mpq_class ta, tb;
    return mpq_cmp(as_mpq(a, ta).get_mpq_t(), as_mpq(b, tb).get_mpq_t());
}

std::ostream& operator<<(std::ostream& os, const Rational& q) { return os << q.get_str(); }

// --- helpers ---------------------------------------------------------------------------

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
    long ten_exp = exponent - frac_digits;
    if (mantissa.size() <= 18 && ten_exp >= -18 && ten_exp <= 0) {
        // The usual literal (3, 0.001, 2.5e-3): a 64-bit mantissa over a ten_exp of ten.
        std::int64_t m = 0, scale = 1;
        for (char c : mantissa) m = m * 10 + (c - '0');
        for (long k = 0; k < -ten_exp; ++k) scale *= 10;
        return Rational(static_cast<long>(m), static_cast<long>(scale));
    }
    mpz_class m(mantissa, 10);
    if (m == 0) return Rational(0);
    // Digits and exponent both count: a million-digit literal is past the limit too.
    if (static_cast<double>(std::labs(ten_exp) + mantissa.size()) * 3.32 >
        static_cast<double>(max_number_bits)) {
        std::string excerpt(text.substr(0, 40));
        if (text.size() > 40) excerpt += "...";
        throw Error(ErrorCode::Limit, "the number " + excerpt + " is past the limit of " +
                                          std::to_string(max_number_bits) + " bits");
    }
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(std::labs(ten_exp)));
    if (ten_exp >= 0) return Rational(mpz_class(m * scale));
    return Rational(m, scale);
}

bool is_integer(const Rational& q) {
    return q.is_small() ? q.small_den() == 1 : mpz_cmp_ui(q.big_value()->get_den_mpz_t(), 1) == 0;
}

std::size_t bit_size(const Rational& q) {
    if (q.is_small())
        return bits_of(uabs(q.small_num())) + bits_of(static_cast<std::uint64_t>(q.small_den()));
    const mpq_class& b = *q.big_value();
    return mpz_sizeinbase(b.get_num_mpz_t(), 2) + mpz_sizeinbase(b.get_den_mpz_t(), 2);
}

std::optional<long> to_long(const Rational& q) {
    if (!is_integer(q)) return std::nullopt;
    if (q.is_small()) return static_cast<long>(q.small_num());
    if (!mpz_fits_slong_p(q.big_value()->get_num_mpz_t())) return std::nullopt;
    return mpz_get_si(q.big_value()->get_num_mpz_t());
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
    if (base.is_small() && e < 64) {
        // Powers of coprime numbers stay coprime: no gcd, and no GMP unless one overflows.
        std::int64_t n = 1, d = 1;
        bool overflow = false;
        for (unsigned long k = 0; k < e && !overflow; ++k) {
            overflow = __builtin_mul_overflow(n, base.small_num(), &n) ||
                       __builtin_mul_overflow(d, base.small_den(), &d);
        }
        if (!overflow && n != kMin) {
            if (exp > 0) return make_small(n, d);
            return n < 0 ? make_small(-d, -n) : make_small(d, n);
        }
    }
    mpq_class tmp;
    const mpq_class& b = as_mpq(base, tmp);
    mpz_class num, den;
    mpz_pow_ui(num.get_mpz_t(), b.get_num_mpz_t(), e);
    mpz_pow_ui(den.get_mpz_t(), b.get_den_mpz_t(), e);
    return exp > 0 ? Rational(num, den) : Rational(den, num);
}

std::optional<Rational> exact_root(const Rational& q, unsigned long n) {
    if (n == 1) return q;
    if (q < 0 && n % 2 == 0) return std::nullopt;
    mpz_class num = abs(q.get_num()), den = q.get_den();
    mpz_class rn, rd;
    if (!mpz_root(rn.get_mpz_t(), num.get_mpz_t(), n)) return std::nullopt;
    if (!mpz_root(rd.get_mpz_t(), den.get_mpz_t(), n)) return std::nullopt;
    Rational r(rn, rd);
    if (q < 0) r = -r;
    return r;
}

std::string to_string(const Rational& q) { return q.get_str(10); }

std::string format_decimal(double value, int digits) {
    if (value == 0) return "0";
    // std::to_chars in general format with a precision is printf's %.*g, without the
    // locale and format-string work (a fifth of a `d/dx f at x=...` statement's output).
    char buf[64];
    auto [end, ec] =
        std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, digits);
    if (ec != std::errc()) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, value);
        return buf;
    }
    return std::string(buf, end);
}

std::uint64_t hash_rational(const Rational& q) {
    if (q.is_small()) return hash_small(q.small_num()) * 31 + hash_small(q.small_den());
    const mpq_class& b = *q.big_value();
    return hash_mpz(b.get_num_mpz_t()) * 31 + hash_mpz(b.get_den_mpz_t());
}

}  // namespace dfdx
