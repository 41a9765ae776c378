#pragma once
/// \file request_limits.hpp
/// The ranges a plan request must keep, in the library's own units (km, seconds per km), and
/// the check that words a value out of range in the units the caller stated it in.

#include <string>
#include <string_view>

#include "kneerehab/model/units.hpp"
#include "kneerehab/plan/profile.hpp"

namespace kneerehab {

/// What make_plan accepts. Callers (the CLI, forms) ask these rather than keeping their own.
struct request_limits {
  double max_weekly_km = 250.0;  ///< baseline, current and target: 0 to this
  double fastest_pace_s_per_km = pace::fastest_seconds_per_km;
  double slowest_pace_s_per_km = pace::slowest_seconds_per_km;
  int min_age = 10;
  int max_age = 100;
  int max_prior_injuries = 20;    ///< 0 to this
  int max_weeks_off = 520;        ///< weeks without normal running: 0 to this
  double max_run_km = 250.0;      ///< one logged run: 0 to this
  double max_run_minutes = 1440;  ///< one logged run: 0 to this
  int min_weeks = 1;
  int max_weeks = 104;
  int days_before_today = 365;  ///< start no earlier than today minus this
  int days_after_today = 730;   ///< start no later than today plus this

  /// "0 to 250 km", "0 to 155.3 mi": the upper bound is rounded down to 0.1, so every value
  /// the text calls accepted is accepted.
  [[nodiscard]] std::string weekly_volume_range(unit_system units) const;
  /// `value` (a weekly volume in `units`) as a distance; throws error(errc::invalid_input)
  /// "<what> weekly volume <value> <units> is not valid; accepted: 0 to <max> <units>" when it
  /// is negative, not finite or above max_weekly_km.
  [[nodiscard]] distance weekly_volume(std::string_view what, double value,
                                       unit_system units) const;
};

/// The limits make_plan applies.
inline constexpr request_limits plan_request_limits{};

/// Throws error(errc::invalid_input) when `request` is incomplete (no condition or protocol,
/// start or today not set) or out of `limits` (distances, run days, age, prior injuries,
/// weeks, start far from today, an injury date after today), saying what is accepted;
/// distances are worded in request.units.
void validate_request(const plan_request& request,
                      const request_limits& limits = plan_request_limits);

}  // namespace kneerehab
