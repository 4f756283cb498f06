// TEMPORARY stub: table and plot are being written (issue 5).
#include "dfdx/commands.hpp"
#include "dfdx/error.hpp"

namespace dfdx {

std::vector<std::string> run_table(const Statement&, const Session&, std::vector<std::string>&, std::string&) {
    throw Error(ErrorCode::Type, "table is not available in this build yet");
}
std::vector<std::string> run_plot(const Statement&, const Session&, std::vector<std::string>&, std::string&, int) {
    throw Error(ErrorCode::Type, "plot is not available in this build yet");
}

}  // namespace dfdx
