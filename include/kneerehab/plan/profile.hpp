#pragma once
/// \file profile.hpp
/// What the planner knows about the runner.

#include <optional>
#include <string>
#include <vector>

#include "kneerehab/model/condition.hpp"
#include "kneerehab/model/date.hpp"
#include "kneerehab/model/pain.hpp"
#include "kneerehab/model/units.hpp"
#include "kneerehab/plan/training_state.hpp"

namespace kneerehab {

struct runner_profile {
  severity level = severity::moderate;
  /// First day of the plan; make_plan throws error(errc::invalid_input) when it is not set.
  std::optional<date> start;
  distance baseline;               ///< weekly volume before the injury
  distance current;                ///< weekly volume now (0 if stopped)
  std::optional<distance> target;  ///< weekly volume to return to; default baseline
  std::vector<weekday> run_days = {weekday::mon, weekday::wed, weekday::fri};
  pace easy_pace = pace::from_seconds_per_km(390);
  int age = 35;            ///< 10..100
  int prior_injuries = 0;  ///< of this kind, 0..20
  pain_score pain;         ///< current pain in daily activity
  /// Weeks since running was last at the baseline volume, for a runner who stopped (current
  /// 0): how the restart volume is chosen (docs/plan-rules.md, "Return to volume"). Unknown
  /// when not set.
  std::optional<int> weeks_off;
  std::vector<std::string> symptoms;  ///< symptom ids
  /// When the injury happened (running stopped being normal); not after plan_request::today.
  /// A recent injury of a traumatic condition is screened by the Ottawa knee rule
  /// (plan/safety.hpp).
  std::optional<date> injury_date;
  /// The lesion was operated (cartilage repair). With a condition, the planner uses the
  /// condition's protocol for an operated lesion: the one other protocol of that condition in
  /// the catalogue (cartilage-damage -> cartilage-repair-rehab); make_plan throws
  /// error(errc::invalid_input) when the condition has none or several, or when the protocol
  /// asked for is the condition's own (non-operated) protocol.
  bool operated = false;
};

/// What to plan: a protocol (or the condition's protocol) for a runner.
struct plan_request {
  std::string condition_id;  ///< either this ...
  std::string protocol_id;   ///< ... or this (wins when both are given)
  runner_profile profile;
  std::optional<int> weeks;  ///< plan length; default: sum of the phase lengths (1..104)
  /// The caller's today, to reject start dates far from it. The planner reads no clock:
  /// make_plan throws error(errc::invalid_input) when it is not set.
  std::optional<date> today;
  /// Where the runner is now. When not set, the planner builds it from the profile
  /// (training_state_from_profile).
  std::optional<training_state> state;
  /// The units the distances and pace were stated in: messages about them use these units.
  unit_system units = unit_system::km;
};

}  // namespace kneerehab
