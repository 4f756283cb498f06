// Shared helpers of the unit tests: read an expression with no definitions, and run
// statements through a Session, collecting the printed lines.
#pragma once

#include <string>
#include <vector>

#include "expr/error.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"

namespace test_support {

/// The expression `text` stands for, resolved against an empty environment.
inline dfdx::Expr read(const std::string& text) {
    dfdx::Environment env;
    dfdx::ResolveContext ctx{env};
    return dfdx::resolve(*dfdx::parse_expression(text), ctx);
}

/// A Sink that keeps results and errors, and ignores requests.
class Lines : public dfdx::Sink {
public:
    std::vector<std::string> out;
    std::vector<dfdx::Error> errors;
    void result(const std::string& line) override { out.push_back(line); }
    void error(const dfdx::Error& e) override { errors.push_back(e); }
    void request(const dfdx::Request&) override {}
};

/// The lines `text` prints, or one line "error: MESSAGE" (or "error: CODE" when
/// `codes`) for its first error.
inline std::vector<std::string> run(dfdx::Session& s, const std::string& text, bool codes = false) {
    Lines sink;
    s.run(text, sink);
    if (!sink.errors.empty()) {
        return {std::string("error: ") +
                (codes ? dfdx::code_name(sink.errors[0].code()) : sink.errors[0].what())};
    }
    return sink.out;
}

}  // namespace test_support
