// Runs one benchmark job exactly once, for instruction counts under
// `valgrind --tool=callgrind` (steadier than wall time on a shared machine).
// Usage: dfdx_probe JOB...   (JOB: a workload name, or points, nested)
#include <cstdio>
#include <cstring>
#include <string>

#include "calculus/diff.hpp"
#include "print/print.hpp"
#include "session/session.hpp"
#include "workloads.hpp"

namespace {

class CountingSink : public dfdx::Sink {
public:
    void result(const std::string& line) override { bytes += line.size() + 1; }
    void error(const dfdx::Error& e) override { std::fprintf(stderr, "error: %s\n", e.what()); }
    void request(const dfdx::Request&) override {}
    std::size_t bytes = 0;
};

std::size_t run_job(const std::string& job) {
    using namespace dfdx;
    Session session;
    CountingSink sink;
    if (job == "points") {
        char buf[96];
        for (int i = 1; i <= 1000; ++i) {
            std::snprintf(buf, sizeof buf, "d/dx sin(x)*exp(x)/(1 + x^2) at x=%g", i / 1000.0);
            session.run(buf, sink);
        }
        return sink.bytes;
    }
    if (job.rfind("nested", 0) == 0) {
        int n = std::stoi(job.substr(6));
        return dag_size(diff(bench::nested_squares(n), "x"));
    }
    session.run(bench::workload(job).statement, sink);
    return sink.bytes;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) std::printf("%s %zu\n", argv[i], run_job(argv[i]));
    return 0;
}
