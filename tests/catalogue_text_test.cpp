// The text views the CLI prints, on the real catalogue sources.
#include "kneerehab/render/catalogue_text.hpp"

#include <gtest/gtest.h>
#include "kneerehab/io/catalogue_sources.hpp"

namespace {

using namespace kneerehab;

const catalogue& real_catalogue() {
  static const catalogue cat(
      load_catalogue_sources(std::string(KNEEREHAB_SOURCE_DIR) + "/data/catalogue"));
  return cat;
}

bool has(const std::string& text, std::string_view needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

TEST(FindExercises, FiltersByCategoryAndSearchText) {
  const auto& cat = real_catalogue();
  const auto eccentric = find_exercises(cat, exercise_category::eccentric, "");
  ASSERT_FALSE(eccentric.empty());
  for (const auto* e : eccentric) EXPECT_EQ(e->category, exercise_category::eccentric);
  const auto glutes = find_exercises(cat, std::nullopt, "GLUTE");
  ASSERT_FALSE(glutes.empty());
  EXPECT_TRUE(std::any_of(glutes.begin(), glutes.end(),
                          [](const exercise* e) { return e->id == "single-leg-glute-bridge"; }));
  // Muscles are searched too: the Nordic curl targets the hamstrings.
  const auto hamstrings = find_exercises(cat, std::nullopt, "hamstrings");
  EXPECT_TRUE(std::any_of(hamstrings.begin(), hamstrings.end(),
                          [](const exercise* e) { return e->id == "nordic-hamstring-curl"; }));
  EXPECT_TRUE(find_exercises(cat, std::nullopt, "no-such-thing-xyz").empty());
}

TEST(CatalogueText, ListsHaveOneLinePerItemAndAHeader) {
  const auto& cat = real_catalogue();
  const auto conditions = list_conditions(cat);
  EXPECT_EQ(std::count(conditions.begin(), conditions.end(), '\n'),
            static_cast<long>(cat.conditions().size() + 1));
  EXPECT_TRUE(has(conditions, "(referral only)"));
  const auto protocols = list_protocols(cat);
  EXPECT_EQ(std::count(protocols.begin(), protocols.end(), '\n'),
            static_cast<long>(cat.protocols().size() + 1));
}

TEST(CatalogueText, ProtocolPageShowsWhatATherapistChecks) {
  const auto& cat = real_catalogue();
  const auto* p = cat.find_protocol("pcl-sprain-rehab");
  ASSERT_NE(p, nullptr);
  const auto page = describe_protocol(cat, *p);
  EXPECT_TRUE(has(page, "Phase 1/"));
  EXPECT_TRUE(has(page, "Entry criteria:"));
  EXPECT_TRUE(has(page, "Running: none"));
  EXPECT_TRUE(has(page, "walk/run ladder"));
  EXPECT_TRUE(has(page, "Not in this phase:"));
  EXPECT_TRUE(has(page, "Nordic"));
  EXPECT_TRUE(has(page, "then week "));  // weekly dosage progression
  EXPECT_TRUE(has(page, "Sources:"));
  EXPECT_TRUE(has(page, "D'Amato"));
}

TEST(CatalogueText, ConditionPageNamesRedFlagsAndProtocol) {
  const auto& cat = real_catalogue();
  const auto page = describe_condition(cat, *cat.find_condition("bakers-cyst"));
  EXPECT_TRUE(has(page, "Screen for these red flags:"));
  EXPECT_TRUE(has(page, "possible-dvt"));
  EXPECT_TRUE(has(page, "Protocol: "));
  EXPECT_TRUE(has(page, "Typical timeline: "));
  const auto referral = describe_condition(cat, *cat.find_condition("popliteal-artery-entrapment"));
  EXPECT_TRUE(has(referral, "Referral only"));
  EXPECT_FALSE(has(referral, "Typical timeline"));
}

TEST(CatalogueText, ConditionPageShowsTheSafetyFields) {
  const auto& cat = real_catalogue();
  const auto instability = describe_condition(cat, *cat.find_condition("patellar-instability"));
  EXPECT_TRUE(has(instability, "Typical age: 10 to 40\n"));
  EXPECT_TRUE(has(instability, "Starts with an injury: the Ottawa knee rule applies"));
  EXPECT_TRUE(has(instability, "From 2 earlier injuries of this kind: see an orthopaedic"));
  const auto arthritis = describe_condition(cat, *cat.find_condition("knee-osteoarthritis"));
  EXPECT_TRUE(has(arthritis, "Typical age: 45 and over\n"));
  EXPECT_FALSE(has(arthritis, "Starts with an injury"));
  EXPECT_EQ(to_string(age_range{0, 17}), "up to 17");
}

TEST(CatalogueText, ExercisePageShowsChainAndDosage) {
  const auto& cat = real_catalogue();
  const auto page = describe_exercise(cat, *cat.find_exercise("single-leg-glute-bridge"));
  EXPECT_TRUE(has(page, "Easier: Glute bridge (glute-bridge)"));
  EXPECT_TRUE(has(page, "Harder: "));
  EXPECT_TRUE(has(page, "Default dosage: "));
  EXPECT_TRUE(has(page, "Instructions:\n  1. "));
}

TEST(CatalogueText, RedFlagsListSymptomsAndTheAgeRule) {
  const auto text = list_red_flags(real_catalogue());
  EXPECT_TRUE(has(text, "--symptom calf-swelling"));
  EXPECT_TRUE(has(text, "(from age 55)"));
  EXPECT_TRUE(has(text, "not a red flag"));
}
