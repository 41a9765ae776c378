#pragma once
/// \file pain.hpp
/// Numeric pain rating (NPRS) 0-10.

#include <compare>
#include <optional>

namespace kneerehab {

/// A pain score on the 0-10 numeric pain rating scale.
class pain_score {
 public:
  constexpr pain_score() noexcept = default;
  /// Throws error(errc::invalid_input) outside 0..10.
  static pain_score from_int(int value);
  static constexpr std::optional<pain_score> checked(int value) noexcept {
    if (value < 0 || value > 10) return std::nullopt;
    return pain_score{value};
  }
  [[nodiscard]] constexpr int value() const noexcept { return value_; }
  friend auto operator<=>(const pain_score&, const pain_score&) = default;

 private:
  constexpr explicit pain_score(int value) noexcept : value_(value) {}
  int value_ = 0;
};

}  // namespace kneerehab
