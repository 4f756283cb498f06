// The command table. The order is help's order; the usage, summary and example are what
// `help COMMAND` prints, so they are written for the user, not for the parser.
#include "text/commands.hpp"

namespace dfdx {

namespace {

using G = CommandGrammar;
using A = CommandArgs;

const std::vector<CommandInfo> kCommands = {
    {CommandId::Explain, "explain", "", G::Expression, "", false, A::Expression,
     "explain d/dx EXPR", "the derivation step by step: rule at each node, chain products",
     "explain d/dx sin(x^2)"},
    {CommandId::Backprop, "backprop", "", G::Expression,
     "'at' and the point, as in 'backprop ... at x=1'", false, A::Expression,
     "backprop EXPR at x=..., ...",
     "computation graph with forward values and adjoints from one reverse pass, then the gradient",
     "backprop (x + y) z at x=1, y=2, z=3"},
    {CommandId::Sensitivity, "sensitivity", "", G::Expression,
     "'at' and the base point, as in 'sensitivity f at x=1'", true, A::Expression,
     "sensitivity f at w=-2, x=5, b=3 [by h]",
     "each variable nudged by one unit (or h): new value, change and partial derivative",
     "f(w, x, b) = wx + b; sensitivity f at w=-2, x=5, b=3"},
    {CommandId::Check, "check", "", G::Expression, "'at' and the point, as in 'check ... at x=1'",
     false, A::Expression, "check d/dx EXPR at x=...",
     "symbolic derivative against a central finite difference", "check d/dx sin(x) at x=1"},
    {CommandId::Table, "table", "", G::Range, "", false, A::Expression,
     "table EXPR, ... for x in [a, b] step h | with n points [to FILE.csv | to -]",
     "values at evenly spaced points, aligned, or written as CSV (to - : on standard output)",
     "table sin(x), cos(x) for x in [0, 1] step 0.25"},
    {CommandId::Plot, "plot", "", G::Range, "", false, A::Expression,
     "plot EXPR, ... [for x in [a, b]] [to FILE.svg|.png|.pdf]",
     "curves in the terminal (braille, a colour each) or as a picture; without 'for', [-10, 10]",
     "plot sin(x), cos(x) for x in [-pi, pi]"},
    {CommandId::Vars, "vars", "", G::Words, "", false, A::Nothing, "vars", "list the bound names",
     "a = 3; vars"},
    {CommandId::Funcs, "funcs", "", G::Words, "", false, A::Nothing, "funcs",
     "list the defined functions", "f(x) = x^2; funcs"},
    {CommandId::Clear, "clear", "", G::Words, "", false, A::Names, "clear NAME..., clear all",
     "remove the named definitions, or all of them; says what it removed", "a = 3; clear a"},
    {CommandId::Set, "set", "", G::Words, "", false, A::Settings,
     "set format plain|unicode|latex|json, set precision N", "change a setting; 'set' shows them",
     "set format unicode; d/dx x^3"},
    {CommandId::Save, "save", "", G::Words, "", false, A::Files, "save FILE",
     "write the definitions and settings as a dfdx script (atomically)", "save session.dfdx"},
    {CommandId::Load, "load", "", G::Words, "", false, A::Files, "load FILE",
     "run a dfdx script, as 'dfdx FILE' would", "load session.dfdx"},
    {CommandId::Help, "help", "", G::Words, "", false, A::Topics, "help, help TOPIC",
     "list the topics, or explain one", "help grad"},
    {CommandId::Quit, "quit", "exit", G::Words, "", false, A::Nothing, "quit, exit, Ctrl-D",
     "leave dfdx (Ctrl-C abandons a long computation)", "quit"},
};

}  // namespace

const std::vector<CommandInfo>& all_commands() { return kCommands; }

const CommandInfo* find_command(std::string_view word) {
    if (word.empty()) return nullptr;
    for (const CommandInfo& c : kCommands) {
        if (c.word == word || c.alias == word) return &c;
    }
    return nullptr;
}

const std::vector<std::string>& command_words() {
    static const std::vector<std::string> words = [] {
        std::vector<std::string> w;
        for (const CommandInfo& c : kCommands) w.emplace_back(c.word);
        for (const CommandInfo& c : kCommands) {
            if (!c.alias.empty()) w.emplace_back(c.alias);
        }
        return w;
    }();
    return words;
}

}  // namespace dfdx
