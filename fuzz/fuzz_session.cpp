// libFuzzer target over the whole pipeline: Session::run on the input (parse, resolve,
// differentiate, simplify, evaluate, print), then for every statement that succeeded,
// its value printed in plain must parse and resolve back to the same node.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calculus/substitute.hpp"
#include "expr/construct.hpp"
#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"

namespace {

using namespace dfdx;

/// Seconds a statement may run before it ends with Error(Timeout), as with --timeout.
constexpr double kStatementSeconds = 2.0;

void arm_deadline() {
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
    set_deadline(ns + static_cast<std::int64_t>(kStatementSeconds * 1e9));
}

[[noreturn]] void mismatch(const std::string& what, const std::string& printed,
                           const std::string& detail) {
    std::fprintf(stderr, "dfdx_fuzz: round trip failed (%s)\n  printed: %s\n  %s\n", what.c_str(),
                 printed.substr(0, 2000).c_str(), detail.substr(0, 2000).c_str());
    std::abort();
}

/// Errors that may legitimately end a re-parse of printed text: limits and the clock.
bool tolerated(const Error& e) {
    return e.code() == ErrorCode::Limit || e.code() == ErrorCode::Timeout;
}

/// print(v) in plain must read back as v, in a session with no definitions
/// (with `params` as a definition's parameters when given).
void check_round_trip(const Expr& v, const std::vector<std::string>* params,
                      const std::string& what) {
    std::string printed;
    try {
        printed = print(v);
        print(v, {Format::Unicode, {}});
        print(v, {Format::Latex, {}});
    } catch (const Error& e) {
        if (tolerated(e)) return;
        mismatch(what, "(printing failed)", e.what());
    }
    Environment empty;
    Expr back;
    try {
        SyntaxPtr syntax = parse_expression(printed);
        ResolveContext ctx{empty, params, {}, nullptr};
        back = resolve(*syntax, ctx);
    } catch (const Error& e) {
        if (tolerated(e)) return;
        mismatch(what, printed, std::string("error: ") + e.what());
    }
    // Printed text reads back flat: a long sum nested whole in v (construct.hpp) is opened.
    if (!(back == flatten_sums(v))) {
        std::string shown;
        try {
            shown = print(back);
        } catch (const Error& e) {
            shown = e.what();
        }
        mismatch(what, printed, "read back as: " + shown);
    }
}

/// Discards output; after each statement that succeeded, checks its value's round trip.
class CheckingSink : public Sink {
public:
    CheckingSink(const Session& session, std::vector<ParsedStatement> statements)
        : session_(session), statements_(std::move(statements)) {}

    void begin(std::string_view) override {
        finish_previous();
        arm_deadline();
        failed_ = false;
        ++index_;
    }
    void result(const std::string&) override {}
    void error(const Error&) override { failed_ = true; }
    void request(const Request&) override {}

    /// Runs the check of the last statement (call after Session::run returns).
    void finish_previous() {
        if (index_ > 0 && !failed_ && index_ <= statements_.size()) {
            arm_deadline();
            check(statements_[index_ - 1]);
        }
    }

private:
    void check(const ParsedStatement& ps) {
        if (ps.error) return;
        const Statement& st = ps.statement;
        const Environment& env = session_.environment();
        try {
            switch (st.kind) {
                case StatementKind::Expr: return check_value(st, env);
                case StatementKind::Bind:
                    if (auto v = env.value(st.name))
                        check_round_trip(*v, nullptr, "binding " + st.name);
                    return;
                case StatementKind::Define:
                    if (const FunctionBody* f = env.function(st.name)) {
                        check_round_trip(f->body, &f->params, "body of " + st.name);
                    }
                    return;
                case StatementKind::Empty:
                case StatementKind::Command: return;
            }
        } catch (const Error&) {
            // Re-resolving hit the clock or a limit the statement itself escaped by luck.
        }
    }

    // The value the statement printed, computed again as Session::execute does.
    void check_value(const Statement& st, const Environment& env) {
        const Syntax* body = st.expr.get();
        if (body->kind == SyntaxKind::Call && body->text == "approx") return;
        ResolveContext ctx{env, nullptr, {}, nullptr};
        Expr v = env.expand(resolve(*body, ctx));
        if (!st.at.empty()) {
            Bindings point;
            for (const Assignment& a : st.at) point[a.name] = env.expand(resolve(*a.value, ctx));
            v = substitute(v, point);
        }
        check_round_trip(v, nullptr, "value");
    }

    const Session& session_;
    std::vector<ParsedStatement> statements_;
    std::size_t index_ = 0;
    bool failed_ = false;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    Session session;
    CheckingSink sink(session, parse_chunk(input));
    arm_deadline();
    session.run(input, sink);
    sink.finish_previous();
    set_deadline(0);
    return 0;
}
