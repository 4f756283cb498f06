# Terminal tests: the real binary in tmux (completion, history, Ctrl-C, continuation,
# paste, colour, save/load). Needs tmux (scripts/setup installs it).
find_program(DFDX_TMUX tmux)
if(DFDX_TMUX)
  add_test(NAME terminal
           COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/run_terminal.py $<TARGET_FILE:dfdx>)
  set_tests_properties(terminal PROPERTIES TIMEOUT 300)
else()
  message(WARNING "tmux not found: the terminal tests are skipped (scripts/setup installs tmux)")
endif()
