#include "support/golden.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace kneerehab::testing {
namespace {

std::filesystem::path golden_path(std::string_view name) {
  return std::filesystem::path(KNEEREHAB_SOURCE_DIR) / "tests" / "golden" / name;
}

bool updating_golden() {
  const char* flag = std::getenv("KNEEREHAB_UPDATE_GOLDEN");
  return flag != nullptr && std::string_view(flag) == "1";
}

}  // namespace

void expect_matches_golden(std::string_view name, const std::string& actual) {
  const auto path = golden_path(name);
  if (updating_golden()) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << actual;
    ASSERT_TRUE(out.good()) << "cannot write " << path;
    std::cout << "[ golden   ] rewrote " << path.string() << '\n';
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << path << " is missing; run with KNEEREHAB_UPDATE_GOLDEN=1 to create it";
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual)
      << "the output differs from " << path
      << "; if the change is intended, rerun with KNEEREHAB_UPDATE_GOLDEN=1 and review the diff";
}

}  // namespace kneerehab::testing
