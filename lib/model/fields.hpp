#pragma once
// One description per field of the model's numeric rule structs: the C++ member, the TOML
// key, the SQL column and the accepted range. The TOML reader, the SQLite reader and the
// validator's range checks (dosage_problem, load and length rules) all loop over these
// tables, so a range or a name is written once. data/schema.sql's CHECK constraints repeat
// the ranges as a second line of defence (tests/catalogue_sqlite_test.cpp checks they agree).

#include <array>
#include <string>
#include <string_view>
#include <variant>

#include "kneerehab/model/dosage.hpp"
#include "kneerehab/model/protocol.hpp"

namespace kneerehab::detail {

template <typename Struct>
struct field {
  std::string_view key;     ///< TOML key
  std::string_view column;  ///< SQL column
  std::variant<int Struct::*, double Struct::*, std::string Struct::*> member;
  double low = 1;   ///< accepted range, inclusive; low > high: no range (text, or a rule
  double high = 0;  ///< that involves another field)
  [[nodiscard]] constexpr bool ranged() const noexcept { return low <= high; }
};

inline constexpr std::array<field<dosage>, 7> dosage_fields{{
    {"sets", "sets", &dosage::sets, 1, 10},
    {"reps", "reps", &dosage::reps, 0, 100},
    {"hold_s", "hold_s", &dosage::hold_s, 0, 600},
    {"minutes", "minutes", &dosage::minutes, 0, 180},
    {"tempo", "tempo", &dosage::tempo},
    {"load", "dose_load", &dosage::load},
    {"sessions_per_week", "sessions_per_week", &dosage::sessions_per_week, 1, 14},
}};

inline constexpr std::array<field<phase_length_rules>, 6> length_rule_fields{{
    {"mild", "length_mild", &phase_length_rules::mild, 0, 1},
    {"moderate", "length_moderate", &phase_length_rules::moderate, 0, 1},
    {"severe", "length_severe", &phase_length_rules::severe, 0, 1},
    {"older_age", "length_older_age", &phase_length_rules::older_age, 18, 100},
    {"older_extra_weeks", "length_older_extra_weeks", &phase_length_rules::older_extra_weeks, 0, 8},
    {"prior_injury_extra_weeks", "length_prior_injury_extra_weeks",
     &phase_length_rules::prior_injury_extra_weeks, 0, 8},
}};

inline constexpr std::array<field<pain_rules>, 2> pain_rule_fields{{
    {"progress_max", "pain_progress_max", &pain_rules::progress_max},  // 0 <= progress < hold
    {"hold_max", "pain_hold_max", &pain_rules::hold_max},              // hold_max <= 10
}};

inline constexpr std::array<field<load_rules>, 11> load_rule_fields{{
    {"weekly_increase", "load_weekly_increase", &load_rules::weekly_increase, 0.05, 0.20},
    // more than 0 and at most weekly_increase: checked by load_rules_problem
    {"cautious_weekly_increase", "load_cautious_weekly_increase",
     &load_rules::cautious_weekly_increase},
    {"older_age", "load_older_age", &load_rules::older_age, 18, 100},
    {"spike_ratio", "load_spike_ratio", &load_rules::spike_ratio, 1.0, 1.3},
    {"deload_every", "load_deload_every", &load_rules::deload_every, 3, 4},
    {"deload_cut", "load_deload_cut", &load_rules::deload_cut, 0.20, 0.30},
    {"long_run_share", "load_long_run_share", &load_rules::long_run_share, 0.2, 0.5},
    {"max_runs_per_week", "load_max_runs_per_week", &load_rules::max_runs_per_week, 2, 6},
    {"max_ladder_steps_per_week", "load_max_ladder_steps_per_week",
     &load_rules::max_ladder_steps_per_week, 1, 2},
    {"min_sessions_per_step", "load_min_sessions_per_step", &load_rules::min_sessions_per_step, 2,
     6},
    {"warn_increase", "load_warn_increase", &load_rules::warn_increase, 0.05, 1.0},
}};

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

/// Tolerates the rounding of decimal fractions read from text (0.1 + 0.2 != 0.3).
inline constexpr double range_tolerance = 1e-9;

/// "PREFIXkey is V; accepted: LOW to HIGH" for the first ranged field out of its range (NaN and
/// infinities are out of every range), else an empty string.
template <typename Struct, std::size_t N, typename Format>
std::string first_out_of_range(const std::array<field<Struct>, N>& fields, const Struct& value,
                               Format format) {
  std::string problem;
  for_each_field(fields, value, [&](const auto& fd, const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (!std::is_same_v<T, std::string>) {
      if (!problem.empty() || !fd.ranged()) return;
      const auto x = static_cast<double>(v);
      const bool inside =
          x >= fd.low - range_tolerance && x <= fd.high + range_tolerance;  // false for NaN
      if (!inside) problem = format(fd, v);
    }
  });
  return problem;
}

}  // namespace kneerehab::detail
