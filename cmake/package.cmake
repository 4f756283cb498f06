# Debian packages with CPack (`cpack -G DEB --config build/CPackConfig.cmake`, or
# `cmake --build build --target package`):
#   dfdx          the program, its man page, completions and documentation
#   libdfdx0      the shared library
#   libdfdx-dev   headers, the CMake package and dfdx.pc (depends on libdfdx0)
# Dependencies come from dpkg-shlibdeps, which reads what each ELF file links. The
# program links GMP, MPFR, Readline and the C++ runtime statically, so it needs only
# libc, plus FLINT, which it opens with dlopen and dpkg-shlibdeps cannot see.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dfdx)
set(CPACK_PACKAGE_VENDOR "dfdx maintainers")
set(CPACK_PACKAGE_CONTACT "dfdx maintainers <maintainers@users.noreply.r-seed-d5f1624c.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "calculus REPL: symbolic derivatives at the prompt and from the shell")
set(CPACK_PACKAGE_DESCRIPTION
  "dfdx parses formulas, differentiates them symbolically (partial derivatives, the chain
rule, any order), prints the result in textbook form as plain text, Unicode or LaTeX, and
evaluates it exactly or as correctly rounded decimals at the points asked for.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION math)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.invalid/dfdx")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli lib dev)
set(CPACK_COMPONENT_DEV_DEPENDS lib)
set(CPACK_DEBIAN_CLI_PACKAGE_NAME dfdx)
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "libflint17")
set(CPACK_DEBIAN_LIB_PACKAGE_NAME libdfdx0)
set(CPACK_DEBIAN_LIB_PACKAGE_DEPENDS "libflint17")
set(CPACK_DEBIAN_LIB_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_LIB_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_COMPONENT_LIB_DESCRIPTION "dfdx's symbolic differentiation as a C++ shared library")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libdfdx-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_DEV_DESCRIPTION "libdfdx headers, CMake package and pkg-config file")
set(CPACK_COMPONENT_CLI_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}\n${CPACK_PACKAGE_DESCRIPTION}")
include(CPack)
