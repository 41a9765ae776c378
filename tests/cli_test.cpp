// The CLI as a user runs it: exit codes, messages on stderr, files written or left alone.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_cli.hpp"
#include "support/scratch_dir.hpp"

namespace fs = std::filesystem;

namespace {

using result = kneerehab::testing::cli_result;
using kneerehab::testing::shell_quote;

result run(const std::vector<std::string>& args, const std::string& env = "") {
  return kneerehab::testing::run_cli(args, env);
}

const std::string shipped_db = std::string(KNEEREHAB_SOURCE_DIR) + "/exercises.db";

using kneerehab::testing::scratch_dir;

std::string slurp(const fs::path& path) { return kneerehab::testing::read_file(path); }

// Runs the CLI with `args`; `env` is a prefix such as "KNEEREHAB_DB=x".
// A valid plan command; options in `extra` replace the defaults of the same name.
std::vector<std::string> plan_args(const std::vector<std::string>& extra) {
  const std::vector<std::pair<std::string, std::string>> defaults = {
      {"--condition", "patellofemoral-pain"},
      {"--start", "2026-11-23"},
      {"--today", "2026-11-21"},
      {"--baseline", "30"}};
  std::vector<std::string> args = {"plan"};
  for (const auto& [option, value] : defaults) {
    if (std::find(extra.begin(), extra.end(), option) != extra.end()) continue;
    args.push_back(option);
    args.push_back(value);
  }
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// A copy of the shipped catalogue in `dir`, edited by `statements` with its CHECK constraints
// off, as a careless hand edit would.
fs::path tampered_copy(const scratch_dir& dir, const std::string& name,
                       const std::vector<std::string>& statements) {
  const auto db = dir.path() / name;
  fs::copy_file(shipped_db, db);
  SQLite::Database edit(db.string(), SQLite::OPEN_READWRITE);
  edit.exec("PRAGMA ignore_check_constraints = ON");
  for (const auto& statement : statements) edit.exec(statement);
  return db;
}

}  // namespace

TEST(Cli, VersionAndHelp) {
  auto r = run({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("kneerehab ", 0), 0u);
  r = run({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("red-flags"), std::string::npos);
  for (const char* command : {"conditions", "condition", "exercises", "exercise", "protocols",
                              "protocol", "red-flags", "clinic", "plan"}) {
    r = run({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find(std::string("kneerehab ") + command), std::string::npos) << command;
  }
}

TEST(Cli, UnknownCommandSaysWhatIsAccepted) {
  const auto r = run({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "kneerehab: unknown command 'frobnicate'; accepted: conditions, condition show, "
            "exercises, exercise show, protocols, protocol show, red-flags, clinic, plan\n"
            "Run 'kneerehab --help' for usage.\n");
  EXPECT_EQ(r.out, "");
}

TEST(Cli, NoCommandIsAUsageError) {
  const auto r = run({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no command given"), std::string::npos);
}

TEST(Cli, UnknownOptionIsAUsageError) {
  const auto r = run({"exercises", "--colour", "red"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("kneerehab exercises: "), std::string::npos);
  EXPECT_NE(r.err.find("--colour"), std::string::npos);
}

TEST(Cli, BadUnitsAreAUsageError) {
  const auto r = run({"--units", "furlongs", "conditions"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--units 'furlongs' is not valid; accepted: km, mi"), std::string::npos);
}

TEST(Cli, MissingDatabaseIsARuntimeFailureAndIsNotCreated) {
  const auto r = run({"--db", "/nonexistent/kneerehab.db", "conditions"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "kneerehab: cannot open catalogue database '/nonexistent/kneerehab.db': no such "
            "file\n");
  EXPECT_FALSE(fs::exists("/nonexistent/kneerehab.db"));
}

TEST(Cli, TextFileAsDatabaseIsARuntimeFailure) {
  scratch_dir dir;
  const auto text = dir.path() / "notes.txt";
  std::ofstream(text) << "these are not the tables you are looking for\n";
  const auto before = slurp(text);
  const auto r = run({"--db", text.string(), "conditions"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kneerehab: cannot open catalogue database '" + text.string() +
                       "': not an SQLite database\n");
  EXPECT_EQ(slurp(text), before);
}

TEST(Cli, BrokenDatabaseListsEveryBadRow) {
  // Three rows broken three ways, by hand as a careless edit would (CHECKs off): all three
  // are reported, one line each, before the exit code.
  scratch_dir dir;
  const auto db = tampered_copy(dir, "broken.db",
                                {"UPDATE conditions SET mild_min_weeks = -1 WHERE id = "
                                 "'hamstring-tendinopathy'",
                                 "UPDATE exercises SET category = 'flying' WHERE id = "
                                 "'glute-bridge'",
                                 "UPDATE exercises SET regression_id = 'no-such-exercise' WHERE "
                                 "id = 'wall-sit'"});
  const auto r = run({"--db", db.string(), "conditions"});
  EXPECT_EQ(r.exit_code, 1);
  const auto file = db.string();
  EXPECT_EQ(r.err, file +
                       ": error: table 'exercises', row id='glute-bridge': category is "
                       "'flying' (accepted: strength, isometric, eccentric, stretch, mobility, "
                       "balance, plyometric, cardio)\n" +
                       file +
                       ": error: table 'conditions', row id='hamstring-tendinopathy': "
                       "timeline mild is -1 to 8 weeks (accepted: 0 <= min <= max)\n" +
                       file +
                       ": error: exercise 'wall-sit': regression 'no-such-exercise' does "
                       "not exist\n");
  EXPECT_EQ(r.out, "");
}

TEST(Cli, EnvironmentVariableChoosesTheDatabase) {
  const auto r = run({"conditions"}, "KNEEREHAB_DB=/nonexistent/from-env.db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent/from-env.db"), std::string::npos) << r.err;
}

TEST(Cli, ListsTheCatalogue) {
  auto r = run({"conditions"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("popliteal-artery-entrapment"), std::string::npos);
  EXPECT_NE(r.out.find("(referral only)"), std::string::npos);
  r = run({"protocols"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("patellofemoral-pain-rehab"), std::string::npos);
  r = run({"exercises", "--category", "eccentric"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("nordic-hamstring-curl"), std::string::npos);
  EXPECT_EQ(r.out.find("plank "), std::string::npos);
  r = run({"exercises", "--search", "GLUTE"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("single-leg-glute-bridge"), std::string::npos);
  r = run({"red-flags"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("calf-swelling"), std::string::npos);
}

TEST(Cli, ShowsItems) {
  auto r = run({"condition", "show", "bakers-cyst"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("bakers-cyst-rehab"), std::string::npos);
  r = run({"exercise", "show", "glute-bridge"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Harder: "), std::string::npos);
  r = run({"protocol", "show", "pcl-sprain-rehab"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Entry criteria:"), std::string::npos);
  EXPECT_NE(r.out.find("Not in this phase"), std::string::npos);
  EXPECT_NE(r.out.find("Sources:"), std::string::npos);
}

TEST(Cli, UnknownIdSuggestsNearestMatches) {
  auto r = run({"condition", "show", "hamstring"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err.rfind("kneerehab: unknown condition 'hamstring'; did you mean hamstring-tendinopathy? "
                  "accepted: hamstring-tendinopathy, popliteus-tendinopathy, ",
                  0),
      0u)
      << r.err;
  r = run({"exercise", "show", "glute-brige"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean glute-bridge"), std::string::npos) << r.err;
  r = run({"protocol", "show"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'protocol show' needs an id"), std::string::npos);
}

TEST(Cli, UnknownCategoryListsAccepted) {
  const auto r = run({"exercises", "--category", "yoga"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "kneerehab: unknown category 'yoga'; accepted: strength, isometric, eccentric, "
            "stretch, mobility, balance, plyometric, cardio\n");
}

TEST(Cli, PlansAsTextAndJson) {
  auto r = run(plan_args({}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Week 1"), std::string::npos);
  r = run(plan_args({"--format", "json", "--units", "mi"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"schema\": \"kneerehab.plan/1\""), std::string::npos);
}

// The plan command opens only the part of the catalogue its --protocol or --condition needs;
// what it prints does not depend on that.
TEST(Cli, PlanOnASelectedCatalogueIsThePlanOnTheWholeOne) {
  const auto by_protocol = run(plan_args(
      {"--protocol", "bakers-cyst-rehab", "--condition", "bakers-cyst", "--format", "json"}));
  ASSERT_EQ(by_protocol.exit_code, 0) << by_protocol.err;
  // A --condition other than the protocol's: the protocol is planned, as make_plan does.
  auto r = run(plan_args({"--protocol", "bakers-cyst-rehab", "--condition", "patellofemoral-pain",
                          "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, by_protocol.out);
  // Unknown ids: make_plan's messages, in make_plan's order (the condition first).
  r = run(plan_args({"--protocol", "bakers-cyst-rehab", "--condition", "no-such-condition"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("kneerehab: unknown condition 'no-such-condition'; ", 0), 0u) << r.err;
  r = run(plan_args({"--protocol", "no-such-protocol"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("kneerehab: unknown protocol 'no-such-protocol'; accepted: "
                        "bakers-cyst-rehab, ",
                        0),
            0u)
      << r.err;
  // The request is checked before the id, as make_plan does.
  r = run(plan_args({"--condition", "no-such-condition", "--today", "2020-01-01"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("more than two years after today"), std::string::npos) << r.err;
  r = run({"protocol", "show", "no-such-protocol"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("kneerehab: unknown protocol 'no-such-protocol'; accepted: ", 0), 0u)
      << r.err;
}

TEST(Cli, PlanWithoutStartOrConditionIsAUsageError) {
  auto r = run({"plan", "--condition", "patellofemoral-pain"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--start YYYY-MM-DD is required"), std::string::npos);
  r = run({"plan", "--start", "2026-11-23"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("give --condition ID or --protocol ID"), std::string::npos);
}

TEST(Cli, PlanRejectsBadInputWithExactMessages) {
  struct bad_case {
    std::vector<std::string> extra;
    std::string message;
  };
  const std::vector<bad_case> cases = {
      {{"--start", "2026-02-30"},
       "kneerehab: --start '2026-02-30' is not a valid date; accepted: a calendar date as "
       "YYYY-MM-DD, e.g. 2026-11-23\n"},
      {{"--current", "-5"},
       "kneerehab: --current weekly volume -5 km is not valid; accepted: 0 to 250 km\n"},
      {{"--baseline", "250.5"},
       "kneerehab: --baseline weekly volume 250.5 km is not valid; accepted: 0 to 250 km\n"},
      {{"--target", "lots"},
       "kneerehab: --target 'lots' is not valid; accepted: a number of km per week from 0 to "
       "250 km\n"},
      {{"--pace", "0:00"},
       "kneerehab: pace '0:00' per km is out of range; accepted: 2:00 to 20:00 per km\n"},
      {{"--age", "101"},
       "kneerehab: --age '101' is not valid; accepted: a whole number from 10 to 100\n"},
      {{"--weeks", "105"},
       "kneerehab: --weeks '105' is not valid; accepted: a whole number from 1 to 104\n"},
      {{"--run-days", "mon,funday"},
       "kneerehab: --run-days: unknown day 'funday'; accepted: mon,tue,wed,thu,fri,sat,sun "
       "separated by commas\n"},
      {{"--severity", "extreme"},
       "kneerehab: --severity 'extreme' is not valid; accepted: mild, moderate, severe\n"},
      {{"--pain", "11"},
       "kneerehab: --pain '11' is not valid; accepted: a whole number from 0 to 10\n"},
      {{"--age", "forty"},
       "kneerehab: --age 'forty' is not valid; accepted: a whole number from 10 to 100\n"},
      {{"--format", "pdf"},
       "kneerehab: --format 'pdf' is not valid; accepted: text, markdown, html, csv, json, ics, "
       "fhir\n"},
  };
  for (const auto& c : cases) {
    const auto r = run(plan_args(c.extra));
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_EQ(r.err, c.message);
    EXPECT_EQ(r.out, "");
  }
}

// With --units mi every limit is stated in miles, and the edges stated are accepted.
TEST(Cli, PlanStatesLimitsInMilesWithUnitsMi) {
  auto in_miles = [](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"--units", "mi"};
    const auto plan = plan_args(extra);
    args.insert(args.end(), plan.begin(), plan.end());
    return args;
  };
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--baseline", "200"},
       "kneerehab: --baseline weekly volume 200 mi is not valid; accepted: 0 to 155.3 mi\n"},
      {{"--current", "-1"},
       "kneerehab: --current weekly volume -1 mi is not valid; accepted: 0 to 155.3 mi\n"},
      {{"--target", "x"},
       "kneerehab: --target 'x' is not valid; accepted: a number of mi per week from 0 to 155.3 "
       "mi\n"},
      {{"--pace", "3:13"},
       "kneerehab: pace '3:13' per mi is out of range; accepted: 3:14 to 32:11 per mi\n"},
      {{"--pace", "32:12"},
       "kneerehab: pace '32:12' per mi is out of range; accepted: 3:14 to 32:11 per mi\n"},
  };
  for (const auto& [extra, message] : cases) {
    const auto r = run(in_miles(extra));
    EXPECT_EQ(r.exit_code, 2) << message;
    EXPECT_EQ(r.err, message);
    EXPECT_EQ(r.out, "");
  }
  for (const auto& extra : std::vector<std::vector<std::string>>{
           {"--baseline", "155.3"}, {"--pace", "3:14"}, {"--pace", "32:11"}}) {
    const auto r = run(in_miles(extra));
    EXPECT_EQ(r.exit_code, 0) << extra[1] << ": " << r.err;
    EXPECT_EQ(r.out.find("km"), std::string::npos) << extra[1];
  }
}

// A mi plan whose inputs raise distance warnings words them in miles.
TEST(Cli, MilePlanWarningsAreInMiles) {
  const auto r = run({"--units", "mi", "plan", "--condition", "patellofemoral-pain", "--start",
                      "2026-11-23", "--today", "2026-11-21", "--baseline", "25", "--target", "40",
                      "--current", "30", "--weeks", "6"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("target 40 mi a week is 60% above the baseline of 25 mi"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("current weekly volume 30 mi is above"), std::string::npos);
  EXPECT_EQ(r.out.find("km"), std::string::npos);
}

TEST(Cli, PlanRejectsUnknownConditionWithSuggestions) {
  const auto r = run({"plan", "--condition", "runners-knee", "--start", "2026-11-23", "--today",
                      "2026-11-21", "--baseline", "30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("runners-knee"), std::string::npos) << r.err;
}

TEST(Cli, PlanRejectsAbsurdDistancesAndFarDates) {
  auto r = run(plan_args({"--baseline", "900"}));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("accepted"), std::string::npos) << r.err;
  r = run(plan_args({"--start", "2019-01-07"}));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("accepted"), std::string::npos) << r.err;
}

TEST(Cli, RedFlagSymptomGivesAReferralAndExitThree) {
  const auto r = run(plan_args({"--symptom", "calf-swelling"}));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("calf-swelling"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("STOP: no plan."), std::string::npos) << r.err;
}

TEST(Cli, ReferralOnlyConditionGivesExitThree) {
  const auto r = run({"plan", "--condition", "popliteal-artery-entrapment", "--start", "2026-11-23",
                      "--today", "2026-11-21", "--baseline", "30"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("STOP: no plan."), std::string::npos) << r.err;
}

TEST(Cli, UnknownSymptomIsInvalidInput) {
  const auto r = run(plan_args({"--symptom", "sore-toe"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sore-toe"), std::string::npos) << r.err;
}

TEST(Cli, OutputFileIsWrittenWhole) {
  scratch_dir dir;
  const auto out = dir.path() / "plan.json";
  const auto r = run(plan_args({"--format", "json", "-o", out.string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const auto written = slurp(out);
  EXPECT_EQ(written.rfind("{", 0), 0u);
  EXPECT_EQ(written.back(), '\n');
  // No temporary files left next to it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}), 1);
}

TEST(Cli, FailedCommandNeverTouchesAnExistingOutputFile) {
  scratch_dir dir;
  const auto out = dir.path() / "plan.txt";
  std::ofstream(out) << "yesterday's plan\n";
  auto r = run(plan_args({"--symptom", "night-pain", "-o", out.string()}));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(slurp(out), "yesterday's plan\n");
  r = run(plan_args({"--pace", "abc", "-o", out.string()}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(slurp(out), "yesterday's plan\n");
  r = run({"--db", "/nonexistent.db", "plan", "--condition", "patellofemoral-pain", "--start",
           "2026-11-23", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(slurp(out), "yesterday's plan\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}), 1);
}

TEST(Cli, UnwritableOutputIsARuntimeFailure) {
  const auto r = run(plan_args({"-o", "/nonexistent-dir/plan.txt"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot write '/nonexistent-dir/plan.txt'"), std::string::npos) << r.err;
}

TEST(Cli, ShippedCatalogueIsNeverWritten) {
  const auto before_time = fs::last_write_time(shipped_db);
  const auto before = slurp(shipped_db);
  (void)run({"conditions"});
  (void)run(plan_args({}));
  EXPECT_EQ(fs::last_write_time(shipped_db), before_time);
  EXPECT_EQ(slurp(shipped_db), before);
}

// Hardening: nothing a user types is dropped, and a red flag always wins.
TEST(Cli, EveryUnexpectedWordIsAUsageError) {
  struct stray_case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<stray_case> cases = {
      {plan_args({"--run-days", "mon", "wed", "fri"}),
       "kneerehab plan: unexpected argument 'wed'; accepted: options with one value each "
       "(--run-days mon,wed,fri; --symptom A --symptom B)\n"
       "Run 'kneerehab plan --help' for usage.\n"},
      {plan_args({"oops"}),
       "kneerehab plan: unexpected argument 'oops'; accepted: options with one value each "
       "(--run-days mon,wed,fri; --symptom A --symptom B)\n"
       "Run 'kneerehab plan --help' for usage.\n"},
      {{"--bogus", "conditions"},
       "kneerehab: unknown option '--bogus'; accepted before the command: --db, --clinic, "
       "--units, --help, --version\nRun 'kneerehab --help' for usage.\n"},
      {{"exercises", "foo"},
       "kneerehab exercises: unexpected argument 'foo'\n"
       "Run 'kneerehab exercises --help' for usage.\n"},
      {{"conditions", "extra"},
       "kneerehab conditions: unexpected argument 'extra'\n"
       "Run 'kneerehab conditions --help' for usage.\n"},
      {{"--db", "", "conditions"},
       "kneerehab: --db '' is not valid; accepted: the path of a catalogue database\n"
       "Run 'kneerehab --help' for usage.\n"},
  };
  for (const auto& c : cases) {
    const auto r = run(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_EQ(r.err, c.message);
    EXPECT_EQ(r.out, "");
  }
  auto with_bogus = plan_args({});
  with_bogus.insert(with_bogus.begin(), "--bogus");
  EXPECT_EQ(run(with_bogus).exit_code, 2);
}

TEST(Cli, RedFlagWinsOverEveryOtherMistake) {
  const std::vector<std::vector<std::string>> mistakes = {
      {"--symptom", "pain-on-stairs", "calf-swelling"},  // a stray word naming a red flag
      {"--symptom", "calf-swelling", "--age", "5"},
      {"--symptom", "calf-swelling", "--format", "xml"},
      {"--symptom", "calf-swelling", "--target", "300"},
      {"--symptom", "calf-swelling", "--weeks", "105"},
      {"--symptom", "calf-swelling", "--start", "2030-01-01"},
      {"--symptom", "calf-swelling", "--start", "9999-12-01", "--today", "9999-12-01"},
      {"--symptom=calf-swelling", "--bogus"},
      {"--symptom", "calf-swelling", "--condition", "no-such-condition"},
      {"--symptom", "calf-swelling", "--start"},
  };
  for (const auto& extra : mistakes) {
    const auto r = run(plan_args(extra));
    EXPECT_EQ(r.exit_code, 3) << ::testing::PrintToString(extra) << r.err;
    EXPECT_NE(r.err.find("STOP: no plan. Possible deep-vein thrombosis"), std::string::npos)
        << r.err;
    EXPECT_EQ(r.out, "");
  }
  // A mistake in the global options does not hide it either.
  auto args = plan_args({"--symptom", "calf-swelling"});
  args.insert(args.begin(), {"--units", "furlongs", "--bogus"});
  EXPECT_EQ(run(args).exit_code, 3);
}

TEST(Cli, AgeGatedRedFlagIsNotLostToAMistypedAge) {
  // The Ottawa rule refers acute injuries from age 55; an age that is not valid cannot rule it
  // out.
  auto r = run(plan_args({"--symptom", "acute-injury", "--age", "5"}));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  r = run(plan_args({"--symptom", "acute-injury", "--age", "30"}));
  EXPECT_NE(r.exit_code, 3) << r.err;
}

// ---- the safety gates (docs/plan-rules.md rule 7) -------------------------------------------

const std::string pain_message_tail =
    "/10 in daily activity, at or above 8/10, where protocol 'patellofemoral-pain-rehab' refers. "
    "Pain of 8/10 or more in daily activity is too much for a loading plan: it needs a diagnosis "
    "first, and may not be what the plan treats. See a physiotherapist, sports physician or GP "
    "within a few days, the same day if the knee is hot and swollen or cannot take your weight. "
    "Until then, do not run; move only as far as the pain allows. No exercise or running plan is "
    "given until a clinician has assessed the knee.\n";

TEST(CliSafety, DailyPainAtTheReferralThresholdRefersAndWritesNoFile) {
  scratch_dir dir;
  const auto out = dir.path() / "plan.txt";
  for (const std::string pain : {"8", "10"}) {
    const auto r = run(plan_args({"--pain", pain, "-o", out.string()}));
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_EQ(r.err,
              "STOP: no plan. Severe daily pain\nYou reported pain of " + pain + pain_message_tail);
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(fs::exists(out)) << pain;
  }
  const auto r = run(plan_args({"--pain", "7", "-o", out.string()}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out));
  EXPECT_NE(slurp(out).find("pain 7/10 is above 5/10: no running in the first phase"),
            std::string::npos)
      << slurp(out);
}

TEST(CliSafety, PainReferralWinsOverOtherMistakes) {
  const std::vector<std::vector<std::string>> mistakes = {
      {"--pain", "9", "--age", "5"},
      {"--pain", "9", "--format", "xml"},
      {"--pain", "9", "--bogus"},
      {"--pain=9", "--weeks", "105"},
      {"--pain", "9", "--symptom", "sore-toe"},
      {"--pain", "9", "--injury-date", "2026-12-01"},
  };
  for (const auto& extra : mistakes) {
    const auto r = run(plan_args(extra));
    EXPECT_EQ(r.exit_code, 3) << ::testing::PrintToString(extra) << r.err;
    EXPECT_EQ(r.err.rfind("STOP: no plan. Severe daily pain\n", 0), 0U) << r.err;
  }
  // A pain that is not a score is a usage error, never a guess.
  const auto r = run(plan_args({"--pain", "11"}));
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

// pcl-sprain is traumatic: the Ottawa knee rule's age criterion applies to a recent injury.
std::vector<std::string> injured_args(const std::string& injury_date, const std::string& age) {
  return plan_args({"--condition", "pcl-sprain", "--injury-date", injury_date, "--age", age});
}

TEST(CliSafety, OttawaKneeRuleRefersFrom55WithinTenDaysOfTheInjury) {
  scratch_dir dir;
  const auto out = dir.path() / "plan.txt";
  auto args = injured_args("2026-11-19", "55");
  args.insert(args.end(), {"-o", out.string()});
  auto r = run(args);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(
      r.err,
      "STOP: no plan. Possible fracture (Ottawa knee rule)\n"
      "Posterior cruciate ligament (PCL) sprain (pcl-sprain) starts with an injury; yours, on "
      "2026-11-19, was 2 days ago, at age 55. After an acute knee injury, age 55 or over is "
      "one of the Ottawa knee rule's criteria (Stiell et al. 1996): a fracture must be ruled "
      "out with an X-ray. See a doctor today (urgent care or emergency department) for an "
      "X-ray. Until a fracture has been ruled out: do not run, hop or squat, and put weight "
      "on the leg only as far as it is comfortable. No exercise or running plan is given "
      "until a fracture has been ruled out.\n");
  EXPECT_FALSE(fs::exists(out));
  // 10 days before --today 2026-11-21 is still recent; 11 days (13 before the start) is not.
  EXPECT_EQ(run(injured_args("2026-11-11", "55")).exit_code, 3);
  r = run(injured_args("2026-11-10", "55"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run(injured_args("2026-11-19", "54"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // A condition that does not start with an injury.
  r = run(plan_args({"--injury-date", "2026-11-19", "--age", "70"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // An age that is not valid cannot rule the age criterion out.
  r = run(injured_args("2026-11-19", "abc"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("no valid age was given to rule out its age criterion"), std::string::npos)
      << r.err;
}

TEST(CliSafety, RedFlagsStillWinOverEverything) {
  auto args = injured_args("2026-11-19", "70");
  args.insert(args.end(), {"--pain", "10", "--symptom", "calf-swelling"});
  auto r = run(args);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.err.rfind("STOP: no plan. Possible deep-vein thrombosis\n", 0), 0U) << r.err;
  r = run({"plan", "--condition", "popliteal-artery-entrapment", "--start", "2026-11-23", "--today",
           "2026-11-21", "--pain", "10", "--symptom", "night-pain"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.err.rfind("STOP: no plan. Possible non-mechanical cause of knee pain\n", 0), 0U)
      << r.err;
  // A referral-only condition comes before the pain.
  r = run({"plan", "--condition", "popliteal-artery-entrapment", "--start", "2026-11-23", "--today",
           "2026-11-21", "--pain", "10", "--age", "5"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.err.rfind("STOP: no plan. Popliteal artery entrapment syndrome\n", 0), 0U) << r.err;
}

TEST(CliSafety, InjuryDateIsADateNotAfterToday) {
  auto r = run(plan_args({"--injury-date", "2026-11-22"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "kneerehab: injury date 2026-11-22 is after today (2026-11-21); accepted: a date from "
            "1900-01-01 to 2026-11-21\n");
  for (const std::string bad : {"1899-12-31", "2026-02-30", "yesterday"}) {
    r = run(plan_args({"--injury-date", bad}));
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(r.err, "kneerehab: --injury-date '" + bad +
                         "' is not a valid date; accepted: a calendar date as YYYY-MM-DD from "
                         "1900-01-01 to today (2026-11-21)\n");
  }
  r = run(plan_args({"--injury-date", "2026-11-21"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run(plan_args({"--injury-date", "1900-01-01"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(CliSafety, RecurrentPatellarDislocationOpensThePlanWithAnOrthopaedicReferral) {
  auto r = run(plan_args({"--condition", "patellar-instability", "--prior-injuries", "2"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto referral = r.out.find("REFERRAL\n  ! see an orthopaedic specialist about");
  ASSERT_NE(referral, std::string::npos) << r.out.substr(0, 2000);
  EXPECT_LT(referral, r.out.find("WARNINGS\n"));
  EXPECT_LT(r.out.find("WARNINGS\n"), r.out.find("== WEEK 1 of"));
  r = run(plan_args(
      {"--condition", "patellar-instability", "--prior-injuries", "2", "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto warnings =
      r.out.find("\"warnings\": [\n    {\n      \"code\": \"orthopaedic-referral\"");
  ASSERT_NE(warnings, std::string::npos) << r.out.substr(0, 1500);
  EXPECT_LT(warnings, r.out.find("\"weeks\": ["));
  // One earlier dislocation: no referral notice.
  r = run(plan_args({"--condition", "patellar-instability", "--prior-injuries", "1"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("orthopaedic specialist"), std::string::npos);
}

TEST(CliSafety, AnAgeTheConditionDoesNotFitIsWarnedAbout) {
  auto r = run(plan_args({"--condition", "knee-osteoarthritis", "--age", "30"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("age 30 is outside the ages Knee osteoarthritis is usually seen at (45 and"),
            std::string::npos)
      << r.out.substr(0, 2000);
  r = run(plan_args({"--condition", "knee-osteoarthritis", "--age", "45"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("is outside the ages"), std::string::npos);
}

TEST(CliSafety, JsonFormatPutsTheReferralOnStandardOutputButNeverInAFile) {
  auto r = run(plan_args({"--pain", "9", "--format", "json"}));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.out.rfind("{\n  \"schema\": \"kneerehab.referral/1\",\n  \"reason\": \"pain\",\n", 0),
            0U)
      << r.out;
  EXPECT_EQ(r.err.rfind("STOP: no plan. Severe daily pain\n", 0), 0U) << r.err;
  scratch_dir dir;
  const auto out = dir.path() / "plan.json";
  r = run(plan_args({"--pain", "9", "--format", "json", "-o", out.string()}));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists(out));
  // The same after the options were checked (a referral make_plan finds).
  r = run(plan_args({"--symptom", "calf-swelling", "--format", "json"}));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("\"reason\": \"red-flag\""), std::string::npos) << r.out;
}

// Hardening: output that never reached standard output is exit 1, not a silent success.
TEST(Cli, UnwritableStandardOutputIsARuntimeFailure) {
  scratch_dir dir;
  const auto err = dir.path() / "err";
  auto status_of = [&](const std::vector<std::string>& args, const std::string& redirect) {
    std::string command = shell_quote(KNEEREHAB_CLI);
    for (const auto& a : args) command += " " + shell_quote(a);
    command += " " + redirect + " 2>" + shell_quote(err.string()) + " </dev/null";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  };
  for (const auto& redirect : {std::string(">/dev/full"), std::string(">&-")}) {
    EXPECT_EQ(status_of(plan_args({}), redirect), 1) << redirect;
    EXPECT_EQ(slurp(err), "kneerehab: cannot write to standard output; the output is incomplete\n");
    EXPECT_EQ(status_of({"conditions"}, redirect), 1) << redirect;
    EXPECT_EQ(status_of({"--help"}, redirect), 1) << redirect;
  }
  // A referral writes nothing to standard output: it still exits 3.
  EXPECT_EQ(status_of(plan_args({"--symptom", "calf-swelling"}), ">&-"), 3);
}

// Hardening: the ends of the calendar are invalid input (exit 2) with a message, never
// "unexpected failure: Year is out of valid range".
TEST(Cli, StartAtTheEndOfTheCalendarIsInvalidInput) {
  auto r = run(plan_args({"--start", "9999-12-01", "--today", "9999-12-01"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "kneerehab: start 9999-12-01 leaves no room for a plan of up to 104 weeks before "
            "9999-12-31; accepted: a start up to 9998-01-02\n");
  r = run(plan_args({"--start", "1900-01-01", "--today", "1900-01-01"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// Hardening: messages echo what was typed, exactly but never whole when it is huge.
TEST(Cli, MessagesEchoTheValueTypedButNeverAHugeOne) {
  auto r = run(plan_args({"--baseline", "250.0001"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "kneerehab: --baseline weekly volume 250.0001 km is not valid; accepted: 0 to 250 km\n");
  // 100 KB: one argument of a process may hold at most 128 KB (MAX_ARG_STRLEN).
  const std::string huge(100 * 1024, 'x');
  for (const auto& extra : std::vector<std::vector<std::string>>{
           {"--severity", huge}, {"--condition", huge}, {"--format", huge}, {huge}}) {
    r = run(plan_args(extra));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_LT(r.err.size(), 2000U) << r.err.substr(0, 200);
    EXPECT_NE(r.err.find("(102400 bytes)"), std::string::npos) << r.err.substr(0, 200);
  }
}

// Hardening (docs/robustness.md, "Output files"): what -o does with what is already at the
// path. Every file, link, FIFO and device node lives in a scratch directory.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <thread>

namespace {

// Lets a reader blocked on opening `fifo` go (it reads end of file) when no writer came.
void release_fifo_reader(const fs::path& fifo) {
  const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd >= 0) ::close(fd);
}

mode_t mode_of(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
  return st.st_mode;
}

long entries_in(const fs::path& dir) {
  return static_cast<long>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

}  // namespace

TEST(CliOutput, CatalogueDatabaseIsNeverTheOutput) {
  scratch_dir dir;
  const auto db = dir.path() / "cat.db";
  fs::copy_file(shipped_db, db);
  fs::create_symlink("cat.db", dir.path() / "link.db");
  fs::create_hard_link(db, dir.path() / "hard.db");
  const auto before = slurp(db);
  for (const auto& output : {db, dir.path() / "link.db", dir.path() / "hard.db"}) {
    auto args = plan_args({"-o", output.string()});
    args.insert(args.begin(), {"--db", db.string()});
    const auto r = run(args);
    EXPECT_EQ(r.exit_code, 2) << output;
    EXPECT_EQ(r.err, "kneerehab: refusing to write '" + output.string() +
                         "': it is the same file as the catalogue database (--db) '" + db.string() +
                         "', which would be destroyed; accepted: an output path that is not "
                         "the catalogue database (--db)\n");
  }
  EXPECT_EQ(slurp(db), before);
  EXPECT_TRUE(fs::is_symlink(dir.path() / "link.db"));
}

TEST(CliOutput, PlanFilesArePrivateAndKeepTheirMode) {
  scratch_dir dir;
  const auto fresh = dir.path() / "new.txt";
  ASSERT_EQ(run(plan_args({"-o", fresh.string()})).exit_code, 0);
  EXPECT_EQ(mode_of(fresh) & 0077, 0u) << "a new plan is health data: owner only";
  const auto kept = dir.path() / "kept.txt";
  std::ofstream(kept) << "old\n";
  ASSERT_EQ(::chmod(kept.c_str(), 0640), 0);
  ASSERT_EQ(run(plan_args({"-o", kept.string()})).exit_code, 0);
  EXPECT_EQ(mode_of(kept) & 07777, 0640u);
  EXPECT_NE(slurp(kept), "old\n");
  EXPECT_EQ(entries_in(dir.path()), 2);
}

TEST(CliOutput, SymlinkIsFollowedLikeAShellRedirection) {
  scratch_dir dir;
  std::ofstream(dir.path() / "plan.txt") << "old\n";
  fs::create_symlink("plan.txt", dir.path() / "latest");
  const auto r = run(plan_args({"-o", (dir.path() / "latest").string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir.path() / "latest"));
  EXPECT_EQ(slurp(dir.path() / "plan.txt"), run(plan_args({})).out);
  EXPECT_EQ(entries_in(dir.path()), 2);
}

TEST(CliOutput, FifoIsWrittenDirectly) {
  scratch_dir dir;
  const auto fifo = dir.path() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = slurp(fifo); });
  const auto r = run(plan_args({"-o", fifo.string()}));
  release_fifo_reader(fifo);
  reader.join();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(received, run(plan_args({})).out);
  EXPECT_TRUE(S_ISFIFO(mode_of(fifo)));
  EXPECT_EQ(entries_in(dir.path()), 1);
}

// Device nodes with the numbers of /dev/null (1,3) and /dev/full (1,7), made in the scratch
// directory: /dev itself is never touched.
TEST(CliOutput, CharacterDevicesStayDevices) {
  scratch_dir dir;
  const auto null_device = dir.path() / "null";
  const auto full_device = dir.path() / "full";
  if (::mknod(null_device.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) != 0 ||
      ::mknod(full_device.c_str(), S_IFCHR | 0666, ::makedev(1, 7)) != 0) {
    GTEST_SKIP() << "cannot create device nodes here (needs root)";
  }
  const int probe = ::open(null_device.c_str(), O_WRONLY | O_CLOEXEC);
  if (probe < 0) GTEST_SKIP() << "device nodes do not work here";
  ::close(probe);
  auto r = run(plan_args({"-o", null_device.string()}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(S_ISCHR(mode_of(null_device)));
  r = run(plan_args({"-o", full_device.string()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kneerehab: cannot write '" + full_device.string() +
                       "': write failed (No space left on device)\n");
  EXPECT_TRUE(S_ISCHR(mode_of(full_device)));
  EXPECT_EQ(entries_in(dir.path()), 2);
}

TEST(CliOutput, DirectoriesAndHardLinkedFilesAreRefused) {
  scratch_dir dir;
  fs::create_directories(dir.path() / "sub");
  auto r = run(plan_args({"-o", (dir.path() / "sub").string()}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("it is a directory; accepted: "), std::string::npos) << r.err;
  std::ofstream(dir.path() / "a.txt") << "shared\n";
  fs::create_hard_link(dir.path() / "a.txt", dir.path() / "b.txt");
  r = run(plan_args({"-o", (dir.path() / "a.txt").string()}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("it has 2 hard links"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(dir.path() / "b.txt"), "shared\n");
  EXPECT_EQ(entries_in(dir.path()), 3);
}

TEST(CliOutput, FileNameOf250BytesWorks) {
  scratch_dir dir;
  const auto out = dir.path() / std::string(250, 'p');
  const auto r = run(plan_args({"-o", out.string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(out), run(plan_args({})).out);
  EXPECT_EQ(entries_in(dir.path()), 1);
}

// A write that fails half way (the file size limit standing in for a full disk) is exit 1 and
// leaves yesterday's plan and no temporary file.
TEST(CliOutput, FailedWriteLeavesNothingBehind) {
  scratch_dir dir;
  const auto out = dir.path() / "plan.json";
  std::ofstream(out) << "yesterday\n";
  std::string command = "trap '' XFSZ; ulimit -f 1; exec " + shell_quote(KNEEREHAB_CLI);
  for (const auto& a : plan_args({"--format", "json", "-o", out.string()})) {
    command += " " + shell_quote(a);
  }
  const auto err = dir.path() / "err";
  command = "sh -c " + shell_quote(command) + " 2>" + shell_quote(err.string()) + " </dev/null";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_EQ(slurp(err),
            "kneerehab: cannot write '" + out.string() + "': write failed (File too large)\n");
  fs::remove(err);
  EXPECT_EQ(slurp(out), "yesterday\n");
  EXPECT_EQ(entries_in(dir.path()), 1);
}

TEST(Cli, TamperedCatalogueNumbersStopThePlanWithExitOne) {
  // Once planned with a ladder step of 2e9 s (signed overflow, negative minutes) and read
  // sets = 4294967299 as 3: every catalogue number is bounded on load.
  scratch_dir dir;
  const auto db =
      tampered_copy(dir, "tampered.db",
                    {"UPDATE ladder_steps SET run_s = 2000000000, repeats = 2 WHERE position = 1",
                     "UPDATE exercises SET sets = 4294967299 WHERE id = 'glute-bridge'"});
  // A protocol with a walk/run ladder: a plan reads only what it needs from the catalogue.
  const auto r = run({"--db", db.string(), "plan", "--condition", "collateral-ligament-sprain",
                      "--start", "2025-03-03", "--baseline", "30", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(db.string() + ": error: table 'exercises', row id='glute-bridge': sets is "
                                     "4294967299 (accepted: 1 to 10)\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("row ladder_id='military-walk-run', position=1: run_s is 2000000000 "
                       "(accepted: 1 to 3600)\n"),
            std::string::npos)
      << r.err;
}

// Calendar and health-record exports (docs/exports.md).
TEST(CliExport, IcsAndFhirAreWrittenAndIdenticalWhenMadeTwice) {
  for (const std::string format : {"ics", "fhir"}) {
    scratch_dir dir;
    const auto first = dir.path() / ("a." + format);
    const auto second = dir.path() / ("b." + format);
    auto r = run(plan_args({"--format", format, "-o", first.string()}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run(plan_args({"--format", format, "-o", second.string()}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(slurp(first), slurp(second)) << format;
    const auto stdout_run = run(plan_args({"--format", format}));
    EXPECT_EQ(stdout_run.out, slurp(first)) << format;
  }
  const auto ics = run(plan_args({"--format", "ics"})).out;
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0), 0U) << ics.substr(0, 200);
  EXPECT_NE(ics.find("\r\nDTSTAMP:20261121T000000Z\r\n"), std::string::npos);  // --today
  const auto fhir = run(plan_args({"--format", "fhir"})).out;
  EXPECT_EQ(fhir.rfind("{\n  \"resourceType\": \"CarePlan\",\n", 0), 0U) << fhir.substr(0, 200);
  EXPECT_NE(fhir.find("\"created\": \"2026-11-21\""), std::string::npos);
}

TEST(CliExport, ADifferentPlanGetsDifferentIds) {
  const auto a = run(plan_args({"--format", "ics"})).out;
  const auto b = run(plan_args({"--format", "ics", "--baseline", "40"})).out;
  const auto first_uid = [](const std::string& ics) {
    const auto at = ics.find("\r\nUID:");
    return ics.substr(at, ics.find("\r\n", at + 2) - at);
  };
  ASSERT_NE(a.find("\r\nUID:"), std::string::npos);
  EXPECT_NE(first_uid(a), first_uid(b));
}

TEST(CliExport, IntoAMissingDirectoryFailsWithExitOneAndLeavesNoFile) {
  scratch_dir dir;
  for (const std::string format : {"ics", "fhir"}) {
    const auto out = dir.path() / "missing" / ("plan." + format);
    const auto r = run(plan_args({"--format", format, "-o", out.string()}));
    EXPECT_EQ(r.exit_code, 1) << format << ": " << r.err;
    EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(dir.path() / "missing"));
  }
}

TEST(CliExport, AReferralExportsNothing) {
  // Like text: the referral on stderr and exit 3; no calendar or CarePlan on stdout (an empty
  // one would import as a plan without sessions) and never a file.
  for (const std::string format : {"ics", "fhir"}) {
    for (const auto& extra :
         std::vector<std::vector<std::string>>{{"--pain", "9"}, {"--symptom", "calf-swelling"}}) {
      auto args = extra;
      args.insert(args.end(), {"--format", format});
      auto r = run(plan_args(args));
      EXPECT_EQ(r.exit_code, 3) << format << ": " << r.err;
      EXPECT_EQ(r.out, "") << format;
      EXPECT_EQ(r.err.rfind("STOP: no plan.", 0), 0U) << r.err;
      scratch_dir dir;
      const auto out = dir.path() / ("plan." + format);
      args.insert(args.end(), {"-o", out.string()});
      r = run(plan_args(args));
      EXPECT_EQ(r.exit_code, 3) << format;
      EXPECT_FALSE(fs::exists(out)) << format;
    }
  }
}

TEST(CliExport, ProtocolExportsAsAFhirBundle) {
  auto r = run({"protocol", "export", "patellofemoral-pain-rehab", "--format", "fhir"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\n  \"resourceType\": \"Bundle\",\n", 0), 0U) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("\"type\": \"collection\""), std::string::npos);
  EXPECT_NE(r.out.find("\"code\": \"clinical-protocol\""), std::string::npos);
  EXPECT_EQ(run({"protocol", "export", "patellofemoral-pain-rehab", "--format", "fhir"}).out,
            r.out);

  scratch_dir dir;
  const auto out = dir.path() / "protocol.json";
  r = run(
      {"protocol", "export", "patellofemoral-pain-rehab", "--format", "fhir", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(slurp(out).empty());

  r = run({"protocol", "export", "patellofemoral-pain-standard", "--format", "fhir"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean patellofemoral-pain-rehab?"), std::string::npos) << r.err;
  r = run({"protocol", "export", "patellofemoral-pain-rehab", "--format", "yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kneerehab: --format 'yaml' is not valid; accepted: toml, fhir\n");
  r = run({"protocol", "export", "patellofemoral-pain-rehab", "--format", "fhir", "-o",
           (dir.path() / "missing" / "p.json").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(fs::exists(dir.path() / "missing"));
  r = run({"protocol", "export"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, SurgeryPlansTheOperatedCartilageProtocol) {
  const auto operated =
      run(plan_args({"--condition", "cartilage-damage", "--surgery", "--format", "json"}));
  EXPECT_EQ(operated.exit_code, 0) << operated.err;
  EXPECT_NE(operated.out.find("\"id\": \"cartilage-repair-rehab\""), std::string::npos)
      << operated.out.substr(0, 400);
  const auto refused = run(plan_args({"--condition", "pcl-sprain", "--surgery"}));
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(refused.out.empty());
  EXPECT_NE(refused.err.find("kneerehab: --surgery: condition 'pcl-sprain' has no protocol for an "
                             "operated lesion"),
            std::string::npos)
      << refused.err;
}
