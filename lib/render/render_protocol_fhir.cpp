// Protocol -> HL7 FHIR R4 Bundle (collection) of a PlanDefinition and its ActivityDefinitions,
// docs/exports.md. Rendered twice: first with empty ids, whose digest then names the bundle
// and its entries, so that ids follow the content and never the clock.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "kneerehab/model/enum_names.hpp"
#include "kneerehab/render/protocol_fhir.hpp"
#include "render/digest.hpp"
#include "render/fhir_common.hpp"
#include "render/json_writer.hpp"

namespace kneerehab {
namespace {

using detail::json_writer;
namespace fhir = detail::fhir;

constexpr std::string_view running_activity = "running";
constexpr std::string_view no_running_activity = "no-running";

/// The ids of one rendering: empty in the first pass.
struct bundle_ids {
  std::string bundle;
  std::string plan_definition;
  std::string activity(std::string_view key) const {
    return bundle.empty() ? std::string() : detail::name_uuid(fmt::format("{}:{}", bundle, key));
  }
};

/// An id FHIR accepts ([A-Za-z0-9-.]{1,64}): other characters become '-'.
std::string fhir_id(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.';
    out += ok ? c : '-';
    if (out.size() == 64) break;
  }
  return out.empty() ? std::string("phase") : out;
}

/// The entry criterion as CQL over a measurement named like the criterion:
/// "single_leg_heel_raises" >= 20, "walk_without_aids" = true.
std::string criterion_cql(const entry_criterion& c) {
  const std::string op = c.op == "==" ? "=" : c.op;
  if (c.unit == "yes/no") {
    return fmt::format("\"{}\" {} {}", c.measure, op, c.value != 0 ? "true" : "false");
  }
  return fmt::format("\"{}\" {} {:g}", c.measure, op, c.value);
}

std::string exercise_name(const catalogue& cat, std::string_view id) {
  const auto* e = cat.find_exercise(id);
  return e != nullptr ? e->name : std::string(id);
}

/// "3 x 15; from week 3: 3 x 20".
std::string dose_text(const prescription& rx) {
  std::string text = describe(rx.dose);
  for (const auto& step : rx.progression) {
    text += fmt::format("; from week {}: {}", step.week, describe(step.dose));
  }
  if (!rx.note.empty()) text += ". " + rx.note;
  return text;
}

/// sessions a week as Timing.repeat: 7 -> once a day, 14 -> twice a day, else n a week.
void weekly_timing(json_writer& j, int sessions_per_week) {
  j.key("timingTiming");
  j.begin_object();
  j.key("repeat");
  j.begin_object();
  if (sessions_per_week % 7 == 0) {
    j.member("frequency", sessions_per_week / 7);
    j.member("period", 1);
    j.member("periodUnit", "d");
  } else {
    j.member("frequency", sessions_per_week);
    j.member("period", 1);
    j.member("periodUnit", "wk");
  }
  j.end_object();
  j.end_object();
}

std::string running_description(const catalogue& cat, const running_rule& r) {
  std::string text;
  switch (r.mode) {
    case running_mode::none:
      return "No running in this phase.";
    case running_mode::walk_run: {
      const auto* ladder = cat.find_ladder(r.ladder_id);
      text = fmt::format("Walk-run ladder {}", ladder != nullptr ? ladder->name : r.ladder_id);
      if (ladder != nullptr && !ladder->steps.empty()) {
        text += ": ";
        for (std::size_t i = 0; i < ladder->steps.size(); ++i) {
          const auto& s = ladder->steps[i];
          text += fmt::format("{}{}. {} x (walk {} s / run {} s)", i ? "; " : "", i + 1, s.repeats,
                              s.walk_s, s.run_s);
        }
        text += "; each step done at least twice, no runs on consecutive days";
      }
      break;
    }
    case running_mode::modified:
      text =
          fmt::format("Modified running: from {:g}% of the current weekly volume, pain-tolerated",
                      r.start_fraction * 100);
      break;
    case running_mode::continuous:
      text = "Continuous running, weekly volume built under the load rules";
      break;
  }
  text += fmt::format(". Surfaces up to {}", to_string(r.max_surface));
  text += r.hills ? "; hills allowed" : "; no hills";
  text += r.speed ? "; speed work allowed." : "; no speed work.";
  return text;
}

void canonical_action(json_writer& j, std::string_view title, std::string_view description,
                      std::string_view canonical) {
  j.begin_object();
  j.member("title", title);
  j.member("description", description);
  j.member("definitionCanonical", canonical);
  j.end_object();
}

void write_phase(json_writer& j, const catalogue& cat, const protocol& p, std::size_t index) {
  const phase& ph = p.phases[index];
  j.begin_object();
  j.member("id", fhir_id(ph.id));
  j.member("prefix", fmt::format("Phase {}", index + 1));
  j.member("title", ph.name);
  std::string description = ph.goal;
  description += fmt::format(" Lasts {}-{} weeks.", ph.min_weeks, ph.max_weeks);
  if (!ph.barred_exercises.empty()) {
    description += " Not in this phase:";
    for (std::size_t i = 0; i < ph.barred_exercises.size(); ++i) {
      description += (i ? ", " : " ") + exercise_name(cat, ph.barred_exercises[i]);
    }
    description += '.';
  }
  for (const auto& a : ph.advice) description += " " + a;
  j.member("description", description);
  if (!ph.entry_criteria.empty()) {
    j.key("condition");
    j.begin_array();
    for (const auto& c : ph.entry_criteria) {
      j.begin_object();
      j.member("kind", "start");
      j.key("expression");
      j.begin_object();
      const std::string rule = describe_rule(c);
      j.member("description", c.text.empty() ? rule : fmt::format("{} ({})", c.text, rule));
      j.member("language", "text/cql");
      j.member("expression", criterion_cql(c));
      j.end_object();
      j.end_object();
    }
    j.end_array();
  }
  if (index > 0) {
    j.key("relatedAction");
    j.begin_array();
    j.begin_object();
    j.member("actionId", fhir_id(p.phases[index - 1].id));
    j.member("relationship", "after-end");
    j.end_object();
    j.end_array();
  }
  j.key("timingTiming");
  j.begin_object();
  j.key("repeat");
  j.begin_object();
  j.key("boundsRange");
  j.begin_object();
  fhir::weeks_quantity(j, "low", ph.min_weeks);
  fhir::weeks_quantity(j, "high", ph.max_weeks);
  j.end_object();
  j.end_object();
  j.end_object();
  j.key("action");
  j.begin_array();
  for (const auto& rx : ph.prescriptions) {
    j.begin_object();
    j.member("title", exercise_name(cat, rx.exercise_id));
    j.member("description", dose_text(rx));
    j.key("code");
    j.begin_array();
    j.begin_object();
    j.key("coding");
    j.begin_array();
    fhir::exercise_therapy_coding(j);
    j.end_array();
    j.end_object();
    j.end_array();
    weekly_timing(j, rx.dose.sessions_per_week);
    j.member("definitionCanonical", std::string(fhir::exercise_canonical_prefix) + rx.exercise_id);
    j.end_object();
  }
  const bool runs = ph.running.mode != running_mode::none;
  canonical_action(j, runs ? "Running" : "No running", running_description(cat, ph.running),
                   fmt::format("{}{}", fhir::activity_canonical_prefix,
                               runs ? running_activity : no_running_activity));
  if (!ph.cross_training.empty()) {
    std::string what = "Cross-training allowed: ";
    for (std::size_t i = 0; i < ph.cross_training.size(); ++i) {
      what += (i ? ", " : "") + ph.cross_training[i];
    }
    j.begin_object();
    j.member("title", "Cross-training");
    j.member("description", what);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

void write_identifier(json_writer& j, std::string_view system, std::string_view value) {
  j.key("identifier");
  j.begin_array();
  j.begin_object();
  j.member("system", system);
  j.member("value", value);
  j.end_object();
  j.end_array();
}

void write_plan_definition(json_writer& j, const catalogue& cat, const protocol& p,
                           const bundle_ids& ids) {
  j.begin_object();
  j.member("resourceType", "PlanDefinition");
  if (!ids.plan_definition.empty()) j.member("id", ids.plan_definition);
  j.member("url", std::string(fhir::protocol_canonical_prefix) + p.id);
  write_identifier(j, "urn:kneerehab:protocol", p.id);
  j.member("name", fhir::computable_name(p.id));
  j.member("title", p.name);
  j.key("type");
  j.begin_object();
  j.key("coding");
  j.begin_array();
  fhir::coding(j, "http://terminology.hl7.org/CodeSystem/plan-definition-type", "clinical-protocol",
               "Clinical Protocol");
  j.end_array();
  j.end_object();
  j.member("status", "active");
  if (!p.summary.empty()) j.member("description", p.summary);
  // The condition the protocol is for, as the clinical focus of its use.
  const auto* c = cat.find_condition(p.condition_id);
  const std::string condition_name = c != nullptr ? c->name : p.condition_id;
  j.key("useContext");
  j.begin_array();
  j.begin_object();
  j.key("code");
  fhir::coding(j, "http://terminology.hl7.org/CodeSystem/usage-context-type", "focus",
               "Clinical Focus");
  j.key("valueCodeableConcept");
  j.begin_object();
  j.key("coding");
  j.begin_array();
  fhir::coding(j, fhir::condition_system, p.condition_id, condition_name);
  j.end_array();
  j.member("text", condition_name);
  j.end_object();
  j.end_object();
  j.end_array();
  if (!p.sources.empty()) {
    j.key("relatedArtifact");
    j.begin_array();
    for (const auto& s : p.sources) {
      j.begin_object();
      j.member("type", "citation");
      j.member("citation", s);
      j.end_object();
    }
    j.end_array();
  }
  j.key("action");
  j.begin_array();
  for (std::size_t i = 0; i < p.phases.size(); ++i) write_phase(j, cat, p, i);
  j.end_array();
  j.end_object();
}

struct definition {
  std::string key;       ///< exercise id, "running" or "no-running"
  bool running = false;  ///< running or no-running, not an exercise
  const exercise* e = nullptr;
};

std::vector<definition> definitions_of(const catalogue& cat, const protocol& p) {
  std::vector<definition> out;
  const auto add = [&](const std::string& key, bool running, const exercise* e) {
    for (const auto& d : out) {
      if (d.key == key && d.running == running) return;
    }
    out.push_back({key, running, e});
  };
  for (const auto& ph : p.phases) {
    for (const auto& rx : ph.prescriptions) {
      add(rx.exercise_id, false, cat.find_exercise(rx.exercise_id));
    }
  }
  for (const auto& ph : p.phases) {
    add(std::string(ph.running.mode != running_mode::none ? running_activity : no_running_activity),
        true, nullptr);
  }
  return out;
}

void write_activity_definition(json_writer& j, const definition& d, const std::string& id) {
  j.begin_object();
  j.member("resourceType", "ActivityDefinition");
  if (!id.empty()) j.member("id", id);
  const bool is_running = d.running;
  j.member("url", std::string(is_running ? fhir::activity_canonical_prefix
                                         : fhir::exercise_canonical_prefix) +
                      d.key);
  write_identifier(j, is_running ? fhir::activity_system : fhir::exercise_system, d.key);
  j.member("name", fhir::computable_name(d.key));
  std::string title = d.e != nullptr ? d.e->name : d.key;
  if (is_running) title = d.key == running_activity ? "Running" : "No running";
  j.member("title", title);
  j.member("status", "active");
  std::string description;
  if (d.e != nullptr) {
    const exercise& e = *d.e;
    description = fmt::format("{} exercise, {} load", to_string(e.category), to_string(e.load));
    if (!e.muscles.empty()) {
      description += ". Muscles: ";
      for (std::size_t i = 0; i < e.muscles.size(); ++i)
        description += (i ? ", " : "") + e.muscles[i];
    }
    description += fmt::format(". Equipment: ");
    if (e.equipment.empty()) description += "none";
    for (std::size_t i = 0; i < e.equipment.size(); ++i) {
      description += (i ? ", " : "") + e.equipment[i];
    }
    description += ".";
    for (std::size_t i = 0; i < e.instructions.size(); ++i) {
      description += fmt::format("\n{}. {}", i + 1, e.instructions[i]);
    }
    description += fmt::format("\nDefault dose: {}, {} sessions a week.",
                               describe(e.default_dosage), e.default_dosage.sessions_per_week);
  } else if (is_running && d.key == running_activity) {
    description = "Easy running, as the phase's running rule prescribes.";
  } else if (is_running) {
    description = "No running: the phase does not allow it yet.";
  } else {
    description = "Exercise " + d.key + " (not in the catalogue).";
  }
  j.member("description", description);
  j.member("kind", "ServiceRequest");
  j.key("code");
  j.begin_object();
  j.key("coding");
  j.begin_array();
  if (is_running) {
    fhir::coding(j, fhir::activity_system, running_activity, "Running");
  } else {
    fhir::exercise_therapy_coding(j);
    fhir::coding(j, fhir::exercise_system, d.key, title);
  }
  j.end_array();
  j.member("text", title);
  j.end_object();
  if (is_running && d.key == no_running_activity) j.member("doNotPerform", true);
  if (d.e != nullptr) weekly_timing(j, d.e->default_dosage.sessions_per_week);
  j.end_object();
}

std::string render_bundle(const catalogue& cat, const protocol& p, const bundle_ids& ids) {
  std::string out;
  json_writer j(out);
  j.begin_object();
  j.member("resourceType", "Bundle");
  if (!ids.bundle.empty()) j.member("id", ids.bundle);
  j.member("type", "collection");
  j.key("entry");
  j.begin_array();
  j.begin_object();
  j.member("fullUrl", "urn:uuid:" + ids.plan_definition);
  j.key("resource");
  write_plan_definition(j, cat, p, ids);
  j.end_object();
  for (const auto& d : definitions_of(cat, p)) {
    const auto id = ids.activity((d.running ? "activity:" : "exercise:") + d.key);
    j.begin_object();
    j.member("fullUrl", "urn:uuid:" + id);
    j.key("resource");
    write_activity_definition(j, d, id);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  out += '\n';
  return out;
}

}  // namespace

std::string render_protocol_fhir(const catalogue& cat, const protocol& p) {
  const std::string digest = detail::sha256_hex(render_bundle(cat, p, bundle_ids{}));
  bundle_ids ids;
  ids.bundle = detail::name_uuid("kneerehab-protocol-bundle:" + digest);
  ids.plan_definition = detail::name_uuid("kneerehab-plandefinition:" + digest);
  return render_bundle(cat, p, ids);
}

}  // namespace kneerehab
