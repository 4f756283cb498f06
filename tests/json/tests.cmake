# --format json read back with Python's json: one object per statement of every transcript
# (the project's and ../shared's acceptance transcripts), errors at the text format's
# line and column.
file(GLOB DFDX_JSON_TRANSCRIPTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/transcripts/*.txt)
set(DFDX_JSON_SHARED ${CMAKE_SOURCE_DIR}/../shared)
if(EXISTS ${DFDX_JSON_SHARED}/acceptance)
  file(GLOB DFDX_JSON_ACCEPTANCE ${DFDX_JSON_SHARED}/acceptance/*.txt
       ${DFDX_JSON_SHARED}/targets/*.txt)
  list(APPEND DFDX_JSON_TRANSCRIPTS ${DFDX_JSON_ACCEPTANCE})
endif()
add_test(NAME json
         COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_json.py $<TARGET_FILE:dfdx>
                 ${DFDX_JSON_TRANSCRIPTS})
