#pragma once
// Pieces of HL7 FHIR R4 JSON that the CarePlan (render_fhir.cpp) and the protocol's
// PlanDefinition bundle (render_protocol_fhir.cpp) both write (docs/exports.md).

#include <string>
#include <string_view>

#include "render/json_writer.hpp"

namespace kneerehab::detail::fhir {

constexpr std::string_view snomed = "http://snomed.info/sct";
constexpr std::string_view ucum = "http://unitsofmeasure.org";
/// SNOMED CT 229065009 |Exercise therapy (regime/therapy)|, as the HL7 Physical Activity IG
/// codes it.
constexpr std::string_view exercise_therapy_code = "229065009";
constexpr std::string_view exercise_therapy_display = "Exercise therapy";
/// kneerehab's own code systems and canonical URLs: an unregistered URN namespace, documented
/// in docs/exports.md, to be mapped by a clinic that publishes its own canonical base.
constexpr std::string_view exercise_system = "urn:kneerehab:exercise";
constexpr std::string_view condition_system = "urn:kneerehab:condition";
constexpr std::string_view activity_system = "urn:kneerehab:activity";
constexpr std::string_view protocol_canonical_prefix = "urn:kneerehab:protocol:";
constexpr std::string_view exercise_canonical_prefix = "urn:kneerehab:exercise:";
constexpr std::string_view activity_canonical_prefix = "urn:kneerehab:activity:";

/// {"system", "code", "display"} as an element of an array.
void coding(json_writer& j, std::string_view system, std::string_view code,
            std::string_view display);
/// The SNOMED CT exercise therapy coding.
void exercise_therapy_coding(json_writer& j);
/// A Quantity in km: {"value", "unit": "km", "system": UCUM, "code": "km"}.
void km_quantity(json_writer& j, std::string_view key, double km);
/// A Quantity in weeks (UCUM "wk").
void weeks_quantity(json_writer& j, std::string_view key, int weeks);

/// A name as FHIR's `name` wants it (inv-0: starts with a capital, letters, digits and '_'):
/// "patellofemoral-pain-standard" -> "PatellofemoralPainStandard".
std::string computable_name(std::string_view id);

/// Double rounded to `decimals`, never "-0.0".
double rounded(double value, int decimals);

}  // namespace kneerehab::detail::fhir
