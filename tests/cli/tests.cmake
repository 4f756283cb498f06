# CLI tests: the real dfdx binary through pipes, -e, files, options and hostile input.
add_test(NAME cli
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/run_cli_tests.py $<TARGET_FILE:dfdx>)
set_tests_properties(cli PROPERTIES TIMEOUT 900)
