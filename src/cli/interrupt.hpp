// Ctrl-C: a SIGINT handler that raises the flag the core polls, and clears the line
// when it arrives at the prompt.
#pragma once

namespace dfdx::cli {

/// Installs the handler and hands the flag to the core.
void install_interrupt_handler();
/// Clears the flag before a statement runs.
void reset_interrupt();
/// Tells the handler whether Readline is waiting for a line.
void set_at_prompt(bool at_prompt);

}  // namespace dfdx::cli
