#include "kneerehab/model/dosage.hpp"

#include <fmt/format.h>

namespace kneerehab {
namespace {

std::optional<std::string> out_of_range(std::string_view field, int value, int low, int high) {
  if (value >= low && value <= high) return std::nullopt;
  return fmt::format("{} is {}; accepted: {} to {}", field, value, low, high);
}

}  // namespace

std::optional<std::string> dosage_problem(const dosage& dose) {
  if (auto p = out_of_range("sets", dose.sets, 1, 10)) return p;
  if (auto p = out_of_range("reps", dose.reps, 0, 100)) return p;
  if (auto p = out_of_range("hold_s", dose.hold_s, 0, 600)) return p;
  if (auto p = out_of_range("minutes", dose.minutes, 0, 180)) return p;
  if (auto p = out_of_range("sessions_per_week", dose.sessions_per_week, 1, 14)) return p;
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
