#pragma once
/// \file catalogue_database.hpp
/// The catalogue as a SQLite database (the shipped exercises.db): open it read-only, write a
/// new one, compare one with a catalogue in memory.

#include <compare>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "kneerehab/catalogue/catalogue.hpp"

namespace kneerehab {

/// A catalogue database layout version, major.minor. A minor step only adds (a reader of
/// 1.1 reads 1.0 files); a major step breaks readers. Stored in the file as
/// `PRAGMA user_version = major * 1000 + minor` (the plain 1 of files before 1.1 reads as 1.0).
struct schema_version {
  int major = 0;
  int minor = 0;
  friend auto operator<=>(const schema_version&, const schema_version&) = default;
};

/// The version this library writes, and the newest it reads: it reads major 1, minor 0 to 2
/// (columns a file's minor version does not have keep their defaults; docs/catalogue-format.md).
inline constexpr schema_version catalogue_schema_version{1, 3};

/// Opens a catalogue database read-only and loads it. Never writes to the file. Throws
/// error(errc::database) naming the file when it is missing, not SQLite, of a schema version
/// it does not read ("schema version 2.0; accepted: 1.0 to 1.3; ...") or unreadable, and
/// error(errc::invalid_catalogue) naming the file, table and row when a row breaks an invariant.
catalogue open_catalogue(const std::filesystem::path& path);

/// What open_catalogue(path, selection) loads: everything, or what one command needs for one
/// condition or one protocol.
///
/// For a protocol (or a condition and its protocol, if it has one) the catalogue holds:
/// - that protocol and its condition, and the protocol the condition names when it is another
///   one (cartilage-damage names cartilage-damage-rehab; cartilage-repair-rehab is its second);
/// - the exercises its phases prescribe or bar, with their whole regression/progression
///   chains (so that every link inside the catalogue resolves);
/// - the walk/run ladders its phases climb;
/// - every red flag and every symptom (the safety gate screens them all).
/// It is validated like a whole catalogue, and make_plan on it gives exactly the plan it gives
/// on the whole catalogue for that condition or protocol. Listing commands (conditions,
/// protocols, exercises) need the whole catalogue.
struct catalogue_selection {
  enum class scope { all, condition, protocol };
  scope what = scope::all;
  std::string id;  ///< the condition or protocol id; empty for scope::all

  static catalogue_selection all() { return {}; }
  static catalogue_selection condition(std::string id) { return {scope::condition, std::move(id)}; }
  static catalogue_selection protocol(std::string id) { return {scope::protocol, std::move(id)}; }
};

/// Opens a catalogue database read-only and loads only what `selection` names (see
/// catalogue_selection), reading far fewer rows than open_catalogue(path) for one condition or
/// protocol. Throws as open_catalogue(path) does, and error(errc::not_found) with the same
/// message as make_plan for an id that names nothing: "unknown protocol 'x'; did you mean
/// ...? accepted: <every protocol id in the database>".
catalogue open_catalogue(const std::filesystem::path& path, const catalogue_selection& selection);

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

}  // namespace kneerehab
