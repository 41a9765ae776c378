// How long rendering a 16-week plan takes in each output format.
#include <benchmark/benchmark.h>

#include "bench_subject.hpp"
#include "kneerehab/render/render.hpp"

namespace {

using namespace kneerehab;

void render_format(benchmark::State& state, output_format format) {
  const plan p = bench::bench_plan(16);
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = render(p, format);
    bytes += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

BENCHMARK_CAPTURE(render_format, text_16_weeks, output_format::text)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(render_format, markdown_16_weeks, output_format::markdown)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(render_format, html_16_weeks, output_format::html)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(render_format, csv_16_weeks, output_format::csv)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(render_format, json_16_weeks, output_format::json)->Unit(benchmark::kMicrosecond);

}  // namespace
