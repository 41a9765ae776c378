// The safety gate: every red-flag path gives a referral; unknown symptoms are errors.
#include "kneerehab/plan/safety.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/plan/planner.hpp"
#include "planner_fixtures.hpp"
#include "support/shipped_catalogue.hpp"

namespace kneerehab {
namespace {

bool has_text(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

class safety : public ::testing::Test {
 protected:
  catalogue cat = testing::fixture_catalogue();
};

TEST_F(safety, no_symptoms_no_referral) { EXPECT_FALSE(screen_symptoms(cat, {}, 35).has_value()); }

TEST_F(safety, symptom_without_red_flag_is_no_referral) {
  EXPECT_FALSE(screen_symptoms(cat, {"knee-stiffness"}, 35).has_value());
}

TEST_F(safety, calf_swelling_refers_for_possible_dvt) {
  const auto r = screen_symptoms(cat, {"calf-swelling"}, 35);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->red_flag_id, "possible-dvt");
  EXPECT_EQ(r->red_flag_name, "Possible deep-vein thrombosis");
  EXPECT_EQ(r->symptom_id, "calf-swelling");
  EXPECT_EQ(r->why, "Calf swelling, warmth or tenderness can be a clot.");
  EXPECT_EQ(r->action, "See a doctor today for a duplex ultrasound.");
  EXPECT_EQ(r->message,
            "You reported 'calf-swelling' (Calf swelling, warmth or tenderness). This is a red "
            "flag: Possible deep-vein thrombosis. Calf swelling, warmth or tenderness can be a "
            "clot. See a doctor today for a duplex ultrasound. No exercise or running plan is "
            "given until a clinician has checked it.");
}

TEST_F(safety, every_red_flag_symptom_refers) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"calf-swelling", "possible-dvt"},
      {"fibular-head-tenderness", "possible-fracture"},
      {"cramping-with-running", "possible-artery-entrapment"},
      {"fever-hot-joint", "possible-septic-joint"},
  };
  for (const auto& [symptom_id, flag] : cases) {
    const auto r = screen_symptoms(cat, {symptom_id}, 30);
    ASSERT_TRUE(r.has_value()) << symptom_id;
    EXPECT_EQ(r->red_flag_id, flag);
    EXPECT_TRUE(has_text(r->message, symptom_id)) << r->message;
  }
}

TEST_F(safety, ottawa_age_rule_refers_acute_injury_from_55) {
  EXPECT_FALSE(screen_symptoms(cat, {"acute-injury"}, 54).has_value());
  const auto r = screen_symptoms(cat, {"acute-injury"}, 55);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->red_flag_id, "possible-fracture");
  EXPECT_TRUE(screen_symptoms(cat, {"acute-injury"}, 80).has_value());
}

TEST_F(safety, first_red_flag_in_the_list_is_reported) {
  const auto r = screen_symptoms(cat, {"knee-stiffness", "fever-hot-joint", "calf-swelling"}, 30);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->symptom_id, "fever-hot-joint");
}

TEST_F(safety, unknown_symptom_lists_the_accepted_ids) {
  try {
    (void)screen_symptoms(cat, {"calf-sweling"}, 30);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::not_found);
    EXPECT_STREQ(e.what(),
                 "unknown symptom 'calf-sweling'; did you mean calf-swelling? accepted: "
                 "calf-swelling, acute-injury, fibular-head-tenderness, cramping-with-running, "
                 "fever-hot-joint, knee-stiffness");
  }
}

TEST_F(safety, unknown_symptom_never_hides_a_red_flag) {
  const auto r = screen_symptoms(cat, {"no-such-symptom", "calf-swelling"}, 30);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->red_flag_id, "possible-dvt");
}

TEST_F(safety, referral_only_condition) {
  const condition* c = cat.find_condition("popliteal-artery-entrapment");
  ASSERT_NE(c, nullptr);
  const referral r = referral_for_condition(*c);
  EXPECT_EQ(r.red_flag_id, "referral-only");
  EXPECT_EQ(r.red_flag_name, "Popliteal artery entrapment");
  EXPECT_EQ(r.why, c->referral);
  EXPECT_TRUE(has_text(r.message, "popliteal-artery-entrapment"));
  EXPECT_TRUE(has_text(r.action, "See a doctor before running again"));
}

TEST_F(safety, make_plan_returns_the_referral_and_no_plan) {
  auto request = testing::standard_request();
  request.profile.symptoms = {"cramping-with-running"};
  const auto outcome = make_plan(cat, request);
  ASSERT_TRUE(std::holds_alternative<referral>(outcome));
  EXPECT_EQ(std::get<referral>(outcome).red_flag_id, "possible-artery-entrapment");
}

TEST_F(safety, make_plan_reports_unknown_symptoms) {
  auto request = testing::standard_request();
  request.profile.symptoms = {"sore"};
  try {
    (void)make_plan(cat, request);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::not_found);
    EXPECT_TRUE(has_text(e.what(), "unknown symptom 'sore'")) << e.what();
  }
}

// A red flag wins over every other problem of the request (hardening: red flags ranked below
// validation, so `--age 5` or `--weeks 105` hid a possible DVT).
TEST_F(safety, red_flag_wins_over_invalid_request) {
  const std::vector<std::function<void(plan_request&)>> breakages = {
      [](plan_request& r) { r.profile.age = 5; },
      [](plan_request& r) { r.weeks = 105; },
      [](plan_request& r) { r.profile.baseline = distance::from_km(1e6); },
      [](plan_request& r) { r.profile.run_days.clear(); },
      [](plan_request& r) { r.profile.start = r.profile.start->plus_days(5000); },
      [](plan_request& r) { r.today.reset(); },
      [](plan_request& r) { r.condition_id = "no-such-condition"; },
  };
  for (std::size_t i = 0; i < breakages.size(); ++i) {
    auto request = testing::standard_request();
    request.profile.symptoms = {"calf-swelling"};
    breakages[i](request);
    const auto outcome = make_plan(cat, request);
    ASSERT_TRUE(std::holds_alternative<referral>(outcome)) << "breakage " << i;
    EXPECT_EQ(std::get<referral>(outcome).red_flag_id, "possible-dvt");
  }
}

TEST_F(safety, age_out_of_range_cannot_rule_out_the_ottawa_rule) {
  auto request = testing::standard_request();
  request.profile.symptoms = {"acute-injury"};
  request.profile.age = 5;
  EXPECT_TRUE(std::holds_alternative<referral>(make_plan(cat, request)));
  request.profile.age = 30;
  EXPECT_TRUE(std::holds_alternative<plan>(make_plan(cat, request)));
}

// The shipped catalogue's own red flags, when it is there.
TEST(shipped_safety, every_red_flag_symptom_refers) {
  const catalogue* cat = &testing::shipped_catalogue();
  for (const auto& s : cat->symptoms()) {
    const auto r = screen_symptoms(*cat, {s.id}, s.min_age.value_or(30));
    EXPECT_EQ(r.has_value(), s.red_flag.has_value()) << s.id;
    if (s.min_age) {
      EXPECT_FALSE(screen_symptoms(*cat, {s.id}, *s.min_age - 1).has_value());
    }
  }
}

}  // namespace
}  // namespace kneerehab
