#pragma once
// The plan every benchmark works on: the shipped catalogue's first protocol with a walk/run
// phase (the most work per week), or the fixture protocol when exercises.db is missing or does
// not open. Loaded once per benchmark process.
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/plan/planner.hpp"
#include "planner_fixtures.hpp"

namespace kneerehab::bench {

inline constexpr const char* shipped_db = KNEEREHAB_SOURCE_DIR "/exercises.db";

struct subject {
  std::unique_ptr<catalogue> cat;
  plan_request request;
};

inline std::string pick_protocol(const catalogue& cat) {
  for (const auto& p : cat.protocols()) {
    for (const auto& ph : p.phases) {
      if (ph.running.mode == running_mode::walk_run) return p.id;
    }
  }
  if (cat.protocols().empty()) throw std::runtime_error("no protocols");
  return cat.protocols().front().id;
}

inline const subject& bench_subject() {
  static const subject s = [] {
    subject out;
    out.request = testing::standard_request();
    try {
      out.cat = std::make_unique<catalogue>(open_catalogue(shipped_db));
      out.request.protocol_id = pick_protocol(*out.cat);
    } catch (const std::exception& e) {
      std::cerr << "note: exercises.db did not open (" << e.what() << "); using the fixture\n";
      out.cat = std::make_unique<catalogue>(testing::fixture_catalogue());
    }
    std::cerr << "protocol: " << out.request.protocol_id << '\n';
    return out;
  }();
  return s;
}

/// The subject's plan, `weeks` long.
inline plan bench_plan(int weeks) {
  const subject& s = bench_subject();
  plan_request request = s.request;
  request.weeks = weeks;
  auto outcome = make_plan(*s.cat, request);
  if (!std::holds_alternative<plan>(outcome)) throw std::runtime_error("a referral, not a plan");
  return std::get<plan>(std::move(outcome));
}

}  // namespace kneerehab::bench
