#include "kneerehab/model/enum_names.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace kneerehab;

namespace {

std::vector<std::string> split(std::string_view list) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= list.size()) {
    const auto comma = list.find(", ", from);
    out.emplace_back(list.substr(from, comma - from));
    if (comma == std::string_view::npos) break;
    from = comma + 2;
  }
  return out;
}

// Every accepted name parses back to a value whose name it is.
template <typename Enum, typename Parse>
void expect_round_trip(Parse parse, std::size_t count) {
  const auto names = split(accepted_names<Enum>());
  ASSERT_EQ(names.size(), count) << accepted_names<Enum>();
  for (const auto& name : names) {
    const auto value = parse(name);
    ASSERT_TRUE(value) << name;
    EXPECT_EQ(to_string(*value), name);
  }
}

}  // namespace

TEST(AcceptedNames, ListEveryValueInDeclarationOrder) {
  EXPECT_EQ(accepted_names<severity>(), "mild, moderate, severe");
  EXPECT_EQ(accepted_names<knee_region>(), "posterior, anterior, medial, lateral, whole-knee");
  expect_round_trip<exercise_category>(parse_exercise_category, 8);
  expect_round_trip<laterality>(parse_laterality, 3);
  expect_round_trip<load_level>(parse_load_level, 3);
  expect_round_trip<knee_region>(parse_knee_region, 5);
  expect_round_trip<severity>(parse_severity, 3);
  expect_round_trip<running_mode>(parse_running_mode, 4);
  expect_round_trip<surface>(parse_surface, 3);
  expect_round_trip<advice_topic>(parse_advice_topic, 10);
}
