// Each standard workload stage by stage: parse, build (parse + resolve), differentiate,
// simplify, evaluate, print, and the whole statement through a Session.
#include <benchmark/benchmark.h>

#include "calculus/simplify.hpp"
#include "print/print.hpp"
#include "session/session.hpp"
#include "text/parser.hpp"
#include "workloads.hpp"

namespace dfdx::bench {

namespace {

/// A Sink that keeps only the size of the output, so printing is measured, not I/O.
class CountingSink : public Sink {
public:
    void result(const std::string& line) override { bytes += line.size() + 1; }
    void error(const Error& e) override { throw e; }
    void request(const Request&) override {}
    std::size_t bytes = 0;
};

void parse_stage(benchmark::State& state, const Workload& w) {
    for (auto _ : state) benchmark::DoNotOptimize(parse_chunk(w.statement));
    state.counters["chars"] = static_cast<double>(w.statement.size());
}

void build_stage(benchmark::State& state, const Workload& w) {
    for (auto _ : state) benchmark::DoNotOptimize(build(w.function));
    state.counters["dag"] = static_cast<double>(dag_size(build(w.function)));
}

void diff_stage(benchmark::State& state, const Workload& w) {
    const Expr f = build(w.function);
    for (auto _ : state) benchmark::DoNotOptimize(w.derive(f));
    state.counters["dag"] = static_cast<double>(dag_size(w.derive(f)));
}

void simplify_stage(benchmark::State& state, const Workload& w) {
    const Expr d = w.derive(build(w.function));
    for (auto _ : state) benchmark::DoNotOptimize(simplify(d));
}

void eval_stage(benchmark::State& state, const Workload& w) {
    const Expr d = w.derive(build(w.function));
    for (auto _ : state) benchmark::DoNotOptimize(evaluate_all(d, w.point));
}

void print_stage(benchmark::State& state, const Workload& w) {
    const Expr d = w.derive(build(w.function));
    std::size_t chars = 0;
    for (auto _ : state) {
        std::string s = print(d);
        chars = s.size();
        benchmark::DoNotOptimize(s);
    }
    state.counters["chars"] = static_cast<double>(chars);
}

// A fresh session each time: one that had run the statement would answer from its
// caches (the resolved value, the derivative memo) and only print.
void statement_stage(benchmark::State& state, const Workload& w) {
    CountingSink sink;
    for (auto _ : state) {
        Session session;
        benchmark::DoNotOptimize(session.run(w.statement, sink));
    }
    state.counters["out_bytes"] =
        benchmark::Counter(static_cast<double>(sink.bytes), benchmark::Counter::kAvgIterations);
}

using Stage = void (*)(benchmark::State&, const Workload&);

const bool registered = [] {
    const std::pair<const char*, Stage> stages[] = {
        {"parse", parse_stage},        {"build", build_stage}, {"diff", diff_stage},
        {"simplify", simplify_stage},  {"eval", eval_stage},   {"print", print_stage},
        {"statement", statement_stage}};
    for (const Workload& w : workloads()) {
        for (const auto& [stage_name, stage] : stages) {
            std::string name = std::string(stage_name) + "/" + w.name;
            benchmark::RegisterBenchmark(name.c_str(), stage, w)->Unit(benchmark::kMicrosecond);
        }
    }
    return true;
}();

}  // namespace

}  // namespace dfdx::bench
