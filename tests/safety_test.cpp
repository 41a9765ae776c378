// The safety gate: every red-flag path gives a referral; unknown symptoms are errors.
#include "kneerehab/plan/safety.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/plan/planner.hpp"
#include "kneerehab/plan/request_limits.hpp"
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
  EXPECT_EQ(r->reason, referral_reason::red_flag);
  EXPECT_EQ(r->title, "Possible deep-vein thrombosis");
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
  EXPECT_EQ(r.reason, referral_reason::referral_only_condition);
  EXPECT_EQ(r.title, "Popliteal artery entrapment");
  EXPECT_EQ(r.condition_id, "popliteal-artery-entrapment");
  EXPECT_EQ(r.condition_name, "Popliteal artery entrapment");
  EXPECT_EQ(r.red_flag_id, "");  // no red flag was reported
  EXPECT_EQ(r.red_flag_name, "");
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

// ---- the gate: pain, the Ottawa knee rule and their order -----------------------------------

plan_request with_pain(int pain) {
  auto request = testing::standard_request();
  request.profile.pain = pain_score::from_int(pain);
  return request;
}

referral expect_referral(const plan_outcome& outcome, referral_reason reason) {
  EXPECT_TRUE(std::holds_alternative<referral>(outcome));
  if (!std::holds_alternative<referral>(outcome)) return {};
  const auto& r = std::get<referral>(outcome);
  EXPECT_EQ(to_string(r.reason), to_string(reason)) << r.message;
  return r;
}

TEST_F(safety, daily_pain_at_the_referral_threshold_refers) {
  EXPECT_FALSE(safety_gate(cat, with_pain(7)).has_value());
  EXPECT_TRUE(std::holds_alternative<plan>(make_plan(cat, with_pain(7))));
  for (const int pain : {8, 10}) {
    const auto r = expect_referral(make_plan(cat, with_pain(pain)), referral_reason::pain);
    EXPECT_EQ(r.pain, pain);
    EXPECT_EQ(r.pain_refer_min, 8);
    EXPECT_EQ(r.title, "Severe daily pain");
    EXPECT_EQ(r.condition_id, "hamstring-tendinopathy");
    EXPECT_EQ(r.red_flag_id, "");
  }
  const auto r = expect_referral(make_plan(cat, with_pain(8)), referral_reason::pain);
  EXPECT_EQ(r.message,
            "You reported pain of 8/10 in daily activity, at or above 8/10, where protocol "
            "'fixture-standard' refers. Pain of 8/10 or more in daily activity is too much for a "
            "loading plan: it needs a diagnosis first, and may not be what the plan treats. See a "
            "physiotherapist, sports physician or GP within a few days, the same day if the knee "
            "is hot and swollen or cannot take your weight. Until then, do not run; move only as "
            "far as the pain allows. No exercise or running plan is given until a clinician has "
            "assessed the knee.");
}

TEST_F(safety, the_referral_threshold_is_the_protocols) {
  auto content = testing::fixture_content();
  content.protocols[0].pain.refer_min = 9;
  const catalogue tolerant(std::move(content));
  EXPECT_TRUE(std::holds_alternative<plan>(make_plan(tolerant, with_pain(8))));
  const auto r = expect_referral(make_plan(tolerant, with_pain(9)), referral_reason::pain);
  EXPECT_EQ(r.pain_refer_min, 9);
  // A request that names no protocol the catalogue has: the default threshold.
  auto unknown = with_pain(8);
  unknown.protocol_id = "no-such-protocol";
  const auto d = expect_referral(make_plan(tolerant, unknown), referral_reason::pain);
  EXPECT_EQ(d.pain_refer_min, pain_rules{}.refer_min);
  EXPECT_EQ(d.condition_id, "");
  EXPECT_TRUE(has_text(d.message, "where kneerehab refers")) << d.message;
}

// Like a red flag, severe pain wins over everything wrong with the request, an unknown
// symptom included.
TEST_F(safety, pain_referral_wins_over_invalid_request) {
  const std::vector<std::function<void(plan_request&)>> breakages = {
      [](plan_request& r) { r.profile.age = 5; },
      [](plan_request& r) { r.weeks = 105; },
      [](plan_request& r) { r.today.reset(); },
      [](plan_request& r) { r.profile.symptoms = {"no-such-symptom"}; },
      [](plan_request& r) { r.profile.injury_date = r.today->plus_days(3); },
  };
  for (std::size_t i = 0; i < breakages.size(); ++i) {
    auto request = with_pain(9);
    breakages[i](request);
    expect_referral(make_plan(cat, request), referral_reason::pain);
  }
}

/// The fixture catalogue with hamstring-tendinopathy (the standard protocol's condition)
/// marked traumatic.
catalogue traumatic_catalogue() {
  auto content = testing::fixture_content();
  content.conditions[0].traumatic = true;
  return catalogue(std::move(content));
}

plan_request injured(int days_before_today, int age) {
  auto request = testing::standard_request();
  request.profile.injury_date = request.today->plus_days(-days_before_today);
  request.profile.age = age;
  return request;
}

TEST(ottawa, age_55_within_10_days_of_a_traumatic_injury_refers_for_an_x_ray) {
  const catalogue cat = traumatic_catalogue();
  const auto r = expect_referral(make_plan(cat, injured(3, 55)), referral_reason::ottawa_knee_rule);
  EXPECT_EQ(r.title, "Possible fracture (Ottawa knee rule)");
  EXPECT_EQ(r.condition_id, "hamstring-tendinopathy");
  EXPECT_EQ(r.age, 55);
  EXPECT_EQ(r.min_age, 55);
  EXPECT_EQ(r.injury_date, date::from_ymd(2026, 11, 18));
  EXPECT_EQ(r.days_since_injury, 3);
  EXPECT_EQ(r.message,
            "Distal hamstring tendinopathy (hamstring-tendinopathy) starts with an injury; yours, "
            "on 2026-11-18, was 3 days ago, at age 55. After an acute knee injury, age 55 or over "
            "is one of the Ottawa knee rule's criteria (Stiell et al. 1996): a fracture must be "
            "ruled out with an X-ray. See a doctor today (urgent care or emergency department) "
            "for an X-ray. Until a fracture has been ruled out: do not run, hop or squat, and put "
            "weight on the leg only as far as it is comfortable. No exercise or running plan is "
            "given until a fracture has been ruled out.");
  expect_referral(make_plan(cat, injured(0, 80)), referral_reason::ottawa_knee_rule);
  expect_referral(make_plan(cat, injured(10, 55)), referral_reason::ottawa_knee_rule);
}

TEST(ottawa, younger_runners_older_injuries_and_other_conditions_get_a_plan) {
  const catalogue cat = traumatic_catalogue();
  EXPECT_TRUE(std::holds_alternative<plan>(make_plan(cat, injured(3, 54))));
  // 11 days before today and 13 before the start: no longer acute.
  EXPECT_TRUE(std::holds_alternative<plan>(make_plan(cat, injured(11, 55))));
  auto no_date = injured(3, 60);
  no_date.profile.injury_date.reset();
  EXPECT_TRUE(std::holds_alternative<plan>(make_plan(cat, no_date)));
  // Not a traumatic condition.
  EXPECT_TRUE(
      std::holds_alternative<plan>(make_plan(testing::fixture_catalogue(), injured(3, 60))));
}

TEST(ottawa, an_injury_recent_at_the_plans_start_counts_too) {
  const catalogue cat = traumatic_catalogue();
  auto request = injured(20, 60);                         // 20 days before today...
  request.profile.start = request.today->plus_days(-12);  // ...8 before a start in the past
  const auto r = expect_referral(make_plan(cat, request), referral_reason::ottawa_knee_rule);
  EXPECT_EQ(r.days_since_injury, 8);
  EXPECT_TRUE(has_text(r.message, "was 8 days before the plan's start on 2026-11-09, at age 60"))
      << r.message;
}

TEST(ottawa, an_age_that_is_not_valid_cannot_rule_it_out) {
  const catalogue cat = traumatic_catalogue();
  const auto r = expect_referral(make_plan(cat, injured(2, 5)), referral_reason::ottawa_knee_rule);
  EXPECT_TRUE(has_text(r.message,
                       "was 2 days ago, and no valid age was given to rule out its "
                       "age criterion. After"))
      << r.message;
  EXPECT_EQ(r.age, std::nullopt);
}

TEST(gate_order, red_flag_then_referral_only_then_ottawa_then_pain) {
  const catalogue cat = traumatic_catalogue();
  auto request = injured(2, 60);
  request.profile.pain = pain_score::from_int(10);
  expect_referral(make_plan(cat, request), referral_reason::ottawa_knee_rule);
  request.profile.symptoms = {"knee-stiffness", "calf-swelling"};
  expect_referral(make_plan(cat, request), referral_reason::red_flag);
  auto entrapment = with_pain(10);
  entrapment.protocol_id.clear();
  entrapment.condition_id = "popliteal-artery-entrapment";
  expect_referral(make_plan(cat, entrapment), referral_reason::referral_only_condition);
  entrapment.profile.symptoms = {"fever-hot-joint"};
  expect_referral(make_plan(cat, entrapment), referral_reason::red_flag);
}

TEST_F(safety, referral_only_condition_wins_over_invalid_request) {
  auto request = testing::standard_request();
  request.protocol_id.clear();
  request.condition_id = "popliteal-artery-entrapment";
  request.profile.age = 5;
  request.weeks = 105;
  expect_referral(make_plan(cat, request), referral_reason::referral_only_condition);
}

TEST(injury_date, may_not_be_after_today) {
  auto request = testing::standard_request();
  request.profile.injury_date = date::from_ymd(2026, 11, 22);
  try {
    validate_request(request);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_input);
    EXPECT_STREQ(e.what(),
                 "injury date 2026-11-22 is after today (2026-11-21); accepted: a date from "
                 "1900-01-01 to 2026-11-21");
  }
  request.profile.injury_date = request.today;
  EXPECT_NO_THROW(validate_request(request));
}

TEST(referral_reason, names_round_trip) {
  for (const auto reason : {referral_reason::red_flag, referral_reason::referral_only_condition,
                            referral_reason::ottawa_knee_rule, referral_reason::pain}) {
    EXPECT_EQ(parse_referral_reason(to_string(reason)), reason);
  }
  EXPECT_EQ(to_string(referral_reason::ottawa_knee_rule), "ottawa-knee-rule");
  EXPECT_EQ(parse_referral_reason("ottawa"), std::nullopt);
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
