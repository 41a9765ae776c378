// Words every plan renderer uses alike (render/plan_words.hpp).
#include "render/plan_words.hpp"

#include <fmt/format.h>

namespace kneerehab::detail {
namespace {

std::string clock(int seconds) { return fmt::format("{}:{:02}", seconds / 60, seconds % 60); }

}  // namespace

std::string_view weekday_short_name(weekday day) noexcept {
  switch (day) {
    case weekday::mon:
      return "Mon";
    case weekday::tue:
      return "Tue";
    case weekday::wed:
      return "Wed";
    case weekday::thu:
      return "Thu";
    case weekday::fri:
      return "Fri";
    case weekday::sat:
      return "Sat";
    case weekday::sun:
      return "Sun";
  }
  return "";
}

std::string weekdays_text(const std::vector<weekday>& days) {
  if (days.size() == 7) return "every day";
  std::string text;
  for (const auto d : days) {
    if (!text.empty()) text += ' ';
    text += weekday_short_name(d);
  }
  return text;
}

std::string_view session_title(session_type type) noexcept {
  switch (type) {
    case session_type::strength:
      return "Strength";
    case session_type::mobility:
      return "Mobility";
    case session_type::run:
      return "Run";
    case session_type::walk_run:
      return "Walk-run";
    case session_type::cross_training:
      return "Cross-training";
    case session_type::rest:
      return "Rest";
  }
  return "";
}

std::string intervals_text(const std::vector<run_interval>& intervals) {
  std::string text;
  for (const auto& i : intervals) {
    if (!text.empty()) text += ", then ";
    const std::string step = i.walk_s > 0
                                 ? fmt::format("walk {} / run {}", clock(i.walk_s), clock(i.run_s))
                                 : fmt::format("run {}", clock(i.run_s));
    text += i.repeat > 1 ? fmt::format("{} x ({})", i.repeat, step) : step;
  }
  return text;
}

}  // namespace kneerehab::detail
