// Bounded line reading and linear joining of continuation lines (issue 16): a script
// with no newline never grows memory past the input limit, and a statement of N lines
// is scanned once instead of once per line.
#include "cli/line_source.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/interrupt.hpp"

namespace dfdx::cli {

bool LineSource::fill() {
    if (done_) return false;
    for (;;) {
        ssize_t n = read(fd_, buffer_.data(), buffer_.size());
        if (n > 0) {
            begin_ = 0;
            end_ = static_cast<std::size_t>(n);
            return true;
        }
        if (n < 0 && errno == EINTR && !interrupted()) continue;
        if (n < 0 && errno != EINTR) error_ = std::strerror(errno);
        done_ = true;
        return false;
    }
}

LineSource::Status LineSource::next(std::string& line) {
    line.clear();
    bool any = false;
    std::size_t skipped = 0;  // bytes read past the limit and dropped
    for (;;) {
        if (begin_ == end_ && !fill()) break;
        any = true;
        const char* start = buffer_.data() + begin_;
        std::size_t avail = end_ - begin_;
        const void* nl = std::memchr(start, '\n', avail);
        std::size_t take =
            nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : avail;
        std::size_t room = max_input_bytes + 1 - line.size();
        std::size_t kept = take < room ? take : room;
        line.append(start, kept);
        skipped += take - kept;
        begin_ += take;
        if (nl) {
            ++begin_;  // the newline
            break;
        }
        if (skipped > max_skipped_line) {
            done_ = true;  // never read this input again
            return Status::Endless;
        }
    }
    if (!any) return Status::End;
    return line.size() > max_input_bytes ? Status::TooLong : Status::Line;
}

bool ends_in_backslash(std::string_view line) {
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    return !line.empty() && line.back() == '\\';
}

void StatementJoiner::add(std::string_view line) {
    if (lines_ > 0) ++size_;
    size_ += line.size();
    if (!discarding_) {
        if (lines_ > 0) text_ += '\n';
        text_ += line;
    }
    ++lines_;
    if (size_ > max_input_bytes) return;  // no more scanning: the statement ends here
    depth_ = bracket_depth(line, depth_);
    // A blank line keeps the backslash of the line before it (as the whole chunk did).
    if (line.find_first_not_of(" \t\r") != std::string_view::npos)
        backslash_ = ends_in_backslash(line);
}

bool StatementJoiner::unfinished() const {
    if (size_ > max_input_bytes) return false;
    return depth_ > 0 || backslash_;
}

void StatementJoiner::clear() {
    text_.clear();
    if (text_.capacity() > (1u << 20)) text_.shrink_to_fit();
    lines_ = 0;
    size_ = 0;
    depth_ = 0;
    backslash_ = false;
    discarding_ = false;
}

}  // namespace dfdx::cli
