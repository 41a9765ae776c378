#pragma once
/// \file units.hpp
/// Distances and paces, stored in kilometres and seconds per kilometre, shown in km or miles.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kneerehab {

/// How distances and paces are shown to people. JSON output is always kilometres.
enum class unit_system { km, mi };

inline constexpr double km_per_mile = 1.609344;

std::string_view to_string(unit_system units) noexcept;  ///< "km" or "mi"
std::optional<unit_system> parse_unit_system(std::string_view text) noexcept;

/// A non-negative, finite distance.
class distance {
 public:
  constexpr distance() noexcept = default;
  /// Throws error(errc::invalid_input) for negative, NaN or infinite values.
  static distance from_km(double km);
  static distance from_miles(double miles);
  /// From a number in the given unit system.
  static distance from(double value, unit_system units);

  [[nodiscard]] constexpr double km() const noexcept { return km_; }
  [[nodiscard]] constexpr double miles() const noexcept { return km_ / km_per_mile; }
  [[nodiscard]] constexpr double in(unit_system units) const noexcept {
    return units == unit_system::km ? km() : miles();
  }

  /// Throws error(errc::invalid_input) when the sum is not finite.
  friend distance operator+(distance a, distance b) { return from_km(a.km_ + b.km_); }
  /// Clamps at zero.
  friend distance operator-(distance a, distance b) noexcept {
    return distance{a.km_ > b.km_ ? a.km_ - b.km_ : 0.0};
  }
  /// Throws error(errc::invalid_input) for a negative, NaN or infinite factor or product: a
  /// distance is never negative nor NaN, however it was computed.
  friend distance operator*(distance a, double factor) { return scaled(a, factor); }
  friend auto operator<=>(const distance&, const distance&) = default;

 private:
  constexpr explicit distance(double km) noexcept : km_(km) {}
  static distance scaled(distance d, double factor);
  double km_ = 0.0;
};

/// Running pace, stored as seconds per kilometre; strictly positive.
class pace {
 public:
  static constexpr double fastest_seconds_per_km = 120.0;   ///< 2:00 per km
  static constexpr double slowest_seconds_per_km = 1200.0;  ///< 20:00 per km

  /// Throws error(errc::invalid_input) unless 120 <= seconds per km <= 1200 (2:00-20:00 /km).
  static pace from_seconds_per_km(double seconds);
  /// Parses "MM:SS" per km or per mile (per `units`); throws error(errc::invalid_input) saying
  /// what is accepted in `units`.
  static pace parse(std::string_view text, unit_system units);
  /// The accepted paces in whole seconds per `units`, both ends accepted by parse():
  /// "2:00 to 20:00 per km", "3:14 to 32:11 per mi".
  static std::string accepted_range(unit_system units);

  [[nodiscard]] double seconds_per_km() const noexcept { return seconds_per_km_; }
  /// Minutes needed to cover `d` at this pace.
  [[nodiscard]] double minutes_for(distance d) const noexcept {
    return d.km() * seconds_per_km_ / 60.0;
  }
  /// Distance covered in `minutes` at this pace.
  [[nodiscard]] distance distance_in(double minutes) const;
  /// "M:SS" per km or per mile.
  [[nodiscard]] std::string format(unit_system units) const;

  friend auto operator<=>(const pace&, const pace&) = default;

 private:
  explicit pace(double seconds_per_km) noexcept : seconds_per_km_(seconds_per_km) {}
  double seconds_per_km_ = 390.0;
};

}  // namespace kneerehab
