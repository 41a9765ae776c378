// Hardening: public types cannot be left invalid by ordinary use (a moved-from catalogue
// segfaulted), and entry points reject what they cannot handle with kneerehab::error.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <utility>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "planner_fixtures.hpp"

namespace kneerehab {
namespace {

TEST(library_misuse, moved_from_catalogue_stays_whole) {
  catalogue original = testing::fixture_catalogue();
  const auto conditions = original.conditions().size();
  const catalogue moved = std::move(original);
  // NOLINTNEXTLINE(bugprone-use-after-move): the point of the test
  EXPECT_EQ(original.conditions().size(), conditions);
  EXPECT_EQ(moved.conditions().size(), conditions);
  EXPECT_EQ(original.find_condition(moved.conditions().front().id),
            moved.find_condition(moved.conditions().front().id));
  catalogue assigned = testing::fixture_catalogue();
  assigned = std::move(moved);
  EXPECT_EQ(assigned.conditions().size(), conditions);
}

TEST(library_misuse, copies_share_the_content) {
  const catalogue a = testing::fixture_catalogue();
  const catalogue b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(&a.content(), &b.content());
}

}  // namespace
}  // namespace kneerehab

namespace kneerehab {
namespace {

// Hardening: negative and NaN distances passed make_plan; 1.5e308 miles became +inf.
TEST(library_misuse, distances_cannot_be_built_negative_nan_or_infinite) {
  const auto five = distance::from_km(5);
  EXPECT_THROW((void)(five * -1.0), error);
  EXPECT_THROW((void)(five * std::nan("")), error);
  EXPECT_THROW((void)(five * std::numeric_limits<double>::infinity()), error);
  EXPECT_THROW((void)(distance::from_km(1e308) * 10.0), error);
  EXPECT_THROW((void)(distance::from_km(1e308) + distance::from_km(1e308)), error);
  EXPECT_THROW((void)distance::from_miles(1.5e308), error);
  EXPECT_THROW((void)distance::from_km(std::nan("")), error);
  EXPECT_DOUBLE_EQ((five * 0.5).km(), 2.5);
  try {
    (void)distance::from_miles(1.5e308);
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_input);
    EXPECT_STREQ(e.what(), "distance 1.5e+308 mi is not valid; accepted: a finite number >= 0");
  }
}

TEST(library_misuse, run_day_out_of_range_is_invalid_input) {
  const catalogue cat = testing::fixture_catalogue();
  auto request = testing::standard_request();
  request.profile.run_days = {weekday::mon, static_cast<weekday>(9)};
  try {
    (void)make_plan(cat, request);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_input);
    EXPECT_STREQ(e.what(),
                 "run day number 9 is not a weekday; accepted: mon,tue,wed,thu,fri,sat,sun");
  }
}

}  // namespace
}  // namespace kneerehab
