#pragma once
// Parsers for the catalogue's TOML text sources (docs/catalogue-format.md), shared by
// load_catalogue_sources and, later, therapist protocol files.

#include <functional>
#include <string_view>

#include "kneerehab/model/dosage.hpp"
#include "kneerehab/model/protocol.hpp"

namespace kneerehab::detail {

/// The default dosage of an exercise, or nullptr when there is no exercise with that id.
using exercise_defaults = std::function<const dosage*(std::string_view exercise_id)>;

/// Parses one protocol file's text. `source_name` is the file name used in messages
/// ("file:line:column: ..."). Omitted prescription dosage fields come from the exercise's
/// default dosage; progression steps inherit from the previous step. Throws
/// error(errc::invalid_catalogue) for malformed input. Cross-protocol rules (condition and
/// ladder ids, phase rules) are left to validate_catalogue.
protocol parse_protocol_toml(std::string_view text, std::string_view source_name,
                             const exercise_defaults& defaults);

}  // namespace kneerehab::detail
