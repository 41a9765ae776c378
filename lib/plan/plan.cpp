// Names of the plan's closed sets.
#include "kneerehab/plan/plan.hpp"

namespace kneerehab {

std::string_view to_string(session_type type) noexcept {
  switch (type) {
    case session_type::strength:
      return "strength";
    case session_type::mobility:
      return "mobility";
    case session_type::run:
      return "run";
    case session_type::walk_run:
      return "walk-run";
    case session_type::cross_training:
      return "cross-training";
    case session_type::rest:
      return "rest";
  }
  return "unknown";
}

}  // namespace kneerehab
