#include "kneerehab/model/date.hpp"

#include <fmt/format.h>
#include <array>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>

#include "kneerehab/core/error.hpp"

namespace kneerehab {
namespace {

namespace greg = boost::gregorian;

const greg::date& epoch() {
  static const greg::date value(1970, 1, 1);
  return value;
}

greg::date to_boost(std::int32_t day_number) { return epoch() + greg::days(day_number); }

std::optional<std::int32_t> day_number_of(int year, int month, int day) noexcept {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  const auto last = greg::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                               static_cast<unsigned short>(month));
  if (day > last) return std::nullopt;
  const greg::date d(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                     static_cast<unsigned short>(day));
  return static_cast<std::int32_t>((d - epoch()).days());
}

constexpr std::array<std::string_view, 7> short_names = {"mon", "tue", "wed", "thu",
                                                         "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> long_names = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace

std::string_view to_string(weekday day) noexcept {
  const auto index = static_cast<std::size_t>(day);
  return index < short_names.size() ? short_names[index] : std::string_view("unknown");
}

std::optional<weekday> parse_weekday(std::string_view text) noexcept {
  std::string lower;
  for (char c : text)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::size_t i = 0; i < short_names.size(); ++i) {
    if (lower == short_names[i] || lower == long_names[i]) return static_cast<weekday>(i);
  }
  return std::nullopt;
}

date date::from_ymd(int year, int month, int day) {
  const auto n = day_number_of(year, month, day);
  if (!n) {
    throw error::invalid_input(fmt::format(
        "{:04}-{:02}-{:02} is not a calendar date; accepted: a real day between 1900-01-01 and "
        "9999-12-31",
        year, month, day));
  }
  return date{*n};
}

std::optional<date> date::parse_iso(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const auto y = digits(0, 4);
  const auto m = digits(5, 2);
  const auto d = digits(8, 2);
  if (!y || !m || !d) return std::nullopt;
  const auto n = day_number_of(*y, *m, *d);
  if (!n) return std::nullopt;
  return date{*n};
}

date date::earliest() noexcept {
  static const date first{*day_number_of(1900, 1, 1)};
  return first;
}

date date::latest() noexcept {
  static const date last{*day_number_of(9999, 12, 31)};
  return last;
}

std::optional<date> date::try_plus_days(int days) const noexcept {
  // 64-bit arithmetic: a day number plus any int cannot overflow before the range check.
  const std::int64_t moved = std::int64_t{day_number_} + days;
  if (moved < earliest().day_number_ || moved > latest().day_number_) return std::nullopt;
  return date{static_cast<std::int32_t>(moved)};
}

date date::plus_days(int days) const {
  if (const auto moved = try_plus_days(days)) return *moved;
  throw error::invalid_input(
      fmt::format("{} {} {} days falls outside the calendar kneerehab handles; accepted: dates "
                  "from 1900-01-01 to 9999-12-31",
                  iso(), days < 0 ? "minus" : "plus", days < 0 ? -std::int64_t{days} : days));
}

int date::year() const noexcept { return to_boost(day_number_).year(); }
int date::month() const noexcept { return to_boost(day_number_).month(); }
int date::day() const noexcept { return to_boost(day_number_).day(); }

weekday date::day_of_week() const noexcept {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const int index = ((day_number_ % 7) + 7 + 3) % 7;
  return static_cast<weekday>(index);
}

std::string date::iso() const {
  const auto d = to_boost(day_number_);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<int>(d.month()),
                     static_cast<int>(d.day()));
}

}  // namespace kneerehab
