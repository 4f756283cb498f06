// The driver: feeds scripts, -e statements and the prompt into a Session, renders what
// comes back, carries out its requests (save, load, files) and keeps the exit status.
#pragma once

#include <string>
#include <vector>

#include "cli/json_output.hpp"
#include "cli/line_source.hpp"
#include "cli/options.hpp"
#include "session/session.hpp"

namespace dfdx::cli {

class Driver : public Sink {
public:
    Driver(const Options& options, Session& session);

    /// Runs what the options ask for; returns the exit status.
    int run();

    // Sink
    void begin(std::string_view text) override;
    void result(const std::string& line) override;
    [[nodiscard]] bool wants_forms() const override { return json(); }
    void value(const Shown& shown) override;
    void note(const std::string& text) override;
    void error(const Error& e) override;
    void end() override;
    void request(const Request& r) override;
    bool keep_going() override;

private:
    bool run_stream(int fd, const std::string& name);
    void run_chunk(std::string_view chunk, const std::string& name, std::size_t first_line);
    /// A statement that ends in an error of the driver's own (no session run).
    void run_error(std::string_view chunk, const std::string& name, std::size_t first,
                   std::string_view shown, const Error& e);
    /// The input ended inside a statement: an open bracket or a trailing `\`.
    void finish_unfinished(const StatementJoiner& joiner, const std::string& name,
                           std::size_t first);
    void interactive();
    bool run_file(const std::string& path);
    /// `load FILE`: runs the file as a script; its errors name it.
    void load(const std::string& path);
    void fail_io(const std::string& message);
    /// The statement being run writes JSON (--format json, set format json).
    [[nodiscard]] bool json() const { return !statements_.empty() && statements_.back().json; }

    const Options& options_;
    Session& session_;
    bool color_ = false;
    bool interactive_mode_ = false;
    bool failed_ = false;
    std::size_t failures_ = 0;  ///< statements that failed so far (a load reports its own)
    bool stopped_ = false;
    bool quit_ = false;
    bool output_lost_ = false;  ///< a write to stdout failed: no statement runs after it
    int load_depth_ = 0;
    /// The statements begun and not yet ended: more than one while `load` runs a file.
    /// Each is written in the format the session had when it began, so that `set format
    /// json` and `set format plain` answer in the format they were typed in.
    struct Running {
        bool json = false;
        JsonStatement out;  ///< what it printed, when json
    };
    std::vector<Running> statements_;
    // The chunk being run, for locating errors.
    std::string_view chunk_;
    std::string name_;
    std::size_t first_line_ = 1;
};

}  // namespace dfdx::cli
