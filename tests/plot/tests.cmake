# The files that plot and table write, read back by Python's XML and CSV parsers.
add_test(NAME plot_files
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_files.py $<TARGET_FILE:dfdx>)
# The SVG as a browser draws it: headless Chromium's screenshot shows both curves where
# the SVG puts them (skipped when Chromium is missing, except under CI).
add_test(NAME plot_render
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_render.py $<TARGET_FILE:dfdx>)
set_tests_properties(plot_render PROPERTIES SKIP_RETURN_CODE 77)
# Terminal plots decoded back into braille dots: colours per curve (--color always) where
# the curves are, none into a pipe; no stroke across a pole; the default range.
add_test(NAME plot_text
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_text.py $<TARGET_FILE:dfdx>)
