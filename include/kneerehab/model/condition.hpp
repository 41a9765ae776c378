#pragma once
/// \file condition.hpp
/// Knee conditions of the catalogue.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kneerehab {

enum class knee_region { posterior, anterior, medial, lateral, whole_knee };
std::string_view to_string(knee_region region) noexcept;  ///< "posterior", ..., "whole-knee"
std::optional<knee_region> parse_knee_region(std::string_view text) noexcept;

enum class severity { mild, moderate, severe };
std::string_view to_string(severity level) noexcept;
std::optional<severity> parse_severity(std::string_view text) noexcept;

/// Typical time course by severity, in weeks (min <= max).
struct timeline {
  int min_weeks = 0;
  int max_weeks = 0;
  friend bool operator==(const timeline&, const timeline&) = default;
};

struct condition {
  std::string id;  ///< e.g. "hamstring-tendinopathy"
  std::string name;
  knee_region region = knee_region::posterior;
  std::string description;
  std::string presentation;              ///< typical signs and symptoms
  std::vector<std::string> aggravating;  ///< activities that make it worse
  timeline mild;
  timeline moderate;
  timeline severe;
  std::vector<std::string> red_flags;      ///< ids of red flags to screen for
  std::optional<std::string> protocol_id;  ///< none when referral_only
  bool referral_only = false;              ///< no exercise protocol: refer
  std::string referral;                    ///< why and to whom, for referral_only conditions
  std::vector<std::string> sources;
};

/// The timeline for `level`.
const timeline& timeline_for(const condition& c, severity level) noexcept;

}  // namespace kneerehab
