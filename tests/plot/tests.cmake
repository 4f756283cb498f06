# The files that plot and table write, read back by Python's XML and CSV parsers.
add_test(NAME plot_files
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_files.py $<TARGET_FILE:dfdx>)
