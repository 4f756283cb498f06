// Ctrl-C: a SIGINT handler that raises the flag the core polls. At the prompt the line
// reader turns the flag into "clear the line"; in scripts Ctrl-C ends the process.
#pragma once

namespace dfdx::cli {

/// Installs the handler (unless SIGINT is ignored: then it stays ignored) and hands the
/// flag to the core.
void install_interrupt_handler();
/// Clears the flag before a statement runs.
void reset_interrupt();
/// True when Ctrl-C was pressed since the last reset.
bool interrupted();
/// Interactive: Ctrl-C abandons the statement (or the line) and the session goes on.
/// Otherwise (scripts, -e): Ctrl-C ends the process as any program's would.
void set_interactive(bool interactive);

}  // namespace dfdx::cli
