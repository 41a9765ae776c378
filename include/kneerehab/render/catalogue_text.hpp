#pragma once
/// \file catalogue_text.hpp
/// Plain-text views of catalogue items, as the CLI prints them: lists and detail pages a
/// therapist can read.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/model/provenance.hpp"
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
/// With a clinic's items (docs/protocol-files.md): an ORIGIN column says built in, custom or
/// customised, with the author and version of the clinic's ones. `sources` has one entry per
/// item (open_layered_catalogue gives them).
std::string list_protocols(const catalogue& cat, const std::vector<catalogue_item_source>& sources);
std::string list_exercises(const std::vector<const exercise*>& exercises,
                           const std::vector<catalogue_item_source>& sources);
std::string list_red_flags(const catalogue& cat);

std::string describe_condition(const catalogue& cat, const condition& c);
std::string describe_exercise(const catalogue& cat, const exercise& e);
std::string describe_protocol(const catalogue& cat, const protocol& p);

}  // namespace kneerehab
