// Renderers: text (km and mi) and JSON against golden files, plus the properties every
// rendering keeps. Regenerate the golden files with KNEEREHAB_UPDATE_GOLDEN=1 and review the
// diff; without that variable a difference fails the test.
#include <gtest/gtest.h>

#include <cmath>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "kneerehab/core/version.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/plan/planner.hpp"
#include "kneerehab/plan/safety.hpp"
#include "kneerehab/render/notice_text.hpp"
#include "kneerehab/render/render.hpp"
#include "planner_fixtures.hpp"
#include "support/golden.hpp"
#include "support/shipped_catalogue.hpp"
#include "support/text_lines.hpp"

using namespace kneerehab;
using kneerehab::testing::code_points;
using kneerehab::testing::expect_matches_golden;
using kneerehab::testing::lines_of;

namespace {

constexpr double easy_s_per_km = 390.0;

exercise_dose exercise(std::string id, std::string name, dosage dose) {
  return {std::move(id), std::move(name), std::move(dose)};
}

dosage reps(int sets, int count, int per_week, std::string tempo = {}, std::string load = {}) {
  dosage d;
  d.sets = sets;
  d.reps = count;
  d.sessions_per_week = per_week;
  d.tempo = std::move(tempo);
  d.load = std::move(load);
  return d;
}

dosage hold(int sets, int seconds, int per_week, std::string load = {}) {
  dosage d;
  d.sets = sets;
  d.hold_s = seconds;
  d.sessions_per_week = per_week;
  d.load = std::move(load);
  return d;
}

session strength_session() {
  session s;
  s.type = session_type::strength;
  s.exercises = {
      exercise("glute-bridge", "Glute bridge", reps(3, 15, 3, "2-1-2")),
      exercise("wall-sit", "Wall sit (isometric)", hold(5, 45, 3, "~70% max effort")),
      exercise("calf-raise", "Calf raise", reps(3, 12, 3, {}, "bodyweight")),
  };
  session_note tempo(note_code::exercise_note, s.exercises.front().label,
                     "two seconds up, one second hold, two down.");
  s.notes = {tempo};
  s.minutes = 17;
  return s;
}

session mobility_session() {
  session s;
  s.type = session_type::mobility;
  s.exercises = {
      exercise("hamstring-stretch", "Hamstring stretch", hold(3, 30, 7)),
      exercise("calf-stretch", "Calf stretch", hold(3, 30, 7)),
  };
  s.minutes = 4;
  return s;
}

session cross_training(std::string activity) {
  session s;
  s.type = session_type::cross_training;
  s.activity = std::move(activity);
  session_note effort(note_code::cross_training);
  effort.pain_max = 2;
  s.notes = {effort};
  s.minutes = 30;
  return s;
}

std::vector<session_note> run_notes() {
  return {session_note(note_code::warm_up, "5 min brisk walk."),
          session_note(note_code::cool_down, "5 min walk, then the calf stretch.")};
}

session rest() {
  session s;
  s.type = session_type::rest;
  return s;
}

session walk_run(std::vector<run_interval> intervals) {
  run_session r;
  r.continuous = false;
  int run_s = 0;
  int total_s = 0;
  for (const auto& i : intervals) {
    run_s += i.run_s * i.repeat;
    total_s += (i.walk_s + i.run_s) * i.repeat;
  }
  r.run = distance::from_km(run_s / easy_s_per_km);
  r.minutes = total_s / 60.0;
  r.intervals = std::move(intervals);
  session s;
  s.type = session_type::walk_run;
  s.run = r;
  s.notes = run_notes();
  s.minutes = static_cast<int>(std::ceil(r.minutes)) + 10;
  return s;
}

session run(double km, surface where, bool long_run = false) {
  run_session r;
  r.run = distance::from_km(km);
  r.minutes = km * easy_s_per_km / 60.0;
  r.where = where;
  r.long_run = long_run;
  session s;
  s.type = session_type::run;
  s.run = r;
  s.notes = run_notes();
  s.minutes = static_cast<int>(std::ceil(r.minutes)) + 10;
  return s;
}

// `date` has no default constructor, so the plan structs are built with designated
// initializers; members left out take their defaults (the model may gain members later).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
plan_week week(date plan_start, int number, std::string phase_id, std::string phase_name,
               int week_in_phase) {
  const date start = plan_start.plus_days(7 * (number - 1));
  auto day = [&](int i) { return plan_day{start.plus_days(i), {}}; };
  return plan_week{.number = number,
                   .start = start,
                   .phase_id = std::move(phase_id),
                   .phase_name = std::move(phase_name),
                   .week_in_phase = week_in_phase,
                   .days = {day(0), day(1), day(2), day(3), day(4), day(5), day(6)}};
}

plan blank_plan(date start, date end) { return plan{.start = start, .end = end}; }
#pragma GCC diagnostic pop

void total_up(plan_week& w) {
  distance sum;
  for (const auto& d : w.days) {
    for (const auto& s : d.sessions) {
      if (s.run) sum = sum + s.run->run;
    }
  }
  w.run_total = sum;
}

/// A three-week plan by hand: a loading week without running, a walk-run week that starts
/// a new phase with a checkpoint, and a lighter week of continuous runs.
plan sample_plan() {
  const date start = date::from_ymd(2026, 11, 23);
  plan p = blank_plan(start, start.plus_days(20));
  p.condition_id = "patellofemoral-pain";
  p.condition_name = "Patellofemoral pain";
  p.protocol_id = "patellofemoral-pain-standard";
  p.protocol_name = "Patellofemoral pain: load, then return to running";
  p.baseline = distance::from_km(30);
  p.target = distance::from_km(25);
  p.easy_pace = pace::from_seconds_per_km(easy_s_per_km);

  plan_week w1 = week(start, 1, "settle", "Settle and load", 1);
  w1.days[0].sessions = {strength_session(), mobility_session()};
  w1.days[1].sessions = {cross_training("stationary bike")};
  w1.days[2].sessions = {strength_session()};
  w1.days[3].sessions = {mobility_session()};
  w1.days[4].sessions = {strength_session()};
  w1.days[5].sessions = {cross_training("pool running")};
  w1.days[6].sessions = {rest()};
  total_up(w1);

  plan_week w2 = week(start, 2, "walk-run", "Walk-run return", 1);
  w2.checkpoint = {
      {"walk_minutes_pain_free", ">=", 30, "min", "30 min brisk walking without pain or limp", ""},
      {"pain_daily", "<=", 2, "/10", "Pain at rest and in daily activity", "Rambaud 2018"},
      {"single_leg_heel_raises", ">=", 20, "reps", "", ""},
  };
  w2.run_cap = distance::from_km(2.5);
  w2.days[0].sessions = {walk_run({{240, 60, 3}}), mobility_session()};
  w2.days[1].sessions = {strength_session()};
  w2.days[2].sessions = {walk_run({{240, 60, 3}})};
  w2.days[3].sessions = {strength_session()};
  w2.days[4].sessions = {walk_run({{180, 120, 2}, {120, 180, 2}})};
  w2.days[5].sessions = {cross_training("stationary bike"), strength_session()};
  w2.days[6].sessions = {};
  total_up(w2);

  plan_week w3 = week(start, 3, "build", "Continuous build", 1);
  w3.checkpoint = {
      {"walk_run_step", ">=", 10, "", "Final walk-run step done twice, pain <= 3/10", ""}};
  w3.run_cap = distance::from_km(11.5);
  w3.lighter_week = true;
  w3.days[0].sessions = {run(2.345, surface::flat)};
  w3.days[1].sessions = {strength_session()};
  w3.days[2].sessions = {run(3.0, surface::road)};
  w3.days[3].sessions = {mobility_session()};
  w3.days[4].sessions = {rest()};
  w3.days[5].sessions = {run(4.5, surface::road, true)};
  w3.days[6].sessions = {rest()};
  total_up(w3);

  p.weeks = {w1, w2, w3};
  p.pain = pain_rules{.progress_max = 2, .hold_max = 4};
  plan_notice short_of_target(notice_code::target_not_reached);
  short_of_target.target = p.target;
  short_of_target.planned = w3.run_total;
  plan_notice injuries(notice_code::prior_injuries_slower_build);
  injuries.prior_injuries = 2;
  injuries.percent = 5;
  injuries.limit_percent = 10;
  p.warnings = {short_of_target, injuries};
  p.advice = {
      "Warm-up: 5-10 minutes of brisk walking or easy cycling before every session.",
      "Surfaces: start on flat, even ground (track or treadmill) before roads and trails.",
  };
  p.sources = {
      "Heiderscheit B. Return to running program. UW Health Sports Rehabilitation.",
      "Rambaud AJM et al. Criteria for return to running after sports injury: a systematic "
      "review. Br J Sports Med 2018;52:1437-44.",
  };
  return p;
}

}  // namespace

TEST(OutputFormat, NamesRoundTrip) {
  for (auto f : {output_format::text, output_format::markdown, output_format::html,
                 output_format::csv, output_format::json}) {
    EXPECT_EQ(parse_output_format(to_string(f)), f);
  }
  EXPECT_EQ(to_string(output_format::text), "text");
  EXPECT_EQ(to_string(output_format::json), "json");
  EXPECT_FALSE(parse_output_format("JSON"));
  EXPECT_FALSE(parse_output_format("pdf"));
  EXPECT_FALSE(parse_output_format(""));
}

TEST(RenderText, MatchesGoldenInKilometres) {
  expect_matches_golden("plan.km.txt", render_text(sample_plan(), {unit_system::km}));
}

TEST(RenderText, MatchesGoldenInMiles) {
  expect_matches_golden("plan.mi.txt", render_text(sample_plan(), {unit_system::mi}));
}

TEST(RenderJson, MatchesGolden) { expect_matches_golden("plan.json", render_json(sample_plan())); }

/// The sample with text a handout must carry through every format: accents, an emoji, and
/// characters that are markup in HTML and Markdown.
plan handout_sample() {
  plan p = sample_plan();
  p.advice.push_back(
      "\u00c9chauffement: genou r\u00e9cup\u00e9r\u00e9 \U0001F3C3 <b>not bold</b> & "
      "\"quoted\" 'single' | pipe, comma");
  p.weeks[0].days[1].sessions[0].activity = "v\u00e9lo, \"easy\"";
  return p;
}

render_options handout_options(unit_system units) {
  render_options options{units};
  options.exercises = &kneerehab::testing::shipped_catalogue();
  return options;
}

TEST(RenderHandout, MatchesGoldenInEveryFormatAndUnit) {
  for (const auto units : {unit_system::km, unit_system::mi}) {
    const auto suffix = std::string(to_string(units));
    const auto options = handout_options(units);
    expect_matches_golden("plan." + suffix + ".md", render_markdown(handout_sample(), options));
    expect_matches_golden("plan." + suffix + ".html", render_html(handout_sample(), options));
    expect_matches_golden("plan." + suffix + ".csv", render_csv(handout_sample(), options));
    expect_matches_golden("plan-catalogue." + suffix + ".txt",
                          render_text(handout_sample(), options));
  }
}

TEST(RenderHandout, NonAsciiTextSurvivesEveryFormatAndMarkupIsEscaped) {
  const auto options = handout_options(unit_system::km);
  const std::string words = "\u00c9chauffement: genou r\u00e9cup\u00e9r\u00e9 \U0001F3C3";
  for (const auto format : {output_format::text, output_format::markdown, output_format::html}) {
    EXPECT_NE(render(handout_sample(), format, options).find(words), std::string::npos)
        << to_string(format);
  }
  EXPECT_NE(render_csv(handout_sample(), options).find("v\u00e9lo"), std::string::npos);
  const std::string html = render_html(handout_sample(), options);
  EXPECT_EQ(html.find("<b>not bold</b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;single&#39;"),
            std::string::npos);
  const std::string md = render_markdown(handout_sample(), options);
  EXPECT_NE(md.find("&lt;b\\>not bold&lt;/b\\> &amp; \"quoted\" 'single' \\| pipe"),
            std::string::npos)
      << md;
  // RFC 4180: a field with a comma or a quote is quoted, its quotes doubled.
  EXPECT_NE(render_csv(handout_sample(), options).find(",\"v\u00e9lo, \"\"easy\"\"\","),
            std::string::npos);
}

TEST(RenderHandout, CsvHasCrlfLinesAndTheUnitInTheHeader) {
  const std::string km = render_csv(sample_plan(), {unit_system::km});
  const std::string mi = render_csv(sample_plan(), {unit_system::mi});
  EXPECT_EQ(km.rfind("week,date,weekday,phase,session,session_minutes,exercise_id,item,sets,reps,"
                     "hold_s,dose,distance_km,run_minutes,intervals,surface,hills\r\n",
                     0),
            0U);
  EXPECT_NE(mi.find(",distance_mi,"), std::string::npos);
  EXPECT_EQ(mi.find("distance_km"), std::string::npos);
  std::size_t lf = 0;
  for (std::size_t i = 0; i < km.size(); ++i) {
    if (km[i] == '\n') {
      ++lf;
      EXPECT_TRUE(i > 0 && km[i - 1] == '\r') << "LF without CR at " << i;
    }
  }
  EXPECT_GT(lf, 20U);
}

TEST(RenderHandout, HtmlIsOneSelfContainedPrintablePage) {
  const std::string html = render_html(sample_plan(), handout_options(unit_system::mi));
  for (const auto* needle : {"<!DOCTYPE html>", "<meta name=\"viewport\"", "@page",
                             "break-after: page", "<svg", "Weekly running (mi)"}) {
    EXPECT_NE(html.find(needle), std::string::npos) << needle;
  }
  for (const auto* banned : {"<script", "<link", "<img", "@import", "url(", "src="}) {
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  }
  EXPECT_EQ(html.find(" km"), std::string::npos);
  // A page per week: each week is a section of class "page".
  std::size_t weeks = 0;
  for (auto at = html.find("<section class=\"page week\""); at != std::string::npos;
       at = html.find("<section class=\"page week\"", at + 1)) {
    ++weeks;
  }
  EXPECT_EQ(weeks, sample_plan().weeks.size());
}

TEST(Render, DispatchesOnFormat) {
  const plan p = sample_plan();
  EXPECT_EQ(render(p, output_format::text), render_text(p));
  EXPECT_EQ(render(p, output_format::text, {unit_system::mi}), render_text(p, {unit_system::mi}));
  EXPECT_EQ(render(p, output_format::json, {unit_system::mi}), render_json(p));
}

TEST(RenderText, LinesFitOnAPrintedPage) {
  for (auto units : {unit_system::km, unit_system::mi}) {
    const std::string text = render_text(sample_plan(), {units});
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    for (auto line : lines_of(text)) {
      EXPECT_LE(code_points(line), 80U) << line;
      EXPECT_TRUE(line.empty() || line.back() != ' ') << "trailing space: '" << line << "'";
    }
  }
}

TEST(RenderText, LongWordsAndLineBreaksStayWithinTheWidth) {
  plan p = sample_plan();
  p.sources.push_back("https://example.org/" + std::string(150, 'x'));
  plan_notice odd(notice_code::symptom_not_red_flag);
  odd.symptom_id = "odd";
  odd.symptom = "First line.\nSecond line\twith a tab.";
  p.warnings.push_back(odd);
  auto& first = p.weeks[0].days[0].sessions[0].exercises[0];
  first = exercise_dose(first.exercise_id(), std::string(120, 'g'), first.dose);
  const std::string text = render_text(p);
  for (auto line : lines_of(text)) EXPECT_LE(code_points(line), 80U) << line;
  EXPECT_NE(text.find("  ! symptom 'odd' (First line.\n    Second line with a tab.) is not a red"),
            std::string::npos);
  // A name wider than the line is cut at the width and goes on, in the group and on the
  // exercise page.
  EXPECT_NE(text.find("\n  A: " + std::string(75, 'g') + "\n       " + std::string(45, 'g') +
                      " 3 x 15, tempo 2-1-2\n"),
            std::string::npos)
      << text;
}

TEST(RenderText, ShowsWeeksPhasesVolumesAndCheckpoints) {
  const std::string text = render_text(sample_plan());
  EXPECT_NE(text.find("== WEEK 1 of 3 \u00b7 23-29 Nov \u00b7 Phase 1 \u00b7 no running ==="),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\nPhase 1: Settle and load.\n"), std::string::npos);
  EXPECT_NE(text.find("== WEEK 3 of 3 \u00b7 7-13 Dec \u00b7 Phase 3 \u00b7 run 9.8 of 11.5 km "
                      "\u00b7 lighter week ==="),
            std::string::npos);
  EXPECT_NE(text.find("Before this week, can you say yes to each?\n"
                      "  [ ] 30 min brisk walking without pain or limp"),
            std::string::npos);
  EXPECT_NE(text.find("3 x (walk 4:00 / run 1:00)"), std::string::npos);
  EXPECT_NE(text.find("Fri: Walk-run 20 min flat: 2 x (walk 3:00 / run 2:00), then 2 x (walk "
                      "2:00\n        / run 3:00)"),
            std::string::npos);
  // Each exercise once a week with its dose, under the sessions (letters) it belongs to.
  EXPECT_NE(text.find("\nStrength A \u00b7 17 min            [ ]           [ ]           [ ]\n"),
            std::string::npos);
  EXPECT_NE(text.find("\n  A: Glute bridge 3 x 15, tempo 2-1-2\n"), std::string::npos);
  EXPECT_NE(text.find("\n  B: Hamstring stretch 3 x 30 s hold \u00b7 Calf stretch 3 x 30 s hold\n"),
            std::string::npos);
  EXPECT_NE(text.find("30.0 km a week before the injury; target 25.0 km a week"),
            std::string::npos);
  EXPECT_NE(text.find("Easy pace:  6:30 per km"), std::string::npos);
}

TEST(RenderText, OnePainCellPerActiveDay) {
  const plan p = sample_plan();
  std::size_t active_days = 0;
  for (const auto& w : p.weeks) {
    for (const auto& d : w.days) {
      for (const auto& s : d.sessions) {
        if (s.type != session_type::rest) {
          ++active_days;
          break;
        }
      }
    }
  }
  const std::string text = render_text(p);
  std::size_t pain_cells = 0;
  for (auto line : lines_of(text)) {
    if (line.rfind("Minutes, and pain 0-10 ", 0) != 0) continue;
    for (auto at = line.find(" __"); at != std::string_view::npos; at = line.find(" __", at + 3)) {
      ++pain_cells;
    }
  }
  EXPECT_EQ(pain_cells, active_days);
  EXPECT_EQ(active_days, 17U);
}

TEST(RenderText, MilesEverywhereWhenAsked) {
  const std::string text = render_text(sample_plan(), {unit_system::mi});
  EXPECT_EQ(text.find(" km"), std::string::npos);
  EXPECT_EQ(text.find("/km"), std::string::npos);
  EXPECT_EQ(text.find("(km)"), std::string::npos);
  EXPECT_NE(text.find("18.6 mi a week before the injury; target 15.5 mi a week"),
            std::string::npos);
  EXPECT_NE(text.find("Easy pace:  10:28 per mi"), std::string::npos);
  EXPECT_NE(text.find("run 6.1 of 7.1 mi"), std::string::npos);
  EXPECT_NE(text.find("Run (mi)"), std::string::npos);
}

TEST(RenderJson, ParsesBackWithTheContractFields) {
  const plan p = sample_plan();
  const std::string text = render_json(p);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.substr(0, 4), "{\n  ");  // two-space indentation
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j.at("schema"), "kneerehab.plan/1");
  EXPECT_EQ(j.at("condition").at("id"), "patellofemoral-pain");
  EXPECT_EQ(j.at("protocol").at("name"), p.protocol_name);
  EXPECT_EQ(j.at("start"), "2026-11-23");
  EXPECT_EQ(j.at("end"), "2026-12-13");
  EXPECT_EQ(j.at("generator").at("version"), std::string(version));
  ASSERT_EQ(j.at("weeks").size(), 3U);
  for (const auto& w : j.at("weeks")) {
    ASSERT_EQ(w.at("days").size(), 7U);
    double sum = 0;
    for (const auto& d : w.at("days")) {
      for (const auto& s : d.at("sessions")) {
        const std::string type = s.at("type");
        EXPECT_EQ(s.contains("exercises"), type == "strength" || type == "mobility") << type;
        EXPECT_EQ(s.contains("run"), type == "run" || type == "walk-run") << type;
        if (s.contains("run")) {
          sum += s.at("run").at("km").get<double>();
          EXPECT_EQ(s.at("run").at("continuous").get<bool>(), type == "run");
        }
      }
    }
    EXPECT_NEAR(w.at("run_km").get<double>(), sum, 0.011);
  }
  const auto& w2 = j.at("weeks").at(1);
  EXPECT_EQ(w2.at("phase").at("id"), "walk-run");
  EXPECT_EQ(w2.at("checkpoint").size(), 3U);
  EXPECT_EQ(w2.at("checkpoint").at(1).at("unit"), "/10");
  const auto& walk = w2.at("days").at(0).at("sessions").at(0).at("run");
  EXPECT_EQ(walk.at("km"), 0.46);  // 3 x 60 s at 6:30 /km = 0.4615 km, rounded to 2 decimals
  EXPECT_EQ(walk.at("intervals").at(0).at("walk_s"), 240);
  EXPECT_EQ(walk.at("intervals").at(0).at("repeat"), 3);
  EXPECT_EQ(walk.at("surface"), "flat");
  const auto& w3 = j.at("weeks").at(2);
  EXPECT_EQ(w3.at("lighter_week"), true);
  EXPECT_EQ(w3.at("days").at(0).at("sessions").at(0).at("run").at("km"), 2.35);
  EXPECT_EQ(w3.at("days").at(5).at("sessions").at(0).at("run").at("long_run"), true);
  EXPECT_EQ(j.at("warnings").size(), 2U);
  EXPECT_EQ(j.at("advice").size(), 2U);
}

TEST(RenderJson, KeysComeInContractOrder) {
  const auto j = nlohmann::ordered_json::parse(render_json(sample_plan()));
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  ASSERT_GE(keys.size(), 8U);
  EXPECT_EQ(keys[0], "schema");
  EXPECT_EQ(keys[1], "condition");
  // Every warning before week 1 (docs/plan-rules.md rule 7).
  EXPECT_EQ(keys[5], "warnings");
  EXPECT_EQ(keys[6], "weeks");
}

TEST(RenderJson, DistancesAreKilometresWhateverTheUnits) {
  const plan p = sample_plan();
  const auto j = nlohmann::json::parse(render(p, output_format::json, {unit_system::mi}));
  EXPECT_EQ(j.at("baseline_km"), 30.0);
  EXPECT_EQ(j.at("target_km"), 25.0);
  EXPECT_EQ(j.at("easy_pace_s_per_km"), 390.0);
  EXPECT_EQ(j.at("weeks").at(2).at("run_cap_km"), 11.5);
  EXPECT_EQ(j.at("weeks").at(2).at("days").at(2).at("sessions").at(0).at("run").at("km"), 3.0);
}

TEST(RenderJson, EmptyPlanStillHasEveryTopLevelField) {
  const date day = date::from_ymd(2026, 1, 5);
  const plan p = blank_plan(day, day);
  const auto j = nlohmann::json::parse(render_json(p));
  for (auto key :
       {"schema", "condition", "protocol", "start", "end", "weeks", "warnings", "advice"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_TRUE(j.at("weeks").is_array());
  EXPECT_TRUE(j.at("warnings").is_array());
}

namespace {

/// A notice of `code` with every value set, distances that differ in km and mi.
plan_notice full_notice(notice_code code) {
  plan_notice n(code);
  n.target = distance::from_km(64.4);
  n.baseline = distance::from_km(40);
  n.current = distance::from_km(50);
  n.planned = distance::from_km(31.5);
  n.percent = 61;
  n.limit_percent = 20;
  n.age = 58;
  n.min_age = 55;
  n.max_age = 40;
  n.prior_injuries = 2;
  n.run_days = 2;
  n.weeks = 3;
  n.weeks_needed = 14;
  n.days = 3;
  n.sessions = 7;
  n.pain = 6;
  n.pain_max = 3;
  n.max_exercises = 6;
  n.minutes = 15;
  n.symptom_id = "knee-clicking";
  n.symptom = "Clicking without pain";
  n.ladder_id = "time-based-10";
  n.phase_id = "build";
  n.phase_name = "Continuous build";
  n.exercise_id = "nordic-hamstring-curl";
  n.exercise_name = "Nordic hamstring curl";
  n.protocol_id = "patellofemoral-pain-rehab";
  n.condition_id = "patellar-instability";
  n.condition_name = "Patellar instability";
  return n;
}

bool uses_distances(notice_code code) {
  switch (code) {
    case notice_code::target_far_above_baseline:
    case notice_code::baseline_zero:
    case notice_code::current_above_baseline:
    case notice_code::final_phase_extended:
    case notice_code::target_not_reached:
    case notice_code::target_zero:
    case notice_code::target_below_ladder:
    case notice_code::target_below_min_run:
    case notice_code::ladder_ends_below_min_run:
    case notice_code::run_days_cannot_carry_target:
      return true;
    case notice_code::symptom_red_flag_from_age:
    case notice_code::symptom_not_red_flag:
    case notice_code::few_run_days:
    case notice_code::older_age_slower_build:
    case notice_code::prior_injuries_slower_build:
    case notice_code::ladder_extended:
    case notice_code::consecutive_run_days:
    case notice_code::long_run_share_limits_week:
    case notice_code::exercise_barred:
    case notice_code::high_load_spread:
    case notice_code::plan_cut:
    case notice_code::pain_holds_first_phase:
    case notice_code::pain_stops_running:
    case notice_code::orthopaedic_referral:
    case notice_code::age_outside_typical_range:
    case notice_code::session_full:
      return false;
  }
  return false;
}

}  // namespace

TEST(NoticeText, EveryCodeInMilesSaysNothingInKilometres) {
  for (notice_code code : all_notice_codes) {
    const plan_notice n = full_notice(code);
    const std::string mi = notice_text(n, unit_system::mi);
    const std::string km = notice_text(n, unit_system::km);
    EXPECT_EQ(mi.find("km"), std::string::npos) << to_string(code) << ": " << mi;
    EXPECT_FALSE(mi.empty()) << to_string(code);
    EXPECT_EQ(parse_notice_code(to_string(code)), code);
    if (uses_distances(code)) {
      EXPECT_NE(mi.find(" mi"), std::string::npos) << to_string(code) << ": " << mi;
      EXPECT_NE(km.find(" km"), std::string::npos) << to_string(code) << ": " << km;
    } else {
      EXPECT_EQ(mi, km) << to_string(code);
    }
  }
  EXPECT_FALSE(parse_notice_code("no-such-code"));
}

TEST(NoticeText, WordsDistancesInTheReadersUnits) {
  plan_notice n(notice_code::target_far_above_baseline);
  n.target = distance::from_km(64.4);
  n.baseline = distance::from_km(40);
  n.percent = 61;
  n.limit_percent = 20;
  EXPECT_EQ(notice_text(n, unit_system::km),
            "target 64.4 km a week is 61% above the baseline of 40 km (more than 20%): the plan "
            "builds toward it at the weekly cap and may end below it");
  EXPECT_EQ(notice_text(n, unit_system::mi),
            "target 40 mi a week is 61% above the baseline of 24.9 mi (more than 20%): the plan "
            "builds toward it at the weekly cap and may end below it");
  EXPECT_EQ(notice_text(plan_notice(notice_code::target_zero), unit_system::mi),
            "the target weekly volume is 0 mi: no running is planned");
}

TEST(NoticeText, SafetyNoticesNameTheConditionAndTheAges) {
  plan_notice referral(notice_code::orthopaedic_referral);
  referral.prior_injuries = 2;
  referral.condition_id = "patellar-instability";
  referral.condition_name = "Patellar instability";
  EXPECT_EQ(notice_text(referral, unit_system::km),
            "see an orthopaedic specialist about Patellar instability: 2 earlier injuries of this "
            "kind mean it keeps coming back, and each repeat makes another more likely; ask "
            "whether the knee needs surgical stabilisation. The plan can start meanwhile; stop and "
            "get help if the knee gives way");
  EXPECT_TRUE(is_referral(notice_code::orthopaedic_referral));
  EXPECT_FALSE(is_referral(notice_code::age_outside_typical_range));
  plan_notice age(notice_code::age_outside_typical_range);
  age.age = 30;
  age.min_age = 45;
  age.max_age = 120;
  age.condition_name = "Knee osteoarthritis";
  EXPECT_EQ(notice_text(age, unit_system::mi),
            "age 30 is outside the ages Knee osteoarthritis is usually seen at (45 and over): have "
            "the diagnosis confirmed by a clinician; the plan goes ahead");
  age.age = 52;
  age.min_age = 10;
  age.max_age = 40;
  age.condition_name = "Patellar instability";
  EXPECT_EQ(notice_text(age, unit_system::km),
            "age 52 is outside the ages Patellar instability is usually seen at (10 to 40): have "
            "the diagnosis confirmed by a clinician; the plan goes ahead");
}

TEST(RenderText, ReferralNoticesComeFirstUnderTheirOwnHeading) {
  plan p = sample_plan();
  plan_notice referral(notice_code::orthopaedic_referral);
  referral.prior_injuries = 3;
  referral.condition_name = "Patellar instability";
  p.warnings.insert(p.warnings.begin(), referral);
  const auto text = render_text(p);
  const auto heading = text.find("REFERRAL\n  ! see an orthopaedic specialist about");
  ASSERT_NE(heading, std::string::npos) << text;
  EXPECT_LT(heading, text.find("WARNINGS\n"));
  EXPECT_LT(text.find("WARNINGS\n"), text.find("WEEK 1"));
  const auto j = nlohmann::json::parse(render_json(p));
  EXPECT_EQ(j.at("warnings").at(0).at("code"), "orthopaedic-referral");
  EXPECT_EQ(j.at("warnings").at(0).at("condition_name"), "Patellar instability");
  EXPECT_EQ(j.at("warnings").at(0).at("prior_injuries"), 3);
}

TEST(NoticeText, NotesReadAsTheHandoutPrintsThem) {
  EXPECT_EQ(note_text(session_note(note_code::warm_up, "Leg swings.")), "Warm-up: Leg swings.");
  session_note twice(note_code::twice_a_day,
                     std::make_shared<const exercise_label>(exercise_label{"quad-set", ""}));
  EXPECT_EQ(note_text(twice), "Twice a day: quad-set");
  twice.exercise = std::make_shared<const exercise_label>(exercise_label{"quad-set", "Quad set"});
  EXPECT_EQ(note_text(twice), "Twice a day: Quad set");
  session_note effort(note_code::cross_training);
  effort.pain_max = 2;
  EXPECT_EQ(note_text(effort),
            "Easy to moderate effort, 20-40 minutes; stop if knee pain goes above 2/10");
}

TEST(RenderText, PainGuideUsesTheProtocolsThresholds) {
  plan p = sample_plan();
  p.pain = pain_rules{.progress_max = 2, .hold_max = 4};
  std::string text = render_text(p);
  EXPECT_NE(text.find("  - 0-2/10 during a session and no worse the next morning"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  - 3-4/10, or 1-2 points worse the next morning"), std::string::npos);
  EXPECT_NE(text.find("  - Above 4/10, rising during a session"), std::string::npos);
  EXPECT_NE(text.find("  - Daily pain of 8/10 or more"), std::string::npos);
  p.pain = pain_rules{.progress_max = 3, .hold_max = 3, .refer_min = 7};  // no band to hold in
  text = render_text(p);
  EXPECT_NE(text.find("  - 0-3/10 during a session"), std::string::npos);
  EXPECT_EQ(text.find("points worse the next morning"), std::string::npos);
  EXPECT_NE(text.find("  - Above 3/10, rising during a session"), std::string::npos);
  EXPECT_NE(text.find("  - Daily pain of 7/10 or more"), std::string::npos);
}

TEST(RenderJson, WarningsAreObjectsWithCodeValuesAndKilometreText) {
  const auto j =
      nlohmann::json::parse(render(sample_plan(), output_format::json, {unit_system::mi}));
  const auto& w = j.at("warnings").at(0);
  EXPECT_EQ(w.at("code"), "target-not-reached");
  EXPECT_EQ(w.at("target_km"), 25.0);
  EXPECT_EQ(w.at("planned_km"), 9.85);
  EXPECT_FALSE(w.contains("baseline_km"));
  EXPECT_EQ(w.at("text"),
            "the plan ends before weekly volume reaches the target of 25 km (at most 9.8 km a "
            "week is planned); continue the final phase's build, or plan more weeks");
  const auto& injuries = j.at("warnings").at(1);
  EXPECT_EQ(injuries.at("code"), "prior-injuries-slower-build");
  EXPECT_EQ(injuries.at("prior_injuries"), 2);
  EXPECT_EQ(injuries.at("percent"), 5.0);
  EXPECT_EQ(injuries.at("limit_percent"), 10.0);
}

// Whole plans from the shipped catalogue, every protocol and a few profiles that raise
// distance warnings: in miles, nothing is said in kilometres.
TEST(RenderText, MilePlansOfEveryShippedProtocolSayNothingInKilometres) {
  const catalogue cat = open_catalogue(KNEEREHAB_SOURCE_DIR "/exercises.db");
  struct profile_case {
    double baseline_mi;
    double current_mi;
    std::optional<double> target_mi;
    std::optional<int> weeks;
    std::vector<weekday> run_days;
  };
  const std::vector<profile_case> cases = {
      {20, 0, std::nullopt, std::nullopt, {weekday::mon, weekday::wed, weekday::fri}},
      {15, 20, 40, 8, {weekday::sat}},  // target far above, current above, cut short
      {0, 0, 10, std::nullopt, {weekday::tue, weekday::wed}},  // baseline 0, consecutive days
      {30, 5, 0, 6, {weekday::mon, weekday::thu}},             // target 0
  };
  std::size_t plans = 0;
  std::size_t distance_warnings = 0;
  for (const auto& proto : cat.protocols()) {
    for (const auto& c : cases) {
      plan_request r;
      r.protocol_id = proto.id;
      r.units = unit_system::mi;
      r.today = date::from_ymd(2026, 11, 21);
      r.profile.start = date::from_ymd(2026, 11, 23);
      r.profile.baseline = distance::from_miles(c.baseline_mi);
      r.profile.current = distance::from_miles(c.current_mi);
      if (c.target_mi) r.profile.target = distance::from_miles(*c.target_mi);
      r.profile.run_days = c.run_days;
      r.profile.easy_pace = pace::parse("10:30", unit_system::mi);
      r.profile.age = 60;
      r.profile.prior_injuries = 1;
      r.profile.pain = pain_score::from_int(5);
      r.weeks = c.weeks;
      const auto outcome = make_plan(cat, r);
      ASSERT_TRUE(std::holds_alternative<plan>(outcome)) << proto.id;
      const plan& p = std::get<plan>(outcome);
      ++plans;
      for (const auto& w : p.warnings) distance_warnings += uses_distances(w.code) ? 1 : 0;
      const std::string text = render_text(p, {unit_system::mi});
      const auto at = text.find("km");
      EXPECT_EQ(at, std::string::npos)
          << proto.id << ": '" << text.substr(at == std::string::npos ? 0 : at - 60, 80) << "'";
    }
  }
  EXPECT_EQ(plans, cat.protocols().size() * cases.size());
  EXPECT_GT(distance_warnings, plans);  // the profiles do raise distance warnings
}

// Hardening: wrapping was quadratic in the length of a word (a 5 MB name took 37.6 s). A 5 MB
// one-word name now wraps in linear time, into full lines with nothing lost.
TEST(RenderText, HugeWordsWrapInLinearTime) {
  plan p = sample_plan();
  const std::size_t size = 5 * 1024 * 1024;
  p.condition_name = std::string(size, 'n');
  const std::string text = render_text(p);
  std::size_t kept = 0;
  std::size_t lines = 0;
  for (auto line : lines_of(text)) {
    EXPECT_LE(code_points(line), 80U);
    kept += static_cast<std::size_t>(std::count(line.begin(), line.end(), 'n'));
    ++lines;
  }
  EXPECT_GE(kept, size);
  EXPECT_GT(lines, size / 100);
}

// docs/plan-rules.md rule 7: every warning is shown before week 1, not after it.
TEST(RenderText, EveryWarningComesBeforeTheFirstWeek) {
  const plan p = sample_plan();
  ASSERT_FALSE(p.warnings.empty());
  for (auto units : {unit_system::km, unit_system::mi}) {
    const std::string text = render_text(p, {units});
    const auto first_week = text.find("== WEEK 1 of");
    ASSERT_NE(first_week, std::string::npos);
    for (const auto& w : p.warnings) {
      const auto words = notice_text(w, units).substr(0, 40);
      const auto at = text.find(words);
      ASSERT_NE(at, std::string::npos) << words;
      EXPECT_LT(at, first_week) << words;
    }
  }
}

namespace kneerehab {
namespace {

nlohmann::json shipped_schema() {
  std::ifstream in(std::filesystem::path(KNEEREHAB_SOURCE_DIR) / "docs" / "plan.schema.json");
  return nlohmann::json::parse(in);
}

// docs/plan.schema.json names exactly the codes the library has.
TEST(PlanSchema, ListsEveryNoticeCode) {
  std::vector<std::string> codes;
  for (notice_code code : all_notice_codes) codes.emplace_back(to_string(code));
  const auto listed = shipped_schema()
                          .at("$defs")
                          .at("warning")
                          .at("properties")
                          .at("code")
                          .at("enum")
                          .get<std::vector<std::string>>();
  EXPECT_EQ(listed, codes);
}

}  // namespace
}  // namespace kneerehab

namespace kneerehab {
namespace {

// The Ottawa referral of the planner fixture, its condition marked traumatic.
referral ottawa_referral_sample() {
  auto content = testing::fixture_content();
  content.conditions[0].traumatic = true;
  const catalogue cat(std::move(content));
  auto request = testing::standard_request();
  request.profile.age = 61;
  request.profile.injury_date = date::from_ymd(2026, 11, 18);
  return *safety_gate(cat, request);
}

TEST(RenderReferral, JsonMatchesGolden) {
  expect_matches_golden("referral.json", render_json(ottawa_referral_sample()));
}

TEST(RenderReferral, TextIsTheStopLineAndTheMessage) {
  const referral r = ottawa_referral_sample();
  EXPECT_EQ(render_text(r),
            "STOP: no plan. Possible fracture (Ottawa knee rule)\n" + r.message + "\n");
  EXPECT_EQ(render(r, output_format::text), render_text(r));
  EXPECT_EQ(render(r, output_format::json), render_json(r));
}

TEST(RenderReferral, JsonCarriesWhatEachReasonUses) {
  const catalogue cat = testing::fixture_catalogue();
  auto request = testing::standard_request();
  request.profile.symptoms = {"calf-swelling"};
  auto j = nlohmann::ordered_json::parse(render_json(*safety_gate(cat, request)));
  EXPECT_EQ(j.at("schema"), "kneerehab.referral/1");
  EXPECT_EQ(j.at("reason"), "red-flag");
  EXPECT_EQ(j.at("red_flag").at("id"), "possible-dvt");
  EXPECT_EQ(j.at("symptom_id"), "calf-swelling");
  EXPECT_FALSE(j.contains("condition"));
  EXPECT_FALSE(j.contains("pain"));

  request.profile.symptoms.clear();
  request.profile.pain = pain_score::from_int(9);
  j = nlohmann::ordered_json::parse(render_json(*safety_gate(cat, request)));
  EXPECT_EQ(j.at("reason"), "pain");
  EXPECT_EQ(j.at("pain"), 9);
  EXPECT_EQ(j.at("pain_refer_min"), 8);
  EXPECT_EQ(j.at("condition").at("id"), "hamstring-tendinopathy");
  EXPECT_FALSE(j.contains("red_flag"));

  request.profile.pain = pain_score::from_int(0);
  request.protocol_id.clear();
  request.condition_id = "popliteal-artery-entrapment";
  j = nlohmann::ordered_json::parse(render_json(*safety_gate(cat, request)));
  EXPECT_EQ(j.at("reason"), "referral-only-condition");
  EXPECT_EQ(j.at("title"), "Popliteal artery entrapment");
  EXPECT_EQ(j.at("condition").at("name"), "Popliteal artery entrapment");
  EXPECT_FALSE(j.contains("red_flag"));
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"schema", "reason", "title", "condition", "why",
                                            "action", "message", "generator"}));
}

TEST(PlanSchema, ListsEveryReferralReason) {
  const auto listed = shipped_schema()
                          .at("$defs")
                          .at("referral")
                          .at("properties")
                          .at("reason")
                          .at("enum")
                          .get<std::vector<std::string>>();
  EXPECT_EQ(listed, (std::vector<std::string>{
                        std::string(to_string(referral_reason::red_flag)),
                        std::string(to_string(referral_reason::referral_only_condition)),
                        std::string(to_string(referral_reason::ottawa_knee_rule)),
                        std::string(to_string(referral_reason::pain))}));
}

}  // namespace
}  // namespace kneerehab

TEST(RenderHandout, ReferralHasNoHtmlOrCsvDocument) {
  const referral r = ottawa_referral_sample();
  EXPECT_EQ(render(r, output_format::html), "");
  EXPECT_EQ(render(r, output_format::csv), "");
  EXPECT_EQ(render(r, output_format::markdown), render_text(r));
}

TEST(RenderText, TheLargestVolumesStayWithinTheWidth) {
  plan p = sample_plan();
  p.weeks[2].run_total = distance::from_km(250.5);
  p.weeks[2].run_cap = distance::from_km(299.5);
  const std::string text = render_text(p);
  for (auto line : lines_of(text)) EXPECT_LE(code_points(line), 80U) << line;
  EXPECT_NE(text.find("run 250.5 of 299.5 km \u00b7 lighter week"), std::string::npos) << text;
}
