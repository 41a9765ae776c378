// The benchmark subject's plan made and destroyed N times, for callgrind and for counting heap
// allocations (docs/performance.md):
//
//   planner_profile [WEEKS [N]]      prints allocations and bytes per plan
//   valgrind --tool=callgrind --toggle-collect='*plan_and_destroy*' planner_profile 16 20
//     instructions per plan = Collected / (N + 1): N plans and one warm-up (the catalogue is
//     loaded outside the toggle)
//
// Google Benchmark's loop is not used: its setup (loading the catalogue) would fall inside
// the collected function.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "bench_subject.hpp"

namespace {

std::atomic<long> allocations{0};
std::atomic<long> allocated_bytes{0};

}  // namespace

// A counting replacement of the global operator new (this executable only). libstdc++'s
// operator delete frees with std::free, which matches the std::malloc below.
void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  allocated_bytes.fetch_add(static_cast<long>(size), std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

namespace {

using namespace kneerehab;

// One plan made and destroyed: what the planner benchmark's loop measures.
[[gnu::noinline]] std::size_t plan_and_destroy(const catalogue& cat, const plan_request& request) {
  const auto outcome = make_plan(cat, request);
  return std::get<plan>(outcome).weeks.size();
}

// What a plan holds that may need the heap: the containers and shared values per plan.
void print_shape(const plan& p) {
  std::size_t days = 0, sessions = 0, with_exercises = 0, doses = 0, with_notes = 0, notes = 0,
              runs = 0;
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      ++days;
      for (const auto& s : d.sessions) {
        ++sessions;
        with_exercises += s.exercises.empty() ? 0 : 1;
        doses += s.exercises.size();
        with_notes += s.notes.empty() ? 0 : 1;
        notes += s.notes.size();
        runs += s.run ? 1 : 0;
      }
    }
  }
  std::printf(
      "%zu weeks: %zu days, %zu sessions (%zu with exercises: %zu doses; %zu with notes: %zu "
      "notes; %zu runs)\n",
      p.weeks.size(), days, sessions, with_exercises, doses, with_notes, notes, runs);
}

}  // namespace

int main(int argc, char** argv) {
  const int weeks = argc > 1 ? std::atoi(argv[1]) : 16;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 20;
  const bench::subject& s = bench::bench_subject();
  plan_request request = s.request;
  request.weeks = weeks;
  print_shape(std::get<plan>(make_plan(*s.cat, request)));
  std::size_t total_weeks = plan_and_destroy(*s.cat, request);  // warm-up, not counted
  const long before = allocations.load();
  const long bytes_before = allocated_bytes.load();
  for (int i = 0; i < runs; ++i) total_weeks += plan_and_destroy(*s.cat, request);
  const double per_plan = static_cast<double>(allocations.load() - before) / runs;
  const double bytes = static_cast<double>(allocated_bytes.load() - bytes_before) / runs;
  std::printf("%d-week plan, %d runs: %.0f allocations and %.0f bytes per plan (%zu weeks)\n",
              weeks, runs, per_plan, bytes, total_weeks);
  return 0;
}
