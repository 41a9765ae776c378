#pragma once
/// \file session_time.hpp
/// How long a session takes: the estimate every planned session states (docs/plan-rules.md
/// rule 9). A runner decides on a session by its minutes; fewer exercises are done more
/// faithfully (Henry, Rosemond & Eckert 1999).

#include <string>

#include "kneerehab/model/dosage.hpp"
#include "kneerehab/model/exercise.hpp"

namespace kneerehab {

/// The conventions of the estimate (docs/plan-rules.md rule 9, "Estimated minutes").
struct session_time_rules {
  /// Seconds one repetition takes when the dose gives no tempo ("3 x 15": about 3 s a rep).
  int rep_s = 3;
  /// Seconds added to each held repetition to get in and out of the hold ("10 x 5 s hold").
  int hold_changeover_s = 2;
  /// Rest between sets: strength and other work, high-load work (heavy slow resistance,
  /// eccentric, plyometric), and stretches and mobility (changing position or side).
  int rest_s = 60;
  int high_load_rest_s = 120;
  int stretch_rest_s = 15;
  /// Moving from one exercise to the next (setting up, changing equipment).
  int changeover_s = 60;
  /// A cross-training session: the middle of the 20-40 minutes its note prescribes.
  int cross_training_minutes = 30;
  /// Added to a run or walk-run session for its warm-up note and for its cool-down note.
  int warm_up_minutes = 5;
  int cool_down_minutes = 5;
};

/// Seconds one repetition takes at `tempo` ("3-0-3" -> 6, "2-1-3" -> 6, "3-0-0 (lower only)"
/// -> 3): the sum of the leading dash-separated numbers; `rules.rep_s` when the tempo is empty
/// or gives no positive number.
[[nodiscard]] int rep_seconds(const std::string& tempo, const session_time_rules& rules = {});

/// Seconds one exercise takes in a session at `dose`, rests between its sets included:
/// per set, minutes of timed work, or reps x (hold + getting in and out) for held reps, or
/// reps x the tempo's seconds, or one hold; twice for a unilateral or alternating exercise (one
/// side, then the other); plus a rest between sets (longer for high-load work, shorter for
/// stretches and mobility).
[[nodiscard]] int exercise_seconds(const dosage& dose, exercise_category category, load_level load,
                                   laterality side, const session_time_rules& rules = {});

/// Whole minutes (rounded up) of a session whose exercises take `exercise_s` seconds in all:
/// their time plus a changeover between each two of the `exercises`. 0 for no exercises.
[[nodiscard]] int session_minutes(int exercise_s, int exercises,
                                  const session_time_rules& rules = {});

}  // namespace kneerehab
