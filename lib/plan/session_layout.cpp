// Strength, mobility and cross-training sessions on the days of each week, then rest.

#include <algorithm>
#include <array>

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

/// A prescription resolved once per phase: the catalogue lookup and the checks do not change
/// from week to week.
struct resolved_prescription {
  const prescription* p = nullptr;
  const exercise* ex = nullptr;
  const std::string* name = nullptr;
  session_type type = session_type::strength;
  bool high = false;
  std::string note;  ///< the prescription's note; may be empty
};

std::vector<resolved_prescription> resolve_phase(const plan_context& ctx, const phase& ph,
                                                 warning_list& warnings) {
  std::vector<resolved_prescription> out;
  out.reserve(ph.prescriptions.size());
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
    r.ex = ctx.cat->find_exercise(p.exercise_id);
    r.name = r.ex != nullptr ? &r.ex->name : &p.exercise_id;
    r.type = session_for(r.ex);
    r.high = r.ex != nullptr && r.ex->load == load_level::high;
    r.note = p.note;
    out.push_back(std::move(r));
  }
  return out;
}

void place_prescription(const resolved_prescription& r, plan_week& week, warning_list& warnings) {
  const dosage& dose = dose_for_week(*r.p, week.week_in_phase);
  const std::string& name = *r.name;
  if (r.high && dose.sessions_per_week > max_high_load_days) {
    plan_notice n(notice_code::high_load_spread);
    n.days = max_high_load_days;
    n.sessions = dose.sessions_per_week;
    n.exercise_id = r.p->exercise_id;
    n.exercise_name = name;
    warnings.add(std::move(n));
  }
  const day_set set = days_for(dose.sessions_per_week, r.high);
  for (int i = 0; i < set.count; ++i) {
    auto& day = week.days[static_cast<std::size_t>(set.days[static_cast<std::size_t>(i)])];
    session& s = session_of_type(day, r.type);
    s.exercises.push_back(exercise_dose{r.p->exercise_id, name, dose});
    if (dose.sessions_per_week == 14 && !r.high) {
      session_note n(note_code::twice_a_day);
      n.exercise_id = r.p->exercise_id;
      n.exercise_name = name;
      s.notes.push_back(std::move(n));
    }
    if (!r.note.empty()) {
      session_note n(note_code::exercise_note, r.note);
      n.exercise_id = r.p->exercise_id;
      n.exercise_name = name;
      s.notes.push_back(std::move(n));
    }
  }
}

bool has_run(const plan_day& day) noexcept {
  return std::any_of(day.sessions.begin(), day.sessions.end(), [](const session& s) {
    return s.type == session_type::run || s.type == session_type::walk_run;
  });
}

/// Cross-training on a few non-run days, never two days in a row, rotating the activities
/// the phase allows. Phases without running get one more day.
void place_cross_training(const phase& ph, const session_note& note, plan_week& week,
                          int& rotation) {
  if (ph.cross_training.empty()) return;
  const int max_days = ph.running.mode == running_mode::none ? 3 : 2;
  int placed = 0;
  int last = -2;
  for (int k = 0; k < 7 && placed < max_days; ++k) {
    auto& day = week.days[static_cast<std::size_t>(k)];
    if (has_run(day) || k - last < 2) continue;
    const auto& activity =
        ph.cross_training[static_cast<std::size_t>(rotation++) % ph.cross_training.size()];
    day.sessions.push_back(session{.type = session_type::cross_training,
                                   .exercises = {},
                                   .run = {},
                                   .activity = activity,
                                   .notes = {note}});
    last = k;
    ++placed;
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
  for (const auto& span : spans) {
    const auto resolved = resolve_phase(ctx, *span.ph, warnings);
    for (int w = 0; w < span.weeks; ++w) {
      plan_week& week = weeks[static_cast<std::size_t>(span.first_week + w)];
      for (auto& day : week.days) day.sessions.reserve(4);
      for (const auto& r : resolved) place_prescription(r, week, warnings);
      place_cross_training(*span.ph, cross_note, week, rotation);
      fill_rest(week);
    }
  }
}

}  // namespace kneerehab::detail
