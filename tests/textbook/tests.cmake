# The textbook corpus (bench/textbook, docs/textbook.md): every dfdx answer must equal the
# true derivative, checked by SymPy and mpmath, and at least 95% of them must be no longer
# than the textbook's (issue 12).
add_test(NAME textbook
         COMMAND ${DFDX_PYTHON} ${CMAKE_SOURCE_DIR}/bench/textbook/compare.py
                 --check-dfdx --at-least 0.95 --dfdx $<TARGET_FILE:dfdx>)
