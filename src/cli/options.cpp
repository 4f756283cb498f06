// The CLI11 definition of dfdx's options.
#include "options.hpp"

#include "dfdx/decimal.hpp"

#include <CLI/CLI.hpp>

#ifndef DFDX_VERSION
#define DFDX_VERSION "0.1.0"
#endif

namespace dfdx::cli {

std::optional<int> parse_options(int argc, char** argv, Options& o) {
    CLI::App app{"dfdx: symbolic derivatives at the prompt, in scripts and from the shell", "dfdx"};
    app.set_version_flag("--version", "dfdx " DFDX_VERSION);
    app.add_option("files", o.files, "scripts to run in order ('-' is stdin), then exit");
    // No extra args: CLI11 would otherwise split a bracketed value ('[1, 2]') into a list.
    app.add_option("-e,--eval", o.statements, "run a statement (repeatable), print results, exit")
        ->allow_extra_args(false);
    app.add_option("-i,--interactive", o.interactive_file, "run FILE (if given), then stay interactive")
        ->expected(0, 1);
    app.add_flag("-q,--quiet", o.quiet, "no banner");
    app.add_option("--format", o.format, "output notation")
        ->check(CLI::IsMember({"plain", "unicode", "latex"}));
    app.add_option("--precision", o.precision, "significant digits of decimal results")
        ->check(CLI::Range(1, dfdx::max_precision));
    app.add_option("--color", o.color, "colour: only on a terminal by default; NO_COLOR is honoured")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("--stop-on-error", o.stop_on_error, "stop at the first failing statement (exit 1)");
    app.add_flag("--echo", o.echo, "print each statement as '> STATEMENT' before its output");
    app.add_option("--history-file", o.history_file, "history file (default $XDG_STATE_HOME/dfdx/history)");
    app.add_flag("--no-history", o.no_history, "do not read or write the history file");
    app.add_option("--timeout", o.timeout, "end any statement that runs longer than SECONDS")
        ->check(CLI::PositiveNumber);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    o.interactive = app.count("-i") > 0;
    return std::nullopt;
}

}  // namespace dfdx::cli
