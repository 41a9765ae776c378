#pragma once
// Private pieces of the planner, one file per concern:
//   phase_layout.cpp   how many weeks each phase gets, and the dated week skeleton
//   running_load.cpp   which days carry a run and how far (docs/plan-rules.md rules 1-5)
//   session_layout.cpp strength, mobility, cross-training and rest on the days
// planner.cpp validates the request, resolves ids, runs the safety gate and calls these in
// that order. Everything here is a pure function of its arguments.

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/plan/plan.hpp"
#include "kneerehab/plan/profile.hpp"
#include "kneerehab/plan/training_state.hpp"

namespace kneerehab::detail {

/// Whether a week's running volume `km` reaches `target`: within 1% or 0.1 km, whichever is
/// more (rounding each run down to 10 m must not leave a plan short of its target), with a
/// millimetre to spare so that a sum of runs exactly at the edge is not lost to floating-point
/// noise (3 x 6.6 km is 19.799999... in doubles). The planner and audit_plan() share this
/// definition.
[[nodiscard]] inline bool volume_reaches(double km, double target) noexcept {
  return target > 0 && km + 1e-6 >= target - std::max(0.1, 0.01 * target);
}

/// Warnings in the order they were first raised, each once.
class warning_list {
 public:
  void add(plan_notice notice);
  /// The warnings with the referral notices (is_referral) first, each group in its order.
  [[nodiscard]] std::vector<plan_notice> take_referrals_first() &&;

 private:
  std::vector<plan_notice> items_;
};

/// One phase as laid out on the calendar: weeks [first_week, first_week + weeks).
struct phase_span {
  const phase* ph = nullptr;
  int index = 0;       ///< position in protocol.phases
  int first_week = 0;  ///< 0-based plan week
  int weeks = 0;
};

/// The most sessions a day holds: a run (or walk-run) or cross-training, strength and
/// mobility; rest only on an otherwise empty day. Each day's session vector is reserved to it
/// when its first session is placed, so that it is allocated once.
inline constexpr std::size_t max_sessions_per_day = 3;

/// Everything the layout steps need about the runner, computed once.
struct plan_context {
  const catalogue* cat = nullptr;
  const protocol* proto = nullptr;
  const runner_profile* profile = nullptr;
  const training_state* state = nullptr;  ///< where the runner is at `start`
  date start;
  /// The weekly volume the plan builds to: the runner's target, or less when the run days
  /// cannot carry it (rule 4).
  distance target;
  distance min_run;                  ///< load.min_run_minutes at the easy pace
  distance max_run;                  ///< load.max_run_minutes at the easy pace
  bool cautious = false;             ///< age >= load.older_age or prior injuries: slower build
  bool pain_stops_running = false;   ///< pain above the hold threshold: no running in phase 1
  bool pain_holds = false;           ///< pain in the hold zone: modified running holds
  std::array<bool, 7> is_run_day{};  ///< indexed by weekday
};

/// How long the plan may be: a fixed number of weeks, or open-ended (ends when the final
/// phase's build is complete) up to `longest`.
struct plan_length {
  std::optional<int> fixed;
  bool open_ended = false;
  int longest = 104;
};

/// The weeks all `spans` add up to.
int total_weeks(const std::vector<phase_span>& spans) noexcept;

/// Where `level` falls in [min_weeks, max_weeks] of a phase (0 = min, 1 = max).
double severity_position(const phase_length_rules& rules, severity level) noexcept;

/// Nominal weeks per phase from the protocol's length rules and the profile. Never empty.
std::vector<phase_span> layout_phases(const protocol& proto, const runner_profile& profile,
                                      pain_score pain, warning_list& warnings);

/// The dated weeks with their runs and walk-run sessions (and run_total / run_cap): walks
/// the phases in order, a walk-run phase until its ladder is done, an open-ended final phase
/// until its build is complete, other phases for their nominal weeks; a fixed length cuts the
/// plan or extends its final phase. Updates `spans` to the weeks laid out.
std::vector<plan_week> plan_weeks(const plan_context& ctx, std::vector<phase_span>& spans,
                                  const plan_length& length, warning_list& warnings);

/// Adds strength, mobility and cross-training sessions, then rest on empty days.
void plan_sessions(const plan_context& ctx, const std::vector<phase_span>& spans,
                   std::vector<plan_week>& weeks, warning_list& warnings);

/// True when `text` mentions ice or icing as a word ("ice", "icing", "iced").
bool mentions_ice(std::string_view text) noexcept;

}  // namespace kneerehab::detail
