#pragma once
// Row-local catalogue rules, shared by the whole-catalogue validator and the SQLite loader
// (which reports a broken rule against the table and row it came from). Each returns nullopt
// when the value keeps the rule, else a sentence naming the field and what is accepted.

#include <optional>
#include <string>
#include <string_view>

#include "kneerehab/model/condition.hpp"
#include "kneerehab/model/protocol.hpp"

namespace kneerehab::detail {

/// True for `[a-z0-9]+(-[a-z0-9]+)*`.
[[nodiscard]] bool is_kebab_id(std::string_view id) noexcept;
/// "id 'X' is not kebab-case; accepted: ..." or nullopt.
[[nodiscard]] std::optional<std::string> id_problem(std::string_view id);

[[nodiscard]] std::optional<std::string> timeline_problem(std::string_view level,
                                                          const timeline& t);
/// min <= max, each 0-120 (detail::age_range_fields); `what` names the field ("typical_age").
[[nodiscard]] std::optional<std::string> age_range_problem(std::string_view what,
                                                           const age_range& ages);
[[nodiscard]] std::optional<std::string> step_problem(const interval_step& step);
[[nodiscard]] std::optional<std::string> phase_weeks_problem(const phase& ph);
[[nodiscard]] std::optional<std::string> criterion_problem(const entry_criterion& c);
/// Mode-local rules only (fractions, a ladder for walk-run); "last phase" rules need the
/// protocol and are checked by validate_catalogue.
[[nodiscard]] std::optional<std::string> running_problem(const running_rule& rule);
[[nodiscard]] std::optional<std::string> length_rules_problem(const phase_length_rules& rules);
[[nodiscard]] std::optional<std::string> pain_rules_problem(const pain_rules& rules);
[[nodiscard]] std::optional<std::string> load_rules_problem(const load_rules& rules);
[[nodiscard]] std::optional<std::string> session_rules_problem(const session_rules& rules);

}  // namespace kneerehab::detail
