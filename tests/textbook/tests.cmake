# The textbook corpus (bench/textbook, docs/textbook.md): every dfdx answer must equal the
# true derivative, checked by SymPy and mpmath.
add_test(NAME textbook
         COMMAND ${DFDX_PYTHON} ${CMAKE_SOURCE_DIR}/bench/textbook/compare.py
                 --check-dfdx --dfdx $<TARGET_FILE:dfdx>)
