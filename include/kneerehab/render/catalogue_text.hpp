#pragma once
/// \file catalogue_text.hpp
/// Plain-text views of catalogue items, as the CLI prints them: lists and detail pages a
/// therapist can read.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/model/units.hpp"

namespace kneerehab {

/// Exercises in catalogue order whose category is `category` (when given) and whose id,
/// name or target muscles contain `search` (case-insensitive, when given).
std::vector<const exercise*> find_exercises(const catalogue& cat,
                                            std::optional<exercise_category> category,
                                            std::string_view search);

std::string list_conditions(const catalogue& cat);
std::string list_exercises(const std::vector<const exercise*>& exercises);
std::string list_protocols(const catalogue& cat);
std::string list_red_flags(const catalogue& cat);

std::string describe_condition(const catalogue& cat, const condition& c);
std::string describe_exercise(const catalogue& cat, const exercise& e);
std::string describe_protocol(const catalogue& cat, const protocol& p);

}  // namespace kneerehab
