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

namespace fs = std::filesystem;

namespace {

const std::string shipped_db = std::string(KNEEREHAB_SOURCE_DIR) + "/exercises.db";

struct result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string quote(const std::string& word) {
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class scratch_dir {
 public:
  scratch_dir() {
    path_ = fs::temp_directory_path() /
            ("kneerehab-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~scratch_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

// Runs the CLI with `args`; `env` is a prefix such as "KNEEREHAB_DB=x".
result run(const std::vector<std::string>& args, const std::string& env = "") {
  scratch_dir dir;
  std::string command = env.empty() ? "" : "env " + env + " ";
  command += quote(KNEEREHAB_CLI);
  for (const auto& a : args) command += " " + quote(a);
  command += " >" + quote((dir.path() / "out").string()) + " 2>" +
             quote((dir.path() / "err").string()) + " </dev/null";
  const int status = std::system(command.c_str());
  result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(dir.path() / "out");
  r.err = slurp(dir.path() / "err");
  return r;
}

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

}  // namespace

TEST(Cli, VersionAndHelp) {
  auto r = run({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("kneerehab ", 0), 0u);
  r = run({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("red-flags"), std::string::npos);
  for (const char* command : {"conditions", "condition", "exercises", "exercise", "protocols",
                              "protocol", "red-flags", "plan"}) {
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
            "exercises, exercise show, protocols, protocol show, red-flags, plan\n"
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
  const auto db = dir.path() / "broken.db";
  fs::copy_file(shipped_db, db);
  {
    SQLite::Database edit(db.string(), SQLite::OPEN_READWRITE);
    edit.exec("PRAGMA ignore_check_constraints = ON");
    edit.exec("UPDATE conditions SET mild_min_weeks = -1 WHERE id = 'hamstring-tendinopathy'");
    edit.exec("UPDATE exercises SET category = 'flying' WHERE id = 'glute-bridge'");
    edit.exec("UPDATE exercises SET regression_id = 'no-such-exercise' WHERE id = 'wall-sit'");
  }
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
      {{"--format", "ics"},
       "kneerehab: --format ics is not available in this version yet; accepted: text, json\n"},
      {{"--format", "pdf"}, "kneerehab: --format 'pdf' is not valid; accepted: text, json\n"},
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
       "kneerehab: unknown option '--bogus'; accepted before the command: --db, --units, --help, "
       "--version\nRun 'kneerehab --help' for usage.\n"},
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

// Hardening: output that never reached standard output is exit 1, not a silent success.
TEST(Cli, UnwritableStandardOutputIsARuntimeFailure) {
  scratch_dir dir;
  const auto err = dir.path() / "err";
  auto status_of = [&](const std::vector<std::string>& args, const std::string& redirect) {
    std::string command = quote(KNEEREHAB_CLI);
    for (const auto& a : args) command += " " + quote(a);
    command += " " + redirect + " 2>" + quote(err.string()) + " </dev/null";
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

TEST(Cli, TamperedCatalogueNumbersStopThePlanWithExitOne) {
  // Once planned with a ladder step of 2e9 s (signed overflow, negative minutes) and read
  // sets = 4294967299 as 3: every catalogue number is bounded on load.
  scratch_dir dir;
  const auto db = dir.path() / "tampered.db";
  fs::copy_file(shipped_db, db);
  {
    SQLite::Database edit(db.string(), SQLite::OPEN_READWRITE);
    edit.exec("PRAGMA ignore_check_constraints = ON");
    edit.exec("UPDATE ladder_steps SET run_s = 2000000000, repeats = 2 WHERE position = 1");
    edit.exec("UPDATE exercises SET sets = 4294967299 WHERE id = 'glute-bridge'");
  }
  const auto r = run({"--db", db.string(), "plan", "--condition", "patellofemoral-pain", "--start",
                      "2025-03-03", "--baseline", "30", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(db.string() + ": error: table 'exercises', row id='glute-bridge': sets is "
                                     "4294967299 (accepted: 1 to 10)\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("position=1: run_s is 2000000000 (accepted: 1 to 3600)\n"),
            std::string::npos)
      << r.err;
}
