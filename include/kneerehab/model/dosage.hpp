#pragma once
/// \file dosage.hpp
/// How much of an exercise to do in one session, and how often a week.

#include <optional>
#include <string>

namespace kneerehab {

/// Dose of one exercise. At least one of reps, hold_s or minutes is positive.
struct dosage {
  int sets = 1;               ///< 1..10
  int reps = 0;               ///< per set, 0..100 (0 for holds and timed work)
  int hold_s = 0;             ///< seconds per hold or per side, 0..600
  int minutes = 0;            ///< for timed cardio work, 0..180
  std::string tempo;          ///< e.g. "3-0-3" (seconds down-pause-up), may be empty
  std::string load;           ///< e.g. "15RM", "bodyweight", "~70% max effort"
  int sessions_per_week = 3;  ///< 1..14 (7 = daily, 14 = twice daily)

  friend bool operator==(const dosage&, const dosage&) = default;
};

/// Nullopt when the dosage keeps every invariant above; else a sentence naming the
/// first broken one and the accepted range, e.g. "sets is 0; accepted: 1 to 10".
std::optional<std::string> dosage_problem(const dosage& dose);

/// "3 x 15", "5 x 45 s hold", "20 min", with tempo and load when present.
std::string describe(const dosage& dose);

}  // namespace kneerehab
