// The CLI11 definition of dfdx's options.
#include "cli/options.hpp"

#include "numbers/decimal.hpp"
#include "print/notation.hpp"
#include "session/shell_completion.hpp"

#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>

#ifndef DFDX_VERSION
#define DFDX_VERSION "0.1.0"
#endif

namespace dfdx::cli {

namespace {

std::vector<std::string> format_names() {
    std::vector<std::string> names;
    for (const Notation* n : notations()) names.emplace_back(n->name());
    return names;
}

const std::vector<std::string> color_names = {"auto", "always", "never"};

/// The options as the shell completion scripts need them, read back from CLI11 so the
/// scripts follow whatever is defined above.
std::vector<ShellOption> shell_options(CLI::App& app, const CLI::Option* eval,
                                       const CLI::Option* interactive) {
    std::vector<ShellOption> out;
    for (const CLI::Option* opt : app.get_options()) {
        if (!opt->nonpositional() || opt->get_group().empty()) continue;  // files; hidden ones
        ShellOption o;
        o.shorts = opt->get_snames();
        o.longs = opt->get_lnames();
        o.description = opt->get_description();
        if (opt->get_expected_max() == 0) {
            o.value = ShellOption::Value::None;  // a flag
        } else if (opt == eval) {
            o.value = ShellOption::Value::Statement;
        } else if (opt == interactive || opt->check_lname("history-file")) {
            o.value = ShellOption::Value::File;
            o.optional_value = opt == interactive;
        } else {
            o.value = ShellOption::Value::Word;
            if (opt->check_lname("format")) o.choices = format_names();
            if (opt->check_lname("color")) o.choices = color_names;
        }
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace

std::optional<int> parse_options(int argc, char** argv, Options& o) {
    CLI::App app{"dfdx: symbolic derivatives at the prompt, in scripts and from the shell", "dfdx"};
    app.footer(
        "Examples:\n"
        "  dfdx                                  the REPL (help inside lists everything)\n"
        "  dfdx -e 'd/dx sin(x)^2 at x=1'        one question from the shell\n"
        "  dfdx -e 'f(w, x, b) = w x + b' -e 'grad(f)'\n"
        "  dfdx script.dfdx                      run a script; errors name FILE:LINE:COL\n"
        "  echo 'd/dx x^x' | dfdx --format latex\n"
        "\n"
        "Exit status: 0 success, 1 a statement failed, 2 bad usage. See man dfdx.");
    app.set_version_flag("--version", "dfdx " DFDX_VERSION);
    CLI::Option* files =
        app.add_option("files", o.files, "scripts to run in order ('-' is stdin), then exit");
    // No extra args: CLI11 would otherwise split a bracketed value ('[1, 2]') into a list.
    CLI::Option* eval = app.add_option("-e,--eval", o.statements,
                                       "run a statement (repeatable), print results, exit")
                            ->allow_extra_args(false);
    CLI::Option* interactive = app.add_option("-i,--interactive", o.interactive_file,
                                              "run FILE (if given), then stay interactive")
                                   ->expected(0, 1);
    app.add_flag("-q,--quiet", o.quiet, "no banner");
    app.add_option("--format", o.format, "output notation")->check(CLI::IsMember(format_names()));
    app.add_option("--precision", o.precision, "significant digits of decimal results")
        ->check(CLI::Range(1, dfdx::max_precision));
    app.add_option("--color", o.color,
                   "colour: only on a terminal by default; NO_COLOR and TERM=dumb are honoured")
        ->check(CLI::IsMember(color_names));
    app.add_flag("--stop-on-error", o.stop_on_error,
                 "stop at the first failing statement (exit 1)");
    app.add_flag("--echo", o.echo, "print each statement as '> STATEMENT' before its output");
    app.add_option("--history-file", o.history_file,
                   "history file (default $XDG_STATE_HOME/dfdx/history)");
    app.add_flag("--no-history", o.no_history, "do not read or write the history file");
    app.add_option("--timeout", o.timeout, "end any statement that runs longer than SECONDS")
        ->check(CLI::Validator(
            [](std::string& v) -> std::string {
                double t = 0;
                try {
                    t = std::stod(v);
                } catch (...) {
                    return "not a number of seconds";
                }
                // Finite and at most 10^9 s: the deadline in nanoseconds fits 64 bits.
                return std::isfinite(t) && t > 0 && t <= 1e9
                           ? std::string()
                           : "a number of seconds above 0 and at most 1e9";
            },
            "SECONDS"));
    // Hidden (no group): the build runs it to write the scripts it installs.
    std::string completion_shell;
    app.add_option("--completion-script", completion_shell,
                   "print the bash, zsh or fish completion script")
        ->group("");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // Bad usage: one line and a hint, exit status 2 (as getopt programs do), not
        // CLI11's own codes 105-114.
        std::cerr << "dfdx: " << e.what() << " (try 'dfdx --help')\n";
        return 2;
    }
    if (!completion_shell.empty()) {
        // Checked here, not by CLI11, whose message leaves out a hidden option's name.
        auto shell = parse_shell(completion_shell);
        if (!shell) {
            std::cerr << "dfdx: --completion-script: " << completion_shell
                      << " is not bash, zsh or fish\n";
            return 2;
        }
        std::cout << shell_completion_script(*shell, shell_options(app, eval, interactive));
        return 0;
    }
    o.interactive = app.count("-i") > 0;
    std::size_t next_file = 0, next_statement = 0;
    for (const CLI::Option* opt : app.parse_order()) {
        if (opt == files && next_file < o.files.size())
            o.inputs.push_back({false, o.files[next_file++]});
        if (opt == eval && next_statement < o.statements.size())
            o.inputs.push_back({true, o.statements[next_statement++]});
    }
    // Anything parse_order did not list (it lists each occurrence) keeps its kind's order.
    while (next_file < o.files.size()) o.inputs.push_back({false, o.files[next_file++]});
    while (next_statement < o.statements.size())
        o.inputs.push_back({true, o.statements[next_statement++]});
    return std::nullopt;
}

}  // namespace dfdx::cli
