#include "kneerehab/model/units.hpp"

#include <fmt/format.h>
#include <cmath>

#include "kneerehab/core/error.hpp"
#include "kneerehab/core/ids.hpp"

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
  // The product is checked too: 1.5e308 miles is finite, its kilometres are not.
  if (!std::isfinite(miles) || miles < 0.0 || !std::isfinite(miles * km_per_mile)) {
    throw error::invalid_input(
        fmt::format("distance {} mi is not valid; accepted: a finite number >= 0", miles));
  }
  return distance{miles * km_per_mile};
}

distance distance::scaled(distance d, double factor) {
  if (!std::isfinite(factor) || factor < 0.0) {
    throw error::invalid_input(fmt::format(
        "a distance scaled by {} is not valid; accepted: a finite factor >= 0", factor));
  }
  return from_km(d.km_ * factor);
}

distance distance::from(double value, unit_system units) {
  return units == unit_system::km ? from_km(value) : from_miles(value);
}

namespace {

std::string clock_text(long seconds) { return fmt::format("{}:{:02}", seconds / 60, seconds % 60); }

double seconds_per_unit(double seconds_per_km, unit_system units) noexcept {
  return units == unit_system::km ? seconds_per_km : seconds_per_km * km_per_mile;
}

}  // namespace

pace pace::from_seconds_per_km(double seconds) {
  if (!std::isfinite(seconds) || seconds < fastest_seconds_per_km ||
      seconds > slowest_seconds_per_km) {
    throw error::invalid_input(fmt::format("pace of {} s/km is not valid; accepted: {}", seconds,
                                           accepted_range(unit_system::km)));
  }
  return pace{seconds};
}

std::string pace::accepted_range(unit_system units) {
  // Whole seconds inside the range, so that both ends stated are accepted: 2:00 /km is
  // 193.1 s per mile, so the fastest accepted whole-second mile pace is 3:14.
  const auto fastest =
      static_cast<long>(std::ceil(seconds_per_unit(fastest_seconds_per_km, units) - 1e-9));
  const auto slowest =
      static_cast<long>(std::floor(seconds_per_unit(slowest_seconds_per_km, units) + 1e-9));
  return fmt::format("{} to {} per {}", clock_text(fastest), clock_text(slowest), to_string(units));
}

pace pace::parse(std::string_view text, unit_system units) {
  const auto colon = text.find(':');
  auto bad = [&] {
    return error::invalid_input(
        fmt::format("pace {} is not valid; accepted: MM:SS per {}, e.g. 6:30",
                    quoted_for_message(text), to_string(units)));
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
  if (per_km < fastest_seconds_per_km || per_km > slowest_seconds_per_km) {
    throw error::invalid_input(fmt::format("pace {} per {} is out of range; accepted: {}",
                                           quoted_for_message(text), to_string(units),
                                           accepted_range(units)));
  }
  return pace{per_km};
}

distance pace::distance_in(double minutes) const {
  return distance::from_km(minutes * 60.0 / seconds_per_km_);
}

std::string pace::format(unit_system units) const {
  return clock_text(std::lround(seconds_per_unit(seconds_per_km_, units)));
}

}  // namespace kneerehab
