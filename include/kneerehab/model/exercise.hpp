#pragma once
/// \file exercise.hpp
/// Exercises of the catalogue.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/model/dosage.hpp"

namespace kneerehab {

enum class exercise_category {
  strength,
  isometric,
  eccentric,
  stretch,
  mobility,
  balance,
  plyometric,
  cardio
};
std::string_view to_string(exercise_category category) noexcept;
std::optional<exercise_category> parse_exercise_category(std::string_view text) noexcept;

enum class laterality { bilateral, unilateral, alternating };
std::string_view to_string(laterality side) noexcept;
std::optional<laterality> parse_laterality(std::string_view text) noexcept;

/// How hard an exercise loads its muscles and tendons. `high` work (heavy slow resistance,
/// eccentric, plyometric) for the same muscles is never planned on consecutive days.
enum class load_level { low, moderate, high };
std::string_view to_string(load_level level) noexcept;
std::optional<load_level> parse_load_level(std::string_view text) noexcept;

struct exercise {
  std::string id;    ///< kebab-case, e.g. "glute-bridge"
  std::string name;  ///< "Glute bridge"
  exercise_category category = exercise_category::strength;
  load_level load = load_level::moderate;
  std::vector<std::string> muscles;    ///< target muscles, e.g. "gluteus maximus"
  std::vector<std::string> equipment;  ///< empty = none needed
  laterality side = laterality::bilateral;
  std::vector<std::string> instructions;  ///< ordered steps
  std::vector<std::string> cues;          ///< coaching cues
  dosage default_dosage;
  std::optional<std::string> regression;       ///< id of the easier exercise
  std::optional<std::string> progression;      ///< id of the harder exercise
  std::vector<std::string> contraindications;  ///< when not to do it (plain text)
};

}  // namespace kneerehab
