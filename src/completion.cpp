// Completion candidates from the function table, the commands and the session.
#include "dfdx/completion.hpp"

#include <algorithm>
#include <set>

#include "dfdx/functions.hpp"
#include "dfdx/help.hpp"
#include "dfdx/parser.hpp"

namespace dfdx {

namespace {

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (static_cast<unsigned char>(c) & 0x80);
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

}  // namespace

Completion complete(std::string_view line, std::size_t cursor, const Session& session) {
    Completion c;
    cursor = std::min(cursor, line.size());
    std::size_t start = cursor;
    while (start > 0 && word_char(line[start - 1])) --start;
    c.start = start;
    std::string_view word = line.substr(start, cursor - start);
    // The statement the cursor is in starts after the last ';'.
    std::size_t stmt_start = line.rfind(';', start == 0 ? 0 : start - 1);
    stmt_start = stmt_start == std::string_view::npos ? 0 : stmt_start + 1;
    std::string before = trim(line.substr(stmt_start, start - stmt_start));
    std::string first_word = before.substr(0, before.find_first_of(" \t"));

    std::set<std::string> out;
    auto offer = [&](const std::string& cand) {
        if (starts_with(cand, word)) out.insert(cand);
    };
    bool after_to = before.size() >= 3 && before.substr(before.size() - 3) == " to";
    if ((first_word == "save" || first_word == "load") || after_to) {
        // File names: the caller lists them, from the start of the word after the command.
        std::size_t fs = start;
        while (fs > 0 && line[fs - 1] != ' ' && line[fs - 1] != '\t') --fs;
        c.start = fs;
        c.files = true;
        return c;
    }
    if (before == "set") {
        for (const char* s : {"format", "precision"}) offer(s);
    } else if (before == "set format") {
        for (const char* s : {"plain", "unicode", "latex"}) offer(s);
    } else if (before == "help") {
        for (const HelpTopic& t : help_topics()) offer(t.name);
    } else {
        if (before.empty()) {
            for (const std::string& w : command_words()) offer(w);
        }
        for (const FunctionInfo& f : all_functions()) offer(std::string(f.name) + "(");
        for (const char* s : {"diff(", "grad(", "hessian(", "jacobian(", "taylor(", "simplify(", "expand(",
                              "approx(", "pi"}) {
            offer(s);
        }
        const Environment& env = session.environment();
        for (const std::string& n : env.order()) {
            if (env.is_function(n)) {
                offer(n + "(");
                // d/dx after a defined function's name: df/dx for each parameter.
                for (const std::string& p : env.function(n)->params) offer("d" + n + "/d" + p);
            } else {
                offer(n);
            }
        }
        if (starts_with("d/d", word) || word == "d") {
            for (const char* v : {"d/dx", "d/dy", "d/dz", "d/dt"}) offer(v);
        }
    }
    c.candidates.assign(out.begin(), out.end());
    return c;
}

}  // namespace dfdx
