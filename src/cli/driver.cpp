// Script, -e and interactive front doors over one Session.
#include "driver.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "diagnostics.hpp"
#include "dfdx/lexer.hpp"
#include "files.hpp"
#include "interrupt.hpp"
#include "line_reader.hpp"

#ifndef DFDX_VERSION
#define DFDX_VERSION "0.1.0"
#endif

namespace dfdx::cli {

namespace {

constexpr int kMaxLoadDepth = 16;

bool want_color(const std::string& mode, int fd) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return isatty(fd) != 0;
}

}  // namespace

Driver::Driver(const Options& options, Session& session) : options_(options), session_(session) {
    color_ = want_color(options.color, STDERR_FILENO);
}

int Driver::run() {
    install_interrupt_handler();
    // -e statements and files in command-line order (dfdx defs.dfdx -e 'f(2)')
    for (const Input& input : options_.inputs) {
        if (!keep_going()) break;
        if (input.statement) run_chunk(input.text, "<-e>", 1);
        else run_file(input.text);
    }
    bool stdin_tty = isatty(STDIN_FILENO) != 0;
    bool go_interactive = options_.interactive ||
                          (options_.statements.empty() && options_.files.empty() && stdin_tty);
    if (!options_.interactive_file.empty() && keep_going()) run_file(options_.interactive_file);
    if (go_interactive && !quit_) {
        if (stdin_tty) interactive();
        else run_stream(std::cin, "<stdin>");  // -i FILE with a pipe: go on as a script
    } else if (options_.statements.empty() && options_.files.empty() && !stdin_tty) {
        run_stream(std::cin, "<stdin>");
    }
    std::fflush(stdout);
    return failed_ ? 1 : 0;
}

bool Driver::run_file(const std::string& path) {
    if (path == "-") return run_stream(std::cin, "<stdin>");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail_io("cannot read " + path);
        return false;
    }
    return run_stream(in, path);
}

bool Driver::run_stream(std::istream& in, const std::string& name) {
    std::string chunk, line;
    std::size_t line_no = 0, first = 1;
    while (keep_going() && std::getline(in, line)) {
        ++line_no;
        if (chunk.empty()) first = line_no;
        chunk += line;
        if (needs_continuation(chunk)) {
            chunk += '\n';
            continue;
        }
        run_chunk(chunk, name, first);
        chunk.clear();
    }
    if (!chunk.empty() && keep_going()) {
        if (brackets_open(chunk)) {
            run_chunk(chunk, name, first);  // the parser reports the open bracket
        } else {
            chunk_ = chunk;
            name_ = name;
            first_line_ = first;
            std::size_t end = chunk.find_last_not_of("\n \t\r");
            begin(std::string_view(chunk).substr(0, end == std::string::npos ? 0 : end + 1));
            error(Error(ErrorCode::Parse, "unfinished statement: the input ends after a line ending in '\\'",
                        {end == std::string::npos ? 0 : end, chunk.size()}));
        }
    }
    return !failed_;
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
    if (options_.echo && !interactive_mode_) {
        std::string shown(text);
        std::cout << "> " << shown << '\n';
    }
}

bool Driver::keep_going() {
    if (load_depth_ > 0 && interrupted()) return false;
    return !quit_ && !(stopped_ && options_.stop_on_error);
}

void Driver::result(const std::string& line) {
    // Printing a long result creates no nodes, so the core cannot notice Ctrl-C here.
    if (interrupted()) throw Error(ErrorCode::Interrupted, "interrupted");
    std::cout << line << '\n';
}

void Driver::note(const std::string& text) {
    std::cout.flush();
    std::cerr << render_note(text, color_);
}

void Driver::error(const Error& e) {
    failed_ = true;
    ++failures_;
    stopped_ = true;
    std::cout.flush();
    if (interactive_mode_ && e.code() == ErrorCode::Interrupted) std::cerr << '\n';  // after the echoed ^C
    Location where = locate(chunk_, first_line_, e.span());
    std::cerr << render_error(interactive_mode_ ? std::string() : name_, where, e, color_);
    std::cerr.flush();
}

void Driver::fail_io(const std::string& message) {
    failed_ = true;
    ++failures_;
    stopped_ = true;
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
            if (r.kind == Request::Kind::Save && interactive_mode_) note("saved the session to " + r.path);
            return;
        }
        case Request::Kind::Load: {
            if (load_depth_ >= kMaxLoadDepth) {
                throw Error(ErrorCode::Limit, "load nested deeper than " + std::to_string(kMaxLoadDepth) + " files");
            }
            std::ifstream in(r.path, std::ios::binary);
            if (!in) throw Error(ErrorCode::Io, "cannot read " + r.path);
            // Save where we are: the loaded file's errors name that file.
            std::string_view chunk = chunk_;
            std::string name = name_;
            std::size_t first = first_line_;
            bool was_interactive = interactive_mode_;
            interactive_mode_ = false;
            ++load_depth_;
            const std::size_t failures_before = failures_;  // only this file's failures count
            run_stream(in, r.path);
            const bool ok = failures_ == failures_before;
            --load_depth_;
            interactive_mode_ = was_interactive;
            chunk_ = chunk;
            name_ = name;
            first_line_ = first;
            if (interrupted()) throw Error(ErrorCode::Interrupted, "interrupted while loading " + r.path);
            if (!ok && was_interactive) note("some statements of " + r.path + " failed");
            return;
        }
    }
}

void Driver::interactive() {
    interactive_mode_ = true;
    set_interactive(true);
    bool tty_out = isatty(STDOUT_FILENO) != 0;
    bool color_prompt = want_color(options_.color, STDOUT_FILENO);
    if (!options_.quiet && tty_out) {
        if (color_prompt) {
            std::cout << "\033[1mdfdx " DFDX_VERSION "\033[0m: symbolic derivatives. Type \033[1mhelp\033[0m"
                         " for the commands, TAB to complete, Ctrl-D to leave.\n";
        } else {
            std::cout << "dfdx " DFDX_VERSION ": symbolic derivatives. Type help for the commands, TAB to complete,"
                         " Ctrl-D to leave.\n";
        }
    }
    session_.set_plot_width(terminal_columns());
    LineReader reader(options_, session_, color_prompt);
    std::string chunk;
    while (!quit_) {
        std::optional<std::string> line = reader.read(chunk.empty());
        if (reader.take_interrupt()) chunk.clear();  // Ctrl-C dropped the unfinished statement
        if (!line) {
            if (!chunk.empty()) run_chunk(chunk, "", 1);
            std::cout << '\n';
            break;
        }
        chunk += *line;
        if (needs_continuation(chunk)) {
            chunk += '\n';
            continue;
        }
        reader.remember(chunk);
        stopped_ = false;
        run_chunk(chunk, "", 1);
        chunk.clear();
    }
    set_interactive(false);
    interactive_mode_ = false;
}

}  // namespace dfdx::cli
