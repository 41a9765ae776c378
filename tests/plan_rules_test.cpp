// audit_plan (kneerehab/plan/audit.hpp, docs/plan-rules.md) proves it can fail: a plan built
// by hand that keeps every rule audits empty, and for every audit rule a copy broken in
// exactly that way gives findings of that rule only, in the week it is in, with words that
// say what is wrong (a check that cannot fail proves nothing).
#include "kneerehab/plan/audit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "kneerehab/core/error.hpp"
#include "planner_fixtures.hpp"

namespace kneerehab {
namespace {

using testing::fixture_content;
using testing::make_exercise;
using testing::make_phase;
using testing::pain_gate;
using testing::prescribe;
using testing::reps;

constexpr double seconds_per_km = 360;  // 6:00 per km: 2.5 km is a 15-minute run
const char* const warm_up_text = "Warm up with leg swings before every run.";

// Fields other work adds to the model: set when they exist (see audit.hpp, is_checked).
template <typename Run>
void set_downhill(Run& run) {
  if constexpr (requires { run.downhill; }) run.downhill = true;
}
template <typename Load>
void set_downhill_last(Load& load) {
  if constexpr (requires { load.downhill_last; }) load.downhill_last = true;
}
template <typename Load>
void set_regain_weekly_increase(Load& load, double rate) {
  if constexpr (requires { load.regain_weekly_increase; }) load.regain_weekly_increase = rate;
}

/// Two steps: 5 x (1 min walk / 2 min run), then a continuous 15 minutes.
walk_run_ladder audit_ladder() {
  return {"audit-ladder", "Audit ladder", "test", {{60, 120, 5}, {0, 900, 1}}};
}

/// Rest (no running), a walk/run ladder, a continuous build (up to road), then the return
/// (trail, hills, speed). Default load and pain rules.
protocol audit_protocol() {
  protocol p;
  p.id = "audit-fixture";
  p.name = "Audit fixture protocol";
  p.condition_id = "hamstring-tendinopathy";
  p.summary = "Test protocol";
  p.sources = {"test"};
  // The hand-built plan regains held volume at up to 30% a week (the shipped default).
  p.load.regain_weekly_increase = 0.30;
  p.advice = {{advice_topic::warm_up, warm_up_text},
              {advice_topic::cool_down, "Walk five minutes after every run."}};
  phase rest = make_phase("rest", 1, 2, running_rule{});
  rest.barred_exercises = {"nordic-hamstring-curl", "single-leg-hop"};
  rest.prescriptions = {prescribe("glute-bridge", reps(3, 10, 3)),
                        prescribe("wall-sit", testing::hold(5, 45, 7)),
                        prescribe("hamstring-stretch", testing::hold(3, 30, 7))};
  phase ladder = make_phase(
      "ladder", 2, 3,
      running_rule{running_mode::walk_run, "audit-ladder", 0.5, surface::flat, false, false});
  ladder.entry_criteria = {pain_gate()};
  ladder.barred_exercises = {"nordic-hamstring-curl"};
  ladder.prescriptions = {prescribe("glute-bridge", reps(3, 12, 3)),
                          prescribe("calf-stretch", testing::hold(3, 30, 7))};
  phase build = make_phase(
      "build", 3, 8, running_rule{running_mode::continuous, "", 0.5, surface::road, false, false});
  build.entry_criteria = {pain_gate()};
  build.prescriptions = {prescribe("single-leg-glute-bridge", reps(3, 10, 3))};
  phase back = make_phase(
      "return", 2, 6, running_rule{running_mode::continuous, "", 0.5, surface::trail, true, true});
  back.entry_criteria = {pain_gate()};
  back.prescriptions = {prescribe("single-leg-glute-bridge", reps(3, 12, 3)),
                        prescribe("leg-swing", reps(1, 10, 7))};
  p.phases = {rest, ladder, build, back};
  return p;
}

catalogue audit_catalogue(const std::function<void(protocol&)>& change = {}) {
  auto content = fixture_content();
  content.exercises.push_back(make_exercise("single-leg-hop", "Single-leg hop",
                                            exercise_category::plyometric, load_level::high,
                                            {"quadriceps", "gastrocnemius"}, reps(3, 10, 2)));
  content.ladders.push_back(audit_ladder());
  protocol p = audit_protocol();
  if (change) change(p);
  content.protocols.push_back(p);
  return catalogue(content);
}

plan_request audit_request() {
  plan_request r;
  r.protocol_id = "audit-fixture";
  r.today = date::from_ymd(2027, 1, 1);
  r.profile.start = date::from_ymd(2027, 1, 4);  // a Monday
  r.profile.baseline = distance::from_km(16);
  r.profile.current = distance::from_km(0);
  r.profile.run_days = {weekday::mon, weekday::tue, weekday::wed, weekday::thu,
                        weekday::fri, weekday::sat, weekday::sun};
  r.profile.easy_pace = pace::from_seconds_per_km(seconds_per_km);
  r.profile.age = 35;
  return r;
}

// A week written as data: its phase, whether it is lighter, and its runs.
enum class kind { run, step_a, step_b };
struct run_spec {
  int day = 0;  ///< 0 = Monday
  double km = 0;
  kind k = kind::run;
  surface where = surface::flat;
  bool hills = false;
  bool speed = false;
  bool long_run = false;
  double minutes = -1;  ///< -1: at the easy pace
};
struct week_spec {
  std::string phase;
  bool lighter = false;
  std::vector<run_spec> runs;
};

run_spec R(int day, double km) { return {day, km}; }
run_spec L(int day, double km) { return {day, km, kind::run, surface::flat, false, false, true}; }
run_spec A(int day) { return {day, 0, kind::step_a}; }
run_spec B(int day) { return {day, 0, kind::step_b}; }
run_spec on(run_spec r, surface s) {
  r.where = s;
  return r;
}
run_spec with_hills(run_spec r) {
  r.hills = true;
  return r;
}
run_spec with_speed(run_spec r) {
  r.speed = true;
  return r;
}

/// A plan that keeps every rule: the ladder in weeks 2-3, a build with a lighter week 7 that
/// reaches the 16 km target in week 10, holds it in week 11 (bringing road), then trail, hills
/// and speed one a week, and ends.
std::vector<week_spec> clean_weeks() {
  return {
      {"rest", false, {}},
      {"ladder", false, {A(0), A(2), B(4)}},
      {"ladder", false, {B(0), B(2), B(4)}},
      {"build", false, {R(0, 2.5), R(2, 2.5), R(4, 2.5)}},
      {"build", false, {R(0, 2.75), R(2, 2.75), R(4, 3.0)}},
      {"build", false, {R(0, 2.6), R(2, 2.6), R(4, 2.6), L(6, 3.2)}},
      {"build", true, {R(0, 2.75), R(2, 2.75), R(4, 2.75)}},
      {"build", false, {R(0, 2.6), R(2, 2.6), R(4, 2.6), L(6, 3.2)}},
      {"build", false, {R(0, 3.45), R(2, 3.45), R(4, 3.45), L(6, 3.75)}},
      {"build", false, {R(0, 4.0), R(2, 4.0), R(4, 4.0), R(6, 4.0)}},
      {"return", false, {on(R(0, 3.9), surface::road), R(2, 3.9), R(4, 3.9), L(6, 4.3)}},
      {"return", false, {on(R(0, 3.9), surface::trail), R(2, 3.9), R(4, 3.9), L(6, 4.3)}},
      {"return", false, {R(0, 3.9), with_hills(R(2, 3.9)), R(4, 3.9), L(6, 4.3)}},
      {"return", false, {with_speed(R(0, 3.9)), R(2, 3.9), R(4, 3.9), L(6, 4.3)}},
  };
}

session run_session_for(const run_spec& spec, const walk_run_ladder& ladder) {
  session s;
  run_session r;
  if (spec.k == kind::run) {
    s.type = session_type::run;
    r.run = distance::from_km(spec.km);
    r.minutes = spec.minutes >= 0 ? spec.minutes : spec.km * seconds_per_km / 60.0;
    r.continuous = true;
  } else {
    const interval_step& step = ladder.steps[spec.k == kind::step_a ? 0 : 1];
    s.type = session_type::walk_run;
    const double running = step.repeats * step.run_s / 60.0;
    r.run = distance::from_km(running * 60.0 / seconds_per_km);
    r.minutes = step.repeats * (step.walk_s + step.run_s) / 60.0;
    r.continuous = false;
    r.intervals = {{step.walk_s, step.run_s, step.repeats}};
  }
  r.where = spec.where;
  r.hills = spec.hills;
  r.speed = spec.speed;
  r.long_run = spec.long_run;
  s.run = r;
  s.notes = {session_note(note_code::warm_up, warm_up_text)};
  return s;
}

plan build_plan(const catalogue& cat, const std::vector<week_spec>& specs) {
  const protocol& proto = *cat.find_protocol("audit-fixture");
  const walk_run_ladder& ladder = *cat.find_ladder("audit-ladder");
  const date start = date::from_ymd(2027, 1, 4);
  std::vector<plan_week> weeks;
  std::string last_phase;
  int in_phase = 0;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const week_spec& spec = specs[i];
    const phase* ph = nullptr;
    for (const auto& candidate : proto.phases) {
      if (candidate.id == spec.phase) ph = &candidate;
    }
    in_phase = spec.phase == last_phase ? in_phase + 1 : 1;
    last_phase = spec.phase;
    const date s = start.plus_days(static_cast<int>(i) * 7);
    plan_week w{
        .number = static_cast<int>(i) + 1,
        .start = s,
        .phase_id = ph->id,
        .phase_name = ph->name,
        .week_in_phase = in_phase,
        .checkpoint = in_phase == 1 ? ph->entry_criteria : std::vector<entry_criterion>{},
        .run_total = {},
        .run_cap = {},
        .lighter_week = spec.lighter,
        .days = {plan_day{s, {}}, plan_day{s.plus_days(1), {}}, plan_day{s.plus_days(2), {}},
                 plan_day{s.plus_days(3), {}}, plan_day{s.plus_days(4), {}},
                 plan_day{s.plus_days(5), {}}, plan_day{s.plus_days(6), {}}}};
    session strength;
    strength.type = session_type::strength;
    for (const auto& pr : ph->prescriptions) {
      strength.exercises.emplace_back(pr.exercise_id, cat.find_exercise(pr.exercise_id)->name,
                                      pr.dose);
    }
    strength.minutes = 20;
    w.days[1].sessions.push_back(strength);  // Tuesday
    double km = 0;
    for (const run_spec& r : spec.runs) {
      session run = run_session_for(r, ladder);
      km += run.run->run.km();
      w.days[static_cast<std::size_t>(r.day)].sessions.push_back(std::move(run));
    }
    for (auto& d : w.days) {
      if (d.sessions.empty()) d.sessions.push_back(session{});  // rest
    }
    w.run_total = distance::from_km(km);
    w.run_cap = w.run_total;
    weeks.push_back(std::move(w));
  }
  const int days = static_cast<int>(weeks.size()) * 7;
  return plan{.condition_id = "hamstring-tendinopathy",
              .condition_name = "Distal hamstring tendinopathy",
              .protocol_id = proto.id,
              .protocol_name = proto.name,
              .start = start,
              .end = start.plus_days(days - 1),
              .weeks = std::move(weeks),
              .warnings = {},
              .advice = {},
              .sources = proto.sources,
              .baseline = distance::from_km(16),
              .target = distance::from_km(16),
              .easy_pace = pace::from_seconds_per_km(seconds_per_km),
              .pain = proto.pain};
}

session* first_of(plan_day& day, session_type type) {
  for (auto& s : day.sessions) {
    if (s.type == type) return &s;
  }
  return nullptr;
}

class audit : public ::testing::Test {
 protected:
  catalogue cat = audit_catalogue();
  plan_request request = audit_request();
  std::vector<week_spec> weeks = clean_weeks();
  std::function<void(plan&)> edit;  ///< a change to the built plan, if any
  audit_options options;

  week_spec& week(int number) { return weeks[static_cast<std::size_t>(number - 1)]; }

  [[nodiscard]] plan made() const {
    plan p = build_plan(cat, weeks);
    if (edit) edit(p);
    return p;
  }
  [[nodiscard]] std::vector<audit_finding> findings() const {
    return audit_plan(cat, request, made(), options);
  }

  /// Every finding is of `rule`; the first is in `week` (0: the plan as a whole), says so at
  /// its start, and holds `words`.
  void expect_only(audit_rule rule, int week_number, const std::string& words,
                   std::optional<date> day = std::nullopt) const {
    const auto found = findings();
    ASSERT_FALSE(found.empty()) << "no finding; expected " << to_string(rule);
    for (const auto& f : found) {
      EXPECT_EQ(f.rule, rule) << to_string(f.rule) << ": " << f.message;
    }
    const audit_finding& f = found.front();
    EXPECT_EQ(f.week, week_number) << f.message;
    EXPECT_NE(f.message.find(words), std::string::npos) << f.message;
    if (week_number > 0) {
      EXPECT_EQ(f.message.rfind("week " + std::to_string(week_number), 0), 0u) << f.message;
    }
    if (day) {
      ASSERT_TRUE(f.day.has_value()) << f.message;
      EXPECT_EQ(*f.day, *day) << f.message;
      EXPECT_NE(f.message.find(day->iso()), std::string::npos) << f.message;
    }
  }
};

date plan_day_date(int week_number, int day) {
  return date::from_ymd(2027, 1, 4).plus_days((week_number - 1) * 7 + day);
}

// The baseline every other test breaks: the hand-built plan keeps every rule.

TEST_F(audit, the_hand_built_plan_keeps_every_rule) {
  const auto found = findings();
  EXPECT_TRUE(found.empty()) << testing::finding_lines(found).front();
  EXPECT_EQ(weeks_to_target(made()), 10);
}

// The plan's shape.

TEST_F(audit, a_gap_between_weeks_breaks_calendar) {
  edit = [](plan& p) { p.weeks[1].start = p.weeks[1].start.plus_days(1); };
  expect_only(audit_rule::calendar, 2, "should start on 2027-01-11");
}

TEST_F(audit, a_run_total_that_does_not_add_up_breaks_calendar) {
  edit = [](plan& p) { p.weeks[4].run_total = distance::from_km(9); };
  expect_only(audit_rule::calendar, 5, "run_total is 9 km but its runs add up to 8.5 km");
}

// Rule 1.

TEST_F(audit, running_in_the_rest_phase_breaks_running_allowed) {
  week(1).runs = {R(2, 2.5), R(4, 2.5)};
  expect_only(audit_rule::running_allowed, 1,
              "a 2.5 km run in phase 'Phase rest' (rest), before the protocol's first phase that "
              "allows running ('Phase ladder')",
              plan_day_date(1, 2));
}

TEST_F(audit, a_run_on_a_day_that_is_no_run_day_breaks_run_day) {
  request.profile.run_days = {weekday::mon, weekday::tue, weekday::wed,
                              weekday::thu, weekday::sat, weekday::sun};
  expect_only(audit_rule::run_day, 2,
              "a run on fri, which is not one of the runner's run days (mon, tue, wed, thu, sat, "
              "sun)",
              plan_day_date(2, 4));
}

TEST_F(audit, speed_work_where_the_phase_allows_none_breaks_run_kind_allowed) {
  cat = audit_catalogue([](protocol& p) { p.phases[3].running.speed = false; });
  expect_only(audit_rule::run_kind_allowed, 14,
              "a run with speed work (the phase allows none) in phase 'Phase return'",
              plan_day_date(14, 0));
}

TEST_F(audit, trail_where_the_phase_allows_road_breaks_run_kind_allowed) {
  cat = audit_catalogue([](protocol& p) { p.phases[3].running.max_surface = surface::road; });
  expect_only(audit_rule::run_kind_allowed, 12, "on trail ground (the phase allows road at most)",
              plan_day_date(12, 0));
}

// Rule 2: the walk/run ladder.

TEST_F(audit, walk_run_sessions_on_consecutive_days_break_ladder_rest_day) {
  week(2).runs = {A(0), A(1), B(4)};
  expect_only(audit_rule::ladder_rest_day, 2,
              "a walk-run session the day after a walk-run session on Mon 2027-01-11",
              plan_day_date(2, 1));
}

TEST_F(audit, more_ladder_runs_than_the_protocol_allows_break_ladder_runs_per_week) {
  cat = audit_catalogue([](protocol& p) { p.load.max_runs_per_week = 2; });
  expect_only(audit_rule::ladder_runs_per_week, 2,
              "3 runs in a week of the walk/run ladder; at most 2");
}

TEST_F(audit, a_step_done_once_breaks_ladder_step_repeats) {
  week(2).runs = {A(0), B(2), B(4)};
  expect_only(audit_rule::ladder_step_repeats, 2,
              "step 1 of 2 of ladder 'audit-ladder' (5 x (1 min walk / 2 min run)) is done once "
              "before moving on; each step is done at least 2 times",
              plan_day_date(2, 0));
}

TEST_F(audit, continuous_running_before_the_last_step_breaks_ladder_step_repeats) {
  week(2).runs = {A(0), A(2), A(4)};
  week(3).runs = {A(0), A(2), A(4)};
  // After a ladder of 10-minute runs, a spike rule and a shortest run that let 12-minute runs
  // follow, and a plan cut short that says so: only the skipped step is wrong.
  week(4).runs = {R(0, 2.0), R(2, 2.0), R(4, 2.0)};
  weeks.resize(4);
  request.weeks = 4;
  edit = [](plan& p) { p.warnings.emplace_back(notice_code::target_not_reached); };
  cat = audit_catalogue([](protocol& p) { p.load.spike_ratio = 1.3; });
  options.min_run_minutes = 12;
  expect_only(audit_rule::ladder_step_repeats, 3,
              "continuous running follows step 1 of 2 of ladder 'audit-ladder' (5 x (1 min walk / "
              "2 min run)): the ladder's steps 2 to 2 are done 0 times",
              plan_day_date(3, 4));
}

TEST_F(audit, two_new_steps_where_one_is_allowed_break_ladder_steps_per_week) {
  cat = audit_catalogue([](protocol& p) { p.load.max_ladder_steps_per_week = 1; });
  expect_only(audit_rule::ladder_steps_per_week, 2,
              "2 new ladder steps start in 7 days (Mon 2027-01-11, Fri 2027-01-15); at most 1",
              plan_day_date(2, 4));
}

TEST_F(audit, going_back_a_step_breaks_ladder_order) {
  week(3).runs = {B(0), A(2), A(4)};
  expect_only(audit_rule::ladder_order, 3,
              "the ladder goes back from step 2 to step 1 of 2 of ladder 'audit-ladder'",
              plan_day_date(3, 2));
}

TEST_F(audit, a_session_that_is_no_step_of_the_ladder_breaks_ladder_order) {
  edit = [](plan& p) { p.weeks[2].days[4].sessions.back().run->intervals = {{90, 60, 10}}; };
  expect_only(audit_rule::ladder_order, 3,
              "a walk-run session of 10 x (90 s walk / 60 s run) is not a step of ladder "
              "'audit-ladder'",
              plan_day_date(3, 4));
}

TEST_F(audit, ladder_sessions_in_the_build_phase_break_ladder_fits_phase) {
  week(3).phase = "build";
  expect_only(audit_rule::ladder_fits_phase, 3,
              "3 walk-run session(s) in phase 'Phase build' (build) (continuous running): a phase "
              "with a ladder lasts until its ladder is done");
}

TEST_F(audit, a_first_continuous_run_too_long_breaks_first_continuous_run) {
  // A looser spike rule, so that only rule 2's limit on the first run is broken.
  cat = audit_catalogue([](protocol& p) { p.load.spike_ratio = 1.2; });
  week(4).runs = {R(0, 2.8), R(2, 2.5), R(4, 2.5)};
  expect_only(audit_rule::first_continuous_run, 4,
              "the first continuous run after the walk/run ladder is 16.8 min; at most 16.5 min "
              "(the last step of ladder 'audit-ladder' runs 15 min, plus 10%)",
              plan_day_date(4, 0));
}

// Rule 3: continuous running.

TEST_F(audit, a_run_over_110_percent_of_the_longest_breaks_single_run_spike) {
  week(5).runs = {R(0, 2.75), R(2, 2.75), R(4, 3.2)};
  expect_only(audit_rule::single_run_spike, 5,
              "a run of 3.2 km (19.2 min) is 116.4% of the longest by distance (2.75 km on Mon "
              "2027-02-01; at most 3.03 km)",
              plan_day_date(5, 4));
}

TEST_F(audit, a_run_over_110_percent_of_the_longest_in_minutes_breaks_single_run_spike) {
  run_spec slow = R(4, 3.0);
  slow.minutes = 20;
  week(5).runs = {R(0, 2.75), R(2, 2.75), slow};
  expect_only(audit_rule::single_run_spike, 5,
              "is 121.2% of the longest by minutes (16.5 min on Mon 2027-02-01; at most 18.2 min)",
              plan_day_date(5, 4));
}

TEST_F(audit, a_week_up_more_than_the_regain_rate_breaks_weekly_increase) {
  week(9).runs = {R(0, 3.52), R(2, 3.52), R(4, 3.52), L(6, 3.8)};
  expect_only(audit_rule::weekly_increase, 9,
              "14.36 km is 30.5% more than the 11 km of week 8; at most 14.3 km (up to 30% a week "
              "while below the pre-injury 16 km, 10% beyond it)");
}

TEST_F(audit, an_older_runner_regains_held_volume_at_the_slower_rate) {
  // Age 50+ (or prior injuries): held volume comes back as much slower as new volume is built,
  // 30% x 5/10 = 15% a week. The clean plan regains at up to 29% a week (weeks 6 and 9).
  request.profile.age = 60;
  const auto found = findings();
  std::vector<int> broken_weeks;
  for (const auto& f : found) {
    EXPECT_EQ(f.rule, audit_rule::weekly_increase) << f.message;
    broken_weeks.push_back(f.week);
  }
  EXPECT_EQ(broken_weeks, (std::vector<int>{6, 9}));
  ASSERT_EQ(found.size(), 2U);
  EXPECT_NE(found[1].message.find(
                "14.1 km is 28.2% more than the 11 km of week 8; at most 12.65 km (up to 15% a "
                "week while below the pre-injury 16 km, 5% beyond it (the slower rates for age "
                "50+ or prior injuries))"),
            std::string::npos)
      << found[1].message;
}

TEST_F(audit, new_volume_beyond_the_baseline_builds_at_the_weekly_rate) {
  request.profile.baseline = distance::from_km(11);
  request.profile.target = distance::from_km(16);
  expect_only(audit_rule::weekly_increase, 9,
              "14.1 km is 28.2% more than the 11 km of week 8; at most 12.1 km (10% a week beyond "
              "the pre-injury baseline of 11 km)");
}

TEST_F(audit, a_slower_regain_rate_breaks_weekly_increase_sooner) {
  // An audit option until load_rules carries the rate; then the protocol's (audit.hpp).
  options.regain_weekly_increase = 0.10;
  cat = audit_catalogue([](protocol& p) { set_regain_weekly_increase(p.load, 0.10); });
  expect_only(audit_rule::weekly_increase, 5, "8.5 km is 13.3% more than the 7.5 km of week 4");
}

TEST_F(audit, four_build_weeks_without_a_lighter_one_break_lighter_week) {
  // Week 7 rises a little instead of lightening (a flat week holds, and is no build week).
  week(7) = {"build", false, {R(0, 2.7), R(2, 2.7), R(4, 2.7), L(6, 3.4)}};
  expect_only(audit_rule::lighter_week, 7,
              "is the 4th build week in a row without a lighter week; a lighter week comes every "
              "3-4 weeks (after at most 3 build weeks)");
}

TEST_F(audit, a_lighter_week_only_18_percent_lighter_breaks_lighter_week) {
  week(7).runs = {R(0, 3.0), R(2, 3.0), R(4, 3.0)};
  expect_only(audit_rule::lighter_week, 7,
              "the lighter week's 9 km is 18.2% below the 11 km of week 6; a lighter week is 20% "
              "to 30% below the week before");
}

TEST_F(audit, a_build_that_resumes_above_the_week_before_the_lighter_one_breaks_lighter_week) {
  week(8).runs = {R(0, 2.7), R(2, 2.7), R(4, 2.7), L(6, 3.2)};
  expect_only(audit_rule::lighter_week, 8,
              "11.3 km is above the 11 km of week 6, the week before the lighter week 7");
}

TEST_F(audit, a_long_run_above_30_percent_of_a_4_run_week_breaks_long_run_share) {
  week(12).runs = {on(R(0, 3.5), surface::trail), R(2, 3.5), R(4, 3.5), L(6, 4.7)};
  expect_only(audit_rule::long_run_share, 12,
              "the longest run, 4.7 km, is 30.9% of the week's 15.2 km; at most 30% (4.56 km) in "
              "a week of 4 runs",
              plan_day_date(12, 6));
}

// Rule 4: the target.

TEST_F(audit, a_week_above_the_target_breaks_target_ceiling) {
  week(13).runs = {R(0, 4.4), with_hills(R(2, 3.9)), R(4, 3.9), L(6, 4.3)};
  expect_only(audit_rule::target_ceiling, 13, "16.5 km is above the target of 16 km a week");
}

TEST_F(audit, a_plan_that_never_reaches_the_target_and_says_nothing_breaks_target_reached) {
  request.weeks = 9;
  weeks.resize(9);
  expect_only(audit_rule::target_reached, 0,
              "the plan never reaches the target of 16 km a week (at most 14.1 km, in week 9) and "
              "has no target-not-reached notice saying so");
  edit = [](plan& p) { p.warnings.emplace_back(notice_code::target_not_reached); };
  EXPECT_TRUE(findings().empty()) << testing::finding_lines(findings()).front();
}

TEST_F(audit, a_plan_that_reaches_the_target_but_says_it_does_not_breaks_target_reached) {
  edit = [](plan& p) { p.warnings.emplace_back(notice_code::target_not_reached); };
  expect_only(audit_rule::target_reached, 10,
              "16 km reaches the target of 16 km, but the plan's target-not-reached notice says "
              "no week does");
}

TEST_F(audit, an_open_ended_plan_that_ends_without_holding_the_target_breaks_plan_end) {
  weeks.resize(10);
  expect_only(audit_rule::plan_end, 10,
              "the plan ends without two weeks in a row at the target of 16 km (first reached in "
              "week 10)");
}

TEST_F(audit, an_open_ended_plan_that_runs_on_without_a_new_stimulus_breaks_plan_end) {
  weeks.push_back(weeks.back());
  expect_only(audit_rule::plan_end, 15,
              "comes after the target of 16 km was reached (week 10) and held (week 11) but "
              "brings no new stimulus");
  request.weeks = 15;  // a length asked for is kept, whatever the target
  EXPECT_TRUE(findings().empty()) << testing::finding_lines(findings()).front();
}

// Rule 5: one change at a time.

TEST_F(audit, runs_a_week_up_by_two_break_runs_per_week_step) {
  // A first phase of modified running with one run a week, then the ladder's three.
  cat = audit_catalogue([](protocol& p) { p.phases[0].running.mode = running_mode::modified; });
  week(1).runs = {R(2, 2.5)};
  expect_only(audit_rule::runs_per_week_step, 2,
              "3 runs, up from 1 in week 1; runs a week rise by at most one from one week to the "
              "next");
}

TEST_F(audit, three_runs_after_a_phase_held_for_pain_keep_runs_per_week_step) {
  // The week a phase held under pain monitoring ends is a restart, as after a stop: up to 3
  // runs at once (rule 8: more running is never slower than having stopped).
  cat = audit_catalogue([](protocol& p) { p.phases[0].running.mode = running_mode::modified; });
  week(1).runs = {R(2, 2.5)};
  edit = [](plan& p) { p.warnings.emplace_back(notice_code::pain_holds_first_phase); };
  EXPECT_TRUE(findings().empty()) << testing::finding_lines(findings()).front();
}

TEST_F(audit, a_continuous_run_under_15_minutes_breaks_min_run_minutes) {
  week(4).runs = {R(0, 2.4), R(2, 2.5), R(4, 2.5)};
  expect_only(audit_rule::min_run_minutes, 4,
              "a continuous run of 2.4 km lasts 14.4 min; no continuous run is under 15 min",
              plan_day_date(4, 0));
}

TEST_F(audit, hills_and_speed_in_the_same_week_break_one_new_stimulus_per_week) {
  week(13).runs = {R(0, 3.9), with_hills(R(2, 3.9)), with_speed(R(4, 3.9)), L(6, 4.3)};
  weeks.pop_back();
  expect_only(audit_rule::one_new_stimulus_per_week, 13,
              "brings hills and speed in the same week; each new stimulus comes in a week of its "
              "own");
}

TEST_F(audit, a_new_stimulus_in_a_week_with_one_more_run_breaks_one_new_stimulus_per_week) {
  week(11).runs = {on(R(0, 2.9), surface::road), R(1, 2.9), R(2, 2.9), R(4, 3.0), L(6, 4.3)};
  expect_only(audit_rule::one_new_stimulus_per_week, 11,
              "brings road in a week whose runs also rise (from 4 to 5); one change at a time");
}

TEST_F(audit, road_before_90_percent_of_the_target_breaks_stimulus_after_target) {
  week(9).runs = {on(R(0, 3.45), surface::road), R(2, 3.45), R(4, 3.45), L(6, 3.75)};
  expect_only(audit_rule::stimulus_after_target, 9,
              "brings road before any week has reached 90% of the target (14.4 km; the most so "
              "far is 11 km)");
}

TEST_F(audit, speed_after_downhill_breaks_downhill_last) {
  if (!is_checked(audit_rule::downhill_last)) {
    GTEST_SKIP() << "run_session has no downhill flag or load_rules no downhill_last yet: "
                    "audit_plan reads them as soon as they exist";
  }
  cat = audit_catalogue([](protocol& p) { set_downhill_last(p.load); });
  edit = [](plan& p) {
    run_session& r = *first_of(p.weeks[12].days[2], session_type::run)->run;
    r.hills = false;
    set_downhill(r);
  };
  expect_only(audit_rule::downhill_last, 14,
              "brings speed in or after the week downhill running first comes (week 13)");
}

TEST_F(audit, hard_runs_on_consecutive_days_break_hard_run_spacing) {
  week(13).runs = {R(0, 3.9), with_hills(R(2, 3.9)), R(4, 3.9), with_hills(L(6, 4.3))};
  expect_only(audit_rule::hard_run_spacing, 14,
              "a hard run (speed) the day after another hard run (hills, Sun 2027-04-04)",
              plan_day_date(14, 0));
}

TEST_F(audit, a_hard_run_the_day_before_the_long_run_breaks_hard_run_spacing) {
  week(14).runs = {R(2, 3.9), R(4, 3.9), with_speed(R(5, 3.9)), L(6, 4.3)};
  expect_only(audit_rule::hard_run_spacing, 14,
              "a hard run (speed) the day before the long run (4.3 km, Sun 2027-04-11)",
              plan_day_date(14, 5));
}

// Rule 6: contraindications.

TEST_F(audit, a_barred_exercise_in_a_session_breaks_barred_exercise) {
  edit = [](plan& p) {
    first_of(p.weeks[0].days[1], session_type::strength)
        ->exercises.emplace_back("nordic-hamstring-curl", "Nordic hamstring curl", dosage{});
  };
  expect_only(
      audit_rule::barred_exercise, 1,
      "'nordic-hamstring-curl' in a strength session, but phase 'Phase rest' (rest) bars it",
      plan_day_date(1, 1));
}

TEST_F(audit, a_warm_up_naming_a_barred_exercise_breaks_barred_exercise) {
  edit = [](plan& p) {
    first_of(p.weeks[1].days[0], session_type::walk_run)->notes = {
        session_note(note_code::warm_up, "Warm up with 3 Nordic hamstring curls.")};
  };
  expect_only(audit_rule::barred_exercise, 2,
              "the warm-up note of a walk-run session names 'nordic-hamstring-curl', but phase "
              "'Phase ladder' (ladder) bars it",
              plan_day_date(2, 0));
}

TEST_F(audit, an_entry_criterion_testing_a_barred_exercise_breaks_entry_criteria_vs_bars) {
  edit = [](plan& p) {
    p.weeks[1].checkpoint.push_back({"single_leg_hops_pain_free", ">=", 10, "reps",
                                     "10 pain-free single-leg hops on each side", ""});
  };
  expect_only(audit_rule::entry_criteria_vs_bars, 2,
              "entry criterion 'single_leg_hops_pain_free' (10 pain-free single-leg hops on each "
              "side) tests 'single-leg-hop', which the phase before it, 'Phase rest' (rest), bars");
}

// Rule 7: safety first.

TEST_F(audit, a_plan_for_pain_at_the_referral_threshold_breaks_pain_referral) {
  request.profile.pain = pain_score::from_int(8);
  expect_only(audit_rule::pain_referral, 0,
              "daily pain 8/10 is at or above the referral threshold of 8/10: the answer is a "
              "referral, never a plan");
}

TEST_F(audit, running_in_the_first_phase_above_the_hold_threshold_breaks_pain_hold) {
  cat = audit_catalogue([](protocol& p) { p.phases[0].running.mode = running_mode::modified; });
  week(1).runs = {R(2, 2.5), R(4, 2.5)};
  EXPECT_TRUE(findings().empty()) << "pain 0: running from week 1 is fine";
  request.profile.pain = pain_score::from_int(6);
  expect_only(audit_rule::pain_hold, 1,
              "2 run(s) in the plan's first phase 'Phase rest' (rest), but pain 6/10 is above the "
              "protocol's hold threshold of 5/10: the plan starts without running");
}

// Rule 9: sessions a runner will do.

TEST_F(audit, a_strength_session_of_7_exercises_breaks_session_size) {
  edit = [](plan& p) {
    auto& exercises = first_of(p.weeks[0].days[1], session_type::strength)->exercises;
    for (const char* id : {"calf-stretch", "leg-swing", "walking-lunge", "high-knee-march"}) {
      exercises.emplace_back(id, id, dosage{});
    }
  };
  expect_only(audit_rule::session_size, 1, "a strength session holds 7 exercises; at most 6",
              plan_day_date(1, 1));
}

TEST_F(audit, a_strength_session_without_minutes_breaks_session_minutes) {
  edit = [](plan& p) { first_of(p.weeks[0].days[1], session_type::strength)->minutes = 0; };
  expect_only(audit_rule::session_minutes, 1,
              "a strength session does not state its estimated minutes", plan_day_date(1, 1));
}

// The planner's own promise.

TEST_F(audit, high_load_work_for_the_same_muscles_on_consecutive_days_breaks_high_load_spacing) {
  edit = [](plan& p) {
    plan_week& w = p.weeks[3];
    first_of(w.days[1], session_type::strength)
        ->exercises.emplace_back("nordic-hamstring-curl", "Nordic hamstring curl", dosage{});
    session more;
    more.type = session_type::strength;
    more.exercises.emplace_back("eccentric-hamstring-curl", "Eccentric hamstring curl", dosage{});
    more.minutes = 10;
    w.days[2].sessions.push_back(more);
  };
  expect_only(audit_rule::high_load_spacing, 4,
              "high-load 'eccentric-hamstring-curl' the day after high-load "
              "'nordic-hamstring-curl' (Tue 2027-01-26): both load the hamstrings",
              plan_day_date(4, 2));
}

// Every rule above is shown able to fail: a new rule without a test fails here.

TEST(audit_rules, every_rule_has_a_test_that_breaks_it) {
  std::vector<std::string> tests;
  const auto* unit = ::testing::UnitTest::GetInstance();
  for (int i = 0; i < unit->total_test_suite_count(); ++i) {
    const auto* suite = unit->GetTestSuite(i);
    for (int j = 0; j < suite->total_test_count(); ++j)
      tests.emplace_back(suite->GetTestInfo(j)->name());
  }
  for (const audit_rule rule : all_audit_rules) {
    std::string name(to_string(rule));
    std::replace(name.begin(), name.end(), '-', '_');
    const bool found = std::any_of(tests.begin(), tests.end(), [&](const std::string& test) {
      for (const std::string verb : {"_breaks_", "_break_"}) {
        const std::string suffix = verb + name;
        if (test.size() > suffix.size() &&
            test.compare(test.size() - suffix.size(), suffix.size(), suffix) == 0) {
          return true;
        }
      }
      return false;
    });
    EXPECT_TRUE(found) << "no test named '..._breaks_" << name << "'";
  }
}

// Names, descriptions, options and errors.

TEST(audit_rules, names_are_kebab_case_unique_and_parse_back) {
  std::set<std::string_view> names;
  for (const audit_rule rule : all_audit_rules) {
    const std::string_view name = to_string(rule);
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(parse_audit_rule(name), rule) << name;
    EXPECT_EQ(name.find('_'), std::string_view::npos) << name;
    const std::string_view clause = describe(rule);
    EXPECT_TRUE(clause.rfind("rule", 0) == 0 || clause.rfind("plan shape", 0) == 0 ||
                clause.rfind("planner", 0) == 0)
        << clause;
  }
  EXPECT_EQ(parse_audit_rule("weekly_increase"), std::nullopt);
  EXPECT_EQ(parse_audit_rule("no-such-rule"), std::nullopt);
  EXPECT_EQ(to_string(audit_rule::one_new_stimulus_per_week), "one-new-stimulus-per-week");
}

TEST(audit_rules, rules_without_their_data_are_not_checked_and_never_reported) {
  for (const audit_rule rule : all_audit_rules) {
    if (rule != audit_rule::downhill_last) {
      EXPECT_TRUE(is_checked(rule)) << to_string(rule);
    }
  }
}

TEST_F(audit, an_unknown_protocol_is_not_found) {
  edit = [](plan& p) { p.protocol_id = "no-such-protocol"; };
  try {
    (void)findings();
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::not_found);
    EXPECT_NE(std::string(e.what()).find("no-such-protocol"), std::string::npos) << e.what();
  }
}

TEST_F(audit, findings_come_by_rule_then_week) {
  week(2).runs = {A(0), A(1), B(4)};  // ladder-rest-day, week 2
  week(13).runs = {R(0, 4.4), with_hills(R(2, 3.9)), R(4, 3.9), L(6, 4.3)};  // ceiling, week 13
  week(4).runs = {R(0, 2.4), R(2, 2.5), R(4, 2.5)};  // min-run-minutes, week 4
  request.profile.pain = pain_score::from_int(9);    // pain-referral, week 0
  const auto found = findings();
  std::vector<std::pair<audit_rule, int>> order;
  for (const auto& f : found) order.emplace_back(f.rule, f.week);
  EXPECT_EQ(order, (std::vector<std::pair<audit_rule, int>>{
                       {audit_rule::ladder_rest_day, 2},
                       {audit_rule::target_ceiling, 13},
                       {audit_rule::min_run_minutes, 4},
                       {audit_rule::pain_referral, 0},
                   }))
      << testing::finding_lines(found).front();
}

TEST_F(audit, weeks_to_target_is_the_first_week_at_the_target) {
  EXPECT_EQ(weeks_to_target(made()), 10);
  weeks.resize(9);
  EXPECT_EQ(weeks_to_target(made()), std::nullopt);
  plan p = made();
  p.target = distance::from_km(0);
  EXPECT_EQ(weeks_to_target(p), std::nullopt);
  p.target = distance::from_km(11);
  EXPECT_EQ(weeks_to_target(p), 6);
}

// The planner's own plan for the standard fixture keeps the rules it keeps today
// (tests/support/plan_rules.hpp); planner_audit_property_test holds it to all of them.
TEST(audit_planner, the_planners_plan_keeps_the_rules_kept_today) {
  const catalogue cat = testing::fixture_catalogue();
  const plan_request request = testing::standard_request();
  const plan p = std::get<plan>(make_plan(cat, request));
  const auto broken = testing::rule_violations(cat, request, p);
  EXPECT_TRUE(broken.empty()) << broken.size() << " broken, first: " << broken.front();
}

}  // namespace
}  // namespace kneerehab
