#pragma once
/// \file planner.hpp
/// Turns a protocol and a runner profile into a dated plan. A pure function: the same
/// catalogue and request always give the same plan; it reads no clock and no globals.

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/plan/plan.hpp"
#include "kneerehab/plan/profile.hpp"
#include "kneerehab/plan/request_limits.hpp"

namespace kneerehab {

/// Plans `request`, or returns the referral of the safety gate (plan/safety.hpp, safety_gate:
/// a red-flag symptom, a referral-only condition, the Ottawa knee rule after a recent injury,
/// daily pain at the protocol's referral threshold), which runs before anything else is
/// checked. Throws error(errc::not_found) for unknown ids and
/// error(errc::invalid_input) for a request that validate_request rejects (start or today
/// not set, a profile outside plan_request_limits), saying what is accepted.
plan_outcome make_plan(const catalogue& cat, const plan_request& request);

}  // namespace kneerehab
