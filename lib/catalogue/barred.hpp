#pragma once
// What a protocol's advice and entry criteria name or test, so that nothing a phase bars comes
// back in that phase's advice, in the protocol's warm-up and cool-down, or in the next phase's
// entry criteria (docs/plan-rules.md rule 6; docs/catalogue-format.md, "Barred exercises").

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/model/exercise.hpp"
#include "kneerehab/model/protocol.hpp"

namespace kneerehab::detail {

/// A measure of the known-measures table: the exercise its test performs (empty when it
/// performs none) and whether the test is a run.
struct known_measure {
  std::string_view measure;
  std::string_view exercise;
  bool running = false;
};

/// Every measure the built-in protocols use, with what its test makes the runner do.
[[nodiscard]] std::span<const known_measure> known_measures() noexcept;

/// What an entry criterion's test makes the runner do.
struct measure_demands {
  std::vector<std::string> exercises;  ///< ids of the exercises the test performs
  bool running = false;                ///< the test is a run
};

/// What `measure` tests: from known_measures(), else the exercises among `candidates` whose id
/// the measure spells in its words ("nordic_hamstring_curls_pain_free" performs
/// "nordic-hamstring-curl").
[[nodiscard]] measure_demands demands_of(std::string_view measure,
                                         std::span<const exercise* const> candidates);

/// The exercises among `candidates` that `text` names, by id or by name without its bracketed
/// part ("walking lunges", "Walking lunge", "walking-lunge"), in the order they first appear.
/// Case, punctuation and a plural s or es on the last word do not matter; where names overlap
/// the longer one wins ("side plank" names side-plank, not plank).
[[nodiscard]] std::vector<const exercise*> exercises_named_in(
    std::string_view text, std::span<const exercise* const> candidates);

/// The exercises a protocol's texts are matched against: those its phases prescribe or bar,
/// with their whole regression/progression chains (what a selective load of the protocol
/// holds, so that a selection validates exactly as the whole catalogue does).
[[nodiscard]] std::vector<const exercise*> protocol_exercises(const protocol& p,
                                                              const std::vector<exercise>& all);

}  // namespace kneerehab::detail
