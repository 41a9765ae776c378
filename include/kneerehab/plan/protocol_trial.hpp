#pragma once
/// \file protocol_trial.hpp
/// A protocol tried on a few standard runners before a clinic uses it: each is planned with
/// make_plan and the plan audited with audit_plan (docs/protocol-files.md).

#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/diagnostics.hpp"
#include "kneerehab/model/date.hpp"
#include "kneerehab/plan/profile.hpp"

namespace kneerehab {

/// A standard runner and how to say who it is ("baseline 30 km, current 0, mon/wed/fri/sun").
struct trial_runner {
  std::string description;
  runner_profile profile;
};

/// The standard runners, starting on `start`: baseline 30 km and stopped, running
/// mon/wed/fri/sun; baseline 20 km still running 10, tue/thu/sat; aged 55, baseline 30 km and
/// stopped, mon/wed/fri.
std::vector<trial_runner> trial_runners(date start);

/// Plans protocol `protocol_id` of `cat` for every trial runner (today is `start`) and returns
/// one warning (code "plan-audit", field the audit rule) for each audit finding, and for a
/// referral or an error that planning gave, naming the runner. Empty when every plan keeps the
/// rules of docs/plan-rules.md.
std::vector<diagnostic> trial_protocol(const catalogue& cat, std::string_view protocol_id,
                                       date start);

}  // namespace kneerehab
