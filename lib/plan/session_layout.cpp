// Strength, mobility and cross-training sessions on the days of each week, then rest, and
// the estimated minutes of every session (docs/plan-rules.md rule 9).

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <memory>
#include <tuple>

#include "kneerehab/plan/session_time.hpp"
#include "plan/planner_detail.hpp"

namespace kneerehab::detail {
namespace {

/// Heavy work for the same muscles needs 48 h between sessions. Putting every high-load
/// exercise on a subset of days 0, 2 and 4 of each plan week keeps any two of them at least
/// two days apart, within a week and across the week boundary (day 4 -> next day 0 is 3 days),
/// whatever their muscles and across phases.
constexpr int max_high_load_days = 3;
constexpr unsigned high_load_days = (1U << 0) | (1U << 2) | (1U << 4);
constexpr unsigned all_days = (1U << 7) - 1;

/// The days the planner would pick for an exercise on its own: 2 -> days 0,3; 3 -> 0,2,4;
/// 7 (or 14, twice daily) -> every day; high-load work on 0, 0+4 or 0+2+4.
unsigned default_days(int sessions, bool high_load) noexcept {
  if (high_load) {
    static constexpr std::array<unsigned, 3> grid = {1U, (1U << 0) | (1U << 4), high_load_days};
    return grid[static_cast<std::size_t>(std::clamp(sessions, 1, max_high_load_days) - 1)];
  }
  const int count = std::clamp(sessions, 1, 7);
  unsigned set = 0;
  for (int i = 0; i < count; ++i) set |= 1U << (i * 7 / count);
  return set;
}

int day_count(unsigned days) noexcept { return std::popcount(days); }

/// The fewest days between two of `days` going round the week (day 6 -> next day 0 is 1);
/// 7 for a single day.
int min_gap(unsigned days) noexcept {
  int first = -1;
  int last = -1;
  int gap = 7;
  for (int d = 0; d < 7; ++d) {
    if ((days & (1U << d)) == 0) continue;
    if (last >= 0) gap = std::min(gap, d - last);
    if (first < 0) first = d;
    last = d;
  }
  if (first >= 0 && first != last) gap = std::min(gap, first + 7 - last);
  return gap;
}

session_type session_for(const exercise* ex) noexcept {
  if (ex == nullptr) return session_type::strength;
  switch (ex->category) {
    case exercise_category::stretch:
    case exercise_category::mobility:
      return session_type::mobility;
    case exercise_category::strength:
    case exercise_category::isometric:
    case exercise_category::eccentric:
    case exercise_category::balance:
    case exercise_category::plyometric:
    case exercise_category::cardio:
      return session_type::strength;
  }
  return session_type::strength;
}

session& session_of_type(plan_day& day, session_type type) {
  for (auto& s : day.sessions) {
    if (s.type == type) return s;
  }
  day.sessions.push_back(
      session{.type = type, .exercises = {}, .run = {}, .activity = {}, .notes = {}});
  return day.sessions.back();
}

bool is_barred(const phase& ph, const std::string& id) {
  return std::find(ph.barred_exercises.begin(), ph.barred_exercises.end(), id) !=
         ph.barred_exercises.end();
}

/// How many of a phase's prescriptions go to each session type (indexed by session_type).
using per_type_counts = std::array<std::size_t, static_cast<std::size_t>(session_type::rest) + 1>;

/// Upper bounds on one session's exercises and notes in a phase, to reserve once.
struct session_bounds {
  per_type_counts exercises{};
  per_type_counts notes{};
};

/// A prescription resolved once per phase: the catalogue lookup, the checks and the strings
/// do not change from week to week. Every dose placed from it shares its label.
struct resolved_prescription {
  const prescription* p = nullptr;
  std::shared_ptr<const exercise_label> label;
  session_type type = session_type::strength;
  bool high = false;
  bool may_be_twice_a_day = false;  ///< some week doses it 14 times a week (and not high load)
  /// What the time estimate needs (an exercise the catalogue lacks counts as moderate,
  /// two-legged strength work).
  exercise_category category = exercise_category::strength;
  load_level load = load_level::moderate;
  laterality side = laterality::bilateral;
  /// The prescription's note (exercise_note), shared by every session it goes to; its text is
  /// empty when the prescription has none.
  session_note note;
};

bool doses_twice_a_day(const prescription& p) {
  if (p.dose.sessions_per_week == 14) return true;
  return std::any_of(p.progression.begin(), p.progression.end(),
                     [](const dosage_step& step) { return step.dose.sessions_per_week == 14; });
}

/// The labels made so far for a plan: an exercise prescribed in several phases has one label.
using label_cache = std::vector<std::shared_ptr<const exercise_label>>;

std::shared_ptr<const exercise_label> label_for(const plan_context& ctx, const std::string& id,
                                                label_cache& labels) {
  for (const auto& label : labels) {
    if (label->id == id) return label;
  }
  const exercise* ex = ctx.cat->find_exercise(id);
  labels.push_back(std::make_shared<const exercise_label>(
      exercise_label{.id = id, .name = ex != nullptr ? ex->name : id}));
  return labels.back();
}

/// The phase's prescriptions, resolved, in the order the phase lists them. `bounds` counts their
/// exercises and notes by session type (upper bounds for one session, to reserve).
std::vector<resolved_prescription> resolve_phase(const plan_context& ctx, const phase& ph,
                                                 warning_list& warnings, session_bounds& bounds,
                                                 label_cache& labels) {
  std::vector<resolved_prescription> out;
  out.reserve(ph.prescriptions.size());
  bounds = {};
  const auto cap = static_cast<std::size_t>(ctx.proto->sessions.max_exercises);
  for (const auto& p : ph.prescriptions) {
    if (is_barred(ph, p.exercise_id)) {
      // A validated catalogue never prescribes what a phase bars (rule 6); guard anyway.
      plan_notice n(notice_code::exercise_barred);
      n.exercise_id = p.exercise_id;
      n.phase_id = ph.id;
      n.phase_name = ph.name;
      warnings.add(std::move(n));
      continue;
    }
    resolved_prescription r;
    r.p = &p;
    const exercise* ex = ctx.cat->find_exercise(p.exercise_id);
    r.label = label_for(ctx, p.exercise_id, labels);
    r.type = session_for(ex);
    r.high = ex != nullptr && ex->load == load_level::high;
    r.may_be_twice_a_day = !r.high && doses_twice_a_day(p);
    if (ex != nullptr) {
      r.category = ex->category;
      r.load = ex->load;
      r.side = ex->side;
    }
    r.note = session_note(note_code::exercise_note, r.label, p.note);
    const auto type = static_cast<std::size_t>(r.type);
    bounds.exercises[type] = std::min(bounds.exercises[type] + 1, cap);
    bounds.notes[type] += (r.may_be_twice_a_day ? 1 : 0) + (r.note.text.empty() ? 0 : 1);
    out.push_back(std::move(r));
  }
  return out;
}

/// What a week's strength and mobility sessions hold: exercises and estimated seconds per
/// day, by session type.
struct week_load {
  std::array<per_type_counts, 7> exercises{};
  std::array<std::array<int, std::tuple_size_v<per_type_counts>>, 7> seconds{};
};

/// The days (a bit per day) for `count` sessions of an exercise allowed on `allowed` days
/// where its sessions still have room: as far apart as possible, then on days that already
/// hold a session of its type (fewer sessions in the week), then on the least full days, then
/// on the days it would get on its own, then the earliest.
using per_day_counts = std::array<std::size_t, 7>;

unsigned choose_days(int count, unsigned allowed, unsigned open, const per_day_counts& per_day,
                     unsigned preferred) {
  const int available = day_count(allowed);
  if (count >= available) return allowed;
  unsigned best = 0;
  auto best_key = std::array<int, 4>{};
  for (unsigned set = 1; set <= all_days; ++set) {
    if ((set & ~allowed) != 0 || day_count(set) != count) continue;
    int fill = 0;
    for (std::size_t d = 0; d < 7; ++d) {
      if ((set & (1U << d)) != 0) fill += static_cast<int>(per_day[d]);
    }
    // Larger is better throughout.
    const std::array<int, 4> key = {min_gap(set), -day_count(set & ~open), -fill,
                                    day_count(set & preferred)};
    if (best == 0 || key > best_key) {
      best = set;
      best_key = key;
    }
  }
  return best;
}

/// Sessions a week of a prescription at `dose`, and how many days it wants (high-load work on
/// at most three, a twice-daily exercise on seven).
int wanted_days(const resolved_prescription& r, const dosage& dose) noexcept {
  return r.high ? std::min(dose.sessions_per_week, max_high_load_days)
                : std::min(dose.sessions_per_week, 7);
}

/// Which days each prescription of a week goes to (`order` gives the order they are placed
/// in), with at most `caps[type]` exercises in a session of each type.
struct week_layout {
  std::vector<unsigned> days;  ///< indexed like the resolved prescriptions
  int placed = 0;              ///< exercise sessions placed in the week
  per_type_counts slots{};     ///< exercise sessions placed, by type
  per_type_counts used{};      ///< days with a session, by type
};

week_layout lay_out(const std::vector<resolved_prescription>& resolved,
                    const std::vector<std::size_t>& order, int week_in_phase,
                    const per_type_counts& caps) {
  week_layout out;
  out.days.assign(resolved.size(), 0);
  std::array<per_type_counts, 7> count{};
  for (const std::size_t i : order) {
    const resolved_prescription& r = resolved[i];
    const dosage& dose = dose_for_week(*r.p, week_in_phase);
    const auto type = static_cast<std::size_t>(r.type);
    unsigned allowed = 0;
    unsigned open = 0;
    per_day_counts per_day{};
    for (std::size_t d = 0; d < 7; ++d) {
      per_day[d] = count[d][type];
      if (per_day[d] < caps[type]) allowed |= 1U << d;
      if (per_day[d] > 0) open |= 1U << d;
    }
    if (r.high) allowed &= high_load_days;
    const unsigned days = choose_days(wanted_days(r, dose), allowed, open, per_day,
                                      default_days(dose.sessions_per_week, r.high));
    out.days[i] = days;
    for (std::size_t d = 0; d < 7; ++d) {
      if ((days & (1U << d)) != 0) ++count[d][type];
    }
    out.placed += day_count(days);
    out.slots[type] += static_cast<std::size_t>(day_count(days));
  }
  for (std::size_t d = 0; d < 7; ++d) {
    for (std::size_t t = 0; t < count[d].size(); ++t) out.used[t] += count[d][t] > 0 ? 1 : 0;
  }
  return out;
}

/// The week's layout: sessions of at most the protocol's max_exercises; when a type needs more
/// days than one set of sessions, its sessions are evened out (7 exercises three times a week:
/// 4 on three days and 3 on three others, not 6 and 1), unless evening out fits less.
week_layout layout_week(const plan_context& ctx, const std::vector<resolved_prescription>& resolved,
                        const std::vector<std::size_t>& order, int week_in_phase) {
  per_type_counts caps{};
  caps.fill(static_cast<std::size_t>(ctx.proto->sessions.max_exercises));
  week_layout first = lay_out(resolved, order, week_in_phase, caps);
  per_type_counts even = caps;
  for (std::size_t t = 0; t < caps.size(); ++t) {
    if (first.used[t] > 0)
      even[t] = std::min(caps[t], (first.slots[t] + first.used[t] - 1) / first.used[t]);
  }
  if (even == caps) return first;
  week_layout second = lay_out(resolved, order, week_in_phase, even);
  return second.placed >= first.placed ? second : first;
}

void place_prescription(const plan_context& ctx, const phase& ph, const resolved_prescription& r,
                        unsigned days, const session_bounds& bounds, plan_week& week,
                        week_load& load, warning_list& warnings) {
  const dosage& dose = dose_for_week(*r.p, week.week_in_phase);
  if (r.high && dose.sessions_per_week > max_high_load_days) {
    plan_notice n(notice_code::high_load_spread);
    n.days = max_high_load_days;
    n.sessions = dose.sessions_per_week;
    n.exercise_id = r.p->exercise_id;
    n.exercise_name = r.label->name;
    warnings.add(std::move(n));
  }
  if (day_count(days) < wanted_days(r, dose)) {
    plan_notice n(notice_code::session_full);
    n.exercise_id = r.p->exercise_id;
    n.exercise_name = r.label->name;
    n.phase_id = ph.id;
    n.phase_name = ph.name;
    n.sessions = dose.sessions_per_week;
    n.days = day_count(days);
    n.max_exercises = ctx.proto->sessions.max_exercises;
    warnings.add(std::move(n));
  }
  const auto type = static_cast<std::size_t>(r.type);
  const int seconds = exercise_seconds(dose, r.category, r.load, r.side);
  for (std::size_t d = 0; d < 7; ++d) {
    if ((days & (1U << d)) == 0) continue;
    session& s = session_of_type(week.days[d], r.type);
    if (s.exercises.empty()) s.exercises.reserve(bounds.exercises[type]);
    s.exercises.emplace_back(r.label, dose);
    ++load.exercises[d][type];
    load.seconds[d][type] += seconds;
    const bool twice = dose.sessions_per_week == 14 && !r.high;
    if ((twice || !r.note.text.empty()) && s.notes.empty()) s.notes.reserve(bounds.notes[type]);
    if (twice) s.notes.emplace_back(note_code::twice_a_day, r.label);
    if (!r.note.text.empty()) s.notes.push_back(r.note);
  }
}

/// The order a week's prescriptions are placed in: the most constrained first (high-load work
/// has three possible days, then the most sessions a week), the phase's listing order among
/// equals. What a full week leaves out is what comes last.
std::vector<std::size_t> placing_order(const std::vector<resolved_prescription>& resolved,
                                       int week_in_phase) {
  std::vector<std::size_t> order(resolved.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const resolved_prescription& x = resolved[a];
    const resolved_prescription& y = resolved[b];
    if (x.high != y.high) return x.high;
    return wanted_days(x, dose_for_week(*x.p, week_in_phase)) >
           wanted_days(y, dose_for_week(*y.p, week_in_phase));
  });
  return order;
}

bool has_type(const plan_day& day, session_type a, session_type b) noexcept {
  return std::any_of(day.sessions.begin(), day.sessions.end(),
                     [&](const session& s) { return s.type == a || s.type == b; });
}

/// Cross-training on a few days without a run or a strength session (the two never share a
/// day: strength is placed first and wins), never two days in a row, and never on the week's
/// last day free of running, strength and cross-training: that one stays a rest day. Phases
/// without running get one more day.
std::array<bool, 7> cross_training_days(const phase& ph, const plan_week& week) {
  std::array<bool, 7> out{};
  if (ph.cross_training.empty()) return out;
  const int max_days = ph.running.mode == running_mode::none ? 3 : 2;
  std::array<bool, 7> free{};
  int free_days = 0;
  for (std::size_t k = 0; k < 7; ++k) {
    const plan_day& day = week.days[k];
    free[k] = !has_type(day, session_type::run, session_type::walk_run) &&
              !has_type(day, session_type::strength, session_type::strength);
    free_days += free[k] ? 1 : 0;
  }
  int placed = 0;
  int last = -2;
  for (int k = 0; k < 7 && placed < max_days && free_days > 1; ++k) {
    if (!free[static_cast<std::size_t>(k)] || k - last < 2) continue;
    out[static_cast<std::size_t>(k)] = true;
    last = k;
    ++placed;
    --free_days;
  }
  return out;
}

/// Cross-training on `days`, rotating the activities the phase allows.
void place_cross_training(const phase& ph, const std::array<bool, 7>& days,
                          const session_note& note, plan_week& week, int& rotation) {
  const session_time_rules time;
  for (std::size_t k = 0; k < 7; ++k) {
    if (!days[k]) continue;
    const auto& activity =
        ph.cross_training[static_cast<std::size_t>(rotation++) % ph.cross_training.size()];
    week.days[k].sessions.push_back(session{.type = session_type::cross_training,
                                            .exercises = {},
                                            .run = {},
                                            .activity = activity,
                                            .notes = {note},
                                            .minutes = time.cross_training_minutes});
  }
}

/// Minutes of the week's strength and mobility sessions (from `load`) and of its runs: the
/// running time rounded up, plus the warm-up and cool-down its notes prescribe.
void state_minutes(plan_week& week, const week_load& load) {
  const session_time_rules time;
  for (std::size_t d = 0; d < 7; ++d) {
    for (session& s : week.days[d].sessions) {
      const auto type = static_cast<std::size_t>(s.type);
      switch (s.type) {
        case session_type::strength:
        case session_type::mobility:
          s.minutes = session_minutes(load.seconds[d][type],
                                      static_cast<int>(load.exercises[d][type]), time);
          break;
        case session_type::run:
        case session_type::walk_run: {
          if (!s.run) break;
          int minutes = static_cast<int>(std::ceil(s.run->minutes - 1e-6));
          for (const auto& n : s.notes) {
            if (n.code == note_code::warm_up) minutes += time.warm_up_minutes;
            if (n.code == note_code::cool_down) minutes += time.cool_down_minutes;
          }
          s.minutes = std::max(minutes, 1);
          break;
        }
        case session_type::cross_training:
        case session_type::rest:
          break;
      }
    }
  }
}

void fill_rest(plan_week& week) {
  for (auto& day : week.days) {
    if (day.sessions.empty()) {
      day.sessions.push_back(session{
          .type = session_type::rest, .exercises = {}, .run = {}, .activity = {}, .notes = {}});
    }
  }
}

}  // namespace

void plan_sessions(const plan_context& ctx, const std::vector<phase_span>& spans,
                   std::vector<plan_week>& weeks, warning_list& warnings) {
  session_note cross_note(note_code::cross_training);
  cross_note.pain_max = ctx.proto->pain.progress_max;
  int rotation = 0;
  label_cache labels;
  for (const auto& span : spans) {
    session_bounds bounds;
    const auto resolved = resolve_phase(ctx, *span.ph, warnings, bounds, labels);
    for (int w = 0; w < span.weeks; ++w) {
      plan_week& week = weeks[static_cast<std::size_t>(span.first_week + w)];
      for (auto& day : week.days) day.sessions.reserve(max_sessions_per_day);
      week_load load;
      const auto order = placing_order(resolved, week.week_in_phase);
      const week_layout layout = layout_week(ctx, resolved, order, week.week_in_phase);
      // In the phase's order, so that a session lists its exercises as the phase does.
      for (std::size_t i = 0; i < resolved.size(); ++i) {
        place_prescription(ctx, *span.ph, resolved[i], layout.days[i], bounds, week, load,
                           warnings);
      }
      const auto cross = cross_training_days(*span.ph, week);
      place_cross_training(*span.ph, cross, cross_note, week, rotation);
      state_minutes(week, load);
      fill_rest(week);
    }
  }
}

}  // namespace kneerehab::detail
