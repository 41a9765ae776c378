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

/// The answer when a red-flag symptom is reported: no plan, a referral.
struct referral {
  std::string red_flag_id;
  std::string red_flag_name;
  std::string symptom_id;
  std::string why;
  std::string action;
  /// One paragraph naming the symptom, why it matters and whom to see.
  std::string message;
};

using plan_outcome = std::variant<plan, referral>;

}  // namespace kneerehab
