#pragma once
/// \file date.hpp
/// A calendar date value type. Boost.Date_Time does the calendar arithmetic inside the
/// library, so consumers do not need Boost headers.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kneerehab {

/// Days of the week in ISO order (Monday first).
enum class weekday { mon, tue, wed, thu, fri, sat, sun };

/// "mon".."sun".
std::string_view to_string(weekday day) noexcept;
/// Accepts "mon".."sun" (case-insensitive) and full English names ("monday").
std::optional<weekday> parse_weekday(std::string_view text) noexcept;

/// A Gregorian calendar date between 1900-01-01 and 9999-12-31.
class date {
 public:
  /// Throws error(errc::invalid_input) when the day does not exist (e.g. 2026-02-29).
  static date from_ymd(int year, int month, int day);
  /// Parses exactly "YYYY-MM-DD"; nullopt for anything else or a day that does not exist.
  static std::optional<date> parse_iso(std::string_view text) noexcept;

  [[nodiscard]] int year() const noexcept;
  [[nodiscard]] int month() const noexcept;
  [[nodiscard]] int day() const noexcept;
  [[nodiscard]] weekday day_of_week() const noexcept;
  /// "YYYY-MM-DD".
  [[nodiscard]] std::string iso() const;

  /// The first and last dates the library handles: 1900-01-01 and 9999-12-31.
  static date earliest() noexcept;
  static date latest() noexcept;

  /// This date moved by `days` (negative: earlier). Throws error(errc::invalid_input) when the
  /// result falls outside earliest()..latest(); never overflows.
  [[nodiscard]] date plus_days(int days) const;
  /// As plus_days, but nullopt instead of an error.
  [[nodiscard]] std::optional<date> try_plus_days(int days) const noexcept;
  /// Days from `from` to `to` (negative when `to` is earlier).
  friend int days_between(date from, date to) noexcept { return to.day_number_ - from.day_number_; }
  /// Days since 1970-01-01 (may be negative).
  [[nodiscard]] std::int32_t day_number() const noexcept { return day_number_; }

  friend auto operator<=>(const date&, const date&) = default;

 private:
  explicit date(std::int32_t day_number) noexcept : day_number_(day_number) {}
  std::int32_t day_number_ = 0;
};

}  // namespace kneerehab
