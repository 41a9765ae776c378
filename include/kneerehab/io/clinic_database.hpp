#pragma once
/// \file clinic_database.hpp
/// A clinic database: a writable SQLite file of the clinic's own protocols and exercises, laid
/// over the shipped catalogue (which is only ever read). Its layout is versioned (PRAGMA
/// user_version and a schema_migrations table) so that later versions can add patients and
/// logs to the same file (docs/clinic-database.md).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/io/protocol_file.hpp"
#include "kneerehab/model/provenance.hpp"

namespace kneerehab {

/// The clinic layout this library writes and the newest it reads.
inline constexpr int clinic_schema_version = 1;

/// What a clinic database holds, from clinic check.
struct clinic_status {
  int schema_version = 0;
  std::size_t protocols = 0;
  std::size_t exercises = 0;
};

/// Creates a new clinic database at `path` with the current layout. Refuses an existing path
/// with error(errc::invalid_input); a failure leaves no file behind (error(errc::database)).
void init_clinic(const std::filesystem::path& path);

/// Opens `path` read-only and checks it: an SQLite file made by init_clinic, of a layout this
/// library reads, whose stored items parse. Throws error(errc::database) saying what is wrong
/// (missing, not a clinic database, a newer layout, locked, corrupt).
clinic_status check_clinic(const std::filesystem::path& path);

/// Brings `path` to clinic_schema_version: copies it to "PATH.backup-vN" (N its version) first,
/// then applies the missing migrations in one transaction. Returns the backup's path, or
/// nullopt when the file is already current (then nothing is written).
std::optional<std::filesystem::path> migrate_clinic(const std::filesystem::path& path);

/// The shipped catalogue with a clinic's items laid over it (catalogue/overlay.hpp).
struct layered_catalogue {
  catalogue cat;
  std::vector<catalogue_item_source> protocols;  ///< in cat.protocols() order
  std::vector<catalogue_item_source> exercises;  ///< in cat.exercises() order

  /// builtin_provenance() for a built-in item or an id that names nothing.
  [[nodiscard]] const catalogue_item_source& protocol_source(std::string_view id) const;
  [[nodiscard]] const catalogue_item_source& exercise_source(std::string_view id) const;
};

/// Opens the catalogue `db` read-only and, when given, the clinic database `clinic` read-only,
/// and lays the clinic's items over the catalogue. Throws what open_catalogue and check_clinic
/// throw, and error(errc::invalid_catalogue) naming the clinic item a new catalogue release no
/// longer accepts.
layered_catalogue open_layered_catalogue(const std::filesystem::path& db,
                                         const std::optional<std::filesystem::path>& clinic);

/// Adds `file` to the clinic, replacing a clinic protocol of the same id, in one transaction
/// (all or nothing). `file` must have been read against the clinic's layered catalogue (so it
/// is valid). Returns the origin it now has (custom or customised).
item_origin import_protocol(const std::filesystem::path& clinic, const layered_catalogue& base,
                            const protocol_file& file);
item_origin import_exercise(const std::filesystem::path& clinic, const layered_catalogue& base,
                            const exercise_file& file);

/// Removes the clinic's protocol `id`: a custom one goes, a customised built-in one goes back
/// to the built-in version. A built-in protocol the clinic has not customised cannot be
/// deleted (error(errc::invalid_input)); an unknown id is error(errc::not_found).
/// Returns the origin the id had.
item_origin delete_protocol(const std::filesystem::path& clinic, const layered_catalogue& base,
                            std::string_view id);

}  // namespace kneerehab
