#pragma once
/// \file catalogue_database.hpp
/// The catalogue as a SQLite database (the shipped exercises.db): open it read-only, write a
/// new one, compare one with a catalogue in memory.

#include <compare>
#include <filesystem>
#include <optional>
#include <string>

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

/// The version this library writes, and the newest it reads: it reads major 1, minor 0 to 1.
inline constexpr schema_version catalogue_schema_version{1, 1};

/// Opens a catalogue database read-only and loads it. Never writes to the file. Throws
/// error(errc::database) naming the file when it is missing, not SQLite, of a schema version
/// it does not read ("schema version 2.0; accepted: 1.0 to 1.1; ...") or unreadable, and
/// error(errc::invalid_catalogue) naming the file, table and row when a row breaks an invariant.
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

}  // namespace kneerehab
