// Script, -e and interactive front doors over one Session.
#include "cli/driver.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/diagnostics.hpp"
#include "cli/files.hpp"
#include "cli/interrupt.hpp"
#include "cli/line_reader.hpp"
#include "cli/line_source.hpp"
#include "text/lexer.hpp"

#ifndef DFDX_VERSION
#define DFDX_VERSION "0.1.0"
#endif

namespace dfdx::cli {

namespace {

constexpr int kMaxLoadDepth = 16;

/// --color auto (the default) means colour only on a terminal that shows it: not into a
/// pipe or file, not with NO_COLOR set, not on TERM=dumb. always and never override all.
bool want_color(const std::string& mode, int fd) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    if (dumb_terminal()) return false;
    return isatty(fd) != 0;
}

}  // namespace

Driver::Driver(const Options& options, Session& session) : options_(options), session_(session) {
    color_ = want_color(options.color, STDERR_FILENO);
    session_.set_plot_color(want_color(options.color, STDOUT_FILENO));  // plots go to stdout
}

int Driver::run() {
    install_interrupt_handler();
    // -e statements and files in command-line order (dfdx defs.dfdx -e 'f(2)')
    for (const Input& input : options_.inputs) {
        if (!keep_going()) break;
        if (input.statement)
            run_chunk(input.text, "<-e>", 1);
        else
            run_file(input.text);
    }
    bool stdin_tty = isatty(STDIN_FILENO) != 0;
    bool go_interactive = options_.interactive ||
                          (options_.statements.empty() && options_.files.empty() && stdin_tty);
    if (!options_.interactive_file.empty() && keep_going()) run_file(options_.interactive_file);
    if (go_interactive && !quit_) {
        if (stdin_tty)
            interactive();
        else
            run_stream(STDIN_FILENO, "<stdin>");  // -i FILE with a pipe: go on as a script
    } else if (options_.statements.empty() && options_.files.empty() && !stdin_tty) {
        run_stream(STDIN_FILENO, "<stdin>");
    }
    std::fflush(stdout);
    return failed_ ? 1 : 0;
}

bool Driver::run_file(const std::string& path) {
    if (path == "-") return run_stream(STDIN_FILENO, "<stdin>");
    std::string why = unreadable(path);
    int fd = why.empty() ? open(path.c_str(), O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0) {
        fail_io("cannot read " + path + ": " + (why.empty() ? std::strerror(errno) : why));
        return false;
    }
    bool ok = run_stream(fd, path);
    close(fd);
    return ok;
}

namespace {

std::int64_t steady_ns() {
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
}

}  // namespace

// Lines are read in bounded pieces and joined in linear time (issue 16); --timeout
// bounds the time a statement takes to join as well as to run.
bool Driver::run_stream(int fd, const std::string& name) {
    LineSource source(fd);
    StatementJoiner joiner;
    std::string line;
    std::size_t line_no = 0, first = 1;
    std::int64_t started = 0;
    const auto limit = static_cast<std::int64_t>(options_.timeout * 1e9);
    while (keep_going()) {
        LineSource::Status status = source.next(line);
        if (status == LineSource::Status::End) break;
        ++line_no;
        if (joiner.empty()) {
            first = line_no;
            if (limit > 0) started = steady_ns();
        }
        joiner.add(line);
        const bool more = joiner.unfinished() && status == LineSource::Status::Line;
        if (limit > 0 && line_no > first && !joiner.discarding() && steady_ns() - started > limit) {
            run_error(
                joiner.text(), name, first, joiner.text(),
                Error(ErrorCode::Timeout,
                      "timed out (--timeout) while joining the lines of the statement", {0, 0}));
            joiner.discard();  // skipped to its end, which may be far
        }
        if (more) continue;
        if (!joiner.discarding()) run_chunk(joiner.text(), name, first);
        joiner.clear();
        if (status == LineSource::Status::Endless) {
            fail_io(name + ":" + std::to_string(line_no) + ": a line longer than " +
                    std::to_string(max_skipped_line) + " bytes: the rest of the input is not read");
            return false;
        }
    }
    if (!source.error().empty()) fail_io("cannot read " + name + ": " + source.error());
    if (!joiner.empty() && !joiner.discarding() && keep_going())
        finish_unfinished(joiner, name, first);
    return !failed_;
}

void Driver::finish_unfinished(const StatementJoiner& joiner, const std::string& name,
                               std::size_t first) {
    const std::string& chunk = joiner.text();
    if (joiner.brackets_open()) {
        run_chunk(chunk, name, first);  // the parser reports the open bracket
        return;
    }
    std::size_t end = chunk.find_last_not_of("\n \t\r");
    std::size_t cut = end == std::string::npos ? 0 : end + 1;
    run_error(
        chunk, name, first, std::string_view(chunk).substr(0, cut),
        Error(ErrorCode::Parse, "unfinished statement: the input ends after a line ending in '\\'",
              {end == std::string::npos ? 0 : end, chunk.size()}));
}

void Driver::run_error(std::string_view chunk, const std::string& name, std::size_t first,
                       std::string_view shown, const Error& e) {
    chunk_ = chunk;
    name_ = name;
    first_line_ = first;
    begin(shown);
    error(e);
    end();
    set_deadline(0);
}

void Driver::run_chunk(std::string_view chunk, const std::string& name, std::size_t first_line) {
    chunk_ = chunk;
    name_ = name;
    first_line_ = first_line;
    session_.run(chunk, *this);
    set_deadline(0);
}

void Driver::begin(std::string_view text) {
    if (load_depth_ == 0) reset_interrupt();  // Ctrl-C during a load abandons the whole load
    if (options_.timeout > 0) {
        auto now = std::chrono::steady_clock::now().time_since_epoch();
        auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
        set_deadline(ns + static_cast<std::int64_t>(options_.timeout * 1e9));
    }
    Running st;
    st.json = session_.settings().format == Format::Json;
    if (st.json) st.out.input = std::string(text);
    statements_.push_back(std::move(st));
    if (options_.echo && !interactive_mode_ && !json()) {  // a JSON object carries its input
        std::string shown(text);
        std::cout << "> " << shown << '\n';
    }
}

bool Driver::keep_going() {
    if (load_depth_ > 0 && interrupted()) return false;
    return !quit_ && !output_lost_ && !(stopped_ && options_.stop_on_error);
}

void Driver::result(const std::string& line) {
    // Printing a long result creates no nodes, so the core cannot notice Ctrl-C here.
    if (interrupted()) throw Error(ErrorCode::Interrupted, "interrupted");
    if (json()) {
        statements_.back().out.lines.push_back(line);
        return;
    }
    std::cout << line << '\n';
    if (stdout_failed()) output_lost_ = true;  // reported by finish_stdout; stop the work
}

void Driver::value(const Shown& shown) {
    if (!json()) return result(shown.text);
    JsonStatement& out = statements_.back().out;
    if (out.shown)
        out.lines.push_back(shown.text);  // a second result: both become lines
    else
        out.shown = shown;
}

void Driver::note(const std::string& text) {
    if (json()) {
        statements_.back().out.notes.push_back(text);
        return;
    }
    std::cout.flush();
    std::cerr << render_note(text, color_);
}

void Driver::end() {
    if (statements_.empty()) return;
    Running st = std::move(statements_.back());
    statements_.pop_back();
    if (!st.json) return;
    std::cout << json_line(st.out) << '\n';
    if (stdout_failed()) output_lost_ = true;
}

void Driver::error(const Error& e) {
    failed_ = true;
    ++failures_;
    stopped_ = true;
    std::cout.flush();
    if (interactive_mode_ && e.code() == ErrorCode::Interrupted)
        std::cerr << '\n';  // after the echoed ^C
    Location where = locate(chunk_, first_line_, e.span());
    if (json()) {  // on stdout, in the statement's object, with the text format's line and column
        std::string file = interactive_mode_ ? std::string() : name_;
        statements_.back().out.error = JsonError{file, where.line, where.column, e.what()};
        return;
    }
    std::cerr << render_error(interactive_mode_ ? std::string() : name_, where, e, color_);
    std::cerr.flush();
}

void Driver::fail_io(const std::string& message) {
    failed_ = true;
    ++failures_;
    stopped_ = true;
    if (session_.settings().format == Format::Json) {
        std::cout << json_error_line(message) << '\n';
        return;
    }
    std::cout.flush();
    std::cerr << (color_ ? "\033[1;31merror:\033[0m " : "error: ") << message << '\n';
}

void Driver::request(const Request& r) {
    switch (r.kind) {
        case Request::Kind::Quit: quit_ = true; return;
        case Request::Kind::Save:
        case Request::Kind::WriteFile: {
            std::string why;
            if (!write_file_atomically(r.path, r.content, why)) {
                throw Error(ErrorCode::Io, "cannot write " + r.path + ": " + why);
            }
            if (r.kind == Request::Kind::Save && interactive_mode_)
                note("saved the session to " + r.path);
            return;
        }
        case Request::Kind::Load: load(r.path); return;
    }
}

void Driver::load(const std::string& path) {
    if (load_depth_ >= kMaxLoadDepth) {
        throw Error(ErrorCode::Limit,
                    "load nested deeper than " + std::to_string(kMaxLoadDepth) + " files");
    }
    std::string why = unreadable(path);
    int fd = why.empty() ? open(path.c_str(), O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0)
        throw Error(ErrorCode::Io,
                    "cannot read " + path + ": " + (why.empty() ? std::strerror(errno) : why));
    // Save where we are: the loaded file's errors name that file.
    std::string_view chunk = chunk_;
    std::string name = name_;
    std::size_t first = first_line_;
    bool was_interactive = interactive_mode_;
    interactive_mode_ = false;
    ++load_depth_;
    const std::size_t failures_before = failures_;  // only this file's failures count
    run_stream(fd, path);
    close(fd);
    const bool ok = failures_ == failures_before;
    --load_depth_;
    interactive_mode_ = was_interactive;
    chunk_ = chunk;
    name_ = name;
    first_line_ = first;
    if (interrupted()) throw Error(ErrorCode::Interrupted, "interrupted while loading " + path);
    if (!ok && was_interactive) note("some statements of " + path + " failed");
}

void Driver::interactive() {
    // Prompts and echo go to the terminal, results to stdout: with `dfdx | tee log` at a
    // terminal, no prompt or control code reaches the pipe (SPEC §1).
    std::FILE* terminal = terminal_output();
    if (!terminal) {
        run_stream(STDIN_FILENO, "<stdin>");  // nowhere to show a prompt: read it as a script
        return;
    }
    interactive_mode_ = true;
    set_interactive(true);
    bool tty_out = isatty(STDOUT_FILENO) != 0;
    bool color_prompt = want_color(options_.color, fileno(terminal));
    if (!options_.quiet && tty_out) {
        if (color_prompt) {
            std::cout << "\033[1mdfdx " DFDX_VERSION
                         "\033[0m: symbolic derivatives. Type \033[1mhelp\033[0m"
                         " for the commands, TAB to complete, Ctrl-D to leave.\n";
        } else {
            std::cout << "dfdx " DFDX_VERSION
                         ": symbolic derivatives. Type help for the commands, TAB to complete,"
                         " Ctrl-D to leave.\n";
        }
    }
    session_.set_plot_width(terminal_columns());
    LineReader reader(options_, session_, color_prompt, terminal);
    StatementJoiner joiner;
    while (!quit_ && !output_lost_) {
        std::optional<std::string> line = reader.read(joiner.empty());
        if (reader.take_interrupt()) joiner.clear();  // Ctrl-C dropped the unfinished statement
        if (!line) {
            if (!joiner.empty()) run_chunk(joiner.text(), "", 1);
            if (terminal == stdout) {
                std::cout << '\n';  // ends the prompt line that Ctrl-D left
            } else {
                std::fputc('\n', terminal);
                std::fflush(terminal);
            }
            break;
        }
        joiner.add(*line);
        if (joiner.unfinished()) continue;
        reader.remember(joiner.text());
        stopped_ = false;
        run_chunk(joiner.text(), "", 1);
        joiner.clear();
        if (terminal != stdout) std::cout.flush();  // a pipe buffers: show each result now
    }
    set_interactive(false);
    interactive_mode_ = false;
}

}  // namespace dfdx::cli
