#pragma once
/// \file protocol_fhir.hpp
/// A protocol as HL7 FHIR R4: a Bundle (type collection) of one PlanDefinition and one
/// ActivityDefinition per exercise it prescribes (docs/exports.md).

#include <string>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/model/protocol.hpp"

namespace kneerehab {

/// The Bundle as JSON. The PlanDefinition (type clinical-protocol) has one action per phase, in
/// order: its entry criteria as start conditions, `relatedAction` after the end of the phase
/// before, and nested actions for the prescriptions, the running rule and cross-training.
/// Exercises, ladders and the condition are looked up in `cat`; one it lacks is named by its
/// id. Ids derive from the content: the same protocol gives the same bytes.
std::string render_protocol_fhir(const catalogue& cat, const protocol& p);

}  // namespace kneerehab
