// dfdx: options, session, driver, exit status.
#include "driver.hpp"
#include "options.hpp"

int main(int argc, char** argv) {
    dfdx::cli::Options options;
    if (auto code = dfdx::cli::parse_options(argc, argv, options)) return *code;
    dfdx::Session session;
    dfdx::parse_format(options.format, session.settings().format);
    session.settings().precision = options.precision;
    dfdx::cli::Driver driver(options, session);
    return driver.run();
}
