// Nested squaring e = e^2 + e: the tree doubles at each step, the DAG does not. Every
// operation here must follow the DAG; one that walks the tree never finishes at n = 1000.
#include <benchmark/benchmark.h>

#include "calculus/diff.hpp"
#include "expr/construct.hpp"
#include "expr/error.hpp"
#include "numbers/eval.hpp"
#include "print/print.hpp"
#include "workloads.hpp"

namespace dfdx::bench {

namespace {

void BM_nested_build(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(nested_squares(n));
    state.counters["dag"] = static_cast<double>(dag_size(nested_squares(n)));
}
BENCHMARK(BM_nested_build)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_nested_diff(benchmark::State& state) {
    const Expr e = nested_squares(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(diff(e, "x"));
    state.counters["dag"] = static_cast<double>(dag_size(diff(e, "x")));
}
BENCHMARK(BM_nested_diff)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_nested_queries(benchmark::State& state) {
    const Expr e = nested_squares(static_cast<int>(state.range(0)));
    const Expr d = diff(e, "x");
    for (auto _ : state) {
        benchmark::DoNotOptimize(has_symbol(d, "y"));
        benchmark::DoNotOptimize(free_symbols(d));
        benchmark::DoNotOptimize(dag_size(d));
        benchmark::DoNotOptimize(compare(d, e));
    }
}
BENCHMARK(BM_nested_queries)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_nested_eval(benchmark::State& state) {
    const Expr d = diff(nested_squares(static_cast<int>(state.range(0))), "x");
    // Small enough that the value stays finite at n = 1000: x^2 + x has a fixed point at 0.
    const Point p{{"x", -0.5}};
    for (auto _ : state) benchmark::DoNotOptimize(evaluate(d, p));
}
BENCHMARK(BM_nested_eval)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

// Printing the n = 1000 derivative is astronomically long: the printer stops at its
// output limit with an error, and must get there quickly.
void BM_nested_print(benchmark::State& state) {
    const Expr d = diff(nested_squares(static_cast<int>(state.range(0))), "x");
    std::size_t chars = 0;
    for (auto _ : state) {
        try {
            chars = print(d).size();
        } catch (const Error&) {
            chars = 0;
        }
    }
    state.counters["chars"] = static_cast<double>(chars);
}
BENCHMARK(BM_nested_print)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

}  // namespace dfdx::bench
