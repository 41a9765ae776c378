#pragma once
// Rule 8 over a sweep (docs/plan-rules.md): one profile planned for current running from 0 to
// the baseline and for every severity; more current running never reaches the target later
// than less, and a milder grade never later than a more severe one (weeks_to_target). Shared
// by return_to_volume_test and plan_audit_report --monotone.
#include <string>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/plan/planner.hpp"

namespace kneerehab::testing {

/// `r` planned for current running 0, step, 2 x step ... up to its baseline, at every severity
/// (`r`'s own current and severity are ignored). Returns one line per break of rule 8, each
/// naming the profile (`describe`) and the weeks to the target; `plans` counts the plans made.
std::vector<std::string> monotone_breaks(const catalogue& cat, plan_request r, int step_km,
                                         std::string (*describe)(const plan_request&), int& plans);

}  // namespace kneerehab::testing
