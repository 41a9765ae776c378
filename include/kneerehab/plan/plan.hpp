#pragma once
/// \file plan.hpp
/// A generated plan: weeks of seven days, each day with sessions.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kneerehab/model/date.hpp"
#include "kneerehab/model/protocol.hpp"
#include "kneerehab/model/units.hpp"
#include "kneerehab/plan/plan_notice.hpp"
#include "kneerehab/plan/session_note.hpp"

namespace kneerehab {

enum class session_type { strength, mobility, run, walk_run, cross_training, rest };
std::string_view to_string(session_type type) noexcept;  ///< "strength", ..., "walk-run"

// exercise_label and shared_text: kneerehab/plan/session_note.hpp.

/// One exercise in a session with the dose for that week. A self-contained value: the label
/// is owned (shared, immutable) by the doses that point to it, never borrowed from the
/// catalogue, so a plan stays valid after its catalogue is gone.
struct exercise_dose {
  exercise_dose() = default;
  /// A dose with a label of its own.
  exercise_dose(std::string id, std::string name, dosage d);
  /// A dose sharing `shared_label` (not null) with other doses.
  exercise_dose(std::shared_ptr<const exercise_label> shared_label, dosage d);

  [[nodiscard]] const std::string& exercise_id() const noexcept;
  [[nodiscard]] const std::string& name() const noexcept;

  std::shared_ptr<const exercise_label> label;  ///< null only in a default-constructed dose
  dosage dose;
};

struct run_interval {
  int walk_s = 0;
  int run_s = 0;
  int repeat = 1;
  friend bool operator==(const run_interval&, const run_interval&) = default;
};

/// The running part of a run or walk-run session.
struct run_session {
  distance run;                         ///< distance covered running (walking excluded)
  double minutes = 0;                   ///< total minutes incl. walking, excl. warm-up
  bool continuous = true;               ///< false for walk-run sessions
  std::vector<run_interval> intervals;  ///< walk-run only
  surface where = surface::flat;
  bool hills = false;     ///< gentle uphill sections
  bool downhill = false;  ///< gentle downhill sections
  bool speed = false;
  bool long_run = false;
};

struct session {
  session_type type = session_type::rest;
  std::vector<exercise_dose> exercises;  ///< strength / mobility
  std::optional<run_session> run;        ///< run / walk-run
  std::string activity;                  ///< cross-training activity
  std::vector<session_note> notes;       ///< warm-up, cool-down, icing...
  /// Estimated whole minutes the session takes (docs/plan-rules.md rule 9;
  /// kneerehab/plan/session_time.hpp): exercises with their rests and changeovers, a run with
  /// its warm-up and cool-down; 0 for rest. Last, with a default, so that a session can be
  /// made without it.
  int minutes = 0;
};

struct plan_day {
  date day;
  std::vector<session> sessions;
};

struct plan_week {
  int number = 1;  ///< 1-based
  date start;
  std::string phase_id;
  std::string phase_name;
  int week_in_phase = 1;  ///< 1-based
  /// Criteria to check before this week (first week of a phase only).
  std::vector<entry_criterion> checkpoint;
  distance run_total;  ///< sum of the week's run distances
  distance run_cap;    ///< the most the rules allowed this week
  bool lighter_week = false;
  std::array<plan_day, 7> days;
};

struct plan {
  std::string condition_id;
  std::string condition_name;
  std::string protocol_id;
  std::string protocol_name;
  /// A clinic's protocol (docs/protocol-files.md): "custom" or "customised", its author and
  /// version. make_plan leaves them empty (the planner knows no clinic; `{}` lets designated
  /// initializers leave them out without a warning); the caller sets them
  /// from a layered catalogue, and renderers name them only when set.
  std::string protocol_origin{};
  std::string protocol_author{};
  std::string protocol_version{};
  date start;
  date end;  ///< last day of the last week
  std::vector<plan_week> weeks;
  std::vector<plan_notice> warnings;  ///< worded by render/notice_text.hpp
  std::vector<std::string> advice;    ///< the protocol's advice, as written
  std::vector<std::string> sources;
  distance baseline;
  distance target;
  pace easy_pace = pace::from_seconds_per_km(390);
  pain_rules pain;  ///< the protocol's pain-monitoring thresholds
};

/// Why a request gets a referral instead of a plan (docs/plan-rules.md rule 7).
enum class referral_reason {
  red_flag,                 ///< a reported symptom is a red flag
  referral_only_condition,  ///< the condition has no exercise protocol (e.g. artery entrapment)
  ottawa_knee_rule,         ///< a recent injury of a traumatic condition at the rule's age
  pain,                     ///< daily pain at or above the protocol's pain_rules::refer_min
};
/// "red-flag", "referral-only-condition", "ottawa-knee-rule", "pain" (stable: JSON writes it).
std::string_view to_string(referral_reason reason) noexcept;
std::optional<referral_reason> parse_referral_reason(std::string_view text) noexcept;

/// The answer instead of a plan: what was found and whom to see. The fields a reason does not
/// use are empty.
struct referral {
  referral_reason reason = referral_reason::red_flag;
  /// A short heading: the red flag's name, the condition's name, "Possible fracture (Ottawa
  /// knee rule)" or "Severe daily pain".
  std::string title;
  std::string red_flag_id;    ///< red_flag: the catalogue red flag
  std::string red_flag_name;  ///< red_flag: its name
  std::string symptom_id;     ///< red_flag: the symptom that raised it
  /// referral_only_condition and ottawa_knee_rule: the condition; pain: the condition when the
  /// request names one the catalogue has.
  std::string condition_id;
  std::string condition_name;
  std::optional<int> pain;            ///< pain: the score reported (0-10)
  std::optional<int> pain_refer_min;  ///< pain: the protocol's referral threshold
  std::optional<int> age;             ///< ottawa_knee_rule: the runner's age, when valid
  std::optional<int> min_age;         ///< ottawa_knee_rule: the rule's age (55)
  std::optional<date> injury_date;    ///< ottawa_knee_rule
  /// ottawa_knee_rule: days from the injury to the plan's start or to today, whichever made it
  /// recent (0-10).
  std::optional<int> days_since_injury;
  std::string why;     ///< why it matters
  std::string action;  ///< whom to see and how soon
  /// One paragraph naming what was found, why it matters and whom to see.
  std::string message;
};

using plan_outcome = std::variant<plan, referral>;

}  // namespace kneerehab
