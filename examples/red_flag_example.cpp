// A red-flag symptom gives a referral, never a plan.
#include <kneerehab/kneerehab.hpp>

#include <iostream>
#include <variant>

int main(int argc, char** argv) {
  const auto cat = kneerehab::open_catalogue(argc > 1 ? argv[1] : "exercises.db");
  kneerehab::plan_request request;
  request.condition_id = "bakers-cyst";
  request.profile.start = kneerehab::date::from_ymd(2026, 11, 23);
  request.profile.symptoms = {"calf-swelling"};
  // No default for today (or start): the planner reads no clock.
  request.today = kneerehab::date::from_ymd(2026, 11, 21);
  const auto outcome = kneerehab::make_plan(cat, request);
  if (const auto* referral = std::get_if<kneerehab::referral>(&outcome)) {
    std::cout << referral->message << "\n";
    return 0;
  }
  std::cerr << "expected a referral\n";
  return 1;
}
