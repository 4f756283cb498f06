// SIGINT handling for the REPL and scripts.
#include "interrupt.hpp"

#include <csignal>
#include <cstdio>
#include <unistd.h>

#include <readline/readline.h>

#include "dfdx/expr.hpp"

namespace dfdx::cli {

namespace {

volatile std::sig_atomic_t g_interrupt = 0;
volatile std::sig_atomic_t g_at_prompt = 0;

void on_sigint(int) {
    if (g_at_prompt) {
        // At the prompt Ctrl-C abandons the line being typed, as in a shell.
        (void)!write(STDOUT_FILENO, "\n", 1);
        rl_on_new_line();
        rl_replace_line("", 0);
        rl_redisplay();
        return;
    }
    g_interrupt = 1;
}

}  // namespace

void install_interrupt_handler() {
    struct sigaction sa {};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, nullptr);
    static_assert(sizeof(std::sig_atomic_t) == sizeof(int));
    set_interrupt_flag(reinterpret_cast<const volatile int*>(&g_interrupt));
}

void reset_interrupt() { g_interrupt = 0; }

void set_at_prompt(bool at_prompt) { g_at_prompt = at_prompt ? 1 : 0; }

}  // namespace dfdx::cli
