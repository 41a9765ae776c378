// The clinic database and protocol files as a user drives them from the CLI: a therapist's
// walkthrough, round trips through a clinic database, and bad input of every kind getting a
// precise error and the documented exit code while the clinic database and the shipped
// exercises.db stay byte for byte the same.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kneerehab/kneerehab.hpp"
#include "support/run_cli.hpp"
#include "support/scratch_dir.hpp"
#include "support/shipped_catalogue.hpp"

namespace fs = std::filesystem;

namespace {

using result = kneerehab::testing::cli_result;

result run(const std::vector<std::string>& args, const std::string& env = "") {
  return kneerehab::testing::run_cli(args, env);
}

using kneerehab::testing::read_file;
using kneerehab::testing::scratch_dir;
using kneerehab::testing::write_file;

// Replaces the first `from` in `text` (which must be there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class Clinic : public ::testing::Test {
 protected:
  void SetUp() override {
    shipped_before_ = read_file(kneerehab::testing::shipped_catalogue_path());
    ASSERT_FALSE(shipped_before_.empty());
    const auto r = run({"clinic", "init", clinic().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // The shipped catalogue is never written, whatever a test did.
  void TearDown() override {
    EXPECT_EQ(read_file(kneerehab::testing::shipped_catalogue_path()), shipped_before_);
  }
  [[nodiscard]] fs::path clinic() const { return dir_ / "clinic.db"; }
  [[nodiscard]] std::string exported(const std::string& id) {
    const auto r = run({"protocol", "export", id});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  // Runs `args` with --clinic, expects `code` and `err`, and the clinic unchanged.
  void refused(const std::vector<std::string>& args, int code, const std::string& err) {
    const auto before = read_file(clinic());
    std::vector<std::string> words = {"--clinic", clinic().string()};
    words.insert(words.end(), args.begin(), args.end());
    const auto r = run(words);
    EXPECT_EQ(r.exit_code, code) << r.err;
    EXPECT_EQ(r.err, err);
    EXPECT_TRUE(read_file(clinic()) == before) << "the clinic database changed";
  }

  scratch_dir dir_;
  std::string shipped_before_;
};

TEST_F(Clinic, ATherapistCustomisesAProtocolAndPlansFromIt) {
  auto text = exported("patellofemoral-pain-rehab");
  text = replaced(text, "id = \"patellofemoral-pain-rehab\"", "id = \"my-pfp\"");
  text = replaced(text, "author = \"kneerehab\"", "author = \"A. Therapist\"");
  text = replaced(text, "min_weeks = 2\nmax_weeks = 4\ncross_training = [\"stationary bike\"",
                  "min_weeks = 4\nmax_weeks = 6\ncross_training = [\"stationary bike\"");
  text = replaced(text, "id = \"leg-press\"", "id = \"wall-sit\"");
  const auto file = dir_ / "my-pfp.toml";
  write_file(file, text);

  auto r = run({"protocol", "validate", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, file.string() + ": protocol 'my-pfp' is valid (0 warnings)\n");
  r = run({"protocol", "diff", "patellofemoral-pain-rehab", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Phase 2 'Strengthen and restart continuous running': minimum weeks 2 -> "
                       "4; maximum weeks 4 -> 6; added exercise wall-sit"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("; removed leg-press\n"), std::string::npos) << r.out;

  r = run({"--clinic", clinic().string(), "protocol", "import", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "imported protocol 'my-pfp' (custom, A. Therapist version 0.1.0) into " +
                       clinic().string() + "\n");
  r = run({"--clinic", clinic().string(), "protocols"});
  EXPECT_NE(r.out.find("custom: A. Therapist v0.1.0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("patellofemoral-pain-rehab"), std::string::npos) << "built-ins stay";

  const std::vector<std::string> plan = {
      "--clinic",   clinic().string(), "plan",       "--protocol", "my-pfp", "--start",
      "2026-11-30", "--today",         "2026-11-23", "--baseline", "30"};
  r = run(plan);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(my-pfp)\nWritten by: custom by A. Therapist, version 0.1.0\n"),
            std::string::npos)
      << r.out.substr(0, 400);
  auto json = plan;
  json.insert(json.end(), {"--format", "json"});
  r = run(json);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"origin\": \"custom\",\n    \"author\": \"A. Therapist\",\n    "
                       "\"version\": \"0.1.0\""),
            std::string::npos)
      << r.out.substr(0, 400);
}

TEST_F(Clinic, EveryBuiltInProtocolAndExerciseRoundTripsThroughAClinic) {
  const auto base =
      kneerehab::open_layered_catalogue(kneerehab::testing::shipped_catalogue_path(), clinic());
  std::vector<std::string> protocol_texts;
  for (const auto& p : base.cat.protocols()) {
    protocol_texts.push_back(
        kneerehab::protocol_file_text(p, kneerehab::builtin_provenance(), base.cat));
    const auto file = kneerehab::parse_protocol_file(protocol_texts.back(), p.id, base.cat);
    EXPECT_EQ(kneerehab::import_protocol(clinic(), base, file), kneerehab::item_origin::customised);
  }
  std::vector<std::string> exercise_texts;
  for (const auto& e : base.cat.exercises()) {
    exercise_texts.push_back(kneerehab::exercise_file_text(e, kneerehab::builtin_provenance()));
    const auto file = kneerehab::parse_exercise_file(exercise_texts.back(), e.id, base.cat);
    EXPECT_EQ(kneerehab::import_exercise(clinic(), base, file), kneerehab::item_origin::customised);
  }
  const auto layered =
      kneerehab::open_layered_catalogue(kneerehab::testing::shipped_catalogue_path(), clinic());
  ASSERT_EQ(layered.cat.protocols().size(), protocol_texts.size());
  for (std::size_t i = 0; i < protocol_texts.size(); ++i) {
    const auto& p = layered.cat.protocols()[i];
    EXPECT_EQ(layered.protocol_source(p.id).origin, kneerehab::item_origin::customised);
    EXPECT_EQ(kneerehab::protocol_file_text(p, layered.protocol_source(p.id).about, layered.cat),
              protocol_texts[i])
        << p.id;
  }
  for (std::size_t i = 0; i < exercise_texts.size(); ++i) {
    const auto& e = layered.cat.exercises()[i];
    EXPECT_EQ(kneerehab::exercise_file_text(e, layered.exercise_source(e.id).about),
              exercise_texts[i])
        << e.id;
  }
  // And once through the CLI: export, import, export again.
  const auto first = exported("patellofemoral-pain-rehab");
  const auto r =
      run({"--clinic", clinic().string(), "protocol", "export", "patellofemoral-pain-rehab"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, first);
}

TEST_F(Clinic, CloneDeleteAndUncustomise) {
  auto r = run({"--clinic", clinic().string(), "protocol", "clone", "patellofemoral-pain-rehab",
                "pfp-copy"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  refused({"protocol", "clone", "patellofemoral-pain-rehab", "pfp-copy"}, 2,
          "kneerehab: protocol 'pfp-copy' already exists; accepted: a new id (or 'protocol "
          "export' and 'protocol import' to change it)\n");
  refused({"protocol", "delete", "patellofemoral-pain-rehab"}, 2,
          "kneerehab: protocol 'patellofemoral-pain-rehab' is built in and not customised: there "
          "is nothing to delete; accepted: a custom protocol, or a customised built-in one "
          "(deleting it restores the built-in one)\n");
  r = run({"--clinic", clinic().string(), "protocol", "delete", "pfp-copy"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "deleted protocol 'pfp-copy'\n");

  // A customised built-in: deleting it brings the built-in one back.
  auto text = replaced(exported("patellofemoral-pain-rehab"), "author = \"kneerehab\"",
                       "author = \"Clinic\"");
  write_file(dir_ / "p.toml", text);
  r = run({"--clinic", clinic().string(), "protocol", "import", (dir_ / "p.toml").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(customised, Clinic version"), std::string::npos) << r.out;
  r = run({"--clinic", clinic().string(), "protocol", "delete", "patellofemoral-pain-rehab"});
  EXPECT_EQ(r.out,
            "removed the clinic's version of 'patellofemoral-pain-rehab': the built-in "
            "protocol is back\n");
  r = run({"--clinic", clinic().string(), "protocols"});
  const auto line = r.out.substr(r.out.find("patellofemoral-pain-rehab "));
  EXPECT_NE(line.substr(0, line.find('\n')).find(" built in "), std::string::npos) << r.out;
}

TEST_F(Clinic, ACustomExerciseJoinsABuiltInChain) {
  const auto path = dir_ / "e.toml";
  write_file(path, R"(id = "banded-glute-bridge"
name = "Banded glute bridge"
category = "strength"
load = "moderate"
side = "bilateral"
regression = "glute-bridge"
progression = "single-leg-glute-bridge"
author = "A. Therapist"
version = "1"
instructions = ["As a glute bridge, with a band above the knees."]

[dosage]
sets = 3
reps = 12
)");
  auto r = run({"--clinic", clinic().string(), "exercise", "import", path.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run({"--clinic", clinic().string(), "exercise", "show", "glute-bridge"});
  EXPECT_NE(r.out.find("banded-glute-bridge"), std::string::npos) << r.out;
  r = run({"--clinic", clinic().string(), "exercises", "--search", "banded glute"});
  EXPECT_NE(r.out.find("custom: A. Therapist v1"), std::string::npos) << r.out;

  write_file(path, R"(id = "ball-wall-sit"
name = "Wall sit with a ball"
category = "isometric"
load = "moderate"
side = "bilateral"
regression = "wall-sitt"
author = "A. Therapist"
version = "1"

[dosage]
hold_s = 30
)");
  refused({"exercise", "import", path.string()}, 2,
          path.string() +
              ":6:14: error: exercise 'ball-wall-sit': regression 'wall-sitt' does not exist "
              "(did you mean wall-sit?)\n");
}

TEST_F(Clinic, BadProtocolFilesChangeNothing) {
  const auto file = [&](const std::string& name, const std::string& text) {
    write_file(dir_ / name, text);
    return (dir_ / name).string();
  };
  const auto good = exported("patellofemoral-pain-rehab");
  const auto p = file("syntax.toml", "id = \"x\"\nname = \n");
  refused({"protocol", "import", p}, 2,
          p + ":2:8: error: Error while parsing key-value pair: expected value, saw '\\n' "
              "(accepted: TOML 1.0 (https://toml.io))\n");
  const auto wrong = file("type.toml", replaced(good, "min_weeks = 2", "min_weeks = \"2\""));
  refused({"protocol", "import", wrong}, 2,
          wrong +
              ":97:13: error: protocol 'patellofemoral-pain-rehab', phase "
              "'calm-and-activate': 'min_weeks' is a string (accepted: an integer from 1 to 26)\n");
  const auto missing = file("missing.toml", replaced(good, "author = \"kneerehab\"\n", ""));
  refused({"protocol", "import", missing}, 2,
          missing +
              ":1:1: error: protocol 'patellofemoral-pain-rehab': 'author' is missing "
              "(accepted: a string, e.g. author = \"A. Therapist\")\n");
  const auto twice =
      file("twice.toml", replaced(good, "id = \"side-lying-hip-abduction\"", "id = \"clamshell\""));
  refused({"protocol", "import", twice}, 2,
          twice +
              ":108:6: error: protocol 'patellofemoral-pain-rehab', phase "
              "'calm-and-activate', exercise 'clamshell': the phase prescribes this exercise "
              "twice (accepted: one prescription per exercise (use progression for later "
              "weeks))\n");
  const auto sql = file("sql.toml", replaced(good, "id = \"patellofemoral-pain-rehab\"",
                                             "id = \"x'); DROP TABLE clinic_protocols; --\""));
  refused({"protocol", "import", sql}, 2,
          sql +
              ":2:6: error: protocol 'x'); DROP TABLE clinic_protocols; --': id is not "
              "kebab-case (accepted: lower-case letters and digits in words joined by single "
              "hyphens, e.g. 'glute-bridge')\n");
  const auto big = dir_ / "big.toml";
  { std::ofstream(big, std::ios::binary).put('#'); }
  fs::resize_file(big, 50u * 1024 * 1024);
  refused({"protocol", "import", big.string()}, 2,
          "kneerehab: '" + big.string() +
              "' is 52428800 bytes; accepted: files of at most 1048576 bytes (1 MiB)\n");
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) % 256);
  const auto binary = file("junk.toml", junk);
  const auto r = run({"--clinic", clinic().string(), "protocol", "import", binary});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind(binary + ":1:", 0), 0u) << r.err;
  const auto utf8 = file("utf8.toml", "id = \"\xff\xfe\"\n");
  refused({"protocol", "import", utf8}, 2,
          utf8 +
              ":1:6: error: Encountered invalid utf-8 sequence (accepted: TOML 1.0 "
              "(https://toml.io))\n");
  refused({"protocol", "import", (dir_ / "none.toml").string()}, 1,
          "kneerehab: cannot read '" + (dir_ / "none.toml").string() + "': no such file\n");
}

TEST_F(Clinic, SqlLookingTextIsStoredAsText) {
  auto text = replaced(exported("patellofemoral-pain-rehab"), "author = \"kneerehab\"",
                       "author = \"Robert'); DROP TABLE clinic_protocols; --\"");
  write_file(dir_ / "p.toml", text);
  auto r = run({"--clinic", clinic().string(), "protocol", "import", (dir_ / "p.toml").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run({"--clinic", clinic().string(), "protocol", "export", "patellofemoral-pain-rehab"});
  EXPECT_EQ(r.out, text);
  r = run({"clinic", "check", clinic().string()});
  EXPECT_EQ(r.out, clinic().string() +
                       ": clinic database, schema version 1; 1 protocol, 0 "
                       "exercises\n");
}

TEST_F(Clinic, ALockedNewerOrForeignClinicIsRefusedUnchanged) {
  write_file(dir_ / "p.toml", exported("patellofemoral-pain-rehab"));
  const auto p = (dir_ / "p.toml").string();
  {
    // Read before the lock is taken: closing any descriptor of the file in this process would
    // drop the holder's POSIX lock.
    const auto unlocked = read_file(clinic());
    SQLite::Database holder(clinic().string(), SQLite::OPEN_READWRITE);
    holder.exec("BEGIN EXCLUSIVE");
    const auto r = run({"--clinic", clinic().string(), "protocol", "import", p});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "kneerehab: clinic database '" + clinic().string() +
                         "': locked by another process; try again when it has finished\n");
    holder.exec("ROLLBACK");
    EXPECT_TRUE(read_file(clinic()) == unlocked);
  }
  const auto newer = dir_ / "newer.db";
  fs::copy_file(clinic(), newer);
  SQLite::Database(newer.string(), SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 7");
  const auto before = read_file(newer);
  auto r = run({"--clinic", newer.string(), "protocol", "import", p});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kneerehab: clinic database '" + newer.string() +
                       "': schema version 7 is newer than this kneerehab reads (up to 1); use a "
                       "newer kneerehab\n");
  EXPECT_TRUE(read_file(newer) == before);
  r = run({"clinic", "migrate", newer.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(read_file(newer) == before);

  r = run({"--clinic", kneerehab::testing::shipped_catalogue_path().string(), "protocols"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kneerehab: clinic database '" +
                       kneerehab::testing::shipped_catalogue_path().string() +
                       "': not a kneerehab clinic database (is it the catalogue?); create one "
                       "with 'kneerehab clinic init FILE'\n");
  r = run({"clinic", "init", clinic().string()});
  EXPECT_EQ(r.exit_code, 2);
  r = run({"clinic", "migrate", clinic().string()});
  EXPECT_EQ(r.out, clinic().string() + " is already at schema version 1; nothing to do\n");
}

// A file of an older layout (version 0: marked as a clinic database, no tables yet) is read
// by nothing that writes until it is migrated; migrating copies it first.
TEST_F(Clinic, MigrateCopiesTheFileThenAppliesTheMissingSteps) {
  const auto old = dir_ / "old.db";
  {
    SQLite::Database db(old.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA application_id = 1263682353");  // "KRC1"
  }
  const auto before = read_file(old);
  write_file(dir_ / "p.toml", exported("patellofemoral-pain-rehab"));
  auto r = run({"--clinic", old.string(), "protocol", "import", (dir_ / "p.toml").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kneerehab: clinic database '" + old.string() +
                       "': schema version 0 is older than this kneerehab reads (1); run "
                       "'kneerehab clinic migrate " +
                       old.string() + "' first\n");
  EXPECT_TRUE(read_file(old) == before);
  r = run({"clinic", "check", old.string()});
  EXPECT_EQ(r.out, old.string() +
                       ": clinic database, schema version 0 (run 'kneerehab clinic "
                       "migrate' to upgrade); 0 protocols, 0 exercises\n");

  r = run({"clinic", "migrate", old.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "migrated " + old.string() + " to schema version 1 (backup: " + old.string() +
                       ".backup-v0)\n");
  EXPECT_TRUE(read_file(old.string() + ".backup-v0") == before);
  r = run({"clinic", "check", old.string()});
  EXPECT_EQ(r.out, old.string() +
                       ": clinic database, schema version 1; 0 protocols, 0 "
                       "exercises\n");
  r = run({"--clinic", old.string(), "protocol", "import", (dir_ / "p.toml").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(Clinic, AReadOnlyClinicIsRefusedUnchanged) {
  write_file(dir_ / "p.toml", exported("patellofemoral-pain-rehab"));
  const auto p = (dir_ / "p.toml").string();
  if (geteuid() == 0) {
    // root writes to a file whatever its mode: the read-only case cannot be made here (the
    // locked case above covers a write that fails).
    GTEST_SKIP() << "running as root: a 0444 file is still writable";
  }
  fs::permissions(clinic(), fs::perms::owner_read);
  refused({"protocol", "import", p}, 1,
          "kneerehab: clinic database '" + clinic().string() +
              "': cannot be written (read-only file or directory); nothing was changed\n");
}

TEST_F(Clinic, WritingCommandsNeedAClinic) {
  const auto r = run({"protocol", "delete", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "kneerehab protocol delete: 'protocol delete' writes to a clinic database; accepted: "
            "--clinic FILE (or $KNEEREHAB_CLINIC), made by 'kneerehab clinic init FILE'\n"
            "Run 'kneerehab protocol delete --help' for usage.\n");
  auto r2 = run({"protocol"});
  EXPECT_EQ(r2.exit_code, 2);
  EXPECT_EQ(r2.err,
            "kneerehab protocol: expected 'kneerehab protocol ACTION ...'; accepted actions: show, "
            "export, validate, import, clone, diff, delete\n"
            "Run 'kneerehab protocol --help' for usage.\n");
  r2 = run({"clinic", "wipe", "x.db"});
  EXPECT_EQ(r2.exit_code, 2);
  EXPECT_EQ(r2.err,
            "kneerehab clinic: unknown action 'wipe'; accepted: init, check, migrate\n"
            "Run 'kneerehab clinic --help' for usage.\n");
  r2 = run({"protocol", "diff", "patellofemoral-pain-rehab"});
  EXPECT_EQ(r2.exit_code, 2);
  EXPECT_EQ(r2.err,
            "kneerehab protocol: 'protocol diff' needs two protocol ids or files\n"
            "Run 'kneerehab protocol --help' for usage.\n");
}

}  // namespace
