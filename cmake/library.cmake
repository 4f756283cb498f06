# libdfdx: the public API of include/dfdx/ as a shared library, imported by users as
# dfdx::dfdx (find_package(dfdx)) or through pkg-config (dfdx.pc).
#
# The API's sources are compiled once more into the shared object with hidden visibility;
# the stages are linked in from their (position-independent) archives with
# --exclude-libs, so the library exports the classes of include/dfdx/dfdx.hpp and nothing
# else, and internal names can change without breaking callers. The CLI keeps linking the
# archives statically, as before.
file(GLOB DFDX_API_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/api/*.cpp)
add_library(libdfdx SHARED ${DFDX_API_SOURCES})
add_library(dfdx::dfdx ALIAS libdfdx)
set_target_properties(libdfdx PROPERTIES
  OUTPUT_NAME dfdx
  EXPORT_NAME dfdx
  VERSION ${PROJECT_VERSION}
  SOVERSION ${PROJECT_VERSION_MAJOR}
  CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON
  LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)
target_include_directories(libdfdx PUBLIC
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_features(libdfdx PUBLIC cxx_std_17)  # what the public header needs
target_compile_definitions(libdfdx PRIVATE DFDX_VERSION="${PROJECT_VERSION}")
target_compile_options(libdfdx PRIVATE ${DFDX_WARNINGS})
target_link_libraries(libdfdx PRIVATE dfdx_session)
target_link_options(libdfdx PRIVATE -Wl,--exclude-libs,ALL -Wl,--no-undefined)

install(TARGETS libdfdx EXPORT dfdxTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lib NAMELINK_COMPONENT dev)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/dfdx
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
# Stripped like the binary: the debugging information is most of its size.
install(CODE "
  file(GLOB _dfdx_libs \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/libdfdx.so.*.*\")
  foreach(_lib IN LISTS _dfdx_libs)
    if(NOT IS_SYMLINK \"\${_lib}\")
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-unneeded \"\${_lib}\" COMMAND_ERROR_IS_FATAL ANY)
    endif()
  endforeach()" COMPONENT lib)

# The CMake package: dfdxConfig.cmake, its version file and the exported target.
include(CMakePackageConfigHelpers)
set(DFDX_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/dfdx)
install(EXPORT dfdxTargets NAMESPACE dfdx:: DESTINATION ${DFDX_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/dfdxConfig.cmake.in
  ${CMAKE_BINARY_DIR}/dfdxConfig.cmake INSTALL_DESTINATION ${DFDX_CMAKE_DIR})
# 0.x: a minor release may change the API, so only the same 0.MINOR is compatible.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/dfdxConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/dfdxConfig.cmake ${CMAKE_BINARY_DIR}/dfdxConfigVersion.cmake
  DESTINATION ${DFDX_CMAKE_DIR} COMPONENT dev)

# pkg-config: Libs is libdfdx alone, whose own dependencies the loader finds.
# Relocatable: the prefix is found from where the .pc file lies, so a package installed
# with `cmake --install --prefix P` works wherever P is.
file(RELATIVE_PATH DFDX_PC_PREFIX /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" DFDX_PC_PREFIX "${DFDX_PC_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/dfdx.pc.in ${CMAKE_BINARY_DIR}/dfdx.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/dfdx.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
