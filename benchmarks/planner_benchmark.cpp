// How long make_plan takes for a 16-week and a 52-week plan. The cost should be linear in the
// number of weeks: one pass over the weeks for running, one for sessions.
#include <benchmark/benchmark.h>

#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/plan/planner.hpp"
#include "planner_fixtures.hpp"

namespace {

using namespace kneerehab;

struct subject {
  std::unique_ptr<catalogue> cat;
  plan_request request;
};

std::string pick_protocol(const catalogue& cat) {
  for (const auto& p : cat.protocols()) {
    for (const auto& ph : p.phases) {
      if (ph.running.mode == running_mode::walk_run) return p.id;
    }
  }
  if (cat.protocols().empty()) throw std::runtime_error("no protocols");
  return cat.protocols().front().id;
}

// The shipped catalogue's first protocol with a walk/run phase (the most work per week), or
// the fixture protocol when exercises.db is missing or does not open.
const subject& bench_subject() {
  static const subject s = [] {
    subject out;
    out.request = testing::standard_request();
    try {
      out.cat = std::make_unique<catalogue>(open_catalogue(KNEEREHAB_SOURCE_DIR "/exercises.db"));
      out.request.protocol_id = pick_protocol(*out.cat);
    } catch (const std::exception& e) {
      std::cerr << "note: exercises.db did not open (" << e.what() << "); using the fixture\n";
      out.cat = std::make_unique<catalogue>(testing::fixture_catalogue());
    }
    std::cerr << "protocol: " << out.request.protocol_id << '\n';
    return out;
  }();
  return s;
}

void plan_weeks(benchmark::State& state) {
  const subject& s = bench_subject();
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
