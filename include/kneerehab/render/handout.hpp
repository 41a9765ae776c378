#pragma once
/// \file handout.hpp
/// The printable handout of a plan, as data: what goes on the first page, on each week's page
/// and on the exercise page, already worded in the reader's units. The text, Markdown and HTML
/// writers (render.hpp) lay this one model out, so the three formats say the same things.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kneerehab/model/date.hpp"
#include "kneerehab/model/units.hpp"
#include "kneerehab/plan/plan.hpp"

namespace kneerehab {

class catalogue;

/// "Label: value" on the first page (condition, protocol, dates, running, pace, run days).
struct handout_fact {
  std::string label;
  std::string value;
};

/// One bar of the weekly running chart, in the reader's units.
struct handout_bar {
  int week = 1;
  double planned = 0;
  double cap = 0;
  int phase = 1;  ///< 1-based index among the plan's phases, in order of appearance
  bool lighter_week = false;
};

/// A phase as the chart bands it: weeks first..last (1-based, inclusive).
struct handout_phase {
  int index = 1;
  std::string name;
  std::string goal;  ///< from the catalogue's protocol; empty without it
  int first_week = 1;
  int last_week = 1;
};

/// An entry criterion: the question the runner answers, and the protocol's own words.
struct handout_criterion {
  std::string question;  ///< criterion_question()
  std::string detail;    ///< the protocol's text; empty when it has none
};

/// One exercise of a strength or mobility group, with its dose that week.
struct handout_dose {
  std::string exercise_id;
  std::string name;
  std::string dose;  ///< describe(dosage): "3 x 15", "5 x 45 s hold"
  bool twice_a_day = false;
};

/// An exercise of the week at one dose, once, with the groups (letters) and days it is in.
struct handout_item {
  std::string exercise_id;
  std::string name;
  std::string dose;
  bool twice_a_day = false;
  std::vector<std::string> groups;  ///< the letters of its groups: "A", "C"
  std::vector<weekday> days;        ///< in week order
};

/// Strength or mobility sessions with the same exercises at the same doses, written once per
/// week with the days they fall on.
struct handout_group {
  std::string label;   ///< "Strength A", "Mobility B": letters unique in the week
  std::string letter;  ///< "A"
  std::vector<weekday> days;
  int minutes = 0;  ///< estimated minutes of one session
  std::vector<handout_dose> exercises;
};

/// One cell of the week's grid: a tick box (a session that day), with a word or number.
struct handout_cell {
  bool tick = false;
  std::string text;  ///< runs: the distance ("5.9"); minutes: "86"; else empty
};

/// One row of the week's grid, Monday (or the plan's first weekday) to Sunday.
struct handout_row {
  std::string label;  ///< "Run (km)", "Strength A · 34 min", "Cross-training: bike"
  std::array<handout_cell, 7> cells;
};

/// A run or walk-run in words, under the grid.
struct handout_run {
  date day = date::earliest();
  std::string label;      ///< "Run", "Walk-run"
  std::string detail;     ///< "5.9 km · about 38 min · flat surface · hills"
  std::string intervals;  ///< walk-run: "3 x (walk 4:00 / run 1:00)"; else empty
  // The same in parts, for compact layouts.
  double distance = 0;              ///< in the handout's units, running only
  int minutes = 0;                  ///< running (and walking) minutes
  int total_minutes = 0;            ///< with warm-up and cool-down
  std::string surface;              ///< "flat", "road", "trail"
  std::vector<std::string> extras;  ///< "hills", "downhill", "strides", "long run"
};

struct handout_week {
  unit_system units = unit_system::km;
  int number = 1;
  date start = date::earliest();
  date end = date::earliest();
  handout_phase phase;
  int week_in_phase = 1;
  std::string running;   ///< "13.5 km planned of a 15.0 km cap", "No running this week"
  double run_total = 0;  ///< in the handout's units
  double run_cap = 0;
  bool lighter_week = false;
  std::vector<handout_criterion> checkpoint;  ///< first week of a phase only
  std::vector<date> days;                     ///< the seven days, in order
  /// Sessions as a grid: one row for the runs, one per strength or mobility group, one per
  /// cross-training activity; a tick box on each day the session falls on.
  std::vector<handout_row> sessions;
  std::array<int, 7> minutes{};  ///< each day's estimated minutes, all sessions
  std::array<bool, 7> active{};  ///< a session that is not rest: a pain line that day
  std::vector<handout_run> runs;
  std::vector<handout_group> groups;
  /// The groups' exercises, each exercise at each dose once: the week's exercise table.
  std::vector<handout_item> exercises;
};

/// An exercise the plan uses, once, for the exercise page.
struct handout_exercise {
  std::string id;
  std::string name;
  std::vector<std::string> instructions;  ///< ordered steps; empty without a catalogue
  std::vector<std::string> cues;
  std::vector<std::string> equipment;
  std::string regression;          ///< the easier exercise's name; empty when none
  std::string progression;         ///< the harder exercise's name; empty when none
  std::vector<std::string> notes;  ///< the protocol's notes about it, once each
};

struct handout {
  unit_system units = unit_system::km;
  std::string title;  ///< "Knee rehab plan: <condition name>"
  std::vector<handout_fact> facts;
  std::vector<std::string> referrals;  ///< referral notices, worded
  std::vector<std::string> warnings;   ///< every other warning, worded
  std::vector<handout_bar> chart;
  std::vector<handout_phase> phases;
  std::vector<std::string> pain_guide;  ///< from the protocol's pain thresholds
  /// Notes that hold for the whole plan, said once: warm-up, cool-down, icing, hills, speed,
  /// long runs, cross-training effort.
  std::vector<std::string> notes;
  std::vector<std::string> advice;
  std::vector<std::string> sources;
  std::vector<handout_week> weeks;
  std::vector<handout_exercise> exercises;
};

/// The handout of `p` in `units`. `exercises` (the catalogue the plan came from) adds each
/// exercise's instructions, cues, regression and progression and each phase's goal; without it
/// (or for an exercise it lacks) the exercise page names the exercise only.
handout make_handout(const plan& p, unit_system units, const catalogue* exercises = nullptr);

/// "Mon 7 Dec": a day as a handout's table shows it.
std::string handout_day_name(date day);

}  // namespace kneerehab
