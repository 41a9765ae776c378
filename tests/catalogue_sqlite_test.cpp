// exercises.db: round trip, read-only opening, and the errors a broken or busy file gives.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <regex>
#include <string>

#include "catalogue_test_support.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "model/fields.hpp"

using namespace kneerehab;
using kneerehab::testing::error_message;
using kneerehab::testing::fixture_content;
using kneerehab::testing::read_file;
using kneerehab::testing::scratch_dir;
using kneerehab::testing::write_file;

namespace fs = std::filesystem;

namespace {

// A database written from the fixture, in its own scratch directory.
struct fixture_db {
  scratch_dir dir;
  fs::path path = dir / "exercises.db";
  fixture_db() { write_catalogue(catalogue(fixture_content()), path); }

  // Runs `sql` on the file with CHECK constraints off, as a hand edit or old tool might.
  void tamper(const std::string& sql) const {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA ignore_check_constraints = ON");
    db.exec(sql);
  }
};

std::string open_error(errc code, const fs::path& path) {
  return error_message(code, [&] { open_catalogue(path); });
}

std::string cannot_open(const fs::path& path, const std::string& problem) {
  return "cannot open catalogue database '" + path.string() + "': " + problem;
}

}  // namespace

TEST(CatalogueSqlite, RoundTripKeepsEveryField) {
  const fixture_db db;
  const catalogue original(fixture_content());
  const catalogue loaded = open_catalogue(db.path);
  EXPECT_EQ(catalogue_difference(db.path, original), std::nullopt);

  const auto& want = original.content();
  const auto& got = loaded.content();
  ASSERT_EQ(got.exercises.size(), want.exercises.size());
  for (std::size_t i = 0; i < want.exercises.size(); ++i) {
    const auto& a = want.exercises[i];
    const auto& b = got.exercises[i];
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.default_dosage, a.default_dosage);
    EXPECT_EQ(b.regression, a.regression);
    EXPECT_EQ(b.progression, a.progression);
    EXPECT_EQ(b.muscles, a.muscles);
    EXPECT_EQ(b.equipment, a.equipment);
    EXPECT_EQ(b.instructions, a.instructions);
    EXPECT_EQ(b.cues, a.cues);
    EXPECT_EQ(b.contraindications, a.contraindications);
    EXPECT_EQ(b.category, a.category);
    EXPECT_EQ(b.load, a.load);
    EXPECT_EQ(b.side, a.side);
  }
  EXPECT_EQ(got.symptoms[1].min_age, 55);
  EXPECT_FALSE(got.symptoms[2].red_flag);
  EXPECT_EQ(got.conditions[1].protocol_id, std::nullopt);
  EXPECT_EQ(got.conditions[0].red_flags, want.conditions[0].red_flags);
  EXPECT_EQ(got.conditions[0].moderate, want.conditions[0].moderate);
  EXPECT_EQ(got.ladders[0].steps, want.ladders[0].steps);
  const auto& p = got.protocols[0];
  const auto& q = want.protocols[0];
  EXPECT_DOUBLE_EQ(p.load.weekly_increase, q.load.weekly_increase);
  EXPECT_EQ(p.pain.progress_max, q.pain.progress_max);
  EXPECT_EQ(p.advice.size(), q.advice.size());
  ASSERT_EQ(p.phases.size(), q.phases.size());
  for (std::size_t i = 0; i < q.phases.size(); ++i) {
    EXPECT_EQ(p.phases[i].running, q.phases[i].running);
    EXPECT_EQ(p.phases[i].barred_exercises, q.phases[i].barred_exercises);
    EXPECT_EQ(p.phases[i].cross_training, q.phases[i].cross_training);
    EXPECT_EQ(p.phases[i].entry_criteria.size(), q.phases[i].entry_criteria.size());
    ASSERT_EQ(p.phases[i].prescriptions.size(), q.phases[i].prescriptions.size());
    for (std::size_t j = 0; j < q.phases[i].prescriptions.size(); ++j) {
      const auto& x = p.phases[i].prescriptions[j];
      const auto& y = q.phases[i].prescriptions[j];
      EXPECT_EQ(x.dose, y.dose);
      EXPECT_EQ(x.note, y.note);
      ASSERT_EQ(x.progression.size(), y.progression.size());
      for (std::size_t k = 0; k < y.progression.size(); ++k) {
        EXPECT_EQ(x.progression[k].week, y.progression[k].week);
        EXPECT_EQ(x.progression[k].dose, y.progression[k].dose);
      }
    }
  }
}

TEST(CatalogueSqlite, WritingIsDeterministic) {
  const fixture_db first;
  scratch_dir dir;
  write_catalogue(open_catalogue(first.path), dir / "again.db");
  EXPECT_EQ(read_file(dir / "again.db"), read_file(first.path));
}

TEST(CatalogueSqlite, WriteReplacesAtomicallyAndLeavesNoTemporaryFile) {
  scratch_dir dir;
  write_file(dir / "exercises.db", "old contents");
  write_catalogue(catalogue(fixture_content()), dir / "exercises.db");
  EXPECT_NO_THROW(open_catalogue(dir / "exercises.db"));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1U);
  EXPECT_THROW(write_catalogue(catalogue(fixture_content()), dir / "no-such-dir" / "x.db"), error);
}

TEST(CatalogueSqlite, MissingFileIsReportedAndNotCreated) {
  scratch_dir dir;
  const auto path = dir / "missing.db";
  EXPECT_EQ(open_error(errc::database, path), cannot_open(path, "no such file"));
  EXPECT_FALSE(fs::exists(path));
}

TEST(CatalogueSqlite, TextFileIsNotADatabase) {
  scratch_dir dir;
  const auto path = dir / "notes.db";
  write_file(path, "this is not a database\n");
  EXPECT_EQ(open_error(errc::database, path), cannot_open(path, "not an SQLite database"));
  write_file(path, "");
  EXPECT_EQ(open_error(errc::database, path), cannot_open(path, "not an SQLite database"));
}

TEST(CatalogueSqlite, SchemaVersionIsMajorMinor) {
  const fixture_db db;
  {
    SQLite::Database file(db.path.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(file.execAndGet("PRAGMA user_version").getInt(),
              catalogue_schema_version.major * 1000 + catalogue_schema_version.minor);
  }
  EXPECT_EQ(catalogue_schema_version, (schema_version{1, 3}));
}

TEST(CatalogueSqlite, OlderMinorVersionsAreRead) {
  const fixture_db db;
  db.tamper("PRAGMA user_version = 1000");  // 1.0
  EXPECT_NO_THROW(open_catalogue(db.path));
  db.tamper("PRAGMA user_version = 1");  // 1.0, as files before major.minor said it
  EXPECT_NO_THROW(open_catalogue(db.path));
}

// A 1.1 file has no column added in 1.2 (conditions: traumatic, refer_min_prior_injuries,
// typical_age_min/max; protocols: pain_refer_min): it is read with their defaults.
TEST(CatalogueSqlite, FileOfAnOlderLayoutGetsTheNewFieldsDefaults) {
  const fixture_db db;
  {
    SQLite::Database file(db.path.string(), SQLite::OPEN_READWRITE);
    file.exec("PRAGMA foreign_keys = OFF");
    const auto drop = [&](const std::string& table, const std::vector<std::string>& gone) {
      std::vector<std::string> kept;
      SQLite::Statement info(file, "PRAGMA table_info(" + table + ")");
      while (info.executeStep()) {
        const auto name = info.getColumn("name").getString();
        if (std::find(gone.begin(), gone.end(), name) == gone.end()) kept.push_back(name);
      }
      std::string columns;
      for (const auto& c : kept) columns += (columns.empty() ? "" : ", ") + c;
      file.exec("CREATE TABLE old_" + table + " AS SELECT " + columns + " FROM " + table);
      file.exec("DROP TABLE " + table);
      file.exec("ALTER TABLE old_" + table + " RENAME TO " + table);
    };
    drop("conditions",
         {"traumatic", "refer_min_prior_injuries", "typical_age_min", "typical_age_max"});
    drop("protocols", {"pain_refer_min"});
    file.exec("PRAGMA user_version = 1001");
  }
  const auto loaded = open_catalogue(db.path);
  const auto& c = loaded.content().conditions[0];
  EXPECT_FALSE(c.traumatic);
  EXPECT_EQ(c.typical_age, std::nullopt);
  EXPECT_EQ(c.refer_min_prior_injuries, std::nullopt);
  EXPECT_EQ(loaded.content().protocols[0].pain.refer_min, pain_rules{}.refer_min);
  EXPECT_EQ(loaded.content().protocols[0].pain.progress_max, 2);
}

// A 1.2 file has no session_max_exercises (added in 1.3): protocols get the default cap of 6.
TEST(CatalogueSqlite, FileOfLayout12GetsTheDefaultSessionCap) {
  const fixture_db db;
  {
    SQLite::Database file(db.path.string(), SQLite::OPEN_READWRITE);
    file.exec("ALTER TABLE protocols DROP COLUMN session_max_exercises");
    file.exec("PRAGMA user_version = 1002");
  }
  const auto loaded = open_catalogue(db.path);
  EXPECT_EQ(loaded.content().protocols[0].sessions.max_exercises, session_rules{}.max_exercises);
  EXPECT_EQ(loaded.content().protocols[0].pain.refer_min, 7);
}

TEST(CatalogueSqlite, SessionCapRowsAreChecked) {
  const fixture_db db;
  db.tamper("UPDATE protocols SET session_max_exercises = 13");
  EXPECT_EQ(
      open_error(errc::invalid_catalogue, db.path),
      "invalid catalogue database '" + db.path.string() +
          "': table 'protocols', row id='demo-rehab': session_max_exercises is 13; accepted: 1 "
          "to 12");
}

TEST(CatalogueSqlite, NewFieldsRoundTrip) {
  const fixture_db db;
  const auto loaded = open_catalogue(db.path);
  const auto& c = loaded.content().conditions[0];
  EXPECT_TRUE(c.traumatic);
  EXPECT_EQ(c.typical_age, (age_range{18, 60}));
  EXPECT_EQ(c.refer_min_prior_injuries, 3);
  EXPECT_EQ(loaded.content().protocols[0].pain.refer_min, 7);
  EXPECT_EQ(loaded.content().protocols[0].sessions.max_exercises, 5);
  EXPECT_EQ(loaded.content().conditions[1].typical_age, std::nullopt);
}

TEST(CatalogueSqlite, TypicalAgeRowsAreChecked) {
  const fixture_db db;
  db.tamper(
      "UPDATE conditions SET typical_age_min = 70, typical_age_max = 20 WHERE id = "
      "'demo-tendinopathy'");
  EXPECT_EQ(open_error(errc::invalid_catalogue, db.path),
            "invalid catalogue database '" + db.path.string() +
                "': table 'conditions', row id='demo-tendinopathy': typical_age is [70, 20]; "
                "accepted: [min, max] in years, 0 <= min <= max <= 120");
}

TEST(CatalogueSqlite, OtherSchemaVersionIsRefusedNamingWhatIsAccepted) {
  const fixture_db db;
  db.tamper("PRAGMA user_version = 2000");
  EXPECT_EQ(open_error(errc::database, db.path),
            cannot_open(db.path,
                        "schema version 2.0; accepted: 1.0 to 1.3; regenerate it with "
                        "`kneerehab-catalogue compile`"));
  db.tamper("PRAGMA user_version = 1004");
  EXPECT_EQ(open_error(errc::database, db.path),
            cannot_open(db.path,
                        "schema version 1.4; accepted: 1.0 to 1.3; regenerate it with "
                        "`kneerehab-catalogue compile`"));
  db.tamper("PRAGMA user_version = 0");
  EXPECT_EQ(open_error(errc::database, db.path),
            cannot_open(db.path,
                        "schema version 0.0; accepted: 1.0 to 1.3; regenerate it with "
                        "`kneerehab-catalogue compile`"));
}

TEST(CatalogueSqlite, RowBreakingAnInvariantNamesTableAndRow) {
  const fixture_db db;
  db.tamper("UPDATE exercises SET sets = 0 WHERE id = 'plank'");
  EXPECT_EQ(open_error(errc::invalid_catalogue, db.path),
            "invalid catalogue database '" + db.path.string() +
                "': table 'exercises', row id='plank': sets is 0; accepted: 1 to 10");
}

TEST(CatalogueSqlite, ChildRowBreakingAnInvariantNamesItsKey) {
  const fixture_db db;
  db.tamper("UPDATE phases SET min_weeks = 9 WHERE protocol_id = 'demo-rehab' AND id = 'settle'");
  EXPECT_EQ(open_error(errc::invalid_catalogue, db.path),
            "invalid catalogue database '" + db.path.string() +
                "': table 'phases', row protocol_id='demo-rehab', id='settle': min_weeks is 9 and "
                "max_weeks 4; accepted: 1 <= min_weeks <= max_weeks <= 26");
}

TEST(CatalogueSqlite, CrossRowInvariantsAreValidatedToo) {
  const fixture_db db;
  db.tamper("INSERT INTO phase_barred VALUES ('demo-rehab', 'settle', 2, 'glute-bridge')");
  EXPECT_EQ(open_error(errc::invalid_catalogue, db.path),
            "invalid catalogue database '" + db.path.string() +
                "': protocol 'demo-rehab', phase 'settle': prescribes 'glute-bridge', which the "
                "phase bars");
}

TEST(CatalogueSqlite, OpeningNeverWrites) {
  const fixture_db db;
  const auto bytes = read_file(db.path);
  const auto mtime = fs::last_write_time(db.path);
  { const catalogue cat = open_catalogue(db.path); }
  EXPECT_EQ(read_file(db.path), bytes);
  EXPECT_EQ(fs::last_write_time(db.path), mtime);
  EXPECT_FALSE(fs::exists(db.dir / "exercises.db-journal"));
  EXPECT_FALSE(fs::exists(db.dir / "exercises.db-wal"));
}

TEST(CatalogueSqlite, LockedDatabaseFailsFastWithAClearMessage) {
  const fixture_db db;
  SQLite::Database holder(db.path.string(), SQLite::OPEN_READWRITE);
  holder.exec("BEGIN EXCLUSIVE");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(open_error(errc::database, db.path),
            cannot_open(db.path,
                        "the database is locked by another process; try again when it has "
                        "finished"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  holder.exec("ROLLBACK");
}

TEST(CatalogueDifference, NamesTheFirstDifferingRowAndColumn) {
  const fixture_db db;
  const catalogue expected(fixture_content());
  db.tamper("UPDATE exercises SET reps = 99 WHERE id = 'glute-bridge'");
  EXPECT_EQ(catalogue_difference(db.path, expected),
            "table 'exercises', row id='glute-bridge': column 'reps' is 99 in the database, 12 "
            "in the expected catalogue");
}

TEST(CatalogueDifference, NamesMissingAndExtraRows) {
  const catalogue expected(fixture_content());
  {
    const fixture_db db;
    db.tamper("DELETE FROM exercise_cues WHERE exercise_id = 'plank'");
    EXPECT_EQ(catalogue_difference(db.path, expected),
              "table 'exercise_cues': row exercise_id='plank', position=1 is in the expected "
              "catalogue but not in the database");
  }
  {
    const fixture_db db;
    db.tamper("INSERT INTO exercise_cues VALUES ('plank', 2, 'Brace')");
    EXPECT_EQ(catalogue_difference(db.path, expected),
              "table 'exercise_cues': row exercise_id='plank', position=2 is in the database but "
              "not in the expected catalogue");
  }
}

// data/schema.sql repeats the field tables' ranges as CHECK constraints; they must agree.
template <typename Struct, std::size_t N>
void expect_schema_checks(const std::string& schema,
                          const std::array<detail::field<Struct>, N>& fields) {
  for (const auto& f : fields) {
    if (!f.ranged()) continue;
    const std::regex check(std::string(f.column) + R"( BETWEEN ([0-9.]+) AND ([0-9.]+))");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(schema, m, check)) << f.column;
    EXPECT_DOUBLE_EQ(std::stod(m[1].str()), f.low) << f.column;
    EXPECT_DOUBLE_EQ(std::stod(m[2].str()), f.high) << f.column;
  }
}

TEST(CatalogueSchema, CheckConstraintsAgreeWithTheFieldTables) {
  const auto schema = read_file(kneerehab::testing::source_dir() / "data" / "schema.sql");
  expect_schema_checks(schema, detail::dosage_fields);
  expect_schema_checks(schema, detail::length_rule_fields);
  expect_schema_checks(schema, detail::load_rule_fields);
  expect_schema_checks(schema, detail::session_rule_fields);
  expect_schema_checks(schema, detail::condition_fields);
}

// A tampered catalogue once made the planner overflow (run_s = 2e9) and read sets =
// 4294967299 as 3: every number is range-checked as a 64-bit value before it is narrowed.
TEST(CatalogueSqlite, EveryNumberIsBoundedAndNeverTruncated) {
  const fixture_db db;
  db.tamper(
      "UPDATE ladder_steps SET run_s = 2000000000, repeats = 2 WHERE ladder_id = 'time-based' "
      "AND position = 1");
  db.tamper("UPDATE exercises SET sets = 4294967299 WHERE id = 'plank'");
  try {
    open_catalogue(db.path);
    ADD_FAILURE() << "no error thrown";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_catalogue);
    std::vector<std::string> lines;
    for (const auto& d : e.diagnostics()) lines.push_back(format_diagnostic(d));
    EXPECT_EQ(
        lines,
        (std::vector<std::string>{
            db.path.string() + ": error: table 'ladder_steps', row ladder_id='time-based', "
                               "position=1: run_s is 2000000000 (accepted: 1 to 3600)",
            db.path.string() + ": error: table 'exercises', row id='plank': sets is 4294967299 "
                               "(accepted: 1 to 10)",
        }));
    ASSERT_EQ(e.diagnostics().size(), 2U);
    EXPECT_EQ(e.diagnostics()[0].field, "run_s");
    EXPECT_EQ(e.diagnostics()[0].code, "out-of-range");
  }
}

TEST(CatalogueSqlite, RealsAreBoundedToo) {
  const fixture_db db;
  db.tamper(
      "UPDATE phases SET start_fraction = 7 WHERE protocol_id = 'demo-rehab' AND id = 'settle'");
  EXPECT_EQ(open_error(errc::invalid_catalogue, db.path),
            "invalid catalogue database '" + db.path.string() +
                "': table 'phases', row protocol_id='demo-rehab', id='settle': start_fraction is "
                "7; accepted: 0 to 1");
}

// A WAL-mode file would get -wal and -shm files from an ordinary read-only open (and fail in a
// read-only directory); it is read as immutable instead.
TEST(CatalogueSqlite, WalModeCopyOpensInAReadOnlyDirectoryWithoutSideFiles) {
  const fixture_db db;
  {
    SQLite::Database file(db.path.string(), SQLite::OPEN_READWRITE);
    file.exec("PRAGMA journal_mode = WAL");
  }
  ASSERT_FALSE(fs::exists(db.dir / "exercises.db-wal"));
  const auto bytes = read_file(db.path);
  fs::permissions(db.dir.path(), fs::perms::owner_read | fs::perms::owner_exec |
                                     fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec);
  EXPECT_NO_THROW(open_catalogue(db.path));
  // Tests run as root in CI, where the directory's mode stops nothing: no side file either way.
  EXPECT_FALSE(fs::exists(db.dir / "exercises.db-wal"));
  EXPECT_FALSE(fs::exists(db.dir / "exercises.db-shm"));
  EXPECT_FALSE(fs::exists(db.dir / "exercises.db-journal"));
  EXPECT_EQ(read_file(db.path), bytes);
  fs::permissions(db.dir.path(), fs::perms::owner_all);
}

TEST(CatalogueSqlite, WalFileWithChangesIsNamedNotIgnored) {
  const fixture_db db;
  SQLite::Database writer(db.path.string(), SQLite::OPEN_READWRITE);
  writer.exec("PRAGMA journal_mode = WAL");
  writer.exec("PRAGMA wal_autocheckpoint = 0");
  writer.exec("UPDATE exercises SET name = 'Plank hold' WHERE id = 'plank'");
  const auto wal = db.path.string() + "-wal";
  EXPECT_EQ(open_error(errc::database, db.path),
            cannot_open(db.path, "it is in WAL mode and '" + wal +
                                     "' holds changes not yet written back to it; checkpoint them "
                                     "(`sqlite3 " +
                                     db.path.string() +
                                     " 'PRAGMA wal_checkpoint(TRUNCATE)'`) or regenerate it with "
                                     "`kneerehab-catalogue compile`"));
}

TEST(CatalogueSqlite, HotJournalGivesAClearMessage) {
  const fixture_db db;
  const auto journal = db.path.string() + "-journal";
  write_file(journal, std::string("\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 8) + std::string(504, '\0'));
  EXPECT_EQ(open_error(errc::database, db.path),
            cannot_open(db.path, "a write to it was interrupted and '" + journal +
                                     "' holds the pages to put back, which a read-only open "
                                     "cannot do; open it once with write access (e.g. `sqlite3 " +
                                     db.path.string() +
                                     " 'PRAGMA integrity_check'`) or regenerate it with "
                                     "`kneerehab-catalogue compile`"));
}

// `--db file:y.db` once checked one file and opened another (SQLite read it as a URI for y.db).
TEST(CatalogueSqlite, AFileNamedLikeAUriIsOpenedAsItself) {
  scratch_dir dir;
  write_catalogue(catalogue(fixture_content()), dir / "file:y.db");
  write_file(dir / "y.db", "not the catalogue\n");
  const auto previous = fs::current_path();
  fs::current_path(dir.path());
  EXPECT_EQ(open_catalogue("file:y.db").exercises().size(), 4U);
  // Nor is URI syntax ever obeyed: this names a file that does not exist, and none is created.
  EXPECT_EQ(open_error(errc::database, "file:y.db?mode=rwc"),
            cannot_open("file:y.db?mode=rwc", "no such file"));
  EXPECT_FALSE(fs::exists("file:y.db?mode=rwc"));
  fs::current_path(previous);
}
