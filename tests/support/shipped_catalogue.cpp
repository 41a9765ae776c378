#include "support/shipped_catalogue.hpp"

#include <stdexcept>

#include "kneerehab/io/catalogue_database.hpp"

namespace kneerehab::testing {

std::filesystem::path shipped_catalogue_path() {
  return std::filesystem::path(KNEEREHAB_SOURCE_DIR) / "exercises.db";
}

const catalogue& shipped_catalogue() {
  static const catalogue cat = [] {
    auto opened = open_catalogue(shipped_catalogue_path());
    if (opened.protocols().empty()) {
      throw std::runtime_error(shipped_catalogue_path().string() + " holds no protocols");
    }
    return opened;
  }();
  return cat;
}

}  // namespace kneerehab::testing
