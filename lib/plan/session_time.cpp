// The estimated minutes of a session (docs/plan-rules.md rule 9).

#include "kneerehab/plan/session_time.hpp"

#include <cctype>

namespace kneerehab {

int rep_seconds(const std::string& tempo, const session_time_rules& rules) {
  // "3-0-3", "2-1-3", "3-0-0 (lower only)": digits separated by dashes, then anything.
  int total = 0;
  int number = 0;
  bool in_number = false;
  for (const char c : tempo) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      number = number * 10 + (c - '0');
      in_number = true;
      if (number > 60) return rules.rep_s;  // not a tempo in seconds
    } else if (c == '-' && in_number) {
      total += number;
      number = 0;
      in_number = false;
    } else {
      break;
    }
  }
  if (in_number) total += number;
  return total > 0 ? total : rules.rep_s;
}

int exercise_seconds(const dosage& dose, exercise_category category, load_level load,
                     laterality side, const session_time_rules& rules) {
  int per_set = 0;
  if (dose.minutes > 0) {
    per_set = dose.minutes * 60;
  } else if (dose.reps > 0 && dose.hold_s > 0) {
    per_set = dose.reps * (dose.hold_s + rules.hold_changeover_s);
  } else if (dose.reps > 0) {
    per_set = dose.reps * rep_seconds(dose.tempo, rules);
  } else {
    per_set = dose.hold_s;
  }
  if (side != laterality::bilateral) per_set *= 2;
  int rest = rules.rest_s;
  switch (category) {
    case exercise_category::stretch:
    case exercise_category::mobility:
      rest = rules.stretch_rest_s;
      break;
    case exercise_category::strength:
    case exercise_category::isometric:
    case exercise_category::eccentric:
    case exercise_category::balance:
    case exercise_category::plyometric:
    case exercise_category::cardio:
      rest = load == load_level::high ? rules.high_load_rest_s : rules.rest_s;
      break;
  }
  const int sets = dose.sets > 0 ? dose.sets : 1;
  return sets * per_set + (sets - 1) * rest;
}

int session_minutes(int exercise_s, int exercises, const session_time_rules& rules) {
  if (exercises <= 0) return 0;
  const int total = exercise_s + (exercises - 1) * rules.changeover_s;
  return (total + 59) / 60;
}

}  // namespace kneerehab
