# LaTeX validity: every LaTeX formula of the corpus (tests/test_print_formats.cpp) and of
# `dfdx --format latex` on every transcript is rendered by KaTeX (npm, pinned by
# package-lock.json, installed with `npm ci` on first run); pdflatex too when installed.
find_program(DFDX_NODE NAMES node nodejs)
find_program(DFDX_NPM NAMES npm)
if(DFDX_NODE AND DFDX_NPM)
  file(GLOB DFDX_LATEX_TRANSCRIPTS ${CMAKE_SOURCE_DIR}/tests/transcripts/*.txt
       ${CMAKE_SOURCE_DIR}/../shared/acceptance/*.txt)
  add_test(NAME latex
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run_check.sh $<TARGET_FILE:dfdx> ${CMAKE_SOURCE_DIR}
                   ${CMAKE_CURRENT_LIST_DIR}/statements.txt ${DFDX_LATEX_TRANSCRIPTS})
  set_tests_properties(latex PROPERTIES TIMEOUT 600)
else()
  message(WARNING "node and npm not found: the LaTeX (KaTeX) check is not built")
endif()
