#include "kneerehab/model/protocol.hpp"

#include <fmt/format.h>

namespace kneerehab {

const dosage& dose_for_week(const prescription& p, int week_in_phase) noexcept {
  const dosage* current = &p.dose;
  for (const auto& step : p.progression) {
    if (step.week > week_in_phase) break;
    current = &step.dose;
  }
  return *current;
}

std::string describe_rule(const entry_criterion& c) {
  if (c.unit == "yes/no") {
    return fmt::format("{} {} {}", c.measure, c.op, c.value != 0 ? "yes" : "no");
  }
  // "/10" and "%" read best attached to the number; words take a space.
  const bool attached = c.unit.empty() || c.unit.front() == '/' || c.unit == "%";
  return fmt::format("{} {} {:g}{}{}", c.measure, c.op, c.value, attached ? "" : " ", c.unit);
}

}  // namespace kneerehab
