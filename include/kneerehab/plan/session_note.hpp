#pragma once
/// \file session_note.hpp
/// A note attached to a session, as data: what kind of note it is plus the catalogue text or
/// the ids and numbers it needs. Renderers word it (render/notice_text.hpp).

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kneerehab {

enum class note_code {
  warm_up,         ///< text: the protocol's warm-up advice
  cool_down,       ///< text: the protocol's cool-down advice
  icing,           ///< text: the phase's advice about ice
  hills,           ///< include gentle uphill sections
  speed,           ///< finish with strides
  long_run,        ///< keep the long run easy
  twice_a_day,     ///< exercise_id, exercise_name: a daily exercise done twice a day
  exercise_note,   ///< exercise_id, exercise_name, text: the prescription's own note
  cross_training,  ///< pain_max: easy effort, stop above the protocol's progress threshold
};

/// "warm-up", "cool-down", ... (kebab-case, stable).
std::string_view to_string(note_code code) noexcept;

struct session_note {
  session_note() = default;
  explicit session_note(note_code c, std::string catalogue_text = {})
      : code(c), text(std::move(catalogue_text)) {}

  note_code code = note_code::long_run;
  std::string text;  ///< catalogue text (warm_up, cool_down, icing, exercise_note)
  std::string exercise_id;
  std::string exercise_name;
  std::optional<int> pain_max;

  friend bool operator==(const session_note&, const session_note&) = default;
};

}  // namespace kneerehab
