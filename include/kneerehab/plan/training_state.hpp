#pragma once
/// \file training_state.hpp
/// Where the runner is when the plan starts: the runs of the last weeks, the walk/run step
/// reached, how long running has not been normal, and pain now. The planner plans forward
/// from this state (docs/plan-rules.md, "Return to volume"); the CLI builds it from the
/// profile (training_state_from_profile), and a caller with a training log builds it from the
/// logged sessions and calls the same planner.

#include <optional>
#include <string>
#include <vector>

#include "kneerehab/model/date.hpp"
#include "kneerehab/model/pain.hpp"
#include "kneerehab/model/protocol.hpp"
#include "kneerehab/model/units.hpp"

namespace kneerehab {

struct runner_profile;

/// A run done before the plan starts.
struct logged_run {
  date day;
  double minutes = 0;  ///< running minutes (walking breaks excluded)
  distance run;        ///< distance covered running
  bool continuous = true;
  std::optional<interval_step> step;  ///< the walk/run step, for a walk/run session
};

struct training_state {
  /// Runs before the plan's start, in any order. The planner reads the last 30 days of them
  /// (the single-session spike rule) and the last 7 days (what the runner does now).
  std::vector<logged_run> recent_runs;
  /// The walk/run ladder climbed and the index of the step reached in it, when the runner is
  /// on a ladder; a plan climbing the same ladder continues from that step.
  std::optional<std::string> ladder_id;
  int ladder_step = 0;
  /// Days before the plan's start since running was last at the runner's normal (pre-injury)
  /// volume: 0 for a runner still running as before; nullopt when unknown, which restarts by
  /// the 2-4 week convention (clinical-rules 5).
  std::optional<int> days_since_normal_running;
  pain_score pain;  ///< pain now, in daily activity
};

/// The weekly running volume of `state`: the distance of its runs in the 7 days before
/// `plan_start`.
distance volume_last_week(const training_state& state, date plan_start) noexcept;

/// The state a profile describes: for a runner still running (current > 0), four weeks of
/// that weekly volume before `plan_start`; for a runner who stopped, the weeks at baseline
/// volume before the break when the break (profile.weeks_off) is known and shorter than four
/// weeks; the days since running was last normal from the same; and the profile's pain. A
/// week's volume is spread over the run days in runs of at least `min_run_minutes` at the
/// easy pace where it allows (fewer, longer runs at low volume), on the last run days; less a
/// week than one such run counts as stopped. The planner passes the protocol's
/// load_rules::restart_run_minutes (30 by default), so that more current running is never
/// slower than a restart (rule 8); pass the same to plan from this state as from the profile.
training_state training_state_from_profile(const runner_profile& profile, date plan_start,
                                           double min_run_minutes = 30);

}  // namespace kneerehab
