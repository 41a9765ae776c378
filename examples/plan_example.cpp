// The README's library example: open the shipped catalogue, plan, print the first week.
#include <kneerehab/kneerehab.hpp>

#include <iostream>
#include <variant>

int main(int argc, char** argv) {
  const auto cat = kneerehab::open_catalogue(argc > 1 ? argv[1] : "exercises.db");
  kneerehab::plan_request request;
  request.condition_id = "patellofemoral-pain";
  request.profile.start = kneerehab::date::from_ymd(2026, 11, 23);
  request.profile.baseline = kneerehab::distance::from_km(30);
  // No default for today (or start): the planner reads no clock.
  request.today = kneerehab::date::from_ymd(2026, 11, 21);
  const auto plan = std::get<kneerehab::plan>(kneerehab::make_plan(cat, request));
  std::cout << plan.protocol_name << ": " << plan.weeks.size() << " weeks, " << plan.start.iso()
            << " to " << plan.end.iso() << "\n";
  for (const auto& week : plan.weeks) {
    std::cout << "week " << week.number << " (" << week.phase_name << "): " << week.run_total.km()
              << " km\n";
  }
}
