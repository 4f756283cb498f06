// Symbolic differentiation: the sum, product and power rules and the chain rule, written
// once for every built-in through the function table; unknown functions stay abstract.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "expr/expr.hpp"

namespace dfdx {

/// Largest derivative order computed step by step (orders past it are an Error(Limit)
/// unless the derivatives reach 0 or repeat first).
inline constexpr unsigned long long max_derivative_order = 1'000'000;

/// Largest derivative of order 2 or more, in distinct nodes (or 16 times the expression
/// differentiated, when that is more); a larger one is an Error(Limit). Derivatives that
/// double at each order (x^x) reach it in about a second instead of running for hours.
inline constexpr std::size_t max_derivative_nodes = 50'000;

/// ∂e/∂var. Shared subexpressions are differentiated once.
Expr diff(const Expr& e, const std::string& var);

/// The n-th derivative in var. Stops at once when a derivative is 0, and jumps ahead
/// when the derivatives repeat (sin, exp), so huge orders answer at once.
Expr diff(const Expr& e, const std::string& var, unsigned long long n);

/// Derivatives already taken, shared across the statements of a session (issue 8): a
/// script that asks for `d/dx f at x=...` at 10,000 points differentiates f once. diff is
/// a pure function of its node, variable and order, and equal expressions are the same
/// node, so a hit is always right. Holds at most `capacity` entries (the oldest goes
/// first), so the nodes it keeps alive stay bounded.
class DerivativeMemo {
public:
    explicit DerivativeMemo(std::size_t capacity = 16) : capacity_(capacity) {}
    /// diff(e, var, n), from the memo when it is there.
    Expr diff(const Expr& e, const std::string& var, unsigned long long n);
    void clear() {
        entries_.clear();
        next_ = 0;
    }

private:
    struct Entry {
        Expr e;
        std::string var;
        unsigned long long n;
        Expr result;
    };
    std::size_t capacity_;
    std::size_t next_ = 0;  ///< the entry replaced next once the memo is full
    std::vector<Entry> entries_;
};

}  // namespace dfdx
