// Scripts read a line at a time in bounded memory, and continuation lines joined into
// statements in time linear in their length (issue 16).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/lexer.hpp"

namespace dfdx::cli {

/// How far past max_input_bytes a line is skipped (read, not stored) to reach the next
/// line; a line longer than this ends the input (`dfdx < /dev/zero`).
inline constexpr std::size_t max_skipped_line = 64u << 20;

/// Lines of a file descriptor, read in pieces of 64 KiB. Memory stays bounded by
/// max_input_bytes whatever the input: a longer line is cut there.
class LineSource {
public:
    enum class Status {
        Line,     ///< a whole line (without its newline)
        TooLong,  ///< the first max_input_bytes + 1 bytes of a longer line; the rest skipped
        Endless,  ///< as TooLong, but the line went on past max_skipped_line: input ends
        End,      ///< no more input (end of file, a read error, or Ctrl-C during a load)
    };

    /// Reads from `fd` (not closed here).
    explicit LineSource(int fd) : fd_(fd), buffer_(1u << 16) {}

    /// The next line into `line`.
    Status next(std::string& line);

    /// The reason of a read error that ended the input (strerror text), or empty.
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    bool fill();

    int fd_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0, end_ = 0;
    bool done_ = false;
    std::string error_;
};

/// Joins lines into one statement while a bracket is open or a line ends in `\`. Each
/// line is scanned once, so a statement of N lines costs O(N), not O(N²).
class StatementJoiner {
public:
    /// Adds a line (the newline is added between lines).
    void add(std::string_view line);
    /// True while the statement goes on over the next line: a bracket is open or the last
    /// line that is not blank ends in `\`. False past max_input_bytes (the parser
    /// reports the limit).
    [[nodiscard]] bool unfinished() const;
    /// True while a bracket is open.
    [[nodiscard]] bool brackets_open() const { return depth_ > 0; }
    /// True when no line was added since the last clear.
    [[nodiscard]] bool empty() const { return lines_ == 0; }
    /// The statement so far (lines joined by '\n'); empty while discarding.
    [[nodiscard]] const std::string& text() const { return text_; }
    /// Keeps tracking where the statement ends but stores no more of it (a timed-out
    /// statement is skipped to its end).
    void discard() {
        discarding_ = true;
        text_.clear();
        text_.shrink_to_fit();
    }
    [[nodiscard]] bool discarding() const { return discarding_; }
    void clear();

private:
    std::string text_;
    std::size_t lines_ = 0;
    std::size_t size_ = 0;  ///< bytes joined so far, stored or not
    long depth_ = 0;
    bool backslash_ = false;
    bool discarding_ = false;
};

/// True when `line` ends in `\` (before any `#` comment and trailing blanks).
bool ends_in_backslash(std::string_view line);

}  // namespace dfdx::cli
