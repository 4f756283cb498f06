// The statements beyond plain evaluation: the chain-rule views (explain, backprop,
// sensitivity, check) and the range commands (table, plot). Each returns its lines.
#pragma once

#include <string>
#include <vector>

#include "views/context.hpp"
#include "text/syntax.hpp"

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
/// plot EXPR, ... for x in [a, b]: braille lines `width` columns wide, or SVG text.
std::vector<std::string> run_plot(const Statement& st, const ViewContext& view,
                                  std::vector<std::string>& notes, std::string& svg, int width);

}  // namespace dfdx
