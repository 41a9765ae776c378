#include "kneerehab/model/dosage.hpp"

#include <fmt/format.h>

#include "model/fields.hpp"

namespace kneerehab {

std::optional<std::string> dosage_problem(const dosage& dose) {
  // Ranges: detail::dosage_fields.
  auto problem = detail::first_out_of_range(detail::dosage_fields, dose, [](const auto& f, auto v) {
    return fmt::format("{} is {}; accepted: {} to {}", f.key, v, f.low, f.high);
  });
  if (!problem.empty()) return problem;
  if (dose.reps == 0 && dose.hold_s == 0 && dose.minutes == 0) {
    return std::string("reps, hold_s and minutes are all 0; accepted: at least one positive");
  }
  return std::nullopt;
}

std::string describe(const dosage& dose) {
  std::string text;
  if (dose.minutes > 0) {
    text = fmt::format("{} min", dose.minutes);
    if (dose.sets > 1) text = fmt::format("{} x {}", dose.sets, text);
  } else if (dose.reps > 0 && dose.hold_s > 0) {
    text = fmt::format("{} x {} ({} s hold)", dose.sets, dose.reps, dose.hold_s);
  } else if (dose.reps > 0) {
    text = fmt::format("{} x {}", dose.sets, dose.reps);
  } else {
    text = fmt::format("{} x {} s hold", dose.sets, dose.hold_s);
  }
  if (!dose.tempo.empty()) text += fmt::format(", tempo {}", dose.tempo);
  if (!dose.load.empty()) text += fmt::format(", {}", dose.load);
  return text;
}

}  // namespace kneerehab
