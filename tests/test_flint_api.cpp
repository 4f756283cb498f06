// Unit tests of flint_api.cpp: FLINT is loaded on first use, once, and the functions
// the polynomial bridge calls are all found in it.
#include <doctest/doctest.h>

#include "calculus/flint_api.hpp"

using namespace dfdx;

TEST_CASE("flint_api: the library loads once and every function is found") {
    const flint::Api* f = flint::api();
    REQUIRE(f != nullptr);  // the build found libflint (DFDX_FLINT_PATH)
    CHECK(flint::api() == f);
#define DFDX_FLINT_FOUND(name) CHECK_MESSAGE(static_cast<bool>(f->name), #name);
    DFDX_FLINT_FUNCTIONS(DFDX_FLINT_FOUND)
#undef DFDX_FLINT_FOUND
}
