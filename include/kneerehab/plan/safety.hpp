#pragma once
/// \file safety.hpp
/// The safety gate checked before any plan is made (docs/plan-rules.md rule 7,
/// docs/clinical-basis.md section 1).

#include <optional>
#include <string>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/plan/plan.hpp"
#include "kneerehab/plan/profile.hpp"

namespace kneerehab {

/// The Ottawa knee rule's age criterion (Stiell et al. 1996, JAMA 275:611): after an acute
/// knee injury, a runner of min_age or over is referred for an X-ray to rule out a fracture.
/// An injury is acute when it happened at most acute_days before the plan's start or before
/// today (the rule was derived on injuries up to 7 days old; 10 days leaves a margin).
struct ottawa_knee_rule_limits {
  int min_age = 55;
  int acute_days = 10;
};
inline constexpr ottawa_knee_rule_limits ottawa_knee_rule{};

/// The referral for the first reported symptom that is a red flag for a runner of `age`,
/// or nullopt when none is. Throws error(errc::not_found) for an unknown symptom id, listing
/// the accepted ones.
std::optional<referral> screen_symptoms(const catalogue& cat,
                                        const std::vector<std::string>& symptom_ids, int age);

/// The referral for a referral-only condition (e.g. popliteal artery entrapment).
referral referral_for_condition(const condition& c);

/// The safety gate make_plan runs before it checks anything else, on a request that may be
/// invalid: the referral for, in this order,
/// 1. a reported symptom that is a red flag (screen_symptoms; unknown symptom ids are skipped
///    here and reported by make_plan after the gate);
/// 2. a referral-only condition;
/// 3. a traumatic condition (condition::traumatic) whose injury_date is at most
///    ottawa_knee_rule.acute_days before the start or today, for a runner of
///    ottawa_knee_rule.min_age or over;
/// 4. daily pain (runner_profile::pain) at or above the protocol's pain_rules::refer_min (the
///    default pain_rules when the request names no protocol the catalogue has);
/// or nullopt when none applies. An age outside plan_request_limits is screened as the
/// oldest: an age that is not valid cannot rule out an age-gated referral. Never throws for
/// the request's content.
std::optional<referral> safety_gate(const catalogue& cat, const plan_request& request);

}  // namespace kneerehab
