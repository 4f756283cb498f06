// The statements beyond plain evaluation: the chain-rule views (explain, backprop,
// sensitivity, check) and the range commands (table, plot). Each returns its lines.
#pragma once

#include <string>
#include <vector>

#include "text/syntax.hpp"
#include "views/context.hpp"

namespace dfdx {

/// explain d/dx EXPR: the derivation, step by step.
std::vector<std::string> run_explain(const Statement& st, const ViewContext& view,
                                     std::vector<std::string>& notes);
/// backprop EXPR at ...: the computation graph with values and adjoints, then the gradient.
std::vector<std::string> run_backprop(const Statement& st, const ViewContext& view,
                                      std::vector<std::string>& notes);
/// sensitivity EXPR at ... [by h]: each variable nudged, the change against the partial.
std::vector<std::string> run_sensitivity(const Statement& st, const ViewContext& view,
                                         std::vector<std::string>& notes);
/// check d/dx EXPR at ...: symbolic derivative against a central difference.
std::vector<std::string> run_check(const Statement& st, const ViewContext& view,
                                   std::vector<std::string>& notes);
/// table EXPR, ... for x in [a, b] ...: aligned rows, or CSV text when `to FILE` is given
/// (then `csv` receives the text and the lines are a one-line summary).
std::vector<std::string> run_table(const Statement& st, const ViewContext& view,
                                   std::vector<std::string>& notes, std::string& csv);
/// Where terminal plots go: the columns, and whether the terminal shows colour (the CLI
/// decides: --color, NO_COLOR, TERM=dumb, a terminal on stdout).
struct PlotTerminal {
    int width = 80;
    bool color = false;
};

/// plot EXPR, ... [for x in [a, b]]: braille lines for `term`, or with `to FILE` the
/// bytes of the file (SVG, PNG or PDF by its extension) in `file`.
std::vector<std::string> run_plot(const Statement& st, const ViewContext& view,
                                  std::vector<std::string>& notes, std::string& file,
                                  const PlotTerminal& term);

}  // namespace dfdx
