#pragma once
/// \file safety.hpp
/// The safety gate checked before any plan is made (docs/clinical-basis.md section 1).

#include <optional>
#include <string>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/plan/plan.hpp"

namespace kneerehab {

/// The referral for the first reported symptom that is a red flag for a runner of `age`,
/// or nullopt when none is. Throws error(errc::not_found) for an unknown symptom id, listing
/// the accepted ones.
std::optional<referral> screen_symptoms(const catalogue& cat,
                                        const std::vector<std::string>& symptom_ids, int age);

/// The referral for a referral-only condition (e.g. popliteal artery entrapment).
referral referral_for_condition(const condition& c);

}  // namespace kneerehab
