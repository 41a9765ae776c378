#pragma once
// Parsers for the catalogue's TOML text sources (docs/catalogue-format.md), shared by
// load_catalogue_sources and, later, therapist protocol files.

#include <functional>
#include <string_view>

#include <vector>

#include "kneerehab/core/diagnostics.hpp"
#include "kneerehab/io/protocol_file.hpp"
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

/// Parses a therapist's protocol file (docs/protocol-files.md): the protocol format above plus
/// `author`, `version` and `change_note`. Every problem found goes to `problems` (each with
/// file:line:column); the result is meaningful only when there are none.
protocol_file parse_protocol_file_toml(std::string_view text, std::string_view source_name,
                                       const exercise_defaults& defaults,
                                       std::vector<diagnostic>& problems);

/// Parses a therapist's exercise file: one exercise's keys of exercises.toml at the top level,
/// plus `author`, `version` and `change_note`.
exercise_file parse_exercise_file_toml(std::string_view text, std::string_view source_name,
                                       std::vector<diagnostic>& problems);

}  // namespace kneerehab::detail
