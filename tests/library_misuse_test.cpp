// Hardening: public types cannot be left invalid by ordinary use (a moved-from catalogue
// segfaulted), and entry points reject what they cannot handle with kneerehab::error.
#include <gtest/gtest.h>

#include <utility>

#include "kneerehab/catalogue/catalogue.hpp"
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
