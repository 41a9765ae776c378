#pragma once
/// \file protocol_diff.hpp
/// What changed between two versions of a protocol, in words a therapist reads.

#include <string>
#include <vector>

#include "kneerehab/model/protocol.hpp"

namespace kneerehab {

/// One line per part that changed, protocol-wide first, then phase by phase (phases matched by
/// id), e.g. "Phase 2 'Strengthen': minimum weeks 2 -> 4; added exercise step-up 3 x 10;
/// removed wall-sit". Empty when `before` and `after` plan the same.
std::vector<std::string> protocol_changes(const protocol& before, const protocol& after);

}  // namespace kneerehab
