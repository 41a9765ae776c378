// The shipped exercises.db: it opens, it agrees with data/catalogue, and its content keeps
// the clinical-content promises of docs/clinical-basis.md. Each check is its own test so that a
// failure reads as the promise that was broken.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "catalogue/barred.hpp"
#include "catalogue/validate.hpp"
#include "catalogue_test_support.hpp"
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/io/catalogue_sources.hpp"
#include "kneerehab/plan/planner.hpp"
#include "kneerehab/render/render.hpp"

using namespace kneerehab;
using kneerehab::testing::source_dir;

namespace {

const catalogue& shipped() {
  static const catalogue cat = open_catalogue(source_dir() / "exercises.db");
  return cat;
}

std::string fmt_ids(const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
  return text;
}

bool has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

TEST(ShippedCatalogue, Opens) { EXPECT_NO_THROW(shipped()); }

TEST(ShippedCatalogue, AgreesWithItsTextSources) {
  // The same comparison as `kneerehab-catalogue check data/catalogue exercises.db`.
  const catalogue sources(load_catalogue_sources(source_dir() / "data" / "catalogue"));
  EXPECT_EQ(catalogue_difference(source_dir() / "exercises.db", sources), std::nullopt)
      << "regenerate it: cmake --build <build-dir> --target catalogue";
}

TEST(ShippedCatalogue, EveryReferencedExerciseExists) {
  const auto& cat = shipped();
  for (const auto& p : cat.protocols()) {
    for (const auto& ph : p.phases) {
      for (const auto& rx : ph.prescriptions) {
        EXPECT_NE(cat.find_exercise(rx.exercise_id), nullptr)
            << p.id << "/" << ph.id << " prescribes " << rx.exercise_id;
      }
      for (const auto& barred : ph.barred_exercises) {
        EXPECT_NE(cat.find_exercise(barred), nullptr) << p.id << "/" << ph.id << " bars " << barred;
      }
    }
  }
  for (const auto& e : cat.exercises()) {
    if (e.regression) {
      EXPECT_NE(cat.find_exercise(*e.regression), nullptr) << e.id;
    }
    if (e.progression) {
      EXPECT_NE(cat.find_exercise(*e.progression), nullptr) << e.id;
    }
  }
}

TEST(ShippedCatalogue, PhasesAreOrderedWithMinAtMostMax) {
  for (const auto& p : shipped().protocols()) {
    EXPECT_GE(p.phases.size(), 3U) << p.id;
    EXPECT_LE(p.phases.size(), 5U) << p.id;
    for (std::size_t i = 0; i < p.phases.size(); ++i) {
      const auto& ph = p.phases[i];
      EXPECT_GE(ph.min_weeks, 1) << p.id << "/" << ph.id;
      EXPECT_LE(ph.min_weeks, ph.max_weeks) << p.id << "/" << ph.id;
      EXPECT_LE(ph.max_weeks, 26) << p.id << "/" << ph.id;
      if (i > 0) {
        EXPECT_FALSE(ph.entry_criteria.empty()) << p.id << "/" << ph.id;
      }
    }
    EXPECT_EQ(p.phases.back().running.mode, running_mode::continuous) << p.id;
  }
}

TEST(ShippedCatalogue, NoPhasePrescribesWhatItBars) {
  for (const auto& p : shipped().protocols()) {
    for (const auto& ph : p.phases) {
      for (const auto& rx : ph.prescriptions) {
        EXPECT_FALSE(has(ph.barred_exercises, rx.exercise_id))
            << p.id << "/" << ph.id << " prescribes barred " << rx.exercise_id;
      }
    }
  }
}

TEST(ShippedCatalogue, RegressionAndProgressionLinkBothWays) {
  const auto& cat = shipped();
  for (const auto& e : cat.exercises()) {
    if (e.progression) {
      const auto* next = cat.find_exercise(*e.progression);
      ASSERT_NE(next, nullptr) << e.id;
      EXPECT_EQ(next->regression, e.id) << e.id << " -> " << next->id;
    }
    if (e.regression) {
      const auto* previous = cat.find_exercise(*e.regression);
      ASSERT_NE(previous, nullptr) << e.id;
      EXPECT_EQ(previous->progression, e.id) << previous->id << " -> " << e.id;
    }
  }
}

TEST(ShippedCatalogue, ProgressionChainsNeverLoop) {
  const auto& cat = shipped();
  for (const auto& start : cat.exercises()) {
    std::set<std::string> seen{start.id};
    const exercise* current = &start;
    while (current->progression) {
      current = cat.find_exercise(*current->progression);
      ASSERT_NE(current, nullptr);
      ASSERT_TRUE(seen.insert(current->id).second) << "loop from " << start.id;
    }
  }
}

TEST(ShippedCatalogue, HasEveryConditionProductMdNames) {
  for (const char* id :
       {"hamstring-tendinopathy", "popliteus-tendinopathy", "bakers-cyst", "pcl-sprain",
        "collateral-ligament-sprain", "posterior-chain-tightness", "popliteal-artery-entrapment",
        "patellofemoral-pain", "knee-bursitis", "knee-osteoarthritis", "cartilage-damage",
        "patellar-instability", "gait-overload"}) {
    EXPECT_NE(shipped().find_condition(id), nullptr) << id;
  }
  EXPECT_GE(shipped().conditions().size(), 13U);
}

TEST(ShippedCatalogue, HasEveryExerciseProductMdNamesAndFortyOrMore) {
  for (const char* id :
       {"glute-bridge", "single-leg-glute-bridge", "eccentric-hamstring-curl",
        "nordic-hamstring-curl", "calf-raise", "single-leg-calf-raise", "bent-knee-calf-raise",
        "plank", "side-plank", "leg-swing", "hamstring-stretch", "calf-stretch"}) {
    EXPECT_NE(shipped().find_exercise(id), nullptr) << id;
  }
  EXPECT_GE(shipped().exercises().size(), 40U);
}

TEST(ShippedCatalogue, EveryConditionButPoplitealEntrapmentHasAProtocol) {
  for (const auto& c : shipped().conditions()) {
    if (c.id == "popliteal-artery-entrapment") {
      EXPECT_TRUE(c.referral_only);
      EXPECT_FALSE(c.protocol_id);
      EXPECT_FALSE(c.referral.empty());
      continue;
    }
    ASSERT_TRUE(c.protocol_id) << c.id;
    const auto* p = shipped().find_protocol(*c.protocol_id);
    ASSERT_NE(p, nullptr) << c.id;
    EXPECT_EQ(p->condition_id, c.id);
  }
}

TEST(ShippedCatalogue, HasThirteenProtocols) {
  // One per condition but popliteal-artery-entrapment (referral only), plus
  // cartilage-repair-rehab, the second cartilage-damage protocol (operated lesions).
  EXPECT_EQ(shipped().protocols().size(), 13U);
  ASSERT_NE(shipped().find_protocol("cartilage-repair-rehab"), nullptr);
  EXPECT_EQ(shipped().find_protocol("cartilage-repair-rehab")->condition_id, "cartilage-damage");
  EXPECT_EQ(shipped().find_condition("cartilage-damage")->protocol_id, "cartilage-damage-rehab");
}

TEST(ShippedCatalogue, EveryProtocolHasSources) {
  for (const auto& p : shipped().protocols()) EXPECT_FALSE(p.sources.empty()) << p.id;
}

TEST(ShippedCatalogue, EveryProtocolAdvisesWarmUpAndCoolDown) {
  for (const auto& p : shipped().protocols()) {
    const auto advises = [&](advice_topic topic) {
      return std::any_of(p.advice.begin(), p.advice.end(),
                         [&](const advice_note& note) { return note.topic == topic; });
    };
    EXPECT_TRUE(advises(advice_topic::warm_up)) << p.id;
    EXPECT_TRUE(advises(advice_topic::cool_down)) << p.id;
  }
}

TEST(ShippedCatalogue, EveryExerciseHasInstructionsCuesAndMuscles) {
  for (const auto& e : shipped().exercises()) {
    EXPECT_FALSE(e.instructions.empty()) << e.id;
    EXPECT_FALSE(e.cues.empty()) << e.id;
    EXPECT_FALSE(e.muscles.empty()) << e.id;
  }
}

// ---- clinical content: the corrections of issue #9 item 6, kept ---------------------------

namespace {

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const advice_note* advice_on(const protocol& p, advice_topic topic) {
  for (const auto& a : p.advice) {
    if (a.topic == topic) return &a;
  }
  return nullptr;
}

}  // namespace

TEST(ShippedCatalogue, TextSourcesHaveNoProblems) {
  const auto content = load_catalogue_sources(source_dir() / "data" / "catalogue");
  EXPECT_TRUE(detail::catalogue_problems(content).empty());
}

// docs/plan-rules.md rule 6, walked here without the validator: no entry criterion tests what
// the phase before bars; no advice names what its phase bars; no warm-up or cool-down names what
// any phase bars; no phase prescribes what it bars.
TEST(ShippedCatalogue, KeepsRuleSixInEveryProtocol) {
  std::vector<const exercise*> all;
  for (const auto& e : shipped().exercises()) all.push_back(&e);
  for (const auto& p : shipped().protocols()) {
    for (std::size_t i = 0; i < p.phases.size(); ++i) {
      const auto& ph = p.phases[i];
      for (const auto& rx : ph.prescriptions) {
        EXPECT_FALSE(has(ph.barred_exercises, rx.exercise_id)) << p.id << "/" << ph.id;
      }
      for (const auto& text : ph.advice) {
        for (const auto* e : detail::exercises_named_in(text, all)) {
          EXPECT_FALSE(has(ph.barred_exercises, e->id)) << p.id << "/" << ph.id << ": " << text;
        }
      }
      if (i == 0) continue;
      const auto& before = p.phases[i - 1];
      for (const auto& c : ph.entry_criteria) {
        const auto demands = detail::demands_of(c.measure, all);
        for (const auto& id : demands.exercises) {
          EXPECT_FALSE(has(before.barred_exercises, id))
              << p.id << "/" << ph.id << ": " << c.measure;
        }
        if (demands.running) {
          EXPECT_NE(before.running.mode, running_mode::none) << p.id << "/" << ph.id;
        }
      }
    }
    for (const auto& a : p.advice) {
      if (a.topic != advice_topic::warm_up && a.topic != advice_topic::cool_down) continue;
      for (const auto* e : detail::exercises_named_in(a.text, all)) {
        for (const auto& ph : p.phases) {
          EXPECT_FALSE(has(ph.barred_exercises, e->id)) << p.id << ": " << a.text;
        }
      }
    }
  }
}

// A label such as "from week 5 after the injury" sits only in a phase that cannot start
// earlier (its earliest start is after the minimum lengths of the phases before it).
TEST(ShippedCatalogue, WeekLabelsAgreeWithPhasePlacement) {
  static const std::regex from_week(R"(from weeks? (\d+)(?:-\d+)? after the injury)");
  for (const auto& p : shipped().protocols()) {
    int earliest = 1;
    for (const auto& ph : p.phases) {
      std::vector<std::string> texts = ph.cross_training;
      texts.insert(texts.end(), ph.advice.begin(), ph.advice.end());
      texts.push_back(ph.goal);
      for (const auto& text : texts) {
        for (std::sregex_iterator m(text.begin(), text.end(), from_week), end; m != end; ++m) {
          EXPECT_GE(earliest, std::stoi((*m)[1])) << p.id << "/" << ph.id << ": " << text;
        }
      }
      earliest += ph.min_weeks;
    }
  }
  // D'Amato & Bach: pool running in weeks 5-6 after a PCL sprain.
  const auto& pcl = *shipped().find_protocol("pcl-sprain-rehab");
  int start = 1;
  for (const auto& ph : pcl.phases) {
    for (const auto& activity : ph.cross_training) {
      if (contains(activity, "pool running")) {
        EXPECT_GE(start, 5) << ph.id;
      }
    }
    start += ph.min_weeks;
  }
}

// Limb-symmetry criteria need a healthy other side: none for conditions often in both knees.
TEST(ShippedCatalogue, NoLimbSymmetryCriteriaWhereBothKneesAreOftenAffected) {
  for (const char* id :
       {"patellofemoral-pain-rehab", "knee-osteoarthritis-rehab", "hamstring-tendinopathy-rehab",
        "popliteus-tendinopathy-rehab", "posterior-chain-tightness-rehab", "gait-overload-rehab",
        "bakers-cyst-rehab", "knee-bursitis-rehab", "cartilage-damage-rehab"}) {
    const auto& p = *shipped().find_protocol(id);
    for (const auto& ph : p.phases) {
      for (const auto& c : ph.entry_criteria) {
        EXPECT_FALSE(contains(c.measure, "lsi") || contains(c.measure, "other_side"))
            << id << "/" << ph.id << ": " << c.measure;
        EXPECT_FALSE(contains(lower(c.text), "other side") || contains(lower(c.text), "other leg"))
            << id << "/" << ph.id << ": " << c.text;
      }
    }
  }
}

// Each protocol's pain and load advice states its own pain_rules and load_rules.
TEST(ShippedCatalogue, PainAndLoadAdviceAgreeWithTheProtocolsRules) {
  for (const auto& p : shipped().protocols()) {
    const auto* pain = advice_on(p, advice_topic::pain);
    ASSERT_NE(pain, nullptr) << p.id;
    const int progress = p.pain.progress_max;
    const int hold = p.pain.hold_max;
    EXPECT_TRUE(contains(pain->text, std::to_string(progress) + "/10")) << p.id;
    EXPECT_TRUE(
        contains(pain->text, std::to_string(progress + 1) + "-" + std::to_string(hold) + "/10"))
        << p.id << ": " << pain->text;
    EXPECT_TRUE(contains(pain->text, "above " + std::to_string(hold) + "/10")) << p.id;
    const auto* load = advice_on(p, advice_topic::load);
    ASSERT_NE(load, nullptr) << p.id;
    const auto percent = std::to_string(static_cast<int>(p.load.weekly_increase * 100 + 0.5));
    EXPECT_TRUE(contains(load->text, "at most " + percent + "%")) << p.id << ": " << load->text;
    if (p.load.deload_every == 3) {
      EXPECT_TRUE(contains(load->text, "every 3 weeks")) << p.id << ": " << load->text;
    }
  }
}

// Collins et al. 2008: foot orthoses beat flat inserts at 6 weeks, not at 52 weeks. Hydration
// does not reliably prevent cramps.
TEST(ShippedCatalogue, FootwearAndHydrationAdviceIsWordedAsTheEvidenceAllows) {
  for (const auto& p : shipped().protocols()) {
    for (const auto& a : p.advice) {
      const auto text = lower(a.text);
      if (contains(text, "orthos") || contains(text, "orthotic")) {
        EXPECT_TRUE(contains(text, "52 weeks") && contains(a.text, "Collins")) << p.id;
        EXPECT_FALSE(contains(text, "keep helping")) << p.id;
      }
      if (a.topic == advice_topic::hydration) {
        EXPECT_TRUE(contains(text, "evidence")) << p.id << ": " << a.text;
      }
    }
    EXPECT_TRUE(has(p.sources, "Collins et al. 2008 (BMJ)")) << p.id;
  }
}

// Sources are papers and guidelines; the two seed articles are cited only as the starting
// point, never as evidence.
TEST(ShippedCatalogue, SeedArticlesAreNeverCitedAsEvidence) {
  const auto check = [](const std::string& owner, const std::vector<std::string>& sources) {
    for (const auto& source : sources) {
      const auto text = lower(source);
      if (contains(text, "seed") || contains(text, "blog")) {
        EXPECT_TRUE(contains(text, "not evidence")) << owner << ": " << source;
      }
    }
  };
  for (const auto& c : shipped().conditions()) check(c.id, c.sources);
  for (const auto& p : shipped().protocols()) check(p.id, p.sources);
}

// Derscheid & Garrick 1981: MCL grade I back in 10.6 days, grade II in 19.5 days on average.
TEST(ShippedCatalogue, CollateralTimelineAgreesWithDerscheidAndGarrick) {
  const auto& c = *shipped().find_condition("collateral-ligament-sprain");
  EXPECT_LE(c.mild.min_weeks * 7, 10.6);
  EXPECT_GE(c.mild.max_weeks * 7, 10.6);
  EXPECT_LE(c.moderate.min_weeks * 7, 19.5);
  EXPECT_GE(c.moderate.max_weeks * 7, 19.5);
  EXPECT_TRUE(has(c.sources, "Derscheid & Garrick 1981 (Am J Sports Med 9(6):365-368)"));
}

// Cartilage: operated and non-operated lesions have their own protocols and timelines.
TEST(ShippedCatalogue, CartilageDistinguishesOperatedFromNonOperatedLesions) {
  const auto& c = *shipped().find_condition("cartilage-damage");
  EXPECT_EQ(c.protocol_id, "cartilage-damage-rehab");
  EXPECT_TRUE(contains(c.description, "cartilage-repair-rehab"));
  EXPECT_TRUE(contains(c.description, "Not operated"));
  const auto weeks = [](const protocol& p) {
    int min = 0;
    for (const auto& ph : p.phases) min += ph.min_weeks;
    return min;
  };
  const auto& repair = *shipped().find_protocol("cartilage-repair-rehab");
  const auto& conservative = *shipped().find_protocol("cartilage-damage-rehab");
  EXPECT_GE(weeks(repair), 21);  // 4.9 months: the shortest average return after surgery
  EXPECT_LT(weeks(conservative), weeks(repair));
  EXPECT_LE(c.mild.min_weeks, weeks(conservative));
}

// The exercises' own "not early after..." warnings, where the physiotherapist found them broken.
TEST(ShippedCatalogue, ExerciseWarningsAgreeWithWhereTheExercisesArePrescribed) {
  // Pogo hops say "not early after a ligament sprain": never in the collateral sprain's walk/run
  // ladder weeks; hopping of any kind only in phases that run ("before the return-to-run phase").
  const auto& mcl = *shipped().find_protocol("collateral-ligament-sprain-rehab");
  for (const auto& ph : mcl.phases) {
    if (ph.running.mode == running_mode::continuous) break;
    for (const auto& rx : ph.prescriptions) {
      EXPECT_NE(shipped().find_exercise(rx.exercise_id)->category, exercise_category::plyometric)
          << ph.id << ": " << rx.exercise_id;
    }
  }
  for (const auto& p : shipped().protocols()) {
    for (const auto& ph : p.phases) {
      for (const auto& rx : ph.prescriptions) {
        if (shipped().find_exercise(rx.exercise_id)->category == exercise_category::plyometric) {
          EXPECT_NE(ph.running.mode, running_mode::none) << p.id << "/" << ph.id;
        }
      }
    }
  }
  // Alfredson heel drops are an Achilles tendinopathy protocol, not a tightness treatment.
  for (const auto& ph : shipped().find_protocol("posterior-chain-tightness-rehab")->phases) {
    for (const auto& rx : ph.prescriptions) EXPECT_NE(rx.exercise_id, "eccentric-heel-drop");
  }
  // The wall sit after a PCL sprain stays shallow: bent 60 degrees or less, as the protocol says.
  const auto& wall_sit = *shipped().find_exercise("wall-sit");
  EXPECT_TRUE(std::any_of(wall_sit.contraindications.begin(), wall_sit.contraindications.end(),
                          [](const std::string& c) { return contains(c, "60 degrees or less"); }));
}

// ---- selective loading -------------------------------------------------------------------

namespace {

plan_request request_for(std::string condition_id, std::string protocol_id) {
  plan_request request;
  request.condition_id = std::move(condition_id);
  request.protocol_id = std::move(protocol_id);
  request.profile.start = date::from_ymd(2026, 1, 5);
  request.today = date::from_ymd(2026, 1, 1);
  request.profile.baseline = distance::from_km(30);
  request.profile.current = distance::from_km(10);
  request.profile.age = 52;
  request.profile.prior_injuries = 1;
  return request;
}

// The plan as JSON, or the referral's text: what a user of either catalogue would see.
std::string outcome_text(const plan_outcome& outcome) {
  if (const auto* p = std::get_if<plan>(&outcome)) return render_json(*p);
  const auto& r = std::get<referral>(outcome);
  return "referral: " + r.red_flag_id + " " + r.symptom_id + " " + r.message;
}

// Equal texts, or the first line where they differ (a plan's JSON is thousands of lines).
::testing::AssertionResult same_text(const std::string& part, const std::string& whole) {
  if (part == whole) return ::testing::AssertionSuccess();
  std::size_t line = 1;
  std::size_t i = 0;
  for (; i < part.size() && i < whole.size() && part[i] == whole[i]; ++i) {
    if (part[i] == '\n') ++line;
  }
  const auto around = [&](const std::string& text) { return text.substr(i, 80); };
  return ::testing::AssertionFailure()
         << "differs at line " << line << ": selection has '" << around(part)
         << "', whole catalogue '" << around(whole) << "'";
}

}  // namespace

TEST(SelectiveLoading, EveryProtocolPlansExactlyAsOnTheWholeCatalogue) {
  const auto db = source_dir() / "exercises.db";
  for (const auto& p : shipped().protocols()) {
    const catalogue part = open_catalogue(db, catalogue_selection::protocol(p.id));
    // The protocol, and the one its condition names when that is another (cartilage-damage
    // names cartilage-damage-rehab; cartilage-repair-rehab is its second protocol).
    const auto& named = *shipped().find_condition(p.condition_id)->protocol_id;
    ASSERT_EQ(part.protocols().size(), named == p.id ? 1U : 2U) << p.id;
    EXPECT_NE(part.find_protocol(p.id), nullptr) << p.id;
    EXPECT_NE(part.find_protocol(named), nullptr) << p.id;
    EXPECT_LT(part.exercises().size(), shipped().exercises().size()) << p.id;
    EXPECT_EQ(part.red_flags().size(), shipped().red_flags().size()) << p.id;
    EXPECT_EQ(part.symptoms().size(), shipped().symptoms().size()) << p.id;
    for (const auto level : {severity::mild, severity::moderate, severity::severe}) {
      auto request = request_for("", p.id);
      request.profile.level = level;
      EXPECT_TRUE(same_text(outcome_text(make_plan(part, request)),
                            outcome_text(make_plan(shipped(), request))))
          << p.id << " " << to_string(level);
    }
  }
}

TEST(SelectiveLoading, EveryConditionPlansOrRefersExactlyAsOnTheWholeCatalogue) {
  const auto db = source_dir() / "exercises.db";
  for (const auto& c : shipped().conditions()) {
    const catalogue part = open_catalogue(db, catalogue_selection::condition(c.id));
    ASSERT_EQ(part.conditions().size(), 1U) << c.id;
    const auto request = request_for(c.id, "");
    EXPECT_TRUE(same_text(outcome_text(make_plan(part, request)),
                          outcome_text(make_plan(shipped(), request))))
        << c.id;
    auto with_red_flag = request;
    with_red_flag.profile.symptoms = {shipped().symptoms().front().id};
    EXPECT_TRUE(same_text(outcome_text(make_plan(part, with_red_flag)),
                          outcome_text(make_plan(shipped(), with_red_flag))))
        << c.id;
  }
}

TEST(SelectiveLoading, UnknownIdsGiveTheMessageMakePlanGives) {
  const auto db = source_dir() / "exercises.db";
  const auto message_of = [](const auto& action) -> std::string {
    return kneerehab::testing::error_message(errc::not_found, action);
  };
  EXPECT_EQ(
      message_of([&] { open_catalogue(db, catalogue_selection::protocol("patellofemoral")); }),
      message_of([&] { make_plan(shipped(), request_for("", "patellofemoral")); }));
  EXPECT_EQ(message_of([&] { open_catalogue(db, catalogue_selection::condition("hamstring")); }),
            message_of([&] { make_plan(shipped(), request_for("hamstring", "")); }));
  EXPECT_EQ(message_of([&] { open_catalogue(db, catalogue_selection::condition("zzz")); }),
            "unknown condition 'zzz'; accepted: " + fmt_ids(ids_of(shipped().conditions())));
}

TEST(SelectiveLoading, AllIsTheWholeCatalogue) {
  const catalogue all = open_catalogue(source_dir() / "exercises.db", catalogue_selection::all());
  EXPECT_EQ(ids_of(all.exercises()), ids_of(shipped().exercises()));
  EXPECT_EQ(ids_of(all.protocols()), ids_of(shipped().protocols()));
}
