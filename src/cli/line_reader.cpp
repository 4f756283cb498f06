// GNU Readline: editing, the history file, Ctrl-C at the prompt, and completion. The
// candidates come from dfdx::complete(); this file only aligns them with Readline.
#include "cli/line_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <readline/history.h>
#include <readline/readline.h>

#include "cli/interrupt.hpp"
#include "session/completion.hpp"

namespace dfdx::cli {

namespace {

constexpr int kHistorySize = 1000;
constexpr std::string_view kBreaks = " \t\n\"'`@$><=;|&{(}),+-*/^[]!:.#%~\\";

// Readline's callbacks take no context argument.
const Session* g_session = nullptr;
const char* g_prompt = "dfdx> ";
bool g_cleared = false;

/// Word-break characters for this completion, chosen so that Readline's word starts
/// where dfdx::complete() says (d/dx and file paths hold characters that usually break).
char* word_break_hook() {
    static std::string breaks;
    std::string_view line(rl_line_buffer, static_cast<std::size_t>(rl_end));
    Completion c = complete(line, static_cast<std::size_t>(rl_point), *g_session);
    if (c.files) {
        breaks = " \t\n";
        return breaks.data();
    }
    std::string_view word = line.substr(c.start, static_cast<std::size_t>(rl_point) - c.start);
    breaks.clear();
    for (char ch : kBreaks) {
        if (word.find(ch) == std::string_view::npos) breaks += ch;
    }
    if (c.start > 0) {
        char before = line[c.start - 1];
        bool ascii = (static_cast<unsigned char>(before) & 0x80) == 0;
        if (ascii && word.find(before) == std::string_view::npos &&
            breaks.find(before) == std::string::npos) {
            breaks += before;
        }
    }
    return breaks.data();
}

std::string common_prefix(const std::vector<std::string>& v) {
    std::string p = v.front();
    for (const std::string& s : v) {
        std::size_t n = 0;
        while (n < p.size() && n < s.size() && p[n] == s[n]) ++n;
        p.resize(n);
    }
    return p;
}

/// TAB after nothing (an empty line, `set `): list what may come, insert nothing.
char** list_only(const std::vector<std::string>& matches) {
    std::vector<char*> list;
    list.push_back(const_cast<char*>(""));
    std::size_t width = 0;
    for (const std::string& m : matches) {
        list.push_back(const_cast<char*>(m.c_str()));
        width = std::max(width, m.size());
    }
    list.push_back(nullptr);
    rl_display_match_list(list.data(), static_cast<int>(matches.size()), static_cast<int>(width));
    rl_forced_update_display();
    // One empty match: Readline inserts nothing and rings no bell.
    rl_completion_suppress_append = 1;
    auto** out = static_cast<char**>(std::malloc(2 * sizeof(char*)));
    out[0] = strdup("");
    out[1] = nullptr;
    return out;
}

char** on_complete(const char* text, int start, int end) {
    rl_attempted_completion_over = 1;  // never fall back to Readline's file names
    std::string line(rl_line_buffer, static_cast<std::size_t>(rl_end));
    Completion c = complete(line, static_cast<std::size_t>(end), *g_session);
    if (c.files) {
        rl_filename_completion_desired = 1;
        return rl_completion_matches(text, rl_filename_completion_function);
    }
    // Readline replaces line[start, end); the candidates replace line[c.start, end).
    auto from = static_cast<std::size_t>(start);
    std::vector<std::string> matches;
    for (const std::string& cand : c.candidates) {
        if (c.start <= from) {
            std::string_view lead(line.data() + c.start, from - c.start);
            if (cand.compare(0, lead.size(), lead) == 0)
                matches.push_back(cand.substr(lead.size()));
        } else {
            matches.push_back(line.substr(from, c.start - from) + cand);
        }
    }
    if (matches.empty()) return nullptr;
    if (c.start == static_cast<std::size_t>(end) && matches.size() > 1) return list_only(matches);
    bool open_call = false;
    for (const std::string& m : matches) open_call |= !m.empty() && m.back() == '(';
    rl_completion_append_character = open_call ? '\0' : ' ';
    // matches[0] is what a plain `complete` inserts: the one match or the common prefix.
    auto** out = static_cast<char**>(std::malloc((matches.size() + 2) * sizeof(char*)));
    out[0] = strdup(matches.size() == 1 ? matches[0].c_str() : common_prefix(matches).c_str());
    std::size_t n = 1;
    if (matches.size() > 1) {
        for (const std::string& m : matches) out[n++] = strdup(m.c_str());
    }
    out[n] = nullptr;
    return out;
}

/// Called when a read is interrupted by a signal: Ctrl-C abandons the line, as in a shell.
int on_signal_event() {
    if (!interrupted()) return 0;
    reset_interrupt();
    g_cleared = true;
    rl_replace_line("", 0);
    rl_crlf();
    rl_set_prompt(g_prompt);
    rl_on_new_line();
    rl_redisplay();
    return 0;
}

void make_parent_dirs(const std::string& path) {
    for (std::size_t i = 1; i < path.size(); ++i) {
        if (path[i] == '/') mkdir(path.substr(0, i).c_str(), 0700);
    }
}

void configure_readline() {
    rl_readline_name = "dfdx";
    rl_attempted_completion_function = on_complete;
    rl_completion_word_break_hook = word_break_hook;
    rl_signal_event_hook = on_signal_event;
    rl_sort_completion_matches = 0;       // keep dfdx's ranking: sin( before sinh(
    rl_ignore_completion_duplicates = 0;  // complete() has none
    // Defaults that ~/.inputrc (read later, on the first readline call) may change:
    // TAB inserts the best candidate and lists the others; TAB again takes the next.
    rl_variable_bind("show-all-if-ambiguous", "on");
    rl_bind_key_in_map('\t', rl_menu_complete, emacs_standard_keymap);
    rl_bind_key_in_map('\t', rl_menu_complete, vi_insertion_keymap);
    rl_bind_keyseq_in_map("\\e[Z", rl_backward_menu_complete, emacs_standard_keymap);
}

}  // namespace

std::FILE* terminal_output() {
    if (isatty(STDOUT_FILENO)) return stdout;
    if (isatty(STDERR_FILENO)) return stderr;
    static std::FILE* tty = std::fopen("/dev/tty", "we");  // kept open for the process
    return tty;
}

bool dumb_terminal() {
    const char* term = std::getenv("TERM");
    return term && std::strcmp(term, "dumb") == 0;
}

std::string history_path(const Options& options) {
    if (options.no_history) return {};
    if (!options.history_file.empty()) return options.history_file;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state == '/') {
        return std::string(state) + "/dfdx/history";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::string(home) + "/.local/state/dfdx/history";
    }
    return {};
}

std::string history_line(const std::string& statement) {
    std::string out;
    std::size_t pos = 0;
    while (pos <= statement.size()) {
        std::size_t nl = statement.find('\n', pos);
        std::string line =
            statement.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        if (nl != std::string::npos && !line.empty() && line.back() == '\\') line.pop_back();
        std::size_t b = line.find_first_not_of(" \t"), e = line.find_last_not_of(" \t");
        if (b != std::string::npos) out += (out.empty() ? "" : " ") + line.substr(b, e - b + 1);
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
    return out;
}

LineReader::LineReader(const Options& options, const Session& session, bool color,
                       std::FILE* terminal) {
    g_session = &session;
    configure_readline();
    rl_instream = stdin;
    rl_outstream = terminal;
    // A dumb terminal shows escape codes as text: no bracketed paste (SPEC §1).
    if (dumb_terminal()) rl_variable_bind("enable-bracketed-paste", "off");
    if (color) {
        prompt_ = "\001\033[1;34m\002dfdx>\001\033[0m\002 ";
        continuation_ = "\001\033[2m\002  ...>\001\033[0m\002 ";
    } else {
        prompt_ = "dfdx> ";
        continuation_ = "  ...> ";
    }
    g_prompt = prompt_.c_str();
    using_history();
    stifle_history(kHistorySize);
    history_path_ = history_path(options);
    if (history_path_.empty()) return;
    make_parent_dirs(history_path_);
    int rc = read_history(history_path_.c_str());
    if (rc != 0 && rc != ENOENT) {
        warn("read", rc);
        return;
    }
    if (HIST_ENTRY* h = history_get(history_base + history_length - 1)) last_ = h->line;
}

LineReader::~LineReader() {
    rl_signal_event_hook = nullptr;
    rl_completion_word_break_hook = nullptr;
    g_session = nullptr;
}

std::optional<std::string> LineReader::read(bool first_line) {
    if (pending_.empty()) {
        char* raw = readline(first_line ? prompt_.c_str() : continuation_.c_str());
        if (!raw) return std::nullopt;
        // A bracketed paste of several lines arrives as one; hand it out line by line.
        std::string text(raw);
        std::free(raw);
        std::size_t pos = 0;
        while (true) {
            std::size_t nl = text.find('\n', pos);
            if (nl == std::string::npos) {
                if (pos < text.size() || pending_.empty()) pending_.push_back(text.substr(pos));
                break;
            }
            pending_.push_back(text.substr(pos, nl - pos));
            pos = nl + 1;
        }
    }
    std::string line = std::move(pending_.front());
    pending_.pop_front();
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

bool LineReader::take_interrupt() {
    bool was = g_cleared;
    g_cleared = false;
    if (was) pending_.clear();
    return was;
}

void LineReader::warn(const std::string& what, int err) {
    std::cerr << "dfdx: warning: cannot " << what << " the history file " << history_path_ << ": "
              << std::strerror(err) << " (history is not saved in this session)\n";
    history_path_.clear();
}

void LineReader::remember(const std::string& statement) {
    std::string line = history_line(statement);
    if (line.empty() || line == last_) return;
    last_ = line;
    add_history(line.c_str());
    if (history_path_.empty()) return;
    // append_history does not create the file; make it private first.
    int fd = open(history_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) return warn("write", errno);
    close(fd);
    int rc = append_history(1, history_path_.c_str());
    if (rc == 0) rc = history_truncate_file(history_path_.c_str(), kHistorySize);
    if (rc != 0) warn("write", rc);
}

}  // namespace dfdx::cli
