#pragma once
// Words every plan renderer uses alike (text, calendar, FHIR): a weekday's short name, a
// session type's title and a walk/run session's intervals. One place, so the formats agree.

#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/plan/plan.hpp"

namespace kneerehab::detail {

/// "Mon" ... "Sun".
std::string_view weekday_short_name(weekday day) noexcept;

/// "Mon Wed Fri", or "every day" for all seven.
std::string weekdays_text(const std::vector<weekday>& days);

/// "Strength", "Mobility", "Run", "Walk-run", "Cross-training", "Rest".
std::string_view session_title(session_type type) noexcept;

/// "3 x (walk 4:00 / run 1:00), then 2 x (walk 2:00 / run 3:00)".
std::string intervals_text(const std::vector<run_interval>& intervals);

}  // namespace kneerehab::detail
