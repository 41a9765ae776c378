#include "kneerehab/model/pain.hpp"

#include <fmt/format.h>

#include "kneerehab/core/error.hpp"

namespace kneerehab {

pain_score pain_score::from_int(int value) {
  const auto score = checked(value);
  if (!score) {
    throw error::invalid_input(
        fmt::format("pain score {} is out of range; accepted: 0 to 10", value));
  }
  return *score;
}

}  // namespace kneerehab
