#include "kneerehab/model/units.hpp"

#include <fmt/format.h>
#include <cmath>

#include "kneerehab/core/error.hpp"

namespace kneerehab {

std::string_view to_string(unit_system units) noexcept {
  return units == unit_system::km ? "km" : "mi";
}

std::optional<unit_system> parse_unit_system(std::string_view text) noexcept {
  if (text == "km") return unit_system::km;
  if (text == "mi") return unit_system::mi;
  return std::nullopt;
}

distance distance::from_km(double km) {
  if (!std::isfinite(km) || km < 0.0) {
    throw error::invalid_input(
        fmt::format("distance {} km is not valid; accepted: a finite number >= 0", km));
  }
  return distance{km};
}

distance distance::from_miles(double miles) {
  if (!std::isfinite(miles) || miles < 0.0) {
    throw error::invalid_input(
        fmt::format("distance {} mi is not valid; accepted: a finite number >= 0", miles));
  }
  return distance{miles * km_per_mile};
}

distance distance::from(double value, unit_system units) {
  return units == unit_system::km ? from_km(value) : from_miles(value);
}

pace pace::from_seconds_per_km(double seconds) {
  if (!std::isfinite(seconds) || seconds < 120.0 || seconds > 1200.0) {
    throw error::invalid_input(fmt::format(
        "pace of {} s/km is not valid; accepted: 2:00 to 20:00 per km (3:13 to 32:11 per mile)",
        seconds));
  }
  return pace{seconds};
}

pace pace::parse(std::string_view text, unit_system units) {
  const auto colon = text.find(':');
  auto bad = [&] {
    return error::invalid_input(fmt::format(
        "pace '{}' is not valid; accepted: MM:SS per {}, e.g. 6:30", text, to_string(units)));
  };
  if (colon == std::string_view::npos || colon == 0 || text.size() - colon != 3) throw bad();
  int minutes = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9' || minutes > 100) throw bad();
    minutes = minutes * 10 + (c - '0');
  }
  int seconds = 0;
  for (char c : text.substr(colon + 1)) {
    if (c < '0' || c > '9') throw bad();
    seconds = seconds * 10 + (c - '0');
  }
  if (seconds > 59) throw bad();
  const double per_unit = minutes * 60.0 + seconds;
  const double per_km = units == unit_system::km ? per_unit : per_unit / km_per_mile;
  if (per_km < 120.0 || per_km > 1200.0) {
    throw error::invalid_input(fmt::format(
        "pace '{}' per {} is out of range; accepted: 2:00 to 20:00 per km (3:13 to 32:11 per "
        "mile)",
        text, to_string(units)));
  }
  return pace{per_km};
}

distance pace::distance_in(double minutes) const {
  return distance::from_km(minutes * 60.0 / seconds_per_km_);
}

std::string pace::format(unit_system units) const {
  const double per_unit =
      units == unit_system::km ? seconds_per_km_ : seconds_per_km_ * km_per_mile;
  const long total = std::lround(per_unit);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace kneerehab
