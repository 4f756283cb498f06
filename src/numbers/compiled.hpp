// Expressions compiled once into a flat instruction sequence over doubles, evaluated at
// many points at full speed (table, plot, repeated queries). Undefined points give NaN.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "expr/expr.hpp"

namespace dfdx {

/// A straight-line program computing one or more scalar expressions of some variables.
///
/// One instruction per DAG node (a node shared by several outputs or parents is computed
/// once); constant subexpressions are folded when compiling; registers are reused as soon
/// as a value is dead. Evaluation runs each instruction over a block of points at a time.
///
/// Values follow evaluate() (eval.hpp): at a point where evaluate() throws (ln(0), 1/0,
/// an even root of a negative number, a function outside its domain) the value is NaN,
/// and NaN propagates to everything computed from it. Elsewhere the values agree with
/// evaluate() to rounding (a few ulps: x^2 is x*x here, pow there).
class Compiled {
public:
    /// Compiles `outputs` as functions of `vars`, in that order. Throws
    /// Error(UnknownFunction) for a symbol that is not in `vars` or a call of an unknown
    /// function, and Error(Type) for a vector.
    Compiled(std::span<const Expr> outputs, std::vector<std::string> vars);
    /// One expression of one variable (the common case).
    Compiled(const Expr& output, const std::string& var);

    /// Points evaluated together by evaluate_many (the register block length).
    static constexpr std::size_t block = 256;

    [[nodiscard]] std::size_t output_count() const { return outputs_.size(); }
    [[nodiscard]] const std::vector<std::string>& variables() const { return vars_; }
    /// Instructions and registers of the program (for tests and benchmarks).
    [[nodiscard]] std::size_t instruction_count() const { return code_.size(); }
    [[nodiscard]] std::size_t register_count() const { return registers_; }

    /// All outputs at one point; `point` holds the variables' values in order and `out`
    /// receives output_count() values.
    void evaluate(std::span<const double> point, std::span<double> out) const;
    /// The first output at one point.
    [[nodiscard]] double operator()(std::span<const double> point) const;
    /// The first output of a one-variable program at x.
    [[nodiscard]] double operator()(double x) const;

    /// All outputs of a one-variable program at every x of `xs`: output j at xs[i] goes to
    /// out[j * xs.size() + i]. `out` must hold output_count() * xs.size() values.
    void evaluate_many(std::span<const double> xs, std::span<double> out) const;
    /// The general form: `columns[v][i]` is variable v at point i, for `count` points.
    void evaluate_columns(std::span<const double* const> columns, std::size_t count,
                          std::span<double> out) const;

    /// One instruction: dst = op(a, b) with immediates c and k. Public for the
    /// implementation's helpers; not part of the stable interface.
    struct Instr {
        std::uint8_t op = 0;
        std::uint32_t fn = 0;  ///< Var: the variable's index; Call: the function id
        std::uint32_t dst = 0, a = 0, b = 0;
        double c = 0, k = 0;
    };

private:
    void run_block(const double* const* columns, std::size_t offset, std::size_t n, double* regs,
                   std::size_t stride) const;

    std::vector<std::string> vars_;
    std::vector<Instr> code_;
    std::vector<std::uint32_t> outputs_;  ///< the register of each output
    std::size_t registers_ = 0;
};

}  // namespace dfdx
