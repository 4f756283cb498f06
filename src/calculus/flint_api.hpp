// FLINT, loaded on first use: a table of the few FLINT functions the polynomial bridge
// calls, found with dlopen/dlsym, and RAII owners for FLINT's objects (docs/decisions.md:
// linking libflint.so would cost every start about 3 ms; most results never need it).
#pragma once

#include <flint/fmpq.h>
#include <flint/fmpq_mpoly.h>
#include <flint/fmpq_mpoly_factor.h>
#include <flint/fmpz.h>

#include <gmpxx.h>

#include "expr/rational.hpp"

namespace dfdx::flint {

// clang-format off
#define DFDX_FLINT_FUNCTIONS(X) \
    X(fmpq_mpoly_ctx_init) \
    X(fmpq_mpoly_ctx_clear) \
    X(fmpq_mpoly_init) \
    X(fmpq_mpoly_clear) \
    X(fmpq_mpoly_set) \
    X(fmpq_mpoly_add) \
    X(fmpq_mpoly_sub) \
    X(fmpq_mpoly_mul) \
    X(fmpq_mpoly_pow_ui) \
    X(fmpq_mpoly_divides) \
    X(fmpq_mpoly_gcd) \
    X(fmpq_mpoly_set_fmpq) \
    X(fmpq_mpoly_push_term_fmpq_ui) \
    X(fmpq_mpoly_reduce) \
    X(fmpq_mpoly_get_term_coeff_fmpq) \
    X(fmpq_mpoly_get_term_exp_ui) \
    X(fmpq_mpoly_factor_init) \
    X(fmpq_mpoly_factor_clear) \
    X(fmpq_mpoly_factor) \
    X(_fmpz_demote) \
    X(fmpz_set_mpz) \
    X(fmpz_get_mpz)
// clang-format on

/// The FLINT functions dfdx uses, as pointers into the library loaded at run time.
struct Api {
#define DFDX_FLINT_MEMBER(name) decltype(&::name) name = nullptr;
    DFDX_FLINT_FUNCTIONS(DFDX_FLINT_MEMBER)
#undef DFDX_FLINT_MEMBER
};

/// The loaded library, or null when it cannot be loaded (the simplifier then skips its
/// polynomial steps). Loads it on the first call; thread-safe.
const Api* api();

/// An fmpq, owned (FLINT's inline fmpq_init/fmpq_clear are not used: they would link
/// libflint).
class Q {
public:
    explicit Q(const Api& f) : f_(f) {
        *fmpq_numref(q_) = 0;
        *fmpq_denref(q_) = 1;
    }
    Q(const Api& f, const Rational& r);
    Q(const Q&) = delete;
    Q& operator=(const Q&) = delete;
    ~Q() {
        f_._fmpz_demote(fmpq_numref(q_));
        f_._fmpz_demote(fmpq_denref(q_));
    }
    fmpq* get() { return q_; }
    [[nodiscard]] Rational value() const;

private:
    const Api& f_;
    fmpq_t q_;
};

/// A polynomial context: `n` generators, degree-reverse-lexicographic order.
class Ctx {
public:
    Ctx(const Api& f, long n) : f_(f) { f_.fmpq_mpoly_ctx_init(c_, n < 1 ? 1 : n, ORD_DEGREVLEX); }
    Ctx(const Ctx&) = delete;
    Ctx& operator=(const Ctx&) = delete;
    ~Ctx() { f_.fmpq_mpoly_ctx_clear(c_); }
    fmpq_mpoly_ctx_struct* get() const { return const_cast<fmpq_mpoly_ctx_struct*>(c_); }
    const Api& api() const { return f_; }

private:
    const Api& f_;
    fmpq_mpoly_ctx_t c_;
};

/// A polynomial with rational coefficients in a Ctx, owned.
class Poly {
public:
    explicit Poly(const Ctx& c) : c_(&c) { c.api().fmpq_mpoly_init(p_, c.get()); }
    Poly(const Poly& o) : Poly(*o.c_) { c_->api().fmpq_mpoly_set(p_, o.p_, c_->get()); }
    Poly& operator=(const Poly& o) {
        if (this != &o) c_->api().fmpq_mpoly_set(p_, o.p_, c_->get());
        return *this;
    }
    ~Poly() { c_->api().fmpq_mpoly_clear(p_, c_->get()); }
    fmpq_mpoly_struct* get() const { return const_cast<fmpq_mpoly_struct*>(p_); }
    [[nodiscard]] long length() const { return p_->zpoly->length; }
    [[nodiscard]] bool is_zero() const { return length() == 0; }
    const Ctx& ctx() const { return *c_; }

private:
    const Ctx* c_;
    fmpq_mpoly_t p_;
};

}  // namespace dfdx::flint
