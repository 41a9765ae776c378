// Plan -> HL7 FHIR R4 CarePlan (JSON), docs/exports.md. The Condition and the target-volume
// Goal are contained (a plan names no patient and no server, so there is nothing to point
// at); every prescribed activity is an activity.detail whose scheduledTiming says on which
// weekdays, how often a day and between which dates it is done:
// - an exercise with one dose on the same weekdays in consecutive weeks is one activity
//   (SNOMED CT 229065009 exercise therapy, plus kneerehab's exercise code);
// - the runs (and walk-runs) of a week are one activity, their distance as its quantity;
// - weeks in a row where the rules allow no running are one "Running" activity with
//   doNotPerform true;
// - cross-training is grouped like exercises.
// Distances are kilometres. The id is a name-based UUID of the plan's content; `created` is
// the request's today. Nothing reads the clock.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "kneerehab/render/notice_text.hpp"
#include "kneerehab/render/render.hpp"
#include "render/digest.hpp"
#include "render/fhir_common.hpp"
#include "render/json_writer.hpp"
#include "render/plan_export.hpp"
#include "render/plan_words.hpp"

namespace kneerehab {
namespace {

using detail::json_writer;
namespace fhir = detail::fhir;

constexpr std::string_view subject_display = "The runner (not identified in this export)";
constexpr std::string_view condition_ref = "#condition";
constexpr std::string_view goal_ref = "#goal-weekly-running";

/// One activity.detail to write.
struct activity {
  enum class what { exercise, cross_training, runs, no_running } kind = what::exercise;
  std::string key;  ///< what makes two weeks' items the same activity
  std::string code;
  std::string display;
  std::string text;  ///< code.text
  std::string description;
  int first_week = 0;  ///< index into plan::weeks
  int last_week = 0;
  std::vector<weekday> days;  ///< sorted
  int per_day = 1;
  double km = 0;  ///< runs: the distance of the week
};

void sort_unique(std::vector<weekday>& days) {
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
}

std::string exercise_key(const exercise_dose& e) {
  const dosage& d = e.dose;
  return fmt::format("exercise|{}|{}|{}|{}|{}|{}|{}", e.exercise_id(), d.sets, d.reps, d.hold_s,
                     d.minutes, d.tempo, d.load);
}

/// A week's items of one kind and key, with the weekdays they fall on and how often a day.
struct week_item {
  activity a;
  std::map<weekday, int> count_by_day;
};

std::vector<week_item> week_items(const plan_week& w, int index, unit_system units) {
  std::vector<week_item> items;
  const auto add = [&](activity a, weekday day) {
    auto it = std::find_if(items.begin(), items.end(),
                           [&](const week_item& i) { return i.a.key == a.key; });
    if (it == items.end()) {
      items.push_back({std::move(a), {}});
      it = items.end() - 1;
    }
    ++it->count_by_day[day];
  };
  std::vector<std::string> runs;
  std::vector<weekday> run_days;
  double run_km = 0;
  for (const auto& d : w.days) {
    const weekday day = d.day.day_of_week();
    for (const auto& s : d.sessions) {
      for (const auto& e : s.exercises) {
        activity a;
        a.kind = activity::what::exercise;
        a.key = exercise_key(e);
        a.code = e.exercise_id();
        a.display = e.name().empty() ? e.exercise_id() : e.name();
        a.text = a.display;
        a.description =
            fmt::format("{}: {} ({} sessions)", a.display, describe(e.dose), to_string(s.type));
        add(std::move(a), day);
      }
      if (s.type == session_type::cross_training) {
        activity a;
        a.kind = activity::what::cross_training;
        a.key = "cross-training|" + s.activity;
        a.code = "cross-training";
        a.display = "Cross-training";
        a.text = s.activity.empty() ? a.display : "Cross-training: " + s.activity;
        std::string how;
        for (const auto& n : s.notes) how += (how.empty() ? "" : "; ") + note_text(n);
        a.description = how.empty() ? a.text : fmt::format("{}. {}", a.text, how);
        add(std::move(a), day);
      }
      if (s.run) {
        runs.push_back(fmt::format("{} {}: {}", detail::weekday_short_name(day),
                                   detail::session_summary(s),
                                   detail::session_dose_lines(s, units).front()));
        if (!s.run->intervals.empty())
          runs.back() += ", " + detail::intervals_text(s.run->intervals);
        run_days.push_back(day);
        run_km += s.run->run.km();
      }
    }
  }
  if (!runs.empty()) {
    activity a;
    a.kind = activity::what::runs;
    a.key = fmt::format("runs|week{}", index);
    a.code = "running";
    a.display = "Running";
    a.text = fmt::format("Running, week {}", w.number);
    a.description = fmt::format("Week {} ({}), {:.1f} km in all: ", w.number, w.phase_name, run_km);
    for (std::size_t i = 0; i < runs.size(); ++i) a.description += (i ? "; " : "") + runs[i];
    a.km = run_km;
    week_item item{std::move(a), {}};
    for (const auto day : run_days) ++item.count_by_day[day];
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<activity> collect_activities(const plan& p, unit_system units) {
  std::vector<activity> done;
  std::map<std::string, std::size_t> open;  // key -> index in done, extendable into next week
  for (int wi = 0; wi < static_cast<int>(p.weeks.size()); ++wi) {
    const plan_week& w = p.weeks[static_cast<std::size_t>(wi)];
    // Running not allowed yet: the rules capped the week at nothing and it has no run.
    if (w.run_cap.km() <= 0 && w.run_total.km() <= 0) {
      const auto it = open.find("no-running");
      if (it != open.end() && done[it->second].last_week == wi - 1) {
        done[it->second].last_week = wi;
      } else {
        activity a;
        a.kind = activity::what::no_running;
        a.key = "no-running";
        a.code = "running";
        a.display = "Running";
        a.text = "No running yet";
        a.first_week = a.last_week = wi;
        open["no-running"] = done.size();
        done.push_back(std::move(a));
      }
    }
    for (auto& item : week_items(w, wi, units)) {
      std::vector<weekday> days;
      int per_day = 1;
      for (const auto& [day, count] : item.count_by_day) {
        days.push_back(day);
        per_day = std::max(per_day, count);
      }
      sort_unique(days);
      const auto it = open.find(item.a.key);
      if (it != open.end()) {
        activity& a = done[it->second];
        if (a.last_week == wi - 1 && a.days == days && a.per_day == per_day) {
          a.last_week = wi;
          continue;
        }
      }
      item.a.first_week = item.a.last_week = wi;
      item.a.days = std::move(days);
      item.a.per_day = per_day;
      open[item.a.key] = done.size();
      done.push_back(std::move(item.a));
    }
  }
  // No-running spans read best with what the runner may do instead.
  for (auto& a : done) {
    if (a.kind != activity::what::no_running) continue;
    const auto& first = p.weeks[static_cast<std::size_t>(a.first_week)];
    const auto& last = p.weeks[static_cast<std::size_t>(a.last_week)];
    a.description = fmt::format(
        "No running in week{} {}{} ({}): running is not allowed yet. Walk, cross-train and do the "
        "exercises.",
        a.first_week == a.last_week ? "" : "s", first.number,
        a.first_week == a.last_week ? std::string() : fmt::format("-{}", last.number),
        first.phase_name);
  }
  return done;
}

void write_subject(json_writer& j) {
  j.key("subject");
  j.begin_object();
  j.member("display", subject_display);
  j.end_object();
}

void write_reference(json_writer& j, std::string_view key, std::string_view reference) {
  j.key(key);
  j.begin_array();
  j.begin_object();
  j.member("reference", reference);
  j.end_object();
  j.end_array();
}

void write_condition(json_writer& j, const plan& p) {
  j.begin_object();
  j.member("resourceType", "Condition");
  j.member("id", condition_ref.substr(1));
  j.key("clinicalStatus");
  j.begin_object();
  j.key("coding");
  j.begin_array();
  fhir::coding(j, "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active");
  j.end_array();
  j.end_object();
  j.key("verificationStatus");
  j.begin_object();
  j.key("coding");
  j.begin_array();
  fhir::coding(j, "http://terminology.hl7.org/CodeSystem/condition-ver-status", "provisional",
               "Provisional");
  j.end_array();
  j.end_object();
  j.key("code");
  j.begin_object();
  j.key("coding");
  j.begin_array();
  fhir::coding(j, fhir::condition_system, p.condition_id, p.condition_name);
  j.end_array();
  j.member("text", p.condition_name);
  j.end_object();
  write_subject(j);
  j.end_object();
}

void write_goal(json_writer& j, const plan& p) {
  j.begin_object();
  j.member("resourceType", "Goal");
  j.member("id", goal_ref.substr(1));
  j.member("lifecycleStatus", "active");
  j.key("description");
  j.begin_object();
  j.member("text", fmt::format("Run {:.1f} km a week again without knee pain", p.target.km()));
  j.end_object();
  write_subject(j);
  j.member("startDate", p.start.iso());
  j.key("target");
  j.begin_array();
  j.begin_object();
  j.key("measure");
  j.begin_object();
  j.member("text", "Weekly running distance");
  j.end_object();
  fhir::km_quantity(j, "detailQuantity", p.target.km());
  j.member("dueDate", p.end.iso());
  j.end_object();
  j.end_array();
  write_reference(j, "addresses", condition_ref);
  j.end_object();
}

void write_activity(json_writer& j, const plan& p, const activity& a) {
  const auto& first = p.weeks[static_cast<std::size_t>(a.first_week)];
  const auto& last = p.weeks[static_cast<std::size_t>(a.last_week)];
  j.begin_object();
  j.key("detail");
  j.begin_object();
  j.member("kind", "ServiceRequest");
  j.key("code");
  j.begin_object();
  j.key("coding");
  j.begin_array();
  switch (a.kind) {
    case activity::what::exercise:
      fhir::exercise_therapy_coding(j);
      fhir::coding(j, fhir::exercise_system, a.code, a.display);
      break;
    case activity::what::cross_training:
    case activity::what::runs:
    case activity::what::no_running:
      fhir::coding(j, fhir::activity_system, a.code, a.display);
      break;
  }
  j.end_array();
  j.member("text", a.text);
  j.end_object();
  if (a.kind != activity::what::no_running) write_reference(j, "goal", goal_ref);
  j.member("status", "scheduled");
  if (a.kind == activity::what::no_running) j.member("doNotPerform", true);
  j.key("scheduledTiming");
  j.begin_object();
  j.key("repeat");
  j.begin_object();
  j.key("boundsPeriod");
  j.begin_object();
  j.member("start", first.start.iso());
  j.member("end", last.start.plus_days(6).iso());
  j.end_object();
  if (!a.days.empty()) {
    j.member("frequency", a.per_day);
    j.member("period", 1);
    j.member("periodUnit", "d");
    j.key("dayOfWeek");
    j.begin_array();
    for (const auto day : a.days) j.value(to_string(day));
    j.end_array();
  }
  j.end_object();
  j.end_object();
  if (a.kind == activity::what::runs) fhir::km_quantity(j, "quantity", a.km);
  j.member("description", a.description);
  j.end_object();
  j.end_object();
}

}  // namespace

std::string render_fhir(const plan& p, const render_options& options) {
  const std::string digest = detail::sha256_hex(detail::plan_fingerprint(p));
  const std::string id = detail::name_uuid("kneerehab-careplan:" + digest);
  std::string out;
  out.reserve(8192 + p.weeks.size() * 2048);
  json_writer j(out);
  j.begin_object();
  j.member("resourceType", "CarePlan");
  j.member("id", id);
  j.key("contained");
  j.begin_array();
  write_condition(j, p);
  write_goal(j, p);
  j.end_array();
  j.key("identifier");
  j.begin_array();
  j.begin_object();
  j.member("system", "urn:ietf:rfc:3986");
  j.member("value", "urn:uuid:" + id);
  j.end_object();
  j.end_array();
  j.key("instantiatesUri");
  j.begin_array();
  j.value(std::string(fhir::protocol_canonical_prefix) + p.protocol_id);
  j.end_array();
  j.member("status", "active");
  j.member("intent", "plan");
  j.member("title", fmt::format("Knee rehab: {}", p.condition_name));
  j.member("description", fmt::format("{}, {} to {}, {} week{}", p.protocol_name, p.start.iso(),
                                      p.end.iso(), p.weeks.size(), p.weeks.size() == 1 ? "" : "s"));
  write_subject(j);
  j.key("period");
  j.begin_object();
  j.member("start", p.start.iso());
  j.member("end", p.end.iso());
  j.end_object();
  j.member("created", options.today.value_or(p.start).iso());
  write_reference(j, "addresses", condition_ref);
  write_reference(j, "goal", goal_ref);
  j.key("activity");
  j.begin_array();
  for (const auto& a : collect_activities(p, unit_system::km)) write_activity(j, p, a);
  j.end_array();
  // Warnings first (docs/plan-rules.md rule 7), then each phase's checkpoint, then advice.
  std::vector<std::string> notes;
  for (const auto& w : p.warnings) notes.push_back("Warning: " + notice_text(w, unit_system::km));
  for (const auto& w : p.weeks) {
    if (w.checkpoint.empty()) continue;
    std::string text = fmt::format("Before week {} ({}), check:", w.number, w.phase_name);
    for (const auto& c : w.checkpoint) {
      text += fmt::format(" {}{};", c.text.empty() ? "" : c.text + " - ", describe_rule(c));
    }
    text.pop_back();
    notes.push_back(text);
  }
  for (const auto& a : p.advice) notes.push_back(a);
  if (!notes.empty()) {
    j.key("note");
    j.begin_array();
    for (const auto& n : notes) {
      j.begin_object();
      j.member("text", n);
      j.end_object();
    }
    j.end_array();
  }
  j.end_object();
  out += '\n';
  return out;
}

}  // namespace kneerehab
