// TEMPORARY stub: the chain-rule views are being written (issue 4).
#include "dfdx/commands.hpp"
#include "dfdx/error.hpp"

namespace dfdx {

namespace {
[[noreturn]] void not_yet(const char* what) {
    throw Error(ErrorCode::Type, std::string(what) + " is not available in this build yet");
}
}  // namespace

std::vector<std::string> run_explain(const Statement&, const Session&, std::vector<std::string>&) { not_yet("explain"); }
std::vector<std::string> run_backprop(const Statement&, const Session&, std::vector<std::string>&) { not_yet("backprop"); }
std::vector<std::string> run_sensitivity(const Statement&, const Session&, std::vector<std::string>&) { not_yet("sensitivity"); }
std::vector<std::string> run_check(const Statement&, const Session&, std::vector<std::string>&) { not_yet("check"); }

}  // namespace dfdx
