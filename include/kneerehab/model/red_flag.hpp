#pragma once
/// \file red_flag.hpp
/// Symptoms that stop a plan and send the runner to a clinician.

#include <optional>
#include <string>
#include <vector>

namespace kneerehab {

/// A reason to stop and refer (docs/clinical-basis.md section 1).
struct red_flag {
  std::string id;      ///< e.g. "possible-dvt"
  std::string name;    ///< "Possible deep-vein thrombosis"
  std::string why;     ///< what it may mean
  std::string action;  ///< the referral: who to see and how urgently
  std::string source;
};

/// A symptom a runner can report (CLI `--symptom ID`). Symptoms that map to a red flag stop
/// the plan; the others are recorded and may add warnings.
struct symptom {
  std::string id;  ///< e.g. "calf-swelling"
  std::string description;
  std::optional<std::string> red_flag;  ///< id of the red flag it triggers, if any
  /// The red flag applies only from this age on (Ottawa rule: acute injury at age >= 55).
  std::optional<int> min_age;
};

}  // namespace kneerehab
