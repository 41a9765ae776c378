#pragma once
// Helpers shared by the catalogue store tests: the fixture sources and scratch directories.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_sources.hpp"

namespace kneerehab::testing {

inline std::filesystem::path source_dir() { return KNEEREHAB_SOURCE_DIR; }
inline std::filesystem::path fixture_dir() { return source_dir() / "tests" / "data" / "catalogue"; }

inline catalogue_content fixture_content() { return load_catalogue_sources(fixture_dir()); }

/// A fresh directory under the system temp directory, removed with everything in it.
class scratch_dir {
 public:
  scratch_dir() {
    std::random_device seed;
    path_ = std::filesystem::temp_directory_path() /
            ("kneerehab-test-" + std::to_string(seed()) + std::to_string(seed()));
    std::filesystem::create_directories(path_);
  }
  ~scratch_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

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
