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

namespace kneerehab {

struct runner_profile {
  severity level = severity::moderate;
  date start = date::from_ymd(2026, 1, 5);  ///< first day of the plan
  distance baseline;                        ///< weekly volume before the injury
  distance current;                         ///< weekly volume now (0 if stopped)
  std::optional<distance> target;           ///< weekly volume to return to; default baseline
  std::vector<weekday> run_days = {weekday::mon, weekday::wed, weekday::fri};
  pace easy_pace = pace::from_seconds_per_km(390);
  int age = 35;                       ///< 10..100
  int prior_injuries = 0;             ///< of this kind, 0..20
  pain_score pain;                    ///< current pain in daily activity
  std::vector<std::string> symptoms;  ///< symptom ids
};

/// What to plan: a protocol (or the condition's protocol) for a runner.
struct plan_request {
  std::string condition_id;  ///< either this ...
  std::string protocol_id;   ///< ... or this (wins when both are given)
  runner_profile profile;
  std::optional<int> weeks;  ///< plan length; default: sum of the phase lengths (1..104)
  date today = date::from_ymd(2026, 1, 1);  ///< to reject start dates far from today
};

}  // namespace kneerehab
