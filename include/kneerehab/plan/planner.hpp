#pragma once
/// \file planner.hpp
/// Turns a protocol and a runner profile into a dated plan. A pure function: the same
/// catalogue and request always give the same plan; it reads no clock and no globals.

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/plan/plan.hpp"
#include "kneerehab/plan/profile.hpp"

namespace kneerehab {

/// Plans `request`, or returns a referral when a red-flag symptom is reported or the
/// condition is referral-only. Throws error(errc::not_found) for unknown ids and
/// error(errc::invalid_input) for a profile out of range (negative or absurd distances,
/// no run days, age outside 10..100, start more than a year before or two years after
/// `request.today`, weeks outside 1..104), saying what is accepted.
plan_outcome make_plan(const catalogue& cat, const plan_request& request);

/// Throws error(errc::invalid_input) when the profile is out of range (as above).
void validate_request(const plan_request& request);

}  // namespace kneerehab
