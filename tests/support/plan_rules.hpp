#pragma once
// The rule checker the tests share: a thin wrapper over the library's audit_plan
// (kneerehab/plan/audit.hpp, docs/plan-rules.md). The planner is being rewritten to keep every
// audit rule; until it does, the unit, property and concurrency tests hold it to the rules it
// keeps today (rules_kept_today), and planner_audit_property_test (disabled in CTest until the
// new running model lands) holds it to all of them.

#include <string>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/plan/audit.hpp"
#include "kneerehab/plan/plan.hpp"
#include "kneerehab/plan/profile.hpp"

namespace kneerehab::testing {

/// The audit rules today's planner keeps for every valid request (plan_audit_report shows the
/// others). Add a rule here as soon as the planner keeps it; never remove one.
const std::vector<audit_rule>& rules_kept_today();

/// "rule-name: message", one line per finding.
std::vector<std::string> finding_lines(const std::vector<audit_finding>& findings);

/// audit_plan's findings for the rules in rules_kept_today(), as finding_lines: empty when
/// the plan keeps them. For EXPECT_TRUE(...empty()) << ...
std::vector<std::string> rule_violations(const catalogue& cat, const plan_request& request,
                                         const plan& p);

}  // namespace kneerehab::testing
