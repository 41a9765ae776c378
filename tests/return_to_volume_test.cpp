// The return-to-volume model on the shipped catalogue (docs/plan-rules.md, "Return to
// volume"), and the figures a sports physiotherapist measured on the first planner (issue
// "Plans a physiotherapist would sign") as regression tests: each test names what was wrong.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kneerehab/plan/audit.hpp"
#include "kneerehab/plan/planner.hpp"
#include "support/monotone_sweep.hpp"
#include "support/plan_rules.hpp"
#include "support/shipped_catalogue.hpp"

namespace kneerehab {
namespace {

using testing::shipped_catalogue;

const std::vector<weekday> four_days = {weekday::mon, weekday::wed, weekday::fri, weekday::sun};
const std::vector<weekday> mon_tue_wed_fri = {weekday::mon, weekday::tue, weekday::wed,
                                              weekday::fri};

plan_request request(const std::string& condition, double baseline, double current,
                     severity level = severity::moderate, std::vector<weekday> days = four_days) {
  plan_request r;
  r.condition_id = condition;
  r.today = date::from_ymd(2026, 11, 23);
  r.profile.start = date::from_ymd(2026, 11, 30);
  r.profile.baseline = distance::from_km(baseline);
  r.profile.current = distance::from_km(current);
  r.profile.level = level;
  r.profile.run_days = std::move(days);
  return r;
}

plan make(const plan_request& r) {
  auto outcome = make_plan(shipped_catalogue(), r);
  EXPECT_TRUE(std::holds_alternative<plan>(outcome));
  return std::get<plan>(std::move(outcome));
}

std::vector<const run_session*> runs_of(const plan_week& w) {
  std::vector<const run_session*> out;
  for (const auto& d : w.days) {
    for (const auto& s : d.sessions) {
      if (s.run) out.push_back(&*s.run);
    }
  }
  return out;
}

/// The weekly volume the plan builds to: its target, or what the run days can carry.
double built_target(const plan& p) {
  for (const auto& n : p.warnings) {
    if (n.code == notice_code::run_days_cannot_carry_target) return n.planned->km();
  }
  return p.target.km();
}

/// 1-based number of the first full week whose running reaches the target, if any.
std::optional<int> week_at_target(const plan& p) {
  for (const auto& w : p.weeks) {
    if (!w.lighter_week && w.run_total.km() >= built_target(p) - 0.07) return w.number;
  }
  return std::nullopt;
}

bool has_notice(const plan& p, notice_code code) {
  return std::any_of(p.warnings.begin(), p.warnings.end(),
                     [&](const plan_notice& n) { return n.code == code; });
}

const char* const all_conditions[] = {"hamstring-tendinopathy",
                                      "popliteus-tendinopathy",
                                      "bakers-cyst",
                                      "pcl-sprain",
                                      "collateral-ligament-sprain",
                                      "posterior-chain-tightness",
                                      "patellofemoral-pain",
                                      "knee-bursitis",
                                      "knee-osteoarthritis",
                                      "cartilage-damage",
                                      "patellar-instability",
                                      "gait-overload"};

TEST(ReturnToVolume, EveryOpenEndedPlanReachesItsTarget) {
  // Was: 0 of 84 plans reached the target (the long-run share was applied to every run).
  for (const char* c : all_conditions) {
    for (int days = 1; days <= 6; ++days) {
      std::vector<weekday> run_days;
      for (int d = 0; d < days; ++d) run_days.push_back(static_cast<weekday>(d));
      const plan p = make(request(c, 30, 0, severity::moderate, run_days));
      EXPECT_TRUE(week_at_target(p)) << c << " with " << days << " run days";
      EXPECT_FALSE(has_notice(p, notice_code::target_not_reached)) << c;
    }
  }
}

TEST(ReturnToVolume, MoreCurrentRunningIsNeverSlower) {
  // Was: patellofemoral pain, baseline 30, mild, 4 days: current 0 -> 13 weeks, 5 -> 37.
  int previous = 1000;
  for (double current : {0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0}) {
    const plan p = make(request("patellofemoral-pain", 30, current, severity::mild));
    const auto at = week_at_target(p);
    ASSERT_TRUE(at) << "current " << current;
    EXPECT_LE(*at, previous) << "current " << current;
    EXPECT_LE(p.weeks.size(), 20U) << "current " << current;
    previous = *at;
  }
}

TEST(ReturnToVolume, MilderIsNeverSlower) {
  // Was: grade I vs grade III MCL took 19 vs 22 weeks, a grade I 16-30 weeks.
  for (const char* c : all_conditions) {
    int previous = 0;
    for (severity level : {severity::mild, severity::moderate, severity::severe}) {
      const auto at = week_at_target(make(request(c, 30, 0, level)));
      ASSERT_TRUE(at) << c;
      EXPECT_GE(*at, previous) << c << " " << to_string(level);
      previous = *at;
    }
  }
  EXPECT_LE(*week_at_target(make(request("collateral-ligament-sprain", 30, 0, severity::mild))),
            12);
}

TEST(ReturnToVolume, ARunnerStillRunningContinuesFromWhatTheyDoNow) {
  // Was: the build started from 50% of current; with current 5 weeks 1-8 held one 1.1 km run.
  const plan p = make(request("patellofemoral-pain", 30, 15, severity::mild));
  EXPECT_NEAR(p.weeks[0].run_total.km(), 15.0, 0.1);
  for (const auto& w : p.weeks) {
    for (const auto* r : runs_of(w)) {
      EXPECT_GE(r->minutes, 15.0 - 1e-9) << "week " << w.number;
    }
  }
  // Free of pain, a runner doing little is never planned below where one who stopped restarts.
  const plan low = make(request("patellofemoral-pain", 30, 5, severity::mild));
  EXPECT_GE(low.weeks[0].run_total.km(), 5.0);
  plan_request sore = request("patellofemoral-pain", 30, 5, severity::mild);
  sore.profile.pain = pain_score::from_int(4);  // hold zone: modified running holds
  const plan held = make(sore);
  // Held as the runner runs now: the 30-minute run (4.61 km at 6:30/km); the 390 m left of the
  // week is no run of its own, and a held week lengthens no run to carry it.
  EXPECT_NEAR(held.weeks[0].run_total.km(), 4.61, 0.01);
  EXPECT_NEAR(held.weeks[1].run_total.km(), 4.61, 0.01);
}

TEST(ReturnToVolume, AnOlderRunnerIsNotPlannedForAYear) {
  // Was: 68 years old, moderate patellofemoral pain, running 8 km now: 47 weeks.
  plan_request r = request("patellofemoral-pain", 30, 8);
  r.profile.age = 68;
  const plan p = make(r);
  EXPECT_TRUE(week_at_target(p));
  EXPECT_LE(p.weeks.size(), 20U);
  // Nor rushed: at 68 the volume held before comes back at 15% a week, not 30% (8 -> 30 km by
  // week 4 before), with a lighter week on the way.
  for (std::size_t i = 1; i < p.weeks.size(); ++i) {
    const double before = p.weeks[i - 1].run_total.km();
    if (p.weeks[i].lighter_week || p.weeks[i - 1].lighter_week || before <= 0) continue;
    EXPECT_LE(p.weeks[i].run_total.km(), before * 1.15 + 0.01) << "week " << i + 1;
  }
  EXPECT_GE(*week_at_target(p), 7);
}

TEST(ReturnToVolume, AFullStopRestartsByTimeOff) {
  // Was: gait and tightness protocols restarted at 75% of baseline, 6 x 8.4 km on
  // consecutive days after 3 weeks without running.
  for (const char* c : {"gait-overload", "posterior-chain-tightness"}) {
    plan_request r = request(
        c, 50, 0, severity::moderate,
        {weekday::mon, weekday::tue, weekday::wed, weekday::thu, weekday::fri, weekday::sat});
    r.profile.weeks_off = 3;
    const plan p = make(r);
    const auto first = std::find_if(p.weeks.begin(), p.weeks.end(),
                                    [](const plan_week& w) { return w.run_total.km() > 0; });
    ASSERT_NE(first, p.weeks.end()) << c;
    EXPECT_LE(first->run_total.km(), 0.5 * 50 + 1e-9) << c;
    EXPECT_LE(runs_of(*first).size(), 3U) << c;
  }
}

TEST(ReturnToVolume, NewTerrainComesOneAWeekOnlyNearTheTarget) {
  // Was: hills, trail and speed arrived with the first continuous week, after +84-135%.
  plan_request r =
      request("collateral-ligament-sprain", 80, 0, severity::moderate,
              {weekday::mon, weekday::tue, weekday::wed, weekday::thu, weekday::fri, weekday::sat});
  const plan p = make(r);
  bool road = false, trail = false, hills = false, downhill = false, speed = false;
  double most = 0;  // the most planned in a week so far
  for (const auto& w : p.weeks) {
    int fresh = 0;
    for (const auto* run : runs_of(w)) {
      auto first = [&](bool& seen, bool now) {
        if (now && !seen) {
          seen = true;
          ++fresh;
        }
      };
      first(road, run->where == surface::road);
      first(trail, run->where == surface::trail);
      first(hills, run->hills);
      first(downhill, run->downhill);
      first(speed, run->speed);
    }
    EXPECT_LE(fresh, 1) << "week " << w.number;
    if (fresh > 0) {
      EXPECT_GE(most, 0.9 * 80 - 1e-6) << "week " << w.number;
    }
    most = std::max(most, w.run_total.km());
  }
  EXPECT_TRUE(road && trail && hills && downhill && speed);
}

TEST(ReturnToVolume, LighterWeeksAreLighterNotEmpty) {
  // Was: 4.6 mi, then 1.0 mi, then 4.8 mi; 0 km in another.
  for (const char* c : all_conditions) {
    const plan p = make(request(c, 40, 0));
    for (std::size_t i = 1; i < p.weeks.size(); ++i) {
      if (!p.weeks[i].lighter_week) continue;
      const double before = p.weeks[i - 1].run_total.km();
      const double now = p.weeks[i].run_total.km();
      EXPECT_GE(now, 0.70 * before - 0.1) << c << " week " << p.weeks[i].number;
      EXPECT_LE(now, 0.80 * before + 0.1) << c << " week " << p.weeks[i].number;
    }
  }
}

TEST(ReturnToVolume, LadderStepsNeverGoBackwardsAndTheFirstRunMatchesTheLastStep) {
  // Was: walk/run steps that jumped 300% inside a week and went backwards.
  for (const char* c : all_conditions) {
    const plan p = make(request(c, 30, 0));
    double last_running_min = 0;
    double last_step_running = 0;
    bool continuous_seen = false;
    for (const auto& w : p.weeks) {
      for (const auto* r : runs_of(w)) {
        if (!r->continuous) {
          const auto& i = r->intervals.front();
          const double running = i.repeat * i.run_s / 60.0;
          EXPECT_GE(running, last_running_min - 1e-9) << c << " week " << w.number;
          last_running_min = running;
          last_step_running = running;
        } else if (!continuous_seen) {
          continuous_seen = true;
          if (last_step_running > 0) {
            EXPECT_LE(r->minutes, 1.1 * last_step_running + 0.5) << c << " week " << w.number;
          }
        }
      }
    }
  }
}

TEST(ReturnToVolume, TinyBaselinesStillRunAndEnd) {
  // Hardening item 13: --baseline 1 gave 104 weeks of nothing with contradictory warnings.
  for (double baseline : {0.5, 1.0, 2.3, 3.0, 5.0}) {
    plan_request r = request(
        "patellofemoral-pain", baseline, 0, severity::moderate,
        {weekday::mon, weekday::tue, weekday::wed, weekday::thu, weekday::fri, weekday::sat});
    const plan p = make(r);
    EXPECT_LT(p.weeks.size(), 40U) << baseline;
    EXPECT_TRUE(week_at_target(p)) << baseline;
    EXPECT_FALSE(has_notice(p, notice_code::target_not_reached)) << baseline;
  }
  const plan cartilage = make(request("cartilage-damage", 4, 0));
  EXPECT_TRUE(week_at_target(cartilage));
  const plan one = make(request("patellofemoral-pain", 1, 0));
  EXPECT_TRUE(has_notice(one, notice_code::target_below_min_run));
}

TEST(ReturnToVolume, RunDaysThatCannotCarryTheTargetAreSaid) {
  const plan p = make(request("patellofemoral-pain", 100, 0, severity::moderate, {weekday::sat}));
  ASSERT_TRUE(has_notice(p, notice_code::run_days_cannot_carry_target));
  for (const auto& w : p.weeks) {
    for (const auto* r : runs_of(w)) EXPECT_LE(r->minutes, 150.0 + 1e-6);
  }
  EXPECT_TRUE(week_at_target(p));  // the target it can carry
}

TEST(ReturnToVolume, PainAboveTheHoldThresholdStartsWithoutRunning) {
  plan_request r = request("patellofemoral-pain", 30, 30);
  r.profile.pain = pain_score::from_int(6);
  const plan p = make(r);
  EXPECT_EQ(p.warnings.front().code, notice_code::pain_stops_running);
  for (const auto& w : p.weeks) {
    if (w.phase_id != p.weeks.front().phase_id) break;
    EXPECT_TRUE(runs_of(w).empty()) << "week " << w.number;
  }
}

TEST(ReturnToVolume, ATrainingStateIsPlannedFromLikeTheProfile) {
  // The planner reads a training state; the profile's is built by training_state_from_profile.
  plan_request r = request("patellofemoral-pain", 30, 15);
  const plan from_profile = make(r);
  r.state = training_state_from_profile(r.profile, *r.profile.start);
  const plan from_state = make(r);
  ASSERT_EQ(from_profile.weeks.size(), from_state.weeks.size());
  for (std::size_t i = 0; i < from_state.weeks.size(); ++i) {
    EXPECT_DOUBLE_EQ(from_profile.weeks[i].run_total.km(), from_state.weeks[i].run_total.km());
  }
  // Logged long runs raise what the spike rule allows; none at all restarts.
  plan_request stopped = request("patellofemoral-pain", 30, 15);
  stopped.state = training_state{};
  stopped.state->days_since_normal_running = 60;
  const plan restart = make(stopped);
  EXPECT_LT(restart.weeks[0].run_total.km() + restart.weeks[1].run_total.km(),
            from_state.weeks[0].run_total.km() + from_state.weeks[1].run_total.km());
}

/// A profile planner_audit_property_test found, as RapidCheck shrinks them: age 16, no
/// prior injuries, pain 0 unless set, the test's dates (today 2027-06-01, start 2026-06-01).
struct shrunk_case {
  std::string protocol;
  severity level = severity::moderate;
  double baseline = 0;
  double current = 0;
  double target = 0;
  std::vector<weekday> days;
  int pace_s = 390;
  int prior = 0;
  int pain = 0;
};

plan_request request_of(const shrunk_case& c) {
  plan_request r;
  r.protocol_id = c.protocol;
  r.today = date::from_ymd(2027, 6, 1);
  r.profile.start = date::from_ymd(2026, 6, 1);
  r.profile.level = c.level;
  r.profile.baseline = distance::from_km(c.baseline);
  r.profile.current = distance::from_km(c.current);
  r.profile.target = distance::from_km(c.target);
  r.profile.run_days = c.days;
  r.profile.easy_pace = pace::from_seconds_per_km(c.pace_s);
  r.profile.age = 16;
  r.profile.prior_injuries = c.prior;
  r.profile.pain = pain_score::from_int(c.pain);
  return r;
}

/// audit_plan's findings for the plan of `c`, one line each: empty when it keeps every rule.
std::vector<std::string> audit_lines(const shrunk_case& c) {
  const plan_request r = request_of(c);
  return testing::finding_lines(audit_plan(shipped_catalogue(), r, make(r)));
}

std::string first_of(const std::vector<std::string>& lines) {
  return lines.empty() ? std::string() : lines.front();
}

TEST(ReturnToVolume, ALighterWeekIsSkippedOnlyForAWeekThatReallyReachesTheTarget) {
  // Was: the lighter week was skipped for a build week whose volume reached the target only
  // before its runs were rounded down to 10 m (21.77 km for 22, the 1% edge 21.78) or by
  // floating-point noise (3 x 6.6 km = 19.7999... for 20): a 4th build week in a row. The
  // plan now checks the week as planned, and rounding hands its 10 m back where it can.
  const std::vector<weekday> mon_to_thu = {weekday::mon, weekday::tue, weekday::wed, weekday::thu};
  const std::vector<weekday> mon_tue_thu = {weekday::mon, weekday::tue, weekday::thu};
  const shrunk_case cases[] = {
      {"hamstring-tendinopathy-rehab", severity::mild, 18, 0, 22, mon_to_thu, 196},
      {"knee-bursitis-rehab", severity::severe, 18, 0, 20, mon_tue_thu, 191},
      {"collateral-ligament-sprain-rehab", severity::moderate, 11, 0, 22, {weekday::mon}, 412, 1},
  };
  for (const shrunk_case& c : cases) {
    EXPECT_TRUE(audit_lines(c).empty()) << c.protocol << ": " << first_of(audit_lines(c));
  }
  // The 22 km target is reached in week 9 (19.80 km grown by 10% is 21.78), not put off by a
  // lighter week for 10 m.
  const plan p = make(request_of(cases[0]));
  EXPECT_EQ(weeks_to_target(p), 9);
}

TEST(ReturnToVolume, AfterAPainHoldTheRunnerRestartsAsOneWhoStopped) {
  // A runner holding one 30-minute run a week under pain monitoring (pain 3-4) restarts, the
  // week the pain lets go, as a runner who had stopped: at the next phase's start fraction,
  // in up to 3 runs. Was: 2 runs, then 3, and the runner who ran more reached the target a
  // week or more later than one who had stopped (rule 8): 10 weeks against 7
  // (posterior-chain tightness, seed 6002) and 14 against 10.
  const std::vector<weekday> mon_tue_thu = {weekday::mon, weekday::tue, weekday::thu};
  const shrunk_case cases[] = {
      {"hamstring-tendinopathy-rehab", severity::severe, 47, 9, 47, mon_tue_thu, 200, 0, 4},
      {"patellofemoral-pain-rehab", severity::severe, 28, 8, 28, mon_tue_thu, 225, 0, 3},
      {"gait-overload-rehab", severity::moderate, 12, 5, 12, mon_tue_thu, 360, 0, 4},
      {"posterior-chain-tightness-rehab", severity::moderate, 35, 6, 35, mon_tue_thu, 333, 0, 4},
      {"posterior-chain-tightness-rehab", severity::moderate, 56, 6, 56, mon_tue_thu, 300, 0, 4},
  };
  for (const shrunk_case& c : cases) {
    EXPECT_TRUE(audit_lines(c).empty()) << c.protocol << ": " << first_of(audit_lines(c));
    const plan p = make(request_of(c));
    std::size_t restarts = 0;
    for (std::size_t i = 1; i < p.weeks.size(); ++i) {
      const auto before = runs_of(p.weeks[i - 1]).size();
      const auto now = runs_of(p.weeks[i]).size();
      if (before == 0 || now <= before + 1) continue;
      // Only the week the held phase ends, and only to the 3 runs of a restart.
      EXPECT_NE(p.weeks[i].phase_id, p.weeks[i - 1].phase_id) << c.protocol << " week " << i + 1;
      EXPECT_EQ(now, 3U) << c.protocol << " week " << i + 1;
      ++restarts;
    }
    EXPECT_LE(restarts, 1U) << c.protocol;
    shrunk_case stopped = c;
    stopped.current = 0;
    EXPECT_LE(weeks_to_target(p).value_or(1000),
              weeks_to_target(make(request_of(stopped))).value_or(999))
        << c.protocol;
  }
}

/// A profile (`more`) and the same with less current running: the one that runs more reaches
/// the target no later (rule 8), and its plan keeps every rule.
struct pair_case {
  shrunk_case more;
  double less = 0;
};

void expect_more_running_never_slower(const pair_case& c) {
  shrunk_case less = c.more;
  less.current = c.less;
  const auto with_more = weeks_to_target(make(request_of(c.more)));
  const auto with_less = weeks_to_target(make(request_of(less)));
  ASSERT_TRUE(with_more && with_less) << c.more.protocol;
  EXPECT_LE(*with_more, *with_less) << c.more.protocol << " current " << c.more.current;
  EXPECT_TRUE(audit_lines(c.more).empty())
      << c.more.protocol << ": " << first_of(audit_lines(c.more));
}

TEST(ReturnToVolume, WhatABoundedRunCannotCarryGoesToTheWeeksOtherRuns) {
  // Was: when the spike rule held a week's first runs short, the rest of the week went to the
  // last run only if all of it fitted under the last run's bound, and to no earlier run; the
  // runner who ran more, whose runs now are even, fell short of the target by a few hundred
  // metres and took a lighter week that the runner who ran less skipped: 7 weeks against 4
  // (seed 6009), 7 against 4 (seed 6038).
  const std::vector<weekday> mon_tue_thu = {weekday::mon, weekday::tue, weekday::thu};
  const std::vector<weekday> mon_tue_fri = {weekday::mon, weekday::tue, weekday::fri};
  const pair_case cases[] = {
      {{"hamstring-tendinopathy-rehab", severity::severe, 39, 16, 39, mon_tue_thu, 355, 0, 0}, 8},
      {{"popliteus-tendinopathy-rehab", severity::moderate, 71, 32, 71, mon_tue_fri, 371, 0, 0},
       28},
      // Was 4 weeks against 3 (seed 6079): equal runs left the last run of week 1 longer for
      // the runner whose history held the first run back. A build week's runs now rise.
      {{"popliteus-tendinopathy-rehab", severity::moderate, 60, 26, 51, mon_tue_thu, 213, 0, 0}, 9},
      // Was 4 weeks against 3: with 4 runs, a long run held at 110% of the others' first
      // share stayed there when the others grew to carry the week.
      {{"popliteus-tendinopathy-rehab", severity::moderate, 60, 27, 51, mon_tue_wed_fri, 201, 0, 0},
       9},
  };
  for (const pair_case& c : cases) expect_more_running_never_slower(c);
  // Week 4 with current 28 reaches the target: the first run is held at 23.04 km by the 20.95
  // km before it, the last at the longest run the pace allows (150 minutes, 24.25 km), and
  // the second takes what the last could not.
  shrunk_case less = cases[1].more;
  less.current = 28;
  const plan p = make(request_of(less));
  std::vector<double> week4;
  for (const auto* r : runs_of(p.weeks[3])) week4.push_back(r->run.km());
  ASSERT_EQ(week4.size(), 3U);
  EXPECT_NEAR(week4[0], 23.04, 0.005);
  EXPECT_NEAR(week4[1], 23.71, 0.005);
  EXPECT_NEAR(week4[2], 24.25, 0.005);
  EXPECT_EQ(weeks_to_target(p), 4);
}

TEST(ReturnToVolume, APainHoldKeepsTheLongestRunTheRunnerRunsNow) {
  // Was: a runner holding one 30-minute run a week (and a few hundred metres more) under pain
  // monitoring was held at two runs of half of it; the spike rule then kept the build after
  // the hold below the restart of a runner who had stopped: 12 weeks to the target against
  // 11 with less running, 15 against 11, 16 against 11. Now the held week keeps the longest
  // run and the runner who runs more is never slower.
  const std::vector<weekday> thu_fri = {weekday::thu, weekday::fri};
  const std::vector<weekday> mon_tue = {weekday::mon, weekday::tue};
  const pair_case cases[] = {
      {{"patellofemoral-pain-rehab", severity::severe, 21, 8, 21, thu_fri, 227, 0, 3}, 5},
      {{"gait-overload-rehab", severity::moderate, 26, 8, 26, mon_tue, 227, 0, 4}, 4},
      {{"patellofemoral-pain-rehab", severity::moderate, 41, 11, 41, mon_tue, 180, 0, 3}, 0},
      // Was 6 weeks against 5: the runner at 7 km (a 30-minute run and 1 km) was held at one
      // run of 6.6 km, longer than any run now, and so built faster than one at 9 km.
      {{"gait-overload-rehab", severity::mild, 29, 9, 14, mon_tue, 301, 0, 4}, 7},
      // Was 10 weeks against 8: four held runs cut the longest to the long run's 30% share.
      {{"patellofemoral-pain-rehab", severity::mild, 78, 30, 78, mon_tue_wed_fri, 181, 0, 3}, 25},
  };
  for (const pair_case& c : cases) expect_more_running_never_slower(c);
  // The held weeks of the first: one run, the runner's 30-minute run of 7.92 km, not two of 4
  // (the 80 m left of the week is no run of its own).
  const plan p = make(request_of(cases[0].more));
  EXPECT_EQ(runs_of(p.weeks[0]).size(), 1U);
  EXPECT_NEAR(p.weeks[0].run_total.km(), 7.92, 0.01);
}

/// The return-to-volume period of docs/plan-rules.md, "Timelines and the plans": through a
/// walk/run ladder, the ladder at its quickest (two steps a week) and an 8-week staged return;
/// without one, 4 weeks after a break of up to 4 weeks (the plan weeks before the first
/// continuous run), else 8.
int return_period_weeks(const protocol& proto, const plan& p) {
  for (const phase& ph : proto.phases) {
    if (ph.running.mode != running_mode::walk_run) continue;
    const walk_run_ladder* ladder = shipped_catalogue().find_ladder(ph.running.ladder_id);
    return (static_cast<int>(ladder->steps.size()) + 1) / 2 + 8;
  }
  for (const plan_week& w : p.weeks) {
    for (const run_session* r : runs_of(w)) {
      if (r->continuous) return w.number - 1 <= 4 ? 4 : 8;
    }
  }
  return 8;
}

TEST(ReturnToVolume, AWeekTooSmallForALighterOneHoldsInItsPlace) {
  // Was (seed 6241): mild 16 weeks to the target, moderate 15. One run a week, baseline 6 km,
  // target 9: the moderate grade's week 6 (5.2 km) could not be cut 20% above the 15-minute
  // run (4.33 km at 3:28/km), so it built on and took its lighter week a week later. Now the
  // week holds 5.2 km in its place, and the build loses the week a lighter week costs.
  shrunk_case c{
      "posterior-chain-tightness-rehab", severity::mild, 6, 0, 9, {weekday::mon}, 208, 0, 0};
  std::optional<int> weeks[3];
  for (const severity level : {severity::mild, severity::moderate, severity::severe}) {
    c.level = level;
    const plan p = make(request_of(c));
    EXPECT_TRUE(audit_lines(c).empty()) << to_string(level) << ": " << first_of(audit_lines(c));
    weeks[static_cast<int>(level)] = weeks_to_target(p);
    if (level == severity::moderate) {
      EXPECT_NEAR(p.weeks[5].run_total.km(), 5.2, 0.05);
      EXPECT_NEAR(p.weeks[6].run_total.km(), 5.2, 0.05);
      EXPECT_FALSE(p.weeks[5].lighter_week);
    }
  }
  ASSERT_TRUE(weeks[0] && weeks[1] && weeks[2]);
  EXPECT_LE(*weeks[0], *weeks[1]);
  EXPECT_LE(*weeks[1], *weeks[2]);
  // The audit takes such a week for the lighter week it stands for (seeds 6324 and 6333 found
  // "the 4th build week in a row" after one, before the audit knew).
  const std::vector<weekday> mon_tue = {weekday::mon, weekday::tue};
  for (const shrunk_case& tiny : {shrunk_case{"posterior-chain-tightness-rehab", severity::mild, 5,
                                              0, 10, mon_tue, 274, 0, 0},
                                  shrunk_case{"hamstring-tendinopathy-rehab", severity::severe, 5,
                                              0, 8, mon_tue, 363, 0, 0}}) {
    EXPECT_TRUE(audit_lines(tiny).empty()) << tiny.protocol << ": " << first_of(audit_lines(tiny));
  }
}

std::string sweep_profile(const plan_request& r) {
  const auto& p = r.profile;
  return r.protocol_id + " " + std::string(to_string(p.level)) + " current " +
         std::to_string(static_cast<int>(p.current.km())) + " of " +
         std::to_string(static_cast<int>(p.baseline.km())) + " km, " +
         std::to_string(p.run_days.size()) + " run days, pain " + std::to_string(p.pain.value());
}

TEST(ReturnToVolume, MoreRunningAndMilderGradesAreNeverSlowerOverASweep) {
  // Rule 8 for every shipped protocol, deterministically: current running 0 to 25 km in steps
  // of 3, every severity, 3 and 5 run days, free of pain and in the hold zones (pain 4). Before
  // the fixes of its seed-found profiles, the same sweep with 2 km steps over four baselines
  // (plan_audit_report --monotone) found 189 breaks, all of them in more current running.
  const catalogue& cat = shipped_catalogue();
  const std::vector<weekday> five = {weekday::mon, weekday::tue, weekday::thu, weekday::sat,
                                     weekday::sun};
  int plans = 0;
  for (const protocol& proto : cat.protocols()) {
    for (const auto& days :
         {std::vector<weekday>{weekday::mon, weekday::wed, weekday::fri}, five}) {
      for (const int pain : {0, 4}) {
        plan_request r = request("", 25, 0, severity::mild, days);
        r.protocol_id = proto.id;
        r.profile.age = 17;
        r.profile.pain = pain_score::from_int(pain);
        const auto breaks = testing::monotone_breaks(cat, r, 3, sweep_profile, plans);
        EXPECT_TRUE(breaks.empty()) << breaks.front() << " (" << breaks.size() << " in all)";
      }
    }
  }
  EXPECT_EQ(plans, 13 * 2 * 2 * 9 * 3);
}

TEST(ReturnToVolume, EveryConditionReachesItsTargetWithinTimelinePlusReturnPeriod) {
  // Rule 8: a runner who stopped, with 4 run days, reaches the target within the condition's
  // timeline for the severity plus the return-to-volume period.
  for (const condition& c : shipped_catalogue().conditions()) {
    if (!c.protocol_id) continue;
    const protocol& proto = *shipped_catalogue().find_protocol(*c.protocol_id);
    for (const severity level : {severity::mild, severity::moderate, severity::severe}) {
      const plan p = make(request(c.id, 30, 0, level));
      const auto reached = weeks_to_target(p);
      ASSERT_TRUE(reached) << c.id << " " << to_string(level);
      const int limit = timeline_for(c, level).max_weeks + return_period_weeks(proto, p);
      EXPECT_LE(*reached, limit) << c.id << " " << to_string(level);
    }
  }
}

}  // namespace
}  // namespace kneerehab
