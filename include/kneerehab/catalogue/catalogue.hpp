#pragma once
/// \file catalogue.hpp
/// The catalogue of conditions, exercises, protocols, ladders and red flags: an immutable,
/// validated, in-memory value. Load it from the shipped SQLite database (`open_catalogue`)
/// or from its text sources (`load_catalogue_sources`), both in io/.

#include <memory>
#include <string>
#include <vector>

#include "kneerehab/core/ids.hpp"
#include "kneerehab/model/condition.hpp"
#include "kneerehab/model/exercise.hpp"
#include "kneerehab/model/protocol.hpp"
#include "kneerehab/model/red_flag.hpp"

namespace kneerehab {

/// Everything a catalogue holds, unvalidated.
struct catalogue_content {
  std::vector<condition> conditions;
  std::vector<exercise> exercises;
  std::vector<protocol> protocols;
  std::vector<walk_run_ladder> ladders;
  std::vector<red_flag> red_flags;
  std::vector<symptom> symptoms;
};

/// Validated catalogue. Every cross-reference resolves, every invariant holds.
class catalogue {
 public:
  /// Validates `content`; throws error(errc::invalid_catalogue) naming the item and the
  /// broken rule (unknown exercise id, min_weeks > max_weeks, barred exercise prescribed,
  /// regression/progression loop, ...).
  explicit catalogue(catalogue_content content);
  /// A catalogue is a cheap handle to immutable, shared content: copies share it, and a
  /// catalogue moved from still holds it (it is never left empty or invalid). Any number of
  /// threads may read one catalogue at once.
  catalogue(const catalogue&) noexcept;
  catalogue& operator=(const catalogue&) noexcept;
  catalogue(catalogue&&) noexcept;
  catalogue& operator=(catalogue&&) noexcept;
  ~catalogue();

  [[nodiscard]] const catalogue_content& content() const noexcept;
  [[nodiscard]] const std::vector<condition>& conditions() const noexcept;
  [[nodiscard]] const std::vector<exercise>& exercises() const noexcept;
  [[nodiscard]] const std::vector<protocol>& protocols() const noexcept;
  [[nodiscard]] const std::vector<walk_run_ladder>& ladders() const noexcept;
  [[nodiscard]] const std::vector<red_flag>& red_flags() const noexcept;
  [[nodiscard]] const std::vector<symptom>& symptoms() const noexcept;

  /// nullptr when there is none with that id.
  [[nodiscard]] const condition* find_condition(std::string_view id) const noexcept;
  [[nodiscard]] const exercise* find_exercise(std::string_view id) const noexcept;
  [[nodiscard]] const protocol* find_protocol(std::string_view id) const noexcept;
  [[nodiscard]] const walk_run_ladder* find_ladder(std::string_view id) const noexcept;
  [[nodiscard]] const red_flag* find_red_flag(std::string_view id) const noexcept;
  [[nodiscard]] const symptom* find_symptom(std::string_view id) const noexcept;

 private:
  struct index;
  std::shared_ptr<const index> index_;
};

}  // namespace kneerehab
