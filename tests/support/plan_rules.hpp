#pragma once
// The rules every generated plan keeps (docs/plan-rules.md), checked from the outside, one
// function per rule so that a failure names the rule it breaks. Shared by the unit, property
// and concurrency tests.

#include <string>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/plan/plan.hpp"
#include "kneerehab/plan/profile.hpp"

namespace kneerehab::testing {

/// A broken rule: which rule, and where ("week 3 (2026-12-07): ...").
struct rule_finding {
  std::string rule;
  std::string message;
};

/// What each check reads: the plan, its protocol and request, and the runs found in it.
struct plan_under_test {
  const catalogue& cat;
  const protocol& proto;
  const plan_request& request;
  const plan& p;
};

using rule_findings = std::vector<rule_finding>;

/// Weeks numbered 1.., 7 consecutive days each, no gaps, every day with a session, end date,
/// run_total the sum of the week's runs, phases of the protocol.
rule_findings check_calendar(const plan_under_test& t);
/// Rule 1: no running before the first phase that allows it, nor in a phase without running,
/// nor on a day that is not a run day.
rule_findings check_running_allowed(const plan_under_test& t);
/// Rule 5 (as built so far): hills and speed only in the final phase; no surface harder than
/// the phase allows; walk-run sessions have intervals, runs are continuous.
rule_findings check_run_kinds(const plan_under_test& t);
/// Rule 2: walk/run ladder: no consecutive days, at most max_runs_per_week, each step done
/// min_sessions_per_step times, at most max_ladder_steps_per_week steps in 7 days.
rule_findings check_walk_run_ladder(const plan_under_test& t);
/// Rule 3: no continuous run over spike_ratio x the longest run in the previous 30 days, nor
/// over the long-run share of the week's cap.
rule_findings check_single_run_spikes(const plan_under_test& t);
/// Rule 3: weekly volume within its cap, increases within the weekly cap over a build, a
/// lighter week in time and lighter by deload_cut.
rule_findings check_weekly_build(const plan_under_test& t);
/// Rule 4: weekly volume never above the target.
rule_findings check_target_ceiling(const plan_under_test& t);
/// Rule 6: contraindicated exercises never appear in the phases they are barred from.
rule_findings check_barred_exercises(const plan_under_test& t);
/// High-load exercises for the same muscles never on consecutive days.
rule_findings check_high_load_spacing(const plan_under_test& t);

/// Every check above, in order: empty when the plan keeps every rule.
rule_findings check_every_rule(const plan_under_test& t);

/// check_every_rule as lines "rule: message", for EXPECT_TRUE(...empty()) << lines.
std::vector<std::string> rule_violations(const catalogue& cat, const protocol& proto,
                                         const plan_request& request, const plan& p);

}  // namespace kneerehab::testing
