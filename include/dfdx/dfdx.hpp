// libdfdx: dfdx's symbolic differentiation as a C++ library.
//
// The public API is this header alone: it names no type of dfdx's internals (they sit
// behind opaque handles), so the library can change inside without breaking callers.
// See docs/library.md.
//
//     dfdx::api::Expression f = dfdx::api::Expression::parse("x^2 sin(x)");
//     std::cout << f.derivative("x").simplified().to_string() << "\n";
//     // x^2*cos(x) + 2*x*sin(x)
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#if defined(_WIN32)
#define DFDX_API
#else
#define DFDX_API __attribute__((visibility("default")))
#endif

namespace dfdx::api {

/// The version of the library, "MAJOR.MINOR.PATCH".
DFDX_API std::string version();

/// How expressions are written: `plain` parses back to the same expression, `unicode`
/// is for reading (x²·cos(x)), `latex` for papers.
enum class Format { Plain, Unicode, Latex };

/// Every failure: bad syntax, an unknown name, a value outside a function's domain, a
/// computation past the library's limits. `line` and `column` (1-based, columns in bytes)
/// point into the text that was parsed or run; both are 0 when the error has no place.
class DFDX_API Error : public std::runtime_error {
public:
    Error(const std::string& message, int line, int column);
    [[nodiscard]] int line() const noexcept { return line_; }
    [[nodiscard]] int column() const noexcept { return column_; }

private:
    int line_;
    int column_;
};

/// A value at a point: exact when it has an exact form (`1/2`, `sqrt(2)/2`, `pi/6`),
/// and always a correctly rounded decimal.
struct Value {
    std::string exact;    ///< plain notation; for a value with no short exact form, the decimal
    std::string decimal;  ///< correctly rounded to the requested significant digits
};

/// An immutable expression. Copies are cheap (they share the node).
class DFDX_API Expression {
public:
    /// Reads `text` in dfdx's language with no definitions: `x^2 sin(x)`, `d/dx x^x`,
    /// `diff(f, x, 2)`-style forms included. Throws Error.
    static Expression parse(std::string_view text);

    /// The `order`-th derivative with respect to `variable` (as `d/dx` computes it,
    /// not yet simplified). Throws Error for a name that cannot be a variable.
    [[nodiscard]] Expression derivative(std::string_view variable, int order = 1) const;
    /// The textbook form dfdx prints results in (expanded, collected, cancelled).
    [[nodiscard]] Expression simplified() const;
    /// The expression with each named variable replaced by a value, read as dfdx text.
    [[nodiscard]] Expression substitute(const std::map<std::string, std::string>& values) const;
    /// The value at `point` (each free variable given a value, as dfdx text: "2", "1/3",
    /// "pi/4"), with the decimal to `precision` significant digits (1 to 10000). Throws
    /// Error when a variable has no value or the point is outside the domain.
    [[nodiscard]] Value evaluate(const std::map<std::string, std::string>& point,
                                 int precision = 15) const;

    [[nodiscard]] std::string to_string(Format format = Format::Plain) const;
    /// The free variables, alphabetically.
    [[nodiscard]] std::vector<std::string> variables() const;
    /// True when both are the same expression (structurally, after canonical ordering).
    [[nodiscard]] bool operator==(const Expression& other) const;

    Expression(const Expression& other);
    Expression(Expression&& other) noexcept;
    Expression& operator=(const Expression& other);
    Expression& operator=(Expression&& other) noexcept;
    ~Expression();

    struct Impl;

private:
    explicit Expression(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// What one call of Session::run produced, in order of the statements.
struct Output {
    std::vector<std::string> results;  ///< the lines the REPL would print on stdout
    std::vector<std::string> notes;    ///< hints and warnings (the REPL's notes)
    std::vector<Error> errors;         ///< failed statements; the others still ran
    [[nodiscard]] bool ok() const { return errors.empty(); }
};

/// A dfdx session, as at the prompt: definitions and settings persist between runs.
/// `save`, `load` and `quit` ask a host for files or an exit, which the library does not
/// do: they are reported as notes and otherwise ignored.
class DFDX_API Session {
public:
    Session();
    ~Session();
    Session(Session&& other) noexcept;
    Session& operator=(Session&& other) noexcept;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    /// Runs statements separated by newlines or ';'. Never throws Error: a failing
    /// statement is recorded in Output::errors and changes nothing.
    Output run(std::string_view statements);

    void set_format(Format format);
    /// Significant digits of decimal results, 1 to 10000 (std::invalid_argument else).
    void set_precision(int digits);
    /// The definitions and settings as a dfdx script that restores them.
    [[nodiscard]] std::string script() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace dfdx::api
