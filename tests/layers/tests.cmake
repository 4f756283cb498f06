# The stages of src/ include only downward and no files include each other in a loop
# (src/CMakeLists.txt names the stages; --self-test first plants an upward include and a
# cycle in a copy of the tree and requires both to be caught).
add_test(NAME layers COMMAND ${DFDX_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/check_layers.py --self-test)
