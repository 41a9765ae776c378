#pragma once
/// \file session_note.hpp
/// A note attached to a session, as data: what kind of note it is plus the catalogue text or
/// the ids and numbers it needs. Renderers word it (render/notice_text.hpp).

#include <memory>
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
  downhill,        ///< include short, gentle downhill sections
  speed,           ///< finish with strides
  long_run,        ///< keep the long run easy
  twice_a_day,     ///< exercise_id, exercise_name: a daily exercise done twice a day
  exercise_note,   ///< exercise_id, exercise_name, text: the prescription's own note
  cross_training,  ///< pain_max: easy effort, stop above the protocol's progress threshold
};

/// "warm-up", "cool-down", ... (kebab-case, stable).
std::string_view to_string(note_code code) noexcept;

/// An immutable text shared by every copy of it: a plan copies a pointer per note, not the
/// catalogue's sentences. Owned (never borrowed from the catalogue), so a plan stays valid
/// after its catalogue is gone. Compares by content; empty when default-constructed.
class shared_text {
 public:
  shared_text() = default;
  /// Implicit, so that a note is made from a string or a literal as before.
  shared_text(std::string text)
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  shared_text(const char* text) : shared_text(std::string(text)) {}

  /// The text; an empty string when there is none.
  [[nodiscard]] const std::string& str() const noexcept;
  [[nodiscard]] bool empty() const noexcept { return text_ == nullptr; }

  friend bool operator==(const shared_text& a, const shared_text& b) noexcept {
    return a.text_ == b.text_ || a.str() == b.str();
  }

 private:
  std::shared_ptr<const std::string> text_;  ///< null when empty
};

/// The id and display name of an exercise as a plan shows it. Immutable; the planner makes
/// one per prescription and every dose and note of that exercise (and every copy of the plan)
/// shares it, so a plan copies a pointer per session rather than two strings.
struct exercise_label {
  std::string id;
  std::string name;
  friend bool operator==(const exercise_label&, const exercise_label&) = default;
};

struct session_note {
  session_note() = default;
  explicit session_note(note_code c, shared_text catalogue_text = {})
      : code(c), text(std::move(catalogue_text)) {}
  /// A note about an exercise (twice_a_day, exercise_note), sharing its label.
  session_note(note_code c, std::shared_ptr<const exercise_label> about,
               shared_text catalogue_text = {})
      : code(c), text(std::move(catalogue_text)), exercise(std::move(about)) {}

  note_code code = note_code::long_run;
  shared_text text;  ///< catalogue text (warm_up, cool_down, icing, exercise_note)
  /// The exercise (twice_a_day, exercise_note); null for other notes.
  std::shared_ptr<const exercise_label> exercise;
  std::optional<int> pain_max;

  /// The exercise's id and name; empty when the note is not about an exercise.
  [[nodiscard]] const std::string& exercise_id() const noexcept;
  [[nodiscard]] const std::string& exercise_name() const noexcept;

  /// By content: the same code, text, exercise id and name, and pain_max.
  friend bool operator==(const session_note& a, const session_note& b) noexcept {
    return a.code == b.code && a.text == b.text && a.exercise_id() == b.exercise_id() &&
           a.exercise_name() == b.exercise_name() && a.pain_max == b.pain_max;
  }
};

}  // namespace kneerehab
