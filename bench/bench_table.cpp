// `table` at full speed (issue 8): the derivative of sin(x)*exp(x)/(1 + x^2) at a million
// points through the compiled program (compiled.hpp), against the same derivative written
// by hand in C++ and compiled with the project's flags: the limit we measure against.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "calculus/diff.hpp"
#include "numbers/compiled.hpp"
#include "workloads.hpp"

namespace dfdx::bench {

namespace {

constexpr std::size_t kPoints = 1'000'000;

std::vector<double> points() {
    std::vector<double> xs(kPoints);
    for (std::size_t i = 0; i < kPoints; ++i) xs[i] = static_cast<double>(i) / kPoints;
    return xs;
}

void BM_table_compiled(benchmark::State& state) {
    const Expr d = diff(build("sin(x)*exp(x)/(1 + x^2)"), "x");
    const Compiled program(d, "x");
    const std::vector<double> xs = points();
    std::vector<double> out(kPoints);
    for (auto _ : state) {
        program.evaluate_many(xs, out);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
    state.counters["instructions"] = static_cast<double>(program.instruction_count());
}
BENCHMARK(BM_table_compiled)->Unit(benchmark::kMillisecond);

// d/dx sin(x)*exp(x)/(1 + x^2), by hand: (cos x + sin x) e^x / (1 + x^2) - 2x sin x e^x / (1 +
// x^2)^2.
void BM_table_hand_written(benchmark::State& state) {
    const std::vector<double> xs = points();
    std::vector<double> out(kPoints);
    for (auto _ : state) {
        for (std::size_t i = 0; i < kPoints; ++i) {
            const double x = xs[i], s = std::sin(x), c = std::cos(x), e = std::exp(x),
                         q = 1 + x * x;
            out[i] = (c + s) * e / q - 2 * x * s * e / (q * q);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
}
BENCHMARK(BM_table_hand_written)->Unit(benchmark::kMillisecond);

}  // namespace

}  // namespace dfdx::bench
