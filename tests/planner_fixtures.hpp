#pragma once
// Small catalogues built in C++ so that planner tests do not depend on the shipped content.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/plan/planner.hpp"
#include "kneerehab/plan/profile.hpp"
#include "support/plan_rules.hpp"

namespace kneerehab::testing {

inline exercise make_exercise(std::string id, std::string name, exercise_category category,
                              load_level load, std::vector<std::string> muscles, dosage dose) {
  exercise e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.category = category;
  e.load = load;
  e.muscles = std::move(muscles);
  e.instructions = {"Do it slowly."};
  e.default_dosage = std::move(dose);
  return e;
}

inline dosage reps(int sets, int count, int per_week) {
  dosage d;
  d.sets = sets;
  d.reps = count;
  d.sessions_per_week = per_week;
  return d;
}

inline dosage hold(int sets, int seconds, int per_week) {
  dosage d;
  d.sets = sets;
  d.hold_s = seconds;
  d.sessions_per_week = per_week;
  return d;
}

inline prescription prescribe(std::string id, dosage dose, std::vector<dosage_step> steps = {}) {
  return prescription{std::move(id), std::move(dose), std::move(steps), ""};
}

inline entry_criterion pain_gate() {
  return {"pain_daily_nprs",
          "<=",
          2,
          "/10",
          "Pain 2/10 or less at rest and in daily activity",
          "Rambaud et al. 2018 (BJSM)"};
}

inline std::vector<exercise> fixture_exercises() {
  using c = exercise_category;
  using l = load_level;
  std::vector<exercise> all = {
      make_exercise("glute-bridge", "Glute bridge", c::strength, l::moderate,
                    {"gluteus maximus", "hamstrings"}, reps(3, 12, 3)),
      make_exercise("single-leg-glute-bridge", "Single-leg glute bridge", c::strength, l::moderate,
                    {"gluteus maximus", "hamstrings"}, reps(3, 10, 3)),
      make_exercise("eccentric-hamstring-curl", "Eccentric hamstring curl", c::eccentric, l::high,
                    {"hamstrings"}, reps(3, 8, 2)),
      make_exercise("nordic-hamstring-curl", "Nordic hamstring curl", c::eccentric, l::high,
                    {"hamstrings"}, reps(2, 6, 2)),
      make_exercise("single-leg-calf-raise", "Single-leg calf raise", c::strength, l::high,
                    {"gastrocnemius", "soleus"}, reps(3, 15, 3)),
      make_exercise("eccentric-heel-drop", "Eccentric heel drop", c::eccentric, l::high,
                    {"gastrocnemius", "soleus"}, reps(3, 15, 14)),
      make_exercise("wall-sit", "Wall sit", c::isometric, l::moderate, {"quadriceps"},
                    hold(5, 45, 7)),
      make_exercise("hamstring-stretch", "Hamstring stretch", c::stretch, l::low, {"hamstrings"},
                    hold(3, 30, 7)),
      make_exercise("calf-stretch", "Calf stretch", c::stretch, l::low, {"gastrocnemius"},
                    hold(3, 30, 7)),
      make_exercise("leg-swing", "Leg swing", c::mobility, l::low, {"hip flexors"}, reps(1, 10, 7)),
      make_exercise("walking-lunge", "Walking lunge", c::mobility, l::low, {"quadriceps"},
                    reps(1, 10, 3)),
      make_exercise("high-knee-march", "High-knee march", c::mobility, l::low, {"hip flexors"},
                    reps(1, 10, 3)),
  };
  all[0].progression = "single-leg-glute-bridge";
  all[1].regression = "glute-bridge";
  all[2].progression = "nordic-hamstring-curl";
  all[3].regression = "eccentric-hamstring-curl";
  return all;
}

inline walk_run_ladder fixture_ladder() {
  return {"fixture-ladder",
          "Fixture walk/run ladder",
          "test",
          {{240, 60, 3}, {120, 180, 3}, {60, 360, 3}, {0, 1200, 1}}};
}

inline phase make_phase(std::string id, int min_weeks, int max_weeks, running_rule running) {
  phase ph;
  ph.id = id;
  ph.name = "Phase " + id;
  ph.goal = "Goal of " + id;
  ph.min_weeks = min_weeks;
  ph.max_weeks = max_weeks;
  ph.running = std::move(running);
  return ph;
}

/// Four phases: no running, walk/run ladder, continuous build on flat ground, then a final
/// phase that allows trail, hills and speed.
inline protocol standard_protocol() {
  protocol p;
  p.id = "fixture-standard";
  p.name = "Fixture standard protocol";
  p.condition_id = "hamstring-tendinopathy";
  p.summary = "Test protocol";
  p.sources = {"Silbernagel et al. 2007 (AJSM)", "Frandsen et al. 2025 (BJSM)"};
  p.advice = {{advice_topic::warm_up, "Warm up with leg swings before every run."},
              {advice_topic::cool_down, "Stretch hamstrings and calves, 30 s each, after runs."},
              {advice_topic::icing, "Ice 15 minutes after a run that flares the knee."}};

  phase settle = make_phase("settle", 2, 4, running_rule{});
  settle.cross_training = {"stationary bike", "swimming"};
  settle.advice = {"Ice 15-20 minutes after activity that flares the knee."};
  settle.barred_exercises = {"nordic-hamstring-curl"};
  settle.prescriptions = {
      prescribe("wall-sit", hold(5, 45, 7)),
      prescribe("glute-bridge", reps(3, 10, 3), {{2, reps(3, 15, 3)}}),
      prescribe("hamstring-stretch", hold(3, 30, 7)),
  };

  phase ladder = make_phase(
      "walk-run", 2, 3,
      running_rule{running_mode::walk_run, "fixture-ladder", 0.5, surface::flat, false, false});
  ladder.entry_criteria = {pain_gate()};
  ladder.cross_training = {"stationary bike"};
  ladder.advice = {"Ice after runs if the knee is sore."};
  ladder.barred_exercises = {"nordic-hamstring-curl"};
  ladder.prescriptions = {
      prescribe("eccentric-hamstring-curl", reps(3, 8, 2)),
      prescribe("single-leg-calf-raise", reps(3, 15, 3)),
      prescribe("calf-stretch", hold(3, 30, 7)),
  };

  phase build = make_phase(
      "build", 3, 6, running_rule{running_mode::continuous, "", 0.5, surface::flat, false, false});
  build.entry_criteria = {pain_gate()};
  build.advice = {"Keep runs easy."};
  build.prescriptions = {
      prescribe("nordic-hamstring-curl", reps(2, 6, 2), {{3, reps(3, 8, 2)}}),
      prescribe("single-leg-glute-bridge", reps(3, 10, 3)),
  };

  phase final_phase = make_phase(
      "return", 2, 4, running_rule{running_mode::continuous, "", 0.5, surface::trail, true, true});
  final_phase.entry_criteria = {pain_gate()};
  final_phase.prescriptions = {
      prescribe("nordic-hamstring-curl", reps(3, 8, 1)),
      prescribe("eccentric-heel-drop", reps(3, 15, 14)),
      prescribe("leg-swing", reps(1, 10, 7)),
  };
  p.phases = {settle, ladder, build, final_phase};
  return p;
}

/// Three phases: modified running from week 1, then continuous on road, then the final
/// phase with hills.
inline protocol modified_protocol() {
  protocol p;
  p.id = "fixture-modified";
  p.name = "Fixture modified-running protocol";
  p.condition_id = "patellofemoral-pain";
  p.summary = "Test protocol";
  p.sources = {"Rathleff et al. 2019"};
  p.advice = {{advice_topic::cadence, "Shorten your stride: +5-10% cadence."}};
  phase keep =
      make_phase("keep-running", 2, 3,
                 running_rule{running_mode::modified, "", 0.5, surface::flat, false, false});
  keep.prescriptions = {prescribe("glute-bridge", reps(3, 12, 3))};
  phase build = make_phase(
      "build", 3, 5, running_rule{running_mode::continuous, "", 0.5, surface::road, false, false});
  build.entry_criteria = {pain_gate()};
  build.prescriptions = {prescribe("single-leg-glute-bridge", reps(3, 10, 3))};
  phase final_phase = make_phase(
      "return", 2, 3, running_rule{running_mode::continuous, "", 0.5, surface::trail, true, false});
  final_phase.entry_criteria = {pain_gate()};
  final_phase.prescriptions = {prescribe("single-leg-glute-bridge", reps(3, 12, 3))};
  p.phases = {keep, build, final_phase};
  return p;
}

inline condition make_condition(std::string id, std::string name,
                                std::optional<std::string> protocol_id) {
  condition c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.description = "Test condition";
  c.presentation = "Pain";
  c.mild = {4, 8};
  c.moderate = {8, 12};
  c.severe = {12, 24};
  c.red_flags = {"possible-dvt"};
  c.protocol_id = std::move(protocol_id);
  c.referral_only = !c.protocol_id.has_value();
  if (c.referral_only) {
    c.referral = "Cramping with running that eases at rest needs a vascular assessment.";
  }
  c.sources = {"test"};
  return c;
}

inline catalogue_content fixture_content() {
  catalogue_content content;
  content.exercises = fixture_exercises();
  content.ladders = {fixture_ladder()};
  content.protocols = {standard_protocol(), modified_protocol()};
  content.conditions = {
      make_condition("hamstring-tendinopathy", "Distal hamstring tendinopathy", "fixture-standard"),
      make_condition("patellofemoral-pain", "Patellofemoral pain", "fixture-modified"),
      make_condition("popliteal-artery-entrapment", "Popliteal artery entrapment", std::nullopt),
  };
  content.red_flags = {
      {"possible-dvt", "Possible deep-vein thrombosis",
       "Calf swelling, warmth or tenderness can be a clot.",
       "See a doctor today for a duplex ultrasound.", "Wells DVT score"},
      {"possible-fracture", "Possible fracture", "A fracture must be excluded.",
       "Get an X-ray before loading the knee.", "Stiell et al. 1995/96"},
      {"possible-artery-entrapment", "Possible popliteal artery entrapment",
       "Cramping that comes on with running and eases with rest can be an artery problem.",
       "See a vascular specialist before running again.", "vascular case series"},
      {"possible-septic-joint", "Possible septic joint",
       "Fever with a hot joint can be an infection.", "Go to an emergency department today.",
       "general red-flag lists"},
  };
  content.symptoms = {
      {"calf-swelling", "Calf swelling, warmth or tenderness", "possible-dvt", std::nullopt},
      {"acute-injury", "Knee pain after a recent fall, twist or blow", "possible-fracture", 55},
      {"fibular-head-tenderness", "Tenderness at the head of the fibula", "possible-fracture",
       std::nullopt},
      {"cramping-with-running", "Calf cramping or a cold foot that comes on with running",
       "possible-artery-entrapment", std::nullopt},
      {"fever-hot-joint", "Fever with a hot, swollen knee", "possible-septic-joint", std::nullopt},
      {"knee-stiffness", "Morning stiffness that eases within minutes", std::nullopt, std::nullopt},
  };
  return content;
}

inline catalogue fixture_catalogue() { return catalogue(fixture_content()); }

/// A request that plans the standard fixture protocol for a typical runner.
inline plan_request standard_request() {
  plan_request r;
  r.protocol_id = "fixture-standard";
  r.today = date::from_ymd(2026, 11, 21);
  r.profile.start = date::from_ymd(2026, 11, 23);
  r.profile.baseline = distance::from_km(40);
  r.profile.current = distance::from_km(0);
  r.profile.run_days = {weekday::mon, weekday::wed, weekday::fri, weekday::sun};
  r.profile.age = 35;
  return r;
}

}  // namespace kneerehab::testing
