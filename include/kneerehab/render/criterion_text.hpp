#pragma once
/// \file criterion_text.hpp
/// A phase's entry criteria as the runner is asked them, in plain words.

#include <string>

#include "kneerehab/model/protocol.hpp"

namespace kneerehab {

/// The criterion as a yes/no question for the runner, its numbers from the protocol: for
/// {"brisk_walk_pain_free_min", ">=", 30} "Can you walk briskly for 30 minutes without pain or
/// a limp?". Every measure the shipped protocols use has its own wording; a measure it does not
/// know (a clinic's own), or a known one with an unexpected comparison, reads as the
/// criterion's own text, or, without text, as its rule with the machine name in words
/// ("Check: hop height >= 20 cm"). Never empty, never throws.
std::string criterion_question(const entry_criterion& c);

}  // namespace kneerehab
