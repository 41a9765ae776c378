#include "kneerehab/model/condition.hpp"

namespace kneerehab {

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
