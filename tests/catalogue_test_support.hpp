#pragma once
// Helpers shared by the catalogue store tests: the fixture sources and exact error messages.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_sources.hpp"
#include "support/scratch_dir.hpp"

namespace kneerehab::testing {

inline std::filesystem::path source_dir() { return KNEEREHAB_SOURCE_DIR; }
inline std::filesystem::path fixture_dir() { return source_dir() / "tests" / "data" / "catalogue"; }

inline catalogue_content fixture_content() { return load_catalogue_sources(fixture_dir()); }

/// The message of the kneerehab::error `action` throws, checking its code; "" if none.
template <typename Action>
std::string error_message(errc expected_code, Action action) {
  try {
    action();
  } catch (const error& e) {
    EXPECT_EQ(to_string(e.code()), to_string(expected_code)) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error thrown";
  return "";
}

}  // namespace kneerehab::testing
