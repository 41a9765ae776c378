#pragma once
// Catalogue invariants, checked once when a catalogue is built (from SQLite or TOML).

#include <string_view>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/core/diagnostics.hpp"

namespace kneerehab::detail {

/// Every broken invariant of `content`, in a stable order (ids, red flags, ladders,
/// exercises, conditions, protocols); empty when the content is a valid catalogue.
[[nodiscard]] std::vector<diagnostic> catalogue_problems(const catalogue_content& content);

/// Throws one error(errc::invalid_catalogue) carrying every catalogue_problems() diagnostic.
void validate_catalogue(const catalogue_content& content);

/// A diagnostic from a rule's sentence "what is wrong; accepted: ...": the part before
/// "; accepted: " is the message, the rest the hint.
[[nodiscard]] diagnostic make_diagnostic(std::string_view code, std::string_view item,
                                         std::string_view field, std::string_view sentence);

}  // namespace kneerehab::detail
