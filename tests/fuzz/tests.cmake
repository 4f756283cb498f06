# fuzz_short: builds the libFuzzer target with clang++ (fuzz/run), replays the kept corpus
# (fuzz/corpus) and the transcripts' seeds, then makes a fixed number of runs from a fixed
# seed: the same work whatever the machine's load (it was 60 s of fuzzing, so a busy CI
# did less). Added only when clang++ and its libFuzzer runtime (Debian: clang,
# libclang-rt-14-dev) are installed.
find_program(DFDX_CLANGXX NAMES clang++ clang++-14)
if(DFDX_CLANGXX AND NOT DFDX_SANITIZE)
  execute_process(COMMAND ${DFDX_CLANGXX} --print-resource-dir
                  OUTPUT_VARIABLE DFDX_CLANG_RESOURCES OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  file(GLOB DFDX_LIBFUZZER "${DFDX_CLANG_RESOURCES}/lib/linux/libclang_rt.fuzzer-*.a")
  if(DFDX_LIBFUZZER)
    add_test(NAME fuzz_short
             COMMAND ${CMAKE_SOURCE_DIR}/fuzz/run --runs 2000 --seed 1 --cxx ${DFDX_CLANGXX}
                     --build-dir ${CMAKE_BINARY_DIR}/fuzz)
    # Building the sanitized core with clang takes a few minutes on two cores.
    set_tests_properties(fuzz_short PROPERTIES TIMEOUT 1500)
  else()
    message(STATUS "fuzz_short: no libFuzzer runtime for ${DFDX_CLANGXX} (libclang-rt-14-dev); skipped")
  endif()
endif()

# deep_stack: the deepest expressions the limits allow are walked in half the usual 8 MB
# stack (they need 2-4 MB), so the depth limit keeps a margin. Not under ASan, whose
# frames are larger (scripts/sanitize raises its stack instead).
if(NOT DFDX_SANITIZE)
  add_test(NAME deep_stack
           COMMAND sh -c "ulimit -s 4096 && exec \"$0\" -tc='an expression deeper*,the deepest*,a power tower*'"
                   $<TARGET_FILE:dfdx_tests>)
endif()
