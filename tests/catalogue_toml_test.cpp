// The TOML text sources: shape errors with file:line:column, and dosage inheritance.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "catalogue_test_support.hpp"
#include "io/catalogue_toml.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/io/catalogue_sources.hpp"

using namespace kneerehab;
using kneerehab::testing::error_message;
using kneerehab::testing::fixture_content;
using kneerehab::testing::fixture_dir;
using kneerehab::testing::scratch_dir;
using kneerehab::testing::write_file;

namespace {

// The first diagnostic of the invalid_catalogue error `action` throws, as describe() words it
// (the others, e.g. the cross-reference problems a cut-down source adds, are tested apart).
template <typename Action>
std::string first_problem(Action action) {
  try {
    action();
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_catalogue) << e.what();
    if (e.diagnostics().empty()) return e.what();
    return describe(e.diagnostics().front());
  }
  ADD_FAILURE() << "no error thrown";
  return "";
}

// A copy of the fixture sources whose `file` is replaced by `text`; returns the load error.
std::string load_error_with(const std::string& file, const std::string& text,
                            std::string* path_out = nullptr) {
  scratch_dir dir;
  std::filesystem::copy(fixture_dir(), dir.path(), std::filesystem::copy_options::recursive);
  write_file(dir / file, text);
  if (path_out != nullptr) *path_out = (dir / file).string();
  return first_problem([&] { load_catalogue_sources(dir.path()); });
}

const std::string one_exercise_head =
    "[[exercise]]\n"                 // 1
    "id = \"plank\"\n"               // 2
    "name = \"Plank\"\n"             // 3
    "category = \"isometric\"\n"     // 4
    "load = \"low\"\n"               // 5
    "side = \"bilateral\"\n"         // 6
    "instructions = [\"Hold.\"]\n";  // 7

const dosage* demo_defaults(std::string_view id) {
  static const dosage bridge{3, 12, 0, 0, "2-1-2", "bodyweight", 3};
  return id == "glute-bridge" ? &bridge : nullptr;
}

const std::string protocol_head =
    "id = \"p\"\n"              // 1
    "name = \"P\"\n"            // 2
    "condition = \"c\"\n"       // 3
    "[[phase]]\n"               // 4
    "id = \"one\"\n"            // 5
    "name = \"One\"\n"          // 6
    "goal = \"Goal\"\n"         // 7
    "min_weeks = 1\n"           // 8
    "max_weeks = 4\n"           // 9
    "[[phase.exercise]]\n"      // 10
    "id = \"glute-bridge\"\n";  // 11

std::string protocol_error(const std::string& text) {
  return error_message(errc::invalid_catalogue,
                       [&] { detail::parse_protocol_toml(text, "therapist.toml", demo_defaults); });
}

}  // namespace

TEST(CatalogueToml, LoadsTheFixture) {
  const auto c = fixture_content();
  EXPECT_EQ(c.red_flags.size(), 2U);
  EXPECT_EQ(c.symptoms.size(), 3U);
  EXPECT_EQ(c.ladders.size(), 1U);
  EXPECT_EQ(c.exercises.size(), 4U);
  EXPECT_EQ(c.conditions.size(), 2U);
  ASSERT_EQ(c.protocols.size(), 1U);
  EXPECT_EQ(c.symptoms[1].min_age, 55);
  EXPECT_FALSE(c.symptoms[2].red_flag);
  EXPECT_EQ(c.conditions[0].moderate, (timeline{8, 12}));
  EXPECT_TRUE(c.conditions[1].referral_only);
  EXPECT_FALSE(c.conditions[1].protocol_id);
  EXPECT_TRUE(c.conditions[0].traumatic);
  EXPECT_EQ(c.conditions[0].typical_age, (age_range{18, 60}));
  EXPECT_EQ(c.conditions[0].refer_min_prior_injuries, 3);
  EXPECT_EQ(c.protocols[0].pain.refer_min, 7);
  EXPECT_EQ(c.protocols[0].sessions.max_exercises, 5);
}

TEST(CatalogueToml, OmittedFieldsTakeTheirDocumentedDefaults) {
  const auto c = fixture_content();
  EXPECT_EQ(c.ladders[0].steps[1], (interval_step{180, 120, 1}));
  EXPECT_EQ(c.ladders[0].steps[2], (interval_step{0, 1200, 1}));
  const auto& p = c.protocols[0];
  EXPECT_EQ(p.pain.progress_max, 2);
  EXPECT_EQ(p.pain.hold_max, 5);
  const auto& other = c.conditions[1];
  EXPECT_FALSE(other.traumatic);
  EXPECT_EQ(other.typical_age, std::nullopt);
  EXPECT_EQ(other.refer_min_prior_injuries, std::nullopt);
  EXPECT_DOUBLE_EQ(p.load.weekly_increase, 0.08);
  EXPECT_EQ(p.load.deload_every, 4);
  EXPECT_DOUBLE_EQ(p.lengths.moderate, 0.5);
  EXPECT_EQ(p.phases[0].running, running_rule{});
  EXPECT_EQ(p.phases[2].running,
            (running_rule{running_mode::continuous, "", 0.5, surface::trail, true, true}));
  EXPECT_DOUBLE_EQ(p.phases[2].entry_criteria[0].value, 20.5);
  EXPECT_EQ(p.advice[1].topic, advice_topic::cool_down);
}

TEST(CatalogueToml, PrescriptionDosageInheritsFromTheExerciseDefault) {
  const auto c = fixture_content();
  const auto& bridge = c.protocols[0].phases[0].prescriptions[0];
  // exercises.toml: sets = 3, reps = 12, tempo = "2-1-2", load = "bodyweight"; the
  // prescription overrides reps only.
  EXPECT_EQ(bridge.dose, (dosage{3, 10, 0, 0, "2-1-2", "bodyweight", 3}));
  const auto& plank = c.protocols[0].phases[0].prescriptions[1];
  EXPECT_EQ(plank.dose, c.exercises[3].default_dosage);
  EXPECT_EQ(plank.note, "Stop if the back aches.");
  const auto& nordic = c.protocols[0].phases[2].prescriptions[0];
  EXPECT_EQ(nordic.dose, (dosage{3, 5, 0, 0, "", "", 2}));
}

TEST(CatalogueToml, ProgressionStepsInheritFromThePreviousStep) {
  const auto content = fixture_content();
  const auto& steps = content.protocols[0].phases[0].prescriptions[0].progression;
  ASSERT_EQ(steps.size(), 2U);
  EXPECT_EQ(steps[0].week, 2);
  EXPECT_EQ(steps[0].dose, (dosage{3, 12, 0, 0, "2-1-2", "bodyweight", 3}));
  EXPECT_EQ(steps[1].week, 4);
  EXPECT_EQ(steps[1].dose, (dosage{4, 12, 0, 0, "2-1-2", "bodyweight", 3}));
}

TEST(CatalogueToml, SyntaxErrorsHaveALocation) {
  std::string path;
  const auto message = load_error_with("ladders.toml", "\n[[ladder]]\nid = = 1\n", &path);
  EXPECT_EQ(message, path +
                         ":3:6: Error while parsing value: could not determine value type; "
                         "accepted: TOML 1.0 (https://toml.io)");
}

TEST(CatalogueToml, UnknownKeysAreErrors) {
  std::string path;
  const auto unknown = load_error_with(
      "exercises.toml", one_exercise_head + "dosage = { sets = 3, hold_s = 30 }\nset = 3\n", &path);
  EXPECT_EQ(unknown,
            path +
                ":9:1: exercise 'plank': unknown key 'set'; accepted: id, name, category, "
                "load, side, regression, progression, dosage, muscles, equipment, instructions, "
                "cues, contraindications");
  {
    const auto message = load_error_with("exercises.toml", "[[exercises]]\nid = \"x\"\n", &path);
    EXPECT_EQ(message, path + ":1:3: exercises.toml: unknown key 'exercises'; accepted: exercise");
  }
}

TEST(CatalogueToml, WrongTypesAreErrors) {
  std::string path;
  {
    const auto message = load_error_with(
        "exercises.toml", one_exercise_head + "dosage = { sets = \"3\", hold_s = 30 }\n", &path);
    EXPECT_EQ(
        message,
        path + ":8:19: exercise 'plank': 'sets' is a string; accepted: an integer from 1 to 10");
  }
  {
    const auto message = load_error_with(
        "exercises.toml", one_exercise_head + "cues = \"Breathe\"\ndosage = { hold_s = 30 }\n",
        &path);
    EXPECT_EQ(message,
              path + ":8:8: exercise 'plank': 'cues' is a string; accepted: an array of strings");
  }
}

TEST(CatalogueToml, BadEnumStringsListWhatIsAccepted) {
  std::string path;
  std::string text = one_exercise_head + "dosage = { hold_s = 30 }\n";
  text.replace(text.find("isometric"), 9, "isometrik");
  {
    const auto message = load_error_with("exercises.toml", text, &path);
    EXPECT_EQ(message,
              path +
                  ":4:12: exercise 'plank': 'category' is 'isometrik'; accepted: strength, "
                  "isometric, eccentric, stretch, mobility, balance, plyometric, cardio");
  }
}

TEST(CatalogueToml, MissingRequiredKeysPointAtTheTable) {
  std::string path;
  {
    const auto message = load_error_with("exercises.toml", one_exercise_head, &path);
    EXPECT_EQ(message, path + ":1:1: exercise 'plank': 'dosage' is missing; accepted: a table");
  }
  {
    const auto message = load_error_with(
        "ladders.toml", "[[ladder]]\nid = \"l\"\nname = \"L\"\nsteps = [{ walk_s = 60 }]\n", &path);
    EXPECT_EQ(message,
              path + ":4:10: ladder 'l', step 1: 'run_s' is missing; accepted: an integer");
  }
}

TEST(CatalogueToml, DosageOutOfRangeIsReportedWhereItIsWritten) {
  std::string path;
  {
    const auto message = load_error_with(
        "exercises.toml", one_exercise_head + "dosage = { sets = 0, reps = 5 }\n", &path);
    EXPECT_EQ(message, path + ":8:19: exercise 'plank': 'sets' is 0; accepted: 1 to 10");
  }
}

TEST(CatalogueToml, MissingFileIsAnIoError) {
  scratch_dir dir;
  const auto message = error_message(errc::io, [&] { load_catalogue_sources(dir.path()); });
  EXPECT_EQ(message, "cannot read '" + (dir / "red_flags.toml").string() +
                         "': no such file or not readable");
  EXPECT_EQ(error_message(errc::io, [&] { load_catalogue_sources(dir / "nope"); }),
            "cannot read catalogue sources: '" + (dir / "nope").string() + "' is not a directory");
}

TEST(CatalogueToml, ProtocolFileNameMatchesItsId) {
  scratch_dir dir;
  std::filesystem::copy(fixture_dir(), dir.path(), std::filesystem::copy_options::recursive);
  std::filesystem::rename(dir / "protocols/demo-rehab.toml", dir / "protocols/demo.toml");
  EXPECT_EQ(error_message(errc::invalid_catalogue, [&] { load_catalogue_sources(dir.path()); }),
            (dir / "protocols/demo.toml").string() +
                ":1:6: protocol 'demo-rehab': the id does not match the file name; accepted: "
                "'demo-rehab' in protocols/demo-rehab.toml");
}

TEST(ProtocolToml, ParsesASingleProtocolFile) {
  const auto p =
      detail::parse_protocol_toml(protocol_head + "sets = 2\n", "therapist.toml", demo_defaults);
  EXPECT_EQ(p.id, "p");
  ASSERT_EQ(p.phases.size(), 1U);
  EXPECT_EQ(p.phases[0].prescriptions[0].dose, (dosage{2, 12, 0, 0, "2-1-2", "bodyweight", 3}));
}

TEST(ProtocolToml, UnknownExerciseIsReportedAtItsId) {
  std::string text = protocol_head;
  text.replace(text.find("glute-bridge"), 12, "glute-brige");
  EXPECT_EQ(protocol_error(text),
            "therapist.toml:11:6: protocol 'p', phase 'one', exercise 'glute-brige': 'id' is "
            "'glute-brige', which is not a catalogue exercise; accepted: an exercise id from "
            "exercises.toml");
}

TEST(ProtocolToml, ProgressionStepErrorsNameTheStep) {
  EXPECT_EQ(protocol_error(protocol_head + "progression = [{ week = 2, sets = 11 }]\n"),
            "therapist.toml:12:35: protocol 'p', phase 'one', exercise 'glute-bridge', "
            "progression step 1: 'sets' is 11; accepted: 1 to 10");
  EXPECT_EQ(protocol_error(protocol_head + "progression = [{ reps = 5 }]\n"),
            "therapist.toml:12:16: protocol 'p', phase 'one', exercise 'glute-bridge', "
            "progression step 1: 'week' is missing; accepted: an integer");
}

TEST(ProtocolToml, BadOpAndModeListWhatIsAccepted) {
  EXPECT_EQ(protocol_error(protocol_head +
                           "[[phase.criteria]]\nmeasure = \"m\"\nop = \"=>\"\nvalue = 1\ntext = "
                           "\"t\"\n"),
            "therapist.toml:14:6: protocol 'p', phase 'one', criterion 1: 'op' is '=>'; accepted: "
            "<=, >=, ==, <, >");
  std::string text = protocol_head;
  text.insert(text.find("[[phase.exercise]]"), "running = { mode = \"jog\" }\n");
  EXPECT_EQ(protocol_error(text),
            "therapist.toml:10:20: protocol 'p', phase 'one', running: 'mode' is 'jog'; accepted: "
            "none, walk-run, modified, continuous");
}

TEST(CatalogueToml, EveryProblemOfEveryFileIsReportedTogether) {
  scratch_dir dir;
  std::filesystem::copy(fixture_dir(), dir.path(), std::filesystem::copy_options::recursive);
  const auto edit = [&](const std::string& file, const std::string& from, const std::string& to) {
    auto text = kneerehab::testing::read_file(dir / file);
    ASSERT_NE(text.find(from), std::string::npos) << from;
    text.replace(text.find(from), from.size(), to);
    write_file(dir / file, text);
  };
  edit("ladders.toml", "run_s = 60, repeats = 3", "run_s = 60, repeats = 30");
  edit("exercises.toml", "sets = 3, reps = 12,", "sets = 99, reps = 12,");
  edit("exercises.toml", "equipment = [\"mat\"]", "equipment = [\"mat\"]\ncolour = \"red\"");
  edit("exercises.toml", "cues = [\"Keep the pelvis level\"]", "cues = \"Keep the pelvis level\"");
  edit("conditions.toml", "region = \"whole-knee\"", "region = \"knee\"");
  std::vector<std::string> lines;
  try {
    load_catalogue_sources(dir.path());
    ADD_FAILURE() << "no error thrown";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_catalogue);
    for (const auto& d : e.diagnostics()) lines.push_back(format_diagnostic(d));
    ASSERT_FALSE(e.diagnostics().empty());
    const auto& first = e.diagnostics().front();
    EXPECT_EQ(first.code, "out-of-range");
    EXPECT_EQ(first.item, "ladder 'time-based', step 1");
    EXPECT_EQ(first.field, "repeats");
    EXPECT_EQ(first.where, (source_position{(dir / "ladders.toml").string(), 6, 41}));
    EXPECT_EQ(first.hint, "accepted: 1 to 20");
  }
  const auto path = [&](const std::string& file) { return (dir / file).string(); };
  EXPECT_EQ(
      lines,
      (std::vector<std::string>{
          path("ladders.toml") +
              ":6:41: error: ladder 'time-based', step 1: 'repeats' is 30 (accepted: 1 to 20)",
          path("exercises.toml") +
              ":10:19: error: exercise 'glute-bridge': 'sets' is 99 (accepted: 1 to 10)",
          path("exercises.toml") +
              ":20:1: error: exercise 'single-leg-glute-bridge': unknown key 'colour' "
              "(accepted: id, name, category, load, side, regression, progression, dosage, "
              "muscles, equipment, instructions, cues, contraindications)",
          path("exercises.toml") +
              ":23:8: error: exercise 'single-leg-glute-bridge': 'cues' is a string "
              "(accepted: an array of strings)",
          path("conditions.toml") +
              ":19:10: error: condition 'demo-entrapment': 'region' is 'knee' (accepted: "
              "posterior, anterior, medial, lateral, whole-knee)",
      }));
}

TEST(CatalogueToml, CrossReferenceProblemsFollowTheReadersOnes) {
  scratch_dir dir;
  std::filesystem::copy(fixture_dir(), dir.path(), std::filesystem::copy_options::recursive);
  auto text = kneerehab::testing::read_file(dir / "conditions.toml");
  const std::string from = "red_flags = [\"possible-dvt\"]";
  text.replace(text.find(from), from.size(), "red_flags = [\"no-such-flag\"]\nseverity = 2");
  write_file(dir / "conditions.toml", text);
  try {
    load_catalogue_sources(dir.path());
    ADD_FAILURE() << "no error thrown";
  } catch (const error& e) {
    ASSERT_EQ(e.diagnostics().size(), 2U) << e.what();
    EXPECT_EQ(e.diagnostics()[0].code, "unknown-key");
    EXPECT_EQ(e.diagnostics()[0].where.line, 13);
    EXPECT_EQ(format_diagnostic(e.diagnostics()[1]),
              "error: condition 'demo-tendinopathy': red flag 'no-such-flag' does not exist");
  }
}

TEST(CatalogueToml, NumbersAreBoundedAndNeverTruncated) {
  std::string path;
  auto message = load_error_with("ladders.toml",
                                 "[[ladder]]\nid = \"l\"\nname = \"L\"\nsteps = [{ run_s = "
                                 "2000000000, repeats = 2 }, { run_s = 60 }]\n",
                                 &path);
  EXPECT_EQ(message,
            path + ":4:20: ladder 'l', step 1: 'run_s' is 2000000000; accepted: 1 to 3600");
  message = load_error_with(
      "exercises.toml", one_exercise_head + "dosage = { sets = 4294967299, hold_s = 30 }\n", &path);
  EXPECT_EQ(message, path + ":8:19: exercise 'plank': 'sets' is 4294967299; accepted: 1 to 10");
}

TEST(CatalogueToml, ConditionSafetyFieldsAreChecked) {
  std::string path;
  const auto condition_with = [&](const std::string& from, const std::string& to) {
    auto text = kneerehab::testing::read_file(fixture_dir() / "conditions.toml");
    EXPECT_NE(text.find(from), std::string::npos) << from;
    text.replace(text.find(from), from.size(), to);
    return load_error_with("conditions.toml", text, &path);
  };
  auto message = condition_with("typical_age = [18, 60]", "typical_age = [60, 18]");
  EXPECT_EQ(message, path +
                         ":10:15: condition 'demo-tendinopathy': typical_age is [60, 18]; "
                         "accepted: [min, max] in years, 0 <= min <= max <= 120");
  message = condition_with("typical_age = [18, 60]", "typical_age = [18, 121]");
  EXPECT_EQ(message, path +
                         ":10:20: condition 'demo-tendinopathy': 'typical_age max' is 121; "
                         "accepted: 0 to 120");
  message = condition_with("typical_age = [18, 60]", "typical_age = 18");
  EXPECT_EQ(message, path +
                         ":10:15: condition 'demo-tendinopathy': 'typical_age' is not two "
                         "integers; accepted: [min, max] in years, e.g. [45, 120]");
  message = condition_with("refer_min_prior_injuries = 3", "refer_min_prior_injuries = 0");
  EXPECT_EQ(message, path +
                         ":11:28: condition 'demo-tendinopathy': 'refer_min_prior_injuries' is "
                         "0; accepted: 1 to 20");
  message = condition_with("traumatic = true", "traumatic = 1");
  EXPECT_EQ(message, path +
                         ":9:13: condition 'demo-tendinopathy': 'traumatic' is an integer; "
                         "accepted: true or false");
}

TEST(CatalogueToml, SessionCapIsBounded) {
  std::string path;
  const auto protocol_with = [&](const std::string& to) {
    auto text = kneerehab::testing::read_file(fixture_dir() / "protocols" / "demo-rehab.toml");
    const std::string from = "max_exercises = 5";
    EXPECT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), to);
    return load_error_with("protocols/demo-rehab.toml", text, &path);
  };
  auto message = protocol_with("max_exercises = 0");
  EXPECT_EQ(message, path +
                         ":16:17: protocol 'demo-rehab', sessions: 'max_exercises' is 0; "
                         "accepted: 1 to 12");
  message = protocol_with("max_exercises = 13");
  EXPECT_EQ(message, path +
                         ":16:17: protocol 'demo-rehab', sessions: 'max_exercises' is 13; "
                         "accepted: 1 to 12");
  message = protocol_with("max_exercises = 6.5");
  EXPECT_EQ(message, path +
                         ":16:17: protocol 'demo-rehab', sessions: 'max_exercises' is a "
                         "floating-point number; accepted: an integer from 1 to 12");
  message = protocol_with("max_exercise = 6");
  EXPECT_EQ(message, path +
                         ":16:1: protocol 'demo-rehab', sessions: unknown key 'max_exercise'; "
                         "accepted: max_exercises");
}

TEST(CatalogueToml, SessionCapDefaultsToSix) {
  scratch_dir dir;
  std::filesystem::copy(fixture_dir(), dir.path(), std::filesystem::copy_options::recursive);
  const auto file = dir / "protocols" / "demo-rehab.toml";
  auto text = kneerehab::testing::read_file(file);
  const std::string table = "[sessions]\nmax_exercises = 5\n";
  ASSERT_NE(text.find(table), std::string::npos);
  text.erase(text.find(table), table.size());
  write_file(file, text);
  const auto c = load_catalogue_sources(dir.path());
  EXPECT_EQ(c.protocols[0].sessions.max_exercises, 6);
  EXPECT_EQ(session_rules{}.max_exercises, 6);
}

TEST(CatalogueToml, PainReferralThresholdIsAboveTheHoldThreshold) {
  scratch_dir dir;
  std::filesystem::copy(fixture_dir(), dir.path(), std::filesystem::copy_options::recursive);
  const auto file = dir / "protocols" / "demo-rehab.toml";
  auto text = kneerehab::testing::read_file(file);
  text.replace(text.find("refer_min = 7"), 13, "refer_min = 5");
  write_file(file, text);
  const auto message = first_problem([&] { catalogue(load_catalogue_sources(dir.path())); });
  EXPECT_EQ(message,
            "protocol 'demo-rehab': pain progress_max is 2, hold_max 5 and refer_min 5; accepted: "
            "0 <= progress_max < hold_max < refer_min <= 10");
}
