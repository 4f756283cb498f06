// Whole jobs through Session::run, as the CLI runs them: a fresh session with one
// derivative, and the derivative at 10,000 points, one statement per point.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "session/session.hpp"
#include "workloads.hpp"

namespace dfdx::bench {

namespace {

class CountingSink : public Sink {
public:
    void result(const std::string& line) override { bytes += line.size() + 1; }
    void error(const Error& e) override { throw e; }
    void request(const Request&) override {}
    std::size_t bytes = 0;
};

/// `d/dx sin(x)*exp(x)/(1 + x^2) at x=X` for n points X = 0.001, 0.002, ...
std::vector<std::string> point_statements(int n) {
    std::vector<std::string> out;
    char buf[32];
    for (int i = 1; i <= n; ++i) {
        std::snprintf(buf, sizeof buf, "%g", i / 1000.0);
        out.push_back("d/dx sin(x)*exp(x)/(1 + x^2) at x=" + std::string(buf));
    }
    return out;
}

void BM_fresh_session_one_derivative(benchmark::State& state) {
    for (auto _ : state) {
        Session session;
        CountingSink sink;
        benchmark::DoNotOptimize(session.run("d/dx x^2*sin(x)", sink));
    }
}
BENCHMARK(BM_fresh_session_one_derivative)->Unit(benchmark::kMicrosecond);

void BM_points_one_statement_each(benchmark::State& state) {
    const auto statements = point_statements(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        Session session;
        CountingSink sink;
        for (const std::string& s : statements) session.run(s, sink);
        benchmark::DoNotOptimize(sink.bytes);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_points_one_statement_each)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_points_one_chunk(benchmark::State& state) {
    std::string chunk;
    for (const std::string& s : point_statements(static_cast<int>(state.range(0))))
        chunk += s + "\n";
    for (auto _ : state) {
        Session session;
        CountingSink sink;
        benchmark::DoNotOptimize(session.run(chunk, sink));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_points_one_chunk)->Arg(10000)->Unit(benchmark::kMillisecond);

/// `backprop w1*x1 + ... + wn*xn at w1=..., x1=..., ...`: n terms over 2n variables
/// (issue 4: 10,000 terms well under a second).
std::string backprop_statement(int n) {
    std::string sum, at;
    for (int i = 1; i <= n; ++i) {
        std::string k = std::to_string(i);
        sum += (i > 1 ? " + w" : "w") + k + "*x" + k;
        at += (i > 1 ? ", w" : "w") + k + "=" + std::to_string(i % 7 - 3) + ", x" + k + "=" +
              std::to_string(i % 5);
    }
    return "backprop " + sum + " at " + at;
}

void BM_backprop_sum_of_products(benchmark::State& state) {
    const std::string statement = backprop_statement(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        Session session;
        CountingSink sink;
        benchmark::DoNotOptimize(session.run(statement, sink));
        benchmark::DoNotOptimize(sink.bytes);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_backprop_sum_of_products)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

/// A script of n definitions `fN(x) = x^2 + N` in one chunk (issue 7: 100,000 of them;
/// each new name once scanned every earlier one). Time per definition should stay flat.
void BM_definitions(benchmark::State& state) {
    std::string script;
    for (int i = 0; i < state.range(0); ++i)
        script += "f" + std::to_string(i) + "(x) = x^2 + " + std::to_string(i) + "\n";
    for (auto _ : state) {
        Session session;
        CountingSink sink;
        benchmark::DoNotOptimize(session.run(script, sink));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_definitions)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

}  // namespace dfdx::bench
