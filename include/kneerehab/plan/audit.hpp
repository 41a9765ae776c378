#pragma once
/// \file audit.hpp
/// The rules every generated plan keeps (docs/plan-rules.md, rules 1-9), checked from the
/// outside: audit_plan reads a plan, the request it was made for and its protocol, and
/// returns one finding per broken clause, in plain words. The property tests, the CLI and
/// protocol validation use it; a plan make_plan returns should audit empty.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/model/date.hpp"
#include "kneerehab/plan/plan.hpp"
#include "kneerehab/plan/profile.hpp"

namespace kneerehab {

/// One clause of docs/plan-rules.md that audit_plan checks, each by a function of its own.
/// The kebab-case names (to_string) are stable: tests and reports use them.
enum class audit_rule {
  // The plan's shape (no rule number): weeks of 7 consecutive days without gaps, the length
  // asked for, phases of the protocol in order, run totals that add up, sessions well formed.
  calendar,
  // Rule 1.
  running_allowed,   ///< no run before the first phase that allows running, nor in a phase without
  run_day,           ///< runs only on the runner's run days
  run_kind_allowed,  ///< surface, hills, downhill and speed only where the phase allows them
  // Rule 2: the walk/run ladder.
  ladder_rest_day,        ///< no walk-run session on the day before or after another run
  ladder_runs_per_week,   ///< at most load_rules.max_runs_per_week runs in a ladder week
  ladder_step_repeats,    ///< each step done min_sessions_per_step times before the next
  ladder_steps_per_week,  ///< at most max_ladder_steps_per_week new steps in any 7 days
  ladder_order,           ///< steps are the ladder's own and never go backwards
  ladder_fits_phase,      ///< walk-run sessions only in a walk-run phase (it lasts the ladder)
  first_continuous_run,   ///< no longer, in minutes, than the last step's running time + 10%
  // Rule 3: continuous running.
  /// No continuous run over spike_ratio x the longest run of the previous 30 days, by
  /// distance and by minutes; walk-run sessions count by their running part.
  single_run_spike,
  weekly_increase,  ///< weekly volume up at most weekly_increase (faster below the baseline)
  lighter_week,     ///< a lighter week every 3-4 weeks of build, 20-30% lighter, then resume
  long_run_share,   ///< in weeks of 4 or more runs, no run above long_run_share of the week
  // Rule 4: the target.
  target_ceiling,  ///< weekly volume never above the target
  target_reached,  ///< a plan that never reaches the target says so (target-not-reached)
  plan_end,        ///< an open-ended plan ends once the target is reached and held a week
  // Rule 5: one change at a time.
  runs_per_week_step,         ///< runs a week rise by at most one from one week to the next
  min_run_minutes,            ///< no continuous run under 15 minutes
  one_new_stimulus_per_week,  ///< road, trail, hills, downhill, speed: each in a week of its own
  stimulus_after_target,      ///< ... only once a week has reached 90% of the target
  downhill_last,              ///< downhill after every other stimulus where the protocol says
  hard_run_spacing,  ///< no hard runs on consecutive days nor on the day before the long run
  // Rule 6: contraindications.
  barred_exercise,         ///< no barred exercise in a phase's sessions or session notes
  entry_criteria_vs_bars,  ///< entry criteria never test what the phase before them bars
  // Rule 7: safety first.
  pain_referral,  ///< daily pain at or above the referral threshold gets a referral, no plan
  pain_hold,      ///< pain above the protocol's hold threshold: no running in the first phase
  // Rule 9: sessions a runner will do.
  session_size,     ///< a strength session holds at most 6 exercises (the protocol's cap)
  session_minutes,  ///< a strength session states its estimated minutes
  // Not a numbered rule: the planner's own promise (lib/plan/session_layout.cpp).
  high_load_spacing,  ///< high-load exercises for the same muscles never on consecutive days
};

/// Every audit rule, in declaration order (the order audit_plan checks them in).
inline constexpr audit_rule all_audit_rules[] = {
    audit_rule::calendar,
    audit_rule::running_allowed,
    audit_rule::run_day,
    audit_rule::run_kind_allowed,
    audit_rule::ladder_rest_day,
    audit_rule::ladder_runs_per_week,
    audit_rule::ladder_step_repeats,
    audit_rule::ladder_steps_per_week,
    audit_rule::ladder_order,
    audit_rule::ladder_fits_phase,
    audit_rule::first_continuous_run,
    audit_rule::single_run_spike,
    audit_rule::weekly_increase,
    audit_rule::lighter_week,
    audit_rule::long_run_share,
    audit_rule::target_ceiling,
    audit_rule::target_reached,
    audit_rule::plan_end,
    audit_rule::runs_per_week_step,
    audit_rule::min_run_minutes,
    audit_rule::one_new_stimulus_per_week,
    audit_rule::stimulus_after_target,
    audit_rule::downhill_last,
    audit_rule::hard_run_spacing,
    audit_rule::barred_exercise,
    audit_rule::entry_criteria_vs_bars,
    audit_rule::pain_referral,
    audit_rule::pain_hold,
    audit_rule::session_size,
    audit_rule::session_minutes,
    audit_rule::high_load_spacing,
};

/// "calendar", "running-allowed", ..., "high-load-spacing" (kebab-case, stable).
std::string_view to_string(audit_rule rule) noexcept;
/// The rule named `text` (as to_string spells it), or nullopt.
std::optional<audit_rule> parse_audit_rule(std::string_view text) noexcept;
/// The clause the rule checks, in one line starting with its rule number
/// ("rule 3: no run longer than 110% of the longest run in the previous 30 days").
std::string_view describe(audit_rule rule) noexcept;
/// False for a rule whose data plans do not carry yet, so that audit_plan never reports it:
/// downhill_last until run_session has a `downhill` flag and load_rules a `downhill_last`
/// one. True for every other rule.
bool is_checked(audit_rule rule) noexcept;

/// A broken clause: which rule, where, and what is wrong in plain words with the numbers
/// (distances in kilometres, the library's own unit).
struct audit_finding {
  audit_rule rule = audit_rule::calendar;
  int week = 0;             ///< the 1-based week it is in; 0 for the plan as a whole
  std::optional<date> day;  ///< the day, when the finding is about one day's session
  /// Starts with where ("week 5, Wed 2027-02-03: ", "week 5: ", or nothing for week 0), then
  /// what is wrong and the limit it breaks.
  std::string message;
  friend bool operator==(const audit_finding&, const audit_finding&) = default;
};

/// Numbers the audit needs that protocols do not carry yet. Each defaults to the value
/// docs/plan-rules.md states.
struct audit_options {
  /// Rule 3: the most weekly volume may rise while it is below the runner's pre-injury
  /// baseline (volume held before comes back faster than new volume is built).
  /// TODO(load_rules.regain_weekly_increase): once load_rules has this field the protocol's
  /// value is used and this option is ignored (audit_plan already reads the field when it
  /// exists); then remove the option.
  double regain_weekly_increase = 0.30;
  /// Rule 7: daily pain at or above this refers instead of planning.
  /// TODO(pain_rules): read the protocol's referral threshold once pain_rules carries one.
  int referral_pain = 8;
  /// Rule 9: the most exercises a strength session holds; unset: the protocol's
  /// `[sessions] max_exercises` (default 6).
  std::optional<int> max_strength_exercises;
  /// Rule 5: the shortest continuous run, in minutes.
  double min_run_minutes = 15.0;
  /// Rule 5: a new stimulus comes only after a week has reached this share of the target.
  double stimulus_target_share = 0.90;
};

/// Audits `p`, planned for `request`, against docs/plan-rules.md. The protocol is the one
/// named by p.protocol_id in `cat`; the target is request.profile.target, or the baseline.
/// Returns every finding, ordered by rule (as all_audit_rules lists them), then by week;
/// empty when the plan keeps every rule. A pure function: it reads nothing else.
/// Throws error(errc::not_found) when `cat` has no protocol p.protocol_id.
///
/// Rule 8 (milder is never slower; more current running is never slower) compares several
/// plans and is not checked here: compare weeks_to_target across them.
std::vector<audit_finding> audit_plan(const catalogue& cat, const plan_request& request,
                                      const plan& p, const audit_options& options = {});

/// The 1-based number of the first week whose running volume reaches the plan's target
/// (p.target, within 1% or 0.1 km, whichever is more), or nullopt when no week does or the
/// target is 0. For rule 8's comparisons between plans.
std::optional<int> weeks_to_target(const plan& p);

}  // namespace kneerehab
