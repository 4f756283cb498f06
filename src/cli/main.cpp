// dfdx: options, session, driver, exit status.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/driver.hpp"
#include "cli/files.hpp"
#include "cli/options.hpp"

int main(int argc, char** argv) {
    dfdx::cli::Options options;
    if (auto code = dfdx::cli::parse_options(argc, argv, options)) return *code;
    dfdx::Session session;
    dfdx::parse_format(options.format, session.settings().format);
    session.settings().precision = options.precision;
    dfdx::cli::Driver driver(options, session);
    // A result that could not be written is a failure (exit 1 with the reason).
    const int code = dfdx::cli::finish_stdout(driver.run());
#ifndef DFDX_KEEP_EXIT
    // All output is written (finish_stdout flushed and closed stdout). Freeing a large
    // session node by node takes longer than exiting, and the system takes the memory
    // back anyway, so skip the destructors. Sanitizer builds define DFDX_KEEP_EXIT, so
    // their leak check still runs.
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
#endif
    return code;
}
