// Completion candidates from the function table, the help topics, the command table and
// the session, ranked: the user's own names, then commands, built-ins and special forms.
#include "session/completion.hpp"

#include <algorithm>
#include <optional>

#include "expr/functions.hpp"
#include "print/notation.hpp"
#include "session/help.hpp"
#include "text/commands.hpp"

namespace dfdx {

namespace {

bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (static_cast<unsigned char>(c) & 0x80);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        std::size_t b = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
        if (i > b) out.emplace_back(s.substr(b, i - b));
    }
    return out;
}

/// Identifiers in `s`, in order of first appearance.
std::vector<std::string> identifiers(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        if (!ident_char(s[i]) || is_digit(s[i])) {
            ++i;
            continue;
        }
        std::size_t b = i;
        while (i < s.size() && ident_char(s[i])) ++i;
        std::string w(s.substr(b, i - b));
        if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    }
    return out;
}

/// The parameters of a definition being typed (`f(x, y) = ...`), if the statement is one.
std::vector<std::string> typed_params(std::string_view stmt) {
    std::size_t open = stmt.find('('), close = stmt.find(')'), eq = stmt.find('=');
    if (open == std::string_view::npos || close == std::string_view::npos ||
        eq == std::string_view::npos || !(open < close && close < eq) ||
        stmt.substr(close + 1, eq - close - 1).find_first_not_of(" \t") != std::string_view::npos) {
        return {};
    }
    auto head = identifiers(stmt.substr(0, open));
    if (head.size() != 1) return {};
    return identifiers(stmt.substr(open + 1, close - open - 1));
}

/// Collects candidates that extend `prefix`, keeping the first of any duplicates.
class Ranked {
public:
    explicit Ranked(std::string_view prefix) : prefix_(prefix) {}
    void offer(const std::string& cand) {
        if (starts_with(cand, prefix_) && std::find(out_.begin(), out_.end(), cand) == out_.end()) {
            out_.push_back(cand);
        }
    }
    std::vector<std::string> take() { return std::move(out_); }

private:
    std::string_view prefix_;
    std::vector<std::string> out_;
};

// The words after `set` and `set format`, shared with completion_vocabulary().
constexpr const char* settings_words[] = {"format", "precision"};
constexpr const char* constant_words[] = {"pi"};

bool is_call_form(const HelpTopic& t) { return starts_with(t.usage, t.name + "("); }

/// Variables worth offering after `d/d`: the usual ones, the session's parameters, and
/// the free names typed in this statement.
std::vector<std::string> diff_variables(std::string_view stmt, const Session& session) {
    const Environment& env = session.environment();
    std::vector<std::string> vars = {"x", "y", "z", "t"};
    auto add = [&](const std::string& v) {
        if (std::find(vars.begin(), vars.end(), v) == vars.end()) vars.push_back(v);
    };
    for (const std::string& n : env.order()) {
        if (const FunctionBody* f = env.function(n)) {
            for (const std::string& p : f->params) add(p);
        }
    }
    for (const std::string& w : identifiers(stmt)) {
        if (w.size() < 2 || w[0] != 'd') {
            if (!env.is_function(w) && !env.is_value(w) && !find_function(w) && w != "at") add(w);
        }
    }
    return vars;
}

/// `d/dx`, `d^2/dx^2`, `∂/∂x` and `df/dx` forms extending `run`.
void offer_derivatives(std::string_view run, std::string_view stmt, const Session& session,
                       Ranked& out) {
    bool partial = starts_with(run, "∂");
    std::string d = partial ? "∂" : "d";
    for (const std::string& v : diff_variables(stmt, session)) {
        out.offer(d + "/" + d + v);
        if (starts_with(run, d + "^")) out.offer(d + "^2/" + d + v + "^2");
    }
    const Environment& env = session.environment();
    for (const std::string& n : env.order()) {
        std::vector<std::string> vars;
        if (const FunctionBody* f = env.function(n))
            vars = f->params;
        else if (auto v = env.value(n))
            vars = free_symbols(*v);
        for (const std::string& p : vars) out.offer(d + n + "/" + d + p);
    }
}

void offer_names(std::string_view stmt, bool statement_start, const Session& session, Ranked& out) {
    for (const std::string& p : typed_params(stmt)) out.offer(p);
    const Environment& env = session.environment();
    for (const std::string& n : env.order()) out.offer(env.is_function(n) ? n + "(" : n);
    for (const FunctionInfo& f : all_functions()) out.offer(std::string(f.name) + "(");
    for (const HelpTopic& t : help_topics()) {
        if (is_call_form(t)) out.offer(t.name + "(");
    }
    // Commands after the functions, in the table's order, which puts leaving last: TAB on
    // "ex" never offers "exit" first.
    if (statement_start) {
        for (const std::string& w : command_words()) out.offer(w);
    }
    for (const char* c : constant_words) out.offer(c);
}

/// Completion after a command word that takes words, not an expression; nullopt when
/// the statement is an expression (or an expression command).
std::optional<Completion> complete_command(const std::vector<std::string>& words,
                                           std::string_view word, std::size_t start,
                                           const Session& session) {
    if (words.empty()) return std::nullopt;
    const CommandInfo* cmd = find_command(words[0]);
    if (!cmd) return std::nullopt;
    Completion c;
    c.start = start;
    Ranked out(word);
    switch (cmd->args) {
        case CommandArgs::Expression:
            // `table ... to FILE`: the file name is the rest of the statement.
            if (cmd->grammar == CommandGrammar::Range && words.back() == "to") {
                c.files = true;
                return c;
            }
            return std::nullopt;
        case CommandArgs::Files: c.files = true; return c;
        case CommandArgs::Topics:
            if (words.size() == 1) {
                for (const HelpTopic& t : help_topics()) out.offer(t.name);
            }
            break;
        case CommandArgs::Settings:
            if (words.size() == 1) {
                for (const char* s : settings_words) out.offer(s);
            } else if (words.size() == 2 && words[1] == "format") {
                for (const Notation* n : notations()) out.offer(n->name());
            }
            break;
        case CommandArgs::Names:
            for (const std::string& n : session.environment().order()) {
                if (std::find(words.begin(), words.end(), n) == words.end()) out.offer(n);
            }
            break;
        case CommandArgs::Nothing: break;
    }
    c.candidates = out.take();
    return c;
}

}  // namespace

Completion complete(std::string_view line, std::size_t cursor, const Session& session) {
    cursor = std::min(cursor, line.size());
    std::string_view head = line.substr(0, cursor);
    std::size_t stmt_start = head.find_last_of(";\n");
    stmt_start = stmt_start == std::string_view::npos ? 0 : stmt_start + 1;
    std::string_view stmt = head.substr(stmt_start);
    Completion none{cursor, {}, false};
    if (stmt.find('#') != std::string_view::npos) return none;  // in a comment

    // Commands that take words: the word is everything after the last blank.
    std::size_t blank = stmt.find_last_of(" \t");
    std::size_t word_start = blank == std::string_view::npos ? 0 : blank + 1;
    std::vector<std::string> words = split_words(stmt.substr(0, word_start));
    if (auto c = complete_command(words, stmt.substr(word_start), stmt_start + word_start, session))
        return *c;

    // Expressions: the word is the identifier before the cursor, less leading digits (2si).
    std::size_t start = cursor;
    while (start > stmt_start && ident_char(line[start - 1])) --start;
    while (start < cursor && is_digit(line[start])) ++start;
    // A derivative form may hold '/' and '^': d/d, d^2/dx^, df/d.
    std::size_t run = start;
    while (run > stmt_start &&
           (ident_char(line[run - 1]) || line[run - 1] == '/' || line[run - 1] == '^'))
        --run;
    std::string_view run_text = line.substr(run, cursor - run);
    bool derivative = starts_with(run_text, "d") || starts_with(run_text, "∂");
    if (derivative && run_text.find('/') != std::string_view::npos) {
        Ranked out(run_text);
        offer_derivatives(run_text, stmt, session, out);
        Completion c{run, out.take(), false};
        if (!c.candidates.empty()) return c;
    }
    std::string_view word = line.substr(start, cursor - start);
    std::string before(line.substr(stmt_start, start - stmt_start));
    bool statement_start = before.find_first_not_of(" \t") == std::string::npos;
    Ranked out(word);
    if (word == "d" || word == "∂") {
        for (const std::string& n : session.environment().order()) {
            out.offer(session.environment().is_function(n) ? n + "(" : n);
        }
        offer_derivatives(word, stmt, session, out);
    }
    offer_names(stmt, statement_start, session, out);
    return {start, out.take(), false};
}

CompletionVocabulary completion_vocabulary() {
    CompletionVocabulary v;
    v.commands = command_words();
    for (const FunctionInfo& f : all_functions()) v.functions.emplace_back(f.name);
    for (const HelpTopic& t : help_topics()) {
        if (is_call_form(t) &&
            std::find(v.functions.begin(), v.functions.end(), t.name) == v.functions.end()) {
            v.functions.push_back(t.name);
        }
        v.topics.push_back(t.name);
    }
    v.settings.assign(std::begin(settings_words), std::end(settings_words));
    for (const Notation* n : notations()) v.formats.emplace_back(n->name());
    v.constants.assign(std::begin(constant_words), std::end(constant_words));
    return v;
}

}  // namespace dfdx
