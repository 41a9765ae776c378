// Protocol and exercise files (io/protocol_file.hpp, docs/protocol-files.md): every built-in
// item round-trips byte for byte, and a bad file gets every problem at once, at its line and
// column, with the exact messages users read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kneerehab/kneerehab.hpp"
#include "support/scratch_dir.hpp"
#include "support/shipped_catalogue.hpp"

namespace {

using kneerehab::testing::shipped_catalogue;

std::vector<std::string> problems_of(std::string_view text, const kneerehab::catalogue& cat) {
  try {
    (void)kneerehab::parse_protocol_file(text, "p.toml", cat);
  } catch (const kneerehab::error& e) {
    EXPECT_EQ(e.code(), kneerehab::errc::invalid_protocol);
    std::vector<std::string> lines;
    for (const auto& d : e.diagnostics()) lines.push_back(kneerehab::format_diagnostic(d));
    return lines;
  }
  return {};
}

TEST(ProtocolFile, EveryBuiltInProtocolRoundTripsByteForByte) {
  const auto& cat = shipped_catalogue();
  ASSERT_FALSE(cat.protocols().empty());
  for (const auto& p : cat.protocols()) {
    const auto text = kneerehab::protocol_file_text(p, kneerehab::builtin_provenance(), cat);
    const auto file = kneerehab::parse_protocol_file(text, p.id + ".toml", cat);
    EXPECT_EQ(file.about, kneerehab::builtin_provenance());
    EXPECT_EQ(kneerehab::protocol_file_text(file.content, file.about, cat), text) << p.id;
    // And the parsed protocol plans like the built-in one: same content, same protocol rules.
    EXPECT_TRUE(kneerehab::protocol_changes(p, file.content).empty()) << p.id;
  }
}

TEST(ProtocolFile, EveryBuiltInExerciseRoundTripsByteForByte) {
  const auto& cat = shipped_catalogue();
  for (const auto& e : cat.exercises()) {
    const auto text = kneerehab::exercise_file_text(e, kneerehab::builtin_provenance());
    const auto file = kneerehab::parse_exercise_file(text, e.id + ".toml", cat);
    EXPECT_EQ(kneerehab::exercise_file_text(file.content, file.about), text) << e.id;
  }
}

TEST(ProtocolFile, BuiltInProtocolsValidateWithoutAuditWarnings) {
  const auto& cat = shipped_catalogue();
  const auto p = cat.find_protocol("patellofemoral-pain-rehab");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(kneerehab::trial_protocol(cat, p->id, kneerehab::date::from_ymd(2026, 1, 5)).empty());
}

constexpr std::string_view bad_protocol = R"(id = "bad-pfp"
name = "Bad"
condition = "patellofemoral-pian"
author = "Me"
version = 2
colour = "blue"

[load]
weekly_increase = 0.15

[[phase]]
id = "one"
name = "One"
goal = "Calm"
min_weeks = 5
max_weeks = 3
barred = ["glute-bridge"]
running = { mode = "continuous", start_fraction = 0.5 }

[[phase.exercise]]
id = "glute-bridge"
sets = 30

[[phase.exercise]]
id = "glute-brige"

[[phase]]
id = "two"
name = "Two"
goal = "Walk"
min_weeks = 2
max_weeks = 4
running = { mode = "walk-run", ladder = "time-based" }

[[phase.criteria]]
measure = "pain_daily_nprs"
op = "<="
value = 2
text = "Pain 2/10 or less"

[[phase]]
id = "two"
name = "Three"
goal = "Run"
min_weeks = "two"
max_weeks = 4
running = { mode = "continuous" }

[[phase.criteria]]
measure = "pain_daily_nprs"
op = "<="
value = 2
text = "Pain 2/10 or less"
)";

TEST(ProtocolFile, ABadFileGetsEveryProblemAtOnceWithLineAndColumn) {
  const std::vector<std::string> expected = {
      "p.toml:3:13: error: protocol 'bad-pfp': condition 'patellofemoral-pian' does not exist "
      "(did you mean patellofemoral-pain?)",
      "p.toml:6:1: error: protocol 'bad-pfp': unknown key 'colour' (accepted: id, name, "
      "condition, summary, lengths, pain, load, sessions, advice, phase, author, version, "
      "change_note, sources)",
      "p.toml:9:19: error: protocol 'bad-pfp', load: weekly_increase is 0.15, looser than "
      "docs/plan-rules.md rule 3: weekly volume up at most 10% (accepted: at most 0.1)",
      "p.toml:15:13: error: protocol 'bad-pfp', phase 'one': min_weeks is 5 and max_weeks 3 "
      "(accepted: 1 <= min_weeks <= max_weeks <= 26)",
      "p.toml:20:1: error: protocol 'bad-pfp', phase 'one': prescribes 'glute-bridge', which the "
      "phase bars",
      "p.toml:22:8: error: protocol 'bad-pfp', phase 'one', exercise 'glute-bridge': 'sets' is 30 "
      "(accepted: 1 to 10)",
      "p.toml:25:6: error: protocol 'bad-pfp', phase 'one', exercise 'glute-brige': 'id' is "
      "'glute-brige', which is not a catalogue exercise (did you mean glute-bridge?)",
      "p.toml:28:6: error: protocol 'bad-pfp', phase 'two': phase id appears more than once "
      "(accepted: unique phase ids)",
      "p.toml:33:11: error: protocol 'bad-pfp', phase 'two': phase 2 runs 'walk-run' after phase "
      "1 'one' ran 'continuous' (accepted: phases in order of load (none, then walk-run or "
      "modified, then continuous))",
      "p.toml:45:13: error: protocol 'bad-pfp', phase 'two': 'min_weeks' is a string (accepted: "
      "an integer from 1 to 26)",
  };
  EXPECT_EQ(problems_of(bad_protocol, shipped_catalogue()), expected);
}

TEST(ProtocolFile, MissingFieldsAndSyntaxAreReported) {
  EXPECT_EQ(problems_of("id = \"x\"\nname = \n", shipped_catalogue()),
            std::vector<std::string>{"p.toml:2:8: error: Error while parsing key-value pair: "
                                     "expected value, saw '\\n' (accepted: TOML 1.0 "
                                     "(https://toml.io))"});
  const auto missing = problems_of("id = \"x\"\n", shipped_catalogue());
  ASSERT_FALSE(missing.empty());
  EXPECT_NE(std::find(missing.begin(), missing.end(),
                      "p.toml:1:1: error: protocol 'x': 'author' is missing (accepted: a string, "
                      "e.g. author = \"A. Therapist\")"),
            missing.end())
      << missing.front();
  EXPECT_EQ(problems_of("id = \"\xff\xfe\"\n", shipped_catalogue()),
            std::vector<std::string>{"p.toml:1:6: error: Encountered invalid utf-8 sequence "
                                     "(accepted: TOML 1.0 (https://toml.io))"});
}

TEST(ProtocolFile, AFileOverTheSizeLimitIsRefusedBeforeParsing) {
  kneerehab::testing::scratch_dir dir;
  const auto path = dir / "big.toml";
  kneerehab::testing::write_file(path, std::string(kneerehab::max_item_file_bytes + 1, '#'));
  try {
    (void)kneerehab::read_protocol_file(path, shipped_catalogue());
    FAIL() << "a file over the limit was read";
  } catch (const kneerehab::error& e) {
    EXPECT_EQ(e.code(), kneerehab::errc::invalid_input);
    EXPECT_EQ(std::string(e.what()),
              "'" + path.string() +
                  "' is 1048577 bytes; accepted: files of at most 1048576 bytes (1 MiB)");
  }
}

TEST(ProtocolFile, DiffSaysWhatChangedPhaseByPhase) {
  const auto& cat = shipped_catalogue();
  auto changed = *cat.find_protocol("patellofemoral-pain-rehab");
  auto& ph = changed.phases.at(1);
  ph.min_weeks = 4;
  ph.max_weeks = 6;
  const auto press = std::find_if(ph.prescriptions.begin(), ph.prescriptions.end(),
                                  [](const auto& p) { return p.exercise_id == "leg-press"; });
  ASSERT_NE(press, ph.prescriptions.end());
  press->exercise_id = "wall-sit";
  EXPECT_EQ(kneerehab::protocol_changes(*cat.find_protocol("patellofemoral-pain-rehab"), changed),
            std::vector<std::string>{
                "Phase 2 'Strengthen and restart continuous running': minimum weeks 2 -> 4; "
                "maximum weeks 4 -> 6; added exercise wall-sit " +
                kneerehab::describe(press->dose) + "; removed leg-press"});
}

// The complete example of docs/protocol-files.md is a valid protocol file whose plans keep
// every rule: the documentation cannot drift from what the reader accepts.
TEST(ProtocolFile, TheDocumentedExampleIsValid) {
  const auto doc =
      kneerehab::testing::read_file(std::string(KNEEREHAB_SOURCE_DIR) + "/docs/protocol-files.md");
  const auto start = doc.find("```toml\n");
  ASSERT_NE(start, std::string::npos);
  const auto end = doc.find("```", start + 8);
  const auto text = doc.substr(start + 8, end - start - 8);
  const auto& cat = shipped_catalogue();
  const auto file = kneerehab::parse_protocol_file(text, "docs/protocol-files.md", cat);
  EXPECT_EQ(file.about.author, "A. Therapist, Riverside Physio");
  const auto joined = kneerehab::overlay(cat, {{}, {file.content}});
  EXPECT_TRUE(
      kneerehab::trial_protocol(joined, file.content.id, kneerehab::date::from_ymd(2026, 1, 5))
          .empty());
}

}  // namespace
