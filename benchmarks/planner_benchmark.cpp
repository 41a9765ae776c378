// How long make_plan takes for a 16-week and a 52-week plan. The cost should be linear in the
// number of weeks: one pass over the weeks for running, one for sessions.
#include <benchmark/benchmark.h>

#include "bench_subject.hpp"

namespace {

using namespace kneerehab;

void plan_weeks(benchmark::State& state) {
  const bench::subject& s = bench::bench_subject();
  plan_request request = s.request;
  request.weeks = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto outcome = make_plan(*s.cat, request);
    benchmark::DoNotOptimize(outcome);
  }
  state.SetComplexityN(state.range(0));
}

BENCHMARK(plan_weeks)->Arg(16)->Arg(52)->Unit(benchmark::kMicrosecond)->Complexity(benchmark::oN);

}  // namespace
