# What `cmake --install` puts beside the library (library.cmake): the stripped binary,
# its man page, shell completions and the documentation. All in the `cli` component,
# the Debian package dfdx (package.cmake).
include(GNUInstallDirs)
install(TARGETS dfdx RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
# Stripped at every install, not only with `cmake --install --strip`: the debugging
# information of a RelWithDebInfo build is most of the file, and nobody debugs the
# installed copy (build/dfdx keeps it). DESTDIR is honoured, as CPack uses it.
install(CODE "execute_process(COMMAND \"${CMAKE_STRIP}\"
  \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/dfdx\" COMMAND_ERROR_IS_FATAL ANY)"
  COMPONENT cli)
install(FILES ${PROJECT_SOURCE_DIR}/docs/dfdx.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)

# Completion scripts, written by the built dfdx from the tables of its own TAB completion
# (src/session/shell_completion.cpp), so they never drift from the REPL.
set(DFDX_COMPLETIONS)
foreach(shell bash zsh fish)
  set(out ${CMAKE_BINARY_DIR}/completions/dfdx.${shell})
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDFDX=$<TARGET_FILE:dfdx> -DSHELL_NAME=${shell} -DOUT=${out}
            -P ${PROJECT_SOURCE_DIR}/cmake/completion.cmake
    DEPENDS dfdx ${PROJECT_SOURCE_DIR}/cmake/completion.cmake
    COMMENT "Writing the ${shell} completion script" VERBATIM)
  list(APPEND DFDX_COMPLETIONS ${out})
endforeach()
add_custom_target(dfdx_completions ALL DEPENDS ${DFDX_COMPLETIONS})
install(FILES ${CMAKE_BINARY_DIR}/completions/dfdx.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME dfdx COMPONENT cli)
install(FILES ${CMAKE_BINARY_DIR}/completions/dfdx.zsh
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions RENAME _dfdx COMPONENT cli)
install(FILES ${CMAKE_BINARY_DIR}/completions/dfdx.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d RENAME dfdx.fish COMPONENT cli)

# share/doc/dfdx: what a user reads after installing.
file(GLOB DFDX_DOCS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md ${PROJECT_SOURCE_DIR}/LICENSE
  ${DFDX_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT cli)
