// Exact rational numbers and the few operations on them that need limits or formatting:
// literals, integer powers, exact roots, decimal output. A Rational keeps a value whose
// numerator and denominator fit in 64 bits inline (no GMP allocation) and falls back to
// GMP's mpq_class for larger ones; it offers the part of mpq_class's interface dfdx uses.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace dfdx {

/// An exact rational, always in lowest terms with a positive denominator. Values with a
/// 64-bit numerator and denominator are stored inline; larger ones in a GMP mpq_class.
/// Every value has one representation, so equality compares fields.
class Rational {
public:
    Rational() noexcept = default;
    Rational(int v) noexcept : num_(v) {}
    Rational(unsigned v) noexcept : num_(v) {}
    Rational(long v) { set_integer(static_cast<long long>(v)); }
    Rational(long long v) { set_integer(v); }
    Rational(unsigned long v) { set_unsigned(v); }
    Rational(unsigned long long v) { set_unsigned(v); }
    /// num/den in lowest terms (den != 0).
    Rational(long num, long den);
    Rational(const mpz_class& z);
    /// num/den in lowest terms (den != 0; unlike mpq_class, no canonicalize() needed).
    Rational(const mpz_class& num, const mpz_class& den);
    Rational(const mpq_class& q);
    /// Any GMP expression (abs(z), a*b): evaluated at once.
    template <class T, class U>
    Rational(const __gmp_expr<T, U>& e) : Rational(mpq_class(e)) {}

    Rational(const Rational& other);
    Rational(Rational&& other) noexcept;
    Rational& operator=(const Rational& other);
    Rational& operator=(Rational&& other) noexcept;
    ~Rational() { delete big_; }

    /// Numerator and denominator (the denominator is positive).
    [[nodiscard]] mpz_class get_num() const;
    [[nodiscard]] mpz_class get_den() const;
    /// "3", "-1/2".
    [[nodiscard]] std::string get_str(int base = 10) const;
    /// The value rounded toward zero, as mpq_get_d.
    [[nodiscard]] double get_d() const;
    /// The value as a GMP rational.
    [[nodiscard]] mpq_class to_mpq() const;
    /// True when the value is stored inline (numerator and denominator fit in 64 bits).
    [[nodiscard]] bool is_small() const { return big_ == nullptr; }
    /// Inline numerator and denominator; only meaningful when is_small().
    [[nodiscard]] std::int64_t small_num() const { return num_; }
    [[nodiscard]] std::int64_t small_den() const { return den_; }
    /// The GMP value when the value is not inline, else null.
    [[nodiscard]] const mpq_class* big_value() const { return big_; }

    friend Rational operator+(const Rational& a, const Rational& b);
    friend Rational operator-(const Rational& a, const Rational& b);
    friend Rational operator*(const Rational& a, const Rational& b);
    friend Rational operator/(const Rational& a, const Rational& b);
    friend Rational operator-(const Rational& a);
    Rational& operator+=(const Rational& b) { return *this = *this + b; }
    Rational& operator-=(const Rational& b) { return *this = *this - b; }
    Rational& operator*=(const Rational& b) { return *this = *this * b; }
    Rational& operator/=(const Rational& b) { return *this = *this / b; }

    /// -1, 0 or a positive number, as mpq_cmp.
    friend int cmp(const Rational& a, const Rational& b);
    friend int sgn(const Rational& a) {
        return a.big_ ? mpq_sgn(a.big_->get_mpq_t()) : (a.num_ > 0) - (a.num_ < 0);
    }
    friend Rational abs(const Rational& a) { return sgn(a) < 0 ? -a : a; }
    friend bool operator==(const Rational& a, const Rational& b) {
        if (!a.big_ && !b.big_) return a.num_ == b.num_ && a.den_ == b.den_;
        return a.big_ && b.big_ && *a.big_ == *b.big_;
    }
    friend bool operator!=(const Rational& a, const Rational& b) { return !(a == b); }
    friend bool operator<(const Rational& a, const Rational& b) { return cmp(a, b) < 0; }
    friend bool operator>(const Rational& a, const Rational& b) { return cmp(a, b) > 0; }
    friend bool operator<=(const Rational& a, const Rational& b) { return cmp(a, b) <= 0; }
    friend bool operator>=(const Rational& a, const Rational& b) { return cmp(a, b) >= 0; }
    friend std::ostream& operator<<(std::ostream& os, const Rational& q);

private:
    void set_integer(long long v);
    void set_unsigned(unsigned long long v);
    /// Takes the value of q, inline when it fits.
    void assign(const mpq_class& q);
    friend Rational big_result(mpq_class&& q);
    friend Rational make_small(std::int64_t num, std::int64_t den);

    std::int64_t num_ = 0;
    std::int64_t den_ = 1;
    mpq_class* big_ = nullptr;  ///< set exactly when the value does not fit inline
};

/// Largest exact number, in bits of numerator plus denominator, that arithmetic builds.
/// Larger powers stay symbolic (`10^10^10`), larger literals are an error.
inline constexpr std::size_t max_number_bits = 1u << 20;

/// Parses a decimal literal (`3`, `2.5`, `.5`, `1e-3`) exactly. Throws Error(Limit)
/// when its exponent would build a number past max_number_bits.
Rational parse_decimal(std::string_view text);

[[nodiscard]] bool is_integer(const Rational& q);
[[nodiscard]] std::size_t bit_size(const Rational& q);
/// The value as a machine integer when it is one that fits.
std::optional<long> to_long(const Rational& q);
double to_double(const Rational& q);

/// base^exp for an integer exp, or nullopt when the result would pass max_number_bits.
/// Throws Error(DivisionByZero) for 0^negative.
std::optional<Rational> pow_integer(const Rational& base, long exp);

/// The exact n-th root of q when it is rational (real root for odd n), else nullopt.
std::optional<Rational> exact_root(const Rational& q, unsigned long n);

/// "3", "-1/2".
std::string to_string(const Rational& q);

/// A double printed with `digits` significant digits, trailing zeros dropped
/// ("0.841470984807897", "1e+20", "-2.5").
std::string format_decimal(double value, int digits);

/// A hash of the value that depends only on the value.
std::uint64_t hash_rational(const Rational& q);

}  // namespace dfdx
