# The project's own transcripts (exact output), and the shared acceptance transcripts
# when ../shared is beside the checkout (as in CI), with the numbers target of issue 14.
file(GLOB DFDX_TRANSCRIPTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.txt)
add_test(NAME transcripts
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/run_transcripts.py $<TARGET_FILE:dfdx> ${DFDX_TRANSCRIPTS})
set(DFDX_SHARED ${CMAKE_SOURCE_DIR}/../shared)
if(EXISTS ${DFDX_SHARED}/tools/transcript)
  file(GLOB DFDX_ACCEPTANCE ${DFDX_SHARED}/acceptance/*.txt)
  # The targets of resolved issues join the acceptance test (12: simplify, 13: reading,
  # 14: numbers).
  foreach(target simplify reading numbers)
    if(EXISTS ${DFDX_SHARED}/targets/${target}.txt)
      list(APPEND DFDX_ACCEPTANCE ${DFDX_SHARED}/targets/${target}.txt)
    endif()
  endforeach()
  add_test(NAME acceptance
           COMMAND ${DFDX_PYTHON} ${DFDX_SHARED}/tools/transcript --dfdx $<TARGET_FILE:dfdx> ${DFDX_ACCEPTANCE})
endif()
