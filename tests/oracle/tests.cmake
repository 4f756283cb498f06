# Differential tests against SymPy: seeded random expressions of depth 4 differentiated by
# the real binary, read back by SymPy and compared by value at random points (docs/oracle.md).
# `oracle` is the set the team works against; `oracle_heldout` is a separate seed range that
# nobody tunes against. Both fail on any disagreement or on a longer median printed length.
add_test(NAME oracle
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/oracle.py --dfdx $<TARGET_FILE:dfdx>
                 --first 1 --count 2000 --require-length)
add_test(NAME oracle_heldout
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/oracle.py --dfdx $<TARGET_FILE:dfdx>
                 --first 900001 --count 2000 --require-length)
set_tests_properties(oracle oracle_heldout PROPERTIES TIMEOUT 900 PROCESSORS 2 RUN_SERIAL TRUE)
