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

/// A range of ages in whole years (min_years <= max_years), both ends included.
struct age_range {
  int min_years = 0;
  int max_years = 0;
  friend bool operator==(const age_range&, const age_range&) = default;
};

/// The oldest age a catalogue range may name (0-120): a range that ends there is open-ended.
inline constexpr int age_range_open_end = 120;

/// "45 and over" (a range ending at age_range_open_end), "up to 17" (from 0), "10 to 40".
std::string to_string(const age_range& ages);

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
  /// It starts with an injury (a twist, blow or fall): while the injury is acute the Ottawa
  /// knee rule applies (plan/safety.hpp, ottawa_knee_rule).
  bool traumatic = false;
  /// The ages the condition is usually seen at; a plan for a runner outside it carries a
  /// notice (notice_code::age_outside_typical_range). None: any age.
  std::optional<age_range> typical_age;
  /// From this many earlier injuries of this kind (runner_profile::prior_injuries), the plan
  /// opens with a notice to see an orthopaedic specialist (notice_code::orthopaedic_referral).
  /// None: never.
  std::optional<int> refer_min_prior_injuries;
};

/// The timeline for `level`.
const timeline& timeline_for(const condition& c, severity level) noexcept;

}  // namespace kneerehab
