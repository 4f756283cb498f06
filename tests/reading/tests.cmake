# The reading rules of docs/grammar.md: every row of its table, run through the binary.
add_test(NAME reading
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_reading.py $<TARGET_FILE:dfdx>
                 ${CMAKE_SOURCE_DIR}/docs/grammar.md)
