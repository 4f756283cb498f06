// GNU Readline: editing, history file, completion.
#include "line_reader.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <readline/history.h>
#include <readline/readline.h>

#include "dfdx/completion.hpp"
#include "interrupt.hpp"

namespace dfdx::cli {

namespace {

constexpr int kHistorySize = 1000;
const Session* g_session = nullptr;  // Readline's completion callback takes no context
std::vector<std::string> g_matches;
bool g_files = false;

char* generator(const char* text, int state) {
    if (g_files) return rl_filename_completion_function(text, state);
    static std::size_t index;
    if (state == 0) index = 0;
    if (index < g_matches.size()) return strdup(g_matches[index++].c_str());
    return nullptr;
}

char** on_complete(const char* text, int start, int end) {
    rl_attempted_completion_over = 1;
    std::string line(rl_line_buffer);
    Completion c = complete(line, static_cast<std::size_t>(end), *g_session);
    g_files = c.files;
    g_matches.clear();
    // Readline replaces [start, end); keep candidates that extend the text it gave.
    std::size_t offset = static_cast<std::size_t>(start);
    for (const std::string& cand : c.candidates) {
        if (c.start <= offset && offset - c.start <= cand.size()) {
            g_matches.push_back(cand.substr(offset - c.start));
        }
    }
    bool ends_open = !g_matches.empty() && !g_matches[0].empty() && g_matches[0].back() == '(';
    rl_completion_append_character = g_files || ends_open ? '\0' : ' ';
    if (g_files) rl_attempted_completion_over = 0;
    return rl_completion_matches(text, generator);
}

void make_parent_dirs(const std::string& path) {
    for (std::size_t i = 1; i < path.size(); ++i) {
        if (path[i] == '/') mkdir(path.substr(0, i).c_str(), 0700);
    }
}

}  // namespace

std::string history_path(const Options& options) {
    if (options.no_history) return {};
    if (!options.history_file.empty()) return options.history_file;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) {
        return std::string(state) + "/dfdx/history";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::string(home) + "/.local/state/dfdx/history";
    }
    return {};
}

LineReader::LineReader(const Options& options, const Session& session, bool color) {
    g_session = &session;
    rl_readline_name = "dfdx";
    rl_catch_signals = 0;
    rl_attempted_completion_function = on_complete;
    rl_basic_word_break_characters = const_cast<char*>(" \t\n+-*/^(),;=[]");
    if (color) {
        prompt_ = "\001\033[1;34m\002dfdx>\001\033[0m\002 ";
        continuation_ = "\001\033[2m\002  ...>\001\033[0m\002 ";
    } else {
        prompt_ = "dfdx> ";
        continuation_ = "  ...> ";
    }
    using_history();
    stifle_history(kHistorySize);
    history_path_ = history_path(options);
    if (!history_path_.empty()) {
        make_parent_dirs(history_path_);
        int rc = read_history(history_path_.c_str());
        if (rc != 0 && rc != ENOENT) {
            std::cerr << "warning: cannot read the history file " << history_path_ << ": " << std::strerror(rc) << '\n';
        }
    }
}

LineReader::~LineReader() { g_session = nullptr; }

std::optional<std::string> LineReader::read(bool first_line) {
    set_at_prompt(true);
    char* raw = readline(first_line ? prompt_.c_str() : continuation_.c_str());
    set_at_prompt(false);
    if (!raw) return std::nullopt;
    std::string line(raw);
    std::free(raw);
    return line;
}

void LineReader::remember(const std::string& statement) {
    if (statement.find_first_not_of(" \t\n") == std::string::npos || statement == last_) return;
    last_ = statement;
    add_history(statement.c_str());
    if (history_path_.empty()) return;
    // Create the file on first use, then append, then bound its size.
    FILE* f = std::fopen(history_path_.c_str(), "a");
    if (f) std::fclose(f);
    int rc = append_history(1, history_path_.c_str());
    if (rc == 0) rc = history_truncate_file(history_path_.c_str(), kHistorySize);
    static bool warned = false;
    if (rc != 0 && !warned) {
        warned = true;
        std::cerr << "warning: cannot write the history file " << history_path_ << ": " << std::strerror(rc)
                  << '\n';
    }
}

}  // namespace dfdx::cli
