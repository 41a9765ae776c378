#pragma once
// RapidCheck generators of valid plan requests, shared by the planner's property tests.
// Header-only: only the tests that use RapidCheck include it.
#include <rapidcheck.h>

#include <string>
#include <vector>

#include "kneerehab/model/protocol.hpp"
#include "kneerehab/plan/planner.hpp"

namespace kneerehab::testing {

/// Any non-empty set of run days.
inline rc::Gen<std::vector<weekday>> run_days_gen() {
  return rc::gen::map(rc::gen::inRange(1, 128), [](int mask) {
    std::vector<weekday> days;
    for (int d = 0; d < 7; ++d) {
      if (mask & (1 << d)) days.push_back(static_cast<weekday>(d));
    }
    return days;
  });
}

/// A valid request for `proto`, pain below its referral threshold (at or above it there is
/// no plan).
inline plan_request random_request(const protocol& proto) {
  plan_request r;
  r.protocol_id = proto.id;
  r.today = date::from_ymd(2027, 6, 1);
  auto& p = r.profile;
  p.level = *rc::gen::element(severity::mild, severity::moderate, severity::severe);
  // 2026-06-01 .. 2029-05-31 is inside [today - 365, today + 730] and holds the 2028 leap day.
  p.start = date::from_ymd(2026, 6, 1).plus_days(*rc::gen::inRange(0, 1095));
  const int baseline = *rc::gen::inRange(0, 151);
  p.baseline = distance::from_km(baseline);
  p.current = distance::from_km(*rc::gen::inRange(0, baseline + 1));
  if (*rc::gen::arbitrary<bool>()) p.target = distance::from_km(*rc::gen::inRange(0, 181));
  p.run_days = *run_days_gen();
  p.easy_pace = pace::from_seconds_per_km(*rc::gen::inRange(180, 600));
  p.age = *rc::gen::inRange(16, 91);
  p.prior_injuries = *rc::gen::inRange(0, 4);
  p.pain = pain_score::from_int(*rc::gen::inRange(0, proto.pain.refer_min));
  if (*rc::gen::arbitrary<bool>()) r.weeks = *rc::gen::inRange(1, 60);
  return r;
}

/// The request in a line, for a property's failure message.
inline std::string describe(const plan_request& r) {
  std::string days;
  for (weekday d : r.profile.run_days) days += std::string(to_string(d)) + ",";
  return r.protocol_id + " " + std::string(to_string(r.profile.level)) + " baseline " +
         std::to_string(r.profile.baseline.km()) + " current " +
         std::to_string(r.profile.current.km()) + " target " +
         std::to_string(r.profile.target.value_or(r.profile.baseline).km()) + " days " + days +
         " age " + std::to_string(r.profile.age) + " prior " +
         std::to_string(r.profile.prior_injuries) + " pain " +
         std::to_string(r.profile.pain.value()) + " pace " +
         std::to_string(r.profile.easy_pace.seconds_per_km()) + " s/km start " +
         (r.profile.start ? r.profile.start->iso() : std::string("none"));
}

}  // namespace kneerehab::testing
