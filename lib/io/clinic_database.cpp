// The clinic database (io/clinic_database.hpp, docs/clinic-database.md). Items are stored as
// the canonical text of their protocol or exercise file, so that one parser and one validator
// serve files and the database alike, and a new catalogue release re-checks them on load. Every
// value goes through bound parameters: an id or a text is never part of an SQL statement.
#include "kneerehab/io/clinic_database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>

#include "kneerehab/catalogue/overlay.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/io/catalogue_database.hpp"

namespace kneerehab {
namespace {

namespace fs = std::filesystem;

// "KRC1": tells a clinic database from the catalogue and from other SQLite files.
constexpr int clinic_application_id = 0x4b524331;
constexpr int busy_timeout_ms = 200;

struct migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

// Every layout step, oldest first. A new version appends one; init applies them all, migrate
// the ones a file lacks. Patients, plan versions and logs will come as later steps.
constexpr migration migrations[] = {
    {1, "custom protocols and exercises",
     "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL);"
     "CREATE TABLE clinic_protocols (id TEXT PRIMARY KEY NOT NULL, author TEXT NOT NULL,"
     " version TEXT NOT NULL, change_note TEXT NOT NULL DEFAULT '', source TEXT NOT NULL);"
     "CREATE TABLE clinic_exercises (id TEXT PRIMARY KEY NOT NULL, author TEXT NOT NULL,"
     " version TEXT NOT NULL, change_note TEXT NOT NULL DEFAULT '', source TEXT NOT NULL);"},
};

[[noreturn]] void fail(const fs::path& path, std::string_view problem) {
  throw error::database(fmt::format("clinic database '{}': {}", path.string(), problem));
}

[[noreturn]] void translate(const SQLite::Exception& e, const fs::path& path) {
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      fail(path, "locked by another process; try again when it has finished");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      fail(path, "cannot be written (read-only file or directory); nothing was changed");
    case SQLITE_NOTADB:
      fail(path, "not an SQLite database; accepted: a file made by 'kneerehab clinic init'");
    case SQLITE_CORRUPT:
      fail(path, "the file is corrupt; restore it from a backup");
    default:
      fail(path, e.what());
  }
}

void check_file(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) {
    fail(path, "no such file; create one with 'kneerehab clinic init FILE'");
  }
  if (!fs::is_regular_file(status)) fail(path, "not a regular file");
  std::ifstream in(path, std::ios::binary);
  std::string magic(16, '\0');
  in.read(magic.data(), 16);
  if (!in || magic != std::string_view("SQLite format 3\0", 16)) {
    fail(path, "not an SQLite database; accepted: a file made by 'kneerehab clinic init'");
  }
}

// The layout version, after checking that the file is a clinic database this library reads.
int checked_version(SQLite::Database& db, const fs::path& path) {
  if (db.execAndGet("PRAGMA application_id").getInt() != clinic_application_id) {
    fail(path,
         "not a kneerehab clinic database (is it the catalogue?); create one with "
         "'kneerehab clinic init FILE'");
  }
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version > clinic_schema_version) {
    fail(path, fmt::format("schema version {} is newer than this kneerehab reads (up to {}); "
                           "use a newer kneerehab",
                           version, clinic_schema_version));
  }
  return version;
}

// Opens the clinic; only `clinic check` (`any_older`) reads a file of an older layout: every
// other use needs the tables of the current one.
std::unique_ptr<SQLite::Database> open(const fs::path& path, bool write, bool any_older = false) {
  check_file(path);
  try {
    auto db = std::make_unique<SQLite::Database>(
        path.string(), write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY, busy_timeout_ms);
    const int version = checked_version(*db, path);
    if (!any_older && version < clinic_schema_version) {
      fail(path,
           fmt::format("schema version {} is older than this kneerehab {} ({}); "
                       "run 'kneerehab clinic migrate {}' first",
                       version, write ? "writes" : "reads", clinic_schema_version, path.string()));
    }
    return db;
  } catch (const SQLite::Exception& e) {
    translate(e, path);
  }
}

void apply_migrations(SQLite::Database& db, int from) {
  for (const auto& m : migrations) {
    if (m.version <= from) continue;
    db.exec(std::string(m.sql));
    SQLite::Statement record(db,
                             "INSERT INTO schema_migrations (version, description) VALUES (?, ?)");
    record.bind(1, m.version);
    record.bind(2, std::string(m.description));
    record.exec();
    // PRAGMA takes no parameters; the value is one of the constants above.
    db.exec(fmt::format("PRAGMA user_version = {}", m.version));
  }
}

std::size_t count(SQLite::Database& db, std::string_view table) {
  return static_cast<std::size_t>(
      db.execAndGet(fmt::format("SELECT count(*) FROM {}", table)).getInt64());
}

struct stored_item {
  std::string id;
  provenance about;
  std::string source;
};

std::vector<stored_item> stored(SQLite::Database& db, std::string_view table) {
  std::vector<stored_item> out;
  SQLite::Statement rows(
      db,
      fmt::format("SELECT id, author, version, change_note, source FROM {} ORDER BY id", table));
  while (rows.executeStep()) {
    out.push_back({rows.getColumn(0).getString(),
                   {rows.getColumn(1).getString(), rows.getColumn(2).getString(),
                    rows.getColumn(3).getString()},
                   rows.getColumn(4).getString()});
  }
  return out;
}

// Replaces the row of `id` in one transaction: all or nothing.
void store(const fs::path& path, std::string_view table, const std::string& id,
           const provenance& about, const std::string& source) {
  const auto db = open(path, true);
  try {
    SQLite::Transaction transaction(*db);
    SQLite::Statement put(*db, fmt::format("INSERT OR REPLACE INTO {} (id, author, version, "
                                           "change_note, source) VALUES (?, ?, ?, ?, ?)",
                                           table));
    put.bind(1, id);
    put.bind(2, about.author);
    put.bind(3, about.version);
    put.bind(4, about.change_note);
    put.bind(5, source);
    put.exec();
    transaction.commit();
  } catch (const SQLite::Exception& e) {
    translate(e, path);
  }
}

template <typename Item>
std::vector<catalogue_item_source> sources_of(const std::vector<Item>& items,
                                              const std::vector<stored_item>& clinic,
                                              const catalogue& shipped) {
  std::vector<catalogue_item_source> out;
  for (const auto& item : items) {
    const auto mine = std::find_if(clinic.begin(), clinic.end(),
                                   [&](const stored_item& s) { return s.id == item.id; });
    if (mine == clinic.end()) {
      out.push_back({item.id, item_origin::built_in, builtin_provenance()});
      continue;
    }
    bool built_in = false;
    if constexpr (std::is_same_v<Item, protocol>) {
      built_in = shipped.find_protocol(item.id) != nullptr;
    } else {
      built_in = shipped.find_exercise(item.id) != nullptr;
    }
    out.push_back({item.id, built_in ? item_origin::customised : item_origin::custom, mine->about});
  }
  return out;
}

const catalogue_item_source& find_source(const std::vector<catalogue_item_source>& items,
                                         std::string_view id) {
  static const catalogue_item_source none{"", item_origin::built_in, builtin_provenance()};
  const auto it = std::find_if(items.begin(), items.end(),
                               [&](const catalogue_item_source& s) { return s.id == id; });
  return it == items.end() ? none : *it;
}

// The clinic's items, parsed against the shipped catalogue: exercises first, so that protocols
// may prescribe them.
catalogue_additions load_additions(SQLite::Database& db, const fs::path& path,
                                   const catalogue& shipped, std::vector<stored_item>& exercises,
                                   std::vector<stored_item>& protocols) {
  exercises = stored(db, "clinic_exercises");
  protocols = stored(db, "clinic_protocols");
  catalogue_additions add;
  for (const auto& e : exercises) {
    add.exercises.push_back(
        parse_exercise_file(e.source, fmt::format("{} (exercise '{}')", path.string(), e.id),
                            shipped)
            .content);
  }
  const auto with_exercises = overlay(shipped, add);
  for (const auto& p : protocols) {
    add.protocols.push_back(
        parse_protocol_file(p.source, fmt::format("{} (protocol '{}')", path.string(), p.id),
                            with_exercises)
            .content);
  }
  return add;
}

}  // namespace

const catalogue_item_source& layered_catalogue::protocol_source(std::string_view id) const {
  return find_source(protocols, id);
}

const catalogue_item_source& layered_catalogue::exercise_source(std::string_view id) const {
  return find_source(exercises, id);
}

void init_clinic(const fs::path& path) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) {
    throw error::invalid_input(
        fmt::format("'{}' already exists; accepted: a new file name (clinic init never overwrites)",
                    path.string()));
  }
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                        busy_timeout_ms);
    SQLite::Transaction transaction(db);
    db.exec(fmt::format("PRAGMA application_id = {}", clinic_application_id));
    apply_migrations(db, 0);
    transaction.commit();
  } catch (const SQLite::Exception& e) {
    fs::remove(path, ec);
    throw error::database(
        fmt::format("cannot create clinic database '{}': {}", path.string(), e.what()));
  }
}

clinic_status check_clinic(const fs::path& path) {
  const auto db = open(path, false, true);
  try {
    clinic_status status;
    status.schema_version = db->execAndGet("PRAGMA user_version").getInt();
    if (status.schema_version >= 1) {  // the tables of version 1
      status.protocols = count(*db, "clinic_protocols");
      status.exercises = count(*db, "clinic_exercises");
    }
    const auto integrity = db->execAndGet("PRAGMA quick_check").getString();
    if (integrity != "ok") fail(path, "the file is corrupt (" + integrity + ")");
    return status;
  } catch (const SQLite::Exception& e) {
    translate(e, path);
  }
}

std::optional<fs::path> migrate_clinic(const fs::path& path) {
  check_file(path);
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE, busy_timeout_ms);
    const int version = checked_version(db, path);
    if (version == clinic_schema_version) return std::nullopt;
    auto backup = path;
    backup += fmt::format(".backup-v{}", version);
    std::error_code ec;
    if (!fs::copy_file(path, backup, fs::copy_options::none, ec)) {
      fail(path, fmt::format("cannot copy it to '{}' before migrating ({}); nothing was changed",
                             backup.string(), ec ? ec.message() : "it already exists"));
    }
    SQLite::Transaction transaction(db);
    apply_migrations(db, version);
    transaction.commit();
    return backup;
  } catch (const SQLite::Exception& e) {
    translate(e, path);
  }
}

layered_catalogue open_layered_catalogue(const fs::path& db,
                                         const std::optional<fs::path>& clinic) {
  const auto shipped = open_catalogue(db);
  if (!clinic) {
    return {shipped, sources_of(shipped.protocols(), {}, shipped),
            sources_of(shipped.exercises(), {}, shipped)};
  }
  const auto handle = open(*clinic, false);
  std::vector<stored_item> exercises;
  std::vector<stored_item> protocols;
  catalogue_additions add;
  try {
    add = load_additions(*handle, *clinic, shipped, exercises, protocols);
  } catch (const SQLite::Exception& e) {
    translate(e, *clinic);
  }
  auto cat = overlay(shipped, add);
  auto protocol_sources = sources_of(cat.protocols(), protocols, shipped);
  auto exercise_sources = sources_of(cat.exercises(), exercises, shipped);
  return {std::move(cat), std::move(protocol_sources), std::move(exercise_sources)};
}

item_origin import_protocol(const fs::path& clinic, const layered_catalogue& base,
                            const protocol_file& file) {
  const auto& p = file.content;
  store(clinic, "clinic_protocols", p.id, file.about,
        protocol_file_text(p, file.about, overlay(base.cat, {{}, {p}})));
  const auto& before = base.protocol_source(p.id);
  const bool shipped =
      base.cat.find_protocol(p.id) != nullptr && before.origin != item_origin::custom;
  return shipped ? item_origin::customised : item_origin::custom;
}

item_origin import_exercise(const fs::path& clinic, const layered_catalogue& base,
                            const exercise_file& file) {
  const auto& e = file.content;
  store(clinic, "clinic_exercises", e.id, file.about, exercise_file_text(e, file.about));
  const auto& before = base.exercise_source(e.id);
  const bool shipped =
      base.cat.find_exercise(e.id) != nullptr && before.origin != item_origin::custom;
  return shipped ? item_origin::customised : item_origin::custom;
}

item_origin delete_protocol(const fs::path& clinic, const layered_catalogue& base,
                            std::string_view id) {
  if (base.cat.find_protocol(id) == nullptr) {
    throw error::not_found(
        fmt::format("unknown protocol '{}'; accepted: a custom or customised "
                    "protocol of the clinic",
                    id));
  }
  const auto origin = base.protocol_source(id).origin;
  if (origin == item_origin::built_in) {
    throw error::invalid_input(fmt::format(
        "protocol '{}' is built in and not customised: there is nothing to delete; accepted: a "
        "custom protocol, or a customised built-in one (deleting it restores the built-in one)",
        id));
  }
  const auto db = open(clinic, true);
  try {
    SQLite::Transaction transaction(*db);
    SQLite::Statement remove(*db, "DELETE FROM clinic_protocols WHERE id = ?");
    remove.bind(1, std::string(id));
    remove.exec();
    transaction.commit();
  } catch (const SQLite::Exception& e) {
    translate(e, clinic);
  }
  return origin;
}

}  // namespace kneerehab
