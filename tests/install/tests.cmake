# Install and package tests: `cmake --install` into a prefix under the build tree, then
# the installed program, man page, completion script and library (the example built
# against the installed CMake package and dfdx.pc); cpack's .deb inspected with dpkg-deb.
set(DFDX_INSTALL_CHECK ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_install.py
    --cmake ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --source ${CMAKE_SOURCE_DIR}
    --prefix ${CMAKE_BINARY_DIR}/install-test)
add_test(NAME install_setup COMMAND ${DFDX_INSTALL_CHECK} setup)
set_tests_properties(install_setup PROPERTIES FIXTURES_SETUP dfdx_installed)
# Not in the sanitizer build (scripts/sanitize): a program linking its libdfdx would need
# the ASan runtime loaded first, and its packages are not what anyone installs.
set(DFDX_INSTALL_PARTS cli man completion library)
if(DFDX_SANITIZE)
  set(DFDX_INSTALL_PARTS cli man completion)
endif()
foreach(part IN LISTS DFDX_INSTALL_PARTS)
  add_test(NAME install_${part} COMMAND ${DFDX_INSTALL_CHECK} ${part})
  # 77: a tool the check needs (man, a compiler for the example) is not installed.
  set_tests_properties(install_${part} PROPERTIES FIXTURES_REQUIRED dfdx_installed
                       SKIP_RETURN_CODE 77 TIMEOUT 300)
endforeach()
if(NOT DFDX_SANITIZE)
  add_test(NAME package_deb COMMAND ${DFDX_INSTALL_CHECK} package)
  set_tests_properties(package_deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
