// A dfdx session: the definitions and settings, and the statements run against them.
// Pure: results, notes, errors and requests for I/O (save, load, files) go to a Sink.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "calculus/diff.hpp"
#include "expr/error.hpp"
#include "numbers/domain_guard.hpp"
#include "print/print.hpp"
#include "resolve/environment.hpp"
#include "resolve/present.hpp"
#include "resolve/settings.hpp"
#include "text/parser.hpp"
#include "text/syntax.hpp"
#include "views/commands.hpp"
#include "views/context.hpp"

namespace dfdx {

/// Work the session asks its host to do: it never touches files itself.
struct Request {
    enum class Kind { Quit, Save, Load, WriteFile } kind = Kind::Quit;
    std::string path;
    std::string content;  ///< Save, WriteFile: the text to write
};

/// The decimal value of a result: a number's digits, or a list of them for a vector (a
/// matrix is a list of lists).
struct ShownValue {
    std::string number;             ///< when !is_list: the decimal ("0.5", "1.5e-10")
    std::vector<ShownValue> items;  ///< when is_list
    bool is_list = false;
};

/// A statement's one result in every form a program may want (--format json): as the
/// session's notation prints it, in LaTeX, and its decimal value when it is a number.
struct Shown {
    std::string text;                 ///< what result() would get
    std::string latex;                ///< the same in LaTeX
    std::optional<ShownValue> value;  ///< empty when the result is not a number
};

/// Receives what statements produce, in order.
class Sink {
public:
    virtual ~Sink() = default;
    /// A statement is about to run; `text` is its source (for --echo).
    virtual void begin(std::string_view text) { (void)text; }
    virtual void result(const std::string& line) = 0;
    /// Whether value() wants the LaTeX and decimal forms too; they cost a second printing,
    /// so the session makes them only for a sink that asks (the JSON output).
    [[nodiscard]] virtual bool wants_forms() const { return false; }
    /// The statement's one result (an expression's value, a definition, a binding), in the
    /// forms wants_forms() asked for; by default printed as a line.
    virtual void value(const Shown& shown) { result(shown.text); }
    virtual void note(const std::string& text) { (void)text; }
    /// The statement failed; the span is relative to the chunk passed to run().
    virtual void error(const Error& e) = 0;
    /// The statement begun last is over (after its results, notes or error).
    virtual void end() {}
    virtual void request(const Request& r) = 0;
    /// Asked before each statement; false stops the chunk (quit, --stop-on-error).
    virtual bool keep_going() { return true; }
};

class Session {
public:
    /// Runs every statement of one chunk (a line, or several joined by continuation).
    /// Returns false when any statement failed. A failed statement changes nothing.
    bool run(std::string_view chunk, Sink& sink);

    Settings& settings() { return settings_; }
    /// Width in columns of terminal plots (80 when not on a terminal).
    void set_plot_width(int columns) { plot_terminal_.width = columns; }
    /// Whether terminal plots draw each curve in its own colour (off by default: the
    /// host turns it on only for a colour terminal).
    void set_plot_color(bool on) { plot_terminal_.color = on; }
    [[nodiscard]] const Settings& settings() const { return settings_; }
    [[nodiscard]] const Environment& environment() const { return env_; }

    /// The definitions and settings as a dfdx script that restores them (for save).
    [[nodiscard]] std::string script() const;

    /// A value as the session prints results: exact when rational or a short closed form
    /// (`sqrt(2)/2`, `pi/6`), else a correctly rounded decimal when numeric, symbolic
    /// otherwise.
    [[nodiscard]] std::string show(const Expr& e, bool force_decimal = false,
                                   const std::vector<std::string>& leading = {}) const {
        return present_.show(e, settings_, force_decimal, leading);
    }

private:
    void execute(const Statement& st, std::string_view chunk, Sink& sink);
    /// Every command, by its id in the command table (text/commands.hpp).
    void command(const Statement& st, Sink& sink);
    void clear(const Statement& st, Sink& sink);
    void define(const Statement& st, Sink& sink);
    void bind(const Statement& st, Sink& sink);
    void set(const Statement& st, Sink& sink);
    Bindings point_of(const std::vector<Assignment>& at, std::vector<std::string>& notes);
    /// Hands a statement's one result to the sink; `forms` fills in the LaTeX form and the
    /// value, called only when the sink wants them.
    template <class Forms>
    void hand_over(Sink& sink, std::string text, Forms forms) const;
    /// e as decimals (a list for a vector), or nothing when it is not a number.
    [[nodiscard]] std::optional<ShownValue> decimal_value(const Expr& e) const;
    /// The settings with another format, to show a result in LaTeX or plain.
    [[nodiscard]] Settings in_format(Format f) const {
        Settings s = settings_;
        s.format = f;
        return s;
    }

    [[nodiscard]] Expr textbook(const Expr& e) const { return present_.textbook(e); }

private:
    /// What the views read: the environment, the settings, and how values are shown.
    [[nodiscard]] ViewContext view() const { return {env_, settings_, present_}; }

    Environment env_;
    Settings settings_;
    DerivativeMemo memo_;
    /// The last expression statement's resolved value, by its text and the environment's
    /// version: a script asking for one derivative at many points resolves it once.
    struct Resolved {
        std::string text;
        std::vector<std::string> point_names;  ///< the names after `at`: part of the reading
        std::uint64_t version = 0;
        Expr value;
        std::shared_ptr<const DomainGuard> guard;  ///< what it differentiates, checked at points
    } resolved_;
    Presenter present_;       ///< how values are shown; textbook forms remembered by value
    ParseCache parse_cache_;  ///< and its text is parsed once (parser.hpp)
    PlotTerminal plot_terminal_;
};

}  // namespace dfdx
