// dfdx: options, session, driver, exit status.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "driver.hpp"
#include "options.hpp"

int main(int argc, char** argv) {
    dfdx::cli::Options options;
    if (auto code = dfdx::cli::parse_options(argc, argv, options)) return *code;
    dfdx::Session session;
    dfdx::parse_format(options.format, session.settings().format);
    session.settings().precision = options.precision;
    dfdx::cli::Driver driver(options, session);
    const int code = driver.run();
#ifndef DFDX_KEEP_EXIT
    // All output is written (run flushes it). Freeing a large session node by node takes
    // longer than exiting, and the system takes the memory back anyway, so skip the
    // destructors. Sanitizer builds define DFDX_KEEP_EXIT, so their leak check still runs.
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
#endif
    return code;
}
