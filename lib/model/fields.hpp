#pragma once
// One description per field of the model's catalogue structs: the C++ member, the TOML key,
// the SQL column and the accepted range (numbers) or closed set (enums). The TOML reader
// (lib/io/catalogue_toml.cpp), the SQLite reader and writer (lib/io/catalogue_reader.cpp,
// catalogue_writer.cpp) and the validator's range checks (dosage_problem, lib/catalogue/
// validate.cpp) all loop over these tables, so a name or a range is written once.
//
// Every number has a range: a catalogue is data from outside the program, and the planner
// multiplies these numbers (a ladder step of run_s = 2e9 once overflowed it). Integers are read
// as 64-bit values and checked against the range before they are narrowed to int.
// data/schema.sql's CHECK constraints repeat the dosage, length and load ranges as a second line
// of defence (tests/catalogue_sqlite_test.cpp checks they agree); where the schema is looser
// (ladder steps, weeks, criterion values) the tables here are the rule.
//
// Lists of strings stored one row per item in a child table are described by list_field.

#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "kneerehab/model/condition.hpp"
#include "kneerehab/model/dosage.hpp"
#include "kneerehab/model/enum_names.hpp"
#include "kneerehab/model/exercise.hpp"
#include "kneerehab/model/protocol.hpp"
#include "kneerehab/model/red_flag.hpp"

namespace kneerehab::detail {

template <typename Struct>
using member_ptr = std::variant<int Struct::*, double Struct::*, std::string Struct::*,
                                bool Struct::*, std::optional<std::string> Struct::*,
                                std::optional<int> Struct::*, exercise_category Struct::*,
                                load_level Struct::*, laterality Struct::*, knee_region Struct::*,
                                running_mode Struct::*, surface Struct::*, advice_topic Struct::*>;

/// How a field may be left out.
enum class presence {
  required,         ///< TOML: the key must be given; SQL: NOT NULL
  optional,         ///< TOML: may be left out (the struct's default, or nullopt); SQL: NOT NULL
                    ///< unless the member is std::optional (NULL = nullopt)
  null_when_empty,  ///< a string that may be left out; SQL stores "" as NULL
};

template <typename Struct>
struct field {
  std::string_view key;     ///< TOML key
  std::string_view column;  ///< SQL column
  member_ptr<Struct> member;
  presence use = presence::optional;
  double low = 1;   ///< accepted range of a number, inclusive; low > high: no range (text,
  double high = 0;  ///< enums, booleans)
  /// The catalogue schema minor version (1.x) that added the SQL column. A database of an older
  /// minor version has no such column: the SQLite reader leaves the member at its default.
  int since_minor = 0;
  [[nodiscard]] constexpr bool ranged() const noexcept { return low <= high; }
};

/// A list of strings: TOML array `key`; SQL rows (owner, position, `column`) of `table`.
template <typename Struct>
struct list_field {
  std::string_view key;
  std::string_view table;
  std::string_view column;
  std::vector<std::string> Struct::*member;
};

constexpr auto required = presence::required;
constexpr auto optional = presence::optional;
constexpr auto null_when_empty = presence::null_when_empty;

// ---- the tables ------------------------------------------------------------------------------

inline constexpr std::array<field<red_flag>, 5> red_flag_fields{{
    {"id", "id", &red_flag::id, required},
    {"name", "name", &red_flag::name, required},
    {"why", "why", &red_flag::why, required},
    {"action", "action", &red_flag::action, required},
    {"source", "source", &red_flag::source},
}};

inline constexpr std::array<field<symptom>, 4> symptom_fields{{
    {"id", "id", &symptom::id, required},
    {"description", "description", &symptom::description, required},
    {"red_flag", "red_flag_id", &symptom::red_flag},
    {"min_age", "min_age", &symptom::min_age, optional, 0, 120},
}};

inline constexpr std::array<field<walk_run_ladder>, 3> ladder_fields{{
    {"id", "id", &walk_run_ladder::id, required},
    {"name", "name", &walk_run_ladder::name, required},
    {"source", "source", &walk_run_ladder::source},
}};

inline constexpr std::array<field<interval_step>, 3> interval_step_fields{{
    {"walk_s", "walk_s", &interval_step::walk_s, optional, 0, 3600},
    {"run_s", "run_s", &interval_step::run_s, required, 1, 3600},
    {"repeats", "repeats", &interval_step::repeats, optional, 1, 20},
}};

inline constexpr std::array<field<dosage>, 7> dosage_fields{{
    {"sets", "sets", &dosage::sets, optional, 1, 10},
    {"reps", "reps", &dosage::reps, optional, 0, 100},
    {"hold_s", "hold_s", &dosage::hold_s, optional, 0, 600},
    {"minutes", "minutes", &dosage::minutes, optional, 0, 180},
    {"tempo", "tempo", &dosage::tempo},
    {"load", "dose_load", &dosage::load},
    {"sessions_per_week", "sessions_per_week", &dosage::sessions_per_week, optional, 1, 14},
}};

// exercise::default_dosage: dosage_fields, TOML table `dosage`, SQL columns of `exercises`.
inline constexpr std::array<field<exercise>, 7> exercise_fields{{
    {"id", "id", &exercise::id, required},
    {"name", "name", &exercise::name, required},
    {"category", "category", &exercise::category, required},
    {"load", "load_level", &exercise::load, required},
    {"side", "side", &exercise::side, required},
    {"regression", "regression_id", &exercise::regression},
    {"progression", "progression_id", &exercise::progression},
}};

inline const std::array<list_field<exercise>, 5> exercise_lists{{
    {"muscles", "exercise_muscles", "item", &exercise::muscles},
    {"equipment", "exercise_equipment", "item", &exercise::equipment},
    {"instructions", "exercise_instructions", "item", &exercise::instructions},
    {"cues", "exercise_cues", "item", &exercise::cues},
    {"contraindications", "exercise_contraindications", "item", &exercise::contraindications},
}};

/// A timeline's weeks; SQL columns are prefixed by the severity ("mild_min_weeks").
inline constexpr std::array<field<timeline>, 2> timeline_fields{{
    {"min_weeks", "min_weeks", &timeline::min_weeks, required, 0, 104},
    {"max_weeks", "max_weeks", &timeline::max_weeks, required, 0, 104},
}};

/// The timelines of a condition: TOML `timeline = { mild = [min, max], ... }`.
struct timeline_member {
  std::string_view key;  ///< TOML key in `timeline` and SQL column prefix
  timeline condition::*member;
};
inline constexpr std::array<timeline_member, 3> condition_timelines{{
    {"mild", &condition::mild},
    {"moderate", &condition::moderate},
    {"severe", &condition::severe},
}};

inline constexpr std::array<field<condition>, 10> condition_fields{{
    {"id", "id", &condition::id, required},
    {"name", "name", &condition::name, required},
    {"region", "region", &condition::region, required},
    {"description", "description", &condition::description, required},
    {"presentation", "presentation", &condition::presentation, required},
    {"protocol", "protocol_id", &condition::protocol_id},
    {"referral_only", "referral_only", &condition::referral_only},
    {"referral", "referral", &condition::referral},
    {"traumatic", "traumatic", &condition::traumatic, optional, 1, 0, 2},
    {"refer_min_prior_injuries", "refer_min_prior_injuries", &condition::refer_min_prior_injuries,
     optional, 1, 20, 2},
}};

/// condition::typical_age: TOML `typical_age = [min, max]`; SQL columns `typical_age_min` and
/// `typical_age_max` (both NULL: no range), since schema 1.2. Also min <= max:
/// age_range_problem.
inline constexpr std::array<field<age_range>, 2> age_range_fields{{
    {"min", "min", &age_range::min_years, required, 0, 120, 2},
    {"max", "max", &age_range::max_years, required, 0, 120, 2},
}};
inline constexpr std::string_view typical_age_key = "typical_age";

inline const std::array<list_field<condition>, 3> condition_lists{{
    {"aggravating", "condition_aggravating", "item", &condition::aggravating},
    {"red_flags", "condition_red_flags", "red_flag_id", &condition::red_flags},
    {"sources", "condition_sources", "item", &condition::sources},
}};

inline constexpr std::array<field<protocol>, 4> protocol_fields{{
    {"id", "id", &protocol::id, required},
    {"name", "name", &protocol::name, required},
    {"condition", "condition_id", &protocol::condition_id, required},
    {"summary", "summary", &protocol::summary},
}};

inline const std::array<list_field<protocol>, 1> protocol_lists{{
    {"sources", "protocol_sources", "item", &protocol::sources},
}};

inline constexpr std::array<field<advice_note>, 2> advice_fields{{
    {"topic", "topic", &advice_note::topic, required},
    {"text", "text", &advice_note::text, required},
}};

inline constexpr std::array<field<phase_length_rules>, 6> length_rule_fields{{
    {"mild", "length_mild", &phase_length_rules::mild, optional, 0, 1},
    {"moderate", "length_moderate", &phase_length_rules::moderate, optional, 0, 1},
    {"severe", "length_severe", &phase_length_rules::severe, optional, 0, 1},
    {"older_age", "length_older_age", &phase_length_rules::older_age, optional, 18, 100},
    {"older_extra_weeks", "length_older_extra_weeks", &phase_length_rules::older_extra_weeks,
     optional, 0, 8},
    {"prior_injury_extra_weeks", "length_prior_injury_extra_weeks",
     &phase_length_rules::prior_injury_extra_weeks, optional, 0, 8},
}};

// Also 0 <= progress_max < hold_max < refer_min <= 10: pain_rules_problem.
inline constexpr std::array<field<pain_rules>, 3> pain_rule_fields{{
    {"progress_max", "pain_progress_max", &pain_rules::progress_max, optional, 0, 10},
    {"hold_max", "pain_hold_max", &pain_rules::hold_max, optional, 0, 10},
    {"refer_min", "pain_refer_min", &pain_rules::refer_min, optional, 1, 10, 2},
}};

inline constexpr std::array<field<load_rules>, 11> load_rule_fields{{
    {"weekly_increase", "load_weekly_increase", &load_rules::weekly_increase, optional, 0.05, 0.20},
    // more than 0 and at most weekly_increase: checked by load_rules_problem
    {"cautious_weekly_increase", "load_cautious_weekly_increase",
     &load_rules::cautious_weekly_increase},
    {"older_age", "load_older_age", &load_rules::older_age, optional, 18, 100},
    {"spike_ratio", "load_spike_ratio", &load_rules::spike_ratio, optional, 1.0, 1.3},
    {"deload_every", "load_deload_every", &load_rules::deload_every, optional, 3, 4},
    {"deload_cut", "load_deload_cut", &load_rules::deload_cut, optional, 0.20, 0.30},
    {"long_run_share", "load_long_run_share", &load_rules::long_run_share, optional, 0.2, 0.5},
    {"max_runs_per_week", "load_max_runs_per_week", &load_rules::max_runs_per_week, optional, 2, 6},
    {"max_ladder_steps_per_week", "load_max_ladder_steps_per_week",
     &load_rules::max_ladder_steps_per_week, optional, 1, 2},
    {"min_sessions_per_step", "load_min_sessions_per_step", &load_rules::min_sessions_per_step,
     optional, 2, 6},
    {"warn_increase", "load_warn_increase", &load_rules::warn_increase, optional, 0.05, 1.0},
}};

/// protocol::sessions: TOML table `sessions`, SQL columns `session_*` of `protocols` (since 1.3).
inline constexpr std::array<field<session_rules>, 1> session_rule_fields{{
    {"max_exercises", "session_max_exercises", &session_rules::max_exercises, optional, 1, 12, 3},
}};

// Also min_weeks <= max_weeks: phase_weeks_problem. phase::running: running_rule_fields, TOML
// table `running`, SQL columns of `phases`.
inline constexpr std::array<field<phase>, 5> phase_fields{{
    {"id", "id", &phase::id, required},
    {"name", "name", &phase::name, required},
    {"goal", "goal", &phase::goal, required},
    {"min_weeks", "min_weeks", &phase::min_weeks, required, 1, 26},
    {"max_weeks", "max_weeks", &phase::max_weeks, required, 1, 26},
}};

inline const std::array<list_field<phase>, 3> phase_lists{{
    {"cross_training", "phase_cross_training", "item", &phase::cross_training},
    {"advice", "phase_advice", "item", &phase::advice},
    {"barred", "phase_barred", "exercise_id", &phase::barred_exercises},
}};

// Mode-dependent rules (a ladder for walk-run, a fraction above 0): running_problem.
inline constexpr std::array<field<running_rule>, 6> running_rule_fields{{
    {"mode", "running_mode", &running_rule::mode, required},
    {"ladder", "ladder_id", &running_rule::ladder_id, null_when_empty},
    {"start_fraction", "start_fraction", &running_rule::start_fraction, optional, 0, 1},
    {"max_surface", "max_surface", &running_rule::max_surface},
    {"hills", "hills", &running_rule::hills},
    {"speed", "speed", &running_rule::speed},
}};

// The op's closed set and a non-empty measure and text: criterion_problem.
inline constexpr std::array<field<entry_criterion>, 6> criterion_fields{{
    {"measure", "measure", &entry_criterion::measure, required},
    {"op", "op", &entry_criterion::op, required},
    {"value", "value", &entry_criterion::value, required, -1000, 1000},
    {"unit", "unit", &entry_criterion::unit},
    {"text", "text", &entry_criterion::text, required},
    {"source", "source", &entry_criterion::source},
}};

// prescription::dose: dosage_fields, inline in both the TOML table and the SQL row.
inline constexpr std::array<field<prescription>, 2> prescription_fields{{
    {"id", "exercise_id", &prescription::exercise_id, required},
    {"note", "note", &prescription::note},
}};

// dosage_step::dose: dosage_fields, inline. Also strictly increasing and <= max_weeks:
// validate_progression.
inline constexpr std::array<field<dosage_step>, 1> dosage_step_fields{{
    {"week", "week", &dosage_step::week, required, 2, 26},
}};

// ---- looping over a table --------------------------------------------------------------------

/// Calls f(field, member-reference) for each field of `fields` on `value`.
template <typename Struct, std::size_t N, typename F>
void for_each_field(const std::array<field<Struct>, N>& fields, Struct& value, F&& f) {
  for (const auto& fd : fields) {
    std::visit([&](auto member) { f(fd, value.*member); }, fd.member);
  }
}
template <typename Struct, std::size_t N, typename F>
void for_each_field(const std::array<field<Struct>, N>& fields, const Struct& value, F&& f) {
  for (const auto& fd : fields) {
    std::visit([&](auto member) { f(fd, value.*member); }, fd.member);
  }
}

template <typename T>
inline constexpr bool is_optional_v = false;
template <typename T>
inline constexpr bool is_optional_v<std::optional<T>> = true;

/// The parse function of an enum of the model.
template <typename Enum>
std::optional<Enum> parse_enum_name(std::string_view text) noexcept {
  if constexpr (std::is_same_v<Enum, exercise_category>) return parse_exercise_category(text);
  if constexpr (std::is_same_v<Enum, load_level>) return parse_load_level(text);
  if constexpr (std::is_same_v<Enum, laterality>) return parse_laterality(text);
  if constexpr (std::is_same_v<Enum, knee_region>) return parse_knee_region(text);
  if constexpr (std::is_same_v<Enum, running_mode>) return parse_running_mode(text);
  if constexpr (std::is_same_v<Enum, surface>) return parse_surface(text);
  if constexpr (std::is_same_v<Enum, advice_topic>) return parse_advice_topic(text);
}

/// Tolerates the rounding of decimal fractions read from text (0.1 + 0.2 != 0.3).
inline constexpr double range_tolerance = 1e-9;

/// Whether `x` is inside the field's range (NaN and infinities never are).
template <typename Field>
[[nodiscard]] bool in_range(const Field& fd, double x) noexcept {
  return !fd.ranged() || (x >= fd.low - range_tolerance && x <= fd.high + range_tolerance);
}

/// "PREFIXkey is V; accepted: LOW to HIGH" for the first ranged field out of its range (NaN and
/// infinities are out of every range), else an empty string.
template <typename Struct, std::size_t N, typename Format>
std::string first_out_of_range(const std::array<field<Struct>, N>& fields, const Struct& value,
                               Format format) {
  std::string problem;
  for_each_field(fields, value, [&](const auto& fd, const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if (!problem.empty() || !fd.ranged()) return;
    if constexpr (std::is_same_v<T, int> || std::is_same_v<T, double>) {
      if (!in_range(fd, static_cast<double>(v))) problem = format(fd, v);
    } else if constexpr (std::is_same_v<T, std::optional<int>>) {
      if (v && !in_range(fd, static_cast<double>(*v))) problem = format(fd, *v);
    }
  });
  return problem;
}

}  // namespace kneerehab::detail
