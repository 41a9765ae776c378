// The rule checker itself: a plan made by the planner keeps every rule, and each check fires
// on a plan broken in the way it guards against (a check that cannot fail proves nothing).
#include "support/plan_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <variant>

#include "planner_fixtures.hpp"

namespace kneerehab {
namespace {

using testing::check_every_rule;
using testing::plan_under_test;

class plan_rules : public ::testing::Test {
 protected:
  catalogue cat = testing::fixture_catalogue();
  plan_request request = testing::standard_request();
  const protocol& proto = *cat.find_protocol(request.protocol_id);
  plan p = std::get<plan>(make_plan(cat, request));

  [[nodiscard]] std::vector<std::string> rules_broken() const {
    std::vector<std::string> rules;
    for (const auto& f : check_every_rule(plan_under_test{cat, proto, request, p})) {
      if (std::find(rules.begin(), rules.end(), f.rule) == rules.end()) rules.push_back(f.rule);
    }
    return rules;
  }

  session* first_run() {
    for (auto& w : p.weeks) {
      for (auto& d : w.days) {
        for (auto& s : d.sessions) {
          if (s.type == session_type::run) return &s;
        }
      }
    }
    return nullptr;
  }
};

TEST_F(plan_rules, the_planners_plan_keeps_every_rule) { EXPECT_TRUE(rules_broken().empty()); }

TEST_F(plan_rules, a_gap_between_weeks_breaks_the_calendar) {
  p.weeks[1].start = p.weeks[1].start.plus_days(1);
  EXPECT_EQ(rules_broken().front(), "calendar");
}

TEST_F(plan_rules, running_in_the_first_phase_breaks_rule_1) {
  auto& day = p.weeks[0].days[0];
  run_session r;
  r.run = distance::from_km(1);
  session s;
  s.type = session_type::run;
  s.run = r;
  day.sessions.push_back(s);
  p.weeks[0].run_total = p.weeks[0].run_total + r.run;
  const auto broken = rules_broken();
  EXPECT_NE(std::find(broken.begin(), broken.end(), "rule 1: running allowed"), broken.end());
}

TEST_F(plan_rules, a_barred_exercise_breaks_rule_6) {
  p.weeks[0].days[0].sessions.front().exercises.emplace_back("nordic-hamstring-curl",
                                                             "Nordic hamstring curl", dosage{});
  EXPECT_EQ(rules_broken(), std::vector<std::string>({"rule 6: barred exercises"}));
}

TEST_F(plan_rules, a_week_above_the_target_breaks_rule_4) {
  session* run = first_run();
  ASSERT_NE(run, nullptr);
  for (auto& w : p.weeks) {
    for (auto& d : w.days) {
      for (auto& s : d.sessions) {
        if (&s == run) {
          s.run->run = distance::from_km(100);
          w.run_total = distance::from_km(100) + w.run_total;
        }
      }
    }
  }
  const auto broken = rules_broken();
  EXPECT_NE(std::find(broken.begin(), broken.end(), "rule 4: target ceiling"), broken.end());
}

TEST_F(plan_rules, hills_in_the_build_phase_break_rule_5) {
  session* run = first_run();
  ASSERT_NE(run, nullptr);
  run->run->hills = true;
  const auto broken = rules_broken();
  EXPECT_NE(std::find(broken.begin(), broken.end(), "rule 5: run kinds"), broken.end());
}

}  // namespace
}  // namespace kneerehab
