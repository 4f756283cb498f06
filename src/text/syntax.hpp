// The syntax tree: what the parser read, with spans, before names are resolved.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "expr/error.hpp"

namespace dfdx {

enum class SyntaxKind {
    Number,       ///< text: the literal
    Name,         ///< text: the normalized name
    Call,         ///< text: the name; kids: arguments
    PrimeCall,    ///< text: the name; primes: the derivative indices (1-based); kids: arguments
    Neg,          ///< kids[0]
    Sum,          ///< kids with `negated` per term
    Product,      ///< kids with `negated` meaning "divide by" per factor
    Power,        ///< kids[0] ^ kids[1]
    Vector,       ///< kids: elements
    Derivative,   ///< vars; kids[0]: the operand
    DerivativeOf  ///< text: the function or bound name; vars
};

struct DiffVar {
    std::string name;
    unsigned long long order = 1;
    Span span;
};

struct Syntax {
    SyntaxKind kind = SyntaxKind::Number;
    Span span;
    std::string text;
    std::vector<std::unique_ptr<Syntax>> kids;
    std::vector<bool> negated;
    std::vector<DiffVar> vars;
    std::vector<unsigned> primes;
};
using SyntaxPtr = std::unique_ptr<Syntax>;

struct Assignment {
    std::string name;
    Span name_span;
    SyntaxPtr value;
};

struct CommandInfo;  // text/commands.hpp

/// Every command (explain and table included) is a Command; its row of the command table
/// says which.
enum class StatementKind { Empty, Expr, Define, Bind, Command };

/// One statement. Which fields are set depends on the kind.
struct Statement {
    StatementKind kind = StatementKind::Empty;
    Span span;                             ///< the whole statement (for echo and errors)
    std::shared_ptr<const Syntax> expr;    ///< Expr, Define, Bind, a command of the Expression
                                           ///< grammar (shared: see ParseCache)
    std::vector<SyntaxPtr> exprs;          ///< a command of the Range grammar (table, plot)
    std::vector<Assignment> at;            ///< `at x=1, y=2`
    std::string name;                      ///< Define, Bind: the name; Command: the command word
    const CommandInfo* command = nullptr;  ///< a command's row of the command table
    Span name_span;
    std::vector<std::string> params;  ///< Define
    std::vector<std::string> words;   ///< Words grammar: the words after the command
    std::string rest;                 ///< Words grammar: the raw text after the command word
    SyntaxPtr by;                     ///< sensitivity: the nudge
    std::string var;                  ///< Range grammar: the variable
    SyntaxPtr lo, hi, step, points;   ///< Range grammar: the range and spacing
    std::string file;                 ///< Range grammar: `to FILE`
};

}  // namespace dfdx
