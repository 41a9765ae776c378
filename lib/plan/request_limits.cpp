// The limits of a plan request and the check make_plan runs first. Distances are worded in
// the units the caller stated them in (request.units); the bounds stated are accepted.
#include "kneerehab/plan/request_limits.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "kneerehab/core/error.hpp"

namespace kneerehab {
namespace {

constexpr std::string_view all_days = "mon,tue,wed,thu,fri,sat,sun";

/// The largest multiple of 0.1 not above `value`, as "155.3" or "250".
std::string floor_to_tenth(double value) {
  return fmt::format("{:g}", std::floor(value * 10.0 + 1e-9) / 10.0);
}

void check_volume(const request_limits& limits, std::string_view what, distance d,
                  unit_system units) {
  (void)limits.weekly_volume(what, d.in(units), units);
}

void check_run_days(const std::vector<weekday>& days) {
  if (days.empty()) {
    throw error::invalid_input(
        fmt::format("no run days given; accepted: one or more of {}", all_days));
  }
  std::array<bool, 7> seen{};
  for (weekday d : days) {
    const auto index = static_cast<std::size_t>(d);
    if (index >= seen.size()) {
      throw error::invalid_input(
          fmt::format("run day number {} is not a weekday; accepted: {}", index, all_days));
    }
    auto& flag = seen[index];
    if (flag) {
      throw error::invalid_input(fmt::format(
          "run day {} is given twice; accepted: each of {} at most once", to_string(d), all_days));
    }
    flag = true;
  }
}

void check_pace(const request_limits& limits, pace easy, unit_system units) {
  const double s = easy.seconds_per_km();
  if (s < limits.fastest_pace_s_per_km || s > limits.slowest_pace_s_per_km) {
    // Only reachable with limits narrower than the pace type's own.
    throw error::invalid_input(fmt::format("easy pace {} per {} is not valid; accepted: {}",
                                           easy.format(units), to_string(units),
                                           pace::accepted_range(units)));
  }
}

void check_start(const request_limits& limits, date start, date today) {
  // The window is clipped to the calendar the library handles (1900-01-01 to 9999-12-31).
  const date earliest = today.try_plus_days(-limits.days_before_today).value_or(date::earliest());
  const date latest = today.try_plus_days(limits.days_after_today).value_or(date::latest());
  // Every plan, up to max_weeks long, must end within the calendar.
  const date last_start = date::latest().plus_days(-limits.max_weeks * 7);
  if (start > last_start) {
    throw error::invalid_input(
        fmt::format("start {} leaves no room for a plan of up to {} weeks before 9999-12-31; "
                    "accepted: a start up to {}",
                    start.iso(), limits.max_weeks, last_start.iso()));
  }
  if (start < earliest) {
    throw error::invalid_input(
        fmt::format("start {} is more than a year before today ({}); accepted: {} to {}",
                    start.iso(), today.iso(), earliest.iso(), latest.iso()));
  }
  if (start > latest) {
    throw error::invalid_input(
        fmt::format("start {} is more than two years after today ({}); accepted: {} to {}",
                    start.iso(), today.iso(), earliest.iso(), latest.iso()));
  }
}

void check_range(std::string_view what, int value, int low, int high) {
  if (value < low || value > high) {
    throw error::invalid_input(
        fmt::format("{} {} is not valid; accepted: {} to {}", what, value, low, high));
  }
}

}  // namespace

std::string request_limits::weekly_volume_range(unit_system units) const {
  const double max = units == unit_system::km ? max_weekly_km : max_weekly_km / km_per_mile;
  return fmt::format("0 to {} {}", floor_to_tenth(max), to_string(units));
}

distance request_limits::weekly_volume(std::string_view what, double value,
                                       unit_system units) const {
  const double km = units == unit_system::km ? value : value * km_per_mile;
  if (!std::isfinite(value) || value < 0 || km > max_weekly_km + 1e-9) {  // 1e-9: unit round trips
    throw error::invalid_input(fmt::format("{} weekly volume {} {} is not valid; accepted: {}",
                                           what, value, to_string(units),
                                           weekly_volume_range(units)));
  }
  return distance::from(value, units);
}

namespace {

void check_state(const request_limits& limits, const training_state& state, date start) {
  for (const auto& r : state.recent_runs) {
    const double km = r.run.km();
    if (!std::isfinite(km) || km < 0 || km > limits.max_run_km || !std::isfinite(r.minutes) ||
        r.minutes < 0 || r.minutes > limits.max_run_minutes) {
      throw error::invalid_input(fmt::format(
          "logged run on {} ({:g} km, {:g} min) is not valid; accepted: 0 to {:g} km and 0 to "
          "{:g} minutes",
          r.day.iso(), km, r.minutes, limits.max_run_km, limits.max_run_minutes));
    }
    if (r.day >= start) {
      throw error::invalid_input(fmt::format(
          "logged run on {} is not before the plan's start {}; accepted: runs before the start",
          r.day.iso(), start.iso()));
    }
  }
  if (state.days_since_normal_running) {
    check_range("days since normal running", *state.days_since_normal_running, 0,
                limits.max_weeks_off * 7);
  }
  if (state.ladder_step < 0) check_range("ladder step", state.ladder_step, 0, 1000);
}

}  // namespace

void validate_request(const plan_request& request, const request_limits& limits) {
  const runner_profile& profile = request.profile;
  if (request.condition_id.empty() && request.protocol_id.empty()) {
    throw error::invalid_input(
        "no condition or protocol given; accepted: a condition id or a protocol id from the "
        "catalogue");
  }
  if (!profile.start) {
    throw error::invalid_input(
        "start is not set; accepted: the first day of the plan as a date in "
        "runner_profile::start");
  }
  if (!request.today) {
    throw error::invalid_input(
        "today is not set; accepted: the caller's current date in plan_request::today (the "
        "planner reads no clock)");
  }
  check_volume(limits, "baseline", profile.baseline, request.units);
  check_volume(limits, "current", profile.current, request.units);
  if (profile.target) check_volume(limits, "target", *profile.target, request.units);
  check_run_days(profile.run_days);
  check_pace(limits, profile.easy_pace, request.units);
  check_range("age", profile.age, limits.min_age, limits.max_age);
  check_range("prior injuries", profile.prior_injuries, 0, limits.max_prior_injuries);
  if (request.weeks) {
    check_range("plan length in weeks", *request.weeks, limits.min_weeks, limits.max_weeks);
  }
  if (profile.weeks_off) check_range("weeks off", *profile.weeks_off, 0, limits.max_weeks_off);
  check_start(limits, *profile.start, *request.today);
  if (request.state) check_state(limits, *request.state, *profile.start);
  if (profile.injury_date && *profile.injury_date > *request.today) {
    throw error::invalid_input(
        fmt::format("injury date {} is after today ({}); accepted: a date from {} to {}",
                    profile.injury_date->iso(), request.today->iso(), date::earliest().iso(),
                    request.today->iso()));
  }
}

}  // namespace kneerehab
