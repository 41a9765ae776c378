// The safety gate (docs/clinical-basis.md section 1): red-flag symptoms and referral-only
// conditions give a referral, never a plan.
#include "kneerehab/plan/safety.hpp"

#include <fmt/format.h>

#include "kneerehab/core/error.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab {
namespace {

bool is_red_flag_at(const symptom& s, int age) noexcept {
  return s.red_flag.has_value() && (!s.min_age.has_value() || age >= *s.min_age);
}

referral referral_for_symptom(const catalogue& cat, const symptom& s) {
  const red_flag* flag = cat.find_red_flag(*s.red_flag);
  referral r;
  r.red_flag_id = *s.red_flag;
  r.red_flag_name = flag != nullptr ? flag->name : *s.red_flag;
  r.symptom_id = s.id;
  r.why = flag != nullptr ? flag->why : "";
  r.action = flag != nullptr ? flag->action : "See a doctor before running again.";
  r.message = fmt::format(
      "You reported '{}' ({}). This is a red flag: {}. {} {} No exercise or running plan is "
      "given until a clinician has checked it.",
      s.id, s.description, r.red_flag_name, r.why, r.action);
  return r;
}

}  // namespace

std::optional<referral> screen_symptoms(const catalogue& cat,
                                        const std::vector<std::string>& symptom_ids_given,
                                        int age) {
  // Red flags are looked for first: a typo in one symptom must never hide a red flag reported
  // in another. Unknown ids are reported only when no red flag was found.
  const std::string* unknown = nullptr;
  for (const auto& id : symptom_ids_given) {
    const symptom* s = cat.find_symptom(id);
    if (s == nullptr) {
      if (unknown == nullptr) unknown = &id;
      continue;
    }
    if (is_red_flag_at(*s, age)) return referral_for_symptom(cat, *s);
  }
  if (unknown != nullptr) {
    throw error::not_found(unknown_id_message("symptom", *unknown, ids_of(cat.symptoms())));
  }
  return std::nullopt;
}

referral referral_for_condition(const condition& c) {
  referral r;
  r.red_flag_id = "referral-only";
  r.red_flag_name = c.name;
  r.symptom_id = "";
  r.why = c.referral.empty() ? c.description : c.referral;
  r.action = fmt::format(
      "See a doctor before running again; kneerehab has no exercise protocol for {}.", c.name);
  r.message = fmt::format("{} ({}) is referral only: {} {}", c.name, c.id, r.why, r.action);
  return r;
}

}  // namespace kneerehab
