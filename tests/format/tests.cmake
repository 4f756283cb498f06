# The C++ sources are laid out as .clang-format says (clang-format --dry-run fails on any
# line it would change). scripts/setup installs clang-format for the test command.
find_program(DFDX_CLANG_FORMAT NAMES clang-format clang-format-14)
if(DFDX_CLANG_FORMAT)
  file(GLOB_RECURSE DFDX_FORMATTED CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/src/*.cpp ${PROJECT_SOURCE_DIR}/src/*.hpp
    ${PROJECT_SOURCE_DIR}/include/*.hpp ${PROJECT_SOURCE_DIR}/tests/*.cpp
    ${PROJECT_SOURCE_DIR}/tests/*.hpp ${PROJECT_SOURCE_DIR}/bench/*.cpp
    ${PROJECT_SOURCE_DIR}/bench/*.hpp ${PROJECT_SOURCE_DIR}/fuzz/*.cpp
    ${PROJECT_SOURCE_DIR}/examples/*.cpp)
  add_test(NAME format COMMAND ${DFDX_CLANG_FORMAT} --dry-run --Werror ${DFDX_FORMATTED})
  set_tests_properties(format PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
else()
  message(WARNING "clang-format not found: the format test is not registered (scripts/setup test installs it)")
endif()
