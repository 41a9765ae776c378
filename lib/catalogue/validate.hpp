#pragma once
// Catalogue invariants, checked once when a catalogue is built (from SQLite or TOML).

#include "kneerehab/catalogue/catalogue.hpp"

namespace kneerehab::detail {

/// Throws error(errc::invalid_catalogue) naming the item and the first broken rule.
void validate_catalogue(const catalogue_content& content);

}  // namespace kneerehab::detail
