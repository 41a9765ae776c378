#include "kneerehab/protocol.hpp"

namespace kneerehab {

const dosage& dose_for_week(const prescription& p, int week_in_phase) noexcept {
  const dosage* current = &p.dose;
  for (const auto& step : p.progression) {
    if (step.week > week_in_phase) break;
    current = &step.dose;
  }
  return *current;
}

}  // namespace kneerehab
