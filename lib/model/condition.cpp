#include "kneerehab/model/condition.hpp"

#include <string>

namespace kneerehab {

std::string to_string(const age_range& ages) {
  if (ages.max_years >= age_range_open_end) return std::to_string(ages.min_years) + " and over";
  if (ages.min_years <= 0) return "up to " + std::to_string(ages.max_years);
  return std::to_string(ages.min_years) + " to " + std::to_string(ages.max_years);
}

const timeline& timeline_for(const condition& c, severity level) noexcept {
  switch (level) {
    case severity::mild:
      return c.mild;
    case severity::moderate:
      return c.moderate;
    case severity::severe:
      return c.severe;
  }
  return c.moderate;
}

}  // namespace kneerehab
