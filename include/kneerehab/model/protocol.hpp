#pragma once
/// \file protocol.hpp
/// Phased rehabilitation protocols: phases with entry criteria, exercise prescriptions with
/// weekly dosage progression, a running rule, advice and contraindications.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/model/dosage.hpp"

namespace kneerehab {

/// One step of a walk/run ladder: `repeats` x (walk `walk_s`, run `run_s`).
/// A step with walk_s == 0 and repeats == 1 is a continuous run of run_s seconds.
struct interval_step {
  int walk_s = 0;
  int run_s = 0;
  int repeats = 1;
  friend bool operator==(const interval_step&, const interval_step&) = default;
};

/// A published walk/run return ladder (docs/clinical-basis.md, walk/run ladders).
struct walk_run_ladder {
  std::string id;  ///< e.g. "time-based-10"
  std::string name;
  std::string source;
  std::vector<interval_step> steps;  ///< easiest first; each is done at least twice
};

enum class running_mode {
  none,        ///< no running in this phase
  walk_run,    ///< walk/run ladder
  modified,    ///< keep running at a pain-tolerated fraction of current volume
  continuous,  ///< continuous running, volume built under the load rules
};
std::string_view to_string(running_mode mode) noexcept;  ///< "none", "walk-run", ...
std::optional<running_mode> parse_running_mode(std::string_view text) noexcept;

/// Where runs happen; later values load the knee more.
enum class surface { flat, road, trail };
std::string_view to_string(surface s) noexcept;
std::optional<surface> parse_surface(std::string_view text) noexcept;

/// How a phase runs.
struct running_rule {
  running_mode mode = running_mode::none;
  std::string ladder_id;  ///< walk_run: the ladder to climb
  /// modified: fraction of the current weekly volume to start from (0 < f <= 1);
  /// continuous: fraction of the baseline to restart from when coming off a ladder or a
  /// break (convention: 0.5).
  double start_fraction = 0.5;
  surface max_surface = surface::flat;  ///< the hardest surface allowed
  bool hills = false;                   ///< hills and downhill running allowed
  bool speed = false;                   ///< speed work allowed
  friend bool operator==(const running_rule&, const running_rule&) = default;
};

/// An objective criterion checked before a phase starts, e.g.
/// {"single_leg_heel_raises", ">=", 20, "reps", "20 single-leg heel raises each side"}.
struct entry_criterion {
  std::string measure;  ///< machine name of what is measured
  std::string op;       ///< "<=", ">=", "==", "<", ">"
  double value = 0;
  std::string unit;    ///< "/10", "reps", "s", "min", "%", "deg"...
  std::string text;    ///< what the therapist reads
  std::string source;  ///< may be empty when the protocol's sources cover it
};

/// The measurable rule, e.g. "single_leg_heel_raises >= 20 reps", "pain_daily_nprs <= 2/10",
/// "walk_without_aids == yes" (for yes/no measures).
std::string describe_rule(const entry_criterion& c);

/// From `week` of its phase on (1-based), the prescription uses `dose`.
struct dosage_step {
  int week = 1;
  dosage dose;
};

struct prescription {
  std::string exercise_id;
  dosage dose;                           ///< week 1 of the phase
  std::vector<dosage_step> progression;  ///< later weeks, strictly increasing week numbers
  std::string note;                      ///< may be empty
};

/// The dose in force in `week_in_phase` (1-based).
const dosage& dose_for_week(const prescription& p, int week_in_phase) noexcept;

struct phase {
  std::string id;  ///< unique within the protocol, e.g. "isometric-relief"
  std::string name;
  std::string goal;
  int min_weeks = 1;
  int max_weeks = 1;
  std::vector<entry_criterion> entry_criteria;  ///< empty only for the first phase
  std::vector<prescription> prescriptions;
  running_rule running;
  std::vector<std::string> cross_training;    ///< e.g. "stationary bike", "pool running"
  std::vector<std::string> advice;            ///< phase-specific advice
  std::vector<std::string> barred_exercises;  ///< exercise ids contraindicated in this phase
};

enum class advice_topic {
  warm_up,
  cool_down,
  icing,
  footwear,
  surfaces,
  hydration,
  cadence,
  pain,
  load,
  general
};
std::string_view to_string(advice_topic topic) noexcept;  ///< "warm-up", "cool-down", ...
std::optional<advice_topic> parse_advice_topic(std::string_view text) noexcept;

struct advice_note {
  advice_topic topic = advice_topic::general;
  std::string text;
};

/// Where in [min_weeks, max_weeks] a phase's length falls (0 = min, 1 = max) for each
/// severity, and how many weeks age and prior injuries add (clamped at max_weeks).
struct phase_length_rules {
  double mild = 0.0;
  double moderate = 0.5;
  double severe = 1.0;
  int older_age = 50;  ///< from this age on, add older_extra_weeks
  int older_extra_weeks = 1;
  int prior_injury_extra_weeks = 1;  ///< added when prior_injuries > 0
};

/// Pain-monitoring thresholds on the 0-10 scale (docs/clinical-basis.md section 2).
struct pain_rules {
  int progress_max = 3;  ///< pain <= this: progress
  int hold_max = 5;      ///< pain <= this: hold; above: regress
  /// Daily pain at or above this refers (a referral, never a plan); above hold_max. Default
  /// 8/10 (docs/plan-rules.md rule 7).
  int refer_min = 8;
};

/// Running-load limits (docs/clinical-basis.md, running load; docs/plan-rules.md rules 2-4).
struct load_rules {
  double weekly_increase = 0.10;           ///< max week-on-week volume increase (0.05..0.20)
  double cautious_weekly_increase = 0.05;  ///< for age >= older_age or prior injuries
  int older_age = 50;
  double spike_ratio = 1.10;     ///< max run / longest run in the previous 30 days
  int deload_every = 4;          ///< a lighter week every 3-4 weeks
  double deload_cut = 0.25;      ///< lighter week volume cut (0.20..0.30)
  double long_run_share = 0.30;  ///< max share of the week in one run
  int max_runs_per_week = 4;     ///< walk/run ladder
  int max_ladder_steps_per_week = 2;
  int min_sessions_per_step = 2;
  double warn_increase = 0.20;  ///< warn when inputs imply more than this

  // Return to volume (docs/plan-rules.md, "Return to volume"; clinical-rules 5). Set in code;
  // protocol files do not carry them yet.
  /// Weekly increase while the volume is below what the runner held before the injury:
  /// held volume comes back faster than new volume is built (restart near 50% and back in
  /// 2-4 weeks, Daniels' time-off adjustments).
  double regain_weekly_increase = 0.30;
  int short_break_days = 10;                ///< fewer days off: resume close to the previous volume
  int long_break_days = 28;                 ///< more days off: staged return from about a third
  double restart_after_short_break = 0.90;  ///< share of the held volume (Pfitzinger)
  double restart_after_break = 0.50;        ///< 10-28 days off (Daniels)
  double restart_after_long_break = 0.33;   ///< more than 28 days off (Daniels)
  double min_run_minutes = 15;   ///< no shorter continuous run: fewer, longer runs instead
  double max_run_minutes = 150;  ///< no longer run (Daniels: long run at most 150 minutes)
  /// The longest first run when no run of the previous 30 days is known (a restart without a
  /// ladder: the published walk/run ladders end with continuous runs of 20-30 minutes). The
  /// runs a profile's current volume stands for are at least this long, so that a runner who
  /// stopped never starts with longer runs than one still running (rule 8).
  double restart_run_minutes = 30;
  bool downhill_last = false;  ///< downhill after speed (hamstring, popliteus, PCL)
};

/// How big a strength or mobility session may get (docs/plan-rules.md rule 9). Fewer exercises
/// are done more faithfully (Henry, Rosemond & Eckert 1999): when a phase prescribes more than
/// fit, the planner spreads them over more days, and what still does not fit is left out with
/// a notice.
struct session_rules {
  int max_exercises = 6;  ///< most exercises in one strength or mobility session, 1..12
  friend bool operator==(const session_rules&, const session_rules&) = default;
};

struct protocol {
  std::string id;  ///< e.g. "patellofemoral-pain-standard"
  std::string name;
  std::string condition_id;
  std::string summary;
  std::vector<phase> phases;  ///< in order
  std::vector<advice_note> advice;
  std::vector<std::string> sources;
  phase_length_rules lengths;
  pain_rules pain;
  load_rules load;
  session_rules sessions;
};

}  // namespace kneerehab
