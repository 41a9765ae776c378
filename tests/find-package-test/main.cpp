// Opens the installed catalogue and plans: proves headers, library and data all installed.
#include <kneerehab/kneerehab.hpp>

#include <iostream>
#include <variant>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: app CATALOGUE.db\n";
    return 2;
  }
  const auto cat = kneerehab::open_catalogue(argv[1]);
  kneerehab::plan_request request;
  request.condition_id = "patellofemoral-pain";
  request.profile.start = kneerehab::date::from_ymd(2026, 11, 23);
  request.profile.baseline = kneerehab::distance::from_km(30);
  // No default for today (or start): the planner reads no clock.
  request.today = kneerehab::date::from_ymd(2026, 11, 21);
  const auto outcome = kneerehab::make_plan(cat, request);
  const auto& p = std::get<kneerehab::plan>(outcome);
  std::cout << "kneerehab " << kneerehab::version << ": " << p.weeks.size() << " weeks of "
            << p.protocol_name << "\n";
  return p.weeks.empty() ? 1 : 0;
}
