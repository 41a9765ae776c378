// Strength, mobility and cross-training sessions on the days of each week, then rest.

#include <algorithm>
#include <array>
#include <memory>

#include "plan/planner_detail.hpp"

namespace kneerehab::detail {
namespace {

/// Days of a week (0 = first day of the plan week) that carry an exercise.
struct day_set {
  std::array<int, 7> days{};
  int count = 0;
};

/// Heavy work for the same muscles needs 48 h between sessions. Putting every high-load
/// exercise on a subset of days 0, 2 and 4 of each plan week keeps any two of them at least
/// two days apart, within a week and across the week boundary (day 4 -> next day 0 is 3 days),
/// whatever their muscles and across phases.
constexpr int max_high_load_days = 3;

day_set days_for(int sessions_per_week, bool high_load) noexcept {
  day_set set;
  if (high_load) {
    static constexpr std::array<std::array<int, 3>, 3> grid = {{{0, 0, 0}, {0, 4, 0}, {0, 2, 4}}};
    set.count = std::clamp(sessions_per_week, 1, max_high_load_days);
    for (int i = 0; i < set.count; ++i) {
      set.days[static_cast<std::size_t>(i)] =
          grid[static_cast<std::size_t>(set.count - 1)][static_cast<std::size_t>(i)];
    }
    return set;
  }
  // Spread evenly: 2 -> days 0,3; 3 -> 0,2,4; 7 (or 14, twice daily) -> every day.
  set.count = std::clamp(sessions_per_week, 1, 7);
  for (int i = 0; i < set.count; ++i) set.days[static_cast<std::size_t>(i)] = i * 7 / set.count;
  return set;
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

/// The phase's prescriptions, resolved; `bounds` counts their exercises and notes by session
/// type (upper bounds for one session, to reserve).
std::vector<resolved_prescription> resolve_phase(const plan_context& ctx, const phase& ph,
                                                 warning_list& warnings, session_bounds& bounds,
                                                 label_cache& labels) {
  std::vector<resolved_prescription> out;
  out.reserve(ph.prescriptions.size());
  bounds = {};
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
    r.note = session_note(note_code::exercise_note, r.label, p.note);
    const auto type = static_cast<std::size_t>(r.type);
    ++bounds.exercises[type];
    bounds.notes[type] += (r.may_be_twice_a_day ? 1 : 0) + (r.note.text.empty() ? 0 : 1);
    out.push_back(std::move(r));
  }
  return out;
}

void place_prescription(const resolved_prescription& r, const session_bounds& bounds,
                        plan_week& week, warning_list& warnings) {
  const dosage& dose = dose_for_week(*r.p, week.week_in_phase);
  if (r.high && dose.sessions_per_week > max_high_load_days) {
    plan_notice n(notice_code::high_load_spread);
    n.days = max_high_load_days;
    n.sessions = dose.sessions_per_week;
    n.exercise_id = r.p->exercise_id;
    n.exercise_name = r.label->name;
    warnings.add(std::move(n));
  }
  const day_set set = days_for(dose.sessions_per_week, r.high);
  for (int i = 0; i < set.count; ++i) {
    auto& day = week.days[static_cast<std::size_t>(set.days[static_cast<std::size_t>(i)])];
    session& s = session_of_type(day, r.type);
    const auto type = static_cast<std::size_t>(r.type);
    if (s.exercises.empty()) s.exercises.reserve(bounds.exercises[type]);
    s.exercises.emplace_back(r.label, dose);
    const bool twice = dose.sessions_per_week == 14 && !r.high;
    if ((twice || !r.note.text.empty()) && s.notes.empty()) s.notes.reserve(bounds.notes[type]);
    if (twice) s.notes.emplace_back(note_code::twice_a_day, r.label);
    if (!r.note.text.empty()) s.notes.push_back(r.note);
  }
}

bool has_run(const plan_day& day) noexcept {
  return std::any_of(day.sessions.begin(), day.sessions.end(), [](const session& s) {
    return s.type == session_type::run || s.type == session_type::walk_run;
  });
}

/// Cross-training on a few non-run days, never two days in a row. Phases without running get
/// one more day.
std::array<bool, 7> cross_training_days(const phase& ph, const plan_week& week) {
  std::array<bool, 7> out{};
  if (ph.cross_training.empty()) return out;
  const int max_days = ph.running.mode == running_mode::none ? 3 : 2;
  int placed = 0;
  int last = -2;
  for (int k = 0; k < 7 && placed < max_days; ++k) {
    if (has_run(week.days[static_cast<std::size_t>(k)]) || k - last < 2) continue;
    out[static_cast<std::size_t>(k)] = true;
    last = k;
    ++placed;
  }
  return out;
}

/// Cross-training on `days`, rotating the activities the phase allows.
void place_cross_training(const phase& ph, const std::array<bool, 7>& days,
                          const session_note& note, plan_week& week, int& rotation) {
  for (std::size_t k = 0; k < 7; ++k) {
    if (!days[k]) continue;
    const auto& activity =
        ph.cross_training[static_cast<std::size_t>(rotation++) % ph.cross_training.size()];
    week.days[k].sessions.push_back(session{.type = session_type::cross_training,
                                            .exercises = {},
                                            .run = {},
                                            .activity = activity,
                                            .notes = {note}});
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
      const auto cross = cross_training_days(*span.ph, week);
      for (auto& day : week.days) day.sessions.reserve(max_sessions_per_day);
      for (const auto& r : resolved) place_prescription(r, bounds, week, warnings);
      place_cross_training(*span.ph, cross, cross_note, week, rotation);
      fill_rest(week);
    }
  }
}

}  // namespace kneerehab::detail
