# Issue 14: 10,000 seeded random exact inputs through the real binary, at precisions 15,
# 30 and 100, against mpmath at 60+ digits (python3-mpmath, which SymPy brings). Three
# dfdx processes in all; about 10 s.
execute_process(COMMAND ${DFDX_PYTHON} -c "import mpmath" RESULT_VARIABLE DFDX_NO_MPMATH OUTPUT_QUIET ERROR_QUIET)
if(DFDX_NO_MPMATH EQUAL 0)
  add_test(NAME numbers
           COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/differential.py $<TARGET_FILE:dfdx>
                   --count 10000 --seed 14 --precisions 1,15,30,100)
endif()
