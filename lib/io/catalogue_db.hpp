#pragma once
// Shared by the catalogue database reader, writer and comparison (catalogue_reader.cpp,
// catalogue_writer.cpp, catalogue_compare.cpp): opening exercises.db read-only and turning
// SQLite's failures into the library's errors. SQLiteCpp is private: include from lib/io only.

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <string_view>

#include "kneerehab/io/catalogue_database.hpp"

namespace kneerehab::detail {

/// error(errc::database) "cannot open catalogue database 'PATH': PROBLEM".
[[noreturn]] void open_failure(const std::filesystem::path& path, std::string_view problem);

/// Maps a SQLite failure on `path` (busy, not a database, corrupt, ...) to error(errc::database).
[[noreturn]] void translate(const SQLite::Exception& e, const std::filesystem::path& path);

/// Opens an existing catalogue database read-only (never creating it) and checks its schema
/// version. Throws error(errc::database).
std::unique_ptr<SQLite::Database> open_read_only(const std::filesystem::path& path);

/// The layout version `db` records (PRAGMA user_version; a plain 1 reads as 1.0).
schema_version stored_schema_version(SQLite::Database& db);

}  // namespace kneerehab::detail
