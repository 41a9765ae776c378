#pragma once
/// \file plan_notice.hpp
/// What the planner has to tell the runner or the therapist about a plan, as data: a code
/// and the numbers and ids that go with it. Renderers word a notice in the reader's units
/// (render/notice_text.hpp); JSON writes the values in SI units beside the worded text.

#include <optional>
#include <string>
#include <string_view>

#include "kneerehab/model/units.hpp"

namespace kneerehab {

/// One code per kind of notice the planner raises. The values each code sets are listed
/// beside it; plan_notice members it does not list stay unset.
enum class notice_code {
  symptom_red_flag_from_age,     ///< symptom_id, symptom, min_age, age
  symptom_not_red_flag,          ///< symptom_id, symptom
  few_run_days,                  ///< run_days
  target_far_above_baseline,     ///< target, baseline, percent, limit_percent
  baseline_zero,                 ///< target
  current_above_baseline,        ///< current, baseline
  older_age_slower_build,        ///< age, percent (weekly increase used), limit_percent (usual)
  prior_injuries_slower_build,   ///< prior_injuries, percent, limit_percent (as above)
  final_phase_extended,          ///< phase_id, phase_name, weeks (added), target
  target_not_reached,            ///< target, planned (the most planned in a week)
  target_zero,                   ///< (none): no running is planned
  ladder_extended,               ///< ladder_id, phase_id, phase_name (the phase it runs into)
  consecutive_run_days,          ///< (none): a walk-run day is skipped after a run day
  target_below_ladder,           ///< target
  long_run_share_limits_week,    ///< run_days, limit_percent (longest run), percent (of the cap)
  exercise_barred,               ///< exercise_id, phase_id, phase_name
  high_load_spread,              ///< exercise_id, exercise_name, days, sessions
  plan_cut,                      ///< weeks (of the plan), weeks_needed, phase_id, phase_name,
                                 ///< protocol_id
  pain_holds_first_phase,        ///< pain, pain_max, phase_id, phase_name, weeks
  pain_stops_running,            ///< pain, pain_max (the hold threshold), phase_id, phase_name
  target_below_min_run,          ///< target, minutes (the shortest sensible run)
  run_days_cannot_carry_target,  ///< target, run_days, planned (the most they carry), minutes
  /// A referral notice (the plan still goes ahead): prior_injuries, condition_id,
  /// condition_name. From the condition's refer_min_prior_injuries on.
  orthopaedic_referral,
  /// age, min_age, max_age (the condition's typical_age), condition_id, condition_name.
  age_outside_typical_range,
  /// exercise_id, exercise_name, phase_id, phase_name, sessions (prescribed a week), days
  /// (planned a week; 0: left out), max_exercises: the phase's sessions are full.
  session_full,
  /// target, minutes (the shortest sensible run): the target ends the walk/run ladder before
  /// its running reaches that long, so the first continuous runs are shorter.
  ladder_ends_below_min_run,
};

/// "symptom-red-flag-from-age", ... (kebab-case, stable: JSON writes it).
std::string_view to_string(notice_code code) noexcept;
std::optional<notice_code> parse_notice_code(std::string_view text) noexcept;

/// Every notice code, in declaration order.
inline constexpr notice_code all_notice_codes[] = {
    notice_code::symptom_red_flag_from_age,
    notice_code::symptom_not_red_flag,
    notice_code::few_run_days,
    notice_code::target_far_above_baseline,
    notice_code::baseline_zero,
    notice_code::current_above_baseline,
    notice_code::older_age_slower_build,
    notice_code::prior_injuries_slower_build,
    notice_code::final_phase_extended,
    notice_code::target_not_reached,
    notice_code::target_zero,
    notice_code::ladder_extended,
    notice_code::consecutive_run_days,
    notice_code::target_below_ladder,
    notice_code::long_run_share_limits_week,
    notice_code::exercise_barred,
    notice_code::high_load_spread,
    notice_code::plan_cut,
    notice_code::pain_holds_first_phase,
    notice_code::pain_stops_running,
    notice_code::target_below_min_run,
    notice_code::run_days_cannot_carry_target,
    notice_code::orthopaedic_referral,
    notice_code::age_outside_typical_range,
    notice_code::session_full,
    notice_code::ladder_ends_below_min_run,
};

/// Whether a notice refers the runner to a clinician: a plan lists these before its other
/// warnings (docs/plan-rules.md rule 7).
[[nodiscard]] constexpr bool is_referral(notice_code code) noexcept {
  return code == notice_code::orthopaedic_referral;
}

/// A warning about a plan: its code and the values that code uses (see notice_code).
struct plan_notice {
  plan_notice() = default;
  explicit plan_notice(notice_code c) noexcept : code(c) {}

  notice_code code = notice_code::target_zero;
  // Weekly volumes.
  std::optional<distance> target;
  std::optional<distance> baseline;
  std::optional<distance> current;
  std::optional<distance> planned;
  // Percentages (50 means 50%).
  std::optional<double> percent;
  std::optional<double> limit_percent;
  std::optional<double> minutes;  ///< a run's length in minutes
  // Counts and scores.
  std::optional<int> age;
  std::optional<int> min_age;
  std::optional<int> max_age;
  std::optional<int> prior_injuries;
  std::optional<int> run_days;  ///< per week
  std::optional<int> weeks;
  std::optional<int> weeks_needed;
  std::optional<int> days;           ///< per week
  std::optional<int> sessions;       ///< per week
  std::optional<int> pain;           ///< 0-10
  std::optional<int> pain_max;       ///< the protocol's progress threshold, 0-10
  std::optional<int> max_exercises;  ///< the most exercises a session holds
  // Catalogue ids and the names that go with them.
  std::string symptom_id;
  std::string symptom;  ///< the symptom's description
  std::string ladder_id;
  std::string phase_id;
  std::string phase_name;
  std::string exercise_id;
  std::string exercise_name;
  std::string protocol_id;
  std::string condition_id;
  std::string condition_name;

  friend bool operator==(const plan_notice&, const plan_notice&) = default;
};

}  // namespace kneerehab
