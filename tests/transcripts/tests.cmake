# The project's own transcripts (exact output), and the shared acceptance transcripts
# when ../shared is beside the checkout (as in CI).
file(GLOB DFDX_TRANSCRIPTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.txt)
add_test(NAME transcripts
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/run_transcripts.py $<TARGET_FILE:dfdx> ${DFDX_TRANSCRIPTS})
set(DFDX_SHARED ${CMAKE_SOURCE_DIR}/../shared)
if(EXISTS ${DFDX_SHARED}/tools/transcript)
  file(GLOB DFDX_ACCEPTANCE ${DFDX_SHARED}/acceptance/*.txt)
  # The targets of issues met so far, checked as acceptance from now on.
  list(APPEND DFDX_ACCEPTANCE ${DFDX_SHARED}/targets/simplify.txt)
  add_test(NAME acceptance
           COMMAND ${DFDX_PYTHON} ${DFDX_SHARED}/tools/transcript --dfdx $<TARGET_FILE:dfdx> ${DFDX_ACCEPTANCE})
endif()
