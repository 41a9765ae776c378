// Sessions a runner will do (docs/plan-rules.md rule 9): at most the protocol's max_exercises
// in a strength or mobility session, every session with its estimated minutes, and never
// cross-training and strength on the same day. The planner on small catalogues built here,
// then on every shipped protocol for a handful of runners.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/plan/audit.hpp"
#include "kneerehab/plan/planner.hpp"
#include "kneerehab/plan/session_time.hpp"
#include "kneerehab/render/notice_text.hpp"
#include "planner_fixtures.hpp"

using namespace kneerehab;
using namespace kneerehab::testing;

namespace {

// ---- the estimate -----------------------------------------------------------------------

dosage dose(int sets, int reps, int hold_s = 0, std::string tempo = {}, int minutes = 0) {
  dosage d;
  d.sets = sets;
  d.reps = reps;
  d.hold_s = hold_s;
  d.tempo = std::move(tempo);
  d.minutes = minutes;
  return d;
}

}  // namespace

TEST(SessionTime, TempoIsTheSumOfItsSeconds) {
  EXPECT_EQ(rep_seconds("3-0-3"), 6);
  EXPECT_EQ(rep_seconds("2-1-3"), 6);
  EXPECT_EQ(rep_seconds("3-0-0 (lower only)"), 3);
  EXPECT_EQ(rep_seconds(""), 3);         // no tempo: about 3 s a rep
  EXPECT_EQ(rep_seconds("slow"), 3);     // no number
  EXPECT_EQ(rep_seconds("0-0-0"), 3);    // nothing positive
  EXPECT_EQ(rep_seconds("4-0-X"), 4);    // the explosive part counts as nothing
  EXPECT_EQ(rep_seconds("120-0-0"), 3);  // not seconds
}

TEST(SessionTime, ExerciseSecondsForKnownDoses) {
  using c = exercise_category;
  using l = load_level;
  using s = laterality;
  // 3 x 15, no tempo: 3 sets of 45 s and two rests of 60 s.
  EXPECT_EQ(exercise_seconds(dose(3, 15), c::strength, l::moderate, s::bilateral), 255);
  // One leg, then the other: the work doubles, the rests do not.
  EXPECT_EQ(exercise_seconds(dose(3, 15), c::strength, l::moderate, s::unilateral), 390);
  EXPECT_EQ(exercise_seconds(dose(3, 15), c::strength, l::moderate, s::alternating), 390);
  // Heavy slow resistance: 3 x 12 at 3-0-3 is 72 s a set, with 2 minutes between sets.
  EXPECT_EQ(exercise_seconds(dose(3, 12, 0, "3-0-3"), c::strength, l::high, s::bilateral), 456);
  // Isometric holds: 5 x 45 s with 60 s between.
  EXPECT_EQ(exercise_seconds(dose(5, 0, 45), c::isometric, l::moderate, s::bilateral), 465);
  // Held reps: 3 x 10 with a 5 s hold, 2 s to get in and out of each.
  EXPECT_EQ(exercise_seconds(dose(3, 10, 5), c::strength, l::low, s::bilateral), 330);
  // A stretch: 1 x 30 s each side, no rest needed.
  EXPECT_EQ(exercise_seconds(dose(1, 0, 30), c::stretch, l::low, s::unilateral), 60);
  EXPECT_EQ(exercise_seconds(dose(3, 0, 30), c::stretch, l::low, s::bilateral), 120);
  // Timed cardio work: 20 minutes.
  EXPECT_EQ(exercise_seconds(dose(1, 0, 0, {}, 20), c::cardio, l::low, s::bilateral), 1200);
}

TEST(SessionTime, SessionMinutesAddChangeoversAndRoundUp) {
  // Five exercises of 3 x 15 (255 s each) and four changeovers of a minute: 25.25 -> 26.
  EXPECT_EQ(session_minutes(5 * 255, 5), 26);
  EXPECT_EQ(session_minutes(120, 1), 2);
  EXPECT_EQ(session_minutes(121, 1), 3);
  EXPECT_EQ(session_minutes(0, 0), 0);
}

namespace {

// ---- the planner on a fixture -------------------------------------------------------------

const char* const extra_ids[] = {"clamshell",          "hip-abduction", "step-up", "side-plank",
                                 "straight-leg-raise", "mini-squat",    "plank"};

/// The fixture with seven more moderate strength exercises, and the standard protocol's first
/// phase prescribing nine strength exercises three times a week (one of them high-load), plus
/// the daily wall sit and stretch.
catalogue_content nine_a_week_content(int max_exercises = 6) {
  catalogue_content content = fixture_content();
  for (const char* id : extra_ids) {
    content.exercises.push_back(make_exercise(id, std::string("Exercise ") + id,
                                              exercise_category::strength, load_level::moderate,
                                              {"gluteus medius"}, reps(3, 12, 3)));
  }
  protocol& p = content.protocols[0];
  p.sessions.max_exercises = max_exercises;
  phase& settle = p.phases[0];
  settle.prescriptions = {prescribe("single-leg-calf-raise", reps(3, 15, 3)),
                          prescribe("glute-bridge", reps(3, 12, 3))};
  for (const char* id : extra_ids) settle.prescriptions.push_back(prescribe(id, reps(3, 12, 3)));
  settle.prescriptions.push_back(prescribe("hamstring-stretch", hold(3, 30, 7)));
  return content;
}

plan plan_of(const catalogue& cat, const plan_request& r) {
  auto outcome = make_plan(cat, r);
  EXPECT_TRUE(std::holds_alternative<plan>(outcome));
  return std::get<plan>(std::move(outcome));
}

const session* find_session(const plan_day& day, session_type type) {
  for (const auto& s : day.sessions) {
    if (s.type == type) return &s;
  }
  return nullptr;
}

std::vector<audit_finding> session_findings(const catalogue& cat, const plan_request& r,
                                            const plan& p) {
  std::vector<audit_finding> out;
  for (const auto& f : audit_plan(cat, r, p)) {
    if (f.rule == audit_rule::session_size || f.rule == audit_rule::session_minutes ||
        f.rule == audit_rule::barred_exercise || f.rule == audit_rule::high_load_spacing) {
      out.push_back(f);
    }
  }
  return out;
}

std::vector<std::string> messages(const std::vector<audit_finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.message);
  return out;
}

}  // namespace

TEST(SessionLayout, NinePrescriptionsAreSplitIntoSessionsOfAtMostSixAndEachKeepsItsSessions) {
  const catalogue cat(nine_a_week_content());
  const plan_request r = standard_request();
  const plan p = plan_of(cat, r);
  int settle_weeks = 0;
  for (const auto& w : p.weeks) {
    if (w.phase_id != "settle") continue;
    ++settle_weeks;
    std::map<std::string, int> sessions_of;
    std::size_t largest = 0;
    for (const auto& d : w.days) {
      const session* s = find_session(d, session_type::strength);
      if (s == nullptr) continue;
      largest = std::max(largest, s->exercises.size());
      EXPECT_LE(s->exercises.size(), 6U) << d.day.iso();
      for (const auto& e : s->exercises) ++sessions_of[e.exercise_id()];
    }
    // Nine exercises three times a week: 27 exercise sessions on six days, 4-5 each.
    EXPECT_EQ(largest, 5U) << "week " << w.number;
    EXPECT_EQ(sessions_of.size(), 9U) << "week " << w.number;
    for (const auto& [id, count] : sessions_of) {
      EXPECT_EQ(count, 3) << id << ", week " << w.number;
    }
  }
  EXPECT_GT(settle_weeks, 0);
  for (const auto& n : p.warnings) EXPECT_NE(n.code, notice_code::session_full);
  EXPECT_EQ(messages(session_findings(cat, r, p)), std::vector<std::string>{});
}

TEST(SessionLayout, TheProtocolsCapIsKept) {
  const catalogue cat(nine_a_week_content(4));
  const plan_request r = standard_request();
  const plan p = plan_of(cat, r);
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      for (const auto& s : d.sessions) {
        if (s.type == session_type::strength || s.type == session_type::mobility) {
          EXPECT_LE(s.exercises.size(), 4U) << d.day.iso();
        }
      }
    }
  }
  EXPECT_EQ(messages(session_findings(cat, r, p)), std::vector<std::string>{});
}

TEST(SessionLayout, WorkThatDoesNotFitIsLeftOutWithANotice) {
  catalogue_content content = fixture_content();
  for (const char* id : {"step-up", "plank"}) {
    content.exercises.push_back(make_exercise(id, std::string("Exercise ") + id,
                                              exercise_category::strength, load_level::moderate,
                                              {"quadriceps"}, reps(3, 10, 7)));
  }
  protocol& proto = content.protocols[0];
  proto.sessions.max_exercises = 2;
  // Three daily strength exercises, two a session: the last listed does not fit.
  proto.phases[0].prescriptions = {prescribe("wall-sit", hold(5, 45, 7)),
                                   prescribe("step-up", reps(3, 10, 7)),
                                   prescribe("plank", reps(3, 10, 7))};
  const catalogue cat(content);
  const plan p = plan_of(cat, standard_request());
  const auto notice = std::find_if(p.warnings.begin(), p.warnings.end(), [](const plan_notice& n) {
    return n.code == notice_code::session_full;
  });
  ASSERT_NE(notice, p.warnings.end());
  EXPECT_EQ(notice->exercise_id, "plank");
  EXPECT_EQ(notice->days, 0);
  EXPECT_EQ(notice->sessions, 7);
  EXPECT_EQ(notice->max_exercises, 2);
  EXPECT_EQ(notice_text(*notice, unit_system::km),
            "Exercise plank is left out of phase 'Phase settle': sessions hold at most 2 "
            "exercises and the exercises listed before it fill every day; ask your therapist "
            "which to swap");
  for (const auto& w : p.weeks) {
    if (w.phase_id != "settle") continue;
    for (const auto& d : w.days) {
      const session* s = find_session(d, session_type::strength);
      ASSERT_NE(s, nullptr) << d.day.iso();
      ASSERT_EQ(s->exercises.size(), 2U) << d.day.iso();
      EXPECT_EQ(s->exercises[0].exercise_id(), "wall-sit");
      EXPECT_EQ(s->exercises[1].exercise_id(), "step-up");
    }
  }
  plan_notice fewer = *notice;
  fewer.days = 4;
  EXPECT_EQ(notice_text(fewer, unit_system::km),
            "Exercise plank is planned on 4 days a week instead of 7 in phase 'Phase settle': "
            "sessions hold at most 2 exercises and the exercises listed before it fill the other "
            "days");
}

TEST(SessionLayout, EverySessionStatesItsMinutes) {
  const catalogue cat(nine_a_week_content());
  const plan p = plan_of(cat, standard_request());
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      for (const auto& s : d.sessions) {
        if (s.type == session_type::rest) {
          EXPECT_EQ(s.minutes, 0) << d.day.iso();
        } else {
          EXPECT_GT(s.minutes, 0) << d.day.iso() << " " << to_string(s.type);
        }
        if (s.run) {
          // The running time rounded up, plus 5 minutes each for the warm-up and cool-down
          // the fixture protocol prescribes.
          EXPECT_EQ(s.minutes, static_cast<int>(std::ceil(s.run->minutes - 1e-6)) + 10)
              << d.day.iso();
        }
        if (s.type == session_type::cross_training) {
          EXPECT_EQ(s.minutes, 30);
        }
      }
    }
  }
}

TEST(SessionLayout, AStrengthSessionsMinutesComeFromItsDoses) {
  catalogue_content content = fixture_content();
  protocol& proto = content.protocols[0];
  // glute-bridge 3 x 12 (bilateral, moderate): 3 x 36 s + 2 x 60 s = 228 s; wall sit 5 x 45 s:
  // 225 s + 4 x 60 s = 465 s; one changeover: 228 + 465 + 60 = 753 s -> 13 minutes.
  proto.phases[0].prescriptions = {prescribe("glute-bridge", reps(3, 12, 3)),
                                   prescribe("wall-sit", hold(5, 45, 3))};
  const catalogue cat(content);
  const plan p = plan_of(cat, standard_request());
  const session* s = find_session(p.weeks[0].days[0], session_type::strength);
  ASSERT_NE(s, nullptr);
  ASSERT_EQ(s->exercises.size(), 2U);
  EXPECT_EQ(s->minutes, 13);
}

TEST(SessionLayout, CrossTrainingAndStrengthNeverShareADay) {
  const catalogue cat(nine_a_week_content());
  for (const auto& run_days : std::vector<std::vector<weekday>>{
           {weekday::mon, weekday::wed, weekday::fri},
           {weekday::tue, weekday::sat},
           {weekday::mon, weekday::wed, weekday::fri, weekday::sun}}) {
    plan_request r = standard_request();
    r.profile.run_days = run_days;
    const plan p = plan_of(cat, r);
    int cross = 0;
    for (const auto& w : p.weeks) {
      for (const auto& d : w.days) {
        const bool has_cross = find_session(d, session_type::cross_training) != nullptr;
        cross += has_cross ? 1 : 0;
        EXPECT_FALSE(has_cross && find_session(d, session_type::strength) != nullptr)
            << d.day.iso();
      }
    }
    EXPECT_GE(cross, 0);
  }
  // With strength three times a week there is room for cross-training on other days.
  const catalogue small(fixture_content());
  const plan p = plan_of(small, standard_request());
  int cross = 0;
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      const bool has_cross = find_session(d, session_type::cross_training) != nullptr;
      cross += has_cross ? 1 : 0;
      EXPECT_FALSE(has_cross && find_session(d, session_type::strength) != nullptr) << d.day.iso();
    }
  }
  EXPECT_GT(cross, 0);
}

// ---- every shipped protocol ---------------------------------------------------------------

namespace {

const catalogue& shipped() {
  static const catalogue cat =
      open_catalogue(std::filesystem::path(KNEEREHAB_SOURCE_DIR) / "exercises.db");
  return cat;
}

std::vector<plan_request> profiles(const std::string& protocol_id) {
  std::vector<plan_request> out;
  const auto base = [&] {
    plan_request r;
    r.protocol_id = protocol_id;
    r.today = date::from_ymd(2027, 1, 1);
    r.profile.start = date::from_ymd(2027, 1, 4);
    r.profile.baseline = distance::from_km(30);
    r.profile.current = distance::from_km(0);
    return r;
  };
  plan_request r = base();
  r.profile.run_days = {weekday::mon, weekday::wed, weekday::fri, weekday::sun};
  out.push_back(r);
  r = base();
  r.profile.level = severity::severe;
  r.profile.run_days = {weekday::tue, weekday::thu, weekday::sat};
  r.profile.age = 60;
  out.push_back(r);
  r = base();
  r.profile.level = severity::mild;
  r.profile.current = distance::from_km(15);
  r.profile.run_days = {weekday::mon, weekday::tue, weekday::wed, weekday::thu,
                        weekday::fri, weekday::sat, weekday::sun};
  out.push_back(r);
  r = base();
  r.profile.run_days = {weekday::sat, weekday::sun};
  r.profile.prior_injuries = 1;
  r.profile.pain = pain_score::from_int(4);
  out.push_back(r);
  return out;
}

}  // namespace

TEST(SessionLayout, EveryShippedProtocolKeepsTheSessionRules) {
  const catalogue& cat = shipped();
  int plans = 0;
  for (const auto& proto : cat.protocols()) {
    for (const plan_request& r : profiles(proto.id)) {
      const auto outcome = make_plan(cat, r);
      if (!std::holds_alternative<plan>(outcome)) continue;
      const plan& p = std::get<plan>(outcome);
      ++plans;
      EXPECT_EQ(messages(session_findings(cat, r, p)), std::vector<std::string>{}) << proto.id;
      for (const auto& w : p.weeks) {
        for (const auto& d : w.days) {
          const bool cross = find_session(d, session_type::cross_training) != nullptr;
          EXPECT_FALSE(cross && find_session(d, session_type::strength) != nullptr)
              << proto.id << " " << d.day.iso();
          for (const auto& s : d.sessions) {
            if (s.type == session_type::strength || s.type == session_type::mobility) {
              EXPECT_LE(s.exercises.size(), static_cast<std::size_t>(proto.sessions.max_exercises))
                  << proto.id << " " << d.day.iso();
              // A plausible session: more than a couple of minutes, under an hour.
              EXPECT_GE(s.minutes, 1) << proto.id << " " << d.day.iso();
              EXPECT_LE(s.minutes, 60) << proto.id << " " << d.day.iso();
            }
            if (s.type != session_type::rest) {
              EXPECT_GT(s.minutes, 0) << proto.id << " " << d.day.iso();
            }
          }
        }
      }
    }
  }
  EXPECT_GE(plans, static_cast<int>(cat.protocols().size()));
}
