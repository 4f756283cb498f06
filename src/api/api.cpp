// libdfdx: the public API (include/dfdx/dfdx.hpp) over the stages. Every internal type
// stays in here; the shared library exports only what that header declares.
#include <dfdx/dfdx.hpp>

#include <mutex>

#include "calculus/diff.hpp"
#include "calculus/simplify.hpp"
#include "calculus/substitute.hpp"
#include "expr/error.hpp"
#include "expr/expr.hpp"
#include "numbers/decimal.hpp"
#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "resolve/resolve.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"

#ifndef DFDX_VERSION
#define DFDX_VERSION "0.1.0"
#endif

namespace dfdx::api {

namespace {

// The expression table (expr/intern.cpp) is one per process and unsynchronised, and an
// Expr's reference count is a plain integer: every call, even copying or dropping an
// expression, holds this lock, so callers on several threads are serialised rather than
// racing (the core's other caches and the FLINT loader are then serialised too).
// Recursive: a call may drop expressions while it holds the lock.
std::recursive_mutex& table_lock() {
    // Never destroyed, like the table: a caller's static Expression may die after it.
    static auto* m = new std::recursive_mutex;
    return *m;
}
using Lock = std::lock_guard<std::recursive_mutex>;

/// An internal error as the public type, its byte offset turned into a line and column
/// of `text`.
Error public_error(const dfdx::Error& e, std::string_view text) {
    const Span span = e.span();
    if (span.empty() && span.begin == 0) return Error(e.what(), 0, 0);
    int line = 1, column = 1;
    for (std::size_t i = 0; i < span.begin && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return Error(e.what(), line, column);
}

/// Runs `f`, turning internal errors about `text` into the public type.
template <class F>
auto translating(std::string_view text, F&& f) {
    try {
        return f();
    } catch (const dfdx::Error& e) {
        throw public_error(e, text);
    }
}

Expr read(std::string_view text) {
    Environment env;
    ResolveContext ctx{env};
    return translating(text, [&] { return resolve(*parse_expression(text), ctx); });
}

dfdx::Format internal(Format f) {
    switch (f) {
        case Format::Plain: return dfdx::Format::Plain;
        case Format::Unicode: return dfdx::Format::Unicode;
        case Format::Latex: return dfdx::Format::Latex;
    }
    return dfdx::Format::Plain;
}

Bindings bindings(const std::map<std::string, std::string>& values) {
    Environment env;
    Bindings out;
    for (const auto& [name, text] : values) {
        translating(name, [&] { check_variable(name, env, {}); });
        out.emplace(name, read(text));
    }
    return out;
}

}  // namespace

std::string version() { return DFDX_VERSION; }

Error::Error(const std::string& message, int line, int column)
    : std::runtime_error(message), line_(line), column_(column) {}

struct Expression::Impl {
    Expr e;
};

Expression::Expression(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Expression::Expression(const Expression& other) {
    Lock lock(table_lock());
    if (other.impl_)
        impl_ = std::make_unique<Impl>(*other.impl_);  // a moved-from one copies as empty
}

Expression::Expression(Expression&& other) noexcept = default;

Expression& Expression::operator=(const Expression& other) {
    if (this != &other) {
        Lock lock(table_lock());
        impl_ = other.impl_ ? std::make_unique<Impl>(*other.impl_) : nullptr;
    }
    return *this;
}

Expression& Expression::operator=(Expression&& other) noexcept {
    Lock lock(table_lock());
    impl_ = std::move(other.impl_);
    return *this;
}

Expression::~Expression() {
    Lock lock(table_lock());
    impl_.reset();
}

Expression Expression::parse(std::string_view text) {
    Lock lock(table_lock());
    return Expression(std::make_unique<Impl>(Impl{read(text)}));
}

Expression Expression::derivative(std::string_view variable, int order) const {
    Lock lock(table_lock());
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Expression");
    if (order < 0) throw std::invalid_argument("dfdx: a derivative's order is 0 or more");
    std::string var(variable);
    return translating(variable, [&] {
        check_variable(var, Environment{}, {});
        return Expression(std::make_unique<Impl>(
            Impl{diff(impl_->e, var, static_cast<unsigned long long>(order))}));
    });
}

Expression Expression::simplified() const {
    Lock lock(table_lock());
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Expression");
    return translating(
        "", [&] { return Expression(std::make_unique<Impl>(Impl{simplify(impl_->e)})); });
}

Expression Expression::substitute(const std::map<std::string, std::string>& values) const {
    Lock lock(table_lock());
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Expression");
    Bindings b = bindings(values);
    return translating("", [&] {
        return Expression(std::make_unique<Impl>(Impl{dfdx::substitute(impl_->e, b)}));
    });
}

Value Expression::evaluate(const std::map<std::string, std::string>& point, int precision) const {
    Lock lock(table_lock());
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Expression");
    if (precision < 1 || precision > max_precision) {
        throw std::invalid_argument("dfdx: precision is 1 to " + std::to_string(max_precision) +
                                    " digits");
    }
    Bindings b = bindings(point);
    return translating("", [&] {
        Expr v = dfdx::substitute(impl_->e, b);
        auto missing = free_symbols(v);
        if (!missing.empty()) {
            throw dfdx::Error(ErrorCode::Type,
                              "no value for " + missing[0] + " (give it in the point)");
        }
        // The session's rules for showing a value: exact when short, else the decimal.
        dfdx::Session shower;
        shower.settings().precision = precision;
        return Value{shower.show(v), shower.show(v, true)};
    });
}

std::string Expression::to_string(Format format) const {
    Lock lock(table_lock());
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Expression");
    return print(impl_->e, PrintOptions{internal(format), {}});
}

std::vector<std::string> Expression::variables() const {
    Lock lock(table_lock());
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Expression");
    return free_symbols(impl_->e);
}

bool Expression::operator==(const Expression& other) const {
    Lock lock(table_lock());
    if (!impl_ || !other.impl_) return !impl_ && !other.impl_;
    return impl_->e == other.impl_->e;
}

namespace {

/// Collects what the session produces for one run.
class Collector : public dfdx::Sink {
public:
    Collector(Output& out, std::string_view text) : out_(out), text_(text) {}
    void result(const std::string& line) override { out_.results.push_back(line); }
    void note(const std::string& text) override { out_.notes.push_back(text); }
    void error(const dfdx::Error& e) override { out_.errors.push_back(public_error(e, text_)); }
    void request(const Request& r) override {
        switch (r.kind) {
            case Request::Kind::Quit: out_.notes.push_back("quit: ignored by the library"); break;
            case Request::Kind::Save:
            case Request::Kind::Load:
            case Request::Kind::WriteFile:
                out_.notes.push_back("not done: the library writes and reads no files (" + r.path +
                                     ")");
                break;
        }
    }

private:
    Output& out_;
    std::string_view text_;
};

}  // namespace

struct Session::Impl {
    dfdx::Session session;
};

Session::Session() {
    Lock lock(table_lock());
    impl_ = std::make_unique<Impl>();
}

Session::~Session() {
    Lock lock(table_lock());
    impl_.reset();
}

Session::Session(Session&& other) noexcept = default;

Session& Session::operator=(Session&& other) noexcept {
    Lock lock(table_lock());
    impl_ = std::move(other.impl_);
    return *this;
}

Output Session::run(std::string_view statements) {
    Lock lock(table_lock());
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Session");
    Output out;
    Collector sink(out, statements);
    impl_->session.run(statements, sink);
    return out;
}

void Session::set_format(Format format) {
    Lock lock(table_lock());  // as every call: a session may be shared between threads
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Session");
    impl_->session.settings().format = internal(format);
}

void Session::set_precision(int digits) {
    Lock lock(table_lock());
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Session");
    if (digits < 1 || digits > max_precision) {
        throw std::invalid_argument("dfdx: precision is 1 to " + std::to_string(max_precision) +
                                    " digits");
    }
    impl_->session.settings().precision = digits;
}

std::string Session::script() const {
    Lock lock(table_lock());
    if (!impl_) throw std::logic_error("dfdx: use of a moved-from Session");
    return impl_->session.script();
}

}  // namespace dfdx::api
