// Plan -> JSON per docs/plan.schema.json (schema id "kneerehab.plan/1").
// Keys come out in insertion order (nlohmann::ordered_json), so the output is stable and
// reads top-down: the fields PRODUCT.md requires first, documented extras after them.
// Distances are always kilometres, rounded to 2 decimals.
#include <cmath>
#include <nlohmann/json.hpp>

#include "kneerehab/core/version.hpp"
#include "kneerehab/render/notice_text.hpp"
#include "kneerehab/render/render.hpp"

namespace kneerehab {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view schema_id = "kneerehab.plan/1";

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(value * scale) / scale;
  return r == 0.0 ? 0.0 : r;  // never "-0.0"
}

double km(distance d) { return rounded(d.km(), 2); }

json named(const std::string& id, const std::string& name) {
  json j;
  j["id"] = id;
  j["name"] = name;
  return j;
}

json exercise_json(const exercise_dose& e) {
  json j;
  j["id"] = e.exercise_id;
  j["sets"] = e.dose.sets;
  j["reps"] = e.dose.reps;
  j["hold_s"] = e.dose.hold_s;
  j["name"] = e.name;
  j["minutes"] = e.dose.minutes;
  if (!e.dose.tempo.empty()) j["tempo"] = e.dose.tempo;
  if (!e.dose.load.empty()) j["load"] = e.dose.load;
  j["sessions_per_week"] = e.dose.sessions_per_week;
  return j;
}

json run_json(const run_session& r) {
  json j;
  j["km"] = km(r.run);
  j["minutes"] = rounded(r.minutes, 1);
  j["continuous"] = r.continuous;
  json intervals = json::array();
  for (const auto& i : r.intervals) {
    json step;
    step["walk_s"] = i.walk_s;
    step["run_s"] = i.run_s;
    step["repeat"] = i.repeat;
    intervals.push_back(std::move(step));
  }
  j["intervals"] = std::move(intervals);
  j["surface"] = std::string(to_string(r.where));
  j["hills"] = r.hills;
  j["speed"] = r.speed;
  j["long_run"] = r.long_run;
  return j;
}

/// A warning: its code, the values it carries (distances in km) and its text in km.
json notice_json(const plan_notice& n) {
  json j;
  j["code"] = std::string(to_string(n.code));
  const auto distance_value = [&](const char* key, const std::optional<distance>& d) {
    if (d) j[key] = km(*d);
  };
  const auto number_value = [&](const char* key, const auto& value) {
    if (value) j[key] = *value;
  };
  const auto text_value = [&](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  distance_value("target_km", n.target);
  distance_value("baseline_km", n.baseline);
  distance_value("current_km", n.current);
  distance_value("planned_km", n.planned);
  if (n.percent) j["percent"] = rounded(*n.percent, 1);
  if (n.limit_percent) j["limit_percent"] = rounded(*n.limit_percent, 1);
  number_value("age", n.age);
  number_value("min_age", n.min_age);
  number_value("prior_injuries", n.prior_injuries);
  number_value("run_days", n.run_days);
  number_value("weeks", n.weeks);
  number_value("weeks_needed", n.weeks_needed);
  number_value("days", n.days);
  number_value("sessions", n.sessions);
  number_value("pain", n.pain);
  number_value("pain_max", n.pain_max);
  text_value("symptom_id", n.symptom_id);
  text_value("symptom", n.symptom);
  text_value("ladder_id", n.ladder_id);
  text_value("phase_id", n.phase_id);
  text_value("phase_name", n.phase_name);
  text_value("exercise_id", n.exercise_id);
  text_value("exercise_name", n.exercise_name);
  text_value("protocol_id", n.protocol_id);
  j["text"] = notice_text(n, unit_system::km);
  return j;
}

bool carries_exercises(session_type type) noexcept {
  switch (type) {
    case session_type::strength:
    case session_type::mobility:
      return true;
    case session_type::run:
    case session_type::walk_run:
    case session_type::cross_training:
    case session_type::rest:
      return false;
  }
  return false;
}

bool carries_run(session_type type) noexcept {
  switch (type) {
    case session_type::run:
    case session_type::walk_run:
      return true;
    case session_type::strength:
    case session_type::mobility:
    case session_type::cross_training:
    case session_type::rest:
      return false;
  }
  return false;
}

json session_json(const session& s) {
  json j;
  j["type"] = std::string(to_string(s.type));
  if (carries_exercises(s.type)) {
    json exercises = json::array();
    for (const auto& e : s.exercises) exercises.push_back(exercise_json(e));
    j["exercises"] = std::move(exercises);
  }
  if (carries_run(s.type) && s.run) j["run"] = run_json(*s.run);
  if (s.type == session_type::cross_training && !s.activity.empty()) j["activity"] = s.activity;
  json notes = json::array();
  for (const auto& n : s.notes) notes.push_back(note_text(n));
  j["notes"] = std::move(notes);
  return j;
}

json criterion_json(const entry_criterion& c) {
  json j;
  j["measure"] = c.measure;
  j["op"] = c.op;
  j["value"] = c.value;
  j["unit"] = c.unit;
  j["text"] = c.text;
  if (!c.source.empty()) j["source"] = c.source;
  return j;
}

json week_json(const plan_week& w) {
  json j;
  j["number"] = w.number;
  j["start"] = w.start.iso();
  j["phase"] = named(w.phase_id, w.phase_name);
  j["run_km"] = km(w.run_total);
  j["week_in_phase"] = w.week_in_phase;
  j["run_cap_km"] = km(w.run_cap);
  j["lighter_week"] = w.lighter_week;
  json checkpoint = json::array();
  for (const auto& c : w.checkpoint) checkpoint.push_back(criterion_json(c));
  j["checkpoint"] = std::move(checkpoint);
  json days = json::array();
  for (const auto& d : w.days) {
    json day;
    day["date"] = d.day.iso();
    day["weekday"] = std::string(to_string(d.day.day_of_week()));
    json sessions = json::array();
    for (const auto& s : d.sessions) sessions.push_back(session_json(s));
    day["sessions"] = std::move(sessions);
    days.push_back(std::move(day));
  }
  j["days"] = std::move(days);
  return j;
}

}  // namespace

std::string render_json(const plan& p) {
  json j;
  j["schema"] = std::string(schema_id);
  j["condition"] = named(p.condition_id, p.condition_name);
  j["protocol"] = named(p.protocol_id, p.protocol_name);
  j["start"] = p.start.iso();
  j["end"] = p.end.iso();
  json weeks = json::array();
  for (const auto& w : p.weeks) weeks.push_back(week_json(w));
  j["weeks"] = std::move(weeks);
  json warnings = json::array();
  for (const auto& w : p.warnings) warnings.push_back(notice_json(w));
  j["warnings"] = std::move(warnings);
  j["advice"] = p.advice;
  j["sources"] = p.sources;
  j["baseline_km"] = km(p.baseline);
  j["target_km"] = km(p.target);
  j["easy_pace_s_per_km"] = rounded(p.easy_pace.seconds_per_km(), 1);
  json generator;
  generator["name"] = "kneerehab";
  generator["version"] = std::string(version);
  j["generator"] = std::move(generator);
  // Invalid UTF-8 in catalogue text is replaced rather than aborting the export.
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace kneerehab
