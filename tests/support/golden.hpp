#pragma once
// Golden files: expected output kept under tests/golden/, compared byte for byte. Run a test
// with KNEEREHAB_UPDATE_GOLDEN=1 to rewrite its files, then review the diff.
#include <string>
#include <string_view>

namespace kneerehab::testing {

/// Expects `actual` to equal tests/golden/`name`; with KNEEREHAB_UPDATE_GOLDEN=1, writes it
/// there instead.
void expect_matches_golden(std::string_view name, const std::string& actual);

}  // namespace kneerehab::testing
