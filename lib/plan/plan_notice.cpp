// Names of notice and note codes: kebab-case, stable (JSON and tests use them).
#include <array>
#include <utility>

#include "kneerehab/plan/plan_notice.hpp"
#include "kneerehab/plan/session_note.hpp"

namespace kneerehab {
namespace {

constexpr std::array<std::pair<notice_code, std::string_view>, 26> notice_names = {{
    {notice_code::symptom_red_flag_from_age, "symptom-red-flag-from-age"},
    {notice_code::symptom_not_red_flag, "symptom-not-red-flag"},
    {notice_code::few_run_days, "few-run-days"},
    {notice_code::target_far_above_baseline, "target-far-above-baseline"},
    {notice_code::baseline_zero, "baseline-zero"},
    {notice_code::current_above_baseline, "current-above-baseline"},
    {notice_code::older_age_slower_build, "older-age-slower-build"},
    {notice_code::prior_injuries_slower_build, "prior-injuries-slower-build"},
    {notice_code::final_phase_extended, "final-phase-extended"},
    {notice_code::target_not_reached, "target-not-reached"},
    {notice_code::target_zero, "target-zero"},
    {notice_code::ladder_extended, "ladder-extended"},
    {notice_code::consecutive_run_days, "consecutive-run-days"},
    {notice_code::target_below_ladder, "target-below-ladder"},
    {notice_code::long_run_share_limits_week, "long-run-share-limits-week"},
    {notice_code::exercise_barred, "exercise-barred"},
    {notice_code::high_load_spread, "high-load-spread"},
    {notice_code::plan_cut, "plan-cut"},
    {notice_code::pain_holds_first_phase, "pain-holds-first-phase"},
    {notice_code::pain_stops_running, "pain-stops-running"},
    {notice_code::target_below_min_run, "target-below-min-run"},
    {notice_code::run_days_cannot_carry_target, "run-days-cannot-carry-target"},
    {notice_code::orthopaedic_referral, "orthopaedic-referral"},
    {notice_code::age_outside_typical_range, "age-outside-typical-range"},
    {notice_code::session_full, "session-full"},
    {notice_code::ladder_ends_below_min_run, "ladder-ends-below-min-run"},
}};
static_assert(notice_names.size() == std::size(all_notice_codes));

}  // namespace

std::string_view to_string(notice_code code) noexcept {
  for (const auto& [c, name] : notice_names) {
    if (c == code) return name;
  }
  return "unknown";
}

std::optional<notice_code> parse_notice_code(std::string_view text) noexcept {
  for (const auto& [c, name] : notice_names) {
    if (name == text) return c;
  }
  return std::nullopt;
}

std::string_view to_string(note_code code) noexcept {
  switch (code) {
    case note_code::warm_up:
      return "warm-up";
    case note_code::cool_down:
      return "cool-down";
    case note_code::icing:
      return "icing";
    case note_code::hills:
      return "hills";
    case note_code::downhill:
      return "downhill";
    case note_code::speed:
      return "speed";
    case note_code::long_run:
      return "long-run";
    case note_code::twice_a_day:
      return "twice-a-day";
    case note_code::exercise_note:
      return "exercise-note";
    case note_code::cross_training:
      return "cross-training";
  }
  return "unknown";
}

}  // namespace kneerehab
