// Which days carry a run, and how far (docs/plan-rules.md rules 1-5 and "Return to volume";
// docs/clinical-basis.md, ladders and running load).
//
// The weeks are walked in order with one running state carried across phases, starting from
// the runner's training state (recent runs, time off, pain):
//   - phases with running "none" plan no runs (rule 1) and count as time off;
//   - walk-run weeks climb the ladder (rule 2); the phase lasts until its ladder is done;
//   - modified weeks continue what the runner does now, flat, holding while pain is in the
//     protocol's hold zone;
//   - continuous weeks return to the volume held before the injury faster than new volume is
//     built, with lighter weeks, the single-session spike rule, one more run a week at most,
//     runs of at least min_run_minutes, and one new stimulus (road, trail, hills, downhill,
//     speed) a week once the volume is at 90% of the target (rules 3-5).
// Every distance planned for a continuous run is rounded *down* to 10 m so that rounding can
// never break an upper bound.
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "kneerehab/core/error.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab::detail {
namespace {

/// Frandsen et al. 2025: the single-session spike rule looks back 30 days.
constexpr int spike_window_days = 30;
/// A restart after weeks without running begins with at most this many runs, as the
/// walk/run ladders do (every other day); then one more run a week (rule 5).
constexpr int restart_runs = 3;
/// New terrain and intensity only once the weekly volume is this share of the target
/// (rule 5; clinical-rules 5, "hills and downhill only once the target volume is pain-free").
constexpr double stimulus_volume_share = 0.90;
constexpr double no_bound = std::numeric_limits<double>::infinity();

// 10 m, not 100 m: coarser flooring compounds under the 110% spike bound and holds short
// runs well below what the rules allow. A micrometre (1e-6 of 10 m) to spare: a sum such as
// 6.53 + (21.78 - 21.77) is 6.5399999... in doubles and must round to 6.54, not 6.53.
double floor_to_10m(double km) noexcept { return std::floor(km * 100.0 + 1e-6) / 100.0; }

struct run_record {
  int day = 0;  ///< days since the plan start (negative: before it)
  double km = 0;
};

struct ladder_progress {
  const walk_run_ladder* ladder = nullptr;
  int step = -1;  ///< -1: not started
  int done_at_step = 0;
  int entry_step = 0;            ///< the first step climbed
  std::vector<int> step_starts;  ///< plan days on which a step was first run

  [[nodiscard]] int last_step() const noexcept {
    return static_cast<int>(ladder->steps.size()) - 1;
  }
  [[nodiscard]] bool finished(int min_sessions) const noexcept {
    return ladder != nullptr && step == last_step() && done_at_step >= min_sessions;
  }
};

/// State of a continuous (or modified) volume build.
struct build_progress {
  bool active = false;
  double last_total = 0;    ///< planned volume of the last running week
  double resume_total = 0;  ///< the volume the build continues from (before a lighter week)
  int last_runs = 0;        ///< runs in the last running week
  int weeks_since_deload = 0;
  bool held = false;  ///< the last running week was held under pain monitoring
};

/// A run about to be placed: day index within the week and distance.
struct planned_run {
  int day_in_week = 0;
  double km = 0;
  bool long_run = false;
};

/// The runs of one week, at most one a day: a fixed array, not a heap vector.
class week_runs {
 public:
  void push_back(const planned_run& r) noexcept { runs_[size_++] = r; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  planned_run* begin() noexcept { return runs_.data(); }
  planned_run* end() noexcept { return runs_.data() + size_; }
  [[nodiscard]] const planned_run* begin() const noexcept { return runs_.data(); }
  [[nodiscard]] const planned_run* end() const noexcept { return runs_.data() + size_; }
  planned_run& back() noexcept { return runs_[size_ - 1]; }
  [[nodiscard]] const planned_run& back() const noexcept { return runs_[size_ - 1]; }
  planned_run& operator[](std::size_t i) noexcept { return runs_[i]; }
  [[nodiscard]] const planned_run& operator[](std::size_t i) const noexcept { return runs_[i]; }

 private:
  std::array<planned_run, 7> runs_{};
  std::size_t size_ = 0;
};

/// Terrain and intensity, in the order they are introduced (clinical-rules 5: flat first,
/// then road, then trail; hills, downhill and speed once the volume is pain-free).
enum class stimulus { road, trail, hills, downhill, speed };
constexpr std::size_t stimulus_count = 5;

bool is_hard(stimulus s) noexcept {
  return s == stimulus::hills || s == stimulus::downhill || s == stimulus::speed;
}

/// The stimuli a phase allows, in the order they come: downhill after speed when the protocol
/// says downhill comes last.
std::vector<stimulus> allowed_stimuli(const running_rule& rule, const load_rules& load) {
  std::vector<stimulus> out;
  if (rule.mode != running_mode::continuous) return out;
  if (rule.max_surface >= surface::road) out.push_back(stimulus::road);
  if (rule.max_surface >= surface::trail) out.push_back(stimulus::trail);
  if (rule.hills) out.push_back(stimulus::hills);
  if (rule.hills && !load.downhill_last) out.push_back(stimulus::downhill);
  if (rule.speed) out.push_back(stimulus::speed);
  if (rule.hills && load.downhill_last) out.push_back(stimulus::downhill);
  return out;
}

/// Which of `available` days (indexes 0..6) carry `n` runs: as few runs on consecutive days
/// as possible (counting the previous week's last run day), then the last available day kept
/// for the long run, then the widest smallest gap, then the earliest days.
std::array<bool, 7> choose_days(const std::array<bool, 7>& available, int n,
                                int previous_run_day_in_week) {
  std::array<bool, 7> best{};
  int last_available = -1;
  for (int k = 0; k < 7; ++k) {
    if (available[static_cast<std::size_t>(k)]) last_available = k;
  }
  long best_score = std::numeric_limits<long>::max();
  for (unsigned mask = 0; mask < 128U; ++mask) {
    if (std::popcount(mask) != n) continue;
    bool ok = true;
    int adjacent = 0;
    int smallest_gap = 7;
    int previous = previous_run_day_in_week;
    for (int k = 0; k < 7; ++k) {
      if ((mask & (1U << k)) == 0) continue;
      if (!available[static_cast<std::size_t>(k)]) ok = false;
      if (k - previous < 2) ++adjacent;
      if (previous > -8) smallest_gap = std::min(smallest_gap, k - previous);
      previous = k;
    }
    if (!ok) continue;
    const bool keeps_last = last_available >= 0 && (mask & (1U << last_available)) != 0;
    const long score = adjacent * 100000L + (keeps_last ? 0 : 10000L) + (7 - smallest_gap) * 1000L +
                       static_cast<long>(mask);
    if (score < best_score) {
      best_score = score;
      for (int k = 0; k < 7; ++k) best[static_cast<std::size_t>(k)] = (mask & (1U << k)) != 0;
    }
  }
  return best;
}

class running_planner {
 public:
  running_planner(const plan_context& ctx, warning_list& warnings);
  void plan(const phase_span& span, plan_week& week);

  /// The walk/run ladder of the current walk-run phase is done (or cannot go on).
  [[nodiscard]] bool ladder_finished() const noexcept {
    return ladder_.finished(load_.min_sessions_per_step) ||
           (ladder_capped_ && ladder_.done_at_step >= load_.min_sessions_per_step);
  }
  /// The ladder planned a session in the last week (false: it cannot progress).
  [[nodiscard]] bool ladder_moved() const noexcept { return ladder_moved_; }
  /// The target has been reached and held a week, and every stimulus `rule` allows is in.
  [[nodiscard]] bool build_complete(const running_rule& rule) const;

 private:
  void rest_week();
  void ladder_week(const phase_span& span, plan_week& week);
  void build_week(const phase_span& span, plan_week& week);
  void select_ladder(const phase& ph);
  [[nodiscard]] int next_step(int day) const;
  void say_ladder_ends_short();
  [[nodiscard]] double longest_before(int day) const;
  [[nodiscard]] double spike_bound(int day) const;
  [[nodiscard]] double restart_volume(const running_rule& rule, int first_day) const;
  [[nodiscard]] std::optional<int> days_without_running(int day) const;
  /// The weekly volume held before the injury (the target when no baseline is known).
  [[nodiscard]] double held_volume() const noexcept {
    return ctx_.profile->baseline.km() > 0 ? ctx_.profile->baseline.km() : target_;
  }
  [[nodiscard]] double grown(double volume) const;
  [[nodiscard]] bool reached(double volume) const noexcept {
    return volume_reaches(volume, target_);
  }
  [[nodiscard]] int runs_carried(double volume) const noexcept;
  /// How a week held under pain monitoring is run: how many runs, and the least the last one
  /// keeps of the runner's longest run now.
  struct held_shape {
    int runs = 1;
    double last_at_least = 0;
  };
  [[nodiscard]] held_shape held_week_shape(double volume, int max_runs) const;
  [[nodiscard]] std::optional<double> lighter_volume(double before, int max_runs,
                                                     int first_day) const;
  [[nodiscard]] bool lighter_week_due(const plan_week& week, bool hold, int max_runs,
                                      int first_day) const;
  [[nodiscard]] bool build_reaches_target(const plan_week& week, int max_runs, int first_day) const;
  [[nodiscard]] week_runs place_runs(const plan_week& week, double volume, int max_runs) const;
  double size_runs(week_runs& runs, double volume, int first_day, double last_at_least = 0) const;
  [[nodiscard]] double rising_share(double rest, std::size_t left) const;
  double give_back_rest(week_runs& runs, const std::array<double, 7>& bounds, double volume,
                        double planned, bool has_long) const;
  [[nodiscard]] double regain_rate() const;
  void commit_runs(const phase_span& span, plan_week& week, week_runs& runs, bool lighter);
  void add_stimuli(const phase_span& span, plan_week& week, const week_runs& runs, bool lighter);
  [[nodiscard]] std::vector<session_note> run_notes(const phase_span& span,
                                                    std::size_t extra = 0) const;
  [[nodiscard]] bool is_run_day(const plan_week& week, int day_in_week) const noexcept;

  const plan_context& ctx_;
  const load_rules& load_;
  warning_list& warnings_;
  double target_ = 0;
  double min_run_km_ = 0;
  double max_run_km_ = 0;
  double free_run_km_ = 0;  ///< load.restart_run_minutes at the easy pace
  std::vector<run_record> history_;
  int last_run_day_ = -1000;
  int last_ladder_run_day_ = -1000;
  /// The days without running before the ladder started (the break the restart is sized by).
  std::optional<int> ladder_break_days_;
  double current_km_ = 0;          ///< what the runner does now, a week
  int current_runs_ = 0;           ///< runs a week now
  double current_longest_km_ = 0;  ///< the longest run of the runner's week now
  bool running_since_start_ = false;
  ladder_progress ladder_;
  bool ladder_moved_ = true;
  bool ladder_capped_ = false;  ///< the next step needs more than the target: the ladder ends
  int ladder_runs_last_week_ = 0;
  build_progress build_;
  bool last_week_was_ladder_ = false;
  double last_ladder_week_km_ = 0;
  double last_step_run_km_ = 0;  ///< running distance of the ladder's last step session
  bool first_continuous_pending_ = false;
  bool short_runs_said_ = false;  ///< the plan says the ladder ended below min_run_minutes
  int weeks_at_target_ = 0;
  std::array<bool, stimulus_count> introduced_{};
  bool introduced_last_week_ = false;
  int hard_rotation_ = 0;
  int last_hard_day_ = -1000;
  /// Per protocol phase, the notes of every run session: the protocol's warm-up and
  /// cool-down advice and the phase's advice about ice, when there is any. Their texts are
  /// shared by every run session of the plan.
  std::vector<std::vector<session_note>> run_notes_;
};

/// The protocol's first advice on `topic`, or empty: the warm-up and cool-down before and
/// after each run are the protocol's own words, so they never name an exercise it bars.
shared_text advice_on(const protocol& proto, advice_topic topic) {
  for (const auto& a : proto.advice) {
    if (a.topic == topic) return a.text;
  }
  return {};
}

running_planner::running_planner(const plan_context& ctx, warning_list& warnings)
    : ctx_(ctx),
      load_(ctx.proto->load),
      warnings_(warnings),
      target_(ctx.target.km()),
      min_run_km_(ctx.min_run.km()),
      max_run_km_(ctx.max_run.km()),
      // 10 m more, so that rounding down to 10 m keeps the run at restart_run_minutes.
      free_run_km_(ctx.profile->easy_pace.distance_in(ctx.proto->load.restart_run_minutes).km() +
                   0.01) {
  const shared_text warm_up = advice_on(*ctx.proto, advice_topic::warm_up);
  const shared_text cool_down = advice_on(*ctx.proto, advice_topic::cool_down);
  run_notes_.resize(ctx.proto->phases.size());
  for (std::size_t i = 0; i < ctx.proto->phases.size(); ++i) {
    auto& notes = run_notes_[i];
    notes.reserve(3);
    if (!warm_up.empty()) notes.emplace_back(note_code::warm_up, warm_up);
    if (!cool_down.empty()) notes.emplace_back(note_code::cool_down, cool_down);
    for (const auto& text : ctx.proto->phases[i].advice) {
      if (mentions_ice(text)) {
        notes.emplace_back(note_code::icing, text);
        break;
      }
    }
  }
  // The runs before the plan, for the spike rule and for what the runner does now.
  const training_state& state = *ctx.state;
  for (const auto& r : state.recent_runs) {
    const int day = days_between(ctx.start, r.day);
    if (day >= 0 || day < -spike_window_days) continue;
    history_.push_back({day, r.run.km()});
    last_run_day_ = std::max(last_run_day_, day);
    if (day >= -7) {
      current_km_ += r.run.km();
      ++current_runs_;
      current_longest_km_ = std::max(current_longest_km_, r.run.km());
    }
  }
  std::sort(history_.begin(), history_.end(),
            [](const run_record& a, const run_record& b) { return a.day < b.day; });
  running_since_start_ = current_km_ > 0;
  build_.last_runs = current_runs_;
}

bool running_planner::is_run_day(const plan_week& week, int day_in_week) const noexcept {
  const auto wd = week.days[static_cast<std::size_t>(day_in_week)].day.day_of_week();
  return ctx_.is_run_day[static_cast<std::size_t>(wd)];
}

std::vector<session_note> running_planner::run_notes(const phase_span& span,
                                                     std::size_t extra) const {
  const auto& base = run_notes_[static_cast<std::size_t>(span.index)];
  std::vector<session_note> notes;
  notes.reserve(base.size() + extra);
  notes.insert(notes.end(), base.begin(), base.end());
  return notes;
}

bool running_planner::build_complete(const running_rule& rule) const {
  if (target_ <= 0) return true;
  if (weeks_at_target_ < 2) return false;
  const auto wanted = allowed_stimuli(rule, load_);
  return std::all_of(wanted.begin(), wanted.end(),
                     [&](stimulus s) { return introduced_[static_cast<std::size_t>(s)]; });
}

void running_planner::plan(const phase_span& span, plan_week& week) {
  const running_rule& rule = span.ph->running;
  // Pain above the hold threshold: the first phase plans no running (rule 7).
  const bool pain_stops = span.index == 0 && ctx_.pain_stops_running;
  if (rule.mode == running_mode::none || pain_stops) {
    rest_week();
    return;
  }
  if (target_ <= 0.0) {
    warnings_.add(plan_notice(notice_code::target_zero));
    return;
  }
  if (rule.mode == running_mode::walk_run) {
    select_ladder(*span.ph);
    ladder_week(span, week);
    return;
  }
  if (rule.mode == running_mode::modified && !running_since_start_) {
    // Nothing to continue: a runner who stopped restarts in the next running phase.
    rest_week();
    return;
  }
  build_week(span, week);
}

void running_planner::rest_week() {
  // Rule 1, and a week without running is time off: the next build restarts.
  build_.active = false;
  build_.last_runs = 0;
  running_since_start_ = false;
  last_week_was_ladder_ = false;
  weeks_at_target_ = 0;
}

void running_planner::select_ladder(const phase& ph) {
  if (ladder_.ladder != nullptr && ladder_.ladder->id == ph.running.ladder_id) return;
  const walk_run_ladder* ladder = ctx_.cat->find_ladder(ph.running.ladder_id);
  if (ladder == nullptr || ladder->steps.empty()) {
    throw error::invalid_protocol(fmt::format(
        "protocol '{}' phase '{}' climbs ladder '{}', which is not in the catalogue or has no "
        "steps",
        ctx_.proto->id, ph.id, ph.running.ladder_id));
  }
  ladder_ = ladder_progress{};
  ladder_capped_ = false;
  ladder_.ladder = ladder;
  // Every step is done at least twice, from the first (rule 2); a runner already on this
  // ladder (a training state from logged sessions) continues from the step reached.
  const int steps = static_cast<int>(ladder->steps.size());
  ladder_.entry_step = 0;
  const training_state& state = *ctx_.state;
  if (state.ladder_id && *state.ladder_id == ladder->id) {
    ladder_.entry_step = std::clamp(state.ladder_step, ladder_.entry_step, steps - 1);
  }
}

// Only a ladder the target ends early stops below min_run_minutes of running (every shipped
// ladder ends with a continuous run of 20 minutes or more); its first continuous runs keep the
// spike rule from its last step, so they start shorter, and the plan says so (rule 5).
void running_planner::say_ladder_ends_short() {
  plan_notice n(notice_code::ladder_ends_below_min_run);
  n.target = ctx_.target;
  n.minutes = load_.min_run_minutes;
  warnings_.add(std::move(n));
  short_runs_said_ = true;
}

int running_planner::next_step(int day) const {
  if (ladder_.step < 0) return ladder_.entry_step;
  if (ladder_.done_at_step < load_.min_sessions_per_step || ladder_.step == ladder_.last_step()) {
    return ladder_.step;
  }
  // At most max_ladder_steps_per_week new steps in any 7 days (Capin & Snyder-Mackler 2018).
  const auto recent = std::count_if(ladder_.step_starts.begin(), ladder_.step_starts.end(),
                                    [day](int start) { return day - start < 7; });
  return recent < load_.max_ladder_steps_per_week ? ladder_.step + 1 : ladder_.step;
}

void running_planner::ladder_week(const phase_span& span, plan_week& week) {
  const int first_day = (week.number - 1) * 7;
  double week_km = 0;
  int runs = 0;
  for (int k = 0; k < 7; ++k) {
    if (!is_run_day(week, k) || runs >= load_.max_runs_per_week) continue;
    const int day = first_day + k;
    if (day - last_run_day_ < 2) {
      warnings_.add(plan_notice(notice_code::consecutive_run_days));
      continue;
    }
    int step_index = next_step(day);
    auto running_of = [&](int index) {
      const interval_step& s = ladder_.ladder->steps[static_cast<std::size_t>(index)];
      return ctx_.profile->easy_pace.distance_in(s.repeats * s.run_s / 60.0);
    };
    // A step whose running alone is more than the target is never climbed: the ladder ends
    // at the step before it.
    if (ladder_.step < 0) {
      // Not started: enter at the highest step up to the entry step that the target carries.
      while (step_index > 0 && running_of(step_index).km() > target_ + 1e-9) --step_index;
    } else if (step_index > ladder_.step && running_of(step_index).km() > target_ + 1e-9) {
      ladder_capped_ = true;
      step_index = ladder_.step;
    }
    const interval_step& step = ladder_.ladder->steps[static_cast<std::size_t>(step_index)];
    const distance run = running_of(step_index);
    if (week_km + run.km() > target_ + 1e-9) {
      plan_notice n(notice_code::target_below_ladder);
      n.target = ctx_.target;
      warnings_.add(std::move(n));
      continue;
    }
    if (ladder_.step < 0) ladder_break_days_ = days_without_running(day);
    if (step_index != ladder_.step) {
      ladder_.step = step_index;
      ladder_.done_at_step = 0;
      ladder_.step_starts.push_back(day);
    }
    ++ladder_.done_at_step;
    session s{.type = session_type::walk_run,
              .exercises = {},
              .run = run_session{.run = run,
                                 .minutes = step.repeats * (step.walk_s + step.run_s) / 60.0,
                                 .continuous = false,
                                 .intervals = {{step.walk_s, step.run_s, step.repeats}},
                                 .where = surface::flat,
                                 .hills = false,
                                 .downhill = false,
                                 .speed = false,
                                 .long_run = false},
              .activity = {},
              .notes = run_notes(span)};
    auto& sessions = week.days[static_cast<std::size_t>(k)].sessions;
    sessions.reserve(max_sessions_per_day);
    sessions.push_back(std::move(s));
    history_.push_back({day, run.km()});
    last_run_day_ = day;
    last_ladder_run_day_ = day;
    last_step_run_km_ = run.km();
    week_km += run.km();
    ++runs;
  }
  week.run_total = distance::from_km(week_km);
  week.run_cap = week.run_total;  // the ladder itself sets the volume
  ladder_moved_ = runs > 0;
  ladder_runs_last_week_ = runs;
  build_.active = false;
  build_.last_runs = runs;
  running_since_start_ = false;
  last_week_was_ladder_ = true;
  // The first continuous run is bounded by the ladder's last session, once there is one.
  first_continuous_pending_ = first_continuous_pending_ || runs > 0;
  if (runs > 0) last_ladder_week_km_ = week_km;
  weeks_at_target_ = 0;
}

double running_planner::longest_before(int day) const {
  // The longest run of the previous 30 days (Frandsen et al. 2025), planned or logged.
  double longest = 0;
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    if (it->day >= day) continue;
    if (it->day < day - spike_window_days) break;
    longest = std::max(longest, it->km);
  }
  return longest;
}

double running_planner::spike_bound(int day) const {
  // With no run in the window, a run of restart_run_minutes starts the return. Otherwise the
  // spike rule holds with no floor (rule 3).
  const double longest = longest_before(day);
  return longest > 0 ? load_.spike_ratio * longest : free_run_km_;
}

std::optional<int> running_planner::days_without_running(int day) const {
  // The break is counted from the last run of any kind (a walk/run ladder is running), or
  // from the state's last normal running; unknown before the plan, it is at least the plan's
  // own weeks without running.
  std::optional<int> last;
  if (last_run_day_ > -1000) last = last_run_day_;
  if (const auto& since = ctx_.state->days_since_normal_running) {
    last = std::max(last.value_or(std::numeric_limits<int>::min()), -*since);
  }
  if (last) return day - *last;
  if (day >= load_.short_break_days) return day;
  return std::nullopt;
}

double running_planner::restart_volume(const running_rule& rule, int first_day) const {
  // Return to volume after time off (clinical-rules 5; docs/plan-rules.md, "Return to
  // volume"): fewer than 10 days off resumes close to the previous volume, 10-28 days near
  // half of it, longer breaks at about a third. Without a known break the phase's own
  // restart fraction holds (the 2-4 week convention).
  const std::optional<int> days_off =
      last_week_was_ladder_ ? ladder_break_days_ : days_without_running(first_day);
  double fraction = rule.start_fraction;
  if (days_off) {
    if (*days_off < load_.short_break_days) {
      fraction = load_.restart_after_short_break;
    } else if (*days_off <= load_.long_break_days) {
      fraction = load_.restart_after_break;
    } else {
      fraction = load_.restart_after_long_break;
    }
  }
  return fraction * held_volume();
}

double running_planner::regain_rate() const {
  // Older runners and repeat injuries need slower loading (clinical-rules 7): they regain held
  // volume as much slower as they build new volume, 30% x 5/10 = 15% a week by default.
  if (!ctx_.cautious || load_.weekly_increase <= 0) return load_.regain_weekly_increase;
  return load_.regain_weekly_increase * load_.cautious_weekly_increase / load_.weekly_increase;
}

double running_planner::grown(double volume) const {
  // Volume the runner held before the injury comes back at regain_weekly_increase; beyond it
  // the weekly cap for new volume holds (less for older runners and repeat injuries).
  const double increase = ctx_.cautious ? load_.cautious_weekly_increase : load_.weekly_increase;
  const double held = held_volume();
  const double new_volume = volume * (1.0 + increase);
  if (volume >= held) return new_volume;
  return std::min(volume * (1.0 + regain_rate()), std::max(held, new_volume));
}

week_runs running_planner::place_runs(const plan_week& week, double volume, int max_runs) const {
  const int first_day = (week.number - 1) * 7;
  std::array<bool, 7> available{};
  int count = 0;
  for (int k = 0; k < 7; ++k) {
    // Coming off the ladder, the first continuous run also waits a day after the last
    // walk-run session (rule 2 holds until the ladder's last session has had its rest day).
    available[static_cast<std::size_t>(k)] =
        is_run_day(week, k) && first_day + k - last_ladder_run_day_ >= 2;
    count += available[static_cast<std::size_t>(k)] ? 1 : 0;
  }
  if (count == 0 || volume <= 0) return {};
  const int n = std::max(1, std::min({count, max_runs, runs_carried(volume)}));
  const auto days = choose_days(available, n, last_run_day_ - first_day);
  week_runs runs;
  for (int k = 0; k < 7; ++k) {
    if (days[static_cast<std::size_t>(k)]) runs.push_back({k, 0.0, false});
  }
  if (n >= 4) runs.back().long_run = true;
  return runs;
}

int running_planner::runs_carried(double volume) const noexcept {
  // Fewer, longer runs at low volume: no run under min_run_minutes (rule 5), the shorter runs
  // of a week with a long run included. Runs are rounded down to 10 m: the margin keeps each
  // at or above min_run_minutes.
  const double least = min_run_km_ + 0.02;
  for (int n = 7; n > 1; --n) {
    const double shortest =
        n >= 4 ? (volume - std::min(load_.long_run_share * volume, max_run_km_)) / (n - 1)
               : volume / n;
    if (shortest >= least - 1e-9) return n;
  }
  return 1;
}

std::optional<double> running_planner::lighter_volume(double before, int max_runs,
                                                      int first_day) const {
  // A lighter week is 20-30% below the week before (rule 3); its runs stay at least
  // min_run_minutes and, fewer and longer, within the spike rule. The protocol's cut first,
  // then the gentlest and the deepest cut the rule allows. None fits when the week before
  // was barely above one or two of the shortest runs: no lighter week then.
  const double bound = spike_bound(first_day) + 1e-9;
  const double least = min_run_km_ + 0.02;
  for (const double cut : {load_.deload_cut, 0.20, 0.29}) {  // rounding down deepens a cut
    const double volume = before * (1.0 - cut);
    const int n = std::max(1, std::min(max_runs, runs_carried(volume)));
    // Equal runs are the shortest longest run; a long run takes what its bound allows.
    const double equal = volume / n;
    const double long_run =
        n >= 4 ? std::max(equal, std::min({load_.long_run_share * volume, max_run_km_, bound}))
               : equal;
    const double shortest = n >= 4 ? (volume - long_run) / (n - 1) : equal;
    if (equal <= bound && shortest >= least - 1e-9) return volume;
  }
  // Else the most that n runs within the spike rule hold, if that is still a 20-30% cut: a
  // week of one long run or two can be lighter only just so.
  for (int n = 1; n <= std::min(max_runs, 3); ++n) {
    const double volume = std::floor(std::min(before * 0.80, n * bound) * 100.0) / 100.0;
    if (volume >= before * 0.70 && volume / n >= least - 1e-9 && runs_carried(volume) >= n) {
      return volume;
    }
  }
  return std::nullopt;
}

// This week, built at the weekly rate, reaches the target: its runs placed and sized as
// build_week plans them (the spike rule, max_run_minutes, every run rounded down to 10 m), so
// that a week short of the target by its rounding or a bounded run is never taken for one at
// it. Then the lighter week would only put off arriving at a volume that is then held (the
// lighter-week cycle is for building, rule 3).
bool running_planner::build_reaches_target(const plan_week& week, int max_runs,
                                           int first_day) const {
  const double volume = std::min(grown(build_.resume_total), target_);
  if (!reached(volume)) return false;
  week_runs runs = place_runs(week, volume, std::max(1, max_runs));
  if (runs.empty()) return false;
  return reached(size_runs(runs, volume, first_day));
}

bool running_planner::lighter_week_due(const plan_week& week, bool hold, int max_runs,
                                       int first_day) const {
  return !hold && build_.weeks_since_deload >= std::max(2, load_.deload_every) - 1 &&
         !reached(build_.resume_total) && !build_reaches_target(week, max_runs, first_day);
}

// A week held under pain monitoring is the runner's week now: its longest run kept (scaled
// down when held below what the runner runs now, for a lower target), the rest in as many runs
// as stay at least min_run_minutes (one run of 8 km, not two of 4, for a week of one 30-minute
// run and a few hundred metres more). Sharing it out evenly would shorten the longest run, and
// the spike rule would then hold the build after the hold below where a runner who had stopped
// restarts (rule 8).
running_planner::held_shape running_planner::held_week_shape(double volume, int max_runs) const {
  const double last_at_least = current_longest_km_ * std::min(1.0, target_ / current_km_);
  const double least = min_run_km_ + 0.02;
  int n = std::min(std::max(1, max_runs), runs_carried(volume));
  // With 4 or more runs the long run's share (rule 3) would cut the longest run: fewer runs.
  while (n > 1 && (n >= 4 ? load_.long_run_share * volume < last_at_least - 0.01
                          : last_at_least > volume / n &&
                                (volume - last_at_least) / (n - 1) < least - 1e-9)) {
    --n;
  }
  return {n, last_at_least};
}

double running_planner::rising_share(double rest, std::size_t left) const {
  // The first of `left` runs that rise by spike_ratio each and carry `rest`, but never under
  // the shortest run while `rest` shared equally would allow it (rule 5).
  double chain = 0;
  double step = 1;
  for (std::size_t i = 0; i < left; ++i, step *= load_.spike_ratio) chain += step;
  const double equal = rest / static_cast<double>(left);
  return std::max(rest / chain, std::min(min_run_km_ + 0.01, equal));
}

// What a week's runs, sized under their bounds, left of `volume` goes back to them, the last run
// first; returns the week's new total.
double running_planner::give_back_rest(week_runs& runs, const std::array<double, 7>& bounds,
                                       double volume, double planned, bool has_long) const {
  planned_run& last = runs.back();
  // What rounding down and the earlier runs' bounds left: the last run takes it back, as far
  // as its own bound (and, as the long run, its share) allows. Else a runner whose early runs
  // are bounded by a shorter run before the plan builds slower than one who restarts (rule 8).
  double last_most = bounds[runs.size() - 1];
  if (has_long) {
    last_most = std::min(last_most,
                         load_.long_run_share * (planned - last.km) / (1.0 - load_.long_run_share));
  }
  const double topped = floor_to_10m(std::min(last.km + (volume - planned), last_most + 1e-9));
  if (topped > last.km) {
    planned += topped - last.km;
    last.km = topped;
  }
  // What the last run's bound or share could not take (rounding, or earlier runs held by the
  // spike rule): the earlier runs take it, the later ones first, within their bounds and never
  // longer than the long run. More volume only raises the later runs' bounds and the long
  // run's share. Else a week falls short of its volume, and of the target, by what one bounded
  // run left, and the next week's lighter-week choice turns on it (rule 8).
  double rest = floor_to_10m(volume - planned);
  for (std::size_t i = runs.size() - 1; i-- > 0 && rest >= 0.01 - 1e-9;) {
    planned_run& r = runs[i];
    if (r.km <= 0) continue;
    const double most = has_long ? std::min(bounds[i], last.km) : bounds[i];
    const double more = floor_to_10m(std::min(r.km + rest, most + 1e-9));
    if (more <= r.km) continue;
    planned += more - r.km;
    rest -= more - r.km;
    r.km = more;
  }
  return planned;
}

double running_planner::size_runs(week_runs& runs, double volume, int first_day,
                                  double last_at_least) const {
  // With 4 or more runs the last is the long run, at most long_run_share of the week; the
  // others share the rest and are never longer than it. With fewer runs a build week's runs
  // rise (rising_share), a week at the target has equal runs, and a week held as the runner
  // runs now has its last run at `last_at_least` and the others sharing the rest.
  // Every run keeps the spike rule against the 30 days before it (this week's earlier runs
  // included) and max_run_minutes; what a bounded long run cannot carry moves to the others,
  // up to its length.
  const auto n = static_cast<double>(runs.size());
  const bool has_long = runs.back().long_run;
  const bool last_longer = !has_long && runs.size() > 1 && last_at_least > volume / n;
  double long_km = has_long      ? std::min(load_.long_run_share * volume, max_run_km_)
                   : last_longer ? std::min(last_at_least, volume)
                                 : volume / n;
  double other_km = has_long || last_longer ? (volume - long_km) / (n - 1) : volume / n;
  // A build week of 2 or 3 runs rises through the week, each run up to spike_ratio x the one
  // before. Its longest run then depends only on the week's volume and, where the spike rule
  // bounds them, on the runs before it, both never less for a runner who runs more (rule 8):
  // equal runs left the week's last run longer the more the history held back the first.
  const bool rising = !has_long && !last_longer && runs.size() > 1 && volume < target_ - 1e-9;
  double planned = 0;
  std::array<double, 7> bounds{};
  for (int round = 0; round < 3; ++round) {
    std::array<run_record, 7> week{};
    std::size_t placed = 0;
    planned = 0;
    for (auto& r : runs) {
      const int day = first_day + r.day_in_week;
      // The longest run of the 30 days before: planned or logged, this week's earlier runs
      // included; with none, a restart run (rule 3).
      double longest = longest_before(day);
      for (std::size_t i = 0; i < placed; ++i) longest = std::max(longest, week[i].km);
      double bound =
          std::min(max_run_km_, longest > 0 ? load_.spike_ratio * longest : free_run_km_);
      // The first continuous run after the ladder is no longer than its last step plus 10%.
      if (first_continuous_pending_ && placed == 0) {
        bound = std::min(bound, last_step_run_km_ * load_.spike_ratio);
      }
      // A week held under pain monitoring lengthens no run beyond the runner's longest now,
      // even when fewer runs carry the week (what is left too short for a run is dropped).
      if (last_at_least > 0) bound = std::min(bound, current_longest_km_ + 1e-9);
      const double wanted = r.long_run || (last_longer && &r == &runs.back()) ? long_km
                            : rising ? rising_share(volume - planned, runs.size() - placed)
                                     : other_km;
      r.km = floor_to_10m(std::min(wanted, bound));
      bounds[placed] = bound;
      week[placed++] = {day, r.km};
      planned += r.km;
    }
    if (!has_long || runs.back().km >= long_km - 0.01) break;
    double others_longest = 0;
    for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
      others_longest = std::max(others_longest, runs[i].km);
    }
    double others = 0;
    if (bounds[runs.size() - 1] <= load_.spike_ratio * others_longest + 1e-9) {
      // The long run was bounded by this week's other runs: the week is shared so that it is
      // spike_ratio x each of them. Holding it at its bound would keep it short of that, and
      // the next week's runs with it (rule 8).
      others = volume / (n - 1 + load_.spike_ratio);
      long_km = std::min(long_km, load_.spike_ratio * others);
    } else {
      // The long run was bounded by the runs before the week: the others carry the rest,
      // never longer than it.
      long_km = runs.back().km;
      others = std::min(long_km, (volume - long_km) / (n - 1));
    }
    if (others <= other_km + 0.01) break;
    other_km = others;
  }
  planned_run& last = runs.back();
  if (has_long) {
    // Bounded runs may leave the week short: the long run stays within its share of what the
    // week holds (rule 3).
    const double others = planned - last.km;
    const double most = floor_to_10m(load_.long_run_share * others / (1.0 - load_.long_run_share));
    if (last.km > most) {
      planned -= last.km - most;
      last.km = most;
    }
  }
  planned = give_back_rest(runs, bounds, volume, planned, has_long);
  if (has_long) {
    runs.back().long_run = std::all_of(runs.begin(), runs.end() - 1,
                                       [&](const planned_run& r) { return r.km < runs.back().km; });
  }
  return planned;
}

void running_planner::build_week(const phase_span& span, plan_week& week) {
  const running_rule& rule = span.ph->running;
  const int first_day = (week.number - 1) * 7;
  const bool hold = rule.mode == running_mode::modified && ctx_.pain_holds;
  double volume = 0;
  int max_runs = build_.last_runs + 1;
  bool lighter = false;
  bool deload = false;  ///< a lighter week, or the week held in its place
  if (!build_.active) {
    if (last_week_was_ladder_) {
      // Off the ladder, the restart volume, reached from the ladder's last week at the
      // regain rate (rule 3).
      volume = std::max(std::min(restart_volume(rule, first_day), grown(last_ladder_week_km_)),
                        last_ladder_week_km_);
    } else if (running_since_start_) {
      // A runner still running continues from what they do now; free of pain, never below
      // where a runner who stopped would restart (rule 8: more running is never slower).
      volume = current_km_;
      if (!ctx_.pain_holds) volume = std::max(volume, rule.start_fraction * held_volume());
      max_runs = std::max(current_runs_, restart_runs);
    } else {
      volume = restart_volume(rule, first_day);
      max_runs = restart_runs;
    }
    build_ = build_progress{};
    build_.active = true;
  } else if (lighter_week_due(week, hold, max_runs, first_day)) {
    // A lighter week every deload_every weeks while building (clinical-rules 5). Where no
    // 20-30% cut fits above the shortest run, the week holds the volume before it instead:
    // the build loses the week it would lose to a lighter week, no more and no less, so that
    // a runner whose weeks are big enough for one is never the slower (rule 8).
    const auto lighter_km = lighter_volume(build_.resume_total, std::max(1, max_runs), first_day);
    deload = true;
    lighter = lighter_km.has_value();
    volume = lighter_km.value_or(build_.resume_total);
  } else {
    // After a lighter week the build resumes where the week before it left off (rule 3).
    const bool after_lighter = build_.weeks_since_deload == 0 && !build_.held;
    volume = hold || after_lighter ? build_.resume_total : grown(build_.resume_total);
    if (build_.held && !hold) {
      // Pain has let go: the build goes on from where a runner who had stopped would restart,
      // if that is more (rule 8: more running is never slower), and in as many runs as such a
      // runner restarts with (rule 5 lets a restart begin with restart_runs).
      volume = std::max(volume, rule.start_fraction * held_volume());
      max_runs = std::max(max_runs, restart_runs);
    }
  }
  // Never less than one run of min_run_minutes (rule 5: fewer, longer runs at low volume),
  // unless a short ladder leaves the runs to grow to it at the weekly rate.
  const bool short_ladder =
      first_continuous_pending_ && last_step_run_km_ * load_.spike_ratio < min_run_km_ - 0.01;
  if (!lighter && target_ >= min_run_km_ && !short_runs_said_ && !short_ladder) {
    volume = std::max(volume, std::min(min_run_km_ + 0.01, target_));
  }
  volume = std::min(volume, target_);
  if (volume <= 0) return;
  const held_shape shape =
      hold ? held_week_shape(volume, max_runs) : held_shape{std::max(1, max_runs), 0};
  week_runs runs = place_runs(week, volume, shape.runs);
  if (runs.empty()) return;
  const double planned = size_runs(runs, volume, first_day, shape.last_at_least);
  if (planned <= 0) {
    // Nothing fits under the bounds: the next week starts the build again.
    build_.active = false;
    return;
  }
  week_runs kept;
  for (const auto& r : runs) {
    if (r.km > 0) kept.push_back(r);
  }
  commit_runs(span, week, kept, lighter);
  add_stimuli(span, week, kept, lighter);
  week.run_cap = distance::from_km(volume);
  week.lighter_week = lighter;
  if (short_ladder && !kept.empty()) say_ladder_ends_short();
  first_continuous_pending_ = first_continuous_pending_ && kept.empty();
  build_.last_total = planned;
  build_.last_runs = static_cast<int>(kept.size());
  if (deload) {
    build_.weeks_since_deload = 0;
  } else {
    build_.resume_total = planned;
    // Weeks held under pain monitoring build nothing: the cycle to the next lighter week
    // starts when the build does, as it would for a runner who stopped (rule 8).
    build_.weeks_since_deload = hold ? 0 : build_.weeks_since_deload + 1;
    build_.held = hold;
  }
  const bool at_target = !lighter && reached(planned);
  weeks_at_target_ = at_target ? weeks_at_target_ + 1 : 0;
  running_since_start_ = true;
  last_week_was_ladder_ = false;
}

void running_planner::commit_runs(const phase_span& span, plan_week& week, week_runs& runs,
                                  bool lighter) {
  (void)lighter;
  const int first_day = (week.number - 1) * 7;
  double total = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const planned_run& r = runs[i];
    const distance d = distance::from_km(r.km);
    run_session run{.run = d,
                    .minutes = ctx_.profile->easy_pace.minutes_for(d),
                    .continuous = true,
                    .intervals = {},
                    .where = surface::flat,
                    .hills = false,
                    .downhill = false,
                    .speed = false,
                    .long_run = r.long_run};
    std::vector<session_note> notes = run_notes(span, 1);  // and hills, speed or long run
    if (r.long_run) notes.emplace_back(note_code::long_run);
    auto& sessions = week.days[static_cast<std::size_t>(r.day_in_week)].sessions;
    sessions.reserve(max_sessions_per_day);
    sessions.push_back(session{.type = session_type::run,
                               .exercises = {},
                               .run = std::move(run),
                               .activity = {},
                               .notes = std::move(notes)});
    history_.push_back({first_day + r.day_in_week, r.km});
    last_run_day_ = first_day + r.day_in_week;
    total += r.km;
  }
  week.run_total = distance::from_km(total);
}

session& run_session_on(plan_week& week, int day_in_week) {
  for (auto& s : week.days[static_cast<std::size_t>(day_in_week)].sessions) {
    if (s.run) return s;
  }
  throw std::logic_error("no run on the day a stimulus was placed");
}

run_session& run_on(plan_week& week, int day_in_week) {
  return *run_session_on(week, day_in_week).run;
}

void running_planner::add_stimuli(const phase_span& span, plan_week& week, const week_runs& runs,
                                  bool lighter) {
  // Rule 5: one new stimulus a week, in order, once the last running week reached 90% of the
  // target; surfaces rotate once introduced; at most one hard run a week (hills, downhill or
  // speed), never the long run, the day before it or the day after another hard run.
  const auto allowed = allowed_stimuli(span.ph->running, load_);
  const bool volume_ready = build_.resume_total >= stimulus_volume_share * target_ - 1e-9;
  if (runs.empty() || allowed.empty()) {
    introduced_last_week_ = false;
    return;
  }
  const int first_day = (week.number - 1) * 7;
  std::optional<stimulus> fresh;
  // A new stimulus never shares its week with one more run (one change at a time).
  const bool runs_rise = static_cast<int>(runs.size()) > build_.last_runs;
  if (!lighter && volume_ready && !runs_rise) {
    for (stimulus s : allowed) {
      if (!introduced_[static_cast<std::size_t>(s)]) {
        fresh = s;
        break;
      }
    }
  }
  const int long_day = runs.back().long_run ? runs.back().day_in_week : -100;
  auto hard_day_ok = [&](const planned_run& r) {
    const int day = first_day + r.day_in_week;
    return !r.long_run && r.day_in_week + 1 != long_day && day - last_hard_day_ >= 2;
  };
  // Surfaces: flat, then the introduced ones in turn; the week's new surface on one run.
  std::vector<surface> surfaces{surface::flat};
  for (stimulus s : allowed) {
    if (s == stimulus::road && introduced_[0]) surfaces.push_back(surface::road);
    if (s == stimulus::trail && introduced_[1]) surfaces.push_back(surface::trail);
  }
  bool fresh_placed = false;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    run_session& run = run_on(week, runs[i].day_in_week);
    run.where = surfaces[(i + static_cast<std::size_t>(week.number)) % surfaces.size()];
    if (fresh && !is_hard(*fresh) && !fresh_placed && !runs[i].long_run) {
      run.where = *fresh == stimulus::road ? surface::road : surface::trail;
      fresh_placed = true;
    }
  }
  if (fresh && !is_hard(*fresh) && !fresh_placed) {
    run_on(week, runs[0].day_in_week).where =
        *fresh == stimulus::road ? surface::road : surface::trail;
    fresh_placed = true;
  }
  // The hard run: the new one, else one already introduced, in turn.
  std::optional<stimulus> hard;
  if (fresh && is_hard(*fresh)) {
    hard = fresh;
  } else if (!lighter && !fresh) {
    std::vector<stimulus> known;
    for (stimulus s : allowed) {
      if (is_hard(s) && introduced_[static_cast<std::size_t>(s)]) known.push_back(s);
    }
    if (!known.empty()) hard = known[static_cast<std::size_t>(hard_rotation_++) % known.size()];
  }
  if (hard) {
    for (const auto& r : runs) {
      if (!hard_day_ok(r)) continue;
      session& owner = run_session_on(week, r.day_in_week);
      run_session& run = *owner.run;
      switch (*hard) {
        case stimulus::hills:
          run.hills = true;
          owner.notes.emplace_back(note_code::hills);
          break;
        case stimulus::downhill:
          run.downhill = true;
          owner.notes.emplace_back(note_code::downhill);
          break;
        case stimulus::speed:
          run.speed = true;
          owner.notes.emplace_back(note_code::speed);
          break;
        case stimulus::road:
        case stimulus::trail:
          break;
      }
      last_hard_day_ = first_day + r.day_in_week;
      if (fresh && is_hard(*fresh)) fresh_placed = true;
      break;
    }
  }
  if (fresh && fresh_placed) introduced_[static_cast<std::size_t>(*fresh)] = true;
  introduced_last_week_ = fresh_placed;
}

}  // namespace

double severity_position(const phase_length_rules& rules, severity level) noexcept {
  switch (level) {
    case severity::mild:
      return rules.mild;
    case severity::moderate:
      return rules.moderate;
    case severity::severe:
      return rules.severe;
  }
  return rules.moderate;
}

namespace {

plan_week dated_week(const phase_span& span, int week_in_phase, int number, date start) {
  const date week_start = start.plus_days(7 * number);
  // date has no default constructor, so the seven days are spelled out.
  plan_week week{
      .number = number + 1,
      .start = week_start,
      .phase_id = span.ph->id,
      .phase_name = span.ph->name,
      .week_in_phase = week_in_phase + 1,
      .checkpoint = {},
      .run_total = {},
      .run_cap = {},
      .lighter_week = false,
      .days = {plan_day{week_start, {}}, plan_day{week_start.plus_days(1), {}},
               plan_day{week_start.plus_days(2), {}}, plan_day{week_start.plus_days(3), {}},
               plan_day{week_start.plus_days(4), {}}, plan_day{week_start.plus_days(5), {}},
               plan_day{week_start.plus_days(6), {}}}};
  if (week_in_phase == 0) week.checkpoint = span.ph->entry_criteria;
  return week;
}

}  // namespace

std::vector<plan_week> plan_weeks(const plan_context& ctx, std::vector<phase_span>& spans,
                                  const plan_length& length, warning_list& warnings) {
  running_planner runner(ctx, warnings);
  const int limit = length.fixed.value_or(length.longest);
  std::vector<plan_week> weeks;
  weeks.reserve(static_cast<std::size_t>(std::min(limit, total_weeks(spans) + 26)));
  std::vector<phase_span> laid;
  laid.reserve(spans.size());
  const std::size_t last = spans.size() - 1;
  for (std::size_t i = 0; i < spans.size() && static_cast<int>(weeks.size()) < limit; ++i) {
    phase_span span = spans[i];
    const int nominal = span.weeks;
    const running_rule& rule = span.ph->running;
    const bool walk_run = rule.mode == running_mode::walk_run;
    const bool open_end = i == last && length.open_ended;
    span.first_week = static_cast<int>(weeks.size());
    int w = 0;
    while (static_cast<int>(weeks.size()) < limit) {
      weeks.push_back(dated_week(span, w, static_cast<int>(weeks.size()), ctx.start));
      runner.plan(span, weeks.back());
      ++w;
      bool more = w < nominal;
      // A walk-run phase lasts until its ladder is done (rule 2), unless it cannot move, and
      // never less than the phase's least weeks (a time-based criterion).
      if (walk_run) {
        more = (!runner.ladder_finished() && (runner.ladder_moved() || w < nominal)) ||
               w < span.ph->min_weeks;
      }
      if (open_end) more = w < span.ph->min_weeks || !runner.build_complete(rule);
      // A fixed length fills up with the final phase.
      if (length.fixed && i == last) more = true;
      if (!more) break;
    }
    span.weeks = w;
    laid.push_back(span);
  }
  const bool cut =
      laid.size() < spans.size() || (length.fixed && laid.back().weeks < spans.back().weeks);
  if (cut) {
    plan_notice n(notice_code::plan_cut);
    n.weeks = limit;
    n.weeks_needed = total_weeks(spans);
    n.phase_id = laid.back().ph->id;
    n.phase_name = laid.back().ph->name;
    n.protocol_id = ctx.proto->id;
    warnings.add(std::move(n));
  }
  if (!length.fixed && laid.size() == spans.size() &&
      laid.back().weeks > spans.back().ph->max_weeks) {
    plan_notice n(notice_code::final_phase_extended);
    n.target = ctx.target;
    n.weeks = laid.back().weeks - spans.back().weeks;
    n.phase_id = laid.back().ph->id;
    n.phase_name = laid.back().ph->name;
    if (n.weeks > 0) warnings.add(std::move(n));
  }
  spans = std::move(laid);
  return weeks;
}

}  // namespace kneerehab::detail
