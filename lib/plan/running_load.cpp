// Which days carry a run, and how far (docs/plan-rules.md rules 1-5; docs/clinical-basis.md,
// ladders and running load).
//
// The weeks are walked in order with one running state carried across phases:
//   - phases with running "none" plan no runs (rule 1) and count as a break;
//   - walk-run weeks climb the ladder (rule 2); an unfinished ladder continues into the
//     following running phases before continuous running starts;
//   - continuous and modified weeks build volume under the load rules (rules 3-4).
// Every distance planned for a continuous run is rounded *down* to 10 m so that rounding
// can never break an upper bound.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "kneerehab/core/error.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab::detail {
namespace {

/// A continuous run shorter than this is not worth a session; the week plans fewer runs.
constexpr double min_run_km = 1.0;
/// Frandsen et al. 2025: the single-session spike rule looks back 30 days.
constexpr int spike_window_days = 30;
constexpr double no_bound = std::numeric_limits<double>::infinity();

// 10 m, not 100 m: coarser flooring compounds under the 110% spike bound and holds short
// runs well below what the rules allow.
double floor_to_10m(double km) noexcept { return std::floor(km * 100.0 + 1e-9) / 100.0; }

struct run_record {
  int day = 0;  ///< days since the plan start
  double km = 0;
};

struct ladder_progress {
  const walk_run_ladder* ladder = nullptr;
  int step = -1;  ///< -1: not started
  int done_at_step = 0;
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
  double cap = 0;         ///< last week's progression cap
  double full_cap = 0;    ///< cap of the last full (not lighter) week
  double full_total = 0;  ///< planned volume of the last full week
  double last_total = 0;  ///< planned volume of last week
  int weeks_since_deload = 0;
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
  planned_run& operator[](std::size_t i) noexcept { return runs_[i]; }

 private:
  std::array<planned_run, 7> runs_{};
  std::size_t size_ = 0;
};

class running_planner {
 public:
  running_planner(const plan_context& ctx, const std::vector<phase_span>& spans,
                  warning_list& warnings);
  void plan(const phase_span& span, plan_week& week);

 private:
  void ladder_week(const phase_span& span, plan_week& week);
  void build_week(const phase_span& span, plan_week& week);
  void select_ladder(const phase& ph);
  [[nodiscard]] int next_step(int day) const;
  [[nodiscard]] double spike_bound(int day, int week_first_day, const week_runs& this_week) const;
  [[nodiscard]] week_runs split_week(const plan_week& week, double cap, double week_limit) const;
  void commit_runs(const phase_span& span, plan_week& week, week_runs& runs, bool lighter);
  [[nodiscard]] std::vector<session_note> run_notes(const phase_span& span,
                                                    std::size_t extra = 0) const;
  [[nodiscard]] bool is_run_day(const plan_week& week, int day_in_week) const noexcept;

  const plan_context& ctx_;
  const load_rules& load_;
  warning_list& warnings_;
  std::vector<run_record> history_;
  int last_run_day_ = -1000;
  int last_ladder_run_day_ = -1000;
  ladder_progress ladder_;
  build_progress build_;
  bool last_week_was_ladder_ = false;
  double last_ladder_week_km_ = 0;
  /// Per protocol phase, the notes of every run session: the protocol's warm-up and
  /// cool-down advice and the phase's advice about ice, when there is any. Their texts are
  /// shared by every run session of the plan.
  std::vector<std::vector<session_note>> run_notes_;
  int final_phase_ = 0;
  bool share_warned_ = false;
  int extended_into_ = -1;  ///< phase already warned about for the ladder extension
};

/// The protocol's first advice on `topic`, or empty: the warm-up and cool-down before and
/// after each run are the protocol's own words, so they never name an exercise it bars.
shared_text advice_on(const protocol& proto, advice_topic topic) {
  for (const auto& a : proto.advice) {
    if (a.topic == topic) return a.text;
  }
  return {};
}

running_planner::running_planner(const plan_context& ctx, const std::vector<phase_span>& spans,
                                 warning_list& warnings)
    : ctx_(ctx),
      load_(ctx.proto->load),
      warnings_(warnings),
      final_phase_(static_cast<int>(ctx.proto->phases.size()) - 1) {
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
  int weeks = 0;
  for (const auto& s : spans) weeks += s.weeks;
  history_.reserve(static_cast<std::size_t>(weeks) * 7);
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

void running_planner::plan(const phase_span& span, plan_week& week) {
  const running_rule& rule = span.ph->running;
  if (rule.mode == running_mode::none) {
    // Rule 1, and a phase without running is a break: the next build restarts.
    build_.active = false;
    last_week_was_ladder_ = false;
    return;
  }
  if (ctx_.target.km() <= 0.0) {
    warnings_.add(plan_notice(notice_code::target_zero));
    return;
  }
  if (rule.mode == running_mode::walk_run) {
    select_ladder(*span.ph);
    ladder_week(span, week);
    return;
  }
  if (ladder_.ladder != nullptr && !ladder_.finished(load_.min_sessions_per_step)) {
    if (extended_into_ != span.index) {
      extended_into_ = span.index;
      plan_notice n(notice_code::ladder_extended);
      n.ladder_id = ladder_.ladder->id;
      n.phase_id = span.ph->id;
      n.phase_name = span.ph->name;
      warnings_.add(std::move(n));
    }
    ladder_week(span, week);
    return;
  }
  build_week(span, week);
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
  ladder_.ladder = ladder;
}

int running_planner::next_step(int day) const {
  if (ladder_.step < 0) return 0;
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
    const int step_index = next_step(day);
    const interval_step& step = ladder_.ladder->steps[static_cast<std::size_t>(step_index)];
    const distance run = ctx_.profile->easy_pace.distance_in(step.repeats * step.run_s / 60.0);
    if (week_km + run.km() > ctx_.target.km() + 1e-9) {
      plan_notice n(notice_code::target_below_ladder);
      n.target = ctx_.target;
      warnings_.add(std::move(n));
      continue;
    }
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
    week_km += run.km();
    ++runs;
  }
  week.run_total = distance::from_km(week_km);
  week.run_cap = week.run_total;  // the ladder itself sets the volume
  build_.active = false;
  last_week_was_ladder_ = true;
  last_ladder_week_km_ = week_km;
}

double running_planner::spike_bound(int day, int week_first_day, const week_runs& this_week) const {
  // The longest run of the previous 30 days, looking only at earlier weeks when there is one
  // there: that keeps runs within a week from ratcheting each other up by 10% each.
  double longest = 0;
  for (auto it = history_.rbegin(); it != history_.rend() && it->day >= day - spike_window_days;
       ++it) {
    longest = std::max(longest, it->km);
  }
  if (longest <= 0) {
    for (const auto& r : this_week) {
      if (week_first_day + r.day_in_week >= day - spike_window_days) {
        longest = std::max(longest, r.km);
      }
    }
  }
  return longest > 0 ? load_.spike_ratio * longest : no_bound;
}

week_runs running_planner::split_week(const plan_week& week, double cap, double week_limit) const {
  week_runs runs;
  const int first_day = (week.number - 1) * 7;
  for (int k = 0; k < 7; ++k) {
    // Coming off the ladder, the first continuous run also waits a day after the last
    // walk-run session (rule 2 holds until the ladder's last session has had its rest day).
    if (is_run_day(week, k) && first_day + k - last_ladder_run_day_ >= 2) {
      runs.push_back({k, 0.0, false});
    }
  }
  if (runs.empty() || cap <= 0) return {};
  // One long run on the last run day holds at most long_run_share of the cap; the others
  // share the rest equally but are never longer than the long run.
  const double n = static_cast<double>(runs.size());
  const double long_km = load_.long_run_share * cap;
  const double other_km = runs.size() == 1 ? 0.0 : std::min(long_km, (cap - long_km) / (n - 1));
  double sum = 0;
  for (auto& r : runs) {
    r.km = other_km;
    sum += other_km;
  }
  runs.back().km = long_km;
  runs.back().long_run = runs.size() > 1 && long_km > other_km;
  sum += long_km - other_km;
  const double scale = sum > week_limit ? week_limit / sum : 1.0;
  for (auto& r : runs) r.km *= scale;
  return runs;
}

void running_planner::build_week(const phase_span& span, plan_week& week) {
  const running_rule& rule = span.ph->running;
  const double target = ctx_.target.km();
  const double increase = ctx_.cautious ? load_.cautious_weekly_increase : load_.weekly_increase;
  const int deload_every = std::max(2, load_.deload_every);
  double cap = 0;
  double week_limit = no_bound;
  bool lighter = false;
  if (!build_.active) {
    if (rule.mode == running_mode::modified) {
      cap = rule.start_fraction * ctx_.profile->current.km();
    } else {
      // Restart convention: about half the pre-injury volume, and never less than what the
      // ladder already ran in a week.
      const double ref = ctx_.profile->baseline.km() > 0 ? ctx_.profile->baseline.km() : target;
      cap = rule.start_fraction * ref;
      if (last_week_was_ladder_) cap = std::max(cap, last_ladder_week_km_);
    }
    cap = std::min(cap, target);
    if (cap <= 0) return;
    build_ = build_progress{};
    build_.active = true;
  } else if (build_.weeks_since_deload >= deload_every - 1) {
    lighter = true;
    cap = build_.cap * (1.0 - load_.deload_cut);
    week_limit = (1.0 - load_.deload_cut) * build_.last_total;
  } else {
    cap = std::min(target, build_.full_cap * (1.0 + increase));
    // The weekly increase also holds for what is actually planned, which the spike rule or
    // the long-run share may have held below the cap.
    if (build_.full_total > 0) week_limit = (1.0 + increase) * build_.full_total;
  }
  const week_runs runs = split_week(week, cap, week_limit);
  const int first_day = (week.number - 1) * 7;
  week_runs kept;
  for (auto r : runs) {
    r.km = floor_to_10m(std::min(r.km, spike_bound(first_day + r.day_in_week, first_day, kept)));
    if (r.km >= min_run_km) kept.push_back(r);
  }
  // After the spike rule the long run may be no longer than the others: then there is none.
  if (!kept.empty() && kept.back().long_run) {
    const bool longer = std::all_of(kept.begin(), kept.end() - 1,
                                    [&](const planned_run& r) { return r.km < kept.back().km; });
    kept.back().long_run = longer && kept.size() > 1;
  }
  int run_days = 0;  // the runner's, not this week's: a day may be skipped after the ladder
  for (int k = 0; k < 7; ++k) run_days += is_run_day(week, k) ? 1 : 0;
  if (!share_warned_ && run_days * load_.long_run_share < 1.0 - 1e-9 && !kept.empty()) {
    share_warned_ = true;
    plan_notice n(notice_code::long_run_share_limits_week);
    n.run_days = run_days;
    n.limit_percent = load_.long_run_share * 100.0;
    n.percent = std::round(std::min(1.0, run_days * load_.long_run_share) * 100.0);
    warnings_.add(std::move(n));
  }
  commit_runs(span, week, kept, lighter);
  week.run_cap = distance::from_km(cap);
  week.lighter_week = lighter;
  build_.cap = cap;
  build_.last_total = week.run_total.km();
  if (lighter) {
    build_.weeks_since_deload = 0;
  } else {
    build_.full_cap = cap;
    build_.full_total = week.run_total.km();
    ++build_.weeks_since_deload;
  }
  last_week_was_ladder_ = false;
}

surface rotated_surface(surface max_surface, int index) noexcept {
  const int levels = static_cast<int>(max_surface) + 1;
  return static_cast<surface>(index % levels);
}

void running_planner::commit_runs(const phase_span& span, plan_week& week, week_runs& runs,
                                  bool lighter) {
  const running_rule& rule = span.ph->running;
  // Rule 5: hills and speed only in the protocol's final phase, and not in a lighter week.
  const bool final_phase = span.index == final_phase_ && rule.mode == running_mode::continuous;
  const bool hills = final_phase && rule.hills && !lighter;
  const bool speed = final_phase && rule.speed && !lighter;
  const surface max_surface =
      rule.mode == running_mode::continuous ? rule.max_surface : surface::flat;
  const int first_day = (week.number - 1) * 7;
  double total = 0;
  int ordinary = 0;
  const int ordinary_count = static_cast<int>(
      std::count_if(runs.begin(), runs.end(), [](const planned_run& r) { return !r.long_run; }));
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const planned_run& r = runs[i];
    const distance d = distance::from_km(r.km);
    run_session run{.run = d,
                    .minutes = ctx_.profile->easy_pace.minutes_for(d),
                    .continuous = true,
                    .intervals = {},
                    .where = rotated_surface(max_surface, static_cast<int>(i)),
                    .hills = false,
                    .speed = false,
                    .long_run = r.long_run};
    std::vector<session_note> notes = run_notes(span, 1);  // and hills, speed or long run
    if (!r.long_run) {
      run.hills = hills && ordinary == 0;
      run.speed = speed && ordinary == ordinary_count - 1 && !run.hills;
      if (run.hills) notes.emplace_back(note_code::hills);
      if (run.speed) notes.emplace_back(note_code::speed);
      ++ordinary;
    } else {
      notes.emplace_back(note_code::long_run);
    }
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

}  // namespace

void plan_running(const plan_context& ctx, const std::vector<phase_span>& spans,
                  std::vector<plan_week>& weeks, warning_list& warnings) {
  running_planner planner(ctx, spans, warnings);
  for (const auto& span : spans) {
    for (int w = 0; w < span.weeks; ++w) {
      planner.plan(span, weeks[static_cast<std::size_t>(span.first_week + w)]);
    }
  }
}

}  // namespace kneerehab::detail
