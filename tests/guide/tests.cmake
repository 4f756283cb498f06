# The user guide and the man page cannot drift: every example of docs/guide.md is run and
# must print exactly what the guide shows; every option of `dfdx --help` must be in
# docs/dfdx.1 and its examples must print what it shows.
add_test(NAME guide
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_guide.py $<TARGET_FILE:dfdx>
                 ${CMAKE_SOURCE_DIR}/docs/guide.md)
add_test(NAME manpage
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_manpage.py $<TARGET_FILE:dfdx>
                 ${CMAKE_SOURCE_DIR}/docs/dfdx.1)
