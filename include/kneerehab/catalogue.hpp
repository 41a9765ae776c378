#pragma once
/// \file catalogue.hpp
/// The catalogue of conditions, exercises, protocols, ladders and red flags: an immutable,
/// validated, in-memory value. Load it from the shipped SQLite database (`open_catalogue`)
/// or from its text sources (`load_catalogue_sources`).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/condition.hpp"
#include "kneerehab/exercise.hpp"
#include "kneerehab/protocol.hpp"
#include "kneerehab/red_flag.hpp"

namespace kneerehab {

/// Schema version of exercises.db (`PRAGMA user_version`).
inline constexpr int catalogue_schema_version = 1;

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
  ~catalogue();
  catalogue(catalogue&&) noexcept;
  catalogue& operator=(catalogue&&) noexcept;
  catalogue(const catalogue&) = delete;
  catalogue& operator=(const catalogue&) = delete;

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
  std::unique_ptr<index> index_;
};

/// Opens a catalogue database read-only and loads it. Never writes to the file. Throws
/// error(errc::database) naming the file when it is missing, not SQLite, of another schema
/// version or unreadable, and error(errc::invalid_catalogue) naming the file, table and row
/// when a row breaks an invariant.
catalogue open_catalogue(const std::filesystem::path& path);

/// Writes `cat` as a new catalogue database at `path` (atomically: temporary file + rename).
/// Throws error(errc::io) or error(errc::database).
void write_catalogue(const catalogue& cat, const std::filesystem::path& path);

/// The first difference between the catalogue database at `path` and `expected`, compared
/// logically table by table and row by row (not byte by byte), e.g. "table 'exercises', row
/// id='glute-bridge': column 'reps' is 12 in the database, 15 in the expected catalogue";
/// nullopt when both hold the same rows. Opens `path` read-only and throws
/// error(errc::database) as open_catalogue does.
[[nodiscard]] std::optional<std::string> catalogue_difference(const std::filesystem::path& path,
                                                              const catalogue& expected);

/// Reads the TOML text sources in `dir` (see docs/catalogue-format.md). Throws
/// error(errc::invalid_catalogue) with file:line:column for malformed input.
catalogue_content load_catalogue_sources(const std::filesystem::path& dir);

/// Up to `limit` ids from `candidates` closest to `wanted` (edit distance, then prefix/
/// substring), for "did you mean" messages.
std::vector<std::string> nearest_ids(const std::vector<std::string>& candidates,
                                     std::string_view wanted, std::size_t limit = 3);

/// The message for an id that names nothing: "unknown condition 'x'; did you mean a, b?
/// accepted: a, b, c" (the "did you mean" part only when something is near).
std::string unknown_id_message(std::string_view kind, std::string_view wanted,
                               const std::vector<std::string>& accepted);

/// The ids of catalogue items, in order: ids_of(cat.conditions()).
template <typename Item>
std::vector<std::string> ids_of(const std::vector<Item>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

}  // namespace kneerehab
