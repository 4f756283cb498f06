// Loading FLINT at run time (see flint_api.hpp) and the fmpq <-> Rational conversions.
#include "calculus/flint_api.hpp"

#include <dlfcn.h>

#include <mutex>

namespace dfdx::flint {

namespace {

Api* load() {
    static Api table;
    // The library the headers came with; else FLINT 2.9's soname, whose layout they describe.
#ifdef DFDX_FLINT_PATH
    const char* names[] = {DFDX_FLINT_PATH, "libflint.so.17"};
#else
    const char* names[] = {"libflint.so.17"};
#endif
    void* lib = nullptr;
    for (const char* n : names) {
        if ((lib = dlopen(n, RTLD_LAZY | RTLD_LOCAL))) break;
    }
    if (!lib) return nullptr;
    bool ok = true;
#define DFDX_FLINT_FIND(name)                                               \
    table.name = reinterpret_cast<decltype(table.name)>(dlsym(lib, #name)); \
    ok = ok && table.name != nullptr;
    DFDX_FLINT_FUNCTIONS(DFDX_FLINT_FIND)
#undef DFDX_FLINT_FIND
    return ok ? &table : nullptr;  // the library stays loaded for the life of the process
}

}  // namespace

const Api* api() {
    static std::once_flag once;
    static Api* table = nullptr;
    std::call_once(once, [] { table = load(); });
    return table;
}

Q::Q(const Api& f, const Rational& r) : Q(f) {
    mpz_class n = r.get_num();
    mpz_class d = r.get_den();
    f_.fmpz_set_mpz(fmpq_numref(q_), n.get_mpz_t());
    f_.fmpz_set_mpz(fmpq_denref(q_), d.get_mpz_t());
}

Rational Q::value() const {
    mpz_class n, d;
    f_.fmpz_get_mpz(n.get_mpz_t(), fmpq_numref(q_));
    f_.fmpz_get_mpz(d.get_mpz_t(), fmpq_denref(q_));
    return Rational(n, d);
}

}  // namespace dfdx::flint
