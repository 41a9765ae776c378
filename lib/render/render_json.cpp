// Plan -> JSON per docs/plan.schema.json (schema id "kneerehab.plan/1"), and the referral
// given instead of a plan ("kneerehab.referral/1").
// Written as a stream (render/json_writer.hpp), with no document tree in between. Keys come
// out in the order written here, so the output is stable and reads top-down: the fields
// the plan contract (docs/plan-json.md) requires first (the warnings before the weeks),
// documented extras after them.
// Distances are always kilometres, rounded to 2 decimals.
#include <cmath>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "kneerehab/core/version.hpp"
#include "kneerehab/render/notice_text.hpp"
#include "kneerehab/render/render.hpp"
#include "render/json_writer.hpp"

namespace kneerehab {
namespace {

using detail::json_writer;

constexpr std::string_view schema_id = "kneerehab.plan/1";
constexpr std::string_view referral_schema_id = "kneerehab.referral/1";

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(value * scale) / scale;
  return r == 0.0 ? 0.0 : r;  // never "-0.0"
}

double km(distance d) { return rounded(d.km(), 2); }

void write_named(json_writer& j, std::string_view key, const std::string& id,
                 const std::string& name) {
  j.key(key);
  j.begin_object();
  j.member("id", id);
  j.member("name", name);
  j.end_object();
}

void write_exercise(json_writer& j, const exercise_dose& e) {
  j.begin_object();
  j.member("id", e.exercise_id());
  j.member("sets", e.dose.sets);
  j.member("reps", e.dose.reps);
  j.member("hold_s", e.dose.hold_s);
  j.member("name", e.name());
  j.member("minutes", e.dose.minutes);
  if (!e.dose.tempo.empty()) j.member("tempo", e.dose.tempo);
  if (!e.dose.load.empty()) j.member("load", e.dose.load);
  j.member("sessions_per_week", e.dose.sessions_per_week);
  j.end_object();
}

void write_run(json_writer& j, const run_session& r) {
  j.begin_object();
  j.member("km", km(r.run));
  j.member("minutes", rounded(r.minutes, 1));
  j.member("continuous", r.continuous);
  j.key("intervals");
  j.begin_array();
  for (const auto& i : r.intervals) {
    j.begin_object();
    j.member("walk_s", i.walk_s);
    j.member("run_s", i.run_s);
    j.member("repeat", i.repeat);
    j.end_object();
  }
  j.end_array();
  j.member("surface", to_string(r.where));
  j.member("hills", r.hills);
  j.member("downhill", r.downhill);
  j.member("speed", r.speed);
  j.member("long_run", r.long_run);
  j.end_object();
}

/// A warning: its code, the values it carries (distances in km) and its text in km.
// A warning as an object: its code, the values it carries (distances in km) and its text in
// km.
void write_notice(json_writer& j, const plan_notice& n) {
  using member_value = std::variant<double, int, std::string>;
  std::vector<std::pair<std::string_view, member_value>> members;
  members.emplace_back("code", std::string(to_string(n.code)));
  const auto distance_value = [&](std::string_view key, const std::optional<distance>& d) {
    if (d) members.emplace_back(key, km(*d));
  };
  const auto number_value = [&](std::string_view key, const std::optional<int>& value) {
    if (value) members.emplace_back(key, *value);
  };
  const auto text_value = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) members.emplace_back(key, value);
  };
  distance_value("target_km", n.target);
  distance_value("baseline_km", n.baseline);
  distance_value("current_km", n.current);
  distance_value("planned_km", n.planned);
  if (n.percent) members.emplace_back("percent", rounded(*n.percent, 1));
  if (n.limit_percent) members.emplace_back("limit_percent", rounded(*n.limit_percent, 1));
  if (n.minutes) members.emplace_back("minutes", rounded(*n.minutes, 1));
  number_value("age", n.age);
  number_value("min_age", n.min_age);
  number_value("max_age", n.max_age);
  number_value("prior_injuries", n.prior_injuries);
  number_value("run_days", n.run_days);
  number_value("weeks", n.weeks);
  number_value("weeks_needed", n.weeks_needed);
  number_value("days", n.days);
  number_value("sessions", n.sessions);
  number_value("pain", n.pain);
  number_value("pain_max", n.pain_max);
  number_value("max_exercises", n.max_exercises);
  text_value("symptom_id", n.symptom_id);
  text_value("symptom", n.symptom);
  text_value("ladder_id", n.ladder_id);
  text_value("phase_id", n.phase_id);
  text_value("phase_name", n.phase_name);
  text_value("exercise_id", n.exercise_id);
  text_value("exercise_name", n.exercise_name);
  text_value("protocol_id", n.protocol_id);
  text_value("condition_id", n.condition_id);
  text_value("condition_name", n.condition_name);
  members.emplace_back("text", notice_text(n, unit_system::km));
  j.begin_object();
  for (const auto& [key, value] : members) {
    j.key(key);
    std::visit([&](const auto& v) { j.value(v); }, value);
  }
  j.end_object();
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

void write_session(json_writer& j, const session& s) {
  j.begin_object();
  j.member("type", to_string(s.type));
  if (carries_exercises(s.type)) {
    j.key("exercises");
    j.begin_array();
    for (const auto& e : s.exercises) write_exercise(j, e);
    j.end_array();
  }
  if (carries_run(s.type) && s.run) {
    j.key("run");
    write_run(j, *s.run);
  }
  if (s.type == session_type::cross_training && !s.activity.empty()) {
    j.member("activity", s.activity);
  }
  j.key("notes");
  j.begin_array();
  for (const auto& n : s.notes) j.value(note_text(n));
  j.end_array();
  j.member("minutes", s.minutes);
  j.end_object();
}

void write_criterion(json_writer& j, const entry_criterion& c) {
  j.begin_object();
  j.member("measure", c.measure);
  j.member("op", c.op);
  j.member("value", c.value);
  j.member("unit", c.unit);
  j.member("text", c.text);
  if (!c.source.empty()) j.member("source", c.source);
  j.end_object();
}

void write_week(json_writer& j, const plan_week& w) {
  j.begin_object();
  j.member("number", w.number);
  j.member("start", w.start.iso());
  write_named(j, "phase", w.phase_id, w.phase_name);
  j.member("run_km", km(w.run_total));
  j.member("week_in_phase", w.week_in_phase);
  j.member("run_cap_km", km(w.run_cap));
  j.member("lighter_week", w.lighter_week);
  j.key("checkpoint");
  j.begin_array();
  for (const auto& c : w.checkpoint) write_criterion(j, c);
  j.end_array();
  j.key("days");
  j.begin_array();
  for (const auto& d : w.days) {
    j.begin_object();
    j.member("date", d.day.iso());
    j.member("weekday", to_string(d.day.day_of_week()));
    j.key("sessions");
    j.begin_array();
    for (const auto& s : d.sessions) write_session(j, s);
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

void write_generator(json_writer& j) {
  j.key("generator");
  j.begin_object();
  j.member("name", "kneerehab");
  j.member("version", version);
  j.end_object();
}

}  // namespace

std::string render_json(const referral& r) {
  std::string out;
  json_writer j(out);
  j.begin_object();
  j.member("schema", referral_schema_id);
  j.member("reason", to_string(r.reason));
  j.member("title", r.title);
  if (!r.red_flag_id.empty()) write_named(j, "red_flag", r.red_flag_id, r.red_flag_name);
  if (!r.symptom_id.empty()) j.member("symptom_id", r.symptom_id);
  if (!r.condition_id.empty()) write_named(j, "condition", r.condition_id, r.condition_name);
  if (r.pain) j.member("pain", *r.pain);
  if (r.pain_refer_min) j.member("pain_refer_min", *r.pain_refer_min);
  if (r.age) j.member("age", *r.age);
  if (r.min_age) j.member("min_age", *r.min_age);
  if (r.injury_date) j.member("injury_date", r.injury_date->iso());
  if (r.days_since_injury) j.member("days_since_injury", *r.days_since_injury);
  j.member("why", r.why);
  j.member("action", r.action);
  j.member("message", r.message);
  write_generator(j);
  j.end_object();
  out += '\n';
  return out;
}

// {"id", "name"} and, for a clinic's protocol, its origin, author and version.
void write_protocol(json_writer& j, const plan& p) {
  if (p.protocol_author.empty()) {
    write_named(j, "protocol", p.protocol_id, p.protocol_name);
    return;
  }
  j.key("protocol");
  j.begin_object();
  j.member("id", p.protocol_id);
  j.member("name", p.protocol_name);
  j.member("origin", p.protocol_origin);
  j.member("author", p.protocol_author);
  j.member("version", p.protocol_version);
  j.end_object();
}

std::string render_json(const plan& p) {
  std::string out;
  // About 1.3 kB per day of a typical plan: one allocation for most plans.
  out.reserve(4096 + p.weeks.size() * 7 * 1400);
  json_writer j(out);
  j.begin_object();
  j.member("schema", schema_id);
  write_named(j, "condition", p.condition_id, p.condition_name);
  write_protocol(j, p);
  j.member("start", p.start.iso());
  j.member("end", p.end.iso());
  // Every warning and referral notice before week 1 (docs/plan-rules.md rule 7): a reader
  // streaming the document meets them first.
  j.key("warnings");
  j.begin_array();
  for (const auto& w : p.warnings) write_notice(j, w);
  j.end_array();
  j.key("weeks");
  j.begin_array();
  for (const auto& w : p.weeks) write_week(j, w);
  j.end_array();
  j.key("advice");
  j.string_array(p.advice);
  j.key("sources");
  j.string_array(p.sources);
  j.member("baseline_km", km(p.baseline));
  j.member("target_km", km(p.target));
  j.member("easy_pace_s_per_km", rounded(p.easy_pace.seconds_per_km(), 1));
  write_generator(j);
  j.end_object();
  // Invalid UTF-8 in catalogue text is replaced (U+FFFD) rather than aborting the export.
  out += '\n';
  return out;
}

}  // namespace kneerehab
