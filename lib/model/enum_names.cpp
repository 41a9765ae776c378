// String names of the model's closed sets. Each enum has one table; to_string and parse
// both read it, so the two can never disagree.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "kneerehab/model/condition.hpp"
#include "kneerehab/model/enum_names.hpp"
#include "kneerehab/model/exercise.hpp"
#include "kneerehab/model/protocol.hpp"

namespace kneerehab {
namespace {

template <typename Enum, std::size_t N>
using name_table = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::string_view name_of(const name_table<Enum, N>& table, Enum value) noexcept {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const name_table<Enum, N>& table, std::string_view text) noexcept {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

// "a, b, c" from a table, built once: the names never change while the program runs.
template <typename Enum, std::size_t N>
std::string joined_names(const name_table<Enum, N>& table) {
  std::string out;
  for (const auto& [e, name] : table) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

constexpr name_table<exercise_category, 8> category_names{{
    {exercise_category::strength, "strength"},
    {exercise_category::isometric, "isometric"},
    {exercise_category::eccentric, "eccentric"},
    {exercise_category::stretch, "stretch"},
    {exercise_category::mobility, "mobility"},
    {exercise_category::balance, "balance"},
    {exercise_category::plyometric, "plyometric"},
    {exercise_category::cardio, "cardio"},
}};

constexpr name_table<laterality, 3> laterality_names{{
    {laterality::bilateral, "bilateral"},
    {laterality::unilateral, "unilateral"},
    {laterality::alternating, "alternating"},
}};

constexpr name_table<load_level, 3> load_names{{
    {load_level::low, "low"},
    {load_level::moderate, "moderate"},
    {load_level::high, "high"},
}};

constexpr name_table<knee_region, 5> region_names{{
    {knee_region::posterior, "posterior"},
    {knee_region::anterior, "anterior"},
    {knee_region::medial, "medial"},
    {knee_region::lateral, "lateral"},
    {knee_region::whole_knee, "whole-knee"},
}};

constexpr name_table<severity, 3> severity_names{{
    {severity::mild, "mild"},
    {severity::moderate, "moderate"},
    {severity::severe, "severe"},
}};

constexpr name_table<running_mode, 4> running_mode_names{{
    {running_mode::none, "none"},
    {running_mode::walk_run, "walk-run"},
    {running_mode::modified, "modified"},
    {running_mode::continuous, "continuous"},
}};

constexpr name_table<surface, 3> surface_names{{
    {surface::flat, "flat"},
    {surface::road, "road"},
    {surface::trail, "trail"},
}};

constexpr name_table<advice_topic, 10> advice_topic_names{{
    {advice_topic::warm_up, "warm-up"},
    {advice_topic::cool_down, "cool-down"},
    {advice_topic::icing, "icing"},
    {advice_topic::footwear, "footwear"},
    {advice_topic::surfaces, "surfaces"},
    {advice_topic::hydration, "hydration"},
    {advice_topic::cadence, "cadence"},
    {advice_topic::pain, "pain"},
    {advice_topic::load, "load"},
    {advice_topic::general, "general"},
}};

}  // namespace

std::string_view to_string(exercise_category v) noexcept { return name_of(category_names, v); }
std::optional<exercise_category> parse_exercise_category(std::string_view t) noexcept {
  return parse_name(category_names, t);
}
std::string_view to_string(laterality v) noexcept { return name_of(laterality_names, v); }
std::optional<laterality> parse_laterality(std::string_view t) noexcept {
  return parse_name(laterality_names, t);
}
std::string_view to_string(load_level v) noexcept { return name_of(load_names, v); }
std::optional<load_level> parse_load_level(std::string_view t) noexcept {
  return parse_name(load_names, t);
}
std::string_view to_string(knee_region v) noexcept { return name_of(region_names, v); }
std::optional<knee_region> parse_knee_region(std::string_view t) noexcept {
  return parse_name(region_names, t);
}
std::string_view to_string(severity v) noexcept { return name_of(severity_names, v); }
std::optional<severity> parse_severity(std::string_view t) noexcept {
  return parse_name(severity_names, t);
}
std::string_view to_string(running_mode v) noexcept { return name_of(running_mode_names, v); }
std::optional<running_mode> parse_running_mode(std::string_view t) noexcept {
  return parse_name(running_mode_names, t);
}
std::string_view to_string(surface v) noexcept { return name_of(surface_names, v); }
std::optional<surface> parse_surface(std::string_view t) noexcept {
  return parse_name(surface_names, t);
}
std::string_view to_string(advice_topic v) noexcept { return name_of(advice_topic_names, v); }
std::optional<advice_topic> parse_advice_topic(std::string_view t) noexcept {
  return parse_name(advice_topic_names, t);
}

template <>
std::string_view accepted_names<exercise_category>() noexcept {
  static const std::string names = joined_names(category_names);
  return names;
}
template <>
std::string_view accepted_names<laterality>() noexcept {
  static const std::string names = joined_names(laterality_names);
  return names;
}
template <>
std::string_view accepted_names<load_level>() noexcept {
  static const std::string names = joined_names(load_names);
  return names;
}
template <>
std::string_view accepted_names<knee_region>() noexcept {
  static const std::string names = joined_names(region_names);
  return names;
}
template <>
std::string_view accepted_names<severity>() noexcept {
  static const std::string names = joined_names(severity_names);
  return names;
}
template <>
std::string_view accepted_names<running_mode>() noexcept {
  static const std::string names = joined_names(running_mode_names);
  return names;
}
template <>
std::string_view accepted_names<surface>() noexcept {
  static const std::string names = joined_names(surface_names);
  return names;
}
template <>
std::string_view accepted_names<advice_topic>() noexcept {
  static const std::string names = joined_names(advice_topic_names);
  return names;
}

}  // namespace kneerehab
