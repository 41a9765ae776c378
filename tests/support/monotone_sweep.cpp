#include "support/monotone_sweep.hpp"

#include <array>
#include <cstddef>
#include <variant>

#include "kneerehab/plan/audit.hpp"

namespace kneerehab::testing {
namespace {

constexpr std::array<severity, 3> levels = {severity::mild, severity::moderate, severity::severe};

/// weeks_to_target of the plan for `r`; 1000 for a plan that never reaches it or a referral.
int weeks_needed(const catalogue& cat, const plan_request& r) {
  const auto outcome = make_plan(cat, r);
  if (!std::holds_alternative<plan>(outcome)) return 1000;
  return weeks_to_target(std::get<plan>(outcome)).value_or(1000);
}

}  // namespace

std::vector<std::string> monotone_breaks(const catalogue& cat, plan_request r, int step_km,
                                         std::string (*describe)(const plan_request&), int& plans) {
  const double baseline = r.profile.baseline.km();
  std::vector<int> currents;
  for (int c = 0; c <= baseline; c += step_km) currents.push_back(c);
  // weeks[level][i]: the plan for severity `level` and current running currents[i].
  std::array<std::vector<int>, levels.size()> weeks;
  for (std::size_t l = 0; l < levels.size(); ++l) {
    r.profile.level = levels[l];
    for (const int c : currents) {
      r.profile.current = distance::from_km(c);
      weeks[l].push_back(weeks_needed(cat, r));
      ++plans;
    }
  }
  std::vector<std::string> breaks;
  for (std::size_t i = 0; i < currents.size(); ++i) {
    r.profile.current = distance::from_km(currents[i]);
    for (std::size_t l = 0; l < levels.size(); ++l) {
      r.profile.level = levels[l];
      if (i > 0 && weeks[l][i] > weeks[l][i - 1]) {
        breaks.push_back(describe(r) + ": " + std::to_string(weeks[l][i]) +
                         " weeks to the target, " + std::to_string(weeks[l][i - 1]) +
                         " with current " + std::to_string(currents[i - 1]));
      }
    }
    if (weeks[0][i] > weeks[1][i] || weeks[1][i] > weeks[2][i]) {
      r.profile.level = severity::mild;
      breaks.push_back(describe(r) + ": weeks to the target mild " + std::to_string(weeks[0][i]) +
                       ", moderate " + std::to_string(weeks[1][i]) + ", severe " +
                       std::to_string(weeks[2][i]));
    }
  }
  return breaks;
}

}  // namespace kneerehab::testing
