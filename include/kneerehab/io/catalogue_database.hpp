#pragma once
/// \file catalogue_database.hpp
/// The catalogue as a SQLite database (the shipped exercises.db): open it read-only, write a
/// new one, compare one with a catalogue in memory.

#include <filesystem>
#include <optional>
#include <string>

#include "kneerehab/catalogue/catalogue.hpp"

namespace kneerehab {

/// Schema version of exercises.db (`PRAGMA user_version`).
inline constexpr int catalogue_schema_version = 1;

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

}  // namespace kneerehab
