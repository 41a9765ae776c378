// Every catalogue invariant, with the exact message an author reads.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalogue/barred.hpp"
#include "catalogue_test_support.hpp"
#include "kneerehab/catalogue/catalogue.hpp"

using namespace kneerehab;
using kneerehab::testing::error_message;
using kneerehab::testing::fixture_content;

namespace {

// The fixture (tests/data/catalogue) broken by `edit`; returns the validation message.
template <typename Edit>
std::string problem_after(Edit edit) {
  auto content = fixture_content();
  edit(content);
  return error_message(errc::invalid_catalogue, [&] { catalogue cat(std::move(content)); });
}

exercise& find_exercise(catalogue_content& c, const std::string& id) {
  for (auto& e : c.exercises) {
    if (e.id == id) return e;
  }
  throw std::logic_error("no exercise " + id);
}

protocol& demo(catalogue_content& c) { return c.protocols.at(0); }
phase& settle(catalogue_content& c) { return demo(c).phases.at(0); }
phase& walk_run(catalogue_content& c) { return demo(c).phases.at(1); }
phase& build(catalogue_content& c) { return demo(c).phases.at(2); }

const std::string demo_item = "protocol 'demo-rehab'";

}  // namespace

TEST(Catalogue, FixtureIsValidAndIndexed) {
  const catalogue cat(fixture_content());
  ASSERT_NE(cat.find_exercise("glute-bridge"), nullptr);
  EXPECT_EQ(cat.find_exercise("glute-bridge")->name, "Glute bridge");
  EXPECT_EQ(cat.find_protocol("demo-rehab")->phases.size(), 3U);
  EXPECT_EQ(cat.find_ladder("time-based")->steps.size(), 3U);
  EXPECT_EQ(cat.find_symptom("acute-injury")->min_age, 55);
  EXPECT_EQ(cat.find_exercise("nope"), nullptr);
}

// ---- ids ---------------------------------------------------------------------------------

TEST(CatalogueIds, AreUniquePerKind) {
  EXPECT_EQ(problem_after([](auto& c) { c.exercises.push_back(c.exercises.front()); }),
            "exercise 'glute-bridge': id appears more than once; accepted: unique exercise ids");
  EXPECT_EQ(problem_after([](auto& c) { c.symptoms.push_back(c.symptoms.front()); }),
            "symptom 'calf-swelling': id appears more than once; accepted: unique symptom ids");
}

TEST(CatalogueIds, AreKebabCase) {
  const std::string accepted =
      "id is not kebab-case; accepted: lower-case letters and digits in words joined by single "
      "hyphens, e.g. 'glute-bridge'";
  EXPECT_EQ(problem_after([](auto& c) { find_exercise(c, "plank").id = "Plank"; }),
            "exercise 'Plank': " + accepted + " (and 1 more problem)");
  EXPECT_EQ(problem_after([](auto& c) { c.ladders[0].id = "time--based"; }),
            "ladder 'time--based': " + accepted + " (and 1 more problem)");
  EXPECT_EQ(problem_after([](auto& c) { c.red_flags[0].id = "dvt-"; }),
            "red flag 'dvt-': " + accepted + " (and 2 more problems)");
  EXPECT_EQ(problem_after([](auto& c) { settle(c).id = "settle_in"; }),
            demo_item + ", phase 'settle_in': " + accepted);
}

TEST(CatalogueValidation, ReportsEveryProblemNotJustTheFirst) {
  auto content = fixture_content();
  find_exercise(content, "plank").id = "Plank";
  content.ladders[0].steps[0].run_s = 0;
  settle(content).min_weeks = 9;
  try {
    const catalogue cat(std::move(content));
    FAIL() << "no error thrown";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_catalogue);
    std::vector<std::string> lines;
    for (const auto& d : e.diagnostics()) lines.push_back(format_diagnostic(d));
    EXPECT_EQ(lines,
              (std::vector<std::string>{
                  "error: exercise 'Plank': id is not kebab-case (accepted: lower-case letters "
                  "and digits in words joined by single hyphens, e.g. 'glute-bridge')",
                  "error: ladder 'time-based', step 1: run_s is 0 (accepted: 1 to 3600)",
                  "error: protocol 'demo-rehab', phase 'settle': min_weeks is 9 and max_weeks 4 "
                  "(accepted: 1 <= min_weeks <= max_weeks <= 26)",
                  "error: protocol 'demo-rehab', phase 'settle': prescribes 'plank', which does "
                  "not exist",
              }));
    ASSERT_EQ(e.diagnostics().size(), 4U);
    EXPECT_EQ(e.diagnostics()[0].code, "bad-id");
    EXPECT_EQ(e.diagnostics()[2].code, "min-above-max");
    EXPECT_EQ(e.diagnostics()[2].field, "min_weeks");
    EXPECT_EQ(e.diagnostics()[3].code, "unknown-id");
    EXPECT_EQ(std::string(e.what()), describe(e.diagnostics()[0]) + " (and 3 more problems)");
  }
}

// ---- references --------------------------------------------------------------------------

TEST(CatalogueReferences, ConditionProtocolAndRedFlagsResolve) {
  EXPECT_EQ(problem_after([](auto& c) { c.conditions[0].protocol_id = "nope"; }),
            "condition 'demo-tendinopathy': protocol 'nope' does not exist");
  EXPECT_EQ(problem_after([](auto& c) { c.conditions[0].red_flags.push_back("nope"); }),
            "condition 'demo-tendinopathy': red flag 'nope' does not exist");
}

TEST(CatalogueReferences, ProtocolConditionResolvesAndMatches) {
  EXPECT_EQ(problem_after([](auto& c) { demo(c).condition_id = "demo-entrapment"; }),
            "condition 'demo-tendinopathy': protocol 'demo-rehab' is for condition "
            "'demo-entrapment'");
  EXPECT_EQ(problem_after([](auto& c) {
              auto other = demo(c);
              other.id = "other-rehab";
              other.condition_id = "nope";
              c.protocols.push_back(other);
            }),
            "protocol 'other-rehab': condition 'nope' does not exist");
}

TEST(CatalogueReferences, PrescribedAndBarredExercisesExist) {
  EXPECT_EQ(problem_after([](auto& c) { settle(c).prescriptions[0].exercise_id = "nope"; }),
            demo_item + ", phase 'settle': prescribes 'nope', which does not exist");
  EXPECT_EQ(problem_after([](auto& c) { settle(c).barred_exercises.push_back("nope"); }),
            demo_item + ", phase 'settle': bars 'nope', which does not exist");
}

TEST(CatalogueReferences, WalkRunLadderExists) {
  EXPECT_EQ(problem_after([](auto& c) { walk_run(c).running.ladder_id = "nope"; }),
            demo_item + ", phase 'walk-run': running ladder 'nope' does not exist");
  EXPECT_EQ(problem_after([](auto& c) { walk_run(c).running.ladder_id.clear(); }),
            demo_item +
                ", phase 'walk-run': running mode walk-run has no ladder; accepted: a "
                "ladder id");
}

TEST(CatalogueReferences, SymptomRedFlagExists) {
  EXPECT_EQ(problem_after([](auto& c) { c.symptoms[2].red_flag = "nope"; }),
            "symptom 'stiffness': red flag 'nope' does not exist");
}

// ---- conditions --------------------------------------------------------------------------

TEST(CatalogueConditions, ReferralOnlyHasNoProtocolAndAReferral) {
  EXPECT_EQ(problem_after([](auto& c) { c.conditions[1].protocol_id = "demo-rehab"; }),
            "condition 'demo-entrapment': is referral-only but names protocol 'demo-rehab'; "
            "accepted: no protocol for a referral-only condition");
  EXPECT_EQ(problem_after([](auto& c) { c.conditions[1].referral.clear(); }),
            "condition 'demo-entrapment': is referral-only but has no referral text");
}

TEST(CatalogueConditions, OthersHaveAProtocol) {
  EXPECT_EQ(problem_after([](auto& c) { c.conditions[0].protocol_id.reset(); }),
            "condition 'demo-tendinopathy': has no protocol; accepted: a protocol id, or "
            "referral_only with a referral text");
}

TEST(CatalogueConditions, TimelinesRunFromMinToMax) {
  EXPECT_EQ(problem_after([](auto& c) {
              c.conditions[0].moderate = {12, 8};
            }),
            "condition 'demo-tendinopathy': timeline moderate is 12 to 8 weeks; accepted: 0 <= "
            "min <= max");
}

// ---- protocols and phases ----------------------------------------------------------------

TEST(CatalogueProtocols, HaveThreeToFivePhases) {
  EXPECT_EQ(problem_after([](auto& c) { demo(c).phases.erase(demo(c).phases.begin() + 1); }),
            demo_item + ": has 2 phases; accepted: 3 to 5");
  EXPECT_EQ(problem_after([](auto& c) {
              auto& phases = demo(c).phases;
              for (int i = 0; i < 3; ++i) {
                phases.insert(phases.begin() + 1, phases[1]);
                phases[1].id = "extra-" + std::to_string(i);
              }
            }),
            demo_item + ": has 6 phases; accepted: 3 to 5");
}

TEST(CatalogueProtocols, PhaseIdsAreUnique) {
  EXPECT_EQ(problem_after([](auto& c) { walk_run(c).id = "settle"; }),
            demo_item +
                ", phase 'settle': phase id appears more than once; accepted: unique "
                "phase ids");
}

TEST(CatalogueProtocols, PhaseWeeksAreOrderedAndBounded) {
  const std::string accepted = "; accepted: 1 <= min_weeks <= max_weeks <= 26";
  EXPECT_EQ(problem_after([](auto& c) { settle(c).min_weeks = 5; }),
            demo_item + ", phase 'settle': min_weeks is 5 and max_weeks 4" + accepted);
  EXPECT_EQ(problem_after([](auto& c) { settle(c).min_weeks = 0; }),
            demo_item + ", phase 'settle': min_weeks is 0 and max_weeks 4" + accepted);
  EXPECT_EQ(problem_after([](auto& c) { build(c).max_weeks = 27; }),
            demo_item + ", phase 'build': min_weeks is 3 and max_weeks 27" + accepted);
}

TEST(CatalogueProtocols, LaterPhasesHaveEntryCriteriaWithValidOps) {
  EXPECT_EQ(problem_after([](auto& c) { walk_run(c).entry_criteria.clear(); }),
            demo_item +
                ", phase 'walk-run': has no entry criteria; accepted: at least one for "
                "every phase after the first");
  EXPECT_EQ(problem_after([](auto& c) { walk_run(c).entry_criteria[0].op = "=>"; }),
            demo_item +
                ", phase 'walk-run': entry criterion 'pain_daily_nprs' has op '=>'; "
                "accepted: <=, >=, ==, <, >");
}

TEST(CatalogueProtocols, NoPhasePrescribesWhatItBars) {
  EXPECT_EQ(
      problem_after([](auto& c) { settle(c).prescriptions.push_back(build(c).prescriptions[0]); }),
      demo_item +
          ", phase 'settle': prescribes 'nordic-hamstring-curl', which the phase "
          "bars");
}

// docs/plan-rules.md rule 6, checked on the catalogue: entry criteria never test what the
// phase before them bars (docs/catalogue-format.md, "Barred exercises").
TEST(CatalogueBarred, EntryCriteriaNeverTestWhatThePhaseBeforeBars) {
  const std::string accepted =
      "; accepted: entry criteria that test only what the phase before allows";
  // A measure of the known-measures table: plank_hold performs a plank.
  EXPECT_EQ(problem_after([](auto& c) {
              walk_run(c).barred_exercises.push_back("plank");
              build(c).entry_criteria.push_back({"plank_hold", ">=", 45, "s", "Plank 45 s", ""});
            }),
            demo_item +
                ", phase 'build': entry criterion 'plank_hold' tests 'plank', which phase "
                "'walk-run' before it bars" +
                accepted);
  // Any other measure tests the exercises whose ids it spells, plurals included.
  EXPECT_EQ(problem_after([](auto& c) {
              walk_run(c).entry_criteria.push_back(
                  {"nordic_hamstring_curls_pain_free", ">=", 5, "reps", "5 Nordic curls", ""});
            }),
            demo_item +
                ", phase 'walk-run': entry criterion 'nordic_hamstring_curls_pain_free' tests "
                "'nordic-hamstring-curl', which phase 'settle' before it bars" +
                accepted);
  // A run, after a phase without running.
  EXPECT_EQ(problem_after([](auto& c) {
              walk_run(c).entry_criteria.push_back(
                  {"run_pain_nprs", "<=", 3, "/10", "Runs with pain 3/10 or less", ""});
            }),
            demo_item +
                ", phase 'walk-run': entry criterion 'run_pain_nprs' tests running, which "
                "phase 'settle' before it does not allow (running mode 'none')" +
                accepted);
  // What only the phase before the phase before bars is fine: build follows walk-run.
  auto content = fixture_content();
  build(content).entry_criteria.push_back(
      {"nordic_hamstring_curls_pain_free", ">=", 5, "reps", "5 Nordic curls", ""});
  EXPECT_NO_THROW(catalogue{std::move(content)});
}

TEST(CatalogueBarred, AdviceNeverNamesWhatItsPhaseBars) {
  const auto diagnostics_after = [](auto edit) {
    auto content = fixture_content();
    edit(content);
    try {
      const catalogue cat(std::move(content));
    } catch (const error& e) {
      return e.diagnostics();
    }
    return std::vector<diagnostic>{};
  };
  // Phase advice, in any case, with hyphens or a plural.
  for (const char* text : {"Warm up with 5 Nordic hamstring curls.", "NORDIC-HAMSTRING-CURL",
                           "nordic hamstring curl"}) {
    const auto found = diagnostics_after([&](auto& c) { settle(c).advice.push_back(text); });
    ASSERT_EQ(found.size(), 1U) << text;
    EXPECT_EQ(found[0].code, "barred");
    EXPECT_EQ(found[0].field, "advice");
    EXPECT_EQ(describe(found[0]),
              demo_item +
                  ", phase 'settle': advice names 'Nordic hamstring curl' "
                  "('nordic-hamstring-curl'), which the phase bars; accepted: advice that names "
                  "no exercise the phase bars");
  }
  // The warm-up and the cool-down, against every phase's bars.
  EXPECT_EQ(problem_after([](auto& c) {
              demo(c).advice[0].text = "Walk 5 minutes, then 3 Nordic hamstring curls.";
            }),
            demo_item +
                ": warm-up advice names 'Nordic hamstring curl' ('nordic-hamstring-curl'), "
                "which phase 'settle' bars; accepted: a warm-up and cool-down that name no "
                "exercise any phase bars");
  EXPECT_EQ(problem_after([](auto& c) {
              walk_run(c).barred_exercises.push_back("plank");
              demo(c).advice[1].text = "Finish with a plank.";
            }),
            demo_item +
                ": cool-down advice names 'Plank' ('plank'), which phase 'walk-run' bars; "
                "accepted: a warm-up and cool-down that name no exercise any phase bars");
  // A longer name wins over a barred one inside it: a single-leg glute bridge is not a glute
  // bridge. Other advice topics and texts naming no barred exercise are fine.
  EXPECT_TRUE(diagnostics_after([](auto& c) {
                walk_run(c).barred_exercises.push_back("glute-bridge");
                walk_run(c).advice.push_back("Single-leg glute bridges are fine now.");
                demo(c).advice.push_back({advice_topic::general, "No Nordic hamstring curls yet."});
                build(c).advice.push_back("Nordic hamstring curls on a day without a long run.");
              }).empty());
}

// (The third half of rule 6, no phase prescribing what it bars, is
// CatalogueProtocols.NoPhasePrescribesWhatItBars above.)

TEST(CatalogueBarred, MatchesNamesAndIdsOfTheShippedExercises) {
  const auto content =
      load_catalogue_sources(kneerehab::testing::source_dir() / "data" / "catalogue");
  std::vector<const exercise*> all;
  for (const auto& e : content.exercises) all.push_back(&e);
  const auto named = [&](std::string_view text) {
    std::vector<std::string> ids;
    for (const auto* e : detail::exercises_named_in(text, all)) ids.push_back(e->id);
    return ids;
  };
  using ids = std::vector<std::string>;
  EXPECT_EQ(named("Warm up with walking lunges and leg swings."),
            (ids{"walking-lunge", "leg-swing"}));
  EXPECT_EQ(named("Pogo hops, then single-leg hops."), (ids{"pogo-hop", "single-leg-hop"}));
  EXPECT_EQ(named("side plank, then a plank"), (ids{"side-plank", "plank"}));
  EXPECT_EQ(named("bent-knee calf raises"), (ids{"bent-knee-calf-raise"}));
  EXPECT_EQ(named("avoid deep squats, lunges and jumping"), ids{});
  EXPECT_EQ(named("a few minutes of brisk walking"), ids{});
  EXPECT_EQ(detail::demands_of("single_leg_hops_pain_free", all).exercises, ids{"single-leg-hop"});
  EXPECT_EQ(detail::demands_of("side_plank_hold", all).exercises, ids{"side-plank"});
  EXPECT_EQ(detail::demands_of("pain_daily_nprs", all).exercises, ids{});
  EXPECT_TRUE(detail::demands_of("walk_run_ladder_completed", all).running);
  EXPECT_EQ(detail::demands_of("wall_sits_held_s", all).exercises, ids{"wall-sit"});
}

TEST(CatalogueProtocols, ProgressionWeeksIncreaseFromTwoWithinMaxWeeks) {
  const std::string item = demo_item + ", phase 'settle', exercise 'glute-bridge': ";
  EXPECT_EQ(problem_after([](auto& c) { settle(c).prescriptions[0].progression[1].week = 2; }),
            item +
                "progression week 2 does not come after week 2; accepted: strictly "
                "increasing weeks");
  EXPECT_EQ(problem_after([](auto& c) { settle(c).prescriptions[0].progression[0].week = 1; }),
            item +
                "progression week 1 is before week 2; accepted: weeks 2 to max_weeks (4), "
                "strictly increasing");
  EXPECT_EQ(problem_after([](auto& c) { settle(c).prescriptions[0].progression[1].week = 5; }),
            item + "progression week 5 is after max_weeks 4; accepted: weeks 2 to 4");
}

TEST(CatalogueProtocols, EveryDosageKeepsItsRanges) {
  const std::string item = demo_item + ", phase 'settle', exercise 'glute-bridge': ";
  EXPECT_EQ(problem_after([](auto& c) { settle(c).prescriptions[0].dose.sets = 0; }),
            item + "week 1 dosage: sets is 0; accepted: 1 to 10");
  EXPECT_EQ(problem_after([](auto& c) {
              settle(c).prescriptions[0].progression[0].dose.sessions_per_week = 15;
            }),
            item + "progression week 2 dosage: sessions_per_week is 15; accepted: 1 to 14");
  EXPECT_EQ(problem_after([](auto& c) { find_exercise(c, "plank").default_dosage.hold_s = 0; }),
            "exercise 'plank': default dosage: reps, hold_s and minutes are all 0; accepted: at "
            "least one positive");
}

TEST(CatalogueRunning, StartFractionsAreInZeroToOne) {
  EXPECT_EQ(problem_after([](auto& c) {
              walk_run(c).running = {running_mode::modified, "", 0.0};
            }),
            demo_item +
                ", phase 'walk-run': running start_fraction is 0; accepted: more than 0 "
                "and at most 1");
  EXPECT_EQ(problem_after([](auto& c) { build(c).running.start_fraction = 1.5; }),
            demo_item +
                ", phase 'build': running start_fraction is 1.5; accepted: more than 0 "
                "and at most 1");
}

TEST(CatalogueRunning, HillsAndSpeedOnlyInTheLastPhase) {
  const std::string message =
      demo_item +
      ", phase 'walk-run': allows hills or speed work but is not the last phase; "
      "accepted: hills and speed work only in the last phase";
  EXPECT_EQ(problem_after([](auto& c) { walk_run(c).running.hills = true; }), message);
  EXPECT_EQ(problem_after([](auto& c) { walk_run(c).running.speed = true; }), message);
}

TEST(CatalogueRunning, LastPhaseRunsContinuously) {
  EXPECT_EQ(problem_after([](auto& c) { build(c).running = running_rule{}; }),
            demo_item +
                ", phase 'build': is the last phase but its running mode is 'none'; "
                "accepted: continuous");
}

struct load_case {
  void (*edit)(load_rules&);
  const char* problem;
};

TEST(CatalogueRules, LoadRulesStayInRange) {
  const load_case cases[] = {
      {[](load_rules& l) { l.weekly_increase = 0.25; },
       "load weekly_increase is 0.25; accepted: 0.05 to 0.2"},
      {[](load_rules& l) { l.cautious_weekly_increase = 0.1; },
       "load cautious_weekly_increase is 0.1; accepted: more than 0 and at most weekly_increase "
       "(0.08)"},
      {[](load_rules& l) { l.spike_ratio = 1.5; }, "load spike_ratio is 1.5; accepted: 1 to 1.3"},
      {[](load_rules& l) { l.deload_every = 5; }, "load deload_every is 5; accepted: 3 to 4"},
      {[](load_rules& l) { l.deload_cut = 0.35; }, "load deload_cut is 0.35; accepted: 0.2 to 0.3"},
      {[](load_rules& l) { l.long_run_share = 0.6; },
       "load long_run_share is 0.6; accepted: 0.2 to 0.5"},
      {[](load_rules& l) { l.max_runs_per_week = 7; },
       "load max_runs_per_week is 7; accepted: 2 to 6"},
  };
  for (const auto& test : cases) {
    EXPECT_EQ(problem_after([&](auto& c) { test.edit(demo(c).load); }),
              demo_item + ": " + test.problem);
  }
}

TEST(CatalogueRules, PainThresholdsAreOrdered) {
  EXPECT_EQ(problem_after([](auto& c) {
              demo(c).pain = {5, 5};
            }),
            demo_item +
                ": pain progress_max is 5, hold_max 5 and refer_min 8; accepted: 0 <= "
                "progress_max < hold_max < refer_min <= 10");
  EXPECT_EQ(problem_after([](auto& c) {
              demo(c).pain = {3, 11};
            }),
            demo_item +
                ": pain progress_max is 3, hold_max 11 and refer_min 8; accepted: 0 <= "
                "progress_max < hold_max < refer_min <= 10");
}

// ---- exercises ---------------------------------------------------------------------------

TEST(CatalogueExercises, LinksResolve) {
  EXPECT_EQ(problem_after([](auto& c) { find_exercise(c, "plank").progression = "nope"; }),
            "exercise 'plank': progression 'nope' does not exist");
  EXPECT_EQ(problem_after([](auto& c) { find_exercise(c, "plank").regression = "plank"; }),
            "exercise 'plank': regression is the exercise itself");
}

TEST(CatalogueExercises, LinksGoBothWays) {
  EXPECT_EQ(problem_after([](auto& c) { find_exercise(c, "plank").regression = "glute-bridge"; }),
            "exercise 'plank': regression is 'glute-bridge', but 'glute-bridge' has progression "
            "'single-leg-glute-bridge'; accepted: links both ways (A.progression == B exactly "
            "when B.regression == A)");
  EXPECT_EQ(problem_after([](auto& c) { find_exercise(c, "glute-bridge").progression.reset(); }),
            "exercise 'single-leg-glute-bridge': regression is 'glute-bridge', but "
            "'glute-bridge' has progression 'none'; accepted: links both ways (A.progression == "
            "B exactly when B.regression == A)");
}

TEST(CatalogueExercises, ChainsNeverLoop) {
  EXPECT_EQ(problem_after([](auto& c) {
              find_exercise(c, "nordic-hamstring-curl").progression = "glute-bridge";
              find_exercise(c, "glute-bridge").regression = "nordic-hamstring-curl";
            }),
            "exercise 'glute-bridge': progression chain loops: glute-bridge -> "
            "single-leg-glute-bridge -> nordic-hamstring-curl -> glute-bridge");
}

// ---- ladders -----------------------------------------------------------------------------

TEST(CatalogueLadders, HaveTwoOrMoreSensibleSteps) {
  EXPECT_EQ(problem_after([](auto& c) { c.ladders[0].steps.resize(1); }),
            "ladder 'time-based': has 1 step; accepted: at least 2");
  EXPECT_EQ(problem_after([](auto& c) { c.ladders[0].steps[1].run_s = 0; }),
            "ladder 'time-based', step 2: run_s is 0; accepted: 1 to 3600");
  EXPECT_EQ(problem_after([](auto& c) { c.ladders[0].steps[0].walk_s = -1; }),
            "ladder 'time-based', step 1: walk_s is -1; accepted: 0 to 3600");
  EXPECT_EQ(problem_after([](auto& c) { c.ladders[0].steps[2].repeats = 0; }),
            "ladder 'time-based', step 3: repeats is 0; accepted: 1 to 20");
}
