// SIGINT handling for the REPL and scripts. The handler only sets a flag (async-signal
// safe); the core polls it while it builds nodes and the line reader while it waits.
#include "cli/interrupt.hpp"

#include <signal.h>

#include <csignal>

#include "expr/expr.hpp"

namespace dfdx::cli {

namespace {

volatile std::sig_atomic_t g_interrupt = 0;
volatile std::sig_atomic_t g_interactive = 0;

void on_sigint(int) {
    if (!g_interactive) {
        // A script: stop as a program stopped by Ctrl-C does (status 130 in a shell).
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
        return;
    }
    g_interrupt = 1;
}

}  // namespace

void install_interrupt_handler() {
    static_assert(sizeof(std::sig_atomic_t) == sizeof(int));
    set_interrupt_flag(reinterpret_cast<const volatile int*>(&g_interrupt));
    // Started with SIGINT ignored (nohup, `trap '' INT`, a background job of a shell
    // without job control): keep it ignored, as the one who started us asked.
    struct sigaction old {};
    if (sigaction(SIGINT, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) return;
    struct sigaction sa {};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocking read returns EINTR, so Readline sees it
    sigaction(SIGINT, &sa, nullptr);
}

void reset_interrupt() { g_interrupt = 0; }

bool interrupted() { return g_interrupt != 0; }

void set_interactive(bool interactive) { g_interactive = interactive ? 1 : 0; }

}  // namespace dfdx::cli
