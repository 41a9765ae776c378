// How long opening the shipped exercises.db takes: the whole catalogue, every table read,
// validated and indexed (what `kneerehab plan` pays before it plans anything).
#include <benchmark/benchmark.h>

#include "bench_subject.hpp"

namespace {

using namespace kneerehab;

void open_whole_catalogue(benchmark::State& state) {
  for (auto _ : state) {
    catalogue cat = open_catalogue(bench::shipped_db);
    benchmark::DoNotOptimize(cat);
  }
}

BENCHMARK(open_whole_catalogue)->Unit(benchmark::kMicrosecond);

}  // namespace
