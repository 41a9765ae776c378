// Names of the plan's closed sets; the shared labels and texts of doses and notes.
#include "kneerehab/plan/plan.hpp"

#include <utility>

namespace kneerehab {
namespace {

const std::string& no_text() noexcept {
  static const std::string none;
  return none;
}

}  // namespace

const std::string& shared_text::str() const noexcept { return text_ ? *text_ : no_text(); }

const std::string& session_note::exercise_id() const noexcept {
  return exercise ? exercise->id : no_text();
}

const std::string& session_note::exercise_name() const noexcept {
  return exercise ? exercise->name : no_text();
}

exercise_dose::exercise_dose(std::string id, std::string name, dosage d)
    : label(std::make_shared<const exercise_label>(
          exercise_label{.id = std::move(id), .name = std::move(name)})),
      dose(std::move(d)) {}

exercise_dose::exercise_dose(std::shared_ptr<const exercise_label> shared_label, dosage d)
    : label(std::move(shared_label)), dose(std::move(d)) {}

const std::string& exercise_dose::exercise_id() const noexcept {
  return label ? label->id : no_text();
}

const std::string& exercise_dose::name() const noexcept { return label ? label->name : no_text(); }

std::string_view to_string(session_type type) noexcept {
  switch (type) {
    case session_type::strength:
      return "strength";
    case session_type::mobility:
      return "mobility";
    case session_type::run:
      return "run";
    case session_type::walk_run:
      return "walk-run";
    case session_type::cross_training:
      return "cross-training";
    case session_type::rest:
      return "rest";
  }
  return "unknown";
}

namespace {

constexpr std::pair<referral_reason, std::string_view> referral_reason_names[] = {
    {referral_reason::red_flag, "red-flag"},
    {referral_reason::referral_only_condition, "referral-only-condition"},
    {referral_reason::ottawa_knee_rule, "ottawa-knee-rule"},
    {referral_reason::pain, "pain"},
};

}  // namespace

std::string_view to_string(referral_reason reason) noexcept {
  for (const auto& [r, name] : referral_reason_names) {
    if (r == reason) return name;
  }
  return "unknown";
}

std::optional<referral_reason> parse_referral_reason(std::string_view text) noexcept {
  for (const auto& [r, name] : referral_reason_names) {
    if (name == text) return r;
  }
  return std::nullopt;
}

}  // namespace kneerehab
