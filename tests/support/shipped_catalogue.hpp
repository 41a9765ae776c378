#pragma once
// The shipped exercises.db, for tests that need real content. A missing or broken catalogue
// fails the test that asks for it: a suite must never quietly test less (no fallback to a
// fixture, no skip).

#include <filesystem>

#include "kneerehab/catalogue/catalogue.hpp"

namespace kneerehab::testing {

/// The repository's exercises.db.
std::filesystem::path shipped_catalogue_path();

/// The shipped catalogue, opened once per process; throws (failing the test) when it is
/// missing, does not open or holds no protocols.
const catalogue& shipped_catalogue();

}  // namespace kneerehab::testing
