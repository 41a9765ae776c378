// How long opening the shipped exercises.db takes: the whole catalogue, every table read,
// validated and indexed, and the part one plan needs (catalogue_selection): what
// `kneerehab plan --condition` / `--protocol` pays before it plans anything.
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

void open_selected_catalogue(benchmark::State& state, const catalogue_selection& selection) {
  for (auto _ : state) {
    catalogue cat = open_catalogue(bench::shipped_db, selection);
    benchmark::DoNotOptimize(cat);
  }
}

// The CLI benchmark's command (cli_vs_sqlite.sh) and the planner benchmark's protocol.
BENCHMARK_CAPTURE(open_selected_catalogue, condition_patellofemoral_pain,
                  catalogue_selection::condition("patellofemoral-pain"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(open_selected_catalogue, protocol_bakers_cyst_rehab,
                  catalogue_selection::protocol("bakers-cyst-rehab"))
    ->Unit(benchmark::kMicrosecond);

}  // namespace
