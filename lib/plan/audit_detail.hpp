#pragma once
// Private pieces of audit_plan (include/kneerehab/plan/audit.hpp), one file per group of rules:
//   audit.cpp          names, the context every check reads, the order checks run in
//   audit_shape.cpp    the calendar, rule 1 (running allowed), rules 6, 7 and 9, high-load spacing
//   audit_ladder.cpp   rule 2 (the walk/run ladder)
//   audit_load.cpp     rules 3, 4 and 5 (continuous running, the target, one change at a time)
// Every check is a pure function of the context and adds findings of its own rule only.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kneerehab/plan/audit.hpp"
#include "kneerehab/plan/training_state.hpp"

namespace kneerehab::audit_detail {

/// Distances are compared with 5 m to spare, minutes with 3 s: planners round runs, and a
/// rule broken by less than that is rounding, not a broken promise.
inline constexpr double km_tolerance = 0.005;
inline constexpr double minute_tolerance = 0.05;
/// A lighter week is 20-30% below the week before it (docs/plan-rules.md rule 3).
inline constexpr double lighter_cut_min = 0.20;
inline constexpr double lighter_cut_max = 0.30;
/// The single-session spike rule looks back 30 days (Frandsen et al. 2025).
inline constexpr int spike_window_days = 30;
/// A restart, after weeks without running or a phase held under pain monitoring, may begin
/// with up to three runs a week, as the walk/run ladders do (every other day); rule 5.
inline constexpr int restart_runs = 3;

/// A run or walk-run session of the plan.
struct run_seen {
  int day = 0;           ///< days since the plan's start
  std::size_t week = 0;  ///< index into plan.weeks
  const session* s = nullptr;
  const run_session* run = nullptr;
  date when;
  /// False for walk-run sessions (session_type::walk_run, or a run not marked continuous).
  [[nodiscard]] bool continuous() const noexcept {
    return s->type != session_type::walk_run && run->continuous;
  }
  /// Minutes spent running: the session's minutes for a continuous run, the sum of the
  /// running intervals for a walk-run session.
  [[nodiscard]] double running_minutes() const noexcept;
  [[nodiscard]] double km() const noexcept { return run->run.km(); }
};

/// A week of the plan with what the checks ask about it.
struct week_seen {
  const plan_week* w = nullptr;
  const phase* ph = nullptr;  ///< null when the week names a phase the protocol lacks
  int phase_index = -1;
  int runs = 0;  ///< run and walk-run sessions
  int walk_runs = 0;
  int continuous_runs = 0;
  double km = 0;  ///< the sum of the week's run distances (calendar checks run_total)
  /// A week of continuous running only (a build week, a lighter one or one at the target).
  [[nodiscard]] bool continuous_only() const noexcept {
    return continuous_runs > 0 && walk_runs == 0;
  }
};

struct audit_context {
  const catalogue& cat;
  const protocol& proto;
  const plan_request& request;
  const plan& p;
  const audit_options& options;
  double target_km = 0;
  double baseline_km = 0;
  std::vector<week_seen> weeks;
  std::vector<run_seen> runs;  ///< in date order
  /// The runs before the plan's first day that the spike rule looks back on: the request's
  /// training state, or the one the planner builds from the profile.
  std::vector<logged_run> prior_runs;
  /// Index of the first week whose volume reaches the target, if any.
  std::optional<std::size_t> first_at_target;

  /// True when `km` reaches the target (within 1% or 0.1 km, whichever is more).
  [[nodiscard]] bool at_target(double km) const noexcept;
};

/// Where each check puts its findings: the rule is fixed, so a check cannot report another.
class finding_sink {
 public:
  finding_sink(audit_rule rule, std::vector<audit_finding>& out) : rule_(rule), out_(out) {}
  /// "week N, Wed 2027-02-03: what" (with a day) or "week N: what".
  void at(const plan_week& w, std::optional<date> day, const std::string& what);
  void at(const run_seen& r, const audit_context& ctx, const std::string& what);
  /// About the plan as a whole (week 0).
  void plan(const std::string& what);

 private:
  audit_rule rule_;
  std::vector<audit_finding>& out_;
};

/// True when `target` is reached by `km` (within 1% or 0.1 km, whichever is more).
bool reaches(double km, double target) noexcept;

// Words and numbers for messages.
std::string km_text(double km);               ///< "3.2 km", "16 km", "2.75 km"
std::string minutes_text(double minutes);     ///< "16.5 min"
std::string percent_text(double ratio);       ///< 0.305 -> "30.5%", 0.3 -> "30%"
std::string day_text(date d);                 ///< "Wed 2027-02-03"
std::string phase_label(const week_seen& w);  ///< "'Name' (id)"

using check_fn = void (*)(const audit_context&, finding_sink&);

// audit_shape.cpp
void check_calendar(const audit_context& ctx, finding_sink& out);
void check_running_allowed(const audit_context& ctx, finding_sink& out);
void check_run_day(const audit_context& ctx, finding_sink& out);
void check_run_kind_allowed(const audit_context& ctx, finding_sink& out);
void check_barred_exercise(const audit_context& ctx, finding_sink& out);
void check_entry_criteria_vs_bars(const audit_context& ctx, finding_sink& out);
void check_pain_referral(const audit_context& ctx, finding_sink& out);
void check_pain_hold(const audit_context& ctx, finding_sink& out);
void check_session_size(const audit_context& ctx, finding_sink& out);
void check_session_minutes(const audit_context& ctx, finding_sink& out);
void check_high_load_spacing(const audit_context& ctx, finding_sink& out);
// audit_ladder.cpp
void check_ladder_rest_day(const audit_context& ctx, finding_sink& out);
void check_ladder_runs_per_week(const audit_context& ctx, finding_sink& out);
void check_ladder_step_repeats(const audit_context& ctx, finding_sink& out);
void check_ladder_steps_per_week(const audit_context& ctx, finding_sink& out);
void check_ladder_order(const audit_context& ctx, finding_sink& out);
void check_ladder_fits_phase(const audit_context& ctx, finding_sink& out);
void check_first_continuous_run(const audit_context& ctx, finding_sink& out);
// audit_load.cpp
void check_single_run_spike(const audit_context& ctx, finding_sink& out);
void check_weekly_increase(const audit_context& ctx, finding_sink& out);
void check_lighter_week(const audit_context& ctx, finding_sink& out);
void check_long_run_share(const audit_context& ctx, finding_sink& out);
void check_target_ceiling(const audit_context& ctx, finding_sink& out);
void check_target_reached(const audit_context& ctx, finding_sink& out);
void check_plan_end(const audit_context& ctx, finding_sink& out);
void check_runs_per_week_step(const audit_context& ctx, finding_sink& out);
void check_min_run_minutes(const audit_context& ctx, finding_sink& out);
void check_one_new_stimulus_per_week(const audit_context& ctx, finding_sink& out);
void check_stimulus_after_target(const audit_context& ctx, finding_sink& out);
void check_downhill_last(const audit_context& ctx, finding_sink& out);
void check_hard_run_spacing(const audit_context& ctx, finding_sink& out);

// Fields other work adds to the model. Each adapter compiles today and reads the field as
// soon as it exists, so the checks that need it start working without an edit here.

/// TODO(run_session.downhill): a downhill run; false until run_session has the flag.
template <typename Run>
bool downhill_of(const Run& run) noexcept {
  if constexpr (requires { run.downhill; }) {
    return static_cast<bool>(run.downhill);
  } else {
    return false;
  }
}
/// TODO(load_rules.downhill_last): the protocol puts downhill last; false until the field.
template <typename Load>
bool downhill_last_of(const Load& load) noexcept {
  if constexpr (requires { load.downhill_last; }) {
    return static_cast<bool>(load.downhill_last);
  } else {
    return false;
  }
}
template <typename Run>
inline constexpr bool has_downhill_field = requires(const Run& run) {
  run.downhill;
};
template <typename Load>
inline constexpr bool has_downhill_last_field = requires(const Load& load) {
  load.downhill_last;
};
/// TODO(load_rules.regain_weekly_increase): the protocol's regain rate, or `fallback`.
template <typename Load>
double regain_increase_of(const Load& load, double fallback) noexcept {
  if constexpr (requires { load.regain_weekly_increase; }) {
    return static_cast<double>(load.regain_weekly_increase);
  } else {
    return fallback;
  }
}
}  // namespace kneerehab::audit_detail
