// Exact rational numbers (GMP mpq_class) and the few operations on them that need
// limits or formatting: literals, integer powers, exact roots, decimal output.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dfdx {

using Rational = mpq_class;

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
