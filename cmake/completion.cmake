# Writes one shell's completion script: cmake -DDFDX=... -DSHELL_NAME=bash -DOUT=... -P
# completion.cmake. A script rather than a shell redirection, so any generator runs it.
get_filename_component(dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${DFDX}" --completion-script "${SHELL_NAME}"
  OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "dfdx --completion-script ${SHELL_NAME} failed (${code})")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
